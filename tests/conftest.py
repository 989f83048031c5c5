"""Fixtures every test folder may use: a throwaway PostgreSQL cluster for the server store."""

from __future__ import annotations

import gc
import itertools
import sys

import pytest
from pg_cluster import Cluster, running_cluster

_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Cluster:
    """One cluster for the whole run (started on first use, stopped at the end, even on failure)."""
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """A new, empty database in the test cluster, for this test alone."""
    return pg_cluster.create_database(f"count_{next(_database_numbers)}")


@pytest.fixture(autouse=True)
def automatic_collection_until_the_gui_collects():
    """Loading the GUI switches CPython's automatic garbage collection off (countdesk/gui/
    __init__.py) for the app's GUI-thread timer to take over once a QApplication is made. A test
    process that loaded the GUI but never started that timer would never collect: until it starts,
    tests run with automatic collection on, as any process without the GUI does."""
    collector = sys.modules.get("countdesk.gui.collector")
    if collector is None or not collector.gui_thread_collects():
        gc.enable()
    yield


@pytest.fixture(scope="session", autouse=True)
def _qt_objects_freed_before_exit():
    """Windows and dialogs a test left behind are deleted while Qt is still there.

    pytest-qt closes each test's widgets and calls deleteLater(), but nothing runs an event loop
    after the last test, so those objects were freed by Python's shutdown after Qt's own teardown:
    "shared QObject was deleted directly" and a crash at exit (the run's exit code lost) when a
    test file ended with a main window, as tests/gui/test_export_dialog.py does."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return  # no test used Qt: nothing to free, and Qt is not loaded for nothing
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

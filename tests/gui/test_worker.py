"""The one helper for slow work: success and failure come back on the GUI thread; a cancelled task
calls neither callback."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from countdesk.errors import CountdeskError
from countdesk.gui.worker import Cancelled, CancelToken, run_in_background


def test_success_is_delivered_on_the_gui_thread(qtbot):
    gui_thread = QThread.currentThread()
    seen = {}

    def work(token: CancelToken) -> int:
        seen["work_thread"] = threading.current_thread().name
        return 6 * 7

    def done(value: int) -> None:
        seen["value"] = value
        seen["on_gui_thread"] = QThread.currentThread() is gui_thread

    task = run_in_background(work, done, lambda error: seen.setdefault("error", error))
    qtbot.waitUntil(lambda: task.done)
    assert seen["value"] == 42 and seen["on_gui_thread"] and "error" not in seen
    assert seen["work_thread"] != threading.main_thread().name


def test_a_failure_reaches_the_failure_callback(qtbot):
    errors = []

    def work(token: CancelToken) -> None:
        raise CountdeskError("the file is damaged", "count.json")

    task = run_in_background(work, lambda value: pytest.fail("no success expected"), errors.append)
    qtbot.waitUntil(lambda: task.done)
    assert len(errors) == 1 and str(errors[0]) == "count.json: the file is damaged"


def test_a_cancelled_task_calls_neither_callback(qtbot):
    started, release = threading.Event(), threading.Event()
    calls = []

    def work(token: CancelToken) -> str:
        started.set()
        release.wait(5)
        token.check()
        return "finished"

    task = run_in_background(work, calls.append, calls.append)
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: task.done)
    qtbot.wait(20)
    assert calls == [] and task.cancelled


def test_check_raises_only_after_cancel():
    token = CancelToken()
    token.check()
    token.cancel()
    with pytest.raises(Cancelled):
        token.check()


def test_a_finished_task_lets_go_of_its_callbacks_and_dies_on_the_gui_thread(qtbot):
    """Qt holds a signal's Python callbacks where the garbage collector cannot see them: a task
    that kept its connections would keep whatever its callbacks hold (a closed dialog) for ever."""
    import gc
    import weakref

    from countdesk.gui import worker

    died_on = []

    class Dialog:  # stands for a window whose bound method is the success callback
        def shown(self, value: int) -> None:
            self.value = value

    class WatchedTask(worker.Task):
        def __del__(self) -> None:
            died_on.append(threading.current_thread() is threading.main_thread())

    dialog = Dialog()
    alive = weakref.ref(dialog)
    original, worker.Task = worker.Task, WatchedTask
    try:
        tasks = [run_in_background(lambda token, n=n: n, dialog.shown) for n in range(50)]
    finally:
        worker.Task = original
    qtbot.waitUntil(lambda tasks=tasks: all(task.done for task in tasks) and not worker._running)
    del tasks, dialog
    gc.collect()
    assert alive() is None
    assert died_on == [True] * 50


def test_no_garbage_collection_runs_on_a_pool_thread(qtbot):
    """A collection on a pool thread frees Qt objects left in reference cycles there, while the GUI
    thread uses Qt: the crash this guards against. Automatic collection is off once work runs (and
    stays off); a timer on the GUI thread collects, and frees the cycles."""
    import gc
    import weakref

    from PySide6.QtCore import QObject

    from countdesk.gui import worker
    from countdesk.gui.collector import collect_on_gui_thread_only

    collections_on: list[str] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            collections_on.append(threading.current_thread().name)

    class Cycle(QObject):  # a Qt object only the garbage collector can free
        def __init__(self) -> None:
            super().__init__()
            self.me = self

    def allocate_a_lot(token: CancelToken) -> int:  # as a PDF render does: enough to trigger collections
        kept = [[number] for number in range(200_000)]
        return len(kept)

    gc.enable()  # as a fresh process starts
    collector = collect_on_gui_thread_only()
    interval = collector.timer.interval()
    gc.callbacks.append(watch)
    try:
        gc.enable()
        tasks = [run_in_background(allocate_a_lot, lambda value: None) for _ in range(4)]
        assert not gc.isenabled()
        for _ in range(200):
            Cycle()
        qtbot.waitUntil(lambda: all(task.done for task in tasks) and not worker._running, timeout=20_000)
        assert not gc.isenabled()  # collection belongs to the GUI thread's timer for good
        collector.timer.setInterval(20)
        cycle = Cycle()
        freed = weakref.ref(cycle)
        del cycle
        before = collector.collections
        qtbot.waitUntil(lambda: freed() is None and collector.collections > before, timeout=5_000)
    finally:
        collector.timer.setInterval(interval)
        gc.callbacks.remove(watch)
    assert [name for name in collections_on if name != threading.main_thread().name] == []
    assert threading.main_thread().name in collections_on

"""Slow work off the GUI thread, through one helper: QThreadPool + QRunnable.

`run_in_background(work, on_success, on_failure)` runs `work(token)` on a pool thread and calls
one of the callbacks back on the GUI thread. `work` should call `token.check()` between steps:
after `Task.cancel()` that raises `Cancelled`, and neither callback runs. `run_with_progress`
adds a busy indicator with a Cancel button, for anything the user waits for.

No garbage collection ever runs on a pool thread: before the first piece of work starts, automatic
collection is handed to a GUI-thread timer (gui/collector.py; the app does this at start anyway).
A collection triggered on a pool thread (rendering a PDF allocates a lot) would free any Qt object
left in a reference cycle (a closed dialog, say) on that thread, while the GUI thread may be using
Qt: memory corruption and a crash, seen as a segfault in whatever code ran next.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from .collector import collect_on_gui_thread_only


class Cancelled(Exception):
    """Raised inside the work by `CancelToken.check()` once the user cancelled."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class Task(QObject):
    """The handle on one piece of background work. Signals arrive on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.token = CancelToken()
        self.done = False

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class _Job(QRunnable):
    """Runs the work on a pool thread and reports through the task's signals. It lets go of the
    task and the work before saying so (`released`): the GUI thread keeps its own references until
    then, so neither is ever freed on the pool thread (a QObject must die in its own thread)."""

    def __init__(self, task: Task, work: Callable[[CancelToken], Any], released: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task: Task | None = task
        self._work: Callable[[CancelToken], Any] | None = work
        self._released = released

    def run(self) -> None:
        try:
            _report(self._task, self._work)
        finally:
            self._task = self._work = None
            self._released.set()


def _report(task: Task, work: Callable[[CancelToken], Any]) -> None:
    try:
        value = work(task.token)
    except Cancelled:
        task.finished.emit()
        return
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the GUI thread
        task.failed.emit(error)
    else:
        task.succeeded.emit(value)
    task.finished.emit()


#: Tasks in flight with what they run, kept alive until the pool thread has let go of them.
_running: dict[Task, tuple[Callable[[CancelToken], Any], threading.Event]] = {}


def run_in_background(
    work: Callable[[CancelToken], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> Task:
    """Start `work(token)` on the pool; exactly one callback runs on the GUI thread, unless cancelled."""
    task = Task()

    def succeeded(value: Any) -> None:
        if not task.cancelled:
            on_success(value)

    def failed(error: BaseException) -> None:
        if task.cancelled:
            return
        if on_failure is None:
            raise error
        on_failure(error)

    def finished() -> None:
        task.done = True
        _release(task)

    task.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
    task.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    task.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    released = threading.Event()
    collect_on_gui_thread_only()
    _running[task] = (work, released)
    (pool or QThreadPool.globalInstance()).start(_Job(task, work, released))
    return task


def _release(task: Task) -> None:
    """Once the pool thread has let go: drop the callbacks (they hold the task, and whatever the
    caller's callbacks hold, in a cycle Python cannot see through Qt) and the task itself."""
    entry = _running.get(task)
    if entry is None:
        return
    if not entry[1].is_set():
        QTimer.singleShot(1, lambda: _release(task))
        return
    for signal in (task.succeeded, task.failed, task.finished):
        signal.disconnect()
    del _running[task]


def run_with_progress(
    parent: QWidget,
    label: str,
    work: Callable[[CancelToken], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> Task:
    """As run_in_background, with a busy indicator and a Cancel button while the work runs."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Worker", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Worker", "countdesk"))
    dialog.setAccessibleName(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def close_then(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def run(value: Any) -> None:
            dialog.canceled.disconnect()
            dialog.hide()
            dialog.deleteLater()
            callback(value)

        return run

    task = run_in_background(work, close_then(on_success), close_then(on_failure))
    dialog.canceled.connect(task.cancel)
    dialog.canceled.connect(dialog.deleteLater)
    task.progress_dialog = dialog  # type: ignore[attr-defined]
    return task

"""Only what is on screen is redrawn at once: a tab the operator is not looking at is marked stale
and catches up when it is shown (or asked for).

On a count night every confirmed sheet tells every tab that the contest changed. The Count tab is
on screen and must show the sheet at once; the Result tab's figures, chart and checks, the Set-up
forms and the like would be redrawn for nobody. `refresh_when_shown` connects a view's handler so
that it runs at once while the view is visible (or while its window is not shown at all, as in a
test that drives a bare widget), and otherwise runs once, for everything that changed meanwhile,
when the view is next shown or `catch_up(view)` is called.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, SignalInstance
from PySide6.QtWidgets import QWidget

#: The contest id that means "the election, or everything" (OpenCount.changed).
EVERYTHING = ""


class _StaleUntilShown(QObject):
    """Holds the contest ids a hidden view missed and replays them when it is shown."""

    def __init__(self, view: QWidget, handler: Callable[[str], None]) -> None:
        super().__init__(view)
        self._view = view
        self._handler = handler
        self._missed: list[str] = []
        # Held here, not only by Qt (the view owns it): a Python wrapper Qt alone keeps is dropped
        # with its state when Python's references go. Let go of when Qt destroys it with the view.
        key = id(self)
        _alive[key] = self
        self.destroyed.connect(lambda *_args: _alive.pop(key, None))
        view.installEventFilter(self)

    @property
    def stale(self) -> bool:
        return bool(self._missed)

    def changed(self, contest_id: str) -> None:
        window = self._view.window()
        if self._view.isVisible() or not window.isVisible():
            self._handler(contest_id)
        elif EVERYTHING in self._missed or contest_id in self._missed:
            return
        else:
            self._missed.append(contest_id)

    def catch_up(self) -> None:
        missed, self._missed = self._missed, []
        for contest_id in [EVERYTHING] if EVERYTHING in missed else missed:
            self._handler(contest_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._view and event.type() == QEvent.Type.Show and self._missed:
            self.catch_up()
        return False


def refresh_when_shown(view: QWidget, signal: SignalInstance, handler: Callable[[str], None]) -> None:
    """Connect `signal(contest_id)` to `handler`, deferred while `view` is hidden in a shown window."""
    stale = _StaleUntilShown(view, handler)
    signal.connect(stale.changed)


#: Every deferral whose view is alive, by id.
_alive: dict[int, _StaleUntilShown] = {}


def _deferrals(view: QWidget) -> list[_StaleUntilShown]:
    return [deferral for deferral in list(_alive.values()) if deferral._view is view]


def is_stale(view: QWidget) -> bool:
    """True when `view` has changes it has not shown yet."""
    return any(deferral.stale for deferral in _deferrals(view))


def catch_up(view: QWidget) -> None:
    """Bring a view up to date now (it is about to be read, or shown)."""
    for deferral in _deferrals(view):
        deferral.catch_up()

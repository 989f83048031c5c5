"""Helpers for driving the app at the keyboard in tests: counts on disk, modal dialogs, screenshots."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, VotingSystem, frozen_map
from countdesk.exchange.countfile import load_count_file
from countdesk.gui.open_count import OpenCount
from countdesk.services.count_session import CountSession

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "liverpool-mayor-2021.json"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
OPERATOR = "Alice Keyer"

ELECTION = Election("local.testshire.2021-05-06", "Local elections 6 May 2021", date(2021, 5, 6), "Testshire",
                    "Pat Officer")


#: Six boxes typed at the keyboard (number, station, postal, account) and the papers then verified:
#: B3 differs from its account by one; 601 verified in all.
KEYED_BOXES = (("B1", "St Anne's Hall", False, "100"), ("B2", "Church Hall", False, "120"),
               ("B3", "Library", False, "80"), ("B4", "School", False, "150"), ("B5", "Scout Hut", False, "90"),
               ("P1", "Postal votes", True, "60"))
KEYED_VERIFIED = ("100", "120", "81", "150", "90", "60")


def small_sv_contest(sheets: tuple[CountSheet, ...] = (), verified: bool = True) -> Contest:
    """Four candidates, two boxes of 100 papers."""
    candidates = (Candidate("adams-a", "Ann ADAMS", "Party A"), Candidate("brown-b", "Ben BROWN", "Party B"),
                  Candidate("clark-c", "Cat CLARK", "Party C"), Candidate("dixon-d", "Dan DIXON", "Party D"))
    boxes = (Box("B1", "Station 1", False, 100, 100 if verified else None),
             Box("B2", "Postal 1", True, 100, 100 if verified else None))
    return Contest("mayor.testshire", "Mayor of Testshire", VotingSystem.SV, 1, candidates, boxes, sheets,
                   electorate=1000)


def round_one(sheet_id: str, a: int, b: int, c: int, d: int, unmarked: int = 0) -> CountSheet:
    return CountSheet(sheet_id, 1, frozen_map({"adams-a": a, "brown-b": b, "clark-c": c, "dixon-d": d}),
                      frozen_map({"unmarked": unmarked}))


def make_count_file(path: Path, contests: tuple[Contest, ...], operator: str = OPERATOR) -> Path:
    with CountSession.create(path, operator, ELECTION) as session:
        session.import_count(Count(ELECTION, contests))
    return path


def open_count_file(path: Path, opened: list, operator: str = OPERATOR, read_only: bool = False) -> OpenCount:
    open_count = OpenCount(CountSession.open(path, operator, read_only=read_only))
    opened.append(open_count)
    return open_count


def demo_open_count(tmp_path: Path, opened: list) -> OpenCount:
    count = load_count_file(DEMO)
    path = tmp_path / "demo.countdesk"
    with CountSession.create(path, OPERATOR, count.election) as session:
        session.import_count(count)
    return open_count_file(path, opened)


def reopen(path: Path) -> Count:
    """What the file holds, read by a fresh session as another program would."""
    with CountSession.open(path, "Checker", read_only=True) as session:
        return session.load()


def when_modal(act: Callable[[QWidget], None], *, not_this: QWidget | None = None, tries: int = 250) -> None:
    """Run `act(dialog)` on the next modal dialog once it is showing (a test's answer to exec()).

    `not_this`: a modal already open that is not the one to answer (a wizard, under its message box)."""
    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        ready = dialog is not None and dialog.isVisible() and dialog is not not_this
        if ready:
            focus = QApplication.focusWidget()
            if focus is None or not (focus is dialog or dialog.isAncestorOf(focus)):
                dialog.activateWindow()  # offscreen windows are not activated by show()
                ready = False
        if not ready:
            if left:
                QTimer.singleShot(20, lambda: poll(left - 1))
            return
        owner = dialog.parentWidget().window() if dialog.parentWidget() is not None else None
        act(dialog)
        if owner is not None:
            # A window manager gives the focus back to the window under a closed dialog; offscreen
            # Qt does not, so do what it would.
            QTimer.singleShot(0, lambda: owner.activateWindow() if isValid(owner) and owner.isVisible() else None)

    QTimer.singleShot(0, lambda: poll(tries))


def focused() -> QWidget:
    """The widget with the keyboard focus: where a person's next key press goes."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def focus_on(qtbot, widget: QWidget) -> None:
    """Put the keyboard focus on `widget`, as a click or a few Tabs would. (Offscreen, a window is
    not re-activated when a dialog over it closes, so activate it first.)"""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def type_keys(qtbot, text: str) -> None:
    """Type `text` into whatever has the focus, one key at a time, as a person at the keyboard
    would: a key that opens an editor (a table cell) sends the next keys into that editor."""
    for character in text:
        qtbot.keyClicks(focused(), character)


def mnemonic(qtbot, letter) -> None:
    """Alt+letter on a button's underlined letter. A button clicked by its mnemonic animates the
    click for a moment before it fires, so wait for that."""
    from PySide6.QtCore import Qt

    qtbot.keyClick(focused(), letter, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(160)


def press(qtbot, key, modifier=None) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClick(focused(), key, modifier if modifier is not None else Qt.KeyboardModifier.NoModifier)


def screenshot(widget: QWidget, name: str) -> Path:
    """The widget as drawn, for a person to look at. Pending layouts run first (a table lays out
    its rows on a zero timer, and a grab before that shows it empty)."""
    for _ in range(3):
        QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path


def key_sheet(qtbot, form, figures) -> None:
    """A count sheet typed down the form from its first field (the sheet's papers, as on the paper
    sheet, then the votes and rejected heads), Enter after each figure, then Ctrl+Enter to save."""
    from PySide6.QtCore import Qt

    focus_on(qtbot, form.fields[0].edit)
    for figure in figures:
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


class Signals(QObject):
    """Counts what a model told its views."""

    NAMES = ("modelReset", "rowsInserted", "rowsRemoved", "dataChanged", "layoutChanged")

    def __init__(self, model: QAbstractItemModel) -> None:
        super().__init__()
        self.seen: list[tuple] = []
        for name in self.NAMES:
            getattr(model, name).connect(lambda *args, name=name: self.seen.append((name, *self._rows(name, args))))

    @staticmethod
    def _rows(name: str, args: tuple) -> tuple:
        if name in ("rowsInserted", "rowsRemoved"):
            return args[1], args[2]
        if name == "dataChanged":
            return args[0].row(), args[1].row()
        return ()

    def names(self) -> list[str]:
        return [seen[0] for seen in self.seen]

    def clear(self) -> None:
        self.seen.clear()

"""Helpers for driving the app at the keyboard in tests: counts on disk, modal dialogs, screenshots."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, VotingSystem, frozen_map
from countdesk.exchange.countfile import load_count_file
from countdesk.gui.document import CountDocument
from countdesk.services.counts import CountSession

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "liverpool-mayor-2021.json"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
OPERATOR = "Alice Keyer"

ELECTION = Election("local.testshire.2021-05-06", "Local elections 6 May 2021", date(2021, 5, 6), "Testshire",
                    "Pat Officer")


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


def open_document(path: Path, opened: list, operator: str = OPERATOR, read_only: bool = False) -> CountDocument:
    document = CountDocument(CountSession.open(path, operator, read_only=read_only))
    opened.append(document)
    return document


def demo_document(tmp_path: Path, opened: list) -> CountDocument:
    count = load_count_file(DEMO)
    path = tmp_path / "demo.countdesk"
    with CountSession.create(path, OPERATOR, count.election) as session:
        session.import_count(count)
    return open_document(path, opened)


def reopen(path: Path) -> Count:
    """What the file holds, read by a fresh session as another program would."""
    with CountSession.open(path, "Checker", read_only=True) as session:
        return session.load()


def when_modal(qtbot, act: Callable[[QWidget], None], timeout_ms: int = 5000) -> None:
    """Run `act(dialog)` on the next modal dialog, once it is showing (for exec() calls)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(0, poll)


def screenshot(widget: QWidget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path

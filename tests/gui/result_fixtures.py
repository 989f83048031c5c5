"""Counts and a small in-memory session for the result widgets' tests.

The widgets talk to an OpenCount; these tests give the real OpenCount an in-memory session
(load, record_lot, delete_lot, contest_state) so the widgets can be driven without a count file.
test_result_real_session.py runs the same widgets over the real CountSession and store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

from countdesk.domain.collation import merge_areas
from countdesk.domain.model import Box, Contest, Count, CountSheet, Lot, frozen_map
from countdesk.errors import CountdeskError
from countdesk.exchange.countfile import load_count_file
from countdesk.gui.open_count import OpenCount
from countdesk.services.changes import Change

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt makes the QApplication

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "liverpool-mayor-2021.json"
GOLDEN = ROOT / "tests" / "golden"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

LIVERPOOL = "mayor.liverpool.2021-05-06"
LCR = "mayor.liverpool-city-ca.2021-05-06"


def load_count(path: Path) -> Count:
    """A count file through the real importer (validated, as the app reads it)."""
    return load_count_file(path)


def liverpool_count() -> Count:
    return load_count(DEMO)


def lcr_collated_count() -> Count:
    """The Liverpool City Region mayor 2021, six areas added up: Rotheram elected on first."""
    areas = sorted((GOLDEN / "lcr-mayor-2021" / "areas").glob("*.json"))
    return merge_areas([load_count(path) for path in areas])


def sv_final_tie_count() -> Count:
    """The golden SV case without its lot: a 40, b 40 after transfers (b and c tied for second
    on 25, so three finalists), so the RO must draw between a and b."""
    count = load_count(GOLDEN / "sv-tie-for-second-and-final-lot" / "count.json")
    return without_lots(count)


def fptp_last_seat_tie_count() -> Count:
    """The golden three-seat ward without its lot: c and d tie on 80 for the last seat."""
    return without_lots(load_count(GOLDEN / "fptp-three-seats-last-seat-lot" / "count.json"))


def fptp_two_places_tie_count() -> Count:
    """Three seats; a 100 is elected, b, c, d all on 80 for the two seats left."""
    count = fptp_last_seat_tie_count()
    contest = count.contests[0]
    sheet = CountSheet("S1", 1, frozen_map({"a": 100, "b": 80, "c": 80, "d": 80, "e": 20}),
                       frozen_map({"unmarked": 2}), papers=160)
    box = Box("B1", "Station 1", False, 160, 160)
    return replace(count, contests=(replace(contest, count_sheets=(sheet,), boxes=(box,)),))


def sv_waiting_for_round_two_count() -> Count:
    """Liverpool with its round-2 sheets not yet entered."""
    count = liverpool_count()
    contest = count.contests[0]
    return replace(count, contests=(replace(contest, count_sheets=contest.sheets(1)),))


def without_lots(count: Count) -> Count:
    return replace(count, contests=tuple(replace(c, lots=()) for c in count.contests))


@dataclass(frozen=True)
class FakeContestState:
    declared: bool


class InMemorySession:
    """The part of CountSession the result widgets and OpenCount use, over a Count in memory."""

    def __init__(self, count: Count, operator: str = "Test Operator") -> None:
        self._count = count
        self.operator = operator
        self.read_only = False
        self.declared: set[str] = set()
        self.loads = 0
        #: The lots use case, as CountSession.lots offers it.
        self.lots = SimpleNamespace(record=self.record_lot, withdraw=self.delete_lot)

    def replace_count(self, count: Count) -> None:
        """As a replacing import would leave the file."""
        self._count = count

    def load(self) -> Count:
        self.loads += 1
        return self._count

    def contest(self, contest_id: str) -> Contest:
        return self._count.contest(contest_id)

    def contest_state(self, contest_id: str) -> FakeContestState:
        self._count.contest(contest_id)
        return FakeContestState(contest_id in self.declared)

    def record_lot(self, contest_id: str, lot: Lot) -> Change:
        if contest_id in self.declared:
            raise CountdeskError("the contest has been declared and is locked", f"contests[{contest_id}]")
        self._replace(contest_id, lambda c: replace(c, lots=(*c.lots, lot)))
        return Change(contest_id, lots=True)

    def delete_lot(self, contest_id: str, lot: Lot | int | tuple[str, ...], *, reason: str) -> Change:
        """As CountSession.delete_lot: the Lot itself, its index, or its tied candidates (the last
        lot between exactly them)."""
        assert reason.strip(), "a lot is withdrawn only with a reason"
        lots = self._count.contest(contest_id).lots
        if isinstance(lot, int):
            index = lot
        elif isinstance(lot, Lot):
            index = lots.index(lot)
        else:
            index = max(i for i, x in enumerate(lots) if set(x.tied) == set(lot))
        self._replace(contest_id, lambda c: replace(c, lots=c.lots[:index] + c.lots[index + 1:]))
        return Change(contest_id, lots=True)

    def _replace(self, contest_id: str, change) -> None:
        self._count = replace(self._count, contests=tuple(
            change(c) if c.id == contest_id else c for c in self._count.contests
        ))


def make_open_count(count: Count) -> OpenCount:
    return OpenCount(InMemorySession(count))


def screenshot(widget, name: str) -> Path:
    """Saves the widget as it is drawn, for a person to look at (test-artifacts is not committed)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path

"""Two stations key the last sheets of a contest at once: each sees room for its own sheet when it
checks, but the second to write is refused under the server's write lock, so the sheets never hold
more papers than were verified (services/sheets.py Sheets.confirm)."""

from __future__ import annotations

import pytest
from server_builders import CONTEST_ID as C
from server_builders import sheet

from countdesk.domain.model import Box
from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.services.sheets import Sheets


def test_the_second_of_two_last_sheets_is_refused_under_the_write_lock(server_count, station_url, monkeypatch):
    with CountSession.open(station_url("one"), "Ann") as one, CountSession.open(station_url("two"), "Bob") as two:
        first, second = sheet("x", 1), sheet("x", 2)
        one.set_up.add_box(C, Box("B1", "Station 1", False, 100))
        # Room for either sheet, not for both.
        one.verification.verify(C, "B1", max(first.papers_counted, second.papers_counted) + 1, None)
        checks = []
        original = Sheets.validate

        def check_then_let_the_other_station_write(self, state, checked):
            checks.append(checked.id)
            original(self, state, checked)
            if checked.id == second.id and len(checks) == 1:  # Bob checked: Ann writes before Bob does
                one.sheets.confirm(C, first)

        monkeypatch.setattr(Sheets, "validate", check_then_let_the_other_station_write)
        with pytest.raises(CountdeskError, match="verified"):
            two.sheets.confirm(C, second)
        monkeypatch.undo()
        held = {s.id for s in two.load().contest(C).count_sheets}
        assert held == {first.id}
        assert checks == [second.id, first.id, first.id, second.id]  # Bob's check under the lock refused it

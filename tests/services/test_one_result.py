"""One way to a contest's result: `session.result(contest_id)` carries the round-2 instruction it
was counted on, and `session.results.of(count)` gives the same for a count read once."""

from __future__ import annotations

import pytest
from export_builders import SV_CONTEST_ID, area_session, round_two_sheet, sv_area
from round2_builders import INSTRUCTED, OWN_FINALISTS

from countdesk.services.round2_area import import_round2_instruction


@pytest.fixture
def north(tmp_path):
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    session = area_session(laptop, sv_area("North"))
    yield session
    session.close()


def test_an_area_counts_on_its_own_finalists_until_instructed(north):
    standing = north.result(SV_CONTEST_ID)
    assert standing.instruction is None and standing.instructed_finalists is None
    assert set(standing.finalists) == OWN_FINALISTS


def test_the_result_carries_the_instruction_it_was_counted_on(north, issued):
    import_round2_instruction(north, issued)
    north.sheets.confirm(SV_CONTEST_ID, round_two_sheet("North", ("a", "c")))
    standing = north.result(SV_CONTEST_ID)
    assert set(standing.instructed_finalists) == INSTRUCTED == set(standing.finalists)
    assert standing.instruction.contest_id == SV_CONTEST_ID
    assert dict(standing.result.final) == {"a": 70, "c": 25} and standing.result.elected == ("a",)
    # A count read once gives the same results, contest by contest, as the session counts them.
    assert north.results.of(north.load()) == tuple(north.result(c.id) for c in north.load().contests)
    assert north.tally(SV_CONTEST_ID) == standing.result  # the earlier name, the result alone

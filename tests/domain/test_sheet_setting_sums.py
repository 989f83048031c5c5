"""A sheet's setting read from the result's running sums equals the other sheets added up one by
one: for a new sheet and for each sheet corrected, with papers stated or not, rejected papers under
every head, SV and FPTP (issue 15: checking a sheet must not cost more at the thousandth sheet)."""

from __future__ import annotations

from domain_builders import ELECTION, candidates
from hypothesis import given, settings
from hypothesis import strategies as st

from countdesk.domain.model import REJECTED_HEADS, Box, Contest, CountSheet, VotingSystem, frozen_map
from countdesk.domain.sheet_rules import SheetSetting, sheet_papers, sheet_setting
from countdesk.domain.tally import tally_contest

IDS = ("a", "b", "c", "d")

round1_sheets = st.lists(
    st.tuples(
        st.lists(st.integers(0, 40), min_size=len(IDS), max_size=len(IDS)),
        st.dictionaries(st.sampled_from(REJECTED_HEADS), st.integers(0, 4), max_size=3),
        st.one_of(st.none(), st.integers(-3, 3)),
    ),
    max_size=12,
)


def added_up_one_by_one(contest: Contest, sheet_id: str | None) -> tuple[int, dict[str, int]]:
    """The plain definition: every other first-round sheet, added up."""
    base = SheetSetting(1, contest.system, contest.seats)
    others = [s for s in contest.sheets(1) if s.id != sheet_id]
    votes = {cid: sum(s.votes.get(cid, 0) for s in others) for cid in IDS}
    return sum(sheet_papers(s, base) for s in others), votes


@settings(max_examples=150, deadline=None)
@given(round1_sheets, st.sampled_from([VotingSystem.SV, VotingSystem.FPTP]), st.booleans())
def test_round_one_from_the_result_equals_the_other_sheets_added_up(rows, system, round_two):
    sheets = []
    for n, (figures, rejected, delta) in enumerate(rows):
        votes = frozen_map(dict(zip(IDS, figures, strict=True)))
        papers = None if delta is None else max(0, sum(figures) + sum(rejected.values()) + delta)
        sheets.append(CountSheet(f"T{n}", 1, votes, frozen_map(rejected), papers=papers))
    if round_two and system is VotingSystem.SV:
        sheets.append(CountSheet("R2", 2, frozen_map({"a": 3, "b": 2}), non_transferable=1))
    counted = sum(s.papers_counted for s in sheets if s.round == 1)
    contest = Contest("c1", "Test contest", system, 1, candidates(*IDS),
                      (Box("B1", "Station", False, counted, counted),), tuple(sheets))
    result = tally_contest(ELECTION, contest)
    for sheet_id in [None, *(s.id for s in sheets if s.round == 1)]:
        setting = sheet_setting(contest, result, 1, sheet_id)
        papers, votes = added_up_one_by_one(contest, sheet_id)
        assert setting.round_papers == papers, sheet_id
        assert {cid: setting.candidate_votes.get(cid, 0) for cid in IDS} == votes, sheet_id
        assert setting.verified == counted

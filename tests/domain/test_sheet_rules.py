"""The rule book for one sheet (domain/sheet_rules.py), each rule at its field."""

from countdesk.domain.model import CountSheet, VotingSystem, frozen_map
from countdesk.domain.sheet_rules import SheetSetting, sheet_problems


def sheet(papers=None, rejected=None, rejected_in_part=None, **votes) -> CountSheet:
    return CountSheet("S", 1, frozen_map(votes), frozen_map(rejected or {}), papers=papers,
                      rejected_in_part=rejected_in_part)


def places(s: CountSheet, setting: SheetSetting) -> dict[str, str]:
    return {p.where: p.code for p in sheet_problems(s, setting)}


MAYOR = SheetSetting(1, VotingSystem.SV, 1, verified=1000, round_papers=900, candidate_votes=frozen_map({"a": 600}))
WARD = SheetSetting(1, VotingSystem.FPTP, 2)


def test_a_sheet_reconciles_with_its_own_papers():
    assert places(sheet(papers=52, a=30, b=20, rejected={"unmarked": 2}), MAYOR) == {}
    assert places(sheet(papers=52, a=30, b=21, rejected={"unmarked": 2}), MAYOR) == {"papers": "sheet_does_not_add_up"}
    assert places(sheet(a=30, b=21), MAYOR) == {}  # no papers stated: nothing to reconcile with


def test_round_one_cannot_exceed_what_was_verified():
    assert places(sheet(a=60, b=40), MAYOR) == {}
    assert places(sheet(a=61, b=40), MAYOR) == {"total": "sheet_over_verified"}
    one_candidate = SheetSetting(1, VotingSystem.FPTP, 3, verified=1000, candidate_votes=frozen_map({"a": 990}))
    assert places(sheet(papers=20, a=11, b=1), one_candidate) == {"votes.a": "candidate_over_verified"}
    unknown = SheetSetting(1, VotingSystem.SV, 1, verified=None, round_papers=900)
    assert places(sheet(a=6000), unknown) == {}


def test_a_multi_member_ward_paper_carries_at_most_one_vote_per_seat():
    assert places(sheet(papers=10, a=8, b=7, c=5), WARD) == {}
    assert places(sheet(papers=10, a=11, b=7, c=1), WARD) == {"votes.a": "votes_over_valid"}
    assert places(sheet(papers=10, a=8, b=8, c=5), WARD) == {"total": "votes_over_valid"}
    assert places(sheet(papers=2, a=0, rejected={"unmarked": 3}), WARD) == {"papers": "rejected_over_papers"}


def test_round_two_needs_round_one_complete_and_the_finalists_only():
    r2 = CountSheet("R", 2, frozen_map({"a": 5, "b": 3}), non_transferable=2)
    closed = SheetSetting(2, VotingSystem.SV, 1, round1_open="box P1 has not been verified")
    assert places(r2, closed) == {"total": "round2_not_open"}
    open_ = SheetSetting(2, VotingSystem.SV, 1, finalists=("a", "b"), eliminated=12, round_papers=2)
    assert places(r2, open_) == {}
    assert places(CountSheet("R", 2, frozen_map({"a": 5, "b": 4}), non_transferable=2), open_) == {
        "total": "round2_over_eliminated"}
    assert places(CountSheet("R", 2, frozen_map({"a": 5, "c": 3}), non_transferable=2), open_) == {
        "votes.c": "round2_not_finalist", "votes": "round2_finalist_missing"}

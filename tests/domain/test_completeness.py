"""The completeness rule: no result while a box is open or papers are unaccounted for, unless the
returning officer accepted exactly the difference that stands."""

from dataclasses import replace

from domain_builders import ELECTION, fptp, r1, r2, sv

from countdesk.domain.completeness import summary
from countdesk.domain.model import AcceptedDifference, Box
from countdesk.domain.result import Status
from countdesk.domain.tally import tally_contest


def run(contest):
    return tally_contest(ELECTION, contest)


def test_one_sheet_of_six_elects_nobody_and_says_how_many_papers_are_missing():
    # The case: a majority on the first sheet is no result while 10,895 papers wait.
    contest = sv({"a": 12000, "b": 6000, "c": 5100})
    contest = replace(contest, boxes=(Box("B1", verified=23100), Box("B2", verified=10895)))
    result = run(contest)
    assert result.status is Status.INCOMPLETE and result.elected == ()
    assert result.elected_on_first is True  # what the figures so far show, provisionally
    gap, = result.gaps
    assert gap.code == "round1_difference" and gap.where == "count_sheets"
    assert dict(gap.figures) == {"counted": 23100, "expected": 33995}
    assert gap.message == "10,895 verified papers are not on any sheet yet (23,100 counted of 33,995 verified)"


def test_more_papers_counted_than_verified_is_incomplete_too():
    contest = replace(sv({"a": 60, "b": 30, "c": 10}), boxes=(Box("B1", verified=99),))
    gap, = run(contest).gaps
    assert gap.message.startswith("the first-round sheets hold 1 paper more than were verified")


def test_an_unverified_box_or_no_box_at_all_is_incomplete():
    open_box = replace(sv({"a": 60, "b": 30, "c": 10}), boxes=(Box("B1", verified=100), Box("P1")))
    result = run(open_box)
    assert result.status is Status.INCOMPLETE
    assert [(g.code, g.where) for g in result.gaps] == [("box_unverified", "boxes[1]")]
    no_box = replace(open_box, boxes=())
    assert [g.code for g in run(no_box).gaps] == ["no_boxes"]


def test_an_accepted_difference_stands_only_for_exactly_its_figures():
    contest = replace(fptp({"a": 30, "b": 20}), boxes=(Box("B1", verified=52),))
    assert run(contest).status is Status.INCOMPLETE
    acceptance = AcceptedDifference("round1", 50, 52, "two papers lost in a recount", "RO", "2021-05-07T01:00:00+01:00")
    accepted = replace(contest, accepted_differences=(acceptance,))
    assert run(accepted).elected == ("a",) and run(accepted).gaps == ()
    # Any later change to a figure it covers voids it: a sheet corrected, a box re-verified.
    corrected = replace(accepted, count_sheets=(r1("R1", a=31, b=20),))
    assert run(corrected).status is Status.INCOMPLETE
    reverified = replace(accepted, boxes=(Box("B1", verified=53),))
    assert run(reverified).status is Status.INCOMPLETE
    other_stage = replace(contest, accepted_differences=(replace(acceptance, stage="round2"),))
    assert run(other_stage).status is Status.INCOMPLETE


def test_round_two_must_account_for_every_eliminated_paper():
    contest = sv({"a": 40, "b": 35, "c": 25}, {"a": 5, "b": 10}, non_transferable=10)
    lot_free = replace(contest, count_sheets=contest.count_sheets[:1] + (r2("R2", 9, a=5, b=12),))
    result = run(lot_free)
    assert result.status is Status.INCOMPLETE
    assert dict(result.gaps[0].figures) == {"counted": 26, "expected": 25}
    assert "these figures cannot be" in result.gaps[0].message
    accepted = replace(lot_free, accepted_differences=(AcceptedDifference("round2", 26, 25),))
    assert run(accepted).elected == ("b",)


def test_impossible_round_two_sheets_are_problems_not_results():
    first = r1("R1", a=40, b=35, c=25)
    not_finalist = replace(sv({"a": 40, "b": 35, "c": 25}),
                           count_sheets=(first, r2("R2", 10, a=5, c=10)))
    codes = {g.code: g.where for g in run(not_finalist).gaps}
    assert codes["round2_not_finalist"] == "count_sheets[1].votes.c"
    assert codes["round2_finalist_missing"] == "count_sheets[1].votes"
    assert run(not_finalist).elected == ()
    over = replace(r2("R2", 10, a=5, b=10), second_rejected=11)
    too_many_rejected = replace(not_finalist, count_sheets=(first, over))
    gap, = run(too_many_rejected).gaps
    assert gap.code == "round2_rejected_over" and dict(gap.figures) == {"rejected": 11, "non_transferable": 10}


def test_a_tie_on_an_incomplete_count_waits_for_the_count_not_for_a_lot():
    contest = replace(fptp({"a": 20, "b": 20}), boxes=(Box("B1", verified=41),))
    result = run(contest)
    assert result.status is Status.INCOMPLETE and result.pending_tie is None


def test_summary_names_the_first_few_and_counts_the_rest():
    boxes = tuple(Box(f"B{i}") for i in range(5))
    result = run(replace(sv({"a": 60, "b": 30, "c": 10}), boxes=boxes))
    assert summary(result.gaps) == ("box B0 has not been verified; box B1 has not been verified; "
                                    "box B2 has not been verified; and 2 more")

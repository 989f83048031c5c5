"""The supplementary vote's statutory edge cases (domain.md §1)."""

from dataclasses import replace
from datetime import date

from domain_builders import ELECTION, lot, sv, verified_as_counted

from countdesk.domain.model import Box
from countdesk.domain.result import Status
from countdesk.domain.tally import tally_contest


def run(contest, election=ELECTION):
    return tally_contest(election, contest)


def codes(result):
    return [w.code for w in result.warnings]


def test_more_than_half_of_valid_first_preferences_elects_on_first():
    result = run(sv({"a": 51, "b": 30, "c": 19}))
    assert result.status is Status.ELECTED
    assert result.elected_on_first is True
    assert result.elected == ("a",)
    assert result.finalists is None and result.final is None


def test_exactly_half_is_not_a_majority():
    result = run(sv({"a": 50, "b": 30, "c": 20}))
    assert result.elected_on_first is False
    assert result.finalists == ("a", "b")
    assert result.status is Status.INCOMPLETE  # second preferences still to count
    assert result.elected == ()


def test_rejected_papers_are_not_in_the_denominator():
    contest = sv({"a": 51, "b": 30, "c": 19})
    sheet = replace(contest.count_sheets[0], rejected={"unmarked": 40})
    result = run(replace(contest, count_sheets=(sheet,), boxes=verified_as_counted((sheet,))))
    assert result.valid_votes == 100
    assert result.ballot_papers_counted == 140
    assert result.elected == ("a",)


def test_second_round_adds_transfers_and_highest_total_wins():
    result = run(sv({"a": 40, "b": 35, "c": 15, "d": 10}, {"a": 5, "b": 12}, non_transferable=8))
    assert result.finalists == ("a", "b")
    assert dict(result.second) == {"a": 5, "b": 12}
    assert dict(result.final) == {"a": 45, "b": 47}
    assert result.non_transferable == 8
    assert result.elected == ("b",)
    assert result.status is Status.ELECTED
    assert [r.number for r in result.rounds] == [1, 2]
    assert result.rounds[0].excluded == ("c", "d")
    assert "W02" not in codes(result)


def test_tie_for_second_sends_all_tied_through_without_a_lot():
    result = run(sv({"a": 40, "b": 25, "c": 25, "d": 10}))
    assert result.finalists == ("a", "b", "c")
    assert result.rounds[0].excluded == ("d",)
    assert result.status is Status.INCOMPLETE
    assert "W10" not in codes(result)


def test_three_way_tie_for_first_gives_three_finalists():
    result = run(sv({"a": 30, "b": 30, "c": 30, "d": 10}, {"a": 3, "b": 2, "c": 1}, 4))
    assert set(result.finalists) == {"a", "b", "c"}
    assert result.elected == ("a",)


def test_two_tied_for_first_and_the_rest_below_gives_two_finalists():
    result = run(sv({"a": 40, "b": 40, "c": 20}))
    assert set(result.finalists) == {"a", "b"}


def test_final_tie_needs_a_lot_and_names_the_tied():
    contest = sv({"a": 40, "b": 35, "c": 25}, {"a": 5, "b": 10}, non_transferable=10)
    result = run(contest)
    assert result.status is Status.NEEDS_LOTS
    assert result.elected == ()
    assert set(result.pending_tie.candidates) == {"a", "b"}
    tie_warnings = [w for w in result.warnings if w.code == "W10"]
    assert len(tie_warnings) == 1
    assert "Test A" in tie_warnings[0].message and "Test B" in tie_warnings[0].message
    assert "45" in tie_warnings[0].message


def test_final_tie_follows_the_recorded_lot():
    contest = sv({"a": 40, "b": 35, "c": 25}, {"a": 5, "b": 10}, 10, lots=(lot(["b", "a"], ["b"]),))
    result = run(contest)
    assert result.status is Status.ELECTED
    assert result.elected == ("b",)
    assert result.lots_applied == contest.lots
    assert result.rounds[1].lots_applied == contest.lots


def test_a_lot_for_other_candidates_does_not_apply_and_is_flagged():
    contest = sv({"a": 40, "b": 35, "c": 25}, {"a": 5, "b": 10}, 10, lots=(lot(["a", "c"], ["a"]),))
    result = run(contest)
    assert result.status is Status.NEEDS_LOTS
    assert "W09" in codes(result)


def test_two_candidate_contest_is_a_simple_majority():
    result = run(sv({"a": 10, "b": 9}))
    assert result.elected == ("a",) and result.status is Status.ELECTED
    assert result.finalists is None


def test_two_candidate_tie_needs_a_lot():
    result = run(sv({"a": 10, "b": 10}))
    assert result.status is Status.NEEDS_LOTS
    with_lot = run(sv({"a": 10, "b": 10}, lots=(lot(["a", "b"], ["a"]),)))
    assert with_lot.elected == ("a",)


def test_no_sheets_is_incomplete():
    contest = replace(sv({"a": 0, "b": 0, "c": 0}), count_sheets=())
    result = run(contest)
    assert result.status is Status.INCOMPLETE
    assert result.ballot_papers_counted == 0


def test_round_two_figures_that_do_not_add_up_leave_the_contest_incomplete():
    result = run(sv({"a": 40, "b": 35, "c": 25}, {"a": 4, "b": 10}, non_transferable=3))
    assert "W02" in codes(result)
    assert result.status is Status.INCOMPLETE and result.elected == ()
    assert dict(result.final) == {"a": 44, "b": 45}  # the provisional figures stay on show
    gap, = result.gaps
    assert gap.code == "round2_difference" and dict(gap.figures) == {"counted": 17, "expected": 25}
    assert gap.message.startswith("8 papers of the eliminated candidates are not on any second-round sheet yet")


def test_round_two_sheets_on_a_contest_won_on_first_warn():
    result = run(sv({"a": 60, "b": 30, "c": 10}, {"a": 1, "b": 2}, 7))
    assert "W06" in codes(result)
    assert result.second is None


def test_round_two_sheet_missing_a_finalist_warns():
    result = run(sv({"a": 40, "b": 35, "c": 25}, {"a": 25}))
    assert any(w.code == "W08" and "b" in w.message for w in result.warnings)


def test_sv_for_a_poll_after_the_elections_act_warns():
    later = replace(ELECTION, poll_date=date(2024, 5, 2))
    assert "W07" in codes(run(sv({"a": 60, "b": 30, "c": 10}), later))
    assert "W07" not in codes(run(sv({"a": 60, "b": 30, "c": 10}), replace(later, poll_date=date(2023, 5, 3))))


def test_box_checks_and_verified_total():
    boxes = (
        Box("B1", ballot_paper_account=60, verified=60),
        Box("B2", ballot_paper_account=41, verified=40, note="one paper in B1"),
        Box("B3", ballot_paper_account=5, verified=6),
    )
    result = run(sv({"a": 60, "b": 30, "c": 10}, boxes=boxes))
    assert result.ballot_papers_verified == 106
    w03 = [w for w in result.warnings if w.code == "W03"]
    assert [w.where for w in w03] == ["boxes[1]", "boxes[2]"]
    assert "(note given)" in w03[0].message and "no note" in w03[1].message
    assert any(w.code == "W01" for w in result.warnings)  # 100 counted vs 106 verified


def test_unverified_box_leaves_verified_total_open():
    boxes = (Box("B1", ballot_paper_account=60, verified=None),)
    result = run(sv({"a": 60, "b": 30, "c": 10}, boxes=boxes))
    assert result.ballot_papers_verified is None
    assert result.turnout_percent is None
    assert "W04" in codes(result)


def test_an_area_count_uses_the_finalists_the_collating_officer_named():
    # Locally c is second, but across all areas a and b go through: the area counts for a and b.
    contest = sv({"a": 40, "b": 10, "c": 30, "d": 20}, {"a": 5, "b": 20}, non_transferable=25)
    result = tally_contest(ELECTION, contest, instructed_finalists=("a", "b"))
    assert result.finalists == ("a", "b")
    assert result.rounds[0].excluded == ("c", "d")
    assert dict(result.final) == {"a": 45, "b": 30}
    assert "W02" not in codes(result)


def test_collated_ids_stay_valid_and_traceable_to_their_area():
    import re

    from countdesk.domain.collation import merge_areas
    from countdesk.domain.model import Count

    contest = sv({"a": 60, "b": 30, "c": 10}, boxes=(Box("B1", ballot_paper_account=100, verified=100),))
    areas = [Count(replace(ELECTION, area=name), (contest,)) for name in ("St Helens", "Wirral")]
    merged = merge_areas(areas).contests[0]
    ids = [b.id for b in merged.boxes] + [s.id for s in merged.count_sheets]
    assert ids == ["st-helens.B1", "wirral.B1", "st-helens.R1", "wirral.R1"]
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", i) for i in ids)
    assert dict(tally_contest(ELECTION, merged).first) == {"a": 120, "b": 60, "c": 20}

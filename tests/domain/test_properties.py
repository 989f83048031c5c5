"""Properties the count must have whatever the figures (hypothesis)."""

from dataclasses import replace
from random import Random

from domain_builders import ELECTION, candidates, lot, verified_as_counted
from hypothesis import given, settings
from hypothesis import strategies as st

from countdesk.domain.completeness import eliminated_first
from countdesk.domain.model import Contest, CountSheet, VotingSystem, frozen_map
from countdesk.domain.result import Status
from countdesk.domain.tally import tally_contest

IDS = ("a", "b", "c", "d", "e", "f")


@st.composite
def sv_contests(draw, with_round_two=True):
    """A complete SV count: one box verified at the round-1 papers and, when a second round is
    needed, second-round sheets that account for every eliminated paper."""
    n = draw(st.integers(3, 6))
    ids = IDS[:n]
    small = st.integers(0, 40)
    sheets = []
    for i in range(draw(st.integers(1, 4))):
        votes = {cid: draw(small) for cid in ids}
        sheets.append(CountSheet(f"S{i}", 1, frozen_map(votes), frozen_map({"unmarked": draw(st.integers(0, 3))})))
    contest = Contest("c", "Mayor", VotingSystem.SV, 1, candidates(*ids), verified_as_counted(sheets), tuple(sheets))
    if with_round_two:
        first = tally_contest(ELECTION, contest)
        if first.finalists:
            contest = replace(contest, count_sheets=contest.count_sheets + tuple(
                round_two(draw, first.finalists, eliminated_first(first.first, first.finalists))))
    return contest


def round_two(draw, finalists, eliminated: int) -> list[CountSheet]:
    """Second-round sheets sharing out exactly `eliminated` papers."""
    sheets, left = [], eliminated
    count = draw(st.integers(1, 3))
    for i in range(count):
        votes = {}
        for f in finalists:
            votes[f] = draw(st.integers(0, left))
            left -= votes[f]
        non_transferable = left if i == count - 1 else draw(st.integers(0, left))
        left -= non_transferable
        sheets.append(CountSheet(f"T{i}", 2, frozen_map(votes), non_transferable=non_transferable))
    return sheets


@st.composite
def fptp_contests(draw):
    n = draw(st.integers(2, 6))
    seats = draw(st.integers(1, 3))
    votes = {cid: draw(st.integers(0, 8)) for cid in IDS[:n]}
    papers = sum(votes.values())
    sheet = CountSheet("S", 1, frozen_map(votes), papers=papers)
    return Contest("w", "Ward", VotingSystem.FPTP, seats, candidates(*votes), verified_as_counted((sheet,)), (sheet,))


def shuffled(contest: Contest, seed: int) -> Contest:
    sheets = list(contest.count_sheets)
    Random(seed).shuffle(sheets)
    return replace(contest, count_sheets=tuple(sheets))


@settings(max_examples=150)
@given(sv_contests(), st.integers(0, 10_000))
def test_sheet_order_does_not_matter(contest, seed):
    a, b = tally_contest(ELECTION, contest), tally_contest(ELECTION, shuffled(contest, seed))
    assert (a.status, a.elected, a.first, a.finalists, a.final) == (b.status, b.elected, b.first, b.finalists, b.final)


@settings(max_examples=150)
@given(sv_contests())
def test_final_is_first_plus_second_for_each_finalist(contest):
    result = tally_contest(ELECTION, contest)
    if result.final is not None:
        assert set(result.final) == set(result.finalists)
        for cid in result.finalists:
            assert result.final[cid] == result.first[cid] + result.second[cid]


@settings(max_examples=200)
@given(sv_contests(with_round_two=False))
def test_elected_on_first_only_with_a_strict_majority(contest):
    result = tally_contest(ELECTION, contest)
    valid = sum(result.first.values())
    majority = [c for c, v in result.first.items() if 2 * v > valid]
    assert result.elected_on_first == bool(majority)
    if majority:
        assert result.elected == tuple(majority)


@settings(max_examples=200)
@given(sv_contests(with_round_two=False))
def test_everyone_tied_for_a_round_two_place_goes_through(contest):
    result = tally_contest(ELECTION, contest)
    if result.elected_on_first:
        return
    figures = sorted(result.first.values(), reverse=True)
    second_place = figures[1]
    assert set(result.finalists) == {c for c, v in result.first.items() if v >= second_place}
    assert len(result.finalists) >= 2


@settings(max_examples=200)
@given(sv_contests())
def test_a_tie_for_the_win_needs_a_lot_until_a_matching_one_is_recorded(contest):
    result = tally_contest(ELECTION, contest)
    if result.status is not Status.NEEDS_LOTS:
        if result.final and result.status is Status.ELECTED:
            top = max(result.final.values())
            assert [c for c, v in result.final.items() if v == top] == list(result.elected)
        return
    tied = result.pending_tie.candidates
    assert len(tied) >= 2 and result.elected == ()
    winner = tied[-1]
    settled = tally_contest(ELECTION, replace(contest, lots=(lot(reversed(tied), [winner]),)))
    assert settled.status is Status.ELECTED
    assert settled.elected == (winner,)
    partial = tally_contest(ELECTION, replace(contest, lots=(lot(tied[:-1] + ("zz",), [tied[0]]),)))
    assert partial.status is Status.NEEDS_LOTS


@settings(max_examples=200)
@given(fptp_contests())
def test_fptp_elects_the_n_highest_or_asks_for_a_lot(contest):
    result = tally_contest(ELECTION, contest)
    votes = result.first
    seats = min(contest.seats, len(votes))
    if result.status is Status.ELECTED:
        assert len(result.elected) == seats
        lowest_elected = min(votes[c] for c in result.elected)
        assert all(votes[c] <= lowest_elected for c in votes if c not in result.elected)
        assert all(votes[c] < lowest_elected for c in votes if c not in result.elected) or len(votes) <= contest.seats
    else:
        assert result.status is Status.NEEDS_LOTS
        tie = result.pending_tie
        assert len(tie.candidates) > tie.places
        assert len({votes[c] for c in tie.candidates}) == 1
        settled = tally_contest(ELECTION, replace(contest, lots=(lot(tie.candidates, tie.candidates[: tie.places]),)))
        assert settled.status is Status.ELECTED
        assert len(settled.elected) == seats


@settings(max_examples=200)
@given(sv_contests())
def test_a_complete_count_always_has_a_result_or_a_lot_to_draw(contest):
    result = tally_contest(ELECTION, contest)
    assert result.gaps == ()
    assert result.status in (Status.ELECTED, Status.NEEDS_LOTS)

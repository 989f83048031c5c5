"""First past the post, single and multi-member wards, and ties across the last seat."""

from domain_builders import ELECTION, fptp, lot

from countdesk.domain.result import Status
from countdesk.domain.tally import tally_contest


def run(contest):
    return tally_contest(ELECTION, contest)


def test_single_seat_highest_wins():
    result = run(fptp({"a": 10, "b": 30, "c": 20}))
    assert result.elected == ("b",)
    assert result.status is Status.ELECTED


def test_three_seats_the_three_highest_in_order():
    result = run(fptp({"a": 10, "b": 30, "c": 20, "d": 25, "e": 5}, seats=3, papers=40))
    assert result.elected == ("b", "d", "c")


def test_tie_across_the_last_seat_needs_a_lot():
    result = run(fptp({"a": 30, "b": 20, "c": 20, "d": 5}, seats=2, papers=40))
    assert result.status is Status.NEEDS_LOTS
    assert result.elected == ("a",)  # certainly elected; the lot decides the rest
    assert set(result.pending_tie.candidates) == {"b", "c"}
    assert result.pending_tie.places == 1


def test_tie_across_the_last_seat_follows_the_lot():
    result = run(fptp({"a": 30, "b": 20, "c": 20, "d": 5}, seats=2, papers=40, lots=(lot(["c", "b"], ["c"]),)))
    assert result.status is Status.ELECTED
    assert result.elected == ("a", "c")


def test_three_way_tie_for_two_last_seats_needs_two_winners():
    contest = fptp({"a": 30, "b": 20, "c": 20, "d": 20}, seats=3, papers=40)
    assert run(contest).pending_tie.places == 2
    one_winner = run(fptp({"a": 30, "b": 20, "c": 20, "d": 20}, seats=3, papers=40, lots=(lot("bcd", "b"),)))
    assert one_winner.status is Status.NEEDS_LOTS
    settled = run(fptp({"a": 30, "b": 20, "c": 20, "d": 20}, seats=3, papers=40, lots=(lot("bcd", "db"),)))
    assert settled.elected == ("a", "d", "b")


def test_tie_below_the_last_seat_needs_no_lot():
    result = run(fptp({"a": 30, "b": 25, "c": 10, "d": 10}, seats=2, papers=40))
    assert result.status is Status.ELECTED
    assert result.elected == ("a", "b")
    assert not [w for w in result.warnings if w.code == "W10"]


def test_tie_that_fills_exactly_the_remaining_seats_needs_no_lot():
    result = run(fptp({"a": 30, "b": 20, "c": 20, "d": 5}, seats=3, papers=40))
    assert result.status is Status.ELECTED
    assert set(result.elected) == {"a", "b", "c"}


def test_multi_member_valid_votes_count_papers_not_votes():
    contest = fptp({"a": 30, "b": 25, "c": 10}, seats=2, papers=40)
    result = run(contest)
    assert result.ballot_papers_counted == 40
    assert result.valid_votes == 40
    assert sum(result.first.values()) == 65


def test_multi_member_sheet_with_more_votes_than_papers_allow_warns():
    result = run(fptp({"a": 30, "b": 25, "c": 30}, seats=2, papers=40))
    assert any(w.code == "W05" for w in result.warnings)


def test_uncontested_seats_elect_everyone():
    result = run(fptp({"a": 3, "b": 0}, seats=2, papers=3))
    assert set(result.elected) == {"a", "b"}


def test_a_contest_without_candidates_is_incomplete_not_elected():
    from countdesk.domain.model import Contest, VotingSystem

    for system in VotingSystem:
        result = run(Contest("x", "Empty", system, 1, ()))
        assert result.status is Status.INCOMPLETE and result.elected == ()

"""The tally: one contest's records, from its sheets, boxes and recorded lots. Pure and total:
any valid Contest gives a ContestResult, whatever stage the count has reached."""

from __future__ import annotations

from typing import Sequence

from .checks import contest_checks
from .fptp import count_fptp
from .model import REJECTED_HEADS, Contest, Count, Election, VotingSystem, frozen_map
from .result import ContestResult, RejectedSummary
from .sv import count_sv


def papers_verified(contest: Contest) -> int | None:
    """Sum of the boxes' verified figures; None while any box is unverified."""
    if any(box.verified is None for box in contest.boxes):
        return None
    return sum(box.verified for box in contest.boxes)


def tally_contest(
    election: Election, contest: Contest, instructed_finalists: Sequence[str] | None = None
) -> ContestResult:
    """`instructed_finalists` only for an SV area count told its finalists by the collating officer."""
    if contest.system is VotingSystem.SV:
        outcome = count_sv(contest, instructed_finalists)
    else:
        outcome = count_fptp(contest)
    round1 = contest.sheets(1)
    rejected = RejectedSummary(
        frozen_map({h: sum(s.rejected.get(h, 0) for s in round1) for h in REJECTED_HEADS}),
        rejected_in_part=sum(s.rejected_in_part or 0 for s in round1),
    )
    counted = sum(s.papers_counted for s in round1)
    if contest.system is VotingSystem.FPTP and contest.seats > 1:
        # A paper on a multi-member ward carries several votes: valid = papers with a valid vote.
        valid = sum(s.papers_counted - s.rejected_total for s in round1)
    else:
        valid = sum(outcome.first.values())
    verified = papers_verified(contest)
    warnings = sorted(
        (*contest_checks(election, contest, verified, counted, outcome.lots_applied), *outcome.warnings),
        key=lambda w: w.code,
    )
    return ContestResult(
        contest_id=contest.id,
        system=contest.system,
        seats=contest.seats,
        status=outcome.status,
        ballot_papers_verified=verified,
        ballot_papers_counted=counted,
        valid_votes=valid,
        rejected=rejected,
        electorate=contest.electorate,
        first=outcome.first,
        rounds=outcome.rounds,
        elected=outcome.elected,
        lots_applied=outcome.lots_applied,
        warnings=tuple(warnings),
        elected_on_first=outcome.elected_on_first,
        finalists=outcome.finalists,
        second=outcome.second,
        non_transferable=outcome.non_transferable,
        final=outcome.final,
        second_not_counted=outcome.second_not_counted,
        pending_tie=outcome.pending_tie,
    )


def tally(count: Count) -> tuple[ContestResult, ...]:
    return tuple(tally_contest(count.election, contest) for contest in count.contests)

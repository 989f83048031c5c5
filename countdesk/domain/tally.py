"""The tally: one contest's records, from its sheets, boxes and recorded lots. Pure and total:
any valid Contest gives a ContestResult, whatever stage the count has reached.

The parts that depend on the boxes alone (`BoxSummary`) or on one sheet alone (W05) can be passed
in by a cache (`IncrementalTally`), so a confirmed sheet does not re-add the whole count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .checks import BoxSummary, box_summary, contest_checks, sheet_warnings
from .completeness import Completeness, completeness
from .fptp import count_fptp
from .model import AcceptedDifference, Contest, Count, Counting, Election, VotingSystem, frozen_map
from .referendum import count_referendum
from .result import ContestResult, Outcome, RejectedSummary, Round, Status, Warning_
from .sums import SheetSums
from .sv import count_sv


def papers_verified(contest: Contest) -> int | None:
    """Sum of the boxes' verified figures; None while any box is unverified."""
    return box_summary(contest).verified


def all_sheet_warnings(contest: Contest) -> list[Warning_]:
    return [w for index, sheet in enumerate(contest.count_sheets) for w in sheet_warnings(contest, index, sheet)]


def tally_contest(
    election: Election, contest: Contest, instructed_finalists: Sequence[str] | None = None, *,
    sums: SheetSums | None = None, boxes: BoxSummary | None = None,
    per_sheet_warnings: Iterable[Warning_] | None = None,
) -> ContestResult:
    """`instructed_finalists` only for an SV area count told its finalists by the collating officer.
    `sums`, `boxes` and `per_sheet_warnings`, when given, must be those of `contest`."""
    sums = sums if sums is not None else SheetSums.of(contest.candidate_ids, contest.count_sheets)
    boxes = boxes if boxes is not None else box_summary(contest)
    if per_sheet_warnings is None:
        per_sheet_warnings = all_sheet_warnings(contest)
    local = contest.counting is Counting.LOCAL
    outcome = _outcome(contest, sums, instructed_finalists)
    rejected = RejectedSummary(frozen_map(sums.rejected), rejected_in_part=sums.rejected_in_part)
    if contest.system is VotingSystem.FPTP and contest.seats > 1:
        # A paper on a multi-member ward carries several votes: valid = papers with a valid vote.
        valid = sums.valid_papers
    else:
        valid = sum(outcome.first.values())
    checks = contest_checks(
        election, contest, boxes.verified, sums.counted, sums.round1_sheets > 0, outcome.lots_applied,
    )
    warnings = sorted((*checks, *boxes.warnings, *per_sheet_warnings, *outcome.warnings), key=lambda w: w.code)
    # The completeness rule: while papers are unaccounted for there is no result, whatever the
    # figures so far would give (count-file.md, `incomplete`).
    verdict = _completeness(contest, sums, outcome)
    gaps = () if outcome.status is Status.UNCONTESTED else verdict.gaps
    status, elected = outcome.status, outcome.elected
    lots_applied, pending_tie = outcome.lots_applied, outcome.pending_tie
    if gaps or status is Status.INCOMPLETE:
        status, elected, lots_applied, pending_tie = Status.INCOMPLETE, (), (), None
    elif local and status in (Status.ELECTED, Status.NEEDS_LOTS, Status.COUNTED):
        # A local count of a collated poll is never elected on its own figures, nor does it draw
        # lots: once complete its figures go to the collating officer (SI 2012/1917 Sch 3 r.62(1)).
        status, elected, lots_applied, pending_tie = Status.COUNTED, (), (), None
    return ContestResult(
        contest_id=contest.id,
        system=contest.system,
        seats=contest.seats,
        status=status,
        ballot_papers_verified=boxes.verified,
        ballot_papers_counted=sums.counted,
        valid_votes=valid,
        rejected=rejected,
        electorate=contest.electorate,
        first=outcome.first,
        rounds=outcome.rounds,
        elected=elected,
        lots_applied=lots_applied,
        warnings=tuple(warnings),
        elected_on_first=outcome.elected_on_first,
        finalists=outcome.finalists,
        second=outcome.second,
        non_transferable=outcome.non_transferable,
        final=outcome.final,
        second_rejected=outcome.second_rejected,
        pending_tie=pending_tie,
        gaps=gaps,
        accepted_differences=verdict.accepted if not gaps else (),
        declared=contest.declared,
        office=contest.office_held,
        counting=contest.counting,
        answer=outcome.answer if status is Status.DECIDED else None,
    )


def void_acceptances(
    contest: Contest, instructed_finalists: Sequence[str] | None = None,
) -> tuple[AcceptedDifference, ...]:
    """The contest's accepted differences that no longer stand: a figure each covers has changed
    since it was accepted (or its stage is no longer measured, or the difference is gone). Void is
    void for good (issue 12: "void as soon as any figure it covers changes"): figures that come
    back to the accepted values do not bring it back, so the services remove each one, audited,
    in the transaction of the change that voided it."""
    if not contest.accepted_differences:
        return ()
    sums = SheetSums.of(contest.candidate_ids, contest.count_sheets)
    verdict = _completeness(contest, sums, _outcome(contest, sums, instructed_finalists))
    return tuple(d for d in contest.accepted_differences if not verdict.stands(d))


def _outcome(contest: Contest, sums: SheetSums, instructed_finalists: Sequence[str] | None) -> Outcome:
    local = contest.counting is Counting.LOCAL
    if contest.system is VotingSystem.REFERENDUM:
        return count_referendum(contest, sums)
    if uncontested(contest):
        return uncontested_outcome(contest, sums)
    if contest.system is VotingSystem.SV and local and instructed_finalists is None:
        return local_first_stage(contest, sums)
    if contest.system is VotingSystem.SV:
        return count_sv(contest, sums, instructed_finalists)
    return count_fptp(contest, sums)


def _completeness(contest: Contest, sums: SheetSums, outcome: Outcome) -> Completeness:
    return completeness(contest, sums, outcome.first, outcome.finalists, outcome.finalists is not None)


def uncontested(contest: Contest) -> bool:
    """Candidates not more than seats and no count sheets: returned without a poll (a referendum
    is always polled). A contest with no candidate yet is still being set up, not uncontested."""
    return (contest.system is not VotingSystem.REFERENDUM and 0 < len(contest.candidates) <= contest.seats
            and not contest.count_sheets)


def uncontested_outcome(contest: Contest, sums: SheetSums) -> Outcome:
    """Every candidate remaining validly nominated is elected; fewer candidates than seats leave
    the rest unfilled, which a warning says (W12)."""
    first = frozen_map(sums.first)
    warnings: tuple[Warning_, ...] = ()
    unfilled = contest.seats - len(contest.candidates)
    if unfilled:
        warnings = (Warning_("W12", "candidates", (
            f"{len(contest.candidates)} candidate(s) for {contest.seats} seats: {unfilled} seat(s) left unfilled"
        )),)
    return Outcome(Status.UNCONTESTED, first, (), elected=contest.candidate_ids, warnings=warnings)


def local_first_stage(contest: Contest, sums: SheetSums) -> Outcome:
    """A local SV count the collating officer has not yet given finalists: its first-stage figures,
    no finalists of its own (domain.md §5), second-round sheets set aside (W06)."""
    first = frozen_map(sums.first)
    status = Status.COUNTED if sums.round1_sheets and contest.candidate_ids else Status.INCOMPLETE
    warnings: tuple[Warning_, ...] = ()
    if sums.round2_sheets:
        warnings = (Warning_("W06", "count_sheets", (
            f"{sums.round2_sheets} second-round sheet(s) entered, but the collating officer has not named the "
            "candidates remaining in the contest: they are not counted"
        )),)
    return Outcome(status, first, (Round(1, first),), warnings=warnings)


def tally(count: Count) -> tuple[ContestResult, ...]:
    return tuple(tally_contest(count.election, contest) for contest in count.contests)

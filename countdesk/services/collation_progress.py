"""Where a collated contest stands, in one sentence the collating officer can act on.

The sum of the areas that have reported is always shown, but it is final only when it is the
sum of every expected area, and, for a supplementary-vote contest without a majority, only when
every area has sent its round-2 figures for the finalists named in the instruction. Until then
a sum that happens to show someone ahead is labelled provisional, never elected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from ..domain.model import Count, VotingSystem
from ..domain.result import ContestResult, Status
from .collation import Collated
from .collation_state import IssuedInstruction


class Collation(Protocol):
    """What the progress reads of a collation (collation_session.CollationSession is one)."""

    @property
    def expected_areas(self) -> tuple[str, ...]: ...

    @property
    def counts(self) -> tuple[Count, ...]: ...

    def instruction(self, contest_id: str) -> IssuedInstruction | None: ...

    def missing_areas(self) -> list[str]: ...

    def collated(self) -> Collated | None: ...


class Stage(StrEnum):
    NO_AREAS = "no_areas"
    WAITING = "waiting"                  # expected areas still to report (or none listed)
    ROUND2_TO_ISSUE = "round2_to_issue"  # SV, no majority: the instruction is to go out
    ROUND2_WAITING = "round2_waiting"    # instruction issued, areas' round-2 figures to come
    NEEDS_LOTS = "needs_lots"            # final figures tied: the collating officer draws a lot
    FINAL = "final"                      # every figure is in: the result can be declared


@dataclass(frozen=True)
class ContestProgress:
    contest_id: str
    stage: Stage
    message: str
    result: ContestResult | None
    #: Areas the stage is waiting for (first-round bundles, or round-2 figures).
    waiting_for: tuple[str, ...] = ()
    instruction: IssuedInstruction | None = None

    @property
    def final(self) -> bool:
        return self.stage is Stage.FINAL

    @property
    def finalists(self) -> tuple[str, ...] | None:
        return self.result.finalists if self.result is not None else None


def contest_progress(session: Collation, contest_id: str) -> ContestProgress:
    collated = session.collated()
    if collated is None:
        return ContestProgress(contest_id, Stage.NO_AREAS, "No area has reported yet.", None)
    result = next((r for r in collated.results if r.contest_id == contest_id), None)
    if result is None:
        raise KeyError(contest_id)
    contest = collated.merged.contest(contest_id)
    names = {c.id: c.name for c in contest.candidates}
    instruction = session.instruction(contest_id)

    if not session.expected_areas:
        return ContestProgress(contest_id, Stage.WAITING, "Provisional: list the expected areas, so that the "
                               "result is final only when every one has reported.", result)
    missing = tuple(session.missing_areas())
    if missing:
        reported = len(session.expected_areas) - len(missing)
        return ContestProgress(
            contest_id, Stage.WAITING,
            f"Provisional: {reported} of {len(session.expected_areas)} areas reported so far; waiting for "
            f"{', '.join(missing)}.", result, missing, instruction)

    if contest.system is VotingSystem.SV and not result.elected_on_first and result.finalists:
        finalists = " and ".join(names[cid] for cid in result.finalists)
        if instruction is None:
            return ContestProgress(
                contest_id, Stage.ROUND2_TO_ISSUE,
                f"No candidate has more than half of the valid first preferences. The finalists are {finalists}: "
                "export the round-2 instruction for the areas.", result)
        lacking = tuple(
            count.election.area for count in session.counts
            if not _has_round2(count, contest_id) and excluded_first_preferences(count, contest_id,
                                                                                 result.finalists) > 0
        )
        if lacking:
            return ContestProgress(
                contest_id, Stage.ROUND2_WAITING,
                f"Round 2 for {finalists}: waiting for the second-preference figures of {', '.join(lacking)}.",
                result, lacking, instruction)

    if result.status is Status.NEEDS_LOTS:
        return ContestProgress(contest_id, Stage.NEEDS_LOTS, "Every area has reported, and the result is a tie: "
                               "it must be decided by lot.", result, (), instruction)
    if result.status is Status.INCOMPLETE:
        return ContestProgress(contest_id, Stage.WAITING, "Every area has reported, but the count is not "
                               "complete (an area sent no count sheets).", result, (), instruction)
    elected = " and ".join(names[cid] for cid in result.elected)
    how = " on first preferences" if result.elected_on_first else ""
    return ContestProgress(contest_id, Stage.FINAL, f"Every area has reported: {elected} elected{how}.",
                           result, (), instruction)


def _has_round2(count: Count, contest_id: str) -> bool:
    return any(c.id == contest_id and c.sheets(2) for c in count.contests)


def excluded_first_preferences(count: Count, contest_id: str, finalists: Sequence[str]) -> int:
    """First preferences of the candidates who are not finalists, in one area: when 0 there is
    nothing to transfer there, so that area sends no round-2 sheet."""
    for contest in count.contests:
        if contest.id == contest_id:
            return sum(v for s in contest.sheets(1) for cid, v in s.votes.items() if cid not in finalists)
    return 0

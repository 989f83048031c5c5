"""When a result is a result: the one completeness rule every path of the count goes through.

The count is accurate when the votes for all candidates plus the rejected papers equal the total on
the verification statement (Electoral Commission, Count Model - LGEW; domain.md §4), and
verification is complete only when every box, postal boxes included, has been counted (PCC Order
2012 Sch 3 r.49(1)). Under the supplementary vote only the eliminated candidates' papers are
re-examined in the second round (Local Government Act 2000 Sch 2 para 3(4)), so the second round is
complete when its papers equal their first preferences. Until then the contest is `incomplete`:
nobody is elected, nothing can be declared (count-file.md), unless the returning officer has
accepted exactly the difference that stands (`AcceptedDifference`).

`tally_contest` calls `completeness_problems` on every tally, so the screen, the documents, the
exports, the command line and collation all see the same verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from .model import AcceptedDifference, Contest, CountSheet, frozen_map
from .problems import Problem, papers
from .sums import SheetSums

ROUND1 = "round1"
ROUND2 = "round2"

#: The problem codes, stable: screens and tests select on them.
NO_BOXES = "no_boxes"
BOX_UNVERIFIED = "box_unverified"
ROUND1_DIFFERENCE = "round1_difference"
ROUND2_DIFFERENCE = "round2_difference"
ROUND2_NOT_FINALIST = "round2_not_finalist"
ROUND2_FINALIST_MISSING = "round2_finalist_missing"
ROUND2_REJECTED_OVER = "round2_rejected_over"
NO_CANDIDATES = "no_candidates"

#: The problems that belong to verification and the first round: until they are gone the
#: finalists themselves are provisional.
ROUND1_CODES = frozenset({NO_BOXES, BOX_UNVERIFIED, ROUND1_DIFFERENCE})

#: Codes of a difference between two figures that the returning officer may accept, by stage.
DIFFERENCE_CODES = {ROUND1: ROUND1_DIFFERENCE, ROUND2: ROUND2_DIFFERENCE}


def accepted(
    differences: Iterable[AcceptedDifference], stage: str, counted: int, expected: int
) -> AcceptedDifference | None:
    """The acceptance that covers exactly these figures, if one stands."""
    for difference in differences:
        if difference.stage == stage and difference.counted == counted and difference.expected == expected:
            return difference
    return None


def unverified_boxes(contest: Contest) -> Iterator[Problem]:
    if not contest.boxes:
        yield Problem(NO_BOXES, "boxes", "no ballot box is set up, so no paper has been verified")
    for index, box in enumerate(contest.boxes):
        if box.verified is None:
            yield Problem(BOX_UNVERIFIED, f"boxes[{index}]", f"box {box.id} has not been verified")


def round1_gap(counted: int, verified: int) -> Problem | None:
    """Round-1 papers against papers verified, as a problem (None when they agree)."""
    figures = frozen_map({"counted": counted, "expected": verified})
    if counted < verified:
        missing = verified - counted
        verb = "is" if missing == 1 else "are"
        return Problem(
            ROUND1_DIFFERENCE, "count_sheets",
            f"{missing:,} verified paper{'' if missing == 1 else 's'} {verb} not on any sheet yet "
            f"({counted:,} counted of {verified:,} verified)", figures,
        )
    if counted > verified:
        return Problem(
            ROUND1_DIFFERENCE, "count_sheets",
            f"the first-round sheets hold {papers(counted - verified)} more than were verified "
            f"({counted:,} counted, {verified:,} verified)", figures,
        )
    return None


def round2_gap(examined: int, eliminated: int) -> Problem | None:
    """Second-round papers against the eliminated candidates' first preferences."""
    figures = frozen_map({"counted": examined, "expected": eliminated})
    if examined < eliminated:
        return Problem(
            ROUND2_DIFFERENCE, "count_sheets",
            f"{papers(eliminated - examined)} of the eliminated candidates "
            f"{'is' if eliminated - examined == 1 else 'are'} not on any second-round sheet yet "
            f"({examined:,} examined of {eliminated:,})", figures,
        )
    if examined > eliminated:
        return Problem(
            ROUND2_DIFFERENCE, "count_sheets",
            f"the second-round sheets hold {papers(examined - eliminated)} more than the eliminated "
            f"candidates had ({examined:,} examined, {eliminated:,} first preferences): these figures "
            "cannot be", figures,
        )
    return None


def round2_sheet_problems(index: int, sheet: CountSheet, finalists: Sequence[str]) -> Iterator[Problem]:
    """What one second-round sheet cannot hold: a figure for someone who is not a finalist, no
    figure for a finalist, or more second-stage rejected papers than its non-transferable papers,
    of which they are a part (domain.md §2b)."""
    where = f"count_sheets[{index}]"
    for cid, votes in sheet.votes.items():
        if cid not in finalists:
            yield Problem(
                ROUND2_NOT_FINALIST, f"{where}.votes.{cid}",
                f"second-round sheet {sheet.id} gives {votes:,} to {cid}, who is not a finalist "
                f"(finalists: {', '.join(finalists)})", frozen_map({"votes": votes}),
            )
    for cid in finalists:
        if cid not in sheet.votes:
            yield Problem(
                ROUND2_FINALIST_MISSING, f"{where}.votes",
                f"second-round sheet {sheet.id} has no figure for finalist {cid}",
            )
    yield from second_stage_problems(index, sheet)


def second_stage_problems(index: int, sheet: CountSheet) -> Iterator[Problem]:
    """The statutory second-stage rejected figure is a part of the non-transferable papers (§2b)."""
    rejected = second_stage_rejected(sheet)
    non_transferable = sheet.non_transferable or 0
    if rejected > non_transferable:
        yield Problem(
            ROUND2_REJECTED_OVER, f"count_sheets[{index}].second_rejected",
            f"second-round sheet {sheet.id}: {papers(rejected)} rejected at the second stage, more than "
            f"the {non_transferable:,} non-transferable papers they are part of",
            frozen_map({"rejected": rejected, "non_transferable": non_transferable}),
        )


def second_stage_rejected(sheet: CountSheet) -> int:
    """The sheet's statutory second-stage rejected figure (a /1 file's two heads are read as their sum)."""
    return sheet.second_rejected or 0


def round2_papers(sums: SheetSums) -> int:
    """Every paper on the second-round sheets: each candidate's figure plus the non-transferable."""
    return sum(sums.second.values()) + sums.non_transferable


def eliminated_first(first: Mapping[str, int], finalists: Sequence[str]) -> int:
    return sum(votes for cid, votes in first.items() if cid not in finalists)


@dataclass(frozen=True)
class Completeness:
    """What keeps the contest from a result (`gaps`), and the acceptances that stand in for the
    differences they cover (printed on the declaration, exported with the result). `measured`:
    each stage's difference as it stands now, (stage, counted, expected), for a stage measured
    with sheets on it and a difference to accept: an acceptance stands only for exactly these."""

    gaps: tuple[Problem, ...]
    accepted: tuple[AcceptedDifference, ...] = ()
    measured: tuple[tuple[str, int, int], ...] = ()

    def stands(self, difference: AcceptedDifference) -> bool:
        """Whether `difference` still covers the figures that stand: once any figure it covers has
        changed (or its stage can no longer be measured) it covers nothing, for good."""
        return (difference.stage, difference.counted, difference.expected) in self.measured


def completeness(
    contest: Contest, sums: SheetSums, first: Mapping[str, int], finalists: Sequence[str] | None,
    second_round: bool,
) -> Completeness:
    """Everything that keeps the contest from having a result, none if the count is complete.

    `finalists` and `second_round` are the rule module's: an SV contest with no majority (or an
    area told its finalists) has a second round over the papers of everyone else."""
    if not contest.candidates:
        return Completeness((Problem(NO_CANDIDATES, "candidates", "no candidate is set up"),))
    found = list(unverified_boxes(contest))
    standing: list[AcceptedDifference] = []
    measured: list[tuple[str, int, int]] = []

    def measure(gap: Problem | None, stage: str, sheets: int) -> None:
        # A difference can be accepted once there is something counted to differ: never a round
        # with no sheet at all.
        if gap is None:
            return
        if sheets:
            measured.append((stage, gap.figures["counted"], gap.figures["expected"]))
        acceptance = accepted(contest.accepted_differences, stage, gap.figures["counted"], gap.figures["expected"])
        if sheets and acceptance is not None:
            standing.append(acceptance)
        else:
            found.append(gap)

    if not found:
        verified = sum(box.verified or 0 for box in contest.boxes)
        measure(round1_gap(sums.counted, verified), ROUND1, sums.round1_sheets)
    # The second round is measured against finalists that round 1 decides: while round 1 is open
    # they are provisional, so only its problems are reported (the contest is incomplete anyway).
    if second_round and finalists and not found:
        for index, sheet in enumerate(contest.count_sheets):
            if sheet.round == 2:
                found.extend(round2_sheet_problems(index, sheet, finalists))
        measure(round2_gap(round2_papers(sums), eliminated_first(first, finalists)), ROUND2, sums.round2_sheets)
    return Completeness(tuple(found), tuple(standing), tuple(measured))


def completeness_problems(
    contest: Contest, sums: SheetSums, first: Mapping[str, int], finalists: Sequence[str] | None,
    second_round: bool,
) -> tuple[Problem, ...]:
    return completeness(contest, sums, first, finalists, second_round).gaps


#: Figures that cannot be, whatever is still to come: errors in a file, never a result.
IMPOSSIBLE_CODES = frozenset({ROUND2_NOT_FINALIST, ROUND2_FINALIST_MISSING, ROUND2_REJECTED_OVER})


def impossible_figures(gaps: Sequence[Problem]) -> tuple[Problem, ...]:
    """The gaps no further sheet can close: a round-2 sheet for someone who is not a finalist,
    without a finalist, with more second-stage rejected papers than non-transferable ones, or
    second-round papers beyond the eliminated candidates' first preferences."""
    return tuple(
        g for g in gaps
        if g.code in IMPOSSIBLE_CODES or (g.code == ROUND2_DIFFERENCE and g.figures["counted"] > g.figures["expected"])
    )


def round1_open(gaps: Sequence[Problem]) -> str:
    """Why round 1 is not complete yet, as one sentence; "" once it is (or its difference is
    accepted). The second round opens only then: its finalists are decided on every first
    preference (Local Government Act 2000 Sch 2 para 3(4))."""
    return summary([g for g in gaps if g.code in ROUND1_CODES])


def summary(problems: Sequence[Problem], limit: int = 3) -> str:
    """The problems as one sentence, for a refusal or a status line: the first few, then a count."""
    shown = [p.message for p in problems[:limit]]
    if len(problems) > limit:
        shown.append(f"and {len(problems) - limit} more")
    return "; ".join(shown)

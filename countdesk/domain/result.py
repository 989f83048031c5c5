"""The count's output: immutable records that the screen, the PDFs and the exports all render.

Nothing downstream recomputes a figure: it reads a `ContestResult` and its `Round`s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from .model import AcceptedDifference, Counting, Declaration, Lot, Office, VotingSystem, frozen_map
from .problems import Problem


class Status(StrEnum):
    ELECTED = "elected"
    NEEDS_LOTS = "needs_lots"
    INCOMPLETE = "incomplete"
    #: Candidates not more than seats and no count sheets: returned without a poll.
    UNCONTESTED = "uncontested"
    #: A complete local count of a collated poll: its figures are ready for the collating officer,
    #: who declares; never "elected" on its own figures.
    COUNTED = "counted"
    #: Referendum: an answer has more than half of the valid votes.
    DECIDED = "decided"
    #: Referendum: an equal vote, no answer carried (never a lot).
    EQUAL = "equal"


@dataclass(frozen=True)
class Warning_:
    """One numbered check that failed: `code` (see checks.CHECKS), where, and a plain message."""

    code: str
    where: str
    message: str


@dataclass(frozen=True)
class Tie:
    """Candidates the law says must be separated by lot, and how many places the lot fills."""

    candidates: tuple[str, ...]
    places: int
    stage: str  # "final" (SV), "simple_majority" (SV, two candidates), "last_seat" (FPTP)


@dataclass(frozen=True)
class Round:
    """One round of the count as it stood: totals, who left, what they passed on, lots used."""

    number: int
    totals: Mapping[str, int]
    excluded: tuple[str, ...] = ()
    transfers: Mapping[str, int] = field(default_factory=frozen_map)
    non_transferable: int = 0
    lots_applied: tuple[Lot, ...] = ()
    tie: Tie | None = None


@dataclass(frozen=True)
class RejectedSummary:
    by_head: Mapping[str, int]
    rejected_in_part: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_head.values())


@dataclass(frozen=True)
class ContestResult:
    contest_id: str
    system: VotingSystem
    seats: int
    status: Status
    ballot_papers_verified: int | None
    ballot_papers_counted: int
    valid_votes: int
    rejected: RejectedSummary
    electorate: int | None
    first: Mapping[str, int]
    rounds: tuple[Round, ...]
    elected: tuple[str, ...]
    lots_applied: tuple[Lot, ...]
    warnings: tuple[Warning_, ...]
    # SV only
    elected_on_first: bool | None = None
    finalists: tuple[str, ...] | None = None
    second: Mapping[str, int] | None = None
    non_transferable: int | None = None
    final: Mapping[str, int] | None = None
    #: SV with a second round: the statutory second-stage figure (domain.md §2b).
    second_rejected: int | None = None
    #: The tie still waiting for a lot, when status is NEEDS_LOTS.
    pending_tie: Tie | None = None
    office: Office = Office.COUNCIL
    counting: Counting = Counting.WHOLE
    #: Why the count is not complete (completeness.py); while any stands, status is INCOMPLETE
    #: and `elected` is empty.
    gaps: tuple[Problem, ...] = ()
    #: Referendum: the answer carried (DECIDED), else None.
    answer: str | None = None
    #: The acceptances standing in for the differences they cover in this (complete) result.
    accepted_differences: tuple[AcceptedDifference, ...] = ()
    #: When and by whom the returning officer declared this result; None while provisional.
    declared: Declaration | None = None

    @property
    def seats_unfilled(self) -> int:
        """An uncontested return with fewer candidates than seats leaves seats unfilled."""
        return self.seats - len(self.elected) if self.status is Status.UNCONTESTED else 0

    @property
    def complete(self) -> bool:
        return self.status is not Status.INCOMPLETE

    @property
    def turnout_percent(self) -> Decimal | None:
        return turnout_percent(self.ballot_papers_verified, self.electorate)


def turnout_percent(verified: int | None, electorate: int | None) -> Decimal | None:
    """Ballot papers verified ÷ electorate × 100, to 2 d.p., rounded half up (domain.md §3c)."""
    if verified is None or not electorate:
        return None
    exact = Decimal(verified) * 100 / Decimal(electorate)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def share_percent(part: int, whole: int) -> Decimal | None:
    """A share to 2 d.p. for display; integers in, exact decimal out."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Outcome:
    """What a rule module decides; `tally` adds the figures and checks common to every system."""

    status: Status
    first: Mapping[str, int]
    rounds: tuple[Round, ...]
    elected: tuple[str, ...] = ()
    lots_applied: tuple[Lot, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    pending_tie: Tie | None = None
    elected_on_first: bool | None = None
    finalists: tuple[str, ...] | None = None
    second: Mapping[str, int] | None = None
    non_transferable: int | None = None
    final: Mapping[str, int] | None = None
    #: SV with a second round: the statutory second-stage figure (domain.md §2b).
    second_rejected: int | None = None
    answer: str | None = None

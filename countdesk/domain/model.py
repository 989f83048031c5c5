"""The nouns of a count: plain frozen dataclasses, no Qt, no SQL, no I/O.

Every figure is an ``int``. Mappings of candidate id to votes keep ballot-paper order because
they are built from the contest's candidate tuple, which is in that order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Mapping

#: The five statutory heads of papers rejected outright (domain.md §2a), in statement order.
REJECTED_HEADS: tuple[str, ...] = (
    "want_of_official_mark",
    "too_many_votes",
    "identifiable",
    "unmarked",
    "void_for_uncertainty",
)

#: Heads of papers whose second preference was not counted (domain.md §2b).
SECOND_NOT_COUNTED_HEADS: tuple[str, ...] = ("too_many_votes", "void_for_uncertainty")

#: The Elections Act 2022 moved mayor and PCC polls on or after this day to FPTP (domain.md §6).
SV_ABOLISHED_FROM = date(2023, 5, 4)


class VotingSystem(StrEnum):
    SV = "sv"
    FPTP = "fptp"


def frozen_map(items: Mapping[str, int] | None = None) -> Mapping[str, int]:
    """A read-only copy, so a record handed to the screen cannot be changed behind the count."""
    return MappingProxyType(dict(items or {}))


@dataclass(frozen=True)
class Election:
    id: str
    title: str
    poll_date: date
    area: str
    returning_officer: str | None = None
    bilingual: bool = False


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    description: str = ""

    @property
    def surname(self) -> str:
        """The surname as printed on the ballot: the words in capitals, else the last word."""
        words = self.name.split()
        caps = [w for w in words if w.isupper() and any(ch.isalpha() for ch in w)]
        if caps:
            return " ".join(caps)
        return words[-1] if words else ""


@dataclass(frozen=True)
class Box:
    """A ballot box at verification: what the presiding officer's account says, what was counted."""

    id: str
    label: str = ""
    postal: bool = False
    ballot_paper_account: int | None = None
    verified: int | None = None
    note: str | None = None

    @property
    def difference(self) -> int | None:
        if self.verified is None or self.ballot_paper_account is None:
            return None
        return self.verified - self.ballot_paper_account


@dataclass(frozen=True)
class CountSheet:
    """One count table's sheet. Round 1: first preferences (or FPTP votes) and rejected papers.
    Round 2 (SV only): second preferences for the finalists on the excluded candidates' papers."""

    id: str
    round: int
    votes: Mapping[str, int]
    rejected: Mapping[str, int] = field(default_factory=frozen_map)
    papers: int | None = None
    rejected_in_part: int | None = None
    non_transferable: int | None = None
    second_not_counted: Mapping[str, int] = field(default_factory=frozen_map)

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.get(h, 0) for h in REJECTED_HEADS)

    @property
    def papers_counted(self) -> int:
        """Ballot papers on the sheet: its stated `papers`, else votes plus rejected."""
        if self.papers is not None:
            return self.papers
        return sum(self.votes.values()) + self.rejected_total


@dataclass(frozen=True)
class Lot:
    """A lot the returning officer drew by hand; the engine only applies it."""

    tied: tuple[str, ...]
    winners: tuple[str, ...]
    drawn_by: str = ""
    drawn_at: str = ""
    witnesses: str = ""


#: The stages at which a difference can be accepted (count-file.md `accepted_differences`).
ACCEPTANCE_STAGES: tuple[str, ...] = ("round1", "round2")


@dataclass(frozen=True)
class AcceptedDifference:
    """The returning officer accepts a difference that checking did not resolve, for exactly these
    figures: `counted` papers against `expected` ("round1": papers on first-round sheets against
    papers verified; "round2": second-round papers against the eliminated candidates' first
    preferences). Any change to either figure leaves it matching nothing, so it stands no more."""

    stage: str
    counted: int
    expected: int
    reason: str = ""
    accepted_by: str = ""
    accepted_at: str = ""


@dataclass(frozen=True)
class Contest:
    id: str
    title: str
    system: VotingSystem
    seats: int
    candidates: tuple[Candidate, ...]
    boxes: tuple[Box, ...] = ()
    count_sheets: tuple[CountSheet, ...] = ()
    lots: tuple[Lot, ...] = ()
    electorate: int | None = None
    accepted_differences: tuple[AcceptedDifference, ...] = ()

    @property
    def candidate_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.candidates)

    def candidate(self, candidate_id: str) -> Candidate:
        for c in self.candidates:
            if c.id == candidate_id:
                return c
        raise KeyError(candidate_id)

    def sheets(self, round_number: int) -> tuple[CountSheet, ...]:
        return tuple(s for s in self.count_sheets if s.round == round_number)


@dataclass(frozen=True)
class Count:
    """What one counting area holds: the election and its contests (a count file's content)."""

    election: Election
    contests: tuple[Contest, ...]

    def contest(self, contest_id: str) -> Contest:
        for c in self.contests:
            if c.id == contest_id:
                return c
        raise KeyError(contest_id)

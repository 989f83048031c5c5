"""The nouns of a count: plain frozen dataclasses, no Qt, no SQL, no I/O.

Every figure is an ``int``. Mappings of candidate id to votes keep ballot-paper order because
they are built from the contest's candidate tuple, which is in that order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

#: The five statutory heads of papers rejected outright (domain.md §2a), in statement order.
REJECTED_HEADS: tuple[str, ...] = (
    "want_of_official_mark",
    "too_many_votes",
    "identifiable",
    "unmarked",
    "void_for_uncertainty",
)

#: The heads a `countdesk/1` round-2 sheet kept for papers whose second preference was not
#: counted. Read only: their sum is the one statutory figure, `CountSheet.second_rejected` (§2b).
LEGACY_SECOND_NOT_COUNTED_HEADS: tuple[str, ...] = ("too_many_votes", "void_for_uncertainty")


class VotingSystem(StrEnum):
    SV = "sv"
    FPTP = "fptp"
    REFERENDUM = "referendum"


class Office(StrEnum):
    """What is being elected (or asked): with the nation and the poll date it fixes the rules, the
    heads, the wording and the officer (domain.md §6; `regimes.regime_for`). Never guessed from a
    contest's id or title, except once when a `countdesk/1` file is read (`legacy_office`)."""

    PARLIAMENT = "parliament"
    COUNCIL = "council"  # principal area, parish, town or community ward
    LOCAL_MAYOR = "local_mayor"
    COMBINED_AUTHORITY_MAYOR = "combined_authority_mayor"  # CA or CCA
    PCC = "pcc"  # PCC or PFCC
    REFERENDUM = "referendum"


class Counting(StrEnum):
    """WHOLE: this count is the whole poll and declares. LOCAL: one counting area of a collated PCC
    or CA/CCA mayoral poll, which gives local statements only (PCC Order 2012 Sch 3 r.62(1))."""

    WHOLE = "whole"
    LOCAL = "local"


class Nation(StrEnum):
    ENGLAND = "england"
    WALES = "wales"


#: The office a contest built without one takes (a test, an older caller): the plain office of
#: its system. Files and the store always name the office.
DEFAULT_OFFICE: Mapping[str, Office] = MappingProxyType({
    "sv": Office.LOCAL_MAYOR, "fptp": Office.COUNCIL, "referendum": Office.REFERENDUM,
})


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
    #: The documents are signed by a deputy of the officer.
    deputy: bool = False
    nation: Nation = Nation.ENGLAND
    title_cy: str | None = None


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
    #: Round 2: papers rejected for the count of second preferences as unmarked or void for
    #: uncertainty as to the second preference (PCC Order 2012 Sch 3 r.62(2)(d)(ii)); a part of
    #: `non_transferable`.
    second_rejected: int | None = None

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
class Declaration:
    """When and by whom the result was declared (written to the count file once declared)."""

    at: str
    by: str


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
    #: None takes DEFAULT_OFFICE for the system (set once, here).
    office: Office | None = None
    counting: Counting = Counting.WHOLE
    title_cy: str | None = None
    #: A referendum's question as on the ballot paper; its candidates are the answers.
    question: str | None = None
    accepted_differences: tuple[AcceptedDifference, ...] = ()
    declared: Declaration | None = None

    def __post_init__(self) -> None:
        if self.office is None:
            object.__setattr__(self, "office", DEFAULT_OFFICE[VotingSystem(self.system).value])

    @property
    def office_held(self) -> Office:
        """The office this contest fills: `office`, which __post_init__ has set when it was None."""
        return self.office if self.office is not None else DEFAULT_OFFICE[VotingSystem(self.system).value]

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

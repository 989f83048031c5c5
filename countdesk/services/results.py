"""A contest's result: the one way to it for every screen, document, export and command.

The result is counted by the domain (domain/tally.py) from the contest as stored, on the round-2
finalists a collating officer named where this count is an area of a collated SV poll (read
through the one function the session is given, `instruction_of`). The instruction comes with the
result, so a caller never fetches the finalists itself and cannot count on other ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.model import Contest, Count, Election
from ..domain.result import ContestResult
from ..domain.tally import tally_contest
from ..store.repository import load_contest, load_election
from .count_core import CountCore, UseCase, serialised

if TYPE_CHECKING:  # a type only: the instruction's reader loads when a count holds one (round2_area.py)
    from ..exchange.round2 import Round2Instruction

#: The round-2 instruction a contest counts on (None: it counts on its own finalists).
InstructionReader = Callable[[str], "Round2Instruction | None"]


@dataclass(frozen=True)
class StandingResult:
    """A contest's result as the count stands, and the round-2 instruction it was counted on."""

    result: ContestResult
    #: The collating officer's instruction for an area of a collated SV poll, else None.
    instruction: Round2Instruction | None = None

    @property
    def finalists(self) -> tuple[str, ...] | None:
        """The SV finalists round 2 was counted for (the instructed ones where instructed)."""
        return self.result.finalists

    @property
    def instructed_finalists(self) -> tuple[str, ...] | None:
        """The finalists a collating officer named, or None where the contest counts on its own."""
        return None if self.instruction is None else self.instruction.finalists


@serialised
class Results(UseCase):

    def __init__(self, core: CountCore, instruction_of: InstructionReader) -> None:
        super().__init__(core)
        self._instruction_of = instruction_of

    def result(self, contest_id: str) -> StandingResult:
        """The contest's result as it stands, with the round-2 instruction it counts on. Raises
        CountdeskError (located) when an area's recorded instruction cannot be read or checked."""
        self._core.state(contest_id)
        cdb = self._core.store
        return self._standing(load_election(cdb), load_contest(cdb, contest_id))

    def of(self, count: Count) -> tuple[StandingResult, ...]:
        """Each contest's result in `count`, a whole count this session loaded (`session.load()`),
        with its instruction: for a caller that shows or exports the count it read and must not
        mix in a write made since (a writer elsewhere, a read-only view)."""
        return tuple(self._standing(count.election, contest) for contest in count.contests)

    def of_contest(self, count: Count, contest_id: str) -> StandingResult | None:
        """One contest's result in `count` (as `of`), or None when the count holds no such contest."""
        contest = next((c for c in count.contests if c.id == contest_id), None)
        return None if contest is None else self._standing(count.election, contest)

    def _standing(self, election: Election, contest: Contest) -> StandingResult:
        instruction = self._instruction_of(contest.id)
        finalists = None if instruction is None else instruction.finalists
        return StandingResult(tally_contest(election, contest, finalists), instruction)

    def finalists(self, contest_id: str) -> tuple[str, ...] | None:
        """The round-2 finalists a collating officer named for the contest, or None (it counts on
        its own); no check of the contest first: called inside writes, on ids the store gave."""
        instruction = self._instruction_of(contest_id)
        return instruction.finalists if instruction is not None else None

    def instruction(self, contest_id: str) -> Round2Instruction | None:
        """The round-2 instruction the contest counts on, checked, or None."""
        self._core.state(contest_id)
        return self._instruction_of(contest_id)

"""A contest's result: the one way to it for every screen, document, export and command.

The result is counted by the domain (domain/tally.py) from the contest as stored, on the round-2
finalists a collating officer named where this count is an area of a collated SV poll (read
through the one function the session is given, `instruction_of`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..domain.result import ContestResult
from ..domain.tally import tally_contest
from ..exchange.round2 import Round2Instruction
from ..store.repository import load_contest, load_election
from .count_core import CountCore, UseCase, serialised

#: The round-2 instruction a contest counts on (None: it counts on its own finalists).
InstructionReader = Callable[[str], "Round2Instruction | None"]


@serialised
class Results(UseCase):

    def __init__(self, core: CountCore, instruction_of: InstructionReader) -> None:
        super().__init__(core)
        self._instruction_of = instruction_of

    def result(self, contest_id: str) -> ContestResult:
        """The contest's result as it stands; an area of a collated SV poll counts round 2 for the
        finalists the collating officer named (`finalists` in the result)."""
        self._core.state(contest_id)
        finalists = self.finalists(contest_id)
        cdb = self._core.store
        return tally_contest(load_election(cdb), load_contest(cdb, contest_id), finalists)

    def finalists(self, contest_id: str) -> tuple[str, ...] | None:
        """The round-2 finalists a collating officer named for the contest, or None (it counts on
        its own); no check of the contest first: called inside writes, on ids the store gave."""
        instruction = self._instruction_of(contest_id)
        return instruction.finalists if instruction is not None else None

    def instruction(self, contest_id: str) -> Round2Instruction | None:
        """The round-2 instruction the contest counts on, checked, or None."""
        self._core.state(contest_id)
        return self._instruction_of(contest_id)

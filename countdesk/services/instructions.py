"""The round-2 instruction an area received from its collating officer, kept in the count with
its audit row (round2_area.py checks a file, imports it through `save`, and reads it back checked).
"""

from __future__ import annotations

from ..store.instructions import StoredInstruction, save_instruction, stored_instruction
from ..store.repository import load_contest
from .changes import Change
from .count_core import UseCase, serialised


@serialised
class Instructions(UseCase):

    def stored(self, contest_id: str) -> StoredInstruction | None:
        """The instruction the count holds for the contest, as stored (unchecked); None for a
        contest without one (or an id no contest has: the caller names the contest it asks about)."""
        return stored_instruction(self._core.store, contest_id)

    def save(
        self, contest_id: str, content: str, finalists: tuple[str, ...], source: str, *,
        audit_after: dict[str, object], reason: str | None = None,
    ) -> Change:
        """Keep the instruction (already checked) in the count with its audit row, in one
        transaction; refused for a declared contest. On a server, where another station may have
        entered a round-2 sheet since the instruction was checked, the sheets are checked again
        against its finalists under the write lock, with the declaration."""
        core = self._core
        state = core.open_state(contest_id)

        def write() -> None:
            if core.store.shared:
                from ..exchange.round2 import check_round2_sheets  # the reader loads when it is needed

                check_round2_sheets(load_contest(core.store, contest_id), finalists)
            save_instruction(core.store, core.actor, contest_id, content, finalists, source,
                             audit_after=audit_after, reason=reason)

        _, audit_id = core.write_advancing(state, state.stage, "", write)
        return Change(contest_id, instruction=True, audit_id=audit_id)

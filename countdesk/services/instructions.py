"""The round-2 instruction an area received from its collating officer, kept in the count with
its audit row (round2_area.py checks a file and imports it through `save`), and read back checked
(`checked`: every result of the count asks it, so it lives here, apart from the import).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from ..errors import CountdeskError, ValidationError
from ..store.instructions import StoredInstruction, save_instruction, stored_instruction
from ..store.repository import load_contest
from .changes import Change
from .count_core import UseCase, contest_where, serialised

if TYPE_CHECKING:
    from ..exchange.round2 import Round2Instruction

_AGAIN = "import the instruction file again"


class InstructionUnusable(CountdeskError):
    """The count cannot use the instruction its audit trail records (located at the contest).

    `kind`: "missing" (the count does not hold it: lost before an upgrade), "altered" (changed
    outside the app: not the bytes imported) or "damaged" (it cannot be read back)."""

    def __init__(self, kind: str, message: str, contest_id: str) -> None:
        super().__init__(message, contest_where(contest_id))
        self.kind = kind


def usable_instruction(stored: StoredInstruction) -> Round2Instruction:
    """The instruction as imported, read back from the count: refused (InstructionUnusable) when the
    count does not hold it, holds other bytes than those imported, or cannot parse them."""
    from ..exchange.round2 import parse_round2_bytes  # the reader loads where an instruction is held

    contest_id = stored.contest_id
    if stored.content is None:
        raise InstructionUnusable(
            "missing",
            f"the round-2 instruction for contest {contest_id} is missing: the audit trail records one imported "
            f"from {stored.source}, but the copy an earlier countdesk kept beside the count file was missing or "
            f"altered when this version first opened the count, and without it this area's result cannot be "
            f"counted; {_AGAIN}", contest_id)
    data = stored.content.encode("utf-8")
    if hashlib.sha256(data).hexdigest() != stored.sha256:
        raise InstructionUnusable(
            "altered",
            f"the round-2 instruction for contest {contest_id} has been altered outside countdesk: it is not the "
            f"one imported from {stored.source} (its SHA-256 differs from the one recorded); {_AGAIN}", contest_id)
    try:
        instruction = parse_round2_bytes(data, stored.source)
    except ValidationError as error:
        raise InstructionUnusable(
            "damaged", f"the round-2 instruction for contest {contest_id} cannot be read back ({error}); {_AGAIN}",
            contest_id) from error
    if instruction.contest_id != contest_id:
        raise InstructionUnusable(
            "damaged", f"the round-2 instruction kept for contest {contest_id} is for contest "
            f"{instruction.contest_id}; {_AGAIN}", contest_id)
    return instruction


@serialised
class Instructions(UseCase):

    def stored(self, contest_id: str) -> StoredInstruction | None:
        """The instruction the count holds for the contest, as stored (unchecked); None for a
        contest without one (or an id no contest has: the caller names the contest it asks about)."""
        return stored_instruction(self._core.store, contest_id)

    def checked(self, contest_id: str) -> Round2Instruction | None:
        """The instruction the contest counts round 2 for, read back and checked (usable_instruction),
        or None when the count holds none for it."""
        stored = self.stored(contest_id)
        return None if stored is None else usable_instruction(stored)

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

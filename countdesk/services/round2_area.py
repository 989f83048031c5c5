"""An area count receives the collating officer's round-2 instruction (domain.md §5).

At a collated SV poll an area never picks finalists from its own figures: it waits for the
instruction file, imports it, and then enters round-2 sheets for the finalists it names. The count
keeps the instruction exactly as issued, inside the count (store/instructions.py), written in the
same transaction as the audit row that records its import; so a backup, a restore, `countdesk copy`
and the integrity replay carry it with everything else, on a count file and on a count server. From
then on the area's tally, its exports, its documents and its bundle use the instructed finalists.

Every result is computed through the session's `instructions.checked` (services/instructions.py,
so that a count's first result does not load this module), which reads
the instruction back, checks it hashes to the SHA-256 recorded at its import, and parses it as on
import. An instruction the count does not hold although its trail records one (lost when an older
count, which kept it in a file beside the count file, was upgraded), or one altered outside the
app, stops the result with a sentence, located at the contest, saying to import it again; the area
never falls back, silently, to finalists of its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CountdeskError, ValidationError
from ..exchange.round2 import Round2Instruction, check_instruction_applies, read_round2_file
from ..store.audit import AuditRow
from ..store.instructions import IMPORT_ACTION, LOST_ACTION, StoredInstruction
from .changes import NO_CHANGE, Change
from .count_core import contest_where
from .instructions import InstructionUnusable, usable_instruction
from .validation import require_reason

if TYPE_CHECKING:
    from ..domain.model import Contest
    from .count_session import CountSession

__all__ = [
    "IMPORT_ACTION", "InstructionUnusable", "Round2Instruction", "import_round2_instruction",
    "instruction_for_this_count", "replacement_question",
]


def import_round2_instruction(
    session: CountSession, source: Path, *, reason: str | None = None,
) -> Change:
    """Check the instruction file against this count and keep it in the count, audited; what
    changed (nothing, for the instruction the count already holds intact).

    Refused (nothing written): a file that is not a valid instruction, one for another election,
    contest or area, one whose candidates differ, a contest already declared, or round-2 sheets
    already entered for other finalists. Importing the instruction the count holds again changes
    nothing; a different one replaces it only with a reason. One the count does not hold as imported
    (lost before an upgrade, or altered) is put in afresh, `found` in the row saying what was
    wrong; putting back the very instruction the trail records needs no reason.
    """
    source = Path(source)
    if session.read_only:
        raise CountdeskError(f"{session.path.name} is open read-only: the instruction cannot be imported",
                             str(session.path))
    instruction, data, contest = _read_for_this_count(session, source)
    if session.contest_state(contest.id).declared:
        raise CountdeskError(f'contest "{contest.id}" is declared: unlock it before importing an instruction',
                             contest_where(contest.id))
    plan = _plan_import(session, instruction, hashlib.sha256(data).hexdigest())
    if plan.unchanged:
        return NO_CHANGE
    if plan.why_reason:
        reason = require_reason(reason, "reason", plan.why_reason)
    return session.instructions.save(
        contest.id, data.decode("utf-8"), instruction.finalists, source.name, reason=reason,
        audit_after={"issued_at": instruction.issued_at.isoformat(), "issued_by": instruction.issued_by,
                     "replaced": plan.replaced, "found": plan.found},
    )


def replacement_question(session: CountSession, source: Path) -> str | None:
    """Why importing `source` (already read and checked) needs a reason, or None: the question the
    dialog asks before the import, by the rule the import applies."""
    instruction, data = read_round2_file(Path(source))
    return _plan_import(session, instruction, hashlib.sha256(data).hexdigest()).why_reason or None


def instruction_for_this_count(session: CountSession, source: Path) -> Round2Instruction:
    """The instruction in the file `source`, read and checked against this count as its import
    checks it (this election, a contest of the count, this area, the same candidates, finalists the
    round-2 sheets allow): what the dialog shows before anything is imported. Writes nothing."""
    return _read_for_this_count(session, Path(source))[0]


def _read_for_this_count(session: CountSession, source: Path) -> tuple[Round2Instruction, bytes, Contest]:
    """The instruction in `source`, the file's bytes and the contest it is for, refused unless it
    applies to this count."""
    instruction, data = read_round2_file(source)
    if instruction.contest_id not in {state.id for state in session.contest_states()}:
        raise ValidationError(f'this count has no contest "{instruction.contest_id}"', "contest_id")
    contest = session.contest(instruction.contest_id)
    check_instruction_applies(instruction, session.election(), contest)
    return instruction, data, contest


@dataclass(frozen=True)
class _ImportPlan:
    unchanged: bool              # the instruction the count holds, intact: nothing to do
    why_reason: str              # "" unless it replaces another recorded instruction
    replaced: list[str] | None   # the finalists of the instruction recorded before, if any
    found: str | None            # what was wrong with the one held (an InstructionUnusable kind)


def _plan_import(session: CountSession, instruction: Round2Instruction, sha: str) -> _ImportPlan:
    """Compare with the instruction the count holds (recorded with its audit row)."""
    contest_id = instruction.contest_id
    stored = session.instructions.stored(contest_id)
    if stored is None:
        return _ImportPlan(False, "", None, None)
    found, existing = None, None
    try:
        existing = usable_instruction(stored)
    except InstructionUnusable as problem:
        found = problem.kind
    replaced = list(stored.finalists)
    if existing is not None and stored.sha256 == sha:
        return _ImportPlan(True, "", None, None)
    same = stored.sha256 == sha or (existing is None and _same_issue(session, stored, instruction))
    why = "" if same else f"an instruction naming {', '.join(replaced)} is already recorded for {contest_id}"
    return _ImportPlan(False, why, replaced, found)


def _same_issue(session: CountSession, stored: StoredInstruction, instruction: Round2Instruction) -> bool:
    """With the recorded instruction lost or altered, what its audit row says: the same finalists
    issued by the same officer at the same moment (the issued file saved again, byte for byte
    different)."""
    rows: list[AuditRow] = [row for action in (IMPORT_ACTION, LOST_ACTION)
                            for row in session.audit_rows(contest_id=stored.contest_id, action=action)]
    latest = max(rows, key=lambda row: row.id) if rows else None
    after = latest.after if latest is not None and isinstance(latest.after, dict) else {}
    return (list(stored.finalists) == list(instruction.finalists)
            and after.get("issued_at") == instruction.issued_at.isoformat()
            and after.get("issued_by") == instruction.issued_by)

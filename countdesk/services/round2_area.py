"""An area count receives the collating officer's round-2 instruction (domain.md §5).

At a collated SV poll an area never picks finalists from its own figures: it waits for the
instruction file, imports it, and then enters round-2 sheets for the finalists it names. The
instruction is kept next to the count file, exactly as issued
(``<count file>.round2-<contest>.json``), and its import is an audit row that records the
finalists and the file's SHA-256. From then on the area's tally, its exports and its bundle use
the instructed finalists.

A side file rather than a setting inside the count database: the count database's session API
has no place for it, and a copy of the issued file is what a scrutineer would ask to see.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

from ..domain.result import ContestResult
from ..domain.tally import tally_contest
from ..errors import CountdeskError, ValidationError
from ..exchange.fsutil import remove_quietly, safe_name, write_file_durably
from ..exchange.round2 import (
    MAX_FILE_BYTES, Round2Instruction, check_instruction_applies, read_round2_instruction,
)
from .counts import CountSession
from .session_events import record_session_event
from .validation import require_reason

IMPORT_ACTION = "round2.instruction_import"


def instruction_file(count_path: Path, contest_id: str) -> Path:
    """Where a count keeps the instruction for one contest: beside the count file."""
    count_path = Path(count_path)
    return count_path.with_name(f"{count_path.name}.round2-{safe_name(contest_id)}.json")


def stored_instruction(count_path: Path, contest_id: str) -> Round2Instruction | None:
    """The instruction this count imported for the contest, re-checked as on import; None if none."""
    path = instruction_file(count_path, contest_id)
    if not path.exists():
        return None
    try:
        instruction = read_round2_instruction(path)
    except ValidationError as error:
        raise CountdeskError(
            f"the stored round-2 instruction is damaged ({error}): import the instruction file again",
            str(path),
        ) from error
    if instruction.contest_id != contest_id:
        raise CountdeskError(f"the stored round-2 instruction is for contest {instruction.contest_id}", str(path))
    return instruction


def instructed_finalists(count_path: Path, contest_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Contest id → instructed finalists, for the contests that have an instruction."""
    found = {}
    for contest_id in contest_ids:
        instruction = stored_instruction(count_path, contest_id)
        if instruction is not None:
            found[contest_id] = instruction.finalists
    return found


def area_tally(session: CountSession, contest_id: str) -> ContestResult:
    """The contest's result as this area must report it: with the instructed finalists, if any."""
    instruction = stored_instruction(session.path, contest_id)
    contest = session.contest(contest_id)
    return tally_contest(session.election(), contest, instruction.finalists if instruction else None)


def import_round2_instruction(session: CountSession, source: Path, *, reason: str | None = None) -> Round2Instruction:
    """Check the instruction file against this count, keep a copy, and record it in the audit trail.

    Refused (nothing written): a file that is not a valid instruction, one for another election,
    contest or area, one whose candidates differ, a contest already declared, or round-2 sheets
    already entered for other finalists. Importing the same instruction again changes nothing;
    a different one replaces the stored one only with a reason.
    """
    source = Path(source)
    if session.read_only:
        raise CountdeskError(f"{session.path.name} is open read-only: the instruction cannot be imported",
                             str(session.path))
    instruction = read_round2_instruction(source)
    data = _read_bytes(source)
    election = session.election()
    if instruction.contest_id not in {state.id for state in session.contest_states()}:
        raise ValidationError(f'this count has no contest "{instruction.contest_id}"', "contest_id")
    contest = session.contest(instruction.contest_id)
    check_instruction_applies(instruction, election, contest)
    if session.contest_state(contest.id).declared:
        raise CountdeskError(f'contest "{contest.id}" is declared: unlock it before importing an instruction',
                             f"contests[{contest.id}]")
    existing = stored_instruction(session.path, contest.id)
    if existing is not None and existing == instruction:
        return existing
    if existing is not None:
        reason = require_reason(
            reason, "reason",
            f"an instruction naming {', '.join(existing.finalists)} is already stored for {contest.id}",
        )
    target = instruction_file(session.path, contest.id)
    previous = target.read_bytes() if existing is not None else None
    try:
        write_file_durably(target, data)
    except OSError as exc:
        raise CountdeskError(f"the instruction could not be stored: {exc.strerror or exc}", str(target)) from exc
    try:
        if read_round2_instruction(target) != instruction:  # the file changed between our two reads
            raise ValidationError("changed while it was being read: import it again", str(source))
        record_session_event(
            session, IMPORT_ACTION, "contest", contest_id=contest.id, key=contest.id, reason=reason,
            after={
                "finalists": list(instruction.finalists), "issued_at": instruction.issued_at.isoformat(),
                "issued_by": instruction.issued_by, "file": source.name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "replaced": list(existing.finalists) if existing is not None else None,
            },
        )
    except BaseException:
        _restore(target, previous)
        raise
    return instruction


def _restore(target: Path, previous: bytes | None) -> None:
    """Put back what was stored before a refused or failed import."""
    if previous is None:
        remove_quietly(target)
    else:
        write_file_durably(target, previous)


def _read_bytes(source: Path) -> bytes:
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot be read: {exc.strerror or exc}", str(source)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError("is far larger than a round-2 instruction", str(source))
    return data

"""An area count receives the collating officer's round-2 instruction (domain.md §5).

At a collated SV poll an area never picks finalists from its own figures: it waits for the
instruction file, imports it, and then enters round-2 sheets for the finalists it names. The
instruction is kept next to the count file, exactly as issued
(``<count file>.round2-<contest>.json``), and its import is an audit row that records the
finalists and the file's SHA-256. From then on the area's tally, its exports and its bundle use
the instructed finalists.

A side file rather than a setting inside the count database: the count database's session API
has no place for it, and a copy of the issued file is what a scrutineer would ask to see.

The audit trail is the truth, the side file only its copy: every result is computed through
`checked_instruction`, which takes the latest import the trail records and requires the file to
hold exactly the bytes recorded then (SHA-256). A file lost, altered, swapped for another valid
instruction, or lying there without a recorded import stops the result with a sentence saying what
to do; the area never falls back, silently, to finalists of its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..domain.result import ContestResult
from ..domain.tally import tally_contest
from ..errors import CountdeskError, ValidationError
from ..exchange.fsutil import remove_quietly, safe_name, write_file_durably
from ..exchange.round2 import (
    MAX_FILE_BYTES, Round2Instruction, check_instruction_applies, parse_round2_bytes, read_round2_instruction,
)
from ..store.audit import AuditRow
from .counts import CountSession
from .session_events import record_session_event
from .validation import require_reason

IMPORT_ACTION = "round2.instruction_import"


def instruction_file(count_path: Path, contest_id: str) -> Path:
    """Where a count keeps the instruction for one contest: beside the count file."""
    count_path = Path(count_path)
    return count_path.with_name(f"{count_path.name}.round2-{safe_name(contest_id)}.json")


def _on_a_server(session: CountSession) -> CountdeskError:
    return CountdeskError(
        f"{session.path.name} is on a count server, which keeps no round-2 instruction file: copy the count "
        "to a file (countdesk copy) and import the instruction there", str(session.path))


class InstructionFileError(CountdeskError):
    """The side file does not hold the instruction the audit trail records (located at the file).

    `kind`: "missing", "altered", "unrecorded" (a file no recorded import put there) or
    "damaged" (it cannot be read back, or the trail's row gives no SHA-256)."""

    def __init__(self, kind: str, message: str, where: str) -> None:
        super().__init__(message, where)
        self.kind = kind


def stored_instruction(count_path: Path, contest_id: str) -> Round2Instruction | None:
    """The raw side file, read and checked as on import; None if there is none. It does not ask
    the audit trail whether the file is the one imported: results use checked_instruction."""
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


def recorded_import(session: CountSession, contest_id: str) -> AuditRow | None:
    """The latest import of an instruction for the contest that the audit trail records."""
    rows = session.audit_rows(contest_id=contest_id, action=IMPORT_ACTION)
    return rows[-1] if rows else None


def checked_instruction(session: CountSession, contest_id: str) -> Round2Instruction | None:
    """The instruction the area must count round 2 for: the latest import the audit trail records,
    read from the side file only if the file holds exactly the bytes recorded then. None when the
    trail records no import and no file lies there. Raises InstructionFileError otherwise."""
    if session.shared:  # no folder to keep a side file in: only a count file can hold an instruction
        if recorded_import(session, contest_id) is None:
            return None
        raise _on_a_server(session)
    path = instruction_file(session.path, contest_id)
    row = recorded_import(session, contest_id)
    if row is None:
        if path.exists():
            raise InstructionFileError(
                "unrecorded",
                f"{path.name} is not a round-2 instruction this count imported for contest {contest_id}: the "
                "audit trail records no import (an interrupted import, or a file put there by hand); import "
                "it through countdesk",
                str(path),
            )
        return None
    sha = row.after.get("sha256") if isinstance(row.after, dict) else None
    if not isinstance(sha, str):
        raise InstructionFileError(
            "damaged",
            f"the audit trail records the round-2 instruction for contest {contest_id} without its SHA-256, so "
            f"{path.name} cannot be checked: import the instruction file again",
            str(path),
        )
    data = _side_file_bytes(path, contest_id)
    if hashlib.sha256(data).hexdigest() != sha:
        raise InstructionFileError(
            "altered",
            f"{path.name} has been altered: it is not the round-2 instruction imported for contest "
            f"{contest_id} (its SHA-256 differs from the one the audit trail records); import the "
            "instruction file again",
            str(path),
        )
    return _parse_checked(path, contest_id, data)


def instructed_finalists(session: CountSession, contest_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Contest id → instructed finalists, for the contests that have an instruction (checked)."""
    found = {}
    for contest_id in contest_ids:
        instruction = checked_instruction(session, contest_id)
        if instruction is not None:
            found[contest_id] = instruction.finalists
    return found


def area_tally(session: CountSession, contest_id: str) -> ContestResult:
    """The contest's result as this area must report it: with the instructed finalists, if any."""
    instruction = checked_instruction(session, contest_id)
    contest = session.contest(contest_id)
    return tally_contest(session.election(), contest, instruction.finalists if instruction else None)


def import_round2_instruction(session: CountSession, source: Path, *, reason: str | None = None) -> Round2Instruction:
    """Check the instruction file against this count, keep a copy, and record it in the audit trail.

    Refused (nothing written): a file that is not a valid instruction, one for another election,
    contest or area, one whose candidates differ, a contest already declared, or round-2 sheets
    already entered for other finalists. Importing the recorded instruction again changes nothing
    while its side file is intact; a different one replaces it only with a reason. A side file that
    is not the recorded instruction (missing, altered, or never recorded) is written afresh and the
    import recorded again, `found` in the row saying what lay there; putting back the very file the
    trail records needs no reason.
    """
    source = Path(source)
    if session.read_only:
        raise CountdeskError(f"{session.path.name} is open read-only: the instruction cannot be imported",
                             str(session.path))
    if session.shared:
        raise _on_a_server(session)
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
    sha = hashlib.sha256(data).hexdigest()
    plan = _plan_import(session, instruction, sha)
    if plan.unchanged:
        return instruction
    if plan.why_reason:
        reason = require_reason(reason, "reason", plan.why_reason)
    target = instruction_file(session.path, contest.id)
    previous = _previous_bytes(target)
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
                "sha256": sha, "replaced": plan.replaced, "found": plan.found,
            },
        )
    except BaseException:
        _restore(target, previous)
        raise
    return instruction


def replacement_question(session: CountSession, source: Path) -> str | None:
    """Why importing `source` (already read and checked) needs a reason, or None: the question the
    dialog asks before the import, by the rule the import applies."""
    instruction = read_round2_instruction(source)
    plan = _plan_import(session, instruction, hashlib.sha256(_read_bytes(Path(source))).hexdigest())
    return plan.why_reason or None


@dataclass(frozen=True)
class _ImportPlan:
    unchanged: bool              # the recorded instruction, its side file intact: nothing to do
    why_reason: str              # "" unless it replaces another recorded instruction
    replaced: list[str] | None   # the finalists of the import recorded before, if any
    found: str | None            # what lay beside the count if not the recorded instruction (a kind)


def _plan_import(session: CountSession, instruction: Round2Instruction, sha: str) -> _ImportPlan:
    """Compare with the RECORDED import, not with whatever file lies beside the count: a file
    present without a recorded import (an interrupted import) must not make a re-import a no-op."""
    contest_id = instruction.contest_id
    found = None
    try:
        existing = checked_instruction(session, contest_id)
    except InstructionFileError as problem:
        existing, found = None, problem.kind
    if existing is not None and existing == instruction:
        return _ImportPlan(True, "", None, None)
    recorded = recorded_import(session, contest_id)
    if recorded is None:
        return _ImportPlan(False, "", None, found)
    after = recorded.after if isinstance(recorded.after, dict) else {}
    replaced = [str(cid) for cid in after.get("finalists") or ()]
    same = after.get("sha256") == sha or (existing is None and _same_issue(after, instruction))
    why = "" if same else f"an instruction naming {', '.join(replaced)} is already recorded for {contest_id}"
    return _ImportPlan(False, why, replaced, found)


def _same_issue(after: dict, instruction: Round2Instruction) -> bool:
    """With the recorded file lost, what its row says: the same finalists issued by the same officer
    at the same moment (the issued file saved again, byte for byte different)."""
    return (after.get("finalists") == list(instruction.finalists)
            and after.get("issued_at") == instruction.issued_at.isoformat()
            and after.get("issued_by") == instruction.issued_by)


def _side_file_bytes(path: Path, contest_id: str) -> bytes:
    """The side file's bytes, or the located error saying that it is missing or unreadable."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InstructionFileError(
                "altered", f"{path.name} has been altered: it is far larger than the round-2 instruction imported "
                f"for contest {contest_id}; import the instruction file again", str(path))
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InstructionFileError(
            "missing",
            f"{path.name} is missing: the audit trail records a round-2 instruction imported for contest "
            f"{contest_id}, and without it this area's result cannot be counted; import the instruction file again",
            str(path),
        ) from exc
    except OSError as exc:
        raise InstructionFileError(
            "damaged", f"{path.name} cannot be read ({exc.strerror or exc}): import the instruction file again",
            str(path),
        ) from exc


def _parse_checked(path: Path, contest_id: str, data: bytes) -> Round2Instruction:
    """The instruction in bytes already matched against the recorded SHA-256, checked as on import
    (the same bytes passed the full reading then: duplicate keys and the size were refused there)."""
    try:
        instruction = parse_round2_bytes(data, path.name)
    except ValidationError as error:
        raise InstructionFileError(
            "damaged", f"{path.name} cannot be read back as a round-2 instruction ({error}): import the "
            "instruction file again", str(path)) from error
    if instruction.contest_id != contest_id:
        raise InstructionFileError(
            "damaged", f"{path.name} is an instruction for contest {instruction.contest_id}, not {contest_id}: "
            "import the instruction file again", str(path))
    return instruction


def _previous_bytes(target: Path) -> bytes | None:
    """Whatever lies at the side file's place, to put back if the import fails."""
    try:
        if target.stat().st_size > MAX_FILE_BYTES:
            return None
        return target.read_bytes()
    except OSError:
        return None


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

"""The round-2 instructions an area count imported travel with its backups (round2_area.py).

An area count keeps each imported instruction as a side file beside the count file. Without it a
restored count would say, in its audit trail, that an instruction was imported, and its result
could not be counted until the file was imported again (area_tally refuses a recorded instruction
whose file is missing rather than fall back to finalists of its own). So a backup carries each instruction its snapshot's trail records, byte for byte, as a
companion file beside the snapshot: `<backup file>.round2-<contest>.json`, the very name
instruction_file() gives for the backup file, so a backup opened as a count finds its
instructions where a count keeps them.

Beside the snapshot rather than inside it: the snapshot stays an exact copy of the count (the
audit head it carries is the count's, restore copies it unchanged, no schema change), the store
already treats `<backup file>.<suffix>` as part of the backup (written before the snapshot is
renamed into place, removed with it in rotation, put back in the same step as the count on
restore), and the copy is the issued file itself, which a scrutineer can open.

The audit trail is the truth: what a backup must carry, and what must lie beside a restored
count, is the latest import per contest that the trail records, each file's SHA-256 the one
recorded at its import; neither more files nor fewer.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import CountdeskError
from ..exchange.round2 import MAX_FILE_BYTES
from ..store.backup import read_audit_rows
from .round2_area import IMPORT_ACTION, instruction_file

#: The companion files a restore replaces: every instruction file beside a count.
INSTRUCTION_PATTERN = "round2-*.json"


def recorded_instructions(count_path: str | Path) -> dict[str, str | None]:
    """Contest id -> SHA-256 of the instruction last imported for it, as the file's audit trail
    records it (None if the row records none). Read-only; the file must have checked out."""
    latest: dict[str, str | None] = {}
    for row in read_audit_rows(count_path, IMPORT_ACTION):
        after = row.after if isinstance(row.after, dict) else {}
        sha = after.get("sha256")
        latest[row.contest_id or row.key or ""] = sha if isinstance(sha, str) else None
    return latest


def instruction_suffix(contest_id: str) -> str:
    """The part of an instruction file's name after the count file's own: `round2-<contest>.json`."""
    base = Path("count")
    return instruction_file(base, contest_id).name[len(base.name) + 1:]


def instructions_to_back_up(count_path: str | Path, snapshot: Path) -> dict[str, bytes]:
    """The instruction files a backup of `count_path` must carry: those its snapshot's trail records,
    read from beside the count. The writer makes both the imports and the backups, one after the
    other, so the files match the snapshot unless one went missing or was altered: then no backup
    is made, and the error (at the side file) says to import the instruction again."""
    count_path = Path(count_path)
    return {
        instruction_suffix(contest_id): _recorded_bytes(
            instruction_file(count_path, contest_id), contest_id, sha,
            "import the instruction file again, then back up",
        )
        for contest_id, sha in recorded_instructions(snapshot).items()
    }


def carried_instructions(backup_path: str | Path) -> dict[str, bytes]:
    """The instruction files a checked backup carries (suffix -> bytes), exactly those its trail
    records. Raises CountdeskError, located at the side file, for one missing or altered."""
    backup_path = Path(backup_path)
    return {
        instruction_suffix(contest_id): _recorded_bytes(
            instruction_file(backup_path, contest_id), contest_id, sha,
            "this backup does not hold the instruction its count used",
        )
        for contest_id, sha in recorded_instructions(backup_path).items()
    }


def _recorded_bytes(path: Path, contest_id: str, sha: str | None, advice: str) -> bytes:
    """The file's bytes, if they are the instruction the trail recorded for the contest."""
    recorded = f"the round-2 instruction the audit trail records as imported for contest {contest_id}"
    if sha is None:
        raise CountdeskError(f"{path.name}: the audit row of {recorded} gives no SHA-256", str(path))
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CountdeskError(f"{path.name} is far larger than {recorded}: {advice}", str(path))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CountdeskError(f"{path.name} is missing: it should hold {recorded}; {advice}", str(path)) from exc
    except OSError as exc:
        raise CountdeskError(f"{path.name} cannot be read ({exc.strerror or exc}): {advice}", str(path)) from exc
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha:
        raise CountdeskError(
            f"{path.name} has been altered: its SHA-256 is {actual}, but {recorded} had {sha}; {advice}",
            str(path),
        )
    return data

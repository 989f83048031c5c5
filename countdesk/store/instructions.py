"""The round-2 instruction an area count received, kept in the count itself (table round2_instruction).

At a collated SV poll the collating officer tells each area which two candidates are the finalists;
the area counts second preferences for those (services/round2_area.py reads and checks the file).
The count keeps, per contest, the instruction file exactly as issued (its text, its SHA-256), the
finalists it names, the name of the file it came from, and who imported it when: written in the
same transaction as its audit row, so it is backed up, restored, copied to or from a server and
replayed by the integrity check with everything else.

A row with no `content` says that the audit trail records an instruction the count does not hold:
a count written before the instruction lived in the count kept it in a file beside the count
file, and when it was upgraded (migration m0006) that file was missing or not the one imported.
The area must import the instruction again before its result can be counted.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audit import UPGRADE_OPERATOR, Actor, AuditRow, append_audit, audit_rows
from .sql import CountStore

#: The audit row that puts an instruction into the count (an import, or the upgrade that moved it in).
IMPORT_ACTION = "round2.instruction_import"
#: The audit row of an upgrade that found the instruction's file beside the count missing or altered.
LOST_ACTION = "round2.instruction_lost"
#: No instruction file is larger (exchange/round2.py refuses one on import).
_MAX_SIDE_FILE_BYTES = 1_000_000

CREATE_TABLE = """
CREATE TABLE round2_instruction (
    contest_id TEXT PRIMARY KEY REFERENCES contest (id) ON DELETE CASCADE,
    content TEXT,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    finalists TEXT NOT NULL,
    source TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
) WITHOUT ROWID;
"""
_COLUMNS = "contest_id, content, sha256, finalists, source, imported_by, imported_at"


@dataclass(frozen=True)
class StoredInstruction:
    """One contest's instruction as the count holds it. `content` None: lost before an upgrade."""

    contest_id: str
    content: str | None
    sha256: str
    finalists: tuple[str, ...]
    source: str
    imported_by: str
    imported_at: str

    @property
    def held(self) -> bool:
        return self.content is not None

    def record(self) -> dict[str, Any]:
        """What the integrity check compares with the audit trail's replay (the content through its
        SHA-256: `content_sha256` is what the text hashes to, None when the count does not hold it)."""
        content_sha = None if self.content is None else hashlib.sha256(self.content.encode("utf-8")).hexdigest()
        return {"sha256": self.sha256, "content_sha256": content_sha, "finalists": list(self.finalists),
                "source": self.source, "imported_by": self.imported_by, "imported_at": self.imported_at}


def replayed_record(row: AuditRow) -> dict[str, Any]:
    """The record an import or lost row of the audit trail leaves in the table (see `record`)."""
    after = row.after
    return {"sha256": after["sha256"], "content_sha256": after["sha256"] if row.action == IMPORT_ACTION else None,
            "finalists": list(after["finalists"]), "source": after["file"],
            "imported_by": row.operator, "imported_at": row.at}


def _from_row(row: tuple[Any, ...]) -> StoredInstruction:
    contest_id, content, sha, finalists, source, by, at = row
    return StoredInstruction(contest_id, content, sha, tuple(json.loads(finalists)), source, by, at)


def stored_instruction(cdb: CountStore, contest_id: str) -> StoredInstruction | None:
    with cdb.guard():
        row = cdb.db.execute(f"SELECT {_COLUMNS} FROM round2_instruction WHERE contest_id = ?",
                             (contest_id,)).fetchone()
    return None if row is None else _from_row(row)


def stored_instructions(cdb: CountStore) -> dict[str, StoredInstruction]:
    """Every contest's instruction (held or lost), by contest id."""
    with cdb.guard():
        rows = cdb.db.execute(f"SELECT {_COLUMNS} FROM round2_instruction ORDER BY contest_id").fetchall()
    return {row[0]: _from_row(row) for row in rows}


def save_instruction(
    cdb: CountStore, actor: Actor, contest_id: str, content: str, finalists: tuple[str, ...], source: str,
    *, audit_after: dict[str, Any], reason: str | None = None,
) -> AuditRow:
    """Put the instruction for `contest_id` into the count (replacing any), and its audit row, in
    one transaction. `audit_after` says what the import found and replaced; the row also records
    the finalists, the file's name and the content's SHA-256, which the table row must match."""
    sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
    after = {**audit_after, "finalists": list(finalists), "file": source, "sha256": sha}
    with cdb.transaction() as db:
        row = append_audit(db, actor, IMPORT_ACTION, "contest", contest_id=contest_id, key=contest_id,
                           after=after, reason=reason)
        _put(db, contest_id, content, sha, finalists, source, row)
    return row


def _put(db: Any, contest_id: str, content: str | None, sha: str, finalists: tuple[str, ...] | list[str],
         source: str, row: AuditRow) -> None:
    db.execute(
        f"INSERT INTO round2_instruction ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contest_id) DO "
        "UPDATE SET content = excluded.content, sha256 = excluded.sha256, finalists = excluded.finalists, "
        "source = excluded.source, imported_by = excluded.imported_by, imported_at = excluded.imported_at",
        (contest_id, content, sha, json.dumps(list(finalists)), source, row.operator, row.at))


# The upgrade (m0006) ------------------------------------------------------------------------------

def adopt_side_files(db: Any) -> None:
    """Move into the count the instruction files an older countdesk kept beside the count file
    (`<count file>.round2-<contest>.json`), inside the migration's transaction.

    For each contest whose audit trail records an import, the file beside the count whose SHA-256 is
    the one recorded is imported, audited as the upgrade; when none is (the file missing, altered or
    replaced), a LOST_ACTION row says so and the table records the instruction as not held. A file
    the trail does not record is left where it is and never read again."""
    count_path = _main_file(db)
    recorded = latest_imports(db) if count_path is not None else {}
    if count_path is None or not recorded:
        return
    beside = side_files_beside(count_path)
    actor = Actor(UPGRADE_OPERATOR)
    for contest_id, row in recorded.items():
        after = row.after if isinstance(row.after, dict) else {}
        sha, finalists = after.get("sha256"), after.get("finalists")
        if not isinstance(finalists, list):
            continue  # a row that names no finalists cannot stand for an instruction
        source = str(after.get("file") or "")
        found = beside.get(sha) if isinstance(sha, str) else None
        if isinstance(sha, str) and found is not None:
            name, content = found
            move = {"finalists": finalists, "file": source, "sha256": sha, "moved_from": name,
                    "issued_at": after.get("issued_at"), "issued_by": after.get("issued_by")}
            audited = append_audit(db, actor, IMPORT_ACTION, "contest", contest_id=contest_id, key=contest_id,
                                   after=move, reason=f"schema upgrade: the round-2 instruction kept beside the "
                                   f"count file ({name}) moved into the count, its SHA-256 the one audit row "
                                   f"{row.id} recorded")
            _put(db, contest_id, content, sha, finalists, source, audited)
            continue
        lost_sha = sha if isinstance(sha, str) else "0" * 64
        lost = {"finalists": finalists, "file": source, "sha256": lost_sha,
                "issued_at": after.get("issued_at"), "issued_by": after.get("issued_by")}
        audited = append_audit(db, actor, LOST_ACTION, "contest", contest_id=contest_id, key=contest_id, after=lost,
                               reason=f"schema upgrade: no file beside the count holds the round-2 instruction audit "
                               f"row {row.id} recorded (missing or altered): it must be imported again")
        _put(db, contest_id, None, lost_sha, finalists, source, audited)


def _main_file(db: Any) -> Path | None:
    """The count file the migration runs on (None in memory or on a server: no side files there)."""
    if getattr(db, "dialect", "sqlite") != "sqlite":
        return None
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def latest_imports(db: Any) -> dict[str, AuditRow]:
    """Each contest's latest import row in the trail: the instruction the count should hold."""
    latest: dict[str, AuditRow] = {}
    for row in audit_rows(db, action=IMPORT_ACTION):
        if row.contest_id is not None:
            latest[row.contest_id] = row
    return latest


def side_files_beside(count_path: Path) -> dict[str, tuple[str, str]]:
    """SHA-256 -> (name, text) of each readable instruction file beside the count (or beside a
    backup an older countdesk made: it kept a copy under the snapshot's name)."""
    found: dict[str, tuple[str, str]] = {}
    try:
        candidates = sorted(count_path.parent.glob(f"{_glob_escape(count_path.name)}.round2-*.json"))
    except OSError:
        return found
    for path in candidates:
        try:
            if not path.is_file() or path.stat().st_size > _MAX_SIDE_FILE_BYTES:
                continue
            data = path.read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found.setdefault(hashlib.sha256(data).hexdigest(), (path.name, text))
    return found


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)

"""Restoring a backup in place of a count file: all or nothing, the file replaced kept aside.

A restore checks the backup (integrity and audit chain) before anything is touched and takes the
write lock. It copies the backup beside the target under a hidden name and checks it; then it
renames the current file and its -wal/-shm aside under one `.replaced-<time>` name (never deleted),
and renames the copy into place. A failure on the way puts every file back where it was. The
restore is recorded in the restored file's audit trail.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..durable import fsync_directory, fsync_file, remove_quietly
from ..errors import CountdeskError
from .audit import Actor
from .backup_check import FileCheck, check_count_file
from .backup_files import STAMP_FORMAT, os_problem
from .database import open_database
from .lock import acquire_lock
from .state import put_setting, record_event

#: (where a file was, where it was kept aside): what _put_back undoes.
Moves = tuple[tuple[Path, Path], ...]


@dataclass(frozen=True)
class RestoredCount:
    """The count file now in place, and where the files it replaced were kept (main file first)."""

    path: Path
    kept_aside: tuple[Path, ...]
    backup: Path


def restore_backup(
    backup_path: str | Path, target_path: str | Path, *, actor: Actor | None = None, reason: str | None = None,
    events: Sequence[tuple[str, dict[str, Any]]] = (), carry_settings: Sequence[str] = (),
) -> RestoredCount:
    """Put a checked copy of the backup in place of `target_path`, keeping the current file (and its
    -wal/-shm) aside under a `.replaced-<time>` name. Takes the write lock for the duration, so no
    one is writing the target. With `actor`, the restored file's audit trail gets the `events`
    (action, after) given, then a `backup.restore` row naming the backup and the file kept aside;
    the settings named in `carry_settings` (the RO passphrase's hash) are copied over from the file
    replaced, so a passphrase changed since the backup stays changed."""
    backup_path, target_path = Path(backup_path), Path(target_path)
    check = check_count_file(backup_path)
    if not check.ok:
        raise CountdeskError(f"this backup cannot be restored: {check.problem}", str(backup_path))
    with acquire_lock(target_path, actor.operator if actor else ""):
        replaced = check_count_file(target_path) if target_path.exists() else None
        carried = _read_settings(target_path, carry_settings) if replaced and replaced.ok else {}
        token = secrets.token_hex(4)
        incoming = target_path.with_name(f".{target_path.name}.restoring-{token}")
        moves: Moves = ()
        try:
            shutil.copyfile(backup_path, incoming)
            fsync_file(incoming)
            copied = check_count_file(incoming)
            if not copied.ok or copied.audit_hash != check.audit_hash:
                raise CountdeskError(f"the backup did not copy intact: {copied.problem or 'it differs'}",
                                     str(backup_path))
            moves = _set_aside(target_path)
            _put_in_place(incoming, target_path, moves)
            fsync_directory(target_path.parent)
        except OSError as exc:
            remove_quietly(incoming)
            raise os_problem(exc, target_path.parent) from exc
        except BaseException:
            remove_quietly(incoming)
            raise
        kept = tuple(aside for _, aside in moves)
        kept_file = moves[0][1] if moves and moves[0][0] == target_path else None
        if actor is not None:
            _record_restore(target_path, actor, reason, events, backup_path, check, kept_file, replaced, carried)
    return RestoredCount(target_path, kept, backup_path)


def _put_in_place(incoming: Path, target: Path, moves: Moves) -> None:
    """The rename is the moment the restore happens; if it fails the files kept aside go back."""
    try:
        os.replace(incoming, target)
    except OSError:
        _put_back(moves)
        raise


def _record_restore(
    target: Path, actor: Actor, reason: str | None, events: Sequence[tuple[str, dict[str, Any]]],
    backup: Path, check: FileCheck, kept_file: Path | None, replaced: FileCheck | None, carried: dict[str, Any],
) -> None:
    cdb = open_database(target)
    try:
        for action, event in events:
            record_event(cdb, actor, action, "count", after=event)
        for key, value in carried.items():
            put_setting(cdb, actor, key, value, action="setting.carry_over",
                        audit_after={"from": kept_file.name if kept_file else None})
        replaced_state: dict[str, Any] = {"file": kept_file.name if kept_file else None}
        if replaced is not None:
            replaced_state.update(ok=replaced.ok, problem=replaced.problem, audit_rows=replaced.audit_rows,
                                  audit_hash=replaced.audit_hash)
        after: dict[str, Any] = {
            "backup": backup.name, "backup_audit_rows": check.audit_rows, "backup_audit_hash": check.audit_hash,
            "replaced": replaced_state,
        }
        record_event(cdb, actor, "backup.restore", "count", reason=reason, after=after)
    finally:
        cdb.close()


def _read_settings(path: Path, keys: Sequence[str]) -> dict[str, Any]:
    """Settings as stored (JSON decoded), read-only; absent keys are left out."""
    if not keys:
        return {}
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found = {}
        for key in keys:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
            if row is not None:
                found[key] = json.loads(row[0])
        return found
    finally:
        conn.close()


def _set_aside(target: Path) -> Moves:
    """Rename the file and its -wal/-shm together, under one `.replaced-<time>` name, so the kept
    copy opens as it was. The count file comes first. A -wal left without its count file goes too:
    SQLite would replay it into the restored copy."""
    sources = [p for p in (Path(f"{target}{s}") for s in ("", "-wal", "-shm")) if p.exists()]
    if not sources:
        return ()
    stamp = datetime.now(UTC).strftime(STAMP_FORMAT)
    aside = target.with_name(f"{target.name}.replaced-{stamp}")
    n = 2
    while any(p.exists() for p in (*(Path(f"{aside}{s}") for s in ("", "-wal", "-shm")),
                                    *(_aside_name(source, target, aside) for source in sources))):
        aside = target.with_name(f"{target.name}.replaced-{stamp}-{n}")
        n += 1
    moves: list[tuple[Path, Path]] = []
    try:
        for source in sources:
            kept = _aside_name(source, target, aside)
            os.replace(source, kept)
            moves.append((source, kept))
    except OSError:
        _put_back(tuple(moves))  # all of them stay together, where they were
        raise
    return tuple(moves)


def _aside_name(source: Path, target: Path, aside: Path) -> Path:
    """`night.countdesk-wal` -> `night.countdesk.replaced-<time>-wal`, and so on for every file."""
    return aside.with_name(aside.name + source.name[len(target.name):])


def _put_back(moves: Moves) -> None:
    """Undo _set_aside when the restored copy could not be put in place."""
    for source, kept in reversed(moves):
        try:
            os.replace(kept, source)
        except OSError:
            pass


def append_event(count_path: str | Path, actor: Actor, action: str, *, after: dict[str, Any] | None = None,
                 reason: str | None = None) -> None:
    """An audit row with no data change, written through a connection of its own: used to record a
    refused restore in the count file that an open session holds (the session's lock covers it)."""
    cdb = open_database(count_path)
    try:
        record_event(cdb, actor, action, "count", after=after, reason=reason)
    finally:
        cdb.close()

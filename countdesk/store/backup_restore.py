"""Restoring a backup in place of a count file: all or nothing, the file replaced kept aside.

A restore checks the backup (integrity and audit chain) before anything is touched and takes the
write lock. It copies the backup beside the target under a hidden name and checks it; then it
renames the current file and its -wal/-shm aside under one `.replaced-<time>` name (never deleted),
and renames the copy into place. A failure on the way puts every file back where it was. The
restore is recorded in the restored file's audit trail.

A backup an older countdesk made is restored too (backup_older.py): opening the restored file to
record the restore brings it up to date, and the round-2 instruction copies its trail vouches for
are offered to that upgrade beside it. One a newer countdesk made is refused by the check.
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
from .backup_older import beside_count, instruction_copies
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
    #: The migrations the restored file had not had (a backup an older countdesk made).
    upgraded: tuple[str, ...] = ()


def restore_backup(
    backup_path: str | Path, target_path: str | Path, *, actor: Actor | None = None, reason: str | None = None,
    events: Sequence[tuple[str, dict[str, Any]]] = (), carry_settings: Sequence[str] = (),
) -> RestoredCount:
    """Put a checked copy of the backup in place of `target_path`, keeping the current file (and its
    -wal/-shm) aside under a `.replaced-<time>` name. Takes the write lock for the duration, so no
    one is writing the target. With `actor`, the restored file's audit trail gets the `events`
    (action, after) given, then a `backup.restore` row naming the backup and the file kept aside;
    the settings named in `carry_settings` (the RO passphrase's hash) are copied over from the file
    replaced, so a passphrase changed since the backup stays changed. A backup an older countdesk
    made is upgraded by that opening (without `actor`, by the next); the instruction copies it
    carried are put beside the restored file for the upgrade, and removed once it has run."""
    backup_path, target_path = Path(backup_path), Path(target_path)
    check = check_count_file(backup_path)
    if not check.ok:
        raise CountdeskError(f"this backup cannot be restored: {check.problem}", str(backup_path))
    copies = instruction_copies(backup_path, check)
    with acquire_lock(target_path, actor.operator if actor else ""):
        replaced = check_count_file(target_path) if target_path.exists() else None
        carried = _read_settings(target_path, carry_settings) if replaced and replaced.ok else {}
        token = secrets.token_hex(4)
        incoming = target_path.with_name(f".{target_path.name}.restoring-{token}")
        staged = [(target_path.with_name(f".{beside_count(target_path, suffix).name}.restoring-{token}"),
                   beside_count(target_path, suffix)) for suffix in copies]
        moves: Moves = ()
        try:
            shutil.copyfile(backup_path, incoming)
            fsync_file(incoming)
            copied = check_count_file(incoming)
            if not copied.ok or copied.audit_hash != check.audit_hash:
                raise CountdeskError(f"the backup did not copy intact: {copied.problem or 'it differs'}",
                                     str(backup_path))
            for (temp, _), data in zip(staged, copies.values(), strict=True):
                temp.write_bytes(data)
                fsync_file(temp)
            moves = _set_aside(target_path, [final for _, final in staged])
            _put_in_place(incoming, target_path, moves, staged)
            fsync_directory(target_path.parent)
        except OSError as exc:
            for path in (incoming, *(temp for temp, _ in staged)):
                remove_quietly(path)
            raise os_problem(exc, target_path.parent) from exc
        except BaseException:
            for path in (incoming, *(temp for temp, _ in staged)):
                remove_quietly(path)
            raise
        kept = tuple(aside for _, aside in moves)
        kept_file = moves[0][1] if moves and moves[0][0] == target_path else None
        if actor is not None:
            offered = [final.name for _, final in staged]
            _record_restore(target_path, actor, reason, events, backup_path, check, kept_file, replaced, carried,
                            offered)
            for _, final in staged:  # the upgrade has moved them into the count; the backup keeps its own
                remove_quietly(final)
    return RestoredCount(target_path, kept, backup_path, check.pending)


def _put_in_place(incoming: Path, target: Path, moves: Moves, staged: Sequence[tuple[Path, Path]] = ()) -> None:
    """The count file's rename is the moment the restore happens (the instruction copies for its
    upgrade go first); if it fails, they go and the files kept aside come back."""
    placed: list[Path] = []
    try:
        for temp, final in staged:
            os.replace(temp, final)
            placed.append(final)
        os.replace(incoming, target)
    except OSError:
        for path in placed:
            remove_quietly(path)
        _put_back(moves)
        raise


def _record_restore(
    target: Path, actor: Actor, reason: str | None, events: Sequence[tuple[str, dict[str, Any]]],
    backup: Path, check: FileCheck, kept_file: Path | None, replaced: FileCheck | None, carried: dict[str, Any],
    offered: Sequence[str] = (),
) -> None:
    """Opening the restored file for writing upgrades it first (an older backup), as any count."""
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
        if check.pending:
            after["upgraded"] = {"migrations": list(check.pending), "instruction_copies": list(offered)}
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


def _set_aside(target: Path, also: Sequence[Path] = ()) -> Moves:
    """Rename the file and its -wal/-shm together, under one `.replaced-<time>` name, so the kept
    copy opens as it was. The count file comes first. A -wal left without its count file goes too:
    SQLite would replay it into the restored copy. So do the files in `also` that are there (an
    older count's instruction file where a restored backup's copy is to go)."""
    sources = [p for p in (*(Path(f"{target}{s}") for s in ("", "-wal", "-shm")), *also) if p.exists()]
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

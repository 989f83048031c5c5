"""A new count filled from a count file, all or nothing.

The import is written into a hidden file beside the target (`.NAME.importing-XXXX.countdesk`),
checkpointed so that the database is one file, flushed, and only then given its name, by a hard
link that refuses to replace anything (or, where the file system has no links, a rename after
checking the name is free). A full disk, a failure, a cancel or `kill -9` at any moment leaves
either no count under the name or the whole count: never a count that holds only the election.
The hidden file of an import that was killed is removed by the next import to the same name.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.model import Count
from ..durable import fsync_directory, fsync_file
from ..errors import CountdeskError
from ..output_guard import COUNT_COMPANION_SUFFIXES
from ..store.database import COUNT_FILE_SUFFIX
from ..store.lock import CountLockedError, acquire_lock
from ..store.migrations import migration_names
from .count_session import CountSession

if TYPE_CHECKING:  # a type only: the countdesk/1 reader loads with an import, not with the demo's copy
    from ..exchange.countfile_legacy import ReadNote

_PARTIAL = ".importing-"
_COMPANIONS = COUNT_COMPANION_SUFFIXES  # the file itself first, then what SQLite and the lock keep beside it


def import_into_new_count(target: str | Path, operator: str, count: Count, *, reason: str,
                          check: Callable[[], None] | None = None, notes: Sequence[ReadNote] = ()) -> Path:
    """Create the count file `target` holding `count`, or raise leaving nothing under its name.
    `check` is called between steps (a cancel raises from it); `notes` (what a countdesk/1 file
    left to be inferred) go into the import's audit reasons."""
    target = Path(target)
    if target.suffix != COUNT_FILE_SUFFIX:
        raise CountdeskError(f"a count file's name ends in {COUNT_FILE_SUFFIX}: {target.name}", str(target))
    if not target.parent.is_dir():
        raise CountdeskError(f"the folder {target.parent} does not exist", str(target))
    _refuse_taken(target)
    remove_abandoned_imports(target)
    partial = target.with_name(f".{target.name}{_PARTIAL}{secrets.token_hex(4)}{COUNT_FILE_SUFFIX}")
    try:
        session = CountSession.create(partial, operator, count.election)
        try:
            if check is not None:
                check()
            session.import_count(count, reason=reason, replace=True, notes=notes)
            if check is not None:
                check()
        finally:
            session.close()
        _settle(partial)
        _publish(partial, target)
    except BaseException:
        _remove_family(partial)
        raise
    return target


def import_count_file(source: Path, target: str | Path, operator: str, *, reason: str | None = None,
                      check: Callable[[], None] | None = None, notes: list[ReadNote] | None = None) -> Path:
    """Read and check the count file `source`, then write it into a new count at `target` (as
    `import_into_new_count`). What the reader inferred (a countdesk/1 file's office) is added to
    `notes`, when given, for the user."""
    from ..exchange.countfile import load_count_file  # the schema validator loads with the first import

    count = load_count_file(source, notes)
    if check is not None:
        check()
    return import_into_new_count(target, operator, count, reason=reason or f"imported from {source.name}",
                                 check=check)


def pristine_key(source: bytes) -> str:
    """What a pristine count made from `source` depends on: the file's bytes and this version's
    schema. A count made by an older countdesk, or from another file, has another key."""
    digest = hashlib.sha256(source)
    for name in migration_names():
        digest.update(b"\0" + name.encode())
    return digest.hexdigest()[:16]


def copy_pristine_count(pristine: str | Path, target: str | Path) -> Path:
    """A new count file that is an exact copy of `pristine`, a count made by `import_into_new_count`
    and never opened for writing since (one settled file: no journal beside it). Used for the demo:
    copying the imported count is what importing it again would give, at a tenth of the time. The
    copy is made under a hidden name and published like an import, so it is whole or absent."""
    pristine, target = Path(pristine), Path(target)
    if any(Path(f"{pristine}{suffix}").exists() for suffix in ("-wal", "-journal")):
        raise CountdeskError(f"{pristine.name} has a journal beside it: it is not a settled count file",
                             str(pristine))
    if target.suffix != COUNT_FILE_SUFFIX:
        raise CountdeskError(f"a count file's name ends in {COUNT_FILE_SUFFIX}: {target.name}", str(target))
    _refuse_taken(target)
    remove_abandoned_imports(target)
    partial = target.with_name(f".{target.name}{_PARTIAL}{secrets.token_hex(4)}{COUNT_FILE_SUFFIX}")
    try:
        shutil.copyfile(pristine, partial)
        fsync_file(partial)
        _publish(partial, target)
    except BaseException:
        _remove_family(partial)
        raise
    return target


def remove_abandoned_imports(target: Path) -> list[Path]:
    """The hidden files of imports to `target` that died (no live process holds their lock)."""
    removed = []
    found = {_base_of(p) for p in target.parent.glob(f".{target.name}{_PARTIAL}*")}
    for partial in sorted(found):
        try:
            lock = acquire_lock(partial, "clean-up")
        except (CountLockedError, CountdeskError):
            continue  # an import still running, or a lock we will not touch
        lock.release()
        _remove_family(partial)
        removed.append(partial)
    return removed


def _base_of(path: Path) -> Path:
    """The partial count a leftover belongs to (a kill can leave only its lock or journal)."""
    for suffix in _COMPANIONS[1:]:
        if path.name.endswith(suffix):
            return path.with_name(path.name[: -len(suffix)])
    return path


def _refuse_taken(target: Path) -> None:
    if any(Path(f"{target}{suffix}").exists() or Path(f"{target}{suffix}").is_symlink()
           for suffix in ("", "-wal", "-shm")):
        raise CountdeskError(f"{target.name} already exists: open it, or choose another name", str(target))


def _settle(partial: Path) -> None:
    """One self-contained file on the device: the WAL checkpointed into it and removed, flushed."""
    wal = Path(f"{partial}-wal")
    if wal.exists():
        conn = sqlite3.connect(str(partial))
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error as exc:
            raise CountdeskError(f"the new count could not be completed: {exc}", str(partial)) from exc
        finally:
            conn.close()
        if busy:
            raise CountdeskError("the new count could not be completed: its journal is in use", str(partial))
    for leftover in (wal, Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    fsync_file(partial)


def _publish(partial: Path, target: Path) -> None:
    """Give the finished file its name without ever replacing one that appeared meanwhile."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise CountdeskError(f"{target.name} appeared while the count was imported: nothing was replaced",
                             str(target)) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise CountdeskError(f"the new count could not be given its name: {exc.strerror or exc}",
                                 str(target)) from exc
        _refuse_taken(target)  # no hard links here (FAT, exFAT): check, then rename
        os.rename(partial, target)
    else:
        partial.unlink()
    fsync_directory(target.parent)


def _remove_family(partial: Path) -> None:
    for suffix in _COMPANIONS:
        try:
            os.unlink(f"{partial}{suffix}")
        except OSError:
            pass

"""Backups on a count night: when they are due, where they go, and restoring one as the RO.

`maybe_backup(session, now)` makes a backup when the count has changed and the interval has passed,
and at once when a contest moves to another stage. The app's timer splits it: `backup_due` on the
GUI thread (which owns the session), `DueBackup.write` on a worker thread, then `backup_made`.
Restoring is a returning-officer action: it needs the RO passphrase, and each refusal and each
success is written to the audit trail.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..errors import CountdeskError
from ..store import backup as store
from ..store.audit import Actor, utc_now
from ..store.backup import DEFAULT_KEEP, BackupFile, BackupKind, FileCheck
from ..store.database import open_database
from ..store.locations import default_backup_dir
from ..store.repository import ContestState, Stage
from ..store.state import get_setting
from .count_session import CountSession
from .declaring import RO_PASSPHRASE_KEY, ro_passphrase_matches
from .validation import require_reason, validate_operator

__all__ = [
    "DEFAULT_INTERVAL", "DEFAULT_KEEP", "BackupFile", "BackupKind", "BackupScheduler", "FileCheck",
    "DueBackup", "RefusedRestore", "RestoreRefused", "VerifiedBackup", "backup_due", "backup_made", "backup_now",
    "check_backup", "count_file_problem",
    "default_backup_dir", "find_good_backups", "find_unusable_backups", "maybe_backup", "on_same_device",
    "restore_damaged_count", "restore_open_count", "stage_label",
]

DEFAULT_INTERVAL = timedelta(minutes=5)

StageSignature = tuple[tuple[str, str], ...]


def stage_label(states: Iterable[ContestState]) -> str:
    """The stages the count's contests are at, in count order: "count", "count+declared"."""
    present = {state.stage for state in states} or {Stage.SETUP}
    return "+".join(str(stage) for stage in Stage if stage in present)


def stage_signature(session: CountSession) -> StageSignature:
    return tuple((state.id, str(state.stage)) for state in session.contest_states())


class BackupScheduler:
    """Decides when a backup is due; pure (the clock is passed in), so it is tested without waiting.

    Due: the first time it is asked; at once when any contest's stage differs from the last
    backup's; and when `interval` has passed and the count has changed (its audit trail grew).
    """

    def __init__(self, interval: timedelta = DEFAULT_INTERVAL) -> None:
        if interval <= timedelta(0):
            raise ValueError("the backup interval must be positive")
        self.interval = interval
        self.last_at: datetime | None = None
        self._stages: StageSignature | None = None
        self._version: int | None = None

    def due(self, now: datetime, stages: StageSignature, version: int) -> BackupKind | None:
        if self.last_at is None:
            return BackupKind.TIMED
        if stages != self._stages:
            return BackupKind.STAGE
        clock_went_back = now < self.last_at
        if version != self._version and (now - self.last_at >= self.interval or clock_went_back):
            return BackupKind.TIMED
        return None

    def done(self, now: datetime, stages: StageSignature, version: int) -> None:
        self.last_at, self._stages, self._version = now, stages, version


#: One scheduler per open session, forgotten with the session.
_schedulers: weakref.WeakKeyDictionary[CountSession, BackupScheduler] = weakref.WeakKeyDictionary()


def on_same_device(count_path: str | Path, backup_dir: str | Path) -> bool:
    """True when the backups would die with the count file's disk (the app says so)."""
    folder = Path(backup_dir)
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        return os.stat(count_path).st_dev == os.stat(folder).st_dev
    except OSError:
        return False


@dataclass(frozen=True)
class DueBackup:
    """A backup decided on the thread that owns the session, to be written on any thread: writing
    reads the count file through a connection of its own and touches only files (snapshot, fsync,
    read-back, rotation), so the app does it off the GUI thread."""

    count_path: Path
    backup_dir: Path
    taken_at: datetime
    kind: BackupKind
    stage: str
    keep: int = DEFAULT_KEEP
    #: What the scheduler compares next time (stages and audit head at the moment it was decided).
    stages: StageSignature = ()
    version: int | None = None

    def write(self) -> BackupFile:
        """Snapshot the count into the folder (everything is in it, an area's round-2 instructions
        too), then rotate. Raises CountdeskError in words the user can act on."""
        backup = store.write_backup(self.count_path, self.backup_dir, taken_at=self.taken_at, stage=self.stage,
                                    kind=self.kind)
        store.rotate_backups(self.count_path, self.backup_dir, self.keep)
        return backup


def backup_now(
    session: CountSession, backup_dir: str | Path | None = None, *, now: datetime | None = None,
    kind: BackupKind = BackupKind.MANUAL, keep: int = DEFAULT_KEEP,
) -> BackupFile:
    """Snapshot the open count into `backup_dir`, named with the time and stage, then rotate."""
    folder = Path(backup_dir) if backup_dir is not None else default_backup_dir(session.file_path)
    return DueBackup(session.file_path, folder, now or datetime.now(UTC), kind,
                     stage_label(session.contest_states()), keep).write()


def backup_due(
    session: CountSession, now: datetime, *, backup_dir: str | Path | None = None, keep: int = DEFAULT_KEEP,
    interval: timedelta = DEFAULT_INTERVAL,
) -> DueBackup | None:
    """The backup that is due now (see BackupScheduler), or None. Quick (two small queries): the
    caller writes it, then tells `backup_made`; until then, and after a failure, it stays due."""
    if session.closed or session.read_only:
        return None
    scheduler = _schedulers.get(session)
    if scheduler is None or scheduler.interval != interval:
        scheduler = _schedulers[session] = BackupScheduler(interval)
    stages, version = stage_signature(session), session.audit_head()[0]
    kind = scheduler.due(now, stages, version)
    if kind is None:
        return None
    folder = Path(backup_dir) if backup_dir is not None else default_backup_dir(session.file_path)
    return DueBackup(session.file_path, folder, now, kind, stage_label(session.contest_states()), keep,
                     stages, version)


def backup_made(session: CountSession, due: DueBackup) -> None:
    """`due` was written: the next one is due after the interval, or at the next stage change."""
    scheduler = _schedulers.get(session)
    if scheduler is not None and due.version is not None:
        scheduler.done(due.taken_at, due.stages, due.version)


def maybe_backup(
    session: CountSession, now: datetime, *, backup_dir: str | Path | None = None, keep: int = DEFAULT_KEEP,
    interval: timedelta = DEFAULT_INTERVAL,
) -> BackupFile | None:
    """Make a backup if one is due (see BackupScheduler); None if not. A read-only session never
    backs up (the writer does). A failure (stick removed, full) raises CountdeskError and the
    backup stays due, so the next call tries again."""
    due = backup_due(session, now, backup_dir=backup_dir, keep=keep, interval=interval)
    if due is None:
        return None
    backup = due.write()
    backup_made(session, due)
    return backup


# Finding and checking ---------------------------------------------------------------------------

@dataclass(frozen=True)
class VerifiedBackup:
    """A backup that passed PRAGMA integrity_check and whose audit chain verifies."""

    file: BackupFile
    audit_rows: int
    audit_hash: str

    @property
    def path(self) -> Path:
        return self.file.path


def check_backup(backup_path: str | Path) -> FileCheck:
    """Can this backup be restored? Its pages and audit chain (store.check_count_file); the first
    problem is given in words. One an older countdesk made can (it is upgraded once restored: its
    `pending` migrations); one a newer countdesk made cannot."""
    return store.check_count_file(backup_path)


def find_good_backups(count_path: str | Path, backup_dir: str | Path) -> list[VerifiedBackup]:
    """This count's backups in `backup_dir` that check out (check_backup), newest first."""
    good = []
    for backup in store.list_backups(count_path, backup_dir):
        check = check_backup(backup.path)
        if check.ok:
            good.append(VerifiedBackup(backup, check.audit_rows, check.audit_hash))
    return good


def find_unusable_backups(count_path: str | Path, backup_dir: str | Path) -> list[tuple[BackupFile, str]]:
    """This count's backups that do not check out, newest first, each with why: what a dialog
    says about the backups it does not offer."""
    found = []
    for backup in store.list_backups(count_path, backup_dir):
        check = check_backup(backup.path)
        if not check.ok:
            found.append((backup, check.problem or "it does not check out"))
    return found


def count_file_problem(count_path: str | Path) -> str | None:
    """Why a count file will not serve (damaged, cut short, audit chain broken), or None if sound.
    The app asks this when opening failed, to decide whether to offer the newest good backup."""
    return store.check_count_file(count_path).problem


# Restoring --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RefusedRestore:
    """A refused attempt, kept by the restore dialog when the count file was too damaged to note it."""

    at: str
    operator: str
    backup: str
    problem: str

    def record(self) -> dict[str, str]:
        return {"at": self.at, "operator": self.operator, "backup": self.backup, "problem": self.problem}


class RestoreRefused(CountdeskError):
    """The RO passphrase was missing or wrong: nothing was changed."""

    def __init__(self, refusal: RefusedRestore, where: str) -> None:
        super().__init__(f"the backup was not restored: {refusal.problem}", where)
        self.refusal = refusal


def _check_restorable(backup_path: str | Path) -> None:
    check = store.check_count_file(backup_path)
    if not check.ok:
        raise CountdeskError(f"this backup cannot be restored: {check.problem}", str(backup_path))


def restore_open_count(
    session: CountSession, backup_path: str | Path, passphrase: str, *, reason: str,
) -> CountSession:
    """Replace the open count with a backup. Needs the open count's RO passphrase and a reason; a
    refusal is audited in the open count. On success the session is closed, the current file is
    kept aside, the restored file keeps the current passphrase (it may have been changed since the
    backup), and it is returned open for the same operator. Should the file work itself fail after
    the session was closed (the disk), the error is raised and the caller opens the file again."""
    if session.read_only:
        raise CountdeskError(f"{session.path.name} is open read-only: open it for writing to restore",
                             str(session.path))
    reason = require_reason(reason, "reason", "say why the backup is restored")
    backup_path = Path(backup_path)
    _check_restorable(backup_path)
    path, operator = session.file_path, session.operator
    if not session.passphrase.is_set():
        problem = "no RO passphrase has been set: set one first"
    elif not isinstance(passphrase, str) or not session.passphrase.check(passphrase):
        problem = "the RO passphrase is wrong"
    else:
        problem = None
    if problem is not None:
        refusal = RefusedRestore(utc_now(), operator, backup_path.name, problem)
        store.append_event(path, Actor(operator), "backup.restore_refused", after=refusal.record(), reason=reason)
        raise RestoreRefused(refusal, str(backup_path))
    session.close()
    store.restore_backup(backup_path, path, actor=Actor(operator), reason=reason, carry_settings=[RO_PASSPHRASE_KEY])
    return CountSession.open(path, operator)


def restore_damaged_count(
    count_path: str | Path, backup_path: str | Path, operator: str, passphrase: str, *, reason: str,
    earlier_refusals: Sequence[RefusedRestore] = (),
) -> CountSession:
    """Replace a count file that will not open with a good backup of it. The passphrase is checked
    against the one the backup holds (the damaged file cannot be read). A refused attempt cannot be
    written to a damaged file: the dialog keeps it and passes it back in `earlier_refusals`, and
    the restored file's trail gets a row for each before the restore's own."""
    operator = validate_operator(operator)
    reason = require_reason(reason, "reason", "say why the backup is restored")
    count_path, backup_path = Path(count_path), Path(backup_path)
    _check_restorable(backup_path)
    held, right = _backup_passphrase(backup_path, passphrase)
    if not held:
        problem, note = None, "the backup holds no RO passphrase: none had been set when it was taken"
    elif right:
        problem, note = None, None
    else:
        problem, note = "the RO passphrase is wrong (it is checked against the backup's)", None
    if problem is not None:
        raise RestoreRefused(RefusedRestore(utc_now(), operator, backup_path.name, problem), str(backup_path))
    events = [("backup.restore_refused", refusal.record()) for refusal in earlier_refusals]
    if note is not None:
        events.append(("backup.restore_without_passphrase", {"note": note}))
    store.restore_backup(backup_path, count_path, actor=Actor(operator), reason=reason, events=events)
    return CountSession.open(count_path, operator)


def _backup_passphrase(backup_path: Path, passphrase: object) -> tuple[bool, bool]:
    """(does the backup hold an RO passphrase, is `passphrase` it), read from the backup as it was
    written, so one an older countdesk made is read without being upgraded. A record the backup's
    trail does not vouch for (swapped outside the app) matches nothing, as in an open count."""
    cdb = open_database(backup_path, read_only=True, as_written=True)
    try:
        return get_setting(cdb, RO_PASSPHRASE_KEY) is not None, ro_passphrase_matches(cdb, passphrase)
    finally:
        cdb.close()

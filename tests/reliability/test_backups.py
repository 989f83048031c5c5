"""Backups: named with time and stage, due on a schedule and at every stage change, kept in
rotation, one self-contained file each, consistent while another process writes."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import kill_sheets
import pytest
from read_spy import ReadSpy
from reliability_builders import CONTEST_ID, ELECTION, NIGHT, PASSPHRASE, minutes, r1, r2, small_sv

from countdesk.domain.model import VotingSystem
from countdesk.errors import CountdeskError
from countdesk.services import CountSession, Stage
from countdesk.services.backups import (
    BackupKind,
    BackupScheduler,
    backup_now,
    find_good_backups,
    maybe_backup,
    on_same_device,
    stage_label,
)
from countdesk.services.integrity import verify_count
from countdesk.store import backup as store_backup
from countdesk.store.backup import backup_name, check_count_file, list_backups, parse_backup_name
from countdesk.store.repository import ContestState

WRITER = Path(__file__).with_name("sheet_writer.py")


@pytest.fixture
def session(tmp_path):
    s = CountSession.create(tmp_path / "night.countdesk", "Alice", ELECTION)
    s.set_up.add_contest(small_sv())
    yield s
    s.close()


@pytest.fixture
def backup_dir(tmp_path):
    return tmp_path / "stick" / "backups"


def kinds_and_stages(count_path: Path, folder: Path) -> list[tuple[str, str]]:
    """Oldest first, as the night went."""
    return [(str(b.kind), b.stage) for b in reversed(list_backups(count_path, folder))]


# Names --------------------------------------------------------------------------------------------

def test_a_name_says_which_count_when_at_what_stage_and_why_and_reads_back(tmp_path):
    count = tmp_path / "liverpool.mayor.2021.countdesk"
    name = backup_name(count, NIGHT + timedelta(seconds=7), "count+declared", BackupKind.STAGE)
    assert name == "liverpool.mayor.2021.20210507T003007Z.count+declared.stage.countdesk-backup"
    parsed = parse_backup_name(tmp_path / name)
    assert (parsed.count_stem, parsed.taken_at, parsed.stage, parsed.kind) == (
        "liverpool.mayor.2021", NIGHT + timedelta(seconds=7), "count+declared", BackupKind.STAGE)
    assert parse_backup_name(tmp_path / "liverpool.countdesk") is None
    assert parse_backup_name(tmp_path / "notes.20210507T003007Z.count.timed.txt") is None
    with pytest.raises(ValueError):
        backup_name(count, NIGHT, "Count; rm -rf", BackupKind.TIMED)


def test_the_stage_label_lists_the_stages_present_in_count_order():
    def state(cid: str, stage: Stage) -> ContestState:
        return ContestState(cid, cid, VotingSystem.FPTP, 1, ("a",), stage, False)

    assert stage_label([]) == "setup"
    assert stage_label([state("x", Stage.DECLARED), state("y", Stage.COUNT), state("z", Stage.COUNT)]) \
        == "count+declared"
    assert stage_label([state("x", Stage.VERIFICATION), state("y", Stage.SETUP)]) == "setup+verification"


# The schedule, with the clock passed in -----------------------------------------------------------

def test_the_scheduler_is_due_first_then_on_change_after_the_interval_and_at_once_on_a_stage_change():
    plan = BackupScheduler(minutes(5))
    stages = (("mayor", "verification"),)
    assert plan.due(NIGHT, stages, 10) is BackupKind.TIMED
    plan.done(NIGHT, stages, 10)
    assert plan.due(NIGHT + minutes(4), stages, 11) is None            # changed, but too soon
    assert plan.due(NIGHT + minutes(30), stages, 10) is None           # long enough, but nothing changed
    assert plan.due(NIGHT + minutes(5), stages, 11) is BackupKind.TIMED
    counting = (("mayor", "count"),)
    assert plan.due(NIGHT + minutes(1), counting, 10) is BackupKind.STAGE  # a stage change does not wait
    plan.done(NIGHT + minutes(1), counting, 12)
    assert plan.due(NIGHT - minutes(60), counting, 13) is BackupKind.TIMED  # the clock was set back
    with pytest.raises(ValueError):
        BackupScheduler(timedelta(0))


def test_a_count_night_gets_a_backup_at_each_stage_and_every_five_minutes_of_change(session, backup_dir):
    path = session.path
    assert maybe_backup(session, NIGHT, backup_dir=backup_dir).kind is BackupKind.TIMED
    session.verification.verify(CONTEST_ID, "B1", 98, "two spoilt at the desk")           # -> verification
    assert maybe_backup(session, NIGHT + minutes(1), backup_dir=backup_dir).kind is BackupKind.STAGE
    session.verification.verify(CONTEST_ID, "P1", 60, None)
    assert maybe_backup(session, NIGHT + minutes(2), backup_dir=backup_dir) is None
    assert maybe_backup(session, NIGHT + minutes(6), backup_dir=backup_dir).kind is BackupKind.TIMED
    assert maybe_backup(session, NIGHT + minutes(20), backup_dir=backup_dir) is None  # nothing new
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40, unmarked=8))              # -> count
    session.sheets.confirm(CONTEST_ID, r2("R2", 20, 12, 8))                             # c's 40 papers
    assert maybe_backup(session, NIGHT + minutes(21), backup_dir=backup_dir).kind is BackupKind.STAGE
    session.passphrase.set(PASSPHRASE)
    session.declaring.declare(CONTEST_ID, PASSPHRASE)                                         # -> declared
    assert maybe_backup(session, NIGHT + minutes(22), backup_dir=backup_dir).kind is BackupKind.STAGE
    assert kinds_and_stages(path, backup_dir) == [
        ("timed", "setup"), ("stage", "verification"), ("timed", "verification"), ("stage", "count"),
        ("stage", "declared"),
    ]
    with CountSession.open(list_backups(path, backup_dir)[0].path, "Auditor", read_only=True) as newest:
        assert newest.contest_state(CONTEST_ID).declared
        assert newest.load() == session.load()


def test_a_read_only_session_leaves_backups_to_the_writer(session, backup_dir):
    with CountSession.open(session.path, "Viewer", read_only=True) as viewer:
        assert maybe_backup(viewer, NIGHT, backup_dir=backup_dir) is None
    assert not backup_dir.exists()


def test_rotation_keeps_the_newest_ten_timed_backups_and_every_stage_backup(session, backup_dir):
    assert maybe_backup(session, NIGHT, backup_dir=backup_dir).kind is BackupKind.TIMED
    for n in range(1, 15):  # the first verified figure moves the contest on: a stage backup
        session.verification.verify(CONTEST_ID, "P1", 50 + n, None, reason="recounted")
        assert maybe_backup(session, NIGHT + minutes(5 * n), backup_dir=backup_dir) is not None
    backups = list_backups(session.path, backup_dir)
    timed = [b.taken_at for b in backups if b.kind is BackupKind.TIMED]
    # 14 timed backups were made (NIGHT, then +10 to +70 minutes); the newest ten are kept.
    assert timed == [NIGHT + minutes(5 * n) for n in range(14, 4, -1)]
    assert [(b.stage, b.taken_at) for b in backups if b.kind is BackupKind.STAGE] == [
        ("verification", NIGHT + minutes(5))]


def test_a_backup_is_one_self_contained_file_that_opens_anywhere(session, backup_dir, tmp_path):
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))
    backup = backup_now(session, backup_dir, now=NIGHT)
    assert backup.kind is BackupKind.MANUAL and backup.stage == "count"
    assert sorted(p.name for p in backup_dir.iterdir()) == [backup.path.name]
    elsewhere = tmp_path / "elsewhere" / "copy.countdesk"
    elsewhere.parent.mkdir()
    shutil.copyfile(backup.path, elsewhere)
    con = sqlite3.connect(elsewhere)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
    with CountSession.open(elsewhere, "Auditor", read_only=True) as copy:
        assert copy.load() == session.load()
        assert copy.verify_audit().ok


def test_backups_beside_the_count_are_flagged_as_on_the_same_disk(session, tmp_path):
    assert on_same_device(session.path, tmp_path / "not-yet-made" / "backups")


def test_a_backup_folder_that_cannot_be_written_is_a_plain_error(session, tmp_path):
    blocker = tmp_path / "stick"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(CountdeskError, match="cannot write to|not there"):
        backup_now(session, blocker / "backups", now=NIGHT)


def test_a_full_stick_leaves_no_partial_backup_and_the_backup_stays_due(session, backup_dir, monkeypatch):
    real_snapshot = store_backup._snapshot

    def fills_the_stick(count_path: Path, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)  # half a file, then the device is full
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_backup, "_snapshot", fills_the_stick)
    with pytest.raises(CountdeskError, match="is full"):
        maybe_backup(session, NIGHT, backup_dir=backup_dir)
    assert list(backup_dir.iterdir()) == []
    monkeypatch.setattr(store_backup, "_snapshot", real_snapshot)
    assert maybe_backup(session, NIGHT + timedelta(seconds=60), backup_dir=backup_dir) is not None


def test_find_good_backups_ignores_other_counts_other_files_and_a_huge_impostor(session, backup_dir,
                                                                                 monkeypatch):
    good = backup_now(session, backup_dir, now=NIGHT)
    (backup_dir / "other.20210507T010000Z.count.timed.countdesk-backup").write_bytes(good.path.read_bytes())
    (backup_dir / "notes.txt").write_text("the stick also holds this")
    impostor = backup_dir / backup_name(session.path, NIGHT + minutes(1), "count", BackupKind.TIMED)
    with impostor.open("wb") as f:
        f.truncate(2 * 1024**3)  # 2 GB of nothing, sparse: refused by its header, not read
    spy = ReadSpy(monkeypatch, impostor)
    assert [b.path for b in find_good_backups(session.path, backup_dir)] == [good.path]
    assert spy.bytes_read(impostor) == 100  # its header, no more


# Consistency while another process writes ---------------------------------------------------------

def test_backups_taken_while_another_process_writes_are_consistent(tmp_path, backup_dir):
    db = tmp_path / "busy.countdesk"
    with CountSession.create(db, "Setup", kill_sheets.ELECTION) as setup:
        setup.set_up.add_contest(kill_sheets.CONTEST)
    writer = subprocess.Popen([sys.executable, str(WRITER), str(db)], stdout=subprocess.PIPE, cwd=WRITER.parent)
    try:
        assert writer.stdout.readline().strip() == b"READY"
        taken = []
        for n in range(12):
            taken.append(store_backup.write_backup(db, backup_dir, taken_at=NIGHT + timedelta(seconds=n),
                                                   stage="count", kind=BackupKind.TIMED))
            time.sleep(0.02)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    sizes = []
    for backup in taken:
        check = check_count_file(backup.path)  # integrity_check and the audit chain
        assert check.ok, check.problem
        with CountSession.open(backup.path, "Auditor", read_only=True) as copy:
            sheets = copy.contest(kill_sheets.CONTEST_ID).count_sheets
            assert all(s == kill_sheets.sheet(kill_sheets.sheet_number(s.id)) for s in sheets)
            assert verify_count(copy).ok  # every sheet in the snapshot has its audit row, and no more
            sizes.append(len(sheets))
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0], f"the writer was not writing: {sizes}"


def test_rotation_clears_what_a_crashed_backup_left_but_not_one_being_written(session, backup_dir):
    import os

    backup_dir.mkdir(parents=True)
    crashed = backup_dir / ".night.20210507T003000Z.count.timed.countdesk-backup.partial-1a2b3c4d"
    writing = backup_dir / ".night.20210507T013000Z.count.timed.countdesk-backup.partial-5e6f7a8b"
    other_count = backup_dir / ".other.20210507T003000Z.count.timed.countdesk-backup.partial-9c0d1e2f"
    for path in (crashed, writing, other_count):
        path.write_bytes(b"SQLite format 3\x00")
    an_hour_ago = time.time() - 3600
    for path in (crashed, other_count):
        os.utime(path, (an_hour_ago, an_hour_ago))
    assert store_backup.rotate_backups(session.path, backup_dir) == [crashed]
    assert writing.exists() and other_count.exists()

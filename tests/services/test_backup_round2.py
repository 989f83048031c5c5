"""An area count's round-2 instruction is inside the count, so its backups hold it and a restore
brings it back, with nothing beside the snapshot or the count (store/instructions.py).

The North area of export_builders counts 50 / 40 / 10 / 5 first preferences for a, b, c, d: left
to itself it would take a and b as finalists. The collating officer's instruction, from the sum of
the three areas (a 98, b 90, c 100, d 50: no majority of 338), names c and a. A restored count must
use c and a again, never fall back to its own a and b.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from export_builders import SV_CONTEST_ID, area_session, round_two_sheet, sv_area
from round2_builders import INSTRUCTED, OWN_FINALISTS
from round2_older_counts import as_written_before_m0006, old_side_file

from countdesk.services.backups import (
    BackupKind,
    backup_now,
    check_backup,
    find_good_backups,
    restore_damaged_count,
    restore_open_count,
)
from countdesk.services.count_session import CountSession
from countdesk.services.integrity import verify_count
from countdesk.services.round2_area import IMPORT_ACTION, InstructionUnusable, import_round2_instruction

PASSPHRASE = "correct horse battery staple"
NIGHT = datetime(2021, 5, 7, 17, 0, tzinfo=UTC)


@pytest.fixture
def north(tmp_path):
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    session = area_session(laptop, sv_area("North"))
    session.passphrase.set(PASSPHRASE)
    yield session
    if not session.closed:
        session.close()


@pytest.fixture
def backup_dir(tmp_path) -> Path:
    return tmp_path / "backups"


def finalists(session: CountSession) -> set[str]:
    return set(session.tally(SV_CONTEST_ID).finalists)


def files_in(folder: Path) -> list[str]:
    """The files in a folder, without the -wal/-shm that SQLite itself makes and removes."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def test_after_a_disk_loss_the_restored_count_has_its_instruction_and_counts_for_the_instructed_finalists(
        north, issued, backup_dir):
    path = north.path
    assert finalists(north) == OWN_FINALISTS
    import_round2_instruction(north, issued)
    north.sheets.confirm(SV_CONTEST_ID, round_two_sheet("North", ("a", "c")))
    backup = backup_now(north, backup_dir, now=NIGHT)
    assert files_in(backup_dir) == [backup.path.name]  # the snapshot alone: the instruction is inside it
    held = sqlite3.connect(backup.path).execute("SELECT content FROM round2_instruction").fetchall()
    assert [row[0].encode("utf-8") for row in held] == [issued.read_bytes()]
    north.close()
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)

    assert [b.path for b in find_good_backups(path, backup_dir)] == [backup.path]
    with restore_damaged_count(path, backup.path, "Area Clerk", PASSPHRASE, reason="the laptop's disk failed") as s:
        assert finalists(s) == INSTRUCTED
        tally = s.tally(SV_CONTEST_ID)
        assert dict(tally.second) == {"a": 20, "c": 15} and tally.non_transferable == 10
        assert "companions" not in s.audit_rows(action="backup.restore")[-1].after
        assert verify_count(s).ok
    assert files_in(path.parent) == [path.name]


def test_restoring_an_open_count_puts_back_the_instruction_it_had_and_the_kept_file_keeps_its_own(
        north, issued, corrected, backup_dir):
    path = north.path
    import_round2_instruction(north, issued)
    backup = backup_now(north, backup_dir, now=NIGHT)
    import_round2_instruction(north, corrected, reason="the collating officer corrected the sum")
    assert finalists(north) == {"b", "c"}
    restored = restore_open_count(north, backup.path, PASSPHRASE, reason="the correction was itself wrong")
    try:
        assert finalists(restored) == INSTRUCTED and verify_count(restored).ok
        kept = path.with_name(restored.audit_rows(action="backup.restore")[-1].after["replaced"]["file"])
    finally:
        restored.close()
    with CountSession.open(kept, "Auditor", read_only=True) as old:
        assert finalists(old) == {"b", "c"}


def test_restoring_a_backup_from_before_the_import_brings_back_no_instruction(north, issued, backup_dir):
    before = backup_now(north, backup_dir, now=NIGHT)
    import_round2_instruction(north, issued)
    restored = restore_open_count(north, before.path, PASSPHRASE, reason="restore to before the instruction")
    try:
        assert restored.audit_rows(action=IMPORT_ACTION) == []
        assert restored.instructions.stored(SV_CONTEST_ID) is None
        assert finalists(restored) == OWN_FINALISTS
    finally:
        restored.close()


def test_a_backup_an_older_countdesk_made_is_restored_with_the_instruction_copy_it_kept(north, issued, backup_dir):
    """That countdesk kept a copy of the instruction beside the snapshot: the restore offers it to
    the upgrade beside the restored count (its SHA-256 is the one the trail recorded), which moves
    it in; an altered copy is not offered, and the area imports the instruction again."""
    import_round2_instruction(north, issued)
    backup = backup_now(north, backup_dir, now=NIGHT)
    as_written_before_m0006(backup.path, SV_CONTEST_ID, None)
    copy = old_side_file(backup.path, SV_CONTEST_ID)
    copy.write_bytes(issued.read_bytes())
    assert check_backup(backup.path).ok
    restored = restore_open_count(north, backup.path, PASSPHRASE, reason="the laptop misbehaved")
    try:
        assert finalists(restored) == INSTRUCTED and verify_count(restored).ok
        path = restored.path
    finally:
        restored.close()
    copy.write_bytes(issued.read_bytes() + b"\n")
    restored = restore_open_count(CountSession.open(path, "Area Clerk"), backup.path, PASSPHRASE,
                                  reason="once more, from the altered copy")
    try:
        with pytest.raises(InstructionUnusable, match="import the instruction file again"):
            restored.tally(SV_CONTEST_ID)
        assert verify_count(restored).ok
        import_round2_instruction(restored, issued)
        assert finalists(restored) == INSTRUCTED and verify_count(restored).ok
    finally:
        restored.close()


def test_rotation_removes_the_instruction_copy_an_older_countdesk_kept_beside_a_snapshot(north, issued, backup_dir):
    import_round2_instruction(north, issued)
    taken = [backup_now(north, backup_dir, now=NIGHT + timedelta(minutes=5 * n), kind=BackupKind.TIMED, keep=2)
             for n in range(2)]
    copy = old_side_file(taken[0].path, SV_CONTEST_ID)
    copy.write_bytes(issued.read_bytes())
    backup_now(north, backup_dir, now=NIGHT + timedelta(minutes=10), kind=BackupKind.TIMED, keep=2)
    assert not taken[0].path.exists() and not copy.exists()
    assert len(files_in(backup_dir)) == 2

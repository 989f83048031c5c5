"""An area count's round-2 instruction travels with its backups (services/backup_instructions.py).

The North area of export_builders counts 50 / 40 / 10 / 5 first preferences for a, b, c, d: left
to itself it would take a and b as finalists. The collating officer's instruction, from the sum of
the three areas (a 98, b 90, c 100, d 50: no majority of 338), names c and a. A restored count must
use c and a again, never fall back to its own a and b; and the files beside it must be exactly
what its audit trail says was imported.
"""

from __future__ import annotations

import hashlib
import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from countdesk.errors import CountdeskError
from countdesk.services.backup_instructions import recorded_instructions
from countdesk.services.backups import (
    BackupKind, backup_now, check_backup, find_good_backups, find_unusable_backups, restore_damaged_count,
    restore_open_count,
)
from countdesk.services.counts import CountSession
from countdesk.services.integrity import verify_count
from countdesk.services.round2_area import IMPORT_ACTION, area_tally, import_round2_instruction, instruction_file
from countdesk.store import backup as store_backup
from export_builders import SV_CONTEST_ID, area_session, round_two_sheet, sv_area
from round2_builders import INSTRUCTED, OWN_FINALISTS

PASSPHRASE = "correct horse battery staple"
NIGHT = datetime(2021, 5, 7, 17, 0, tzinfo=timezone.utc)
@pytest.fixture
def north(tmp_path):
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    session = area_session(laptop, sv_area("North"))
    session.set_ro_passphrase(PASSPHRASE)
    yield session
    if not session.closed:
        session.close()


@pytest.fixture
def backup_dir(tmp_path) -> Path:
    return tmp_path / "backups"


def finalists(session: CountSession) -> set[str]:
    return set(area_tally(session, SV_CONTEST_ID).finalists)


def side_file(count_path: Path) -> Path:
    return instruction_file(count_path, SV_CONTEST_ID)


def files_in(folder: Path) -> list[str]:
    """The files in a folder, without the -wal/-shm that SQLite itself makes and removes."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def test_after_a_disk_loss_the_restored_count_has_its_instruction_and_counts_for_the_instructed_finalists(
        north, issued, backup_dir):
    path = north.path
    assert finalists(north) == OWN_FINALISTS
    import_round2_instruction(north, issued)
    north.save_sheet(SV_CONTEST_ID, round_two_sheet("North", ("a", "c")))
    assert finalists(north) == INSTRUCTED
    backup = backup_now(north, backup_dir, now=NIGHT)
    carried = side_file(backup.path)
    assert carried.read_bytes() == issued.read_bytes()
    assert files_in(backup_dir) == sorted([backup.path.name, carried.name])
    north.close()
    for leftover in (path, side_file(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)

    assert [b.path for b in find_good_backups(path, backup_dir)] == [backup.path]
    with restore_damaged_count(path, backup.path, "Area Clerk", PASSPHRASE, reason="the laptop's disk failed") as s:
        assert side_file(path).read_bytes() == issued.read_bytes()
        assert finalists(s) == INSTRUCTED
        tally = area_tally(s, SV_CONTEST_ID)
        assert dict(tally.second) == {"a": 20, "c": 15} and tally.non_transferable == 10
        row = s.audit_rows(action="backup.restore")[-1]
        assert row.after["companions"] == [side_file(path).name]
        assert row.after["replaced"] == {"file": None}  # nothing was there to keep aside
        assert verify_count(s).ok
    assert not any(".replaced-" in name or name.startswith(".") for name in files_in(path.parent))


def test_restoring_an_open_count_puts_back_the_instruction_it_had_and_keeps_the_later_one_aside(
        north, issued, corrected, backup_dir):
    path = north.path
    import_round2_instruction(north, issued)
    backup = backup_now(north, backup_dir, now=NIGHT)
    import_round2_instruction(north, corrected, reason="the collating officer corrected the sum")
    assert finalists(north) == {"b", "c"}
    restored = restore_open_count(north, backup.path, PASSPHRASE, reason="the correction was itself wrong")
    try:
        assert side_file(path).read_bytes() == issued.read_bytes() and finalists(restored) == INSTRUCTED
        kept = path.with_name(restored.audit_rows(action="backup.restore")[-1].after["replaced"]["file"])
        assert side_file(kept).read_bytes() == corrected.read_bytes()  # the kept file keeps its own instruction
    finally:
        restored.close()
    with CountSession.open(kept, "Auditor", read_only=True) as old:
        assert finalists(old) == {"b", "c"}


def test_restoring_a_backup_from_before_the_import_leaves_no_instruction_beside_the_count(
        north, issued, backup_dir):
    path = north.path
    before = backup_now(north, backup_dir, now=NIGHT)
    assert files_in(backup_dir) == [before.path.name]  # nothing imported: nothing to carry
    import_round2_instruction(north, issued)
    restored = restore_open_count(north, before.path, PASSPHRASE, reason="restore to before the instruction")
    try:
        assert not side_file(path).exists()
        assert restored.audit_rows(action=IMPORT_ACTION) == [] and recorded_instructions(path) == {}
        assert finalists(restored) == OWN_FINALISTS
        assert restored.audit_rows(action="backup.restore")[-1].after["companions"] == []
    finally:
        restored.close()
    kept = [p for p in path.parent.iterdir() if ".replaced-" in p.name and p.name.endswith(".json")]
    assert [p.read_bytes() for p in kept] == [issued.read_bytes()]  # kept aside with the count it came from


@pytest.mark.parametrize("damage", ["altered", "missing"])
def test_a_backup_whose_instruction_is_altered_or_missing_is_not_good_and_is_refused_at_the_file(
        north, issued, backup_dir, damage):
    import_round2_instruction(north, issued)
    backup = backup_now(north, backup_dir, now=NIGHT)
    carried = side_file(backup.path)
    if damage == "altered":
        carried.write_bytes(carried.read_bytes().replace(b"Combined Authority", b"Combined Authoritie"))
    else:
        carried.unlink()
    check = check_backup(backup.path)
    said = "has been altered" if damage == "altered" else "is missing"
    assert not check.ok and check.problem.startswith(f"{carried.name} {said}")
    assert find_good_backups(north.path, backup_dir) == []
    assert [(b.path, problem) for b, problem in find_unusable_backups(north.path, backup_dir)] == [
        (backup.path, check.problem)]
    live_before = side_file(north.path).read_bytes()
    with pytest.raises(CountdeskError, match="this backup cannot be restored") as refused:
        restore_open_count(north, backup.path, PASSPHRASE, reason="test")
    assert refused.value.where == str(carried)
    if damage == "altered":
        expected = hashlib.sha256(issued.read_bytes()).hexdigest()
        assert expected in refused.value.message
    assert not north.closed and side_file(north.path).read_bytes() == live_before
    assert not any(".replaced-" in name for name in files_in(north.path.parent))
    with pytest.raises(CountdeskError, match="cannot be restored") as refused_damaged:
        restore_damaged_count(north.path.with_name("elsewhere.countdesk"), backup.path, "Area Clerk", PASSPHRASE,
                              reason="test")
    assert refused_damaged.value.where == str(carried)


def test_no_backup_is_made_while_the_count_has_lost_the_instruction_its_trail_records(north, issued, backup_dir):
    import_round2_instruction(north, issued)
    side_file(north.path).unlink()
    with pytest.raises(CountdeskError, match="is missing.*import the instruction file again") as refused:
        backup_now(north, backup_dir, now=NIGHT)
    assert refused.value.where == str(side_file(north.path))
    assert files_in(backup_dir) == []  # no snapshot, no companion, no temporary file
    import_round2_instruction(north, issued)  # imported again: a new row, the same file
    backup = backup_now(north, backup_dir, now=NIGHT + timedelta(minutes=1))
    assert check_backup(backup.path).ok and side_file(backup.path).read_bytes() == issued.read_bytes()


def test_rotation_removes_each_instruction_copy_with_its_snapshot_and_orphans_once_stale(north, issued, backup_dir):
    import_round2_instruction(north, issued)
    taken = [backup_now(north, backup_dir, now=NIGHT + timedelta(minutes=5 * n), kind=BackupKind.TIMED, keep=2)
             for n in range(3)]
    survivors = [b.path for b in taken[1:]]
    assert files_in(backup_dir) == sorted([*(p.name for p in survivors), *(side_file(p).name for p in survivors)])
    # A companion whose snapshot never got its name (a crash) goes once stale, not while fresh.
    gone = taken[0].path
    orphan = side_file(gone)
    orphan.write_bytes(issued.read_bytes())
    assert store_backup.rotate_backups(north.path, backup_dir, keep=2) == []
    old = time.time() - 3600
    os.utime(orphan, (old, old))
    assert store_backup.rotate_backups(north.path, backup_dir, keep=2) == [orphan]
    assert [b.path for b in find_good_backups(north.path, backup_dir)] == list(reversed(survivors))


@pytest.mark.parametrize("current", ["a later instruction", "no instruction"])
def test_a_restore_that_fails_midway_leaves_the_count_and_its_instruction_files_as_they_were(
        north, issued, corrected, backup_dir, monkeypatch, current):
    path = north.path
    before = backup_now(north, backup_dir, now=NIGHT)
    import_round2_instruction(north, issued)
    backup = backup_now(north, backup_dir, now=NIGHT + timedelta(minutes=1))
    if current == "a later instruction":
        import_round2_instruction(north, corrected, reason="corrected sum")
        expected = {"b", "c"}
    else:
        north = restore_open_count(north, before.path, PASSPHRASE, reason="back to before the instruction")
        expected = OWN_FINALISTS
    north.close()
    names_before = files_in(path.parent)
    contents_before = {name: (path.parent / name).read_bytes() for name in names_before}
    real_replace = os.replace

    def stick_pulled(src, dst):
        if Path(src).name.startswith(f".{path.name}.restoring-"):  # the count file's own rename, the last step
            raise OSError(5, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", stick_pulled)
    with pytest.raises(CountdeskError, match="cannot write"):
        restore_damaged_count(path, backup.path, "Area Clerk", PASSPHRASE, reason="test")
    monkeypatch.setattr(os, "replace", real_replace)
    assert files_in(path.parent) == names_before
    assert {name: (path.parent / name).read_bytes() for name in names_before} == contents_before
    with CountSession.open(path, "Area Clerk") as reopened:
        assert finalists(reopened) == expected


def test_a_write_ahead_log_left_without_its_count_file_is_kept_aside_not_replayed_into_the_restore(
        north, issued, backup_dir):
    path = north.path
    import_round2_instruction(north, issued)
    backup = backup_now(north, backup_dir, now=NIGHT)
    north.save_sheet(SV_CONTEST_ID, round_two_sheet("North", ("a", "c")))  # after the backup
    wal = Path(f"{path}-wal")
    stale = wal.read_bytes()  # the log as a crash would leave it, holding the round-2 sheet
    north.close()
    path.unlink()
    wal.write_bytes(stale)
    with restore_damaged_count(path, backup.path, "Area Clerk", PASSPHRASE, reason="count file lost") as restored:
        assert [sheet.id for sheet in restored.contest(SV_CONTEST_ID).count_sheets] == ["N1-R1"]
        assert finalists(restored) == INSTRUCTED and verify_count(restored).ok
    kept_logs = [p for p in path.parent.iterdir() if ".replaced-" in p.name and p.name.endswith("-wal")]
    assert [p.read_bytes() for p in kept_logs] == [stale]  # kept, not deleted

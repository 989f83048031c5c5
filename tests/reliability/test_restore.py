"""Restoring a backup: checked first, the RO passphrase required, the current file kept aside, and
both refusals and the restore itself on the audit trail. A damaged count is recognised and the
newest good backup offered."""

from __future__ import annotations

import pytest
from reliability_builders import (
    CONTEST_ID,
    NIGHT,
    OTHER_PASSPHRASE,
    PASSPHRASE,
    forge,
    liverpool,
    minutes,
    r1,
    small_sv,
)

from countdesk.errors import CountdeskError, ValidationError
from countdesk.services import CountSession
from countdesk.services.backups import (
    RestoreRefused,
    backup_now,
    count_file_problem,
    find_good_backups,
    restore_damaged_count,
    restore_open_count,
)
from countdesk.services.integrity import verify_count


@pytest.fixture
def count_path(tmp_path):
    return tmp_path / "liverpool.countdesk"


@pytest.fixture
def backup_dir(tmp_path):
    return tmp_path / "stick"


@pytest.fixture
def session(count_path):
    """Liverpool's published count plus a small SV contest being counted, with an RO passphrase."""
    count = liverpool()
    s = CountSession.create(count_path, "Alice", count.election)
    s.import_count(count)
    s.set_up.add_contest(small_sv())
    s.passphrase.set(PASSPHRASE)
    yield s
    s.close()


def sheets_of(session: CountSession) -> list[str]:
    return [s.id for s in session.contest(CONTEST_ID).count_sheets]


def aside_files(count_path):
    return sorted(p.name for p in count_path.parent.iterdir() if ".replaced-" in p.name)


def test_a_wrong_passphrase_or_no_reason_restores_nothing_and_the_refusal_is_audited(session, backup_dir):
    backup = backup_now(session, backup_dir, now=NIGHT)
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))
    with pytest.raises(ValidationError, match="reason"):
        restore_open_count(session, backup.path, PASSPHRASE, reason=" ")
    with pytest.raises(RestoreRefused, match="passphrase is wrong"):
        restore_open_count(session, backup.path, "not the passphrase", reason="T1 keyed against the wrong box")
    assert not session.closed and sheets_of(session) == ["T1"]
    assert aside_files(session.path) == []
    refused = session.audit_rows(action="backup.restore_refused")
    assert [(r.operator, r.after["backup"], r.after["problem"], r.reason) for r in refused] == [
        ("Alice", backup.path.name, "the RO passphrase is wrong", "T1 keyed against the wrong box")]
    assert verify_count(session).ok


def test_restore_puts_the_backup_in_place_and_keeps_the_current_file_aside(session, backup_dir, count_path):
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))
    backup = backup_now(session, backup_dir, now=NIGHT)
    before_backup = session.load()
    session.sheets.confirm(CONTEST_ID, r1("T2", 6, 5, 4))
    session.passphrase.set(OTHER_PASSPHRASE, current=PASSPHRASE)  # changed after the backup
    later = session.load()
    restored = restore_open_count(session, backup.path, OTHER_PASSPHRASE, reason="T2 was the wrong sheet")
    try:
        assert session.closed and not restored.read_only and restored.operator == "Alice"
        assert restored.load() == before_backup
        row = restored.audit_rows(action="backup.restore")[-1]
        assert row.reason == "T2 was the wrong sheet" and row.after["backup"] == backup.path.name
        kept = count_path.with_name(row.after["replaced"]["file"])
        assert row.after["replaced"]["ok"] and kept.name in aside_files(count_path)
        assert restored.passphrase.check(OTHER_PASSPHRASE)  # the passphrase in force stays in force
        assert not restored.passphrase.check(PASSPHRASE)
        assert restored.verify_audit().ok and verify_count(restored).ok
    finally:
        restored.close()
    with CountSession.open(kept, "Auditor", read_only=True) as old:
        assert old.load() == later  # nothing was deleted: the replaced count is all there


def test_a_backup_that_fails_its_checks_is_refused_before_anything_changes(session, backup_dir):
    backup = backup_now(session, backup_dir, now=NIGHT)
    forge(backup.path, "UPDATE audit SET operator = 'Mallory' WHERE id = 2")
    with pytest.raises(CountdeskError, match="cannot be restored: .*audit row 2"):
        restore_open_count(session, backup.path, PASSPHRASE, reason="test")
    assert not session.closed and aside_files(session.path) == []
    assert session.audit_rows(action="backup.restore_refused") == []  # not a passphrase refusal


def damage(count_path) -> bytes:
    """Cut the file in half, as a copy interrupted by a pulled stick would be."""
    data = count_path.read_bytes()
    assert len(data) > 16 * 4096
    count_path.write_bytes(data[: len(data) // 2])
    return count_path.read_bytes()


def test_a_damaged_count_is_recognised_and_the_newest_good_backup_restored(session, backup_dir, count_path):
    oldest = backup_now(session, backup_dir, now=NIGHT)
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))
    good = backup_now(session, backup_dir, now=NIGHT + minutes(5))
    expected = session.load()
    session.sheets.confirm(CONTEST_ID, r1("T2", 6, 5, 4))
    cut_short = backup_now(session, backup_dir, now=NIGHT + minutes(10))
    cut_short.path.write_bytes(cut_short.path.read_bytes()[:8192])
    tampered = backup_now(session, backup_dir, now=NIGHT + minutes(15))
    forge(tampered.path, "UPDATE audit SET reason = 'nothing to see' WHERE id = 3")
    for _ in range(200):  # enough sheets for the file to span many pages
        session.sheets.confirm(CONTEST_ID, r1(f"X{_}", 1, 1, 1))
    session.close()
    damaged_bytes = damage(count_path)

    with pytest.raises(CountdeskError, match="damaged"):
        CountSession.open(count_path, "Alice")
    assert "damaged" in count_file_problem(count_path)
    assert [b.path for b in find_good_backups(count_path, backup_dir)] == [good.path, oldest.path]

    with pytest.raises(RestoreRefused) as refused:
        restore_damaged_count(count_path, good.path, "Alice", "a guess at it", reason="file damaged")
    assert count_path.read_bytes() == damaged_bytes and aside_files(count_path) == []

    restored = restore_damaged_count(count_path, good.path, "Alice", PASSPHRASE, reason="file damaged",
                                     earlier_refusals=[refused.value.refusal])
    try:
        assert restored.load() == expected
        rows = restored.audit_rows()[-3:]
        assert [r.action for r in rows] == ["backup.restore_refused", "backup.restore", "session.open"]
        assert rows[0].after == refused.value.refusal.record()
        assert rows[1].after["replaced"]["ok"] is False and "damaged" in rows[1].after["replaced"]["problem"]
        kept = count_path.with_name(rows[1].after["replaced"]["file"])
        assert kept.read_bytes() == damaged_bytes  # kept exactly as it was, for whoever investigates
        assert restored.verify_audit().ok and verify_count(restored).ok
    finally:
        restored.close()
    assert count_file_problem(count_path) is None


def test_a_backup_taken_before_any_passphrase_restores_with_a_note(tmp_path, backup_dir):
    path = tmp_path / "early.countdesk"
    count = liverpool()
    with CountSession.create(path, "Alice", count.election) as s:
        s.import_count(count)
        backup = backup_now(s, backup_dir, now=NIGHT)
        for n in range(200):
            s.set_up.add_contest(small_sv(f"extra.{n}"))
    damage(path)
    with restore_damaged_count(path, backup.path, "Alice", "", reason="damaged before the count began") as s:
        assert [r.action for r in s.audit_rows()[-3:]] == [
            "backup.restore_without_passphrase", "backup.restore", "session.open"]
        assert s.load() == count


def test_a_restore_that_cannot_put_the_copy_in_place_leaves_the_count_where_it_was(
        session, backup_dir, count_path, monkeypatch):
    import os

    from countdesk.store import backup as store_backup

    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))
    backup = backup_now(session, backup_dir, now=NIGHT)
    session.close()
    before = count_path.read_bytes()
    real_replace = os.replace

    def stick_pulled(src, dst):
        if str(src).startswith(str(count_path.with_name(f".{count_path.name}.restoring-"))):
            raise OSError(5, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(store_backup.os, "replace", stick_pulled)
    with pytest.raises(CountdeskError, match="cannot write"):
        store_backup.restore_backup(backup.path, count_path)
    monkeypatch.setattr(store_backup.os, "replace", real_replace)
    assert count_path.read_bytes() == before and aside_files(count_path) == []
    assert not any(p.name.startswith(f".{count_path.name}.restoring-") for p in count_path.parent.iterdir())
    with CountSession.open(count_path, "Alice") as reopened:
        assert sheets_of(reopened) == ["T1"]

"""A backup made by an older countdesk is restored and upgraded; one made by a newer one is refused.

The area count of the small SV contest (152 papers verified; round 1: a 60, b 50, c 40) imports the collating officer's
round-2 instruction (finalists a and c, from the sum of two areas), keys b's 50 papers in round 2
(a 20, c 15, 15 non-transferable) and is backed up. The backup is then rewritten as the countdesk
before m0006 wrote it (schema up to m0005, the instruction not in it, a copy of the instruction
beside the snapshot), and the count file is damaged or changed. The restored count must open at
this version's schema, hold the figures and the instruction, and replay.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from older_backups import (
    BEFORE_INSTRUCTIONS,
    as_newer_countdesk_wrote_it,
    as_older_countdesk_wrote_it,
    older_copy_beside,
)
from reliability_builders import CONTEST_ID, ELECTION, NIGHT, PASSPHRASE, minutes, r1, small_sv

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.errors import CountdeskError
from countdesk.exchange.round2 import Round2Instruction, write_round2_instruction
from countdesk.services import CountSession
from countdesk.services.backups import (
    backup_now,
    check_backup,
    find_good_backups,
    find_unusable_backups,
    restore_damaged_count,
    restore_open_count,
)
from countdesk.services.integrity import verify_count
from countdesk.services.round2_area import IMPORT_ACTION, InstructionUnusable, import_round2_instruction
from countdesk.store.instructions import LOST_ACTION
from countdesk.store.migrations import UPGRADE_OPERATOR, migration_names

INSTRUCTED = ("a", "c")


def instruction() -> Round2Instruction:
    return Round2Instruction(ELECTION.id, CONTEST_ID, INSTRUCTED, frozen_map({"a": 160, "b": 140, "c": 150}),
                             (ELECTION.area, "Elsewhere"), datetime(2021, 5, 7, 2, 0, tzinfo=UTC),
                             "Combined Authority Returning Officer")


@pytest.fixture
def stick(tmp_path):
    return tmp_path / "stick"


@pytest.fixture
def issued(tmp_path):
    return write_round2_instruction(tmp_path / "round2.json", instruction())


@pytest.fixture
def session(tmp_path, issued):
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    s = CountSession.create(laptop / "area.countdesk", "Alice", ELECTION)
    s.set_up.add_contest(small_sv())
    s.passphrase.set(PASSPHRASE)
    s.verification.verify(CONTEST_ID, "B1", 92, "eight papers in the postal box by mistake")
    s.verification.verify(CONTEST_ID, "P1", 60, None)
    s.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40, unmarked=2))
    import_round2_instruction(s, issued)
    s.sheets.confirm(CONTEST_ID, CountSheet("R2", 2, frozen_map({"a": 20, "c": 15}), non_transferable=15))
    yield s
    if not s.closed:
        s.close()


def older_backup(session, stick, issued, *, copy: bytes | None, stop_before: str = BEFORE_INSTRUCTIONS):
    """The count as the countdesk before `stop_before` backed it up: with `copy` beside it (None: none)."""
    backup = backup_now(session, stick, now=NIGHT)
    as_older_countdesk_wrote_it(backup.path, stop_before=stop_before)
    if copy is not None:
        older_copy_beside(backup.path, CONTEST_ID, copy)
    return backup


def holds_the_figures_and_the_instruction(restored: CountSession, issued) -> None:
    tally = restored.tally(CONTEST_ID)
    assert dict(tally.first) == {"a": 60, "b": 50, "c": 40}
    assert set(tally.finalists) == set(INSTRUCTED)
    assert dict(tally.second) == {"a": 20, "c": 15} and tally.non_transferable == 15
    stored = restored.instructions.stored(CONTEST_ID)
    assert stored.content.encode("utf-8") == issued.read_bytes()
    assert verify_count(restored).ok


def schema(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def test_the_older_backup_is_a_file_of_the_older_schema_that_checks_out(session, stick, issued):
    backup = older_backup(session, stick, issued, copy=issued.read_bytes())
    assert BEFORE_INSTRUCTIONS not in schema(backup.path) and schema(backup.path) == migration_names()[:5]
    check = check_backup(backup.path)
    assert check.ok and check.pending == (BEFORE_INSTRUCTIONS,)
    assert check.audit_rows == len(session.audit_rows())  # the same trail, checked as it is
    assert [b.path for b in find_good_backups(session.path, stick)] == [backup.path]


@pytest.mark.parametrize("stop_before", [BEFORE_INSTRUCTIONS, "m0003_audit_station"])
def test_a_damaged_count_is_restored_from_an_older_backup_upgraded_with_its_instruction(
        session, stick, issued, stop_before):
    """Before m0006 the instruction lived beside the count; before m0003 audit rows had no station
    column either (the chain is checked as it is: such rows hash without one)."""
    backup = older_backup(session, stick, issued, copy=issued.read_bytes(), stop_before=stop_before)
    pending = migration_names()[migration_names().index(stop_before):]
    assert check_backup(backup.path).pending == tuple(pending)
    path = session.path
    for n in range(100):  # enough pages that cutting the file in half damages it
        session.set_up.add_contest(small_sv(f"extra.{n}"))
    session.close()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(CountdeskError, match="damaged"):
        CountSession.open(path, "Alice")

    with restore_damaged_count(path, backup.path, "Alice", PASSPHRASE, reason="the laptop's disk failed") as s:
        assert schema(path) == migration_names()
        holds_the_figures_and_the_instruction(s, issued)
        upgrade = [r for r in s.audit_rows() if r.operator == UPGRADE_OPERATOR and r.action == IMPORT_ACTION]
        assert [r.contest_id for r in upgrade] == [CONTEST_ID]
        assert upgrade[0].after["moved_from"] == f"{path.name}.round2-{CONTEST_ID}.json"
        restore = s.audit_rows(action="backup.restore")[-1]
        assert restore.id > upgrade[0].id  # upgraded first, as any older count is when opened
        assert restore.after["upgraded"] == {"migrations": pending,
                                             "instruction_copies": [f"{path.name}.round2-{CONTEST_ID}.json"]}
    # The copy offered to the upgrade is gone from beside the count; the backup keeps its own.
    assert not any(".round2-" in p.name for p in path.parent.iterdir())
    assert (stick / f"{backup.path.name}.round2-{CONTEST_ID}.json").read_bytes() == issued.read_bytes()
    with CountSession.open(path, "Auditor", read_only=True) as again:  # current: opens read-only too
        holds_the_figures_and_the_instruction(again, issued)


@pytest.mark.parametrize("copy", [None, b'{"altered": true}'], ids=["no copy", "altered copy"])
def test_an_older_backup_without_its_instruction_is_restored_and_asks_for_it_again(session, stick, issued, copy):
    backup = older_backup(session, stick, issued, copy=copy)
    session.sheets.confirm(CONTEST_ID, r1("T1", 61, 49, 40, unmarked=2), reason="a and b were swapped")
    restored = restore_open_count(session, backup.path, PASSPHRASE, reason="the correction was itself wrong")
    try:
        assert dict(restored.contest(CONTEST_ID).count_sheets[0].votes) == {"a": 60, "b": 50, "c": 40}
        with pytest.raises(InstructionUnusable, match="import the instruction file again"):
            restored.tally(CONTEST_ID)
        assert [r.action for r in restored.audit_rows(operator=UPGRADE_OPERATOR)] == [LOST_ACTION]
        assert restored.audit_rows(action="backup.restore")[-1].after["upgraded"]["instruction_copies"] == []
        assert verify_count(restored).ok
        import_round2_instruction(restored, issued)
        holds_the_figures_and_the_instruction(restored, issued)
    finally:
        restored.close()


def test_an_older_count_file_beside_the_target_is_kept_aside_not_overwritten(session, stick, issued):
    """The count being replaced was itself upgraded from an older countdesk and still has its own
    instruction file beside it, under the name the restore's copy takes: it is kept aside with it."""
    backup = older_backup(session, stick, issued, copy=issued.read_bytes())
    own = session.path.with_name(f"{session.path.name}.round2-{CONTEST_ID}.json")
    own.write_bytes(b"what this count's older self kept")
    restored = restore_open_count(session, backup.path, PASSPHRASE, reason="back to the backup")
    try:
        holds_the_figures_and_the_instruction(restored, issued)
        kept = restored.audit_rows(action="backup.restore")[-1].after["replaced"]["file"]
    finally:
        restored.close()
    assert not own.exists()
    assert own.with_name(f"{kept}.round2-{CONTEST_ID}.json").read_bytes() == b"what this count's older self kept"


def test_a_backup_made_by_a_newer_countdesk_is_refused_in_words_and_nothing_changes(session, stick):
    backup = backup_now(session, stick, now=NIGHT + minutes(5))
    as_newer_countdesk_wrote_it(backup.path)
    check = check_backup(backup.path)
    assert not check.ok
    assert check.problem == (f"{backup.path.name} was written by a newer version of countdesk (schema "
                             "m0099_from_a_later_release): this version cannot use it; use that version")
    assert find_good_backups(session.path, stick) == []
    assert [(b.path, why) for b, why in find_unusable_backups(session.path, stick)] == [(backup.path, check.problem)]
    path, before = session.path, session.load()
    with pytest.raises(CountdeskError, match="cannot be restored: .*newer version of countdesk"):
        restore_open_count(session, backup.path, PASSPHRASE, reason="try it")
    assert not session.closed and session.load() == before
    session.close()
    with pytest.raises(CountdeskError, match="cannot be restored: .*newer version of countdesk"):
        restore_damaged_count(path, backup.path, "Alice", PASSPHRASE, reason="try it")
    assert not any(".replaced-" in p.name for p in path.parent.iterdir())
    with CountSession.open(path, "Auditor", read_only=True) as unchanged:
        assert unchanged.load() == before and unchanged.tally(CONTEST_ID).non_transferable == 15


def test_the_restore_dialog_offers_an_older_backup_for_a_damaged_count_and_restores_it_from_the_keyboard(
        qtbot, session, stick, issued):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from countdesk.gui.dialogs.restore_dialog import RestoreDialog

    backup = older_backup(session, stick, issued, copy=issued.read_bytes())
    newer = backup_now(session, stick, now=NIGHT + minutes(5))
    as_newer_countdesk_wrote_it(newer.path)
    path = session.path
    for n in range(100):
        session.set_up.add_contest(small_sv(f"extra.{n}"))
    session.close()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    dialog = RestoreDialog.for_damaged_count(path, "Alice", backup_dir=stick)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert dialog.chosen_backup() == backup.path  # the older one is good; the newer one is not offered
    assert dialog.unusable.count() == 1 and "newer version of countdesk" in dialog.unusable.item(0).text()
    dialog.passphrase_edit.setFocus()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    with dialog.restored_session as restored:
        assert not restored.read_only and schema(path) == migration_names()
        holds_the_figures_and_the_instruction(restored, issued)
        assert restored.audit_rows(action="backup.restore")[-1].reason.startswith("the count file was damaged")

"""The round-2 instruction kept in the count (store/instructions.py, migration m0006): written with
its audit row in one transaction on both backends, gone with its contest, and moved in from the file
an older countdesk kept beside the count only when that file is the one the audit trail recorded."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace

import pytest
from sqlite_utils import Database
from store_builders import ELECTION, actor, sv_contest

from countdesk.errors import CountdeskError
from countdesk.store.audit import append_audit, audit_rows, verify_audit_chain
from countdesk.store.contests import add_contest, remove_contest, save_election
from countdesk.store.database import CountDatabase, open_database
from countdesk.store.instructions import (
    IMPORT_ACTION,
    LOST_ACTION,
    replayed_record,
    save_instruction,
    stored_instruction,
    stored_instructions,
)
from countdesk.store.migrations import UPGRADE_OPERATOR, apply_migrations

ISSUED = '{"format": "countdesk-round2/1", "contest_id": "mayor.testshire", "finalists": ["ash-a", "birch-b"]}\n'
CORRECTED = ISSUED.replace('"ash-a", "birch-b"', '"birch-b", "cedar-c"')
OTHER = "mayor.other"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.fixture
def area(cdb):
    who = actor()
    save_election(cdb, who, ELECTION)
    add_contest(cdb, who, sv_contest())
    return cdb


def test_an_instruction_and_its_audit_row_are_written_together_and_read_back(area):
    row = save_instruction(area, actor("Area Clerk"), "mayor.testshire", ISSUED, ("ash-a", "birch-b"),
                           "round2-issued.json", audit_after={"found": None, "replaced": None})
    stored = stored_instruction(area, "mayor.testshire")
    assert stored.held and stored.content == ISSUED and stored.sha256 == sha(ISSUED)
    assert stored.finalists == ("ash-a", "birch-b") and stored.source == "round2-issued.json"
    assert (stored.imported_by, stored.imported_at) == ("Area Clerk", row.at)
    last = audit_rows(area.db)[-1]
    assert last == row and last.action == IMPORT_ACTION and last.contest_id == "mayor.testshire"
    assert last.after == {"found": None, "replaced": None, "finalists": ["ash-a", "birch-b"],
                          "file": "round2-issued.json", "sha256": sha(ISSUED)}
    assert replayed_record(last) == stored.record()


def test_a_later_instruction_replaces_the_earlier_one(area):
    save_instruction(area, actor(), "mayor.testshire", ISSUED, ("ash-a", "birch-b"), "a.json", audit_after={})
    save_instruction(area, actor("Bob"), "mayor.testshire", CORRECTED, ("birch-b", "cedar-c"), "b.json",
                     audit_after={}, reason="the sum was corrected")
    assert list(stored_instructions(area)) == ["mayor.testshire"]
    stored = stored_instruction(area, "mayor.testshire")
    assert stored.content == CORRECTED and stored.finalists == ("birch-b", "cedar-c") and stored.imported_by == "Bob"
    assert [r.reason for r in audit_rows(area.db, action=IMPORT_ACTION)] == [None, "the sum was corrected"]
    assert verify_audit_chain(area.db).ok


def test_an_instruction_for_no_contest_is_refused_with_no_audit_row(area):
    before = audit_rows(area.db)
    with pytest.raises(CountdeskError, match="(?i)foreign key"):
        save_instruction(area, actor(), "no.such.contest", ISSUED, ("ash-a", "birch-b"), "a.json", audit_after={})
    assert audit_rows(area.db) == before and stored_instructions(area) == {}


def test_removing_the_contest_removes_its_instruction(area):
    save_instruction(area, actor(), "mayor.testshire", ISSUED, ("ash-a", "birch-b"), "a.json", audit_after={})
    remove_contest(area, actor(), "mayor.testshire", reason="set up again")
    assert stored_instructions(area) == {}


# The upgrade from a count that kept its instructions beside the count file ----------------------

def _old_area(path, imports: dict[str, str]) -> None:
    """A count at m0005 whose trail records an import per contest, of the given text."""
    conn = sqlite3.connect(path)
    db = Database(conn)
    apply_migrations(db, stop_before="m0006_round2_instruction")
    cdb = CountDatabase(db, path, read_only=False)
    who = actor("Area Clerk")
    save_election(cdb, who, ELECTION)
    add_contest(cdb, who, sv_contest())
    add_contest(cdb, who, replace(sv_contest(), id=OTHER, title="Another mayor"))
    with db.atomic():
        for contest_id, text in imports.items():
            append_audit(db, who, IMPORT_ACTION, "contest", contest_id=contest_id, key=contest_id, after={
                "finalists": ["ash-a", "birch-b"], "file": "round2-issued.json", "sha256": sha(text),
                "issued_at": "2021-05-07T16:05:00+01:00", "issued_by": "CARO", "replaced": None, "found": None})
    conn.close()


def _side_file(path, contest_id: str):
    return path.with_name(f"{path.name}.round2-{contest_id}.json")


def test_the_upgrade_moves_in_the_recorded_file_and_records_a_lost_or_altered_one(tmp_path):
    path = tmp_path / "area.countdesk"
    _old_area(path, {"mayor.testshire": ISSUED, OTHER: ISSUED.replace("mayor.testshire", OTHER)})
    _side_file(path, "mayor.testshire").write_text(ISSUED, encoding="utf-8")
    _side_file(path, OTHER).write_text(CORRECTED, encoding="utf-8")  # not what the trail recorded
    stray = path.with_name(f"{path.name}.round2-stray.json")
    stray.write_text(CORRECTED, encoding="utf-8")

    upgraded = open_database(path)
    try:
        held, lost = stored_instruction(upgraded, "mayor.testshire"), stored_instruction(upgraded, OTHER)
        assert held.held and held.content == ISSUED and held.finalists == ("ash-a", "birch-b")
        assert (held.source, held.imported_by) == ("round2-issued.json", UPGRADE_OPERATOR)
        assert not lost.held and lost.sha256 == sha(ISSUED.replace("mayor.testshire", OTHER))
        rows = [r for r in audit_rows(upgraded.db) if r.operator == UPGRADE_OPERATOR]
        assert [(r.action, r.contest_id) for r in rows] == [(IMPORT_ACTION, "mayor.testshire"), (LOST_ACTION, OTHER)]
        assert rows[0].after["moved_from"] == _side_file(path, "mayor.testshire").name
        assert "moved into the count" in rows[0].reason and "imported again" in rows[1].reason
        assert [replayed_record(r) for r in rows] == [held.record(), lost.record()]
        assert verify_audit_chain(upgraded.db).ok
    finally:
        upgraded.close()
    # The files are left where they were (nothing is deleted); opening again changes nothing.
    assert stray.read_text(encoding="utf-8") == CORRECTED and _side_file(path, OTHER).exists()
    again = open_database(path)
    try:
        assert len([r for r in audit_rows(again.db) if r.operator == UPGRADE_OPERATOR]) == 2
    finally:
        again.close()


def test_an_old_count_without_instructions_upgrades_with_nothing_recorded(tmp_path):
    path = tmp_path / "area.countdesk"
    _old_area(path, {})
    _side_file(path, "mayor.testshire").write_text(ISSUED, encoding="utf-8")  # no recorded import: ignored
    upgraded = open_database(path)
    try:
        assert stored_instructions(upgraded) == {}
        assert [r for r in audit_rows(upgraded.db) if r.operator == UPGRADE_OPERATOR] == []
    finally:
        upgraded.close()

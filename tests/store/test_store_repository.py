"""Domain objects in, the same domain objects out; every write with its audit row."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_builders import ELECTION, actor, fptp_ward, sv_contest

from countdesk.domain.model import Box, Count, CountSheet, frozen_map
from countdesk.errors import CountdeskError, ValidationError
from countdesk.store.audit import audit_rows, verify_audit_chain
from countdesk.store.contests import add_contest, remove_contest, save_election, update_box
from countdesk.store.repository import Stage, contest_states, load_contest, load_count
from countdesk.store.sheets import add_lot, delete_sheet, save_sheet

CHILD_TABLES = ("candidate", "box", "count_sheet", "sheet_vote", "sheet_rejected", "accepted_difference",
                "lot", "lot_candidate", "keying", "round2_instruction")


@pytest.fixture
def filled(cdb):
    who = actor()
    save_election(cdb, who, ELECTION)
    add_contest(cdb, who, sv_contest())
    add_contest(cdb, who, fptp_ward())
    return cdb


def test_a_count_comes_back_exactly_as_it_went_in(filled):
    assert load_count(filled) == Count(ELECTION, (sv_contest(), fptp_ward()))
    assert load_contest(filled, "ward.north") == fptp_ward()


def test_stage_and_candidate_order_are_summarised_without_loading_figures(filled):
    states = contest_states(filled)
    assert list(states) == ["mayor.testshire", "ward.north"]
    assert states["mayor.testshire"].candidate_ids == ("ash-a", "birch-b", "cedar-c")
    assert states["mayor.testshire"].stage is Stage.COUNT and not states["mayor.testshire"].double_entry


def test_replacing_a_sheet_keeps_its_place_and_audits_before_and_after(filled):
    corrected = CountSheet("T1", 1, frozen_map({"ash-a": 51, "birch-b": 44, "cedar-c": 20}),
                           frozen_map({"unmarked": 3, "void_for_uncertainty": 1}))
    before = save_sheet(filled, actor("Bob"), "mayor.testshire", corrected, reason="misread 51 as 50",
                        action="sheet.replace")
    assert before == sv_contest().count_sheets[0]
    sheets = load_contest(filled, "mayor.testshire").count_sheets
    assert [s.id for s in sheets] == ["T1", "T2", "T1-R2"] and sheets[0] == corrected
    row = audit_rows(filled.db)[-1]
    assert (row.action, row.operator, row.contest_id, row.key, row.reason) == (
        "sheet.replace", "Bob", "mayor.testshire", "T1", "misread 51 as 50")
    assert row.before["votes"]["ash-a"] == 50 and row.after["votes"]["ash-a"] == 51


def test_a_new_sheet_goes_last(filled):
    extra = CountSheet("T3", 1, frozen_map({"ash-a": 1, "birch-b": 2, "cedar-c": 3}))
    assert save_sheet(filled, actor(), "mayor.testshire", extra) is None
    assert load_contest(filled, "mayor.testshire").count_sheets[-1] == extra
    assert audit_rows(filled.db)[-1].before is None


def test_deleting_a_missing_sheet_writes_nothing(filled):
    rows = len(audit_rows(filled.db))
    with pytest.raises(ValidationError, match='no count sheet "T9"'):
        delete_sheet(filled, actor(), "mayor.testshire", "T9", reason="mistake")
    assert len(audit_rows(filled.db)) == rows


def test_deleting_a_sheet_removes_its_figures_and_keeps_them_in_the_audit(filled):
    delete_sheet(filled, actor(), "mayor.testshire", "T1-R2", reason="keyed against the wrong contest")
    assert [s.id for s in load_contest(filled, "mayor.testshire").count_sheets] == ["T1", "T2"]
    assert filled.db.execute("SELECT count(*) FROM count_sheet WHERE id = 'T1-R2'").fetchone()[0] == 0
    row = audit_rows(filled.db)[-1]
    assert row.action == "sheet.delete" and row.before["non_transferable"] == 13 and row.after is None


def test_removing_a_contest_leaves_no_orphan_rows(filled):
    removed = remove_contest(filled, actor(), "ward.north", reason="entered twice")
    assert removed == fptp_ward()
    for table in CHILD_TABLES:
        n = filled.db.execute(f"SELECT count(*) FROM {table} WHERE contest_id = 'ward.north'").fetchone()[0]
        assert n == 0, table
    assert audit_rows(filled.db)[-1].before["lots"][0]["winners"] == ["f"]
    assert load_count(filled).contests == (sv_contest(),)


def test_a_lot_and_a_box_update_are_audited(filled):
    number = add_lot(filled, actor(), "ward.north", fptp_ward().lots[0])
    assert number == 2
    update_box(filled, actor(), "mayor.testshire", Box("B2", "Hall 2", False, 50, 50), action="box.verify")
    assert load_contest(filled, "mayor.testshire").boxes[2].verified == 50
    actions = [r.action for r in audit_rows(filled.db)]
    assert actions[-2:] == ["lot.record", "box.verify"]
    assert verify_audit_chain(filled.db).ok


def test_loading_an_unknown_contest_is_an_error(filled):
    with pytest.raises(CountdeskError, match='no contest "nope"'):
        load_contest(filled, "nope")


def test_election_changes_are_audited_only_when_something_changed(filled):
    rows = len(audit_rows(filled.db))
    save_election(filled, actor(), ELECTION)
    assert len(audit_rows(filled.db)) == rows
    save_election(filled, actor(), replace(ELECTION, title="Local elections 2021"))
    row = audit_rows(filled.db)[-1]
    assert row.action == "election.update" and row.before["title"] == "Local elections"
    assert load_count(filled).election.title == "Local elections 2021"

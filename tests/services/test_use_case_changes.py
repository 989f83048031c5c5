"""Every use case returns a Change built from what it committed: the ids the store wrote, the
parts that moved (a stage advanced as a side effect included) and the last audit row's id."""

from __future__ import annotations

from dataclasses import replace

from session_builders import CONTEST_ID, ELECTION, r1

from countdesk.domain.model import Box, Candidate, Lot
from countdesk.services import NO_CHANGE, KeyingStatus, SetUpPart

C = CONTEST_ID
PASSPHRASE = "correct horse battery"


def last_row(session):
    return session.audit_rows()[-1]


def test_sheets_say_added_changed_removed_and_the_stage_they_moved(session):
    session.verification.verify(C, "B1", 100, None)
    first = session.sheets.confirm(C, r1("T1", 50, 40, 10))
    assert (first.contest_id, first.sheets_added, first.sheets_changed, first.stage) == (C, ("T1",), (), True)
    assert first.audit_id == last_row(session).id and last_row(session).action == "contest.stage"
    second = session.sheets.confirm(C, r1("T2", 0, 0, 0))
    assert second.sheets_added == ("T2",) and not second.stage  # already at the count stage
    corrected = session.sheets.confirm(C, r1("T1", 49, 40, 10), reason="misread")
    assert corrected.sheets_changed == ("T1",) and not corrected.sheets_added
    assert corrected.audit_id == last_row(session).id and last_row(session).action == "sheet.replace"
    removed = session.sheets.delete(C, "T2", reason="keyed twice")
    assert removed.sheets_removed == ("T2",) and removed.audit_id == last_row(session).id
    assert removed.figures and not removed.setup


def test_lots_boxes_and_stages(session):
    verified = session.verification.verify(C, "P1", 60, "all there")
    assert verified.boxes_changed == ("P1",) and verified.stage and not verified.setup
    cleared = session.verification.verify(C, "P1", None, None, reason="miscounted")
    assert cleared.boxes_changed == ("P1",) and not cleared.stage and cleared.audit_id == last_row(session).id
    lot = Lot(("a", "b"), ("a",), "Returning Officer", "2021-05-07T03:00:00+00:00", "the agents")
    recorded = session.lots.record(C, lot)
    assert recorded.lots and recorded.stage  # the first entry of the count stage
    withdrawn = session.lots.withdraw(C, 0, reason="drawn too early")
    assert withdrawn.lots and not withdrawn.stage and withdrawn.audit_id == last_row(session).id
    assert session.declaring.set_stage(C, session.declaring.stage(C)) is NO_CHANGE


def test_set_up_edits_name_their_part(session):
    election = session.set_up.update_election(replace(ELECTION, returning_officer="Pat Officer"))
    assert (election.contest_id, election.setup) == (None, {SetUpPart.ELECTION})
    contest = session.set_up.update_contest(C, title="Mayor of Testshire (corrected)")
    assert contest.setup == {SetUpPart.CONTEST} and contest.contest_id == C
    added = session.set_up.add_candidate(C, Candidate("d", "Di DAY"))
    assert added.setup == {SetUpPart.CANDIDATES} and added.audit_id == last_row(session).id
    assert session.set_up.reorder_candidates(C, ["a", "b", "c", "d"], reason="no change") is NO_CHANGE
    reordered = session.set_up.reorder_candidates(C, ["d", "a", "b", "c"], reason="the nomination statement's order")
    assert reordered.setup == {SetUpPart.CANDIDATES}
    assert session.set_up.remove_candidate(C, "d").setup == {SetUpPart.CANDIDATES}
    box = session.set_up.add_box(C, Box("B2", "School", False, 40))
    assert box.boxes_changed == ("B2",) and box.setup == {SetUpPart.BOXES}
    assert session.set_up.remove_box(C, "B2").boxes_changed == ("B2",)
    assert session.double_entry.set_enabled(C, True).setup == {SetUpPart.CONTEST}
    assert session.double_entry.set_enabled(C, True) is NO_CHANGE
    passphrase = session.passphrase.set(PASSPHRASE)
    assert passphrase.setup == {SetUpPart.PASSPHRASE} and not passphrase.figures
    removed = session.set_up.remove_contest(C)
    assert (removed.contest_id, removed.setup) == (C, {SetUpPart.CONTESTS})
    assert removed.audit_id == last_row(session).id


def test_declare_unlock_operator_and_import(session):
    session.passphrase.set(PASSPHRASE)
    session.verification.verify(C, "B1", 100, None)
    session.verification.verify(C, "P1", 60, None)
    session.sheets.confirm(C, r1("T1", 90, 50, 20))
    declared = session.declaring.declare(C, PASSPHRASE)
    assert declared.declaration and declared.stage and declared.audit_id == last_row(session).id
    unlocked = session.declaring.unlock(C, PASSPHRASE, reason="a recount")
    assert unlocked.declaration and unlocked.audit_id == last_row(session).id
    handed = session.change_operator("Bob")
    assert handed.operator and handed.contest_id is None and handed.audit_id == last_row(session).id
    assert last_row(session).operator == "Bob"
    assert session.change_operator("Bob") is NO_CHANGE
    imported = session.import_count(session.load(), replace=True)
    assert imported.whole_count and imported.audit_id == last_row(session).id


def test_double_entry_keyings_and_the_sheet_they_record(session):
    session.double_entry.set_enabled(C, True)
    held = session.double_entry.submit(C, r1("T1", 50, 40, 10))
    assert held.status is KeyingStatus.HELD and held.change.keyings and not held.change.sheets
    session.change_operator("Bob")
    agreed = session.double_entry.submit(C, r1("T1", 50, 40, 10))
    assert agreed.status is KeyingStatus.ACCEPTED
    assert agreed.change.sheets_added == ("T1",) and agreed.change.keyings and agreed.change.stage
    assert agreed.change.audit_id == last_row(session).id
    session.double_entry.submit(C, r1("T2", 1, 0, 0))
    session.change_operator("Alice")
    disputed = session.double_entry.submit(C, r1("T2", 0, 1, 0))
    assert disputed.status is KeyingStatus.DISAGREEMENT and disputed.change.keyings
    session.change_operator("Carol")
    settled = session.double_entry.resolve(C, r1("T2", 1, 0, 0), reason="the paper says a")
    assert settled.sheets_added == ("T2",) and settled.keyings and settled.audit_id == last_row(session).id
    session.double_entry.submit(C, r1("T3", 1, 0, 0))
    dropped = session.double_entry.discard(C, "T3", reason="wrong sheet id")
    assert dropped.keyings and not dropped.sheets


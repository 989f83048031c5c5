"""Entering a count: each write audited with before and after in its own transaction; each refusal
writes nothing and names the field at fault."""

from __future__ import annotations

from dataclasses import replace

import pytest
from session_builders import CONTEST_ID, audit_size, r1, r2, small_sv

from countdesk.domain.model import Box, Candidate, Contest, CountSheet, Lot, VotingSystem, frozen_map
from countdesk.errors import CountdeskError, ValidationError
from countdesk.services import KEEP, CountSession
from countdesk.store import sheets as store_sheets

C = CONTEST_ID


def test_a_saved_sheet_is_audited_with_its_figures_and_operator(session):
    session.sheets.confirm(C, r1("T1", 50, 40, 10, unmarked=2))
    row, stage = session.audit_rows()[-2:]
    # The first sheet also moves the contest to the count stage, in the same transaction.
    assert (stage.action, stage.before, stage.after) == ("contest.stage", {"stage": "setup"}, {"stage": "count"})
    assert (row.action, row.operator, row.entity, row.contest_id, row.key) == (
        "sheet.save", "Alice", "count_sheet", C, "T1")
    assert row.before is None
    assert row.after == {"id": "T1", "round": 1, "votes": {"a": 50, "b": 40, "c": 10}, "rejected": {"unmarked": 2}}
    assert session.load().contest(C).count_sheets == (r1("T1", 50, 40, 10, unmarked=2),)


def test_replacing_a_sheet_needs_a_reason_and_records_both_versions(session):
    session.sheets.confirm(C, r1("T1", 50, 40, 10))
    rows = audit_size(session)
    with pytest.raises(ValidationError, match="reason is required") as refused:
        session.sheets.confirm(C, r1("T1", 51, 40, 10))
    assert refused.value.where == f"contests[{C}].count_sheets[T1].reason"
    assert audit_size(session) == rows
    session.sheets.confirm(C, r1("T1", 51, 40, 10), reason="table 1 recount")
    row = session.audit_rows()[-1]
    assert row.action == "sheet.replace" and row.reason == "table 1 recount"
    assert (row.before["votes"]["a"], row.after["votes"]["a"]) == (50, 51)


def test_undo_appends_a_compensating_row_and_never_removes_history(session):
    session.sheets.confirm(C, r1("T1", 50, 40, 10))
    session.sheets.delete(C, "T1", reason="undo: Enter sheet T1")
    rows = session.audit_rows(action="sheet.")
    assert [r.action for r in rows] == ["sheet.save", "sheet.delete"]
    assert rows[1].before == rows[0].after and rows[1].after is None
    assert session.load().contest(C).count_sheets == ()
    assert session.verify_audit().ok


def test_a_failure_in_the_middle_of_a_write_leaves_no_sheet_and_no_audit_row(session, monkeypatch):
    rows = audit_size(session)

    def figures_then_crash(db, contest_id, sheet):
        real_insert_figures(db, contest_id, sheet)
        raise OSError("the disk went away")

    real_insert_figures = store_sheets.insert_figures
    monkeypatch.setattr(store_sheets, "insert_figures", figures_then_crash)
    with pytest.raises(OSError):
        session.sheets.confirm(C, r1("T1", 50, 40, 10))
    monkeypatch.undo()

    def audit_fails(*args, **kwargs):
        raise OSError("audit could not be written")

    monkeypatch.setattr(store_sheets, "append_audit", audit_fails)
    with pytest.raises(OSError):
        session.sheets.confirm(C, r1("T2", 5, 4, 1))
    monkeypatch.undo()

    assert session.load().contest(C).count_sheets == ()
    assert audit_size(session) == rows
    for table in ("count_sheet", "sheet_vote", "sheet_rejected"):
        assert session._core.store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def _refusals():
    """(call, where, words of the message): each must be refused and write nothing."""
    W = f"contests[{C}]"
    return [
        (lambda s: s.sheets.confirm(C, r1("T1", -1, 40, 10)), f"{W}.count_sheets[T1].votes.a", "negative"),
        (lambda s: s.sheets.confirm(C, r1("T1", 2.5, 40, 10)), f"{W}.count_sheets[T1].votes.a", "whole number"),
        (lambda s: s.sheets.confirm(C, r1("T1", True, 40, 10)), f"{W}.count_sheets[T1].votes.a", "whole number"),
        (lambda s: s.sheets.confirm(C, CountSheet("T1", 1, frozen_map({"a": 1, "b": 2}))),
         f"{W}.count_sheets[T1].votes", "missing c"),
        (lambda s: s.sheets.confirm(C, CountSheet("T1", 1, frozen_map({"a": 1, "b": 2, "c": 3, "z": 4}))),
         f"{W}.count_sheets[T1].votes", 'unknown candidate "z"'),
        (lambda s: s.sheets.confirm(C, r1("T1", 1, 2, 3, spoilt=1)), f"{W}.count_sheets[T1].rejected",
         'unknown rejected-paper head "spoilt"'),
        (lambda s: s.sheets.confirm(C, r1("T 1", 1, 2, 3)), f"{W}.count_sheets[T 1].id", "letters, digits"),
        (lambda s: s.sheets.confirm(C, CountSheet("T1", 3, frozen_map({"a": 1, "b": 2, "c": 3}))),
         f"{W}.count_sheets[T1].round", "round 1 or round 2"),
        (lambda s: s.sheets.confirm(C, replace(r2("R2", 3, 4, 1), second_rejected=2)),
         f"{W}.count_sheets[R2].second_rejected", "more than the 1 non-transferable"),
        (lambda s: s.sheets.confirm(C, replace(r2("R2", 3, 4, 1), rejected=frozen_map({"unmarked": 1}))),
         f"{W}.count_sheets[R2].rejected", "first-round sheets"),
        (lambda s: s.sheets.confirm("mayor.nowhere", r1("T1", 1, 2, 3)), "contests[mayor.nowhere]", "no contest"),
        (lambda s: s.set_up.add_contest(replace(small_sv(), id="m2", seats=2)), "contests[m2].seats",
         "elects one candidate, not 2"),
        (lambda s: s.set_up.add_contest(replace(small_sv(), system="stv")), f"{W}.system", "unknown voting system"),
        (lambda s: s.set_up.add_contest(small_sv()), W, "already a contest"),
        (lambda s: s.lots.record(C, Lot(("a", "b"), ("c",), "RO", "2021-05-07T02:00:00+01:00")),
         f"{W}.lots.winners", "among the tied"),
        (lambda s: s.lots.record(C, Lot(("a", "b"), ("a",), "", "2021-05-07T02:00:00+01:00")),
         f"{W}.lots.drawn_by", "who drew the lot"),
        (lambda s: s.lots.record(C, Lot(("a", "b"), ("a",), "RO", "after tea")), f"{W}.lots.drawn_at",
         "not an ISO date"),
        (lambda s: s.verification.verify(C, "B1", -3, None), f"{W}.boxes[B1].verified", "negative"),
        (lambda s: s.verification.verify(C, "B9", 10, None), f"{W}.boxes[B9]", 'no box "B9"'),
        (lambda s: s.set_up.add_box(C, Box("B1", "again")), f"{W}.boxes[B1]", "already a box"),
        (lambda s: s.set_up.add_candidate(C, Candidate("d", "  ")), f"{W}.candidates[d].name", "name must be given"),
        (lambda s: s.set_up.add_candidate(C, Candidate("d", "Di DEAN"), position=9), f"{W}.candidates.position",
         "outside 1..4"),
        (lambda s: s.set_up.reorder_candidates(C, ["a", "b"], reason="nomination papers"), f"{W}.candidates",
         "every candidate exactly once"),
        (lambda s: s.set_up.reorder_candidates(C, ["c", "b", "a"], reason=" "), f"{W}.candidates.reason",
         "a reason is required"),
        (lambda s: s.set_up.update_contest(C, seats=0), f"{W}.seats", "at least one seat"),
        (lambda s: s.sheets.delete(C, "T1", reason="  "), f"{W}.count_sheets[T1].reason", "reason is required"),
    ]


@pytest.mark.parametrize("call, where, words", _refusals())
def test_a_refused_call_writes_nothing_and_says_where(session, call, where, words):
    before, rows = session.load(), audit_size(session)
    with pytest.raises(ValidationError) as refused:
        call(session)
    assert refused.value.where == where
    assert words in refused.value.message
    assert str(refused.value) == f"{where}: {refused.value.message}"
    assert session.load() == before and audit_size(session) == rows


def test_an_fptp_ward_needs_papers_per_sheet_and_has_no_second_round(session):
    ward = Contest("ward.x", "X ward", VotingSystem.FPTP, 2, (Candidate("p", "P"), Candidate("q", "Q"),
                                                              Candidate("r", "R")), (Box("B1", verified=12),))
    session.set_up.add_contest(ward)
    votes = frozen_map({"p": 10, "q": 8, "r": 4})
    with pytest.raises(ValidationError, match="needs the number of papers"):
        session.sheets.confirm("ward.x", CountSheet("W1", 1, votes))
    with pytest.raises(ValidationError, match="only a supplementary vote count has a second round"):
        session.sheets.confirm("ward.x", CountSheet("W2", 2, votes))
    session.sheets.confirm("ward.x", CountSheet("W1", 1, votes, papers=12, rejected_in_part=1))
    assert session.tally("ward.x").elected == ("p", "q")


def test_verification_is_recorded_and_a_change_needs_a_reason(session):
    session.verification.verify(C, "B1", 99, "one paper found in P1")
    with pytest.raises(ValidationError, match="already has 99 papers verified"):
        session.verification.verify(C, "B1", 100, None)
    session.verification.verify(C, "B1", 100, None, reason="recounted twice")
    rows = session.audit_rows(action="box.verify")
    assert [(r.before["verified"], r.after["verified"]) for r in rows] == [(None, 99), (99, 100)]
    assert rows[1].reason == "recounted twice" and rows[0].after["note"] == "one paper found in P1"
    with pytest.raises(ValidationError, match="has been verified"):
        session.set_up.remove_box(C, "B1")
    session.set_up.remove_box(C, "P1")
    assert [b.id for b in session.load().contest(C).boxes] == ["B1"]


def test_candidates_are_fixed_once_sheets_exist_but_may_be_reordered(session):
    session.set_up.add_candidate(C, Candidate("d", "Di DEAN"), position=1)
    assert session.contest_state(C).candidate_ids == ("d", "a", "b", "c")
    session.set_up.remove_candidate(C, "d")
    session.sheets.confirm(C, r1("T1", 5, 4, 3))
    with pytest.raises(ValidationError, match="cannot be added once count sheets"):
        session.set_up.add_candidate(C, Candidate("d", "Di DEAN"))
    with pytest.raises(ValidationError, match="cannot be removed once count sheets"):
        session.set_up.remove_candidate(C, "c")
    session.set_up.reorder_candidates(C, ["c", "b", "a"], reason="the statement of persons nominated lists C first")
    contest = session.load().contest(C)
    assert contest.candidate_ids == ("c", "b", "a")
    row = session.audit_rows(action="candidate.reorder")[-1]
    assert row.reason == "the statement of persons nominated lists C first"
    assert (row.before, row.after) == ({"candidates": ["a", "b", "c"]}, {"candidates": ["c", "b", "a"]})
    assert dict(contest.count_sheets[0].votes) == {"a": 5, "b": 4, "c": 3}  # figures stay with their names
    session.set_up.update_candidate(C, Candidate("a", "Ann ARCHER-SMITH", "Red"))
    assert session.load().contest(C).candidate("a").name == "Ann ARCHER-SMITH"


def test_contest_details_change_only_while_the_sheets_stay_valid(session):
    session.verification.verify(C, "B1", 12, "a test count of 12 papers")
    session.verification.verify(C, "P1", 0, "no postal papers")
    session.sheets.confirm(C, r1("T1", 5, 4, 3))
    session.sheets.confirm(C, r2("R2", 1, 1, 1))  # c's 3 papers
    with pytest.raises(ValidationError, match="only a supplementary vote count has a second round"):
        session.set_up.update_contest(C, system=VotingSystem.FPTP)
    session.set_up.update_contest(C, title="Mayor of Testshire (by-election)", electorate=KEEP)
    session.set_up.update_contest(C, electorate=None)
    contest = session.load().contest(C)
    assert contest.title == "Mayor of Testshire (by-election)" and contest.electorate is None
    row = session.audit_rows(action="contest.update")[-1]
    assert row.before["electorate"] == 500 and row.after["electorate"] is None


def test_removing_a_contest_with_figures_needs_a_reason(session):
    session.sheets.confirm(C, r1("T1", 5, 4, 3))
    with pytest.raises(ValidationError, match="1 count sheets"):
        session.set_up.remove_contest(C)
    session.set_up.remove_contest(C, reason="wrong election file")
    assert session.contest_states() == [] and session.load().contests == ()
    assert session.audit_rows()[-1].before["count_sheets"][0]["id"] == "T1"


def test_lots_are_recorded_and_withdrawn(session):
    lot = Lot(("a", "b"), ("b",), "Returning Officer", "2021-05-07T03:10:00+01:00", "agents of a and b")
    session.lots.record(C, lot)
    assert session.load().contest(C).lots == (lot,)
    session.lots.withdraw(C, lot.tied, reason="undo: Record lot")
    assert session.load().contest(C).lots == ()
    assert [r.action for r in session.audit_rows(entity="lot")] == ["lot.record", "lot.delete"]


def test_a_read_only_session_refuses_writes_but_reads(session, count_path):
    session.sheets.confirm(C, r1("T1", 5, 4, 3))
    with CountSession.open(count_path, "Observer", read_only=True) as ro:
        assert ro.read_only and ro.load() == session.load()
        assert ro.lock_holder.operator == "Alice"
        with pytest.raises(CountdeskError, match="read-only"):
            ro.sheets.confirm(C, r1("T2", 1, 1, 1))
        assert ro.tally(C).first["a"] == 5


def test_a_closed_session_refuses_everything(session):
    session.close()
    session.close()
    with pytest.raises(CountdeskError, match="closed"):
        session.load()
    with pytest.raises(CountdeskError, match="closed"):
        session.sheets.confirm(C, r1("T1", 1, 1, 1))

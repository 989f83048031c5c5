"""Double entry: held, compared with a second operator's keying, accepted or settled by a supervisor."""

from __future__ import annotations

import pytest
from session_builders import CONTEST_ID, audit_size, r1

from countdesk.errors import CountdeskError, ValidationError
from countdesk.services import FieldDifference, KeyingStatus
from countdesk.services.double_entry import sheet_differences

C = CONTEST_ID


@pytest.fixture
def de_session(session):
    session.double_entry.set_enabled(C, True)
    return session


def test_two_operators_keying_the_same_figures_accept_the_sheet(de_session):
    s = de_session
    first = s.double_entry.submit(C, r1("T1", 50, 40, 10, unmarked=2))
    assert first.status is KeyingStatus.HELD
    assert s.load().contest(C).count_sheets == ()  # not in the count until agreed
    [pending] = s.double_entry.pending(C)
    assert (pending.sheet_id, pending.first_operator, pending.disputed) == ("T1", "Alice", False)

    with pytest.raises(ValidationError, match="must be by a different operator"):
        s.double_entry.submit(C, r1("T1", 50, 40, 10, unmarked=2))

    s.change_operator("Bob")
    second = s.double_entry.submit(C, r1("T1", 50, 40, 10, unmarked=2, identifiable=0))  # a 0 head = left out
    assert second.status is KeyingStatus.ACCEPTED and second.disagreement is None
    assert s.load().contest(C).count_sheets == (r1("T1", 50, 40, 10, unmarked=2),)
    assert s.double_entry.pending() == []
    accepted = s.audit_rows(action="sheet.save")[-1]
    assert accepted.operator == "Bob" and accepted.reason == "double entry: keyed by Alice and Bob"
    assert [r.action for r in s.audit_rows(contest_id=C)][-3:] == ["keying.first", "sheet.save", "contest.stage"]
    assert s.declaring.stage(C) == "count"


def test_different_figures_become_a_disagreement_that_a_supervisor_settles(de_session):
    s = de_session
    s.double_entry.submit(C, r1("T1", 50, 45, 10, unmarked=2))
    s.change_operator("Bob")
    outcome = s.double_entry.submit(C, r1("T1", 50, 54, 10, unmarked=1))
    assert outcome.status is KeyingStatus.DISAGREEMENT
    d = outcome.disagreement
    assert (d.first_operator, d.second_operator) == ("Alice", "Bob")
    assert d.differences == (FieldDifference("votes.b", 45, 54), FieldDifference("rejected.unmarked", 2, 1))
    assert s.double_entry.disagreement(C, "T1") == d
    assert s.double_entry.pending(C)[0].disputed
    assert s.load().contest(C).count_sheets == ()

    with pytest.raises(ValidationError, match="waiting for a supervisor"):
        s.double_entry.submit(C, r1("T1", 50, 45, 10, unmarked=2))
    with pytest.raises(ValidationError, match="a supervisor who keyed neither"):
        s.double_entry.resolve(C, r1("T1", 50, 45, 10, unmarked=2), reason="checked the sheet")

    s.change_operator("Carol (supervisor)")
    with pytest.raises(ValidationError, match="reason is required"):
        s.double_entry.resolve(C, r1("T1", 50, 45, 10, unmarked=2), reason="")
    s.double_entry.resolve(C, r1("T1", 50, 45, 10, unmarked=2), reason="paper sheet says 45 and 2")
    assert s.load().contest(C).count_sheets == (r1("T1", 50, 45, 10, unmarked=2),)
    assert s.double_entry.pending() == [] and s.double_entry.disagreement(C, "T1") is None
    row = s.audit_rows(action="sheet.save")[-1]
    assert row.operator == "Carol (supervisor)"
    assert row.reason == "double entry resolved (keyed by Alice and Bob): paper sheet says 45 and 2"
    disagree = s.audit_rows(action="keying.disagree")[0]
    assert disagree.after["differences"][0] == {"field": "votes.b", "first": 45, "second": 54}


def test_single_entry_is_refused_while_double_entry_is_on(de_session):
    with pytest.raises(CountdeskError, match="uses double entry"):
        de_session.sheets.confirm(C, r1("T1", 1, 2, 3))


def test_double_entry_cannot_be_turned_off_with_keyings_waiting(de_session):
    s = de_session
    s.double_entry.submit(C, r1("T1", 1, 2, 3))
    with pytest.raises(ValidationError, match="waiting for a second keying"):
        s.double_entry.set_enabled(C, False)
    rows = audit_size(s)
    with pytest.raises(ValidationError, match="reason is required"):
        s.double_entry.discard(C, "T1", reason=" ")
    assert audit_size(s) == rows
    s.double_entry.discard(C, "T1", reason="keyed under the wrong sheet number")
    assert s.audit_rows()[-1].before[0]["operator"] == "Alice"
    s.double_entry.set_enabled(C, False)
    assert not s.contest_state(C).double_entry
    s.sheets.confirm(C, r1("T1", 1, 2, 3))


def test_re_keying_a_recorded_sheet_needs_a_reason_on_the_first_keying(de_session):
    s = de_session
    s.double_entry.submit(C, r1("T1", 1, 2, 3))
    s.change_operator("Bob")
    s.double_entry.submit(C, r1("T1", 1, 2, 3))
    with pytest.raises(ValidationError, match="already recorded"):
        s.double_entry.submit(C, r1("T1", 1, 2, 4))
    s.double_entry.submit(C, r1("T1", 1, 2, 4), reason="table 1 recount")
    s.change_operator("Alice")
    assert s.double_entry.submit(C, r1("T1", 1, 2, 4)).status is KeyingStatus.ACCEPTED
    row = s.audit_rows()[-1]
    assert row.action == "sheet.replace" and row.before["votes"]["c"] == 3 and row.after["votes"]["c"] == 4
    assert row.reason == "double entry: keyed by Bob and Alice; table 1 recount"


def test_differences_cover_every_field():
    a = r1("T", 1, 2, 3, unmarked=1)
    b = r1("T", 1, 2, 3)
    assert sheet_differences(a, a) == ()
    assert sheet_differences(a, b) == (FieldDifference("rejected.unmarked", 1, 0),)
    from dataclasses import replace

    c = replace(b, papers=7, round=2)
    assert [d.field for d in sheet_differences(b, c)] == ["round", "papers"]

"""A tamper-evident count: a forger with the sqlite3 shell (triggers dropped first) who alters,
deletes or re-hashes an audit row is named by `countdesk audit --verify`; one who changes a figure
and writes no audit row is caught by replaying the trail against the tables."""

from __future__ import annotations

import pytest
from reliability_builders import CONTEST_ID, PASSPHRASE, count_small_sv, forge, liverpool, r1, small_sv

from countdesk.cli import main
from countdesk.services import CountSession
from countdesk.services.integrity import verify_count
from countdesk.store.audit import row_hash

LIVERPOOL_ID = "mayor.liverpool.2021-05-06"


@pytest.fixture
def db(tmp_path):
    """Liverpool as published and declared, a small SV contest with two sheets, and a double-entry
    contest with one sheet keyed once."""
    path = tmp_path / "liverpool.countdesk"
    count = liverpool()
    with CountSession.create(path, "Count Supervisor", count.election) as s:
        s.import_count(count)
        s.set_up.add_contest(small_sv())
        count_small_sv(s)
        s.set_up.add_contest(small_sv("double"))
        s.double_entry.set_enabled("double", True)
        s.double_entry.submit("double", r1("K1", 5, 4, 3))  # waiting for a second operator
        s.passphrase.set(PASSPHRASE)
        s.declaring.declare(LIVERPOOL_ID, PASSPHRASE)
    return path


def audit_verify(db, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["audit", "--db", str(db), "--verify"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def row_id(db, action: str) -> int:
    with CountSession.open(db, "Auditor", read_only=True) as s:
        return s.audit_rows(action=action)[-1].id


def verdict(db):
    with CountSession.open(db, "Auditor", read_only=True) as s:
        return verify_count(s)


# The chain ----------------------------------------------------------------------------------------

def test_an_untouched_count_verifies(db, capsys):
    code, out = audit_verify(db, capsys)
    assert code == 0 and "intact" in out
    assert verdict(db).ok


def test_an_altered_row_is_named(db, capsys):
    target = row_id(db, "contest.import")
    forge(db, "UPDATE audit SET after = replace(after, '\"anderson-j\":943', '\"anderson-j\":1943') "
              f"WHERE id = {target}")
    code, out = audit_verify(db, capsys)
    assert code == 1 and f"row {target}:" in out and "altered" in out


def test_a_deleted_row_is_named(db, capsys):
    target = row_id(db, "sheet.save")
    forge(db, f"DELETE FROM audit WHERE id = {target}")
    code, out = audit_verify(db, capsys)
    assert code == 1 and f"row {target}:" in out and "missing" in out


def test_a_row_re_hashed_without_re_chaining_the_rest_is_named_at_the_next_row(db, capsys):
    target = row_id(db, "sheet.save")
    with CountSession.open(db, "Auditor", read_only=True) as s:
        row = s.audit_rows(after_id=target - 1, limit=1)[0]
    reason = "keyed by the supervisor"  # a reason the row never had, with a hash that fits it
    forged = row_hash(row.id, row.at, row.operator, row.action, row.entity, row.contest_id, row.key,
                      row.before_json, row.after_json, reason, row.prev_hash)
    forge(db, "UPDATE audit SET reason = ?, hash = ? WHERE id = ?", params=(reason, forged, target))
    code, out = audit_verify(db, capsys)
    assert code == 1 and f"row {target + 1}:" in out and "does not link" in out


def test_the_newest_row_removed_is_found_by_the_recorded_end(db, capsys):
    last = row_id(db, "contest.declare")
    forge(db, f"DELETE FROM audit WHERE id = {last}")
    code, out = audit_verify(db, capsys)
    assert code == 1 and f"row {last}:" in out and "missing from the end" in out


def test_the_last_row_re_hashed_is_found_by_the_recorded_end(db, capsys):
    last = row_id(db, "contest.declare")
    with CountSession.open(db, "Auditor", read_only=True) as s:
        row = s.audit_rows(after_id=last - 1, limit=1)[0]
    after = row.after_json.replace('"declared"', '"count"')
    forged = row_hash(row.id, row.at, row.operator, row.action, row.entity, row.contest_id, row.key,
                      row.before_json, after, row.reason, row.prev_hash)
    forge(db, "UPDATE audit SET after = ?, hash = ? WHERE id = ?", params=(after, forged, last))
    code, out = audit_verify(db, capsys)
    assert code == 1 and f"row {last}:" in out and "recorded end does not match" in out


# Figures changed with no audit row -----------------------------------------------------------------

@pytest.mark.parametrize("statement, where, said", [
    (f"UPDATE sheet_vote SET votes = 1943 WHERE contest_id = '{LIVERPOOL_ID}' AND sheet_id = 'T01-R1' "
     "AND candidate_id = 'anderson-j'",
     f"contests[{LIVERPOOL_ID}].count_sheets[T01-R1].votes.anderson-j", "the file says 1943, the audit trail says 943"),
    (f"DELETE FROM sheet_rejected WHERE contest_id = '{CONTEST_ID}' AND sheet_id = 'T1'",
     f"contests[{CONTEST_ID}].count_sheets[T1].rejected.unmarked", "the file says '(nothing)', the audit trail says 2"),
    (f"DELETE FROM count_sheet WHERE contest_id = '{CONTEST_ID}' AND id = 'R2'",
     f"contests[{CONTEST_ID}].count_sheets[R2]", "missing from the file"),
    (f"INSERT INTO box (contest_id, id, position, label, verified) VALUES ('{CONTEST_ID}', 'B9', 9, 'stuffed', 40)",
     f"contests[{CONTEST_ID}].boxes[B9]", "the audit trail never records it"),
    (f"UPDATE box SET verified = 2000 WHERE contest_id = '{LIVERPOOL_ID}' AND id = (SELECT min(id) FROM box "
     f"WHERE contest_id = '{LIVERPOOL_ID}')",
     f"contests[{LIVERPOOL_ID}].boxes[", "the file says 2000"),
    (f"UPDATE contest SET stage = 'count' WHERE id = '{LIVERPOOL_ID}'",
     f"contests[{LIVERPOOL_ID}].stage", "the file says 'count', the audit trail says 'declared'"),
    (f"UPDATE candidate SET name = 'Joanne YIP' WHERE contest_id = '{LIVERPOOL_ID}' AND id = 'anderson-j'",
     f"contests[{LIVERPOOL_ID}].candidates[anderson-j].name", "'Joanne YIP'"),
    ("UPDATE election SET title = 'Something else'", "election.title", "'Something else'"),
    ("UPDATE keying SET sheet = replace(sheet, '\"a\":5', '\"a\":50')", "contests[double].keyings[K1]",
     "differ from the audit trail"),
])
def test_a_figure_changed_outside_the_app_is_found_and_named(db, statement, where, said):
    forge(db, statement)
    found = verdict(db)
    assert not found.ok and found.audit.ok  # the chain is intact: only the replay can see this
    assert any(line.startswith(where) and said in line for line in found.differences), found.differences
    assert "changed outside the app" in found.summary()


def test_a_broken_chain_is_reported_before_any_figure(db):
    forge(db, "UPDATE audit SET operator = 'Mallory' WHERE id = 3",
          f"UPDATE sheet_vote SET votes = 0 WHERE contest_id = '{CONTEST_ID}'")
    found = verdict(db)
    assert not found.ok and not found.audit.ok and found.audit.first_bad_id == 3
    assert found.summary().startswith("audit log ALTERED: row 3")

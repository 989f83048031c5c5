"""Issue 14 items 2, 3 and 18: a figure changed in the database outside the app, an altered audit
row, a swapped RO passphrase record, dropped audit triggers. Nothing is declared, printed as final,
exported or collated from such a count; every check names what differs."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from security_helpers import CONTEST, run_cli

from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.services.export import export_bundle
from countdesk.services.passphrase import hash_passphrase
from countdesk.services.settings_paths import installation_key

PASSPHRASE = "returning officer 2021"
INTRUDER = "intruder passphrase"


def forge(db, *statements: str) -> None:
    """What an attacker with the sqlite3 shell does: no audit row written."""
    conn = sqlite3.connect(db)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def bump_one_vote(db) -> None:
    conn = sqlite3.connect(db)
    with conn:
        contest, sheet, candidate = conn.execute(
            "SELECT contest_id, sheet_id, candidate_id FROM sheet_vote ORDER BY sheet_id LIMIT 1").fetchone()
        conn.execute("UPDATE sheet_vote SET votes = votes + 1 WHERE contest_id = ? AND sheet_id = ? "
                     "AND candidate_id = ?", (contest, sheet, candidate))
    conn.close()


@pytest.fixture()
def passphrase_set(liverpool_db):
    with CountSession.open(liverpool_db, "Returning Officer") as session:
        session.passphrase.set(PASSPHRASE)
    return liverpool_db


def test_a_figure_changed_outside_the_app_is_not_declared(passphrase_set, capsys):
    bump_one_vote(passphrase_set)
    with CountSession.open(passphrase_set, "Returning Officer") as session:
        with pytest.raises(CountdeskError, match="do not replay from the audit trail"):
            session.declaring.declare(CONTEST, PASSPHRASE)
        assert not session.declaring.stage(CONTEST).value == "declared"
        refused = session.audit_rows(action="contest.declare_refused")
        assert refused and "changed outside the app" in refused[-1].reason


@pytest.mark.parametrize("document", ["declaration", "provisional", "rejected", "verification"])
def test_a_figure_changed_outside_the_app_is_not_printed(passphrase_set, tmp_path, capsys, document):
    bump_one_vote(passphrase_set)
    out = tmp_path / f"{document}.pdf"
    code, said, err = run_cli(capsys, "declare", "--db", str(passphrase_set), "--contest", CONTEST,
                              "--document", document, "--out", str(out))
    assert code == 2 and said == "" and err.count("\n") == 1
    assert "was refused" in err and "changed outside the app" in err and "count_sheets[" in err
    assert not out.exists()


def test_a_figure_changed_outside_the_app_is_not_exported_or_signed(passphrase_set, tmp_path, capsys):
    bump_one_vote(passphrase_set)
    stick = tmp_path / "stick"
    stick.mkdir()
    code, _, err = run_cli(capsys, "export", "--db", str(passphrase_set), "--to", str(stick))
    assert code == 2 and "the export was refused" in err and err.count("\n") == 1
    assert list(stick.iterdir()) == []


def test_an_altered_audit_row_stops_the_export_not_only_a_note(passphrase_set, tmp_path):
    forge(passphrase_set, "DROP TRIGGER audit_append_only_update",
          "UPDATE audit SET reason = 'nothing to see' WHERE id = 2")
    stick = tmp_path / "stick"
    stick.mkdir()
    with CountSession.open(passphrase_set, "Count Supervisor", read_only=True) as session:
        with pytest.raises(CountdeskError, match="the export was refused: audit log ALTERED"):
            export_bundle(session, stick, signing_key=installation_key(),
                          generated_at=datetime(2021, 5, 8, 12, tzinfo=UTC))
    assert list(stick.iterdir()) == []


def test_a_swapped_passphrase_record_unlocks_nothing(passphrase_set):
    with CountSession.open(passphrase_set, "Returning Officer") as session:
        session.declaring.declare(CONTEST, PASSPHRASE)
    forge(passphrase_set, "UPDATE setting SET value = '" + __import__("json").dumps(
        hash_passphrase(INTRUDER), sort_keys=True, separators=(",", ":")) + "' WHERE key = 'ro_passphrase'")
    with CountSession.open(passphrase_set, "Intruder") as session:
        assert not session.passphrase.check(INTRUDER)
        assert "changed outside the app" in session.passphrase.problem()
        with pytest.raises(CountdeskError, match="was not unlocked: the setting ro_passphrase was changed"):
            session.declaring.unlock(CONTEST, INTRUDER, reason="a correction")
        assert session.declaring.stage(CONTEST).value == "declared"
        assert not session.audit_rows(action="contest.unlock")
        assert session.audit_rows(action="contest.unlock_refused")
        with pytest.raises(CountdeskError, match="changed outside the app"):
            session.passphrase.set("another one entirely", current=INTRUDER)


def test_a_passphrase_record_put_in_by_hand_is_refused_and_named_by_verify(liverpool_db, capsys):
    forge(liverpool_db, "INSERT INTO setting (key, value) VALUES ('ro_passphrase', '"
          + __import__("json").dumps(hash_passphrase(INTRUDER)) + "')")
    with CountSession.open(liverpool_db, "Intruder") as session:
        assert not session.passphrase.check(INTRUDER)
        with pytest.raises(CountdeskError, match="was not declared"):
            session.declaring.declare(CONTEST, INTRUDER)
    code, _, err = run_cli(capsys, "audit", "--db", str(liverpool_db), "--verify")
    assert code == 1 and "setting ro_passphrase" in err


def test_dropped_audit_triggers_are_noticed_and_restored_on_opening(passphrase_set, capsys):
    forge(passphrase_set, "DROP TRIGGER audit_append_only_update", "DROP TRIGGER audit_append_only_delete")
    code, _, err = run_cli(capsys, "audit", "--db", str(passphrase_set), "--verify")
    assert code == 1 and "append-only trigger" in err and "removed" in err
    with CountSession.open(passphrase_set, "Count Supervisor") as session:
        restored = session.audit_rows(action="audit.triggers_restored")
        assert len(restored) == 1 and "audit_append_only_update" in restored[0].after_json
    conn = sqlite3.connect(passphrase_set)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with conn:
            conn.execute("DELETE FROM audit WHERE id = 1")
    conn.close()
    code, said, _ = run_cli(capsys, "audit", "--db", str(passphrase_set), "--verify")
    assert code == 0 and "intact" in said


def test_a_trigger_rewritten_to_do_nothing_is_noticed(passphrase_set, capsys):
    forge(passphrase_set, "DROP TRIGGER audit_append_only_delete",
          "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT 1; END")
    code, _, err = run_cli(capsys, "audit", "--db", str(passphrase_set), "--verify")
    assert code == 1 and "audit_append_only_delete was altered" in err


def test_the_apps_check_of_the_audit_trail_replays_the_figures(passphrase_set, qtbot):
    from countdesk.gui.open_count import OpenCount
    from countdesk.gui.widgets.audit_view import AuditView

    bump_one_vote(passphrase_set)
    document = OpenCount(CountSession.open(passphrase_set, "Count Supervisor"))
    try:
        view = AuditView(document)
        qtbot.addWidget(view)
        view.check_chain()
        assert "changed outside the app" in view.verdict.text()
        assert "intact" not in view.verdict.text()
    finally:
        document.session.close()


def test_collate_refuses_a_bundle_whose_count_does_not_replay_from_its_own_trail(liverpool_db, tmp_path, capsys):
    from countdesk.exchange.bundle import write_bundle
    from countdesk.exchange.signing import generate_key

    stick = tmp_path / "stick"
    stick.mkdir()
    code, said, _ = run_cli(capsys, "export", "--db", str(liverpool_db), "--to", str(stick))
    assert code == 0
    bundle = next(stick.iterdir())
    files = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
             and p.name not in ("SHA256SUMS", "SHA256SUMS.sig", "signing-key.pub")}
    genuine = files["count.json"]
    first = genuine.index(b'"votes"')
    digit = genuine.index(b": ", genuine.index(b'"', first + 10)) + 2
    files["count.json"] = genuine[:digit] + b"9" + genuine[digit:]  # one figure, ten times more (or so)
    forged_dir = tmp_path / "forged"
    forged_dir.mkdir()
    forged = write_bundle(forged_dir, bundle.name, files, generate_key())
    code, said, err = run_cli(capsys, "collate", str(forged))
    assert code == 2 and said == "" and err.count("\n") == 1
    assert "do not replay from its own audit log" in err
    code, said, _ = run_cli(capsys, "collate", str(bundle))
    assert code == 0 and "ELECTED" in said


def test_a_bundle_signed_by_another_key_than_the_counts_last_is_said(liverpool_db, tmp_path, monkeypatch, capsys):
    stick = tmp_path / "stick"
    stick.mkdir()
    code, said, _ = run_cli(capsys, "export", "--db", str(liverpool_db), "--to", str(stick))
    assert code == 0 and "note:" not in said
    monkeypatch.setenv("COUNTDESK_HOME", str(tmp_path / "another-laptop"))  # another installation's key
    code, said, _ = run_cli(capsys, "export", "--db", str(liverpool_db), "--to", str(stick))
    assert code == 0 and "note: this bundle is signed by key" in said and "last bundle was signed by key" in said
    with CountSession.open(liverpool_db, "Reader", read_only=True) as session:
        keys = [row.after["key_fingerprint"] for row in session.audit_rows(action="bundle.export")]
    assert len(set(keys)) == 2  # each key is in the chained trail

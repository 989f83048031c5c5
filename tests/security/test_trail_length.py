"""Issue 14 item 8: rows cut off the end of the audit trail (its head moved back) are noticed,
because the trail's head left the file: in every document's footer, in every bundle, in every
backup; the newest backup's head must be a prefix of the trail."""

from __future__ import annotations

import re
import sqlite3
import subprocess

import pytest
from security_helpers import CONTEST, run_cli

from countdesk.services import CountSession
from countdesk.services.backups import backup_now


def cut_trail(db, rows: int) -> None:
    """The forger's edit: the last `rows` rows removed, the recorded head moved back to match."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DROP TRIGGER audit_append_only_delete")
        last = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
        conn.execute("DELETE FROM audit WHERE id > ?", (last - rows,))
        new_last, new_hash = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        conn.execute("UPDATE audit_head SET last_id = ?, last_hash = ?", (new_last, new_hash))
        conn.execute("CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit\n"
                     "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END")
    conn.close()


@pytest.fixture()
def backed_up(liverpool_db):
    with CountSession.open(liverpool_db, "Count Supervisor") as session:
        session.passphrase.set("returning officer 2021")
        session.backup = backup_now(session)
        head = session.audit_head()
    return liverpool_db, head


def test_a_cut_trail_fails_verify_and_says_where(backed_up, capsys):
    db, (last, _) = backed_up
    cut_trail(db, 2)
    code, _, err = run_cli(capsys, "audit", "--db", str(db), "--verify")
    assert code == 1 and "audit log CUT" in err and f"holds {last} rows" in err
    assert f"rows {last - 1} to {last} are gone" in err


def test_a_cut_trail_is_said_on_opening_and_stops_declaring_and_export(backed_up, tmp_path, capsys):
    db, _ = backed_up
    cut_trail(db, 1)
    code, said, err = run_cli(capsys, "tally", "--db", str(db))
    assert code == 0 and "WARNING: the audit trail was cut" in err
    code, _, err = run_cli(capsys, "declare", "--db", str(db), "--contest", CONTEST, "--document", "provisional",
                           "--out", str(tmp_path / "p.pdf"))
    assert code == 2 and "audit log CUT" in err and not (tmp_path / "p.pdf").exists()


def test_a_trail_rewritten_from_the_backups_head_is_named(backed_up, capsys):
    db, (last, _) = backed_up
    cut_trail(db, 1)
    with CountSession.open(db, "Forger"):  # a new row appended over the cut: the same length again
        pass
    code, _, err = run_cli(capsys, "audit", "--db", str(db), "--verify")
    assert code == 1 and f"row {last} differs" in err


def test_an_uncut_trail_after_its_backup_is_fine(backed_up, capsys):
    db, _ = backed_up
    with CountSession.open(db, "Count Supervisor") as session:
        assert session.trail_warning is None
    code, said, _ = run_cli(capsys, "audit", "--db", str(db), "--verify")
    assert code == 0 and "intact" in said


def test_the_app_says_the_trail_was_cut_on_opening(backed_up, qtbot, monkeypatch):
    from countdesk.gui import count_files
    from countdesk.gui.main_window import MainWindow

    db, _ = backed_up
    cut_trail(db, 3)
    said = []
    monkeypatch.setattr(count_files, "show_error", lambda parent, title, message: said.append((title, message)))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_count(db, operator="Count Supervisor", asked=True)
    assert said and "has been cut" in said[0][0] and "rows" in said[0][1] and "gone" in said[0][1]
    window.close_count()


def test_every_document_prints_the_trail_head_in_its_footer(liverpool_db, tmp_path, capsys):
    out = tmp_path / "provisional.pdf"
    code, _, _ = run_cli(capsys, "declare", "--db", str(liverpool_db), "--contest", CONTEST,
                         "--document", "provisional", "--out", str(out))
    assert code == 0
    with CountSession.open(liverpool_db, "Reader", read_only=True) as session:
        rows = session.audit_rows()
    drawn_at = rows[-2]  # the head when drawn: the row before the document.saved row
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    groups = " ".join(re.findall("....", drawn_at.hash[:16].upper()))
    assert f"audit trail to row {drawn_at.id}, head {groups}" in " ".join(text.split())


def test_every_bundle_carries_the_trail_head(liverpool_db, tmp_path, capsys):
    import json

    stick = tmp_path / "stick"
    stick.mkdir()
    assert run_cli(capsys, "export", "--db", str(liverpool_db), "--to", str(stick))[0] == 0
    bundle = next(stick.iterdir())
    log = json.loads((bundle / "audit-log.json").read_text())
    assert log["head"]["id"] == log["rows"][-1]["id"] and log["head"]["hash"] == log["rows"][-1]["hash"]
    text = subprocess.run(["pdftotext", str(next(bundle.rglob("provisional.pdf"))), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert f"audit trail to row {log['head']['id']}," in " ".join(text.split())


def test_the_app_compares_with_the_backup_folder_chosen_on_another_device(liverpool_db, tmp_path, qtbot,
                                                                         monkeypatch):
    from countdesk.gui import count_files, settings
    from countdesk.gui.main_window import MainWindow

    stick = tmp_path / "second-device"
    with CountSession.open(liverpool_db, "Count Supervisor") as session:
        backup_now(session, stick)
    cut_trail(liverpool_db, 2)
    monkeypatch.setattr(settings, "chosen_backup_folder", lambda store=None: stick)  # as chosen in the app
    said = []
    monkeypatch.setattr(count_files, "show_error", lambda parent, title, message: said.append(message))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_count(liverpool_db, operator="Count Supervisor", asked=True)
    assert said and "was cut" in said[0]
    window.close_count()

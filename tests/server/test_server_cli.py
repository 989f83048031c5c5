"""The command line on a count server: `--db postgresql://…` wherever a count file is accepted,
`countdesk copy` between a file and a server both ways, exactly, and `countdesk sheet add`."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from countdesk.cli import main
from countdesk.services import CountSession

ROOT = Path(__file__).resolve().parents[2]
LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021-countdesk-2" / "count.json"
LIVERPOOL_ID = "mayor.liverpool.2021-05-06"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_tally_export_audit_and_declare_on_a_server(pg_url, tmp_path, capsys):
    code, out, _ = run(capsys, "import", str(LIVERPOOL), "--db", pg_url, "--operator", "Count Supervisor")
    assert code == 0 and "into count_" in out and "countdesk_test" not in out
    _, from_server, _ = run(capsys, "tally", "--db", pg_url, "--json")
    _, from_file, _ = run(capsys, "tally", str(LIVERPOOL), "--json")
    assert json.loads(from_server) == json.loads(from_file)

    assert run(capsys, "export-json", "--db", pg_url, "--out", str(tmp_path / "back.json"))[0] == 0
    assert json.loads((tmp_path / "back.json").read_text()) == json.loads(LIVERPOOL.read_text())

    code, out, _ = run(capsys, "audit", "--db", pg_url, "--verify")
    assert code == 0 and "intact and matching the count" in out

    code, out, err = run(capsys, "declare", "--db", pg_url, "--contest", LIVERPOOL_ID,
                         "--out", str(tmp_path / "decl.pdf"), "--document", "provisional", "--operator", "Deputy")
    assert code == 0, err
    assert (tmp_path / "decl.pdf").read_bytes().startswith(b"%PDF") and "recorded in the audit log" in out
    code, out, _ = run(capsys, "audit", "--db", pg_url)
    assert "document.saved" in out and "Deputy" in out


def _tables(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> '_sqlite_migrations'")]
    tables = {n: sorted(conn.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}
    conn.close()
    return tables


def test_a_count_goes_to_the_server_and_comes_home_as_the_same_file(pg_url, tmp_path, capsys):
    first = tmp_path / "first.countdesk"
    assert run(capsys, "import", str(LIVERPOOL), "--db", str(first), "--operator", "Clerk")[0] == 0
    with CountSession.open(first, "Clerk") as session:  # something beyond the import: a sheet removed
        contest = session.load().contests[0]
        session.sheets.delete(contest.id, contest.count_sheets[0].id, reason="keyed twice")
        head = session.audit_head()

    code, out, err = run(capsys, "copy", "--from", str(first), "--to", pg_url)
    assert code == 0, err
    assert f"ending {head[1]}" in out
    # On the server the count goes on: a station adds a sheet.
    with CountSession.open(pg_url, "Station Operator") as session:
        session.sheets.confirm(contest.id, contest.count_sheets[0], reason="keyed once more")
        server_head = session.audit_head()
    home = tmp_path / "home.countdesk"
    code, out, err = run(capsys, "copy", "--from", pg_url, "--to", str(home))
    assert code == 0, err
    assert f"ending {server_head[1]}" in out
    assert run(capsys, "audit", "--db", str(home), "--verify")[0] == 0

    # Back once more to a new server database and home again: nothing changes on the way.
    with CountSession.open(home, "x", read_only=True) as session:
        assert session.audit_head() == server_head
        assert session.audit_rows()[-1].station == "countdesk_test"
    again = tmp_path / "again.countdesk"
    second_server = pg_url.replace("/count_", "/count_copy_")
    import psycopg

    with psycopg.connect(pg_url.replace(pg_url.split("/")[3].split("?")[0], "postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{second_server.split("/")[3].split("?")[0]}" TEMPLATE template0')
    assert run(capsys, "copy", "--from", str(home), "--to", second_server)[0] == 0
    assert run(capsys, "copy", "--from", second_server, "--to", str(again))[0] == 0
    assert _tables(again) == _tables(home)


def test_copy_refuses_an_existing_file_a_server_that_holds_a_count_and_a_broken_trail(pg_url, tmp_path, capsys):
    first = tmp_path / "first.countdesk"
    assert run(capsys, "import", str(LIVERPOOL), "--db", str(first))[0] == 0
    code, _, err = run(capsys, "copy", "--from", str(first), "--to", str(first))
    assert code == 2 and "already exists" in err
    assert run(capsys, "copy", "--from", str(first), "--to", pg_url)[0] == 0
    code, _, err = run(capsys, "copy", "--from", str(first), "--to", pg_url)
    assert code == 2 and "already holds a count" in err

    conn = sqlite3.connect(first)  # someone edits the trail with a SQLite tool
    conn.executescript("DROP TRIGGER audit_append_only_update; UPDATE audit SET reason = 'x' WHERE id = 2;")
    conn.close()
    code, _, err = run(capsys, "copy", "--from", str(first), "--to", str(tmp_path / "new.countdesk"))
    assert code == 2 and "does not verify" in err and not (tmp_path / "new.countdesk").exists()


SHEET = {"id": "NEW-1", "round": 1, "votes": {}, "rejected": {"unmarked": 1}}


@pytest.mark.parametrize("backend", ["file", "server"])
def test_sheet_add_confirms_one_sheet_with_the_apps_checks(backend, pg_url, tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "c.countdesk") if backend == "file" else pg_url
    # The published count is complete, so a new sheet needs papers verified and not yet counted:
    # one box is found to hold the new sheet's papers more (the rule book refuses it otherwise).
    document = json.loads(LIVERPOOL.read_text(encoding="utf-8"))
    candidates = document["contests"][0]["candidates"]
    box = document["contests"][0]["boxes"][0]
    box["verified"] += 5 * len(candidates) + 1
    box["ballot_paper_account"] = box["verified"]
    source = tmp_path / "liverpool-with-room.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert run(capsys, "import", str(source), "--db", db)[0] == 0
    with CountSession.open(db, "x", read_only=True) as session:
        contest = session.load().contests[0]
    sheet = {**SHEET, "votes": {c.id: 5 for c in contest.candidates}}
    path = tmp_path / "sheet.json"
    path.write_text(json.dumps(sheet))
    code, out, err = run(capsys, "sheet", "add", "--db", db, "--contest", contest.id, "--operator", "Ann", str(path))
    assert code == 0, err
    with CountSession.open(db, "x", read_only=True) as session:
        stored = session.sheets.sheet(contest.id, "NEW-1")
        assert dict(stored.votes) == sheet["votes"] and dict(stored.rejected) == {"unmarked": 1}
        assert session.audit_rows(action="sheet.save")[-1].operator == "Ann"
    # Again: the same sheet is already recorded, and replacing it needs a reason.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(sheet).encode())))
    code, _, err = run(capsys, "sheet", "add", "--db", db, "--contest", contest.id, "-")
    assert code == 2 and "already recorded" in err
    # Faults are located in the sheet; an unknown candidate is refused by the same rule as the app.
    for bad, message in (({**sheet, "votes": {**sheet["votes"], "nobody": 1}}, "nobody"),
                         ({**sheet, "id": "NEW-2", "round": 3}, "round: must be 1 or 2")):
        path.write_text(json.dumps(bad))
        code, _, err = run(capsys, "sheet", "add", "--db", db, "--contest", contest.id, str(path))
        assert code == 2 and message in err, err


def test_sheet_add_second_keying_must_be_another_operator(server_count, tmp_path, capsys):
    from server_builders import CONTEST_ID

    with CountSession.open(server_count, "Supervisor") as session:
        session.double_entry.set_enabled(CONTEST_ID, True)
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"id": "K1", "round": 1, "votes": {"a": 1, "b": 2, "c": 3}}))
    args = ["sheet", "add", "--db", server_count, "--contest", CONTEST_ID, str(path)]
    code, out, _ = run(capsys, *args, "--operator", "Ann")
    assert code == 0 and "held" in out
    code, _, err = run(capsys, *args, "--operator", "Ann")
    assert code == 2 and "Ann" in err
    code, out, _ = run(capsys, *args, "--operator", "Bob")
    assert code == 0 and "accepted" in out


def test_a_server_counts_bundle_is_exported_checked_and_collated(pg_url, tmp_path, capsys):
    """Its audit rows name their stations (in their hashes): the bundle carries them, and its
    figures replay from its own audit log when a collating officer takes it in."""
    assert run(capsys, "import", str(LIVERPOOL), "--db", pg_url)[0] == 0
    with CountSession.open(pg_url, "Station Operator") as session:
        contest = session.load().contests[0]
        session.sheets.delete(contest.id, contest.count_sheets[0].id, reason="keyed twice")
        session.sheets.confirm(contest.id, contest.count_sheets[0], reason="keyed once more")
        assert session.audit_rows()[-1].station == "countdesk_test"
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    code, out, err = run(capsys, "export", "--db", pg_url, "--to", str(out_dir))
    assert code == 0, err
    bundle = next(p for p in out_dir.iterdir() if p.is_dir())
    assert run(capsys, "verify-bundle", str(bundle))[0] == 0
    log = json.loads((bundle / "audit-log.json").read_text())
    assert all(row["station"] == "countdesk_test" for row in log["rows"])
    code, out, err = run(capsys, "collate", str(bundle), "--json")
    assert code == 0, err

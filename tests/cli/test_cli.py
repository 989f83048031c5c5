"""The command line as a user meets it: real commands, exit codes, one-line errors."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from countdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]
LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021-countdesk-2" / "count.json"
LEGACY_LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021" / "count.json"


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "countdesk", *argv], capture_output=True, text=True, timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def liverpool_db(tmp_path):
    db = tmp_path / "liverpool.countdesk"
    assert main(["import", str(LIVERPOOL), "--db", str(db), "--operator", "Count Supervisor"]) == 0
    return db


def test_import_tally_export_round_trip(liverpool_db, tmp_path, capsys):
    capsys.readouterr()
    assert main(["tally", "--db", str(liverpool_db), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["contests"][0]
    assert result["final"] == {"anderson-j": 46493, "yip-s": 32079}
    out = tmp_path / "out.json"
    assert main(["export-json", "--db", str(liverpool_db), "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == json.loads(LIVERPOOL.read_text())


def test_a_countdesk_1_file_imports_with_its_office_inferred_said_and_kept(tmp_path):
    db = tmp_path / "legacy.countdesk"
    proc = run("import", str(LEGACY_LIVERPOOL), "--db", str(db), "--operator", "Count Supervisor")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == (
        f"countdesk: warning: {LEGACY_LIVERPOOL}: contests[0]: a countdesk/1 file names no office: office "
        'inferred as "local_mayor" from the id prefix "mayor", counting as "whole"; check it in Set-up (it is '
        "saved as inferred)\n"
    )
    out = tmp_path / "out.json"
    assert run("export-json", "--db", str(db), "--out", str(out)).returncode == 0
    # Written as countdesk/2, the office stored: the same document as the published /2 example.
    assert json.loads(out.read_text()) == json.loads(LIVERPOOL.read_text())
    audit = run("audit", "--db", str(db))
    assert 'office inferred as "local_mayor"' in audit.stdout
    assert run("audit", "--db", str(db), "--verify").returncode == 0


def test_readable_table_is_the_default(capsys):
    assert main(["tally", str(LIVERPOOL)]) == 0
    out = capsys.readouterr().out
    assert "Joanne ANDERSON" in out and "46,493" in out and "ELECTED" in out
    assert "Turnout (verified / electorate x 100): 30.51 %" in out


def test_audit_verify_reports_intact_then_altered(liverpool_db, capsys):
    assert main(["audit", "--db", str(liverpool_db), "--verify"]) == 0
    assert "intact" in capsys.readouterr().out
    import sqlite3

    con = sqlite3.connect(liverpool_db)
    # A forger with the sqlite3 shell first drops the append-only triggers; the chain still shows it.
    triggers = con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'").fetchall()
    for (name,) in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute("UPDATE audit SET reason = 'nothing to see' "
                "WHERE id = (SELECT MAX(id) FROM audit WHERE action LIKE 'contest.%')")
    con.commit()
    con.close()
    assert main(["audit", "--db", str(liverpool_db), "--verify"]) == 1
    assert "ALTERED: row" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"{bad", "line 1, column 2"),
        (b"\xff\xfe\x00", "UTF-8"),
        (json.dumps({"format": "countdesk/3"}).encode(), "format"),
    ],
)
def test_bad_files_give_one_located_line_and_exit_2(tmp_path, content, expected):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    proc = run("tally", str(bad))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert expected in proc.stderr


def test_bad_import_leaves_an_existing_database_untouched(liverpool_db, tmp_path):
    doc = json.loads(LIVERPOOL.read_text())
    doc["contests"][0]["count_sheets"][3]["votes"]["smith-x"] = 3
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    before = digest(liverpool_db)
    proc = run("import", str(bad), "--db", str(liverpool_db), "--replace")
    assert proc.returncode == 2
    assert proc.stderr.strip() == 'countdesk: contests[0].count_sheets[3].votes: unknown candidate "smith-x"'
    assert digest(liverpool_db) == before


def test_bad_import_into_a_new_database_leaves_no_file(tmp_path):
    doc = json.loads(LIVERPOOL.read_text())
    doc["contests"][0]["seats"] = 2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    db = tmp_path / "new.countdesk"
    assert run("import", str(bad), "--db", str(db)).returncode == 2
    assert not list(tmp_path.glob("new.countdesk*"))


def test_a_fifty_megabyte_file_is_refused_quickly(tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.write(b'{"format": "countdesk/1", "pad": "')
        fh.write(b"x" * (50 * 1024 * 1024))
        fh.write(b'"}')
    proc = run("tally", str(big))
    assert proc.returncode == 2
    assert "big.json" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_errors_are_one_line(tmp_path):
    proc = run("tally")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_collate_areas_gives_the_published_total(capsys):
    areas = sorted((ROOT / "tests" / "golden" / "lcr-mayor-2021" / "areas").glob("*.json"))
    assert main(["collate", *map(str, areas), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["contests"][0]
    assert result["first"]["rotheram-s"] == 198736 and result["valid_votes"] == 340698


def test_collate_refuses_an_area_given_twice(capsys):
    area = ROOT / "tests" / "golden" / "lcr-mayor-2021" / "areas" / "wirral.json"
    assert main(["collate", str(area), str(area)]) == 2
    assert "given twice" in capsys.readouterr().err


def test_declare_writes_each_document(liverpool_db, tmp_path):
    texts = {}
    for document in ("declaration", "rejected", "verification", "provisional"):
        out = tmp_path / f"{document}.pdf"
        assert main(["declare", "--db", str(liverpool_db), "--contest", "mayor.liverpool.2021-05-06",
                     "--out", str(out), "--document", document, "--place", "Exhibition Centre"]) == 0
        texts[document] = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                                         text=True, check=True).stdout
    assert "Joanne ANDERSON, Labour Party is duly elected" in " ".join(texts["declaration"].split())
    assert "46,493" in texts["declaration"] and "30.51" in texts["declaration"]
    assert "PROVISIONAL" in texts["provisional"]
    assert "1,427" in texts["rejected"]
    assert "LIV003" in texts["verification"]


def test_declare_unknown_contest_is_a_located_error(liverpool_db, tmp_path, capsys):
    assert main(["declare", "--db", str(liverpool_db), "--contest", "nope", "--out", str(tmp_path / "x.pdf")]) == 2
    assert '--contest: no contest "nope"' in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_export_then_verify_bundle_and_refuse_an_altered_file(liverpool_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COUNTDESK_HOME", str(tmp_path / "home"))
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["export", "--db", str(liverpool_db), "--to", str(usb)]) == 0
    bundle = next(p for p in usb.iterdir() if p.is_dir())
    assert (bundle / "count.json").is_file() and (bundle / "SHA256SUMS.sig").is_file()
    assert main(["verify-bundle", str(bundle)]) == 0
    (bundle / "results.csv").write_text("forged\n")
    capsys.readouterr()
    assert main(["verify-bundle", str(bundle)]) == 2  # exit 2 on failure, as the README says
    assert "altered: results.csv" in capsys.readouterr().err
    assert main(["audit", "--db", str(liverpool_db), "--verify"]) == 0  # the export is audited, chain intact


def test_collate_with_expected_areas_is_incomplete_until_all_are_in(capsys):
    """Two of the six City Region areas elect nobody; all six give the published result."""
    from pathlib import Path as _Path

    areas = sorted((_Path(__file__).resolve().parents[1] / "golden" / "lcr-mayor-2021" / "areas").glob("*.json"))
    expect = ["--expect", "Halton", "Knowsley", "Liverpool", "Sefton", "St Helens", "Wirral"]
    assert main(["collate", str(areas[0]), str(areas[-1]), *expect, "--json"]) == 0
    out, err = capsys.readouterr()
    contest = json.loads(out)["contests"][0]
    assert contest["status"] == "incomplete" and contest["elected"] == []
    assert "INCOMPLETE: 4 expected area(s) not reported: Knowsley, Liverpool, Sefton, St Helens" in err
    assert main(["collate", *map(str, areas), *expect, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["contests"][0]["elected"] == ["rotheram-s"]
    assert main(["collate", *map(str, areas), "--expect", "Halton", "--json"]) == 2
    assert "is not one of the expected areas" in capsys.readouterr().err

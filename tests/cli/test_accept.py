"""`countdesk accept`: the returning officer accepts a difference from the command line (issue 12
item 2), on the golden case tests/golden/accepted-difference (1,412 verified, 1,408 counted):
refused with the wrong figures, the wrong passphrase, no passphrase or no difference standing;
accepted with exactly the figures `countdesk tally` shows, and then the contest is complete."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from countdesk.cli import main
from countdesk.services import CountSession

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "tests" / "golden" / "accepted-difference" / "count.json"
CONTEST = "local.testshire.west.2024-05-02"
PASSPHRASE = "the returning officer's own"
REASON = "four papers not found after three recounts; agents informed"


@pytest.fixture()
def db(tmp_path, capsys):
    db = tmp_path / "west.countdesk"
    assert main(["import", str(CASE), "--db", str(db), "--operator", "Count Supervisor"]) == 0
    with CountSession.open(db, "Returning Officer") as session:  # set in the app, the first time
        session.passphrase.set(PASSPHRASE)
    capsys.readouterr()
    return db


@pytest.fixture()
def passphrase_file(tmp_path) -> Path:
    path = tmp_path / "ro-passphrase"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def accept(db: Path, *options: str) -> list[str]:
    return ["accept", "--db", str(db), "--contest", CONTEST, "--reason", REASON, "--operator", "A. Officer",
            *options]


def tally(db: Path, capsys) -> dict:
    assert main(["tally", "--db", str(db), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["contests"][0]


def rows(db: Path, action: str):
    with CountSession.open(db, "check", read_only=True) as session:
        return session.audit_rows(action=action)


def test_tally_shows_the_figures_and_accept_takes_exactly_them(db, passphrase_file, capsys, monkeypatch):
    assert main(["tally", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "Status: INCOMPLETE" in shown
    assert "4 verified papers are not on any sheet yet (1,408 counted of 1,412 verified)" in shown
    assert f"countdesk accept --contest {CONTEST} --counted 1408 --expected 1412" in shown

    # Figures other than those standing: refused, audited, nothing accepted.
    assert main(accept(db, "--counted", "1407", "--expected", "1412", "--passphrase-file", str(passphrase_file))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the difference standing is 1,408 against 1,412, not 1,407 against 1,412" in err
    # The wrong passphrase, read from standard input: refused.
    monkeypatch.setattr("sys.stdin", io.StringIO("a guess\n"))
    assert main(accept(db, "--counted", "1408", "--expected", "1412", "--passphrase-file", "-")) == 2
    assert "the RO passphrase is wrong" in capsys.readouterr().err
    # No passphrase source and no terminal to ask at: said, nothing attempted.
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(accept(db, "--counted", "1408", "--expected", "1412")) == 2
    assert "run at a terminal to be asked for it, or give --passphrase-file" in capsys.readouterr().err
    assert tally(db, capsys)["status"] == "incomplete"
    refused = [row.reason for row in rows(db, "contest.accept_difference_refused")]
    assert len(refused) == 2 and "1,407 against 1,412" in refused[0] and refused[1] == "the RO passphrase is wrong"

    # Exactly the figures shown, the passphrase from standard input: accepted, and complete.
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(accept(db, "--counted", "1408", "--expected", "1412", "--passphrase-file", "-")) == 0
    out = capsys.readouterr().out
    assert f"accepted for {CONTEST}: the first-round difference of 1,408 papers counted against 1,412 (verified), " \
           f"by A. Officer: {REASON}" in out
    assert out.splitlines()[-1] == "status now: elected"
    result = tally(db, capsys)
    assert (result["status"], result["elected"]) == ("elected", ["ashe"])
    (row,) = rows(db, "contest.accept_difference")
    assert (row.operator, row.after["counted"], row.after["expected"], row.reason) == ("A. Officer", 1408, 1412, REASON)
    assert main(["tally", "--db", str(db)]) == 0
    assert f"Difference accepted (round1): 1,408 counted against 1,412, by A. Officer: {REASON}" in \
        capsys.readouterr().out

    # Accepted once, nothing stands to be accepted again.
    assert main(accept(db, "--counted", "1408", "--expected", "1412", "--passphrase-file", str(passphrase_file))) == 2
    assert "no first-round difference stands to be accepted" in capsys.readouterr().err


def test_the_declaration_written_by_the_cli_prints_the_acceptance(db, passphrase_file, tmp_path, capsys):
    assert main(accept(db, "--counted", "1408", "--expected", "1412", "--passphrase-file", str(passphrase_file))) == 0
    out = tmp_path / "declaration.pdf"
    assert main(["declare", "--db", str(db), "--contest", CONTEST, "--out", str(out)]) == 0
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "accepted a difference between the ballot papers counted (1,408) and the ballot papers verified " \
           f"(1,412): {REASON} (accepted by A. Officer," in text


def test_a_passphrase_file_that_cannot_be_read_is_said(db, tmp_path, capsys):
    assert main(accept(db, "--counted", "1408", "--expected", "1412",
                       "--passphrase-file", str(tmp_path / "missing"))) == 2
    err = capsys.readouterr().err
    assert "the passphrase file cannot be read" in err and "missing" in err
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    assert main(accept(db, "--counted", "1408", "--expected", "1412", "--passphrase-file", str(empty))) == 2
    assert "the first line is empty" in capsys.readouterr().err

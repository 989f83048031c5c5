"""Every document through the real `countdesk declare`: the PDF's text checked for the statutory
sentences, and the refusals (exit code 2, one located line) where the law says no."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from countdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]
LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021" / "count.json"
CONTEST = "mayor.liverpool.2021-05-06"


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def imported(tmp_path: Path, data: dict, capsys) -> Path:
    source = tmp_path / "count.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    db = tmp_path / "count.countdesk"
    assert main(["import", str(source), "--db", str(db), "--operator", "Count Supervisor"]) == 0
    capsys.readouterr()
    return db


def declare(db: Path, out: Path, document: str = "declaration", contest: str = CONTEST) -> int:
    return main(["declare", "--db", str(db), "--contest", contest, "--out", str(out), "--document", document,
                 "--place", "Exhibition Centre"])


@pytest.fixture()
def liverpool_data() -> dict:
    return json.loads(LIVERPOOL.read_text(encoding="utf-8"))


def test_a_declaration_with_no_officer_named_is_refused(tmp_path, liverpool_data, capsys):
    del liverpool_data["election"]["returning_officer"]
    db = imported(tmp_path, liverpool_data, capsys)
    out = tmp_path / "declaration.pdf"
    assert declare(db, out) == 2
    err = capsys.readouterr().err
    assert "no officer is named" in err and CONTEST in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    # A statement is still made, and says who makes it without a name.
    assert declare(db, tmp_path / "rejected.pdf", "rejected") == 0
    assert "I, being the Returning Officer at the above election" in pdf_text(tmp_path / "rejected.pdf")


def test_the_first_and_second_count_statements(tmp_path, liverpool_data, capsys):
    db = imported(tmp_path, liverpool_data, capsys)
    assert declare(db, tmp_path / "first.pdf", "first_count") == 0
    first = pdf_text(tmp_path / "first.pdf")
    assert "(a) Total number of ballot papers used 102,600" in first
    assert "(b) Total number of rejected ballot papers 1,427" in first
    assert declare(db, tmp_path / "second.pdf", "second_count") == 0
    second = pdf_text(tmp_path / "second.pdf")
    assert "Joanne ANDERSON Labour Party 38,958 7,535 46,493" in second
    for text in (first, second):
        assert "This statement is not a declaration of result." in text and "elected" not in text

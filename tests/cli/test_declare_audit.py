"""`countdesk declare` records the copy it writes in the count's audit trail, as saving it from the
app does; while the app holds the count for writing, the copy is still written and a note says it
is not recorded."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from countdesk.cli import main
from countdesk.services import CountSession

ROOT = Path(__file__).resolve().parents[2]
LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021" / "count.json"
CONTEST = "mayor.liverpool.2021-05-06"
SAVED = "document.saved"
FOOTER_FINGERPRINT = re.compile(r"Count file fingerprint:\s*((?:[0-9A-F]{4} ){7}[0-9A-F]{4})")


@pytest.fixture()
def liverpool_db(tmp_path, capsys):
    db = tmp_path / "liverpool.countdesk"
    assert main(["import", str(LIVERPOOL), "--db", str(db), "--operator", "Count Supervisor"]) == 0
    capsys.readouterr()
    return db


def printed_fingerprints(pdf: Path) -> set[str]:
    """The fingerprint(s) in the footers, as poppler reads the pages (not as countdesk wrote them)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return set(FOOTER_FINGERPRINT.findall(text))


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE).group(1))


def saved_rows(db: Path) -> list:
    with CountSession.open(db, "Observer", read_only=True) as session:
        return session.audit_rows(action=SAVED)


@pytest.mark.parametrize("document", ["declaration", "verification"])  # one page; several pages
def test_declare_records_the_copy_it_wrote(liverpool_db, tmp_path, monkeypatch, capsys, document):
    monkeypatch.chdir(tmp_path)  # a relative --out is recorded as the file it names
    assert main(["declare", "--db", str(liverpool_db), "--contest", CONTEST, "--document", document,
                 "--out", f"{document}.pdf", "--operator", "Returning Officer"]) == 0
    said = capsys.readouterr()
    out = tmp_path / f"{document}.pdf"
    assert said.err == ""

    rows = saved_rows(liverpool_db)
    assert len(rows) == 1
    row = rows[0]
    assert f"recorded in the audit log (entry {row.id})" in said.out
    assert (row.operator, row.contest_id, row.key) == ("Returning Officer", CONTEST, document)
    fingerprints = printed_fingerprints(out)
    assert len(fingerprints) == 1, fingerprints  # every page carries the same count's fingerprint
    assert row.after["fingerprint"] == fingerprints.pop()
    assert row.after["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert row.after["file"] == str(out)
    assert row.after["pages"] == page_count(out)
    assert row.after["document"] == document
    assert row.after["state"] == "provisional" and row.after["declared"] is False  # not declared in the app

    assert main(["audit", "--db", str(liverpool_db), "--verify"]) == 0
    assert "audit log intact and matching the count" in capsys.readouterr().out


def test_declare_while_the_app_holds_the_count_writes_but_does_not_record(liverpool_db, tmp_path, capsys):
    out = tmp_path / "declaration.pdf"
    with CountSession.open(liverpool_db, "Count Supervisor") as app:  # the app, open for writing
        before = app.audit_rows()
        assert main(["declare", "--db", str(liverpool_db), "--contest", CONTEST, "--out", str(out)]) == 0
        said = capsys.readouterr()
        assert app.audit_rows() == before

    assert out.read_bytes().startswith(b"%PDF") and len(printed_fingerprints(out)) == 1
    assert said.out.startswith(f"wrote declaration for Mayor of Liverpool to {out}")
    assert "recorded" not in said.out
    assert said.err.count("\n") == 1 and "Traceback" not in said.err
    assert said.err.startswith(f"countdesk: {out}: the declaration of result was written but not recorded in the "
                               f"audit log: {liverpool_db.name} is open for writing elsewhere (by Count Supervisor")
    assert saved_rows(liverpool_db) == []

    assert main(["audit", "--db", str(liverpool_db), "--verify"]) == 0


def test_a_refused_declare_records_nothing(liverpool_db, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["declare", "--db", str(liverpool_db), "--contest", "nope", "--out", str(out)]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and '--contest: no contest "nope"' in said
    assert not out.exists() and saved_rows(liverpool_db) == []

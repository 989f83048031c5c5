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


#: One golden case per row of the regime table (tests/golden/regime-*), through the real command
#: line: what `countdesk declare` prints for the declaration, or the refusal it gives.
REGIME_DECLARATIONS = {
    "regime-local-mayor-fptp-2024": ("being the Returning Officer at the above election",
                                     "(d) Unmarked or void for uncertainty", "is duly elected as Mayor of Testshire."),
    "regime-ca-mayor-fptp-2024": ("being the Combined Authority Returning Officer at the above election",
                                  "is duly elected as Mayor of the Testshire Combined Authority."),
    "regime-ca-mayor-sv-2026": ("being the Combined Authority Returning Officer",
                                "Ballot papers rejected for the purposes of the count of second preference votes on "
                                "the ground that they were unmarked or void for uncertainty as to the second "
                                "preference vote"),
    "regime-pcc-fptp-2024": ("being the Police Area Returning Officer", "(d) Unmarked", "(e) Void for uncertainty",
                             "is duly elected as Police and Crime Commissioner for Testshire."),
    "regime-council-wales-two-seats": ("Election of 2 Councillors for the Tregaron ward", "Rejected in part",
                                       "Aled ap IORWERTH and Siân LLOYD are duly elected as Councillors for the "
                                       "Tregaron ward."),
    "regime-parliament-2024": ("being the Acting Returning Officer",
                               "is duly elected as the Member of Parliament for the said constituency."),
    "regime-council-uncontested": ("NOTICE OF UNCONTESTED ELECTION", "1 of the 3 seats to be filled remains unfilled"),
    "regime-referendum-decided": ("being the Counting Officer for the above referendum",
                                  "Voting for more than one answer", "cast for the answer Yes."),
    "regime-referendum-equal": ("there is no majority in favour of the proposal put to the referendum",),
}


@pytest.mark.parametrize("golden", sorted(REGIME_DECLARATIONS))
def test_each_regime_row_declares_as_its_rules_say(golden, tmp_path, capsys):
    data = json.loads((ROOT / "tests" / "golden" / golden / "count.json").read_text(encoding="utf-8"))
    db = imported(tmp_path, data, capsys)
    out = tmp_path / "declaration.pdf"
    assert declare(db, out, contest=data["contests"][0]["id"]) == 0, capsys.readouterr().err
    text = pdf_text(out)
    for sentence in REGIME_DECLARATIONS[golden]:
        assert sentence in text, sentence
    if golden in ("regime-council-uncontested",):
        assert "Electorate" not in text and "rejected" not in text.lower() and "Turnout" not in text


@pytest.mark.parametrize("golden", ["regime-pcc-sv-2021-local", "regime-ca-mayor-sv-2021-local-area"])
def test_a_local_count_never_declares_and_gives_its_statements(golden, tmp_path, capsys):
    data = json.loads((ROOT / "tests" / "golden" / golden / "count.json").read_text(encoding="utf-8"))
    db = imported(tmp_path, data, capsys)
    contest = data["contests"][0]["id"]
    assert declare(db, tmp_path / "declaration.pdf", contest=contest) == 2
    assert "a local count of a collated poll never declares" in capsys.readouterr().err
    assert not (tmp_path / "declaration.pdf").exists()
    for document in ("first_count", "rejected", "provisional"):
        out = tmp_path / f"{document}.pdf"
        assert declare(db, out, document, contest=contest) == 0
        text = pdf_text(out)
        assert "elected" not in text.lower(), document
    assert "being the Local Returning Officer" in pdf_text(tmp_path / "first_count.pdf")


def test_the_audit_log_names_the_form_of_the_declaration_written(tmp_path, capsys):
    """An uncontested election's declaration is its notice: so the audit log says."""
    from countdesk.services.count_session import CountSession
    from countdesk.services.document_events import SAVED_ACTION, describe_document_event

    data = json.loads((ROOT / "tests" / "golden" / "regime-council-uncontested" / "count.json").read_text("utf-8"))
    db = imported(tmp_path, data, capsys)
    assert declare(db, tmp_path / "notice.pdf", contest=data["contests"][0]["id"]) == 0
    with CountSession.open(db, "Observer", read_only=True) as session:
        row = session.audit_rows(action=SAVED_ACTION)[-1]
    assert row.after["document"] == "declaration" and row.after["title"] == "Notice of uncontested election"
    described = describe_document_event(row.action, row.after)
    assert described.startswith("Notice of uncontested election saved as notice.pdf")

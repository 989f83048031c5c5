"""`countdesk audit` with a declaration printed and saved from the app: the rows are listed with the
document they name, and `--verify` still finds the trail intact and matching the count."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from countdesk.cli import main
from countdesk.services import CountSession
from countdesk.services.document_events import record_document_printed, record_document_saved
from countdesk.services.documents import document_context, render_document

ROOT = Path(__file__).resolve().parents[2]
LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021" / "count.json"
CONTEST = "mayor.liverpool.2021-05-06"


def test_the_audit_listing_names_each_document_printed_or_saved(tmp_path, capsys):
    db = tmp_path / "liverpool.countdesk"
    assert main(["import", str(LIVERPOOL), "--db", str(db), "--operator", "Count Supervisor"]) == 0
    with CountSession.open(db, "Returning Officer") as session:
        ctx = document_context(session.load(), CONTEST, generated_at=datetime(2021, 5, 8, 14, tzinfo=UTC))
        declaration = render_document("declaration", ctx)
        record_document_printed(session, declaration, printer="Count Hall HP")
        record_document_saved(session, declaration, tmp_path / "declaration.pdf")
    capsys.readouterr()

    assert main(["audit", "--db", str(db), "--contest", CONTEST]) == 0
    lines = capsys.readouterr().out.splitlines()
    printed, saved = lines[-2].split(), lines[-1].split()
    assert printed[2:] == ["Returning", "Officer", "document.printed", CONTEST, "declaration"]
    assert saved[2:] == ["Returning", "Officer", "document.saved", CONTEST, "declaration"]

    assert main(["audit", "--db", str(db), "--verify"]) == 0
    assert "audit log intact and matching the count" in capsys.readouterr().out

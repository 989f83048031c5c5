"""Count > Documents… and the document registry: the dialog offers exactly the documents the
registry makes for the contest, under its titles, for every kind of contest; each is rendered once
for its preview, its print and its save; the page count shown is the one Qt's PDF reader sees; a
copy saved from the app and one written by `countdesk declare` leave audit rows of the same shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import OPERATOR, ROOT, demo_open_count, make_count_file, open_count_file, screenshot
from PySide6.QtCore import Qt
from test_documents_audit import answer_save_with, document_rows
from test_documents_dialog import LIVERPOOL, open_dialog, pdf_printer, wait_for_preview

from countdesk.cli import main
from countdesk.domain.model import Candidate, Contest, VotingSystem
from countdesk.exchange.countfile import load_count_file
from countdesk.services.count_session import CountSession
from countdesk.services.document_registry import DocumentKind, documents_for

#: One golden count of each kind of contest the registry tells apart.
KINDS = ("liverpool-mayor-2021", "regime-council-wales-two-seats", "regime-council-uncontested",
         "regime-referendum-decided", "regime-pcc-sv-2021-local")


def golden_count(name: str, tmp_path: Path, opened: list):
    count = load_count_file(ROOT / "tests" / "golden" / name / "count.json")
    path = tmp_path / f"{name}.countdesk"
    with CountSession.create(path, OPERATOR, count.election) as session:
        session.import_count(count)
    return open_count_file(path, opened), count.contests[0]


def settled(qtbot, dialog) -> None:
    """The preview shown, or the document refused: the dialog is done with the choice."""
    qtbot.waitUntil(lambda: not dialog.rendering and (dialog.current or not dialog.print_button.isEnabled()),
                    timeout=15_000)


@pytest.mark.parametrize("name", KINDS)
def test_the_dialog_offers_exactly_the_registry_documents_with_the_pages_qt_reads(qtbot, tmp_path,
                                                                                  open_counts, name):
    open_count, contest = golden_count(name, tmp_path, open_counts)
    dialog = open_dialog(qtbot, open_count, contest.id)
    kinds = documents_for(contest)
    assert dialog.offered() == tuple(kind.name for kind in kinds)
    combo = dialog.document_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [kind.title for kind in kinds]
    previewed = 0
    for kind in kinds:
        dialog.select_document(kind.name)
        settled(qtbot, dialog)
        if dialog.current:
            shown = dialog.shown_document
            assert shown.kind == kind and kind.title in dialog.status.text()
            assert shown.pages == dialog.preview.pdf.pageCount()  # Qt's reader of the same bytes
            previewed += 1
    assert previewed
    screenshot(dialog, f"documents-{name}")


def test_a_contest_that_becomes_uncontested_is_offered_its_notice(qtbot, tmp_path, open_counts):
    """Two candidates for one seat, then one withdrawn at set-up: the same dialog now offers the
    notice of uncontested election as the declaration, and no statements of a poll."""
    ward = Contest("ward.north", "North ward", VotingSystem.FPTP, 1,
                   (Candidate("ash-a", "Ann ASH", "Party A"), Candidate("birch-b", "Ben BIRCH", "Party B")))
    open_count = open_count_file(make_count_file(tmp_path / "ward.countdesk", (ward,)), open_counts)
    dialog = open_dialog(qtbot, open_count, ward.id)
    assert dialog.offered() == ("declaration", "rejected", "verification", "provisional")
    assert dialog.document_combo.itemText(0) == "Declaration of result"
    dialog.select_document("provisional")
    open_count.apply(open_count.session.set_up.remove_candidate(ward.id, "birch-b", reason="withdrew"))
    assert dialog.offered() == ("declaration", "provisional")
    assert dialog.document_combo.itemText(0) == "Notice of uncontested election"
    assert dialog.choice().document == "provisional"  # the choice kept while still offered
    dialog.select_document("declaration")
    settled(qtbot, dialog)
    assert dialog.shown_document is not None and dialog.shown_document.title == "Notice of uncontested election"


@pytest.fixture
def demo_count(tmp_path, open_counts):
    return demo_open_count(tmp_path, open_counts)


def test_one_render_serves_the_preview_the_print_and_the_save(qtbot, demo_count, tmp_path, monkeypatch):
    renders = []
    render = DocumentKind.render

    def counted(kind, ctx):
        renders.append(kind.name)
        return render(kind, ctx)

    monkeypatch.setattr(DocumentKind, "render", counted)
    dialog = open_dialog(qtbot, demo_count, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    shown = dialog.shown_document
    printed = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(printed))
    saved = tmp_path / "saved.pdf"
    answer_save_with(monkeypatch, saved)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving and saved.exists(), timeout=15_000)
    assert renders == ["declaration"]
    assert printed.read_bytes() == saved.read_bytes() == shown.data
    rows = document_rows(demo_count)
    assert [row.after["sha256"] for row in rows] == [rows[0].after["sha256"]] * 2


def test_a_copy_saved_in_the_app_and_one_from_the_command_line_leave_the_same_row(qtbot, demo_count, tmp_path,
                                                                                  monkeypatch, capsys):
    dialog = open_dialog(qtbot, demo_count, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    answer_save_with(monkeypatch, tmp_path / "app.pdf")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving and "Recorded" in dialog.status.text(), timeout=15_000)
    dialog.reject()
    path = demo_count.session.path
    demo_count.close()  # the command line records only what it can write: the app lets go first
    assert main(["declare", "--db", str(path), "--contest", LIVERPOOL, "--out", str(tmp_path / "cli.pdf"),
                 "--operator", OPERATOR]) == 0
    assert "recorded in the audit log" in capsys.readouterr().out
    with CountSession.open(path, "Checker", read_only=True) as session:
        app, cli = session.audit_rows(action="document.")
    assert (app.action, app.entity, app.contest_id, app.key) == (cli.action, cli.entity, cli.contest_id, cli.key)
    assert {key: type(value) for key, value in app.after.items()} == \
        {key: type(value) for key, value in cli.after.items()}
    for same in ("document", "pages", "fingerprint", "state", "declared", "lang"):
        assert app.after[same] == cli.after[same], same
    assert (Path(app.after["file"]).name, Path(cli.after["file"]).name) == ("app.pdf", "cli.pdf")

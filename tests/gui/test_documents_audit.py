"""Count > Documents…: each copy printed or saved is recorded in the audit log with the fingerprint
printed on it, so the returning officer can show afterwards which paper left the count and when.

Driven as a user does: Save as PDF… with the file dialog answered (its static call is the
boundary), Print… with the system print dialog answered or cancelled, and print_to with a
QPrinter writing a PDF file (what the print dialog hands over once accepted). The fingerprint
the audit row names is read off the saved or printed PDF with poppler's pdftotext.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest
from gui_helpers import demo_open_count, open_count_file
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from test_documents_dialog import LIVERPOOL, open_dialog, pdf_printer, wait_for_preview

from countdesk.gui.dialogs import document_copies
from countdesk.gui.dialogs import documents_dialog as documents_module
from countdesk.gui.models.audit_model import ACTION, CHANGE
from countdesk.gui.widgets.audit_view import AuditView


@pytest.fixture
def demo(tmp_path, open_counts):
    return demo_open_count(tmp_path, open_counts)


def printed_fingerprint(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    found = re.findall(r"Count file fingerprint: ([0-9A-F]{4}(?: [0-9A-F]{4}){7})", text)
    assert found, text[-400:]
    assert len(set(found)) == 1  # the same on every page
    return found[0]


def document_rows(open_count) -> list:
    return open_count.session.audit_rows(action="document.")


def answer_save_with(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(path), documents_module.PDF_FILTER))


def test_saving_records_the_file_and_the_fingerprint_printed_in_it(qtbot, demo, tmp_path, monkeypatch):
    audit_view = AuditView(demo)  # the Audit log tab, open behind the dialog
    qtbot.addWidget(audit_view)
    entries = audit_view.model.rowCount()
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    target = tmp_path / "saved" / "liverpool-declaration.pdf"
    target.parent.mkdir()
    answer_save_with(monkeypatch, target)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving, timeout=15_000)
    assert target.is_file(), dialog.status.text()

    [row] = document_rows(demo)
    assert (row.action, row.contest_id, row.key, row.operator) == ("document.saved", LIVERPOOL, "declaration",
                                                                   demo.operator)
    assert row.after["file"] == str(target)
    assert row.after["fingerprint"] == printed_fingerprint(target)
    assert row.after["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert row.after["pages"] == dialog.preview.pdf.pageCount() and row.after["state"] == "provisional"
    assert dialog.status.text() == f"Saved to {target}. Recorded in the audit log (entry {row.id})."

    # The audit log shows the row at once, described, and the Documents filter finds it.
    assert audit_view.model.rowCount() == entries + 1
    last = audit_view.model.index(entries, CHANGE).data()
    assert last.startswith("Declaration of result saved as liverpool-declaration.pdf (1 page, PROVISIONAL)")
    assert last.endswith(f"fingerprint {printed_fingerprint(target)}")
    assert audit_view.action_filter.findData("document.") > 0
    assert audit_view.action_filter.findData("document.saved") > 0
    audit_view.set_filters(action="document.")
    assert audit_view.proxy.rowCount() == 1
    assert audit_view.proxy.index(0, ACTION).data() == "document.saved"


def test_printing_records_the_printer_the_pages_and_the_fingerprint(qtbot, demo, tmp_path):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    target = tmp_path / "declaration-printed.pdf"
    assert dialog.print_to(pdf_printer(target)), dialog.status.text()
    [row] = document_rows(demo)
    assert (row.action, row.key) == ("document.printed", "declaration")
    assert row.after["printer"] == str(target) and row.after["copies"] == 1
    assert row.after["pages_printed"] == [1] == list(range(1, dialog.preview.pdf.pageCount() + 1))
    assert row.after["fingerprint"] == printed_fingerprint(target)
    assert row.after["sha256"] == hashlib.sha256(dialog.preview.pdf_bytes()).hexdigest()
    assert "Recorded in the audit log" in dialog.status.text()

    dialog.select_document("verification")  # several pages: print two of them
    wait_for_preview(qtbot, dialog)
    printer = pdf_printer(tmp_path / "pages.pdf", resolution=72)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.print_to(printer), dialog.status.text()
    row = document_rows(demo)[-1]
    assert (row.key, row.after["pages_printed"]) == ("verification", [2, 3])
    assert row.after["pages"] == dialog.preview.pdf.pageCount() >= 3
    assert demo.session.verify_audit().ok


class AnsweredPrintDialog:
    """The system print dialog (modal in real life), answered `answer` with print-to-file."""

    answer = QDialog.DialogCode.Rejected
    target: Path

    def __init__(self, printer: QPrinter, parent) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))

    def setWindowTitle(self, title: str) -> None:
        pass

    def setMinMax(self, first: int, last: int) -> None:
        pass

    def setOption(self, option, on: bool) -> None:
        pass

    def exec(self):
        return self.answer


def test_a_cancelled_print_dialog_records_nothing_and_an_accepted_one_records_once(qtbot, demo, tmp_path,
                                                                                    monkeypatch):
    AnsweredPrintDialog.target = tmp_path / "printed.pdf"
    monkeypatch.setattr(document_copies, "QPrintDialog", AnsweredPrintDialog)
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    dialog.select_document("rejected")
    wait_for_preview(qtbot, dialog)
    before = len(demo.session.audit_rows())
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert not AnsweredPrintDialog.target.exists() and len(demo.session.audit_rows()) == before

    monkeypatch.setattr(AnsweredPrintDialog, "answer", QDialog.DialogCode.Accepted)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert AnsweredPrintDialog.target.is_file()
    [row] = document_rows(demo)
    assert (row.action, row.key) == ("document.printed", "rejected")
    assert row.after["fingerprint"] == printed_fingerprint(AnsweredPrintDialog.target)


def test_a_failed_save_or_print_records_nothing(qtbot, demo, tmp_path, monkeypatch):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    answer_save_with(monkeypatch, blocker / "x.pdf")
    dialog.save_as_pdf()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=15_000)
    assert dialog.status.text().startswith("Not saved:")
    assert not dialog.print_to(pdf_printer(tmp_path / "no-such-folder" / "out.pdf"))
    assert dialog.status.text().startswith("Not printed:")
    assert document_rows(demo) == []


def test_a_count_open_read_only_here_still_prints_and_saves_and_says_it_is_not_recorded(
        qtbot, demo, tmp_path, monkeypatch, open_counts):
    """Another countdesk (here: `demo`, open for writing) holds the count; this window only reads."""
    reader = open_count_file(demo.path, open_counts, operator="Observer", read_only=True)
    assert reader.read_only and not demo.read_only
    before = len(demo.session.audit_rows())
    dialog = open_dialog(qtbot, reader, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    printed = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(printed))
    assert printed.is_file()
    assert dialog.status.text() == (f"Sent 1 page to {printed}. Not recorded in the audit log: this count is open "
                                    "read-only here (another countdesk has it open for writing).")
    saved = tmp_path / "saved.pdf"
    answer_save_with(monkeypatch, saved)
    dialog.save_as_pdf()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=15_000)
    assert saved.is_file()
    assert dialog.status.text().startswith(f"Saved to {saved}. Not recorded in the audit log: this count is open "
                                           "read-only")
    assert len(demo.session.audit_rows()) == before

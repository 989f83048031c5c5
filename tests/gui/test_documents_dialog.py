"""Count > Documents…: the declaration and statements of a real count previewed, printed and saved
as PDF from the app, each exactly as previewed, and a refusal said plainly where the result
cannot be declared yet.

Figures checked are Liverpool's published 2021 result (Anderson 38,958 first, 46,493 final;
rejected 1,427; verified 102,600), not values read back from the code.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gui_helpers import (
    OPERATOR,
    ROOT,
    demo_open_count,
    focused,
    make_count_file,
    open_count_file,
    screenshot,
    small_sv_contest,
    when_modal,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from countdesk.domain.model import Count
from countdesk.errors import CountdeskError
from countdesk.exchange.countfile import load_count_file
from countdesk.gui.controls.pdf_preview import a4_printer, paint_pages
from countdesk.gui.dialogs import document_copies
from countdesk.gui.dialogs import documents_dialog as documents_module
from countdesk.gui.dialogs.documents_dialog import DocumentsDialog
from countdesk.services.count_session import CountSession
from countdesk.services.document_registry import document_for, documents_for

LIVERPOOL = "mayor.liverpool.2021-05-06"
NOW = datetime(2021, 5, 8, 14, 0, tzinfo=UTC)


@pytest.fixture
def demo(tmp_path, open_counts):
    return demo_open_count(tmp_path, open_counts)


def open_dialog(qtbot, open_count, contest_id: str) -> DocumentsDialog:
    dialog = DocumentsDialog(open_count, contest_id, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def wait_for_preview(qtbot, dialog: DocumentsDialog) -> None:
    """Rendered off the GUI thread, then loaded: Ready with pages, and matching what is chosen."""
    qtbot.waitUntil(lambda: dialog.current, timeout=15_000)
    assert dialog.preview.pdf.status() == QPdfDocument.Status.Ready and dialog.preview.pdf.pageCount() >= 1


def wait_for_refusal(qtbot, dialog: DocumentsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.rendering and not dialog.print_button.isEnabled(), timeout=15_000)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def bytes_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "shown.pdf"
    path.write_bytes(data)
    return pdf_text(path)


def pdf_printer(path: Path, *, resolution: int | None = None) -> QPrinter:
    """The printer Print… sets up (A4, full page, high resolution), writing a PDF file instead."""
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if resolution is not None:
        printer.setResolution(resolution)
    return printer


# -- previews ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("document, figures", [
    ("declaration", ("ANDERSON", "38,958", "46,493", "1,427")),
    ("rejected", ("1,427",)),
    ("verification", ("102,600",)),
    ("provisional", ("ANDERSON", "46,493", "YIP", "32,079")),
])
def test_each_document_of_the_demo_is_previewed(qtbot, demo, tmp_path, document, figures):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    dialog.select_document(document)
    wait_for_preview(qtbot, dialog)
    text = bytes_text(dialog.preview.pdf_bytes(), tmp_path)
    for figure in figures:
        assert figure in text, (document, figure)
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    pages = dialog.preview.pdf.pageCount()
    assert dialog.preview.page_label.text() == f"Page 1 of {pages}"
    assert document_for(document, demo.contest(LIVERPOOL)).title in dialog.status.text()


def test_the_preview_paints_readably_and_pages_can_be_turned(qtbot, demo):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    dialog.resize(1180, 900)
    dialog.place_edit.setText("Exhibition Centre Liverpool")
    dialog.refresh_preview()
    wait_for_preview(qtbot, dialog)
    view = dialog.preview.view
    # QPdfView paints pages as its renderer delivers them: wait for text (dark pixels) on screen.
    qtbot.waitUntil(lambda: dark_share(view.viewport().grab().toImage()) > 0.005, timeout=10_000)
    page_width = view.viewport().width()
    assert page_width > 700  # fit to width: a page is wide enough to read
    screenshot(dialog, "documents-dialog")

    dialog.select_document("verification")  # three pages
    wait_for_preview(qtbot, dialog)
    preview = dialog.preview
    assert preview.pdf.pageCount() >= 2 and preview.current_page() == 0
    assert not preview.previous_button.isEnabled() and preview.next_button.isEnabled()
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    assert preview.page_label.text() == f"Page 2 of {preview.pdf.pageCount()}"
    assert preview.previous_button.isEnabled()
    preview.zoom_combo.setCurrentText("Whole page")
    assert view.zoomMode() == view.ZoomMode.FitInView


def dark_share(image: QImage) -> float:
    small = image.scaled(QSize(200, 200), Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    dark = sum(1 for y in range(small.height()) for x in range(small.width())
               if QColor(small.pixel(x, y)).lightness() < 140)
    return dark / (small.width() * small.height())


def test_welsh_and_english_and_the_place_are_printed_and_the_place_remembered(qtbot, demo, tmp_path):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    assert dialog.language_combo.currentData() == "en"  # Liverpool is not a Welsh poll
    dialog.select_language("cy-en")
    qtbot.keyClicks(dialog.place_edit, "Exhibition Centre Liverpool")
    dialog.place_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: dialog.current and dialog.choice().place == "Exhibition Centre Liverpool",
                    timeout=15_000)
    text = bytes_text(dialog.preview.pdf_bytes(), tmp_path)
    assert "Exhibition Centre Liverpool" in text
    assert "datganiad o ganlyniad y bleidlais" in " ".join(text.lower().split())  # domain.md §9
    dialog.reject()
    again = open_dialog(qtbot, demo, LIVERPOOL)
    assert again.place_edit.text() == "Exhibition Centre Liverpool"


def test_a_welsh_poll_defaults_to_welsh_and_english(qtbot, tmp_path, open_counts):
    from countdesk.reports import default_lang

    count = load_count_file(ROOT / "resources" / "demo" / "liverpool-mayor-2021.json")
    election = type(count.election)(**{**count.election.__dict__, "bilingual": True})
    path = tmp_path / "welsh.countdesk"
    with CountSession.create(path, OPERATOR, election) as session:
        session.import_count(Count(election, count.contests))
    dialog = open_dialog(qtbot, open_count_file(path, open_counts), LIVERPOOL)
    assert dialog.language_combo.currentData() == default_lang(election) == "cy-en"
    assert default_lang(count.election) == "en"


def test_the_dialog_shares_the_place_with_the_export_and_offers_the_registry_documents(qtbot, demo):
    from countdesk.gui.dialogs.export_dialog import PLACE

    assert documents_module.PLACE.key == PLACE.key
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    kinds = documents_for(demo.contest(LIVERPOOL))
    assert dialog.offered() == tuple(kind.name for kind in kinds)
    combo = dialog.document_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [kind.title for kind in kinds]


def test_a_change_to_the_count_redraws_the_preview(qtbot, demo):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    before = dialog.choice()
    demo.reload(LIVERPOOL)
    assert not dialog.current  # the preview no longer shows the count as it is
    wait_for_preview(qtbot, dialog)
    assert dialog.choice() != before


# -- printing ------------------------------------------------------------------------------------------
def test_printing_to_a_pdf_printer_gives_the_declaration_as_previewed(qtbot, demo, tmp_path):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    target = tmp_path / "printed" / "declaration.pdf"
    target.parent.mkdir()
    assert dialog.print_to(pdf_printer(target))
    assert target.is_file()
    text = pdf_text(target)
    assert "ANDERSON" in text and "46,493" in text
    assert target.read_bytes() == dialog.preview.pdf_bytes()
    assert "Sent 1 page" in dialog.status.text() or "Sent 2 pages" in dialog.status.text()


def test_print_asks_for_an_a4_printer_and_prints_the_place_just_typed(qtbot, demo, tmp_path, monkeypatch):
    """Print… pressed while the preview is still catching up with the place typed: the print waits
    for the new preview, so the paper carries what is on the screen."""
    target = tmp_path / "declaration-printed.pdf"
    asked = []

    class PrintDialogAnswered:
        """The system print dialog, answered "print to file" (the real one is modal)."""

        def __init__(self, printer: QPrinter, parent) -> None:
            asked.append((printer.pageLayout().pageSize().id(), printer.fullPage(), printer.resolution()))
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))

        def setWindowTitle(self, title: str) -> None:
            asked.append(title)

        def setMinMax(self, first: int, last: int) -> None:
            pass

        def setOption(self, option, on: bool) -> None:
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(document_copies, "QPrintDialog", PrintDialogAnswered)
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    qtbot.keyClicks(dialog.place_edit, "St George's Hall")
    assert not dialog.current  # the preview still shows the place as it was
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.is_file, timeout=5_000)
    assert asked[0][0] == QPageSize.PageSizeId.A4 and asked[0][1] is True
    assert asked[0][2] >= 300  # high resolution
    assert asked[1] == "Print the declaration of result"
    assert "St George's Hall" in pdf_text(target) and "46,493" in pdf_text(target)


def test_pages_are_printed_as_images_at_the_printers_resolution(qtbot, demo, tmp_path):
    """What a paper printer gets: each page drawn at its resolution. Printed into a PDF here, then
    read back and compared with the preview's own pages."""
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    dialog.select_document("verification")
    wait_for_preview(qtbot, dialog)
    source = dialog.preview.pdf
    assert source.pageCount() >= 3
    target = tmp_path / "pages-2-3.pdf"
    printer = pdf_printer(target, resolution=150)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.print_to(printer), dialog.status.text()
    assert "Sent 2 pages" in dialog.status.text()

    printed, keep = load_pdf(target.read_bytes())
    assert printed.pageCount() == 2
    assert "ANDERSON" not in pdf_text(target)  # pictures of pages, not the document's text
    first_printed = page_pixels(printed, 0)
    same_page = difference(first_printed, page_pixels(source, 1))  # page 2, as previewed
    assert same_page < 15
    assert difference(first_printed, page_pixels(source, 0)) > 2 * same_page  # not page 1
    assert difference(page_pixels(printed, 1), page_pixels(source, 2)) < 15


def test_a_printer_that_cannot_print_is_reported(qtbot, demo, tmp_path):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    missing = tmp_path / "no-such-folder" / "out.pdf"
    assert not dialog.print_to(pdf_printer(missing))
    assert dialog.status.text().startswith("Not printed: the PDF could not be written")
    assert str(missing) in dialog.status.text() and dialog.status.property("role") == "fieldError"
    with pytest.raises(CountdeskError, match="the printer could not be started"):
        paint_pages(dialog.preview.pdf, pdf_printer(missing, resolution=72), [0])
    assert not missing.parent.exists()


def load_pdf(data: bytes):
    keep = QByteArray(data)
    buffer = QBuffer(keep)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf = QPdfDocument()
    pdf.load(buffer)
    assert pdf.status() == QPdfDocument.Status.Ready
    return pdf, (keep, buffer)


def page_pixels(pdf: QPdfDocument, page: int) -> bytes:
    """Grey levels of a band across the middle of the page drawn at 150 dpi on white paper: where a
    page printed at 150 dpi and the same page drawn from the document meet pixel for pixel."""
    image = pdf.render(page, QSize(1240, 1754))
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    grey = paper.copy(QRect(100, 300, 1000, 600)).convertToFormat(QImage.Format.Format_Grayscale8)
    raw, stride = bytes(grey.constBits()), grey.bytesPerLine()
    return b"".join(raw[row * stride:row * stride + grey.width()] for row in range(grey.height()))


def difference(a: bytes, b: bytes) -> float:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


# -- saving --------------------------------------------------------------------------------------------
def test_save_as_pdf_writes_the_previewed_declaration(qtbot, demo, tmp_path, monkeypatch):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    asked = []

    def choose(parent, caption, suggested, file_filter):
        asked.append(Path(suggested).name)
        return str(tmp_path / "saved" / "liverpool-declaration"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "saved" / "liverpool-declaration.pdf"
    qtbot.waitUntil(lambda: not dialog.saving, timeout=15_000)
    assert asked == [f"declaration-{LIVERPOOL}.pdf"]
    assert target.is_file(), dialog.status.text()
    assert target.read_bytes() == dialog.preview.pdf_bytes()  # the same paper the preview showed
    assert "ANDERSON" in pdf_text(target) and str(target) in dialog.status.text()


def test_saving_where_it_cannot_be_written_says_so(qtbot, demo, tmp_path, monkeypatch):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(blocker / "x.pdf"), ""))
    dialog.save_as_pdf()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=15_000)
    assert dialog.status.text().startswith("Not saved:") and dialog.status.property("role") == "fieldError"


# -- not ready -----------------------------------------------------------------------------------------
def needs_lot_count(tmp_path: Path, opened: list):
    count = load_count_file(ROOT / "tests" / "golden" / "fptp-three-seats-last-seat-lot" / "count.json")
    contest = count.contests[0]
    count = Count(count.election, (type(contest)(**{**contest.__dict__, "lots": ()}),))
    path = tmp_path / "lot.countdesk"
    with CountSession.create(path, OPERATOR, count.election) as session:
        session.import_count(count)
    return open_count_file(path, opened), contest.id, "a tie must first be decided by lot"


def incomplete_count(tmp_path: Path, opened: list):
    path = make_count_file(tmp_path / "incomplete.countdesk", (small_sv_contest(),))
    return open_count_file(path, opened), "mayor.testshire", "the count is not complete"


@pytest.mark.parametrize("make", [needs_lot_count, incomplete_count], ids=["needs-lots", "incomplete"])
def test_a_result_not_ready_is_refused_plainly_and_the_provisional_sheet_offered(qtbot, tmp_path, open_counts,
                                                                                  make):
    open_count, contest_id, why = make(tmp_path, open_counts)
    dialog = open_dialog(qtbot, open_count, contest_id)
    assert dialog.choice().document == "declaration"
    wait_for_refusal(qtbot, dialog)
    assert "cannot be declared yet" in dialog.status.text() and why in dialog.status.text()
    assert dialog.status.property("role") == "fieldError"
    assert not dialog.save_button.isEnabled() and dialog.preview.pdf.pageCount() == 0
    assert dialog.provisional_button.isVisible()
    if make is incomplete_count:
        screenshot(dialog, "documents-dialog-not-ready")
    qtbot.mouseClick(dialog.provisional_button, Qt.MouseButton.LeftButton)
    wait_for_preview(qtbot, dialog)
    assert dialog.choice().document == "provisional" and dialog.print_button.isEnabled()
    assert not dialog.provisional_button.isVisible()
    dialog.select_document("declaration")
    wait_for_refusal(qtbot, dialog)
    dialog.select_document("rejected")  # the other documents stay available
    wait_for_preview(qtbot, dialog)


# -- keyboard and the main window ------------------------------------------------------------------------
def test_every_control_is_named_reachable_by_tab_and_escape_closes(qtbot, demo):
    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    dialog.select_document("verification")  # several pages: "Next page" is enabled
    wait_for_preview(qtbot, dialog)
    dialog.activateWindow()
    dialog.document_combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.document_combo)
    reached = []
    for _ in range(14):
        reached.append(focused())
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    preview = dialog.preview
    for widget in (dialog.document_combo, dialog.language_combo, dialog.place_edit, dialog.print_button,
                   dialog.save_button, dialog.close_button, preview.next_button, preview.zoom_combo, preview.view):
        assert widget in reached, widget.objectName()
    for widget in dialog.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            assert widget.accessibleName(), widget
    assert dialog.font() == QApplication.font()  # text follows the app (system) font
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == DocumentsDialog.DialogCode.Rejected


def test_ctrl_p_in_the_main_window_opens_the_documents_of_the_contest_shown(qtbot, tmp_path):
    from countdesk.gui.main_window import MainWindow

    path = make_count_file(tmp_path / "testshire.countdesk", (small_sv_contest(),))
    window = MainWindow(operator=OPERATOR)
    qtbot.addWidget(window)
    action = window.findChild(QAction, "documents")
    assert not action.isEnabled()
    assert window.open_count(path)
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+P"
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    seen = []
    when_modal(lambda dialog: (seen.append((type(dialog).__name__, dialog.contest_id)), dialog.reject()))
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert seen == [("DocumentsDialog", "mayor.testshire")]
    window.close_count()
    assert not action.isEnabled()


def test_a_figure_changed_outside_the_app_is_neither_saved_nor_printed(qtbot, demo, tmp_path, monkeypatch):
    """Issue 14 item 2: the app's copies for signing replay the figures from the trail first."""
    import sqlite3

    dialog = open_dialog(qtbot, demo, LIVERPOOL)
    wait_for_preview(qtbot, dialog)
    conn = sqlite3.connect(demo.path)
    with conn:
        sheet, candidate = conn.execute("SELECT sheet_id, candidate_id FROM sheet_vote LIMIT 1").fetchone()
        conn.execute("UPDATE sheet_vote SET votes = votes + 1 WHERE sheet_id = ? AND candidate_id = ?",
                     (sheet, candidate))
    conn.close()
    printed = tmp_path / "printed.pdf"
    assert not dialog.print_to(pdf_printer(printed))
    assert "was refused" in dialog.status.text() and "changed outside the app" in dialog.status.text()
    assert not printed.exists()
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving, timeout=15_000)
    assert not target.exists() and "changed outside the app" in dialog.status.text()

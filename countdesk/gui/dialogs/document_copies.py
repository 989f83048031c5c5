"""Copies of the previewed document leaving the count: printed, or saved as a PDF file, each
recorded in the count's audit trail with the fingerprint printed on it
(services/document_events.py).

Kept apart from the Documents dialog, which decides what is on screen (the choice, the render off
the GUI thread), because this is the part with consequences outside the app: paper from a
printer, a file on disk, a row in the audit trail. It is handed what the preview shows (a
`Previewed`, holding the document rendered once) and never renders anything itself: the printer
gets the previewed pages, the file the previewed bytes, and the audit row hashes those bytes. A
file is saved the one way the command line saves one too (services.document_events:
write_document_copy, then record_document_saved).

The audit row is written on the GUI thread, by the session's own thread: one small transaction.
A cancelled print dialog or a failed print or save records nothing; a count open read-only here
still prints and saves, and the status says the copy is not recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from ...errors import CountdeskError
from ..controls.pdf_preview import a4_printer, pages_to_print, print_pdf
from ..worker import Task, run_in_background

if TYPE_CHECKING:  # the documents stack (reportlab) is loaded by the render, off the GUI thread
    from ...services import AuditRow
    from ...services.documents import RenderedDocument

PDF_FILTER = QT_TRANSLATE_NOOP("DocumentCopies", "PDF documents (*.pdf)")

#: Writes one copy's audit row through the session it is given, and returns the row.
Recorder = Callable[[Any], "AuditRow"]


@dataclass(frozen=True)
class Previewed:
    """The document the preview shows, as it is printed or saved."""

    rendered: RenderedDocument  # the document, its context (figures, place, time, fingerprint) and PDF
    pdf: QPdfDocument  # loaded from the rendered bytes: the pages the printer is given
    current_page: int  # what "Current page" in the print dialog means
    file_name: str  # the file name offered when saving, e.g. "declaration-<contest id>.pdf"

    @property
    def title(self) -> str:
        return self.rendered.title

    @property
    def pages(self) -> int:
        return self.rendered.pages


class DocumentCopies(QObject):
    """Print and save the previewed document for the dialog that owns it (its parent), and record
    each copy. Says what happened through `status`, and `saving_changed` while a file is written."""

    #: A line for the dialog's status: the text, and whether it is a problem.
    status = Signal(str, bool)
    saving_changed = Signal()

    def __init__(self, open_count, parent: QWidget) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self._window = parent
        self._save_task: Task | None = None

    @property
    def saving(self) -> bool:
        return self._save_task is not None

    def cancel(self) -> None:
        """Drop the save in flight: neither its status nor its audit row reaches a closed dialog."""
        if self._save_task is not None:
            self._save_task.cancel()
        self._save_task = None

    def _require_trail(self, shown: Previewed) -> None:
        """Paper that will be signed is printed only from figures that replay from the audit trail."""
        path = getattr(self.open_count, "path", None)
        if path is not None:
            from ...services.integrity import require_trail_matches

            require_trail_matches(path, f"printing the {shown.title.lower()}")

    # -- printing -----------------------------------------------------------------------------------
    def ask_printer(self, shown: Previewed) -> QPrinter | None:
        """The system's print dialog for an A4 printer at high resolution; None if cancelled."""
        printer = a4_printer()
        printer.setDocName(shown.file_name.removesuffix(".pdf"))
        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle(self.tr("Print the {0}").format(_shown_title(shown).lower()))
        dialog.setMinMax(1, shown.pages)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def print_on(self, shown: Previewed, printer: QPrinter) -> bool:
        """Send the pages chosen on `printer` (set up already), drawn at its resolution, then record
        the copy; say plainly if it failed."""
        pages = pages_to_print(printer, shown.pages, shown.current_page)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._require_trail(shown)
            print_pdf(shown.pdf, shown.rendered.data, printer, pages, count_path=getattr(self.open_count, "path", None))
        except CountdeskError as error:
            self.status.emit(self.tr("Not printed: {0} ({1}).").format(error.message, error.where), True)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        where = printer.outputFileName() or printer.printerName() or "the printer"
        shown_where = printer.outputFileName() or printer.printerName() or self.tr("the printer")
        sent = (self.tr("Sent 1 page to {1}.") if len(pages) == 1 else self.tr("Sent {0} pages to {1}.")).format(
            len(pages), shown_where)
        copies, pages_printed = max(1, printer.copyCount()), [page + 1 for page in pages]

        def record(session) -> AuditRow:
            from ...services.document_events import record_document_printed

            return record_document_printed(session, shown.rendered, printer=where, copies=copies,
                                           pages_printed=pages_printed)

        self._record(sent, record)
        return True

    # -- saving -------------------------------------------------------------------------------------
    def ask_file_and_save(self, shown: Previewed) -> None:
        """Ask where, then write the document there (atomically) off the GUI thread."""
        folder = Path(self.open_count.path).parent if getattr(self.open_count, "path", None) else Path.home()
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("Save the {0} as PDF").format(_shown_title(shown).lower()),
            str(folder / shown.file_name), self.tr(PDF_FILTER))
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(f"{chosen}.pdf")
        self.save_to(shown, path)

    def save_to(self, shown: Previewed, path: Path) -> None:
        """Write the previewed document to `path` off the GUI thread (the same bytes: nothing is
        rendered again), then record the copy."""
        rendered = shown.rendered
        count_path = getattr(self.open_count, "path", None)

        def work(_token) -> Recorder:
            from ...services.document_events import record_document_saved, write_document_copy

            written = write_document_copy(rendered, path, count_path=count_path)
            return lambda session: record_document_saved(session, rendered, written)

        self.status.emit(self.tr("Saving to {0}…").format(path), False)
        self._save_task = run_in_background(work, lambda record: self._saved(path, record), self._save_failed)
        self.saving_changed.emit()

    def _saved(self, path: Path, record: Recorder) -> None:
        """Back on the GUI thread, the file written: the audit row is written here, by the session's thread."""
        self._save_task = None
        self._record(self.tr("Saved to {0}.").format(path), record)
        self.saving_changed.emit()

    def _save_failed(self, error: BaseException) -> None:
        self._save_task = None
        if isinstance(error, OSError):
            text = self.tr("Not saved: {0} ({1}).").format(error.strerror or error,
                                                            error.filename or self.tr("the file"))
        elif isinstance(error, CountdeskError):
            text = self.tr("Not saved: {0}").format(error.message)
        else:
            text = self.tr("Not saved: {0}").format(error)
        self.status.emit(text, True)
        self.saving_changed.emit()

    # -- recording ----------------------------------------------------------------------------------
    def _record(self, done: str, record: Recorder) -> None:
        """Record the copy just printed or saved in the audit trail; `done` says what happened and
        the status adds whether it is recorded. Never undoes the print or the save."""
        if self.open_count.read_only:
            self.status.emit(self.tr("{0} Not recorded in the audit log: this count is open read-only here "
                                     "(another countdesk has it open for writing).").format(done), False)
            return
        try:
            row = self.open_count.record(record)
        except CountdeskError as error:
            self.status.emit(self.tr("{0} Not recorded in the audit log: {1}").format(done, error.message), True)
            return
        self.status.emit(self.tr("{0} Recorded in the audit log (entry {1}).").format(done, row.id), False)


def _shown_title(shown: Previewed) -> str:
    """The document's title in the user's language (the documents dialog marks the registry's titles)."""
    return QCoreApplication.translate("DocumentTitles", shown.title)

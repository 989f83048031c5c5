"""A PDF on screen and on paper: the preview the returning officer checks, and the pages printed
from exactly the same bytes.

QPdfDocument reads from a QIODevice it does not own. Each QBuffer here holds its own copy of the
bytes (setData), never a pointer to a QByteArray that Python could free while Qt still reads or
closes the buffer; an old buffer is deleted later, with its bytes, once the document let go of it.
QPdfView paints asynchronously: wait for `pdf.status()` to be Ready before reading pages.

Printing draws each page as an image at the printer's own resolution, rendered in bands so a
1200 dpi printer needs a few tens of megabytes rather than half a gigabyte per page. Printing to a
PDF file writes the document itself instead, so its text stays text (searchable, and as sharp as
the original).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPageSize, QPainter, QPalette
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...durable import write_file_durably
from ...errors import CountdeskError
from ...output_guard import refuse_overwriting_inputs

translate = QCoreApplication.translate
#: Rows of printer pixels rendered at once: bounds memory whatever the printer's resolution.
BAND_ROWS = 1024

#: (label, QPdfView zoom mode, factor for a custom zoom)
ZOOMS: tuple[tuple[str, QPdfView.ZoomMode, float], ...] = (
    (QT_TRANSLATE_NOOP("PdfPreview", "Fit width"), QPdfView.ZoomMode.FitToWidth, 1.0),
    (QT_TRANSLATE_NOOP("PdfPreview", "Whole page"), QPdfView.ZoomMode.FitInView, 1.0),
    (QT_TRANSLATE_NOOP("PdfPreview", "100 %"), QPdfView.ZoomMode.Custom, 1.0),
    (QT_TRANSLATE_NOOP("PdfPreview", "150 %"), QPdfView.ZoomMode.Custom, 1.5),
    (QT_TRANSLATE_NOOP("PdfPreview", "200 %"), QPdfView.ZoomMode.Custom, 2.0),
)


class PdfPreview(QWidget):
    """The pages of one PDF, one under the other, with page navigation and zoom."""

    #: The document finished loading (True) or was cleared / failed to load (False).
    loaded = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.pdf = QPdfDocument(self)
        self._data = QByteArray()
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(self.tr("Preview of the document"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll the pages
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, Qt.GlobalColor.darkGray)  # pages stand out as paper
        self.view.setPalette(palette)
        self.view.setBackgroundRole(QPalette.ColorRole.Dark)

        self.previous_button = QPushButton(self.tr("Pre&vious page"))
        self.previous_button.setObjectName("previousPage")
        self.previous_button.setAccessibleName(self.tr("Previous page"))
        self.previous_button.clicked.connect(self.previous_page)
        self.page_label = QLabel("")
        self.page_label.setObjectName("pageLabel")
        self.page_label.setAccessibleName(self.tr("Page shown"))
        self.next_button = QPushButton(self.tr("&Next page"))
        self.next_button.setObjectName("nextPage")
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.next_button.clicked.connect(self.next_page)
        zoom_label = QLabel(self.tr("&Zoom:"))
        self.zoom_combo = QComboBox()
        self.zoom_combo.setObjectName("zoom")
        self.zoom_combo.setAccessibleName(self.tr("Zoom"))
        for label, _mode, _factor in ZOOMS:
            self.zoom_combo.addItem(self.tr(label))
        zoom_label.setBuddy(self.zoom_combo)
        self.zoom_combo.currentIndexChanged.connect(self._zoom_chosen)

        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.previous_button, self.next_button)
        self.setTabOrder(self.next_button, self.zoom_combo)
        self.setTabOrder(self.zoom_combo, self.view)

        self.pdf.statusChanged.connect(self._status_changed)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self._show_page_number()

    # -- the document ---------------------------------------------------------------------------
    def show_pdf(self, data: bytes) -> None:
        """Show these PDF bytes from the first page, at the zoom chosen."""
        self.pdf.close()  # let go of the old buffer before it goes
        self._data = QByteArray(data)
        buffer = QBuffer(self)
        buffer.setData(self._data)  # the buffer's own (implicitly shared) copy, freed with the buffer
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old, self._buffer = self._buffer, buffer
        if old is not None:
            old.close()
            old.deleteLater()
        self.pdf.load(buffer)

    def clear(self) -> None:
        self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._data = QByteArray()
        self._show_page_number()
        self.loaded.emit(False)

    def pdf_bytes(self) -> bytes:
        """The bytes shown (empty when nothing is)."""
        return bytes(self._data.data())

    @property
    def ready(self) -> bool:
        return self.pdf.status() == QPdfDocument.Status.Ready and self.pdf.pageCount() > 0

    def _status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.go_to_page(0)
            self.loaded.emit(True)
        elif status == QPdfDocument.Status.Error:
            self.loaded.emit(False)
        self._show_page_number()

    # -- moving about ---------------------------------------------------------------------------
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if not 0 <= page < self.pdf.pageCount():
            return
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())
        self._show_page_number()

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def _zoom_chosen(self, index: int) -> None:
        _label, mode, factor = ZOOMS[index]
        if mode == QPdfView.ZoomMode.Custom:
            self.view.setZoomFactor(factor)
        self.view.setZoomMode(mode)

    def _show_page_number(self, *_args: object) -> None:
        pages = self.pdf.pageCount() if self.pdf.status() == QPdfDocument.Status.Ready else 0
        page = self.current_page()
        self.page_label.setText(self.tr("Page {0} of {1}").format(page + 1, pages) if pages else self.tr("No pages"))
        self.page_label.setAccessibleDescription(self.page_label.text())
        self.previous_button.setEnabled(pages > 0 and page > 0)
        self.next_button.setEnabled(pages > 0 and page < pages - 1)


# -- paper ---------------------------------------------------------------------------------------
def a4_printer() -> QPrinter:
    """A printer at its full resolution, A4, drawing to the paper's edge (the PDF has its margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def pages_to_print(printer: QPrinter, page_count: int, current_page: int = 0) -> list[int]:
    """The 0-based pages the print dialog asked for, within the document."""
    chosen = printer.printRange()
    if chosen == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(printer.toPage() or page_count, page_count) - 1
        return list(range(first, last + 1))
    if chosen == QPrinter.PrintRange.CurrentPage:
        return [current_page] if 0 <= current_page < page_count else []
    return list(range(page_count))


def print_pdf(pdf: QPdfDocument, data: bytes, printer: QPrinter, pages: list[int], *,
              count_path: Path | None = None) -> None:
    """Print `pages` of `pdf` (whose bytes are `data`). Raises CountdeskError saying what failed;
    printing to a PDF file that is the count (`count_path`) or beside it under its name is refused."""
    if not pages:
        raise CountdeskError(translate("PdfPreview", "there is no page to print in the range chosen"), "print")
    target = printer.outputFileName()
    whole_document = pages == list(range(pdf.pageCount())) and printer.copyCount() == 1
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        refuse_overwriting_inputs(target, count=count_path)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target and whole_document:
        try:
            write_file_durably(Path(target), data)
        except OSError as error:
            raise CountdeskError(translate("PdfPreview", "the PDF could not be written: {0}").format(
                error.strerror or error), target) from None
        return
    paint_pages(pdf, printer, pages)


def paint_pages(pdf: QPdfDocument, printer: QPrinter, pages: list[int]) -> None:
    """Draw each page as an image at the printer's resolution, scaled to fit the paper."""
    painter = QPainter()
    if not painter.begin(printer):
        where = printer.outputFileName() or printer.printerName() or "printer"
        raise CountdeskError(translate("PdfPreview", "the printer could not be started: check that it is switched on "
                                                     "and ready, or choose another printer"), where)
    # A printer driver makes the copies itself where it can; a PDF file gets each copy drawn.
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    try:
        for index, page in enumerate(pages * copies):
            if index and not printer.newPage():
                raise CountdeskError(translate("PdfPreview", "the printer stopped before page {0}").format(page + 1),
                                     printer.printerName())
            _paint_page(pdf, page, printer, painter)
    finally:
        painter.end()


def _paint_page(pdf: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> None:
    paper = printer.pageRect(QPrinter.Unit.DevicePixel)
    points = pdf.pagePointSize(page)
    dpi = printer.resolution()
    full = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    scale = min(paper.width() / full.width(), paper.height() / full.height())
    left = paper.left() + (paper.width() - full.width() * scale) / 2
    top = paper.top() + (paper.height() - full.height() * scale) / 2
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(full)
    for y in range(0, full.height(), BAND_ROWS):
        rows = min(BAND_ROWS, full.height() - y)
        options.setScaledClipRect(QRect(0, y, full.width(), rows))
        band = pdf.render(page, QSize(full.width(), rows), options)
        if band.isNull():
            raise CountdeskError(translate("PdfPreview", "page {0} could not be drawn for the printer (out of "
                                                         "memory?)").format(page + 1), "print")
        paper_band = QImage(band.size(), QImage.Format.Format_RGB32)  # PDF pages render transparent
        paper_band.fill(Qt.GlobalColor.white)
        composer = QPainter(paper_band)
        composer.drawImage(0, 0, band)
        composer.end()
        painter.drawImage(QRectF(left, top + y * scale, full.width() * scale, rows * scale), paper_band)

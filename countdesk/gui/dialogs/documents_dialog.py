"""Preview, print and save the printed documents of one contest: those the document registry
(services/document_registry.py) makes for it, under the registry's titles: the declaration the
returning officer reads out (or the notice of uncontested election, or a referendum's declaration),
the statements of rejected ballot papers and of the verification, the provisional result sheet, and
the statements of the first and second preference counts where they apply.

What is printed or saved is exactly what was previewed: the document is rendered once per choice
(services.documents.RenderedDocument: figures, place, time, fingerprint, bytes and page count). The
documents are drawn from the result the screen shows (OpenCount.result, which follows a collating
officer's round-2 instruction), as the export's are. Rendering runs off the GUI thread; a change to
the count re-renders the preview.

This module chooses and previews; printing, saving and the audit row of each copy are
document_copies.py's job, handed what the preview shows once it is current.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import CountdeskError
from ...services.document_registry import DocumentKind, documents_for
from ..appearance import set_style_flag
from ..controls.pdf_preview import PdfPreview
from ..settings import Setting
from ..worker import Task, run_in_background
from .document_copies import PDF_FILTER, DocumentCopies, Previewed

__all__ = ["LANGUAGES", "PDF_FILTER", "PLACE", "Choice", "DocumentsDialog"]

#: The place of the count printed on the documents: the same setting (key) the export dialog
#: keeps, so the place typed in one is offered in the other. Declared here as well, so opening this
#: dialog does not load the export's signing stack; a test keeps the two keys equal.
PLACE: Setting[str] = Setting("export/place", str, "")

LANGUAGES: dict[str, str] = {"en": QT_TRANSLATE_NOOP("DocumentsDialog", "English"),
                             "cy-en": QT_TRANSLATE_NOOP("DocumentsDialog", "Welsh and English")}
#: The registry's document titles (services/document_registry.py, outside the GUI), marked here so
#: that the dialog shows them translated; a test checks that every title of the registry is here.
DOCUMENT_TITLE_WORDS = (
    QT_TRANSLATE_NOOP("DocumentTitles", "Declaration of result"),
    QT_TRANSLATE_NOOP("DocumentTitles", "Notice of uncontested election"),
    QT_TRANSLATE_NOOP("DocumentTitles", "Declaration of the result of the referendum"),
    QT_TRANSLATE_NOOP("DocumentTitles", "Statement of rejected ballot papers"),
    QT_TRANSLATE_NOOP("DocumentTitles", "Verification statement"),
    QT_TRANSLATE_NOOP("DocumentTitles", "Provisional result sheet"),
    QT_TRANSLATE_NOOP("DocumentTitles", "Statement at the conclusion of the first count"),
    QT_TRANSLATE_NOOP("DocumentTitles", "Statement after the count of second preference votes"),
)


def document_title(title: str) -> str:
    """A registry title in the user's language."""
    return QCoreApplication.translate("DocumentTitles", title)
#: A pause in typing the place before the preview is redrawn.
PLACE_DELAY_MS = 600


def now_local() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Choice:
    """What to print; the preview is current when its choice equals the dialog's."""

    document: str
    lang: str
    place: str
    data_version: int


class DocumentsDialog(QDialog):
    def __init__(self, open_count, contest_id: str, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = now_local) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self.contest_id = contest_id
        self._clock = clock
        self._data_version = 0
        self._render_task: Task | None = None
        self._rendering: Choice | None = None  # the choice the render in flight is for
        self._shown: Choice | None = None  # the choice the preview shows (or failed to render)
        self._shown_document = None  # its RenderedDocument: what is printed or saved
        self._kinds: dict[str, DocumentKind] = {}  # the documents offered, by name
        self._problem = False
        self._after_render: Callable[[], None] | None = None
        contest = open_count.contest(contest_id)
        self.setObjectName("documentsDialog")
        self.setWindowTitle(self.tr("Documents — {0}").format(contest.title))
        self.setAccessibleName(self.tr("Documents for {0}").format(contest.title))
        self._copies = DocumentCopies(open_count, self)
        self._copies.status.connect(self._set_status)
        self._copies.saving_changed.connect(self._update_buttons)
        self._build(contest.title, bilingual=open_count.count().election.bilingual)
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(PLACE_DELAY_MS)
        self._place_timer.timeout.connect(self.refresh_preview)
        self.open_count.changed.connect(self._count_changed)
        self.refresh_preview()

    # -- layout -----------------------------------------------------------------------------------
    def _build(self, contest_title: str, *, bilingual: bool) -> None:
        heading = QLabel(contest_title)
        heading.setObjectName("contestTitle")
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        self.document_combo = QComboBox()
        self.document_combo.setObjectName("documentChoice")
        self.document_combo.setAccessibleName(self.tr("Document"))
        self._offer_documents()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageChoice")
        self.language_combo.setAccessibleName(self.tr("Language"))
        for code, title in LANGUAGES.items():
            self.language_combo.addItem(self.tr(title), code)
        # Welsh polls print bilingually, Welsh first (reports.default_lang: the same rule).
        self.language_combo.setCurrentIndex(self.language_combo.findData("cy-en" if bilingual else "en"))
        self.place_edit = QLineEdit(PLACE.read())
        self.place_edit.setObjectName("place")
        self.place_edit.setAccessibleName(self.tr("Place of the count, printed on the documents"))
        self.place_edit.setPlaceholderText(self.tr("e.g. Exhibition Centre Liverpool"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self._buddy(self.tr("&Document:"), self.document_combo), self.document_combo)
        form.addRow(self._buddy(self.tr("&Language:"), self.language_combo), self.language_combo)
        form.addRow(self._buddy(self.tr("Place of the &count:"), self.place_edit), self.place_edit)

        self.status = QLabel("")
        self.status.setObjectName("documentStatus")
        self.status.setAccessibleName(self.tr("Document status"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.provisional_button = QPushButton(self.tr("Show the provisional &result sheet"))
        self.provisional_button.setObjectName("showProvisional")
        self.provisional_button.setAccessibleName(self.tr("Show the provisional result sheet instead"))
        self.provisional_button.clicked.connect(self.show_provisional)
        self.provisional_button.hide()

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setAccessibleName(self.tr("Print the document"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save the document as a PDF file"))
        self.save_button.clicked.connect(self.save_as_pdf)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(heading)
        side.addLayout(form)
        side.addWidget(self.status)
        side.addWidget(self.provisional_button)
        side.addStretch(1)
        side.addWidget(self.print_button)
        side.addWidget(self.save_button)
        side.addWidget(self.close_button)
        panel = QWidget()
        panel.setLayout(side)
        panel.setMaximumWidth(max(300, self.fontMetrics().horizontalAdvance("M") * 24))

        self.preview = PdfPreview()
        self.preview.loaded.connect(self._preview_loaded)
        layout = QHBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(self.preview, 1)
        chain = [self.document_combo, self.language_combo, self.place_edit, self.provisional_button,
                 self.print_button, self.save_button, self.close_button, self.preview.previous_button,
                 self.preview.next_button, self.preview.zoom_combo, self.preview.view]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

        self.document_combo.currentIndexChanged.connect(self.refresh_preview)
        self.language_combo.currentIndexChanged.connect(self.refresh_preview)
        self.place_edit.textEdited.connect(self._place_edited)
        self.place_edit.editingFinished.connect(self._place_finished)
        self._size_to_screen()

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _size_to_screen(self) -> None:
        """Large enough to read a page across its width; never bigger than the screen."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1180, 900
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.95)), min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    def _offer_documents(self) -> None:
        """The registry's documents for this contest, as it now is (a change at set-up can make it
        uncontested, or contested again); the choice is kept while it is still offered."""
        kinds = {kind.name: kind for kind in documents_for(self.open_count.contest(self.contest_id))}
        if kinds == self._kinds:
            return
        chosen = self.document_combo.currentData()
        self.document_combo.blockSignals(True)
        self.document_combo.clear()
        for name, kind in kinds.items():
            title = document_title(kind.title)
            self.document_combo.addItem(title, name)
            self.document_combo.setItemData(self.document_combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        self.document_combo.setCurrentIndex(max(0, self.document_combo.findData(chosen)))
        self.document_combo.blockSignals(False)
        # A long title is cut short in the narrow side panel: the list shows each in full.
        view = self.document_combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 8)
        self._kinds = kinds

    def offered(self) -> tuple[str, ...]:
        """The names of the documents offered, in order."""
        return tuple(self.document_combo.itemData(index) for index in range(self.document_combo.count()))

    def _title(self, name: str) -> str:
        return document_title(self._kinds[name].title) if name in self._kinds else name

    # -- what is chosen -----------------------------------------------------------------------------
    def choice(self) -> Choice:
        return Choice(self.document_combo.currentData(), self.language_combo.currentData(),
                      self.place_edit.text().strip(), self._data_version)

    def select_document(self, name: str) -> None:
        index = self.document_combo.findData(name)
        if index < 0:
            raise ValueError(f'unknown document "{name}"')
        self.document_combo.setCurrentIndex(index)

    def select_language(self, lang: str) -> None:
        index = self.language_combo.findData(lang)
        if index < 0:
            raise ValueError(f'unknown language "{lang}"')
        self.language_combo.setCurrentIndex(index)

    def show_provisional(self) -> None:
        self.select_document("provisional")
        self.document_combo.setFocus()

    @property
    def current(self) -> bool:
        """The preview shows the document as now chosen, ready to print or save."""
        return self._shown == self.choice() and not self._problem and self.preview.ready

    @property
    def shown_document(self):
        """The RenderedDocument the preview shows (None while none is, or after a refusal): the one
        render that is printed and saved."""
        return self._shown_document

    @property
    def rendering(self) -> bool:
        return self._render_task is not None

    def _place_edited(self, _text: str) -> None:
        self._place_timer.start()
        self._update_buttons()

    def _place_finished(self) -> None:
        PLACE.write(self.place_edit.text().strip())
        if self._shown != self.choice() and not self.rendering:
            self.refresh_preview()

    def _count_changed(self, contest_id: str) -> None:
        if contest_id in ("", self.contest_id):
            self._data_version += 1
            try:
                self._offer_documents()
            except KeyError:  # the contest was removed: refresh_preview says so
                pass
            self.refresh_preview()

    # -- rendering ----------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Render the chosen document off the GUI thread; the preview follows when it is ready."""
        self._place_timer.stop()
        if self._render_task is not None:
            self._render_task.cancel()
        choice = self.choice()
        try:
            count, result = self.open_count.count(), self.open_count.result(self.contest_id)
            head = self.open_count.audit_head()
        except Exception as error:  # noqa: BLE001 - a contest removed meanwhile, an unreadable file: say so
            self._render_failed(error, choice)
            return
        contest_id, generated_at = self.contest_id, self._clock()

        def work(token):
            from ...services.documents import document_context, render_document

            context = document_context(count, contest_id, lang=choice.lang, place=choice.place,
                                       generated_at=generated_at, trail_head=head,
                                       result=result)  # the result on screen (round-2 instruction)
            token.check()
            return choice, render_document(choice.document, context)

        self._set_status(self.tr("Preparing the {0}…").format(self._title(choice.document).lower()))
        self._rendering = choice
        self._render_task = run_in_background(work, self._rendered, self._render_error)
        self._update_buttons()

    def _rendered(self, value) -> None:
        choice, rendered = value
        self._render_task = None
        self._shown, self._shown_document, self._problem = choice, rendered, False
        self.provisional_button.hide()
        self.preview.show_pdf(rendered.data)  # _preview_loaded follows when the pages can be shown

    def _render_error(self, error: BaseException) -> None:
        self._render_task = None
        self._render_failed(error, self._rendering)

    def _render_failed(self, error: BaseException, choice: Choice) -> None:
        self._shown, self._shown_document, self._problem = choice, None, True
        self._after_render = None
        self.preview.clear()
        if isinstance(error, CountdeskError):
            # The refusal names the contest for the command line; here the contest is in the title.
            text = _sentence(error.message.removeprefix(f"contest {self.contest_id}: "))
        else:
            text = self.tr("The {0} could not be made: {1}").format(self._title(choice.document).lower(), error)
        self._set_status(text, problem=True)
        self.provisional_button.setVisible(choice.document != "provisional")
        self._update_buttons()

    def _preview_loaded(self, ok: bool) -> None:
        if self._problem:
            return
        if not ok:
            self._problem = True
            self._set_status(self.tr("The document was made but could not be shown."), problem=True)
        else:
            pages = self._shown_document.pages
            title = document_title(self._shown_document.title)
            ready = (self.tr("{0}: 1 page, ready to print or save.") if pages == 1 else
                     self.tr("{0}: {1} pages, ready to print or save."))
            self._set_status(ready.format(title, pages))
        self._update_buttons()
        action, self._after_render = self._after_render, None
        if action is not None and self.current:
            action()

    def _when_current(self, action: Callable[[], None]) -> None:
        """Run `action` on the preview as now chosen: at once, or once the new render is shown."""
        if self.current:
            action()
            return
        self._after_render = action
        if not self.rendering and self._shown != self.choice():
            self.refresh_preview()

    # -- printing and saving (document_copies.py) ---------------------------------------------------
    def _previewed(self) -> Previewed:
        """What the preview shows, for a copy of it (called once the preview is current)."""
        return Previewed(self._shown_document, self.preview.pdf, self.preview.current_page(), self.default_file_name())

    def print_document(self) -> None:
        """Print…: the system's print dialog, then every page chosen, at the printer's resolution."""
        self._when_current(self._ask_printer_and_print)

    def _ask_printer_and_print(self) -> None:
        printer = self._copies.ask_printer(self._previewed())
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the previewed document on `printer` (set up already); say plainly if it failed."""
        if not self.current:
            self._set_status(self.tr("Wait for the preview before printing."), problem=True)
            return False
        return self._copies.print_on(self._previewed(), printer)

    def default_file_name(self) -> str:
        return f"{self.choice().document}-{self.contest_id}.pdf"

    def save_as_pdf(self) -> None:
        """Save as PDF…: ask where, then write the previewed document there (atomically)."""
        self._when_current(lambda: self._copies.ask_file_and_save(self._previewed()))

    @property
    def saving(self) -> bool:
        return self._copies.saving

    # -- state --------------------------------------------------------------------------------------
    def _set_status(self, text: str, problem: bool = False) -> None:
        set_style_flag(self.status, "role", "fieldError" if problem else "")
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    def _update_buttons(self) -> None:
        refused = self._problem and self._shown == self.choice()
        for button in (self.print_button, self.save_button):
            button.setEnabled(not refused and not self.saving)

    def done(self, result: int) -> None:
        """Closing drops the work in flight: no callback reaches a closed dialog."""
        self._place_timer.stop()
        self._after_render = None
        if self._render_task is not None:
            self._render_task.cancel()
        self._render_task = None
        self._copies.cancel()
        PLACE.write(self.place_edit.text().strip())
        try:
            self.open_count.changed.disconnect(self._count_changed)
        except (RuntimeError, TypeError):  # already disconnected: closed twice
            pass
        super().done(result)


def _sentence(message: str) -> str:
    """An error message as a sentence on its own: capital first letter, full stop."""
    text = message.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."

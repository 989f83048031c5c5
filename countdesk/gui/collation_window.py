"""The collating officer's window: area bundles in, per-area and overall figures, round 2, the result.

Every action is one call on the CollationSession (services/collation_session.py); the window only
asks the questions a person has to answer (which bundle, the two groups from the paper, where
the instruction goes) and shows what the session says. A refusal is shown in full, in a message
box, and the collation is left as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import CountdeskError
from ..services.collation_progress import Stage
from ..services.collation_session import CollationSession, papers_said
from .count_files import show_error
from .dialogs.collating_officer_dialog import CollatingOfficerDialog
from .dialogs.expected_areas_dialog import ExpectedAreasDialog
from .dialogs.export_dialog import now_local
from .dialogs.paper_binding_dialog import PaperBindingDialog, utc_minute
from .models.collation_model import AreaFiguresModel, OverallFiguresModel

DEFAULT_ISSUER = QT_TRANSLATE_NOOP("CollationWindow", "Combined Authority Returning Officer")
#: The documents the window saves, as its titles and messages name them.
_DOCUMENT_WORDS = {"declaration": (QT_TRANSLATE_NOOP("CollationWindow", "Save the declaration"),
                                   QT_TRANSLATE_NOOP("CollationWindow", "The declaration was not saved")),
                   "provisional": (QT_TRANSLATE_NOOP("CollationWindow", "Save the provisional result"),
                                   QT_TRANSLATE_NOOP("CollationWindow", "The provisional result was not saved"))}


def start_collation(parent: QWidget | None = None, folder: Path | None = None) -> CollationWindow | None:
    """Open the collation in a folder, or start one in an empty folder (asking its name and areas)."""
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate(
            "CollationWindow", "Collation folder (an empty folder starts a new one)"))
        if not chosen:
            return None
        folder = Path(chosen)
    try:
        if CollationSession.is_collation_folder(folder):
            session = CollationSession.open(folder)
        else:
            dialog = ExpectedAreasDialog(parent, name="")
            if dialog.exec() != ExpectedAreasDialog.DialogCode.Accepted:
                return None
            session = CollationSession.create(folder, dialog.name(), dialog.areas())
    except CountdeskError as error:
        show_error(parent, QCoreApplication.translate("CollationWindow", "The collation could not be opened"),
                   str(error))
        return None
    window = CollationWindow(session, parent)
    window.show()
    return window


class CollationWindow(QMainWindow):
    def __init__(self, session: CollationSession, parent: QWidget | None = None, *, clock=now_local) -> None:
        super().__init__(parent)
        self.session = session
        self._clock = clock
        self.setObjectName("collationWindow")
        self.setAccessibleName(self.tr("Collation"))
        self.resize(1100, 720)
        self._build_actions()
        self._build_body()
        self.refresh()

    # -- building -----------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut: str | None, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Collation"))
        self.import_action = self._action(menu, self.tr("&Import area bundle…"), self.import_bundle, "Ctrl+I",
                                          "importBundle")
        self.areas_action = self._action(menu, self.tr("&Expected areas…"), self.edit_expected_areas, "Ctrl+E",
                                         "expectedAreas")
        self.officer_action = self._action(menu, self.tr("Collating &officer…"), self.edit_officer, None,
                                           "collatingOfficer")
        menu.addSeparator()
        self.round2_action = self._action(menu, self.tr("Export &round-2 instruction…"), self.export_round2_instruction,
                                          "Ctrl+R", "exportRound2")
        self.declaration_action = self._action(menu, self.tr("Save the &declaration (PDF)…"),
                                               lambda: self.save_document("declaration"), "Ctrl+D", "saveDeclaration")
        self.provisional_action = self._action(menu, self.tr("Save the &provisional result (PDF)…"),
                                               lambda: self.save_document("provisional"), None, "saveProvisional")
        menu.addSeparator()
        self._action(menu, self.tr("&Close"), self.close, "Ctrl+W", "closeCollation")

    def _build_body(self) -> None:
        self.heading = QLabel("")
        self.heading.setObjectName("collationHeading")
        self.heading.setProperty("role", "heading")
        self.contest_box = QComboBox()
        self.contest_box.setObjectName("contest")
        self.contest_box.setAccessibleName(self.tr("Contest"))
        self.contest_box.currentIndexChanged.connect(self._contest_chosen)
        self.status = QLabel("")
        self.status.setObjectName("collationStatus")
        self.status.setAccessibleName(self.tr("Where the collation stands"))
        self.status.setProperty("role", "banner")
        self.status.setWordWrap(True)

        self.import_button = self._button(self.tr("&Import area bundle…"), self.import_bundle, "importButton")
        self.round2_button = self._button(self.tr("Export &round-2 instruction…"), self.export_round2_instruction,
                                          "round2Button")
        self.declaration_button = self._button(self.tr("Save the &declaration…"),
                                               lambda: self.save_document("declaration"), "declarationButton")
        buttons = QHBoxLayout()
        for button in (self.import_button, self.round2_button, self.declaration_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.area_model = AreaFiguresModel(self)
        self.area_table = self._table(self.area_model, "areaTable", self.tr("Figures of each area"))
        self.overall_model = OverallFiguresModel(self)
        self.overall_table = self._table(self.overall_model, "overallTable", self.tr("Overall figures"))
        areas_box = QGroupBox(self.tr("Areas, as they report"))
        QVBoxLayout(areas_box).addWidget(self.area_table)
        overall_box = QGroupBox(self.tr("All areas together"))
        QVBoxLayout(overall_box).addWidget(self.overall_table)

        body = QWidget()
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.contest_box)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(areas_box, 1)
        layout.addWidget(overall_box)
        self.setCentralWidget(body)
        self.setTabOrder(self.contest_box, self.import_button)
        self.setTabOrder(self.import_button, self.round2_button)
        self.setTabOrder(self.round2_button, self.declaration_button)
        self.setTabOrder(self.declaration_button, self.area_table)
        self.setTabOrder(self.area_table, self.overall_table)

    def _button(self, text: str, slot, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _table(self, model, name: str, accessible: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setModel(model)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -- showing --------------------------------------------------------------------------------------
    def contest_id(self) -> str | None:
        return self.contest_box.currentData()

    def _contest_chosen(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        session = self.session
        contests = session.contests()
        if [self.contest_box.itemData(i) for i in range(self.contest_box.count())] != [cid for cid, _ in contests]:
            self.contest_box.blockSignals(True)
            self.contest_box.clear()
            for contest_id, title in contests:
                self.contest_box.addItem(title, contest_id)
            self.contest_box.blockSignals(False)
        self.contest_box.setVisible(len(contests) > 1)
        expected = len(session.expected_areas)
        reported = expected - len(session.missing_areas())
        self.heading.setText(self.tr("{0} — {1} of {2} areas in").format(session.name, reported, expected) if expected
                             else self.tr("{0} — no expected areas listed").format(session.name))
        self.setWindowTitle(self.tr("Collation: {0} — countdesk").format(session.name))
        contest_id = self.contest_id()
        collated = session.collated()
        contest = collated.merged.contest(contest_id) if collated and contest_id else None
        progress = session.progress(contest_id or "")  # no contest yet: "No area has reported yet."
        self.status.setText(progress.message)
        self.status.setAccessibleDescription(progress.message)
        self.area_model.show(session, contest)
        self.overall_model.show(contest, progress)
        _fit_height(self.overall_table)
        self.round2_button.setEnabled(progress.stage in (Stage.ROUND2_TO_ISSUE, Stage.ROUND2_WAITING))
        self.round2_action.setEnabled(self.round2_button.isEnabled())
        self.round2_button.setText(self.tr("Export the round-2 instruction &again…") if progress.instruction else
                                   self.tr("Export &round-2 instruction…"))
        self.declaration_button.setEnabled(progress.final)
        self.declaration_action.setEnabled(progress.final)
        self.provisional_action.setEnabled(contest is not None)

    # -- importing ------------------------------------------------------------------------------------
    def import_bundle(self, path: Path | None = None) -> bool:
        """Verify a bundle, ask for the two groups from the paper, accept it. True if accepted."""
        if path is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the area's bundle folder on the USB stick"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            pending = self.session.open_bundle(Path(path))
        except CountdeskError as error:
            self._refused(self.tr("The bundle was refused"), error)
            return False
        replacing = pending.replaces is not None
        if replacing and not self._confirm(
                self.tr("{0} has already reported").format(pending.area),
                self.tr("Replace the bundle from {0} accepted at {1} with this later one (for example its round-2 "
                        "figures)?").format(pending.area, utc_minute(pending.replaces.imported_at))):
            return False
        dialog = PaperBindingDialog(pending, self, notes=self.session.contest_notes(pending))
        if dialog.exec() != PaperBindingDialog.DialogCode.Accepted:
            return False
        try:
            self.session.accept_bundle(pending, dialog.typed_groups(), typed_key=dialog.typed_key(), replace=replacing,
                                       new_key_confirmed=dialog.new_key_confirmed())
        except CountdeskError as error:
            self._refused(self.tr("The bundle was refused"), error)
            self.refresh()
            return False
        self.refresh()
        self.statusBar().showMessage(self.tr("{0} accepted: fingerprint {1}, signing key {2}").format(
            pending.area, papers_said(pending.paper_fingerprints), pending.key_fingerprint), 8000)
        return True

    def edit_expected_areas(self) -> None:
        dialog = ExpectedAreasDialog(self, areas=self.session.expected_areas)
        if dialog.exec() != ExpectedAreasDialog.DialogCode.Accepted:
            return
        try:
            self.session.set_expected_areas(dialog.areas())
        except CountdeskError as error:
            self._refused(self.tr("The list was not changed"), error)
        self.refresh()

    def edit_officer(self) -> bool:
        """Name the collating officer, in whose name the collated declaration is made."""
        dialog = CollatingOfficerDialog(self, name=self.session.officer, deputy=self.session.officer_deputy)
        if dialog.exec() != CollatingOfficerDialog.DialogCode.Accepted:
            return False
        try:
            self.session.set_officer(dialog.name(), deputy=dialog.deputy())
        except CountdeskError as error:
            self._refused(self.tr("The collating officer was not changed"), error)
            return False
        self.statusBar().showMessage(self.tr("Collating officer: {0}").format(self.session.officer), 8000)
        return True

    # -- round 2 and the result -----------------------------------------------------------------------
    def export_round2_instruction(self, target: Path | None = None, issued_by: str | None = None) -> Path | None:
        contest_id = self.contest_id()
        if contest_id is None:
            return None
        if target is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Write the round-2 instruction to (a USB stick)"))
            if not chosen:
                return None
            target = Path(chosen)
        if issued_by is None:
            issued_by, ok = QInputDialog.getText(self, self.tr("Round-2 instruction"), self.tr("Issued by:"),
                                                text=self.tr(DEFAULT_ISSUER))
            if not ok:
                return None
        try:
            path = self.session.issue_round2_instruction(contest_id, target, issued_by=issued_by,
                                                         issued_at=self._clock())
        except CountdeskError as error:
            self._refused(self.tr("The round-2 instruction was not written"), error)
            return None
        self.refresh()
        areas = ", ".join(self.session.expected_areas)
        QMessageBox.information(self, self.tr("Round-2 instruction written"),
                                self.tr("Written and read back: {0}\n\nTake it to every area ({1}). Each imports it "
                                        "(Count ▸ Import the round-2 instruction) before entering its round-2 "
                                        "sheets.").format(path, areas))
        return path

    def save_document(self, document: str, path: Path | None = None) -> Path | None:
        contest_id = self.contest_id()
        if contest_id is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr(_DOCUMENT_WORDS[document][0]),
                                                    f"{contest_id}-{document}.pdf", self.tr("PDF (*.pdf)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            path = self.session.save_document(document, contest_id, path, generated_at=self._clock())
        except (CountdeskError, OSError) as error:
            self._refused(self.tr(_DOCUMENT_WORDS[document][1]), error)
            return None
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 8000)
        return Path(path)

    # -- messages ---------------------------------------------------------------------------------------
    def _refused(self, title: str, error: BaseException) -> None:
        show_error(self, title, str(error))

    def _confirm(self, title: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, title, parent=self)
        box.setObjectName("replaceQuestion")
        box.setInformativeText(question)
        replace_button = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is replace_button


def _fit_height(table: QTableView) -> None:
    """The overall table shows every row at once: a candidate must never be scrolled out of sight."""
    rows = table.model().rowCount()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) or table.verticalHeader().defaultSectionSize() for r in range(rows))
    table.setFixedHeight(height + 2)

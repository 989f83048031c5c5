"""An area count receives the collating officer's round-2 instruction before its round-2 entry.

The file is read and checked as soon as it is chosen, and what it says is shown in full (who
issued it, when, the collated first preferences, the finalists) before anything is imported.
After the import the area's result, its exports and its bundle use the instructed finalists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import CountdeskError
from ..appearance import format_figure, set_style_flag
from ..plain_text import escaped, rich_label
from ..translation import month_name

if TYPE_CHECKING:
    from ...services.round2_area import Round2Instruction

JSON_FILTER = QT_TRANSLATE_NOOP("Round2InstructionDialog", "Round-2 instructions (*.json)")


class Round2InstructionDialog(QDialog):
    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self.path: Path | None = None
        self.instruction: Round2Instruction | None = None
        self.imported: Round2Instruction | None = None
        self.setObjectName("round2InstructionDialog")
        self.setWindowTitle(self.tr("Import the round-2 instruction"))
        self.setAccessibleName(self.tr("Import the round-2 instruction"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("At a collated supplementary-vote poll the collating officer decides the finalists on "
                               "every area's first preferences, and instructs each area which candidates' second "
                               "preferences to count. Import the instruction file from the collating officer's USB "
                               "stick."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        current, problem = self._current_text()
        self.current = QLabel(current)
        self.current.setObjectName("currentInstruction")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setWordWrap(True)
        if problem:
            self.current.setProperty("role", "fieldError")
        self.choose_button = QPushButton(self.tr("&Choose the instruction file…"))
        self.choose_button.setAccessibleName(self.tr("Choose the round-2 instruction file"))
        self.choose_button.clicked.connect(self._choose_clicked)
        self.summary = QLabel("")
        self.summary.setObjectName("instructionSummary")
        self.summary.setAccessibleName(self.tr("What the instruction says"))
        self.summary.setWordWrap(True)
        self.reason_label = QLabel(self.tr("&Reason for replacing the stored instruction:"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setAccessibleName(self.tr("Reason for replacing the stored instruction"))
        self.reason_label.setBuddy(self.reason_edit)
        self.reason_label.hide()
        self.reason_edit.hide()
        self.error_label = QLabel("")
        self.error_label.setObjectName("instructionError")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setAccessibleName(self.tr("Problem with the instruction"))
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.choose_button)
        choose_row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (intro, self.current):
            layout.addWidget(widget)
        layout.addLayout(choose_row)
        for widget in (self.summary, self.reason_label, self.reason_edit, self.error_label, self.buttons):
            layout.addWidget(widget)
        self.choose_button.setFocus()

    def _current_text(self) -> tuple[str, bool]:
        """What the count has imported, as its audit trail records it, and whether an imported
        instruction's file is lost or altered (then the sentence says what to do)."""
        stored, problems = [], []
        for contest_id in self.open_count.contest_ids():
            title = self.open_count.contest(contest_id).title
            try:
                instruction = self.open_count.round2_instruction(contest_id)
            except CountdeskError as problem:
                problems.append(self.tr("{0}: {1}").format(title, problem.message))
                continue
            if instruction is not None:
                stored.append(self.tr("{0}: {1}").format(title, self._names(contest_id, instruction.finalists)))
        lines = ([self.tr("Imported already — {0}").format("; ".join(stored))] if stored else []) + problems
        return "\n".join(lines) or self.tr("No round-2 instruction has been imported into this count."), bool(problems)

    def _names(self, contest_id: str, ids) -> str:
        contest = self.open_count.contest(contest_id)
        return self.tr(" and ").join(contest.candidate(cid).name for cid in ids)

    def _choose_clicked(self) -> None:
        # A bound method, not a lambda over self: PySide 6.12 crashed at exit on that cycle here.
        self.choose()

    def choose(self, path: Path | None = None) -> None:
        """Read and check the file at once; show what it says or why it does not apply here."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the round-2 instruction"), str(Path.home()),
                                                    self.tr(JSON_FILTER))
            if not chosen:
                return
            path = Path(chosen)
        self.path, self.instruction = Path(path), None
        self.summary.setText("")
        self._show_error("")
        try:
            instruction = self.open_count.read_round2_instruction(self.path)
        except CountdeskError as error:
            self._show_error(self.tr("{0} cannot be used: {1}").format(self.path.name, error))
            self._update()
            return
        self.instruction = instruction
        contest = self.open_count.contest(instruction.contest_id)
        # Every piece of the file and the count is escaped: markup in issued_by or a name must not
        # make this dialog show other finalists than the file's (gui/plain_text.py).
        first = "<br>".join(f"&nbsp;&nbsp;{escaped(contest.candidate(cid).name)}: {format_figure(votes)}"
                            for cid, votes in sorted(instruction.first_preferences.items(), key=lambda kv: -kv[1]))
        rich_label(self.summary)
        issued = instruction.issued_at
        self.summary.setText(self.tr(
            "<b>{0}</b><br>Issued by {1} on {2} at {3} for {4} areas.<br>First preferences in all areas together:"
            "<br>{5}<br>Count second preferences for: <b>{6}</b>.").format(
                escaped(contest.title), escaped(instruction.issued_by),
                f"{issued:%d} {month_name(issued)} {issued.year}", f"{issued:%H:%M}", len(instruction.areas), first,
                escaped(self._names(contest.id, instruction.finalists))))
        try:
            replacing = self.open_count.round2_replacement_question(self.path) is not None
        except CountdeskError as error:  # the file changed since it was read a moment ago
            self.instruction = None
            self._show_error(self.tr("{0} cannot be used: {1}").format(self.path.name, error))
            replacing = False
        self.reason_label.setVisible(replacing)
        self.reason_edit.setVisible(replacing)
        self._update()
        self.adjustSize()

    def _update(self) -> None:
        self.import_button.setEnabled(self.instruction is not None and not self.open_count.read_only)
        if self.open_count.read_only:
            self._show_error(self.tr("This count is open read-only: the instruction cannot be imported here."))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        set_style_flag(self.choose_button, "invalid", bool(message))

    def accept(self) -> None:
        if self.instruction is None or self.path is None:
            return
        reason = (self.reason_edit.text().strip() or None) if not self.reason_edit.isHidden() else None
        try:
            self.open_count.import_round2_instruction(self.path, reason)
        except CountdeskError as error:
            self._show_error(str(error))
            return
        self.imported = self.instruction
        super().accept()

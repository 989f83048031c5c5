"""A supervisor settles a double-entry disagreement: the differing fields side by side.

The supervisor (a third person, who keyed neither version) types the correct figure for each
field that differs, gives their name and says how it was settled; everything else on the sheet
is the figures both operators agreed on.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Contest, CountSheet, frozen_map
from ..appearance import FIGURE_ALIGNMENT, figure_font, format_figure
from ..controls.field_errors import FieldError, name_problem
from ..controls.figure_edit import FigureEdit
from ..controls.sheet_fields import rejected_label, second_rejected_label


def field_label(field: str, contest: Contest) -> str:
    group, _, name = field.partition(".")
    if group == "votes":
        try:
            return contest.candidate(name).name
        except KeyError:
            return name
    if group == "rejected":
        return QCoreApplication.translate("DoubleEntryDialog", "Rejected {0}").format(rejected_label(name, contest))
    words = {"papers": QCoreApplication.translate("DoubleEntryDialog", "Ballot papers"),
             "rejected_in_part": QCoreApplication.translate("DoubleEntryDialog", "Rejected in part"),
             "non_transferable": QCoreApplication.translate("DoubleEntryDialog", "Non-transferable"),
             "round": QCoreApplication.translate("DoubleEntryDialog", "Round"),
             "second_rejected": QCoreApplication.translate("DoubleEntryDialog", "Non-transferable, {0}").format(
                 second_rejected_label())}
    return words.get(group, field)


def settled_sheet(base: CountSheet, settled: dict[str, int]) -> CountSheet:
    """`base` (the agreed figures) with each settled field put in."""
    votes, rejected = dict(base.votes), dict(base.rejected)
    plain: dict[str, int] = {}
    for field, value in settled.items():
        group, _, name = field.partition(".")
        target = {"votes": votes, "rejected": rejected}.get(group)
        if target is not None:
            target[name] = value
        else:
            plain[group] = value
    return replace(base, votes=frozen_map(votes), rejected=frozen_map(rejected), **plain)


class DoubleEntryDialog(QDialog):
    def __init__(self, contest: Contest, disagreement, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doubleEntryDialog")
        self.setWindowTitle(self.tr("Settle sheet {0}").format(disagreement.sheet_id))
        self.setAccessibleName(self.tr("Settle a double-entry disagreement"))
        self.disagreement = disagreement
        self.setMinimumWidth(560)
        count = len(disagreement.differences)
        differ = (self.tr("Sheet {0} was keyed by {1} and by {2}; the two differ in 1 field. A supervisor who keyed "
                          "neither checks the paper sheet and types the correct figures.") if count == 1 else
                  self.tr("Sheet {0} was keyed by {1} and by {2}; the two differ in {3} fields. A supervisor who keyed "
                          "neither checks the paper sheet and types the correct figures."))
        intro = QLabel(differ.format(disagreement.sheet_id, disagreement.first_operator,
                                     disagreement.second_operator, count))
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, title in enumerate((self.tr("Field"), disagreement.first_operator, disagreement.second_operator,
                                        self.tr("Correct figure"))):
            header = QLabel(title)
            header.setProperty("role", "heading")
            if column:
                header.setAlignment(FIGURE_ALIGNMENT)
            grid.addWidget(header, 0, column)
        self.edits: dict[str, FigureEdit] = {}
        self.errors: dict[str, FieldError] = {}
        for row, difference in enumerate(disagreement.differences, start=1):
            label = field_label(difference.field, contest)
            name = QLabel(label.replace("&", "&&"))  # a name with "&" is not an Alt key
            grid.addWidget(name, row, 0)
            for column, value in ((1, difference.first), (2, difference.second)):
                cell = QLabel(format_figure(value, blank="–"))
                cell.setFont(figure_font(bold=True))
                cell.setAlignment(FIGURE_ALIGNMENT)
                grid.addWidget(cell, row, column)
            edit = FigureEdit(self.tr("Correct figure for {0}").format(label))
            edit.setObjectName(f"settle:{difference.field}")
            name.setBuddy(edit)  # the field's name is its label (a screen reader reads it with the field)
            error = FieldError(edit, label)
            edit.refused.connect(error.show_error)
            edit.textEdited.connect(lambda _t, e=error: e.clear_error())
            grid.addWidget(edit, row, 3)
            grid.addWidget(error, row, 4)
            self.edits[difference.field] = edit
            self.errors[difference.field] = error
        self.supervisor_edit = QLineEdit()
        self.supervisor_edit.setObjectName("supervisorName")
        self.supervisor_edit.setAccessibleName(self.tr("Supervisor's name"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("settleReason")
        self.reason_edit.setAccessibleName(self.tr("How the disagreement was settled"))
        self.reason_edit.setPlaceholderText(
            self.tr("e.g. checked against the paper sheet: Bob's figure for Smith is right"))
        self.supervisor_error = FieldError(self.supervisor_edit, self.tr("Supervisor's name"))
        self.reason_error = FieldError(self.reason_edit, self.tr("Reason"))
        form = QFormLayout()
        form.addRow(self.tr("&Supervisor:"), self.supervisor_edit)
        form.addRow("", self.supervisor_error)
        form.addRow(self.tr("&How settled:"), self.reason_edit)
        form.addRow("", self.reason_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Settle sheet"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(buttons)
        first_edit = next(iter(self.edits.values()), None)
        if first_edit is not None:
            first_edit.setFocus()

    def supervisor(self) -> str:
        return " ".join(self.supervisor_edit.text().split())

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def sheet(self) -> CountSheet:
        """The agreed figures with the supervisor's corrections (call after accept)."""
        settled = {field: edit.value() for field, edit in self.edits.items()}
        return settled_sheet(self.disagreement.first, {k: v for k, v in settled.items() if v is not None})

    def accept(self) -> None:
        ok = True
        for field, edit in self.edits.items():
            if edit.value() is None:
                self.errors[field].show_error(self.tr("Type the figure on the paper sheet"))
                ok = False
        supervisor = self.supervisor()
        problem = name_problem(supervisor, self.tr("The supervisor's name"))
        keyers = {self.disagreement.first_operator, self.disagreement.second_operator}
        if not problem and supervisor in keyers:
            problem = self.tr(
                "{0} keyed this sheet: a supervisor who keyed neither version settles it").format(supervisor)
        self.supervisor_error.show_error(problem)
        self.reason_error.show_error("" if self.reason() else self.tr("Say how the figures were settled"))
        if ok and not problem and self.reason():
            super().accept()

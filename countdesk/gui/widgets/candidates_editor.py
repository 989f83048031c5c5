"""Set-up: a contest's candidates, in ballot-paper order, as given.

A candidate is added from the row under the table, after the others: the name exactly as printed on
the ballot paper ("Joanne ANDERSON", "John McDONALD", "Aled ap IORWERTH") and the description. An
empty name is refused at the field. Names and descriptions can be corrected in the table itself;
the order is never sorted, and "Change ballot order…" lets the returning officer correct it with a reason.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QWidget

from ...domain.model import Candidate
from ..controls.field_errors import FieldError, name_problem
from ..dialogs.ballot_order_dialog import BallotOrderDialog
from ..models.candidates_model import CandidatesModel, new_candidate_id
from ..setup_commands import AddCandidateCommand, RemoveCandidateCommand, ReorderCandidatesCommand
from .setup_list_editor import SetupListEditor


class CandidatesEditor(SetupListEditor):
    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Candidates, in ballot-paper order"), open_count, CandidatesModel(open_count),
                         table_name="candidatesTable", accessible_name=self.tr("Candidates"),
                         remove_text=self.tr("Remove candidate"), remove_name="removeCandidate",
                         remove_accessible_name=self.tr("Remove the selected candidate"),
                         message_name=self.tr("Candidates message"),
                         parent=parent)
        self.setObjectName("candidatesEditor")
        self.model.setParent(self)
        # The description shares the spare width with the name (sized to an empty column, it began narrow).
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("candidateName")
        self.name_edit.setAccessibleName(self.tr("New candidate's name as printed on the ballot paper"))
        self.name_edit.setPlaceholderText(self.tr("Forenames SURNAME"))
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("candidateDescription")
        self.description_edit.setAccessibleName(self.tr("New candidate's description"))
        self.description_edit.setPlaceholderText(self.tr("Party or Independent"))
        self.name_error = FieldError(self.name_edit, self.tr("Candidate's name"))
        self.add_button = QPushButton(self.tr("&Add candidate"))
        self.add_button.setObjectName("addCandidate")
        self.add_button.setAccessibleName(self.tr("Add candidate"))
        self.add_button.clicked.connect(self.add_from_fields)
        self.name_edit.returnPressed.connect(self.description_edit.setFocus)
        self.description_edit.returnPressed.connect(self.add_from_fields)
        self.name_edit.textEdited.connect(lambda _t: self.name_error.clear_error())

        entry_row = QWidget()
        entry = QGridLayout(entry_row)
        entry.setContentsMargins(0, 0, 0, 0)
        name_label = QLabel(self.tr("Na&me:"))
        name_label.setBuddy(self.name_edit)
        description_label = QLabel(self.tr("Description:"))
        description_label.setBuddy(self.description_edit)
        entry.addWidget(name_label, 0, 0)
        entry.addWidget(self.name_edit, 0, 1)
        entry.addWidget(description_label, 0, 2)
        entry.addWidget(self.description_edit, 0, 3)
        entry.addWidget(self.add_button, 0, 4)
        entry.addWidget(self.name_error, 1, 1, 1, 4)
        entry.setColumnStretch(1, 3)
        entry.setColumnStretch(3, 2)
        self._lay_out(entry_row)
        self.order_button = QPushButton(self.tr("Chan&ge ballot order…"))
        self.order_button.setObjectName("correctBallotOrder")
        self.order_button.setAccessibleName(self.tr("Correct the ballot-paper order"))
        self.order_button.clicked.connect(self.correct_order)
        self.button_row.insertWidget(1, self.order_button)

    def add_from_fields(self) -> None:
        """Add the candidate typed in the row under the table, after the others (the order is the
        one given: it is never sorted)."""
        name = " ".join(self.name_edit.text().split())
        problem = name_problem(name, self.tr("The candidate's name"))
        if problem:
            self.name_error.show_error(self.tr("{0}: type it as printed on the ballot paper").format(problem))
            self.name_edit.setFocus()
            return
        contest = self.model.contest()
        if contest is None:
            return
        description = " ".join(self.description_edit.text().split())
        candidate = Candidate(new_candidate_id(name, contest.candidate_ids), name, description)
        if self.model.push(AddCandidateCommand(self.open_count, contest.id, candidate, None)):
            self.name_edit.clear()
            self.description_edit.clear()
            self._show_message("")
            self.name_edit.setFocus()
            self.status_message.emit(self.tr("Candidate {0} added.").format(name))

    def add_many(self, candidates: tuple[Candidate, ...], source: str) -> bool:
        """Add imported candidates in the file's order, as one undoable step."""
        contest = self.model.contest()
        if contest is None:
            return False
        return self._add_all(
            candidates, source, self.tr("candidates"), set(contest.candidate_ids),
            lambda clashes: self.tr("these candidates are already in the contest: {0}").format(", ".join(clashes)),
            lambda candidate: AddCandidateCommand(self.open_count, contest.id, candidate, None))

    def correct_order(self) -> bool:
        """The RO's correction of the ballot-paper order, with a reason: one undoable step."""
        contest = self.model.contest()
        if contest is None:
            return False
        dialog = BallotOrderDialog(contest, self)
        if dialog.exec() != BallotOrderDialog.DialogCode.Accepted:
            return False
        if self.model.push(ReorderCandidatesCommand(self.open_count, contest.id, dialog.order(), dialog.reason())):
            self.status_message.emit(self.tr("Ballot-paper order corrected (Ctrl+Z to undo)."))
            return True
        return False

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.model.contest_id is None:
            return
        candidate = self.model.candidate(rows[0].row())
        if self.model.push(RemoveCandidateCommand(self.open_count, self.model.contest_id, candidate.id)):
            self.status_message.emit(self.tr("Candidate {0} removed (Ctrl+Z to undo).").format(candidate.name))

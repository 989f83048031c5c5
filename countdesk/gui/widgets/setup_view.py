"""The Set-up tab: the election, the selected contest, its candidates and its ballot boxes.

Every change is an undoable command calling one service method, and the services write the
audit row; a change the services refuse (a candidate added once sheets exist, a declared
contest) is shown beside the button that asked for it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Contest, Nation
from ...errors import CountdeskError
from ..commands import CompositeCommand
from ..controls.contest_form import ContestDetails, ContestForm
from ..controls.election_form import ElectionForm
from ..dialogs.election_details_dialog import election_lock_reason
from ..dialogs.reason_dialog import ask_reason
from ..refresh import refresh_when_shown
from ..setup_commands import (
    AddContestCommand,
    RemoveContestCommand,
    SetDoubleEntryCommand,
    UpdateContestCommand,
    UpdateElectionCommand,
)
from .boxes_editor import BoxesEditor
from .candidates_editor import CandidatesEditor


class AddContestDialog(QDialog):
    def __init__(self, poll_date, taken: set[str], parent: QWidget | None = None, *,
                 nation: Nation = Nation.ENGLAND) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a contest"))
        self.setAccessibleName(self.tr("Add a contest"))
        self.setObjectName("addContestDialog")
        self._taken = taken
        self.form = ContestForm()
        self.form.set_poll_date(poll_date, nation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add contest"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.title_edit.setFocus()

    def accept(self) -> None:
        details = self.form.details()
        if details is None:
            return
        if details.id in self._taken:
            self.form.errors["id"].show_error(self.tr("A contest with the id {0} already exists").format(details.id))
            return
        super().accept()


def contest_commands(open_count, details: ContestDetails, existing: Contest | None) -> list:
    """The commands that turn `existing` (or nothing) into `details`."""
    if existing is None:
        commands = [AddContestCommand(open_count, details.new_contest())]
        if details.double_entry:
            commands.append(SetDoubleEntryCommand(open_count, details.id, True))
        return commands
    commands = []
    changed = {name: getattr(details, name) for name in UpdateContestCommand.FIELDS
               if getattr(details, name) != getattr(existing, name)}
    if changed:
        commands.append(UpdateContestCommand(open_count, existing.id, **changed))
    if details.double_entry != open_count.contest_state(existing.id).double_entry:
        commands.append(SetDoubleEntryCommand(open_count, existing.id, details.double_entry))
    return commands


class SetupView(QWidget):
    status_message = Signal(str)
    #: A contest was added: the main window selects it.
    contest_added = Signal(str)

    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupView")
        self.open_count = open_count
        self.contest_id: str | None = None

        self.election_form = ElectionForm(id_editable=False)
        self.save_election_button = QPushButton(self.tr("Save electio&n details"))
        self.save_election_button.setObjectName("saveElection")
        self.save_election_button.setAccessibleName(self.tr("Save the election details"))
        self.save_election_button.clicked.connect(self.save_election)
        election_box = QGroupBox(self.tr("Election"))
        election_layout = QVBoxLayout(election_box)
        self.election_lock = QLabel("")
        self.election_lock.setObjectName("electionLocked")
        self.election_lock.setProperty("role", "hint")
        self.election_lock.setWordWrap(True)
        self.election_lock.hide()
        election_layout.addWidget(self.election_lock)
        election_layout.addWidget(self.election_form)
        election_layout.addWidget(self.save_election_button)

        self.contest_form = ContestForm(id_editable=False)
        self.save_contest_button = QPushButton(self.tr("Save contest &details"))
        self.save_contest_button.setObjectName("saveContest")
        self.save_contest_button.setAccessibleName(self.tr("Save the contest details"))
        self.add_contest_button = QPushButton(self.tr("Add another contest…"))
        self.add_contest_button.setObjectName("addContest")
        self.add_contest_button.setAccessibleName(self.tr("Add another contest"))
        self.remove_contest_button = QPushButton(self.tr("Remove contest…"))
        self.remove_contest_button.setObjectName("removeContest")
        self.remove_contest_button.setAccessibleName(self.tr("Remove this contest"))
        self.save_contest_button.clicked.connect(self.save_contest)
        self.add_contest_button.clicked.connect(self.add_contest)
        self.remove_contest_button.clicked.connect(self.remove_contest)
        self.message = QLabel("")
        self.message.setProperty("role", "fieldError")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Set-up message"))
        contest_box = QGroupBox(self.tr("Contest"))
        contest_layout = QVBoxLayout(contest_box)
        contest_layout.addWidget(self.contest_form)
        row = QHBoxLayout()
        row.addWidget(self.save_contest_button)
        row.addStretch(1)
        contest_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.add_contest_button)
        row.addWidget(self.remove_contest_button)
        row.addStretch(1)
        contest_layout.addLayout(row)

        self.candidates = CandidatesEditor(open_count)
        self.boxes = BoxesEditor(open_count)
        for part in (self.candidates, self.boxes):
            part.status_message.connect(self.status_message)

        left = QVBoxLayout()
        left.addWidget(election_box)
        left.addWidget(contest_box)
        left.addWidget(self.message)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.candidates, 1)
        right.addWidget(self.boxes, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        refresh_when_shown(self, open_count.changed, self._count_changed)
        self._load_election()

    def set_contest(self, contest_id: str | None) -> None:
        self.contest_id = contest_id
        self.candidates.set_contest(contest_id)
        self.boxes.set_contest(contest_id)
        self._load_contest()
        self._apply_read_only()

    def unconfirmed_work(self) -> list[str]:
        """A candidate or box typed in the rows under the lists and not added yet."""
        found = []
        if self.candidates.name_edit.text().strip():
            found.append(self.tr("the candidate {0}, not added yet").format(self.candidates.name_edit.text().strip()))
        boxes = self.boxes
        if any(edit.text().strip() for edit in (boxes.id_edit, boxes.station_edit, boxes.account_edit)):
            typed = boxes.id_edit.text().strip() or self.tr("being typed")
            found.append(self.tr("the box {0}, not added yet").format(typed))
        return found

    def _apply_read_only(self) -> None:
        """Opened read-only: everything can be read, nothing typed or pressed changes it. Once a
        result is declared, the election's details printed on it are locked too."""
        writable = not self.open_count.read_only
        reason = election_lock_reason(self.open_count)
        for widget in (self.election_form, self.save_election_button):
            widget.setEnabled(writable and not reason)
        self.add_contest_button.setEnabled(writable)
        self.election_form.setToolTip(reason)
        self.election_lock.setText(reason)
        self.election_lock.setVisible(bool(reason))

    def _count_changed(self, contest_id: str) -> None:
        self._apply_read_only()  # a contest declared or reopened locks or frees the election's details
        if not contest_id:
            self._load_election()
        if not contest_id or contest_id == self.contest_id:
            self._load_contest()

    def _load_election(self) -> None:
        election = self.open_count.count().election
        self.election_form.set_election(election)
        self.contest_form.set_poll_date(election.poll_date, election.nation)

    def _load_contest(self) -> None:
        contest = self._contest()
        locked = contest is None or self.open_count.locked(self.contest_id)
        for widget in (self.contest_form, self.save_contest_button, self.remove_contest_button,
                       self.candidates.entry_row, self.candidates.remove_button, self.boxes.entry_row,
                       self.boxes.remove_button):
            widget.setEnabled(not locked)
        if contest is None:
            return
        double_entry = self.open_count.contest_state(contest.id).double_entry
        self.contest_form.set_details(ContestDetails(contest.id, contest.title, contest.system, contest.seats,
                                                     contest.electorate, double_entry, contest.office,
                                                     contest.counting, contest.question))

    def _contest(self) -> Contest | None:
        return self.open_count.find_contest(self.contest_id)

    def _push(self, command, done: str) -> bool:
        try:
            self.open_count.push(command)
        except CountdeskError as error:
            self.message.setText(error.message)
            return False
        self.message.setText("")
        self.status_message.emit(done)
        return True

    def save_election(self) -> None:
        election = self.election_form.election()
        if election is None or election == self.open_count.count().election:
            return
        self._push(UpdateElectionCommand(self.open_count, election), self.tr("Election details saved."))

    def save_contest(self) -> None:
        contest = self._contest()
        details = self.contest_form.details()
        if contest is None or details is None:
            return
        commands = contest_commands(self.open_count, details, contest)
        if commands:
            command = commands[0] if len(commands) == 1 else CompositeCommand(self.tr("Change the contest"), commands)
            self._push(command, self.tr("Contest details saved."))

    def add_contest(self) -> None:
        election = self.open_count.count().election
        dialog = AddContestDialog(election.poll_date, set(self.open_count.contest_ids()), self, nation=election.nation)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        details = dialog.form.details() if accepted else None
        dialog.deleteLater()  # not kept under the Set-up tab for the rest of the night
        if details is None:
            return
        commands = contest_commands(self.open_count, details, None)
        command = commands[0] if len(commands) == 1 else CompositeCommand(commands[0].text(), commands)
        if self._push(command, self.tr("Contest {0} added.").format(details.title)):
            self.contest_added.emit(details.id)
            # The new contest's first empty field: its first candidate (typing must not land on
            # "Add another contest…" and open the dialog again).
            self.candidates.name_edit.setFocus()

    def remove_contest(self) -> None:
        contest = self._contest()
        if contest is None:
            return
        held = contest.count_sheets or contest.lots or any(b.verified is not None for b in contest.boxes)
        reason = ask_reason(self, self.tr("Remove a contest"),
                            (self.tr("Remove {0}? It holds verified boxes or count sheets: they are kept in the audit "
                                     "log. Say why it is removed.") if held else
                             self.tr("Remove {0}? Say why it is removed.")).format(contest.title),
                            ok_text=self.tr("Remove contest"))
        if reason is None:
            return
        self._push(RemoveContestCommand(self.open_count, contest.id, reason),
                   self.tr("Contest {0} removed.").format(contest.title))

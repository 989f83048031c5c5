"""Election details the Set-up form has no room for: the nation, whether a deputy signs, and the
Welsh titles of the election and of the chosen contest (count file countdesk/2).

The dialog saves through the same undoable commands and services as the Set-up tab, so every
change is audited, undone with Ctrl+Z, and refused by the same rules: the election is locked while
a result printed with it stands declared, and a nation under which a contest's system is not
lawful (domain.regimes) is refused with the regime's own sentence.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.model import Election, Nation
from ...errors import CountdeskError
from ..appearance import set_style_flag
from ..commands import CompositeCommand
from ..setup_commands import UpdateContestCommand, UpdateElectionCommand


def election_lock_reason(open_count) -> str:
    """Why the election's details cannot change now ("" when they can): a declared result is
    printed with them."""
    declared = [c.title for c in open_count.count().contests if open_count.contest_state(c.id).declared]
    if not declared:
        return ""
    return QCoreApplication.translate(
        "ElectionDetailsDialog", "Locked: the declared result of {0} is printed with these details. "
        "Unlock it (Count ▸ Unlock a declared result…) to change them.").format(", ".join(declared))


def _welsh(text: str) -> str | None:
    words = " ".join(text.split())
    return words or None


class ElectionDetailsDialog(QDialog):
    """Nation, deputy and Welsh titles; OK saves them (as one undo step) or shows the refusal."""

    def __init__(self, open_count, contest_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self.election: Election = open_count.count().election
        self.contest = open_count.find_contest(contest_id)
        self.setObjectName("electionDetailsDialog")
        title = self.tr("Election details")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.lock_label = QLabel(election_lock_reason(open_count)
                                 or (self.tr("The count is open read-only.") if open_count.read_only else ""))
        self.lock_label.setObjectName("electionDetailsLocked")
        self.lock_label.setProperty("role", "hint")
        self.lock_label.setWordWrap(True)
        self.lock_label.setVisible(bool(self.lock_label.text()))
        form.addRow(self.lock_label)
        self.nation_combo = QComboBox()
        self.nation_combo.setObjectName("electionNation")
        self.nation_combo.setAccessibleName(self.tr("Nation (decides the lawful voting systems)"))
        self.nation_combo.addItem(self.tr("England"), Nation.ENGLAND.value)
        self.nation_combo.addItem(self.tr("Wales"), Nation.WALES.value)
        self.nation_combo.setCurrentIndex(self.nation_combo.findData(Nation(self.election.nation).value))
        form.addRow(self.tr("&Nation:"), self.nation_combo)
        self.deputy_check = QCheckBox(self.tr("Documents signed by a &deputy"))
        self.deputy_check.setObjectName("electionDeputy")
        self.deputy_check.setAccessibleName(self.tr("The documents are signed by a deputy of the officer"))
        self.deputy_check.setChecked(self.election.deputy)
        form.addRow("", self.deputy_check)
        self.title_cy_edit = QLineEdit(self.election.title_cy or "")
        self.title_cy_edit.setObjectName("electionTitleCy")
        self.title_cy_edit.setAccessibleName(self.tr("Welsh title of the election"))
        self.title_cy_edit.setPlaceholderText(self.tr("Etholiadau lleol 6 Mai 2021"))
        form.addRow(self.tr("Welsh title of the &election:"), self.title_cy_edit)
        self.contest_title_cy_edit = QLineEdit(self.contest.title_cy or "" if self.contest else "")
        self.contest_title_cy_edit.setObjectName("contestTitleCy")
        self.contest_title_cy_edit.setAccessibleName(self.tr("Welsh title of the chosen contest"))
        contest_label = (self.tr("Welsh title of the &contest:") if self.contest is None
                         else self.tr("Welsh title of the &contest ({0}):").format(self.contest.title))
        form.addRow(contest_label, self.contest_title_cy_edit)
        self.error_label = QLabel("")
        self.error_label.setObjectName("electionDetailsProblem")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Why the details were not saved"))
        form.addRow(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        locked = bool(self.lock_label.text())
        for widget in (self.nation_combo, self.deputy_check, self.title_cy_edit):
            widget.setEnabled(not locked)
        self.contest_title_cy_edit.setEnabled(self.contest is not None and not open_count.locked(contest_id))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            not locked or self.contest_title_cy_edit.isEnabled())
        for signal in (self.nation_combo.currentIndexChanged, self.deputy_check.toggled,
                       self.title_cy_edit.textEdited, self.contest_title_cy_edit.textEdited):
            signal.connect(lambda *_: self._problem(""))
        (self.nation_combo if self.nation_combo.isEnabled() else self.contest_title_cy_edit).setFocus()

    def edited_election(self) -> Election:
        return replace(self.election, nation=Nation(self.nation_combo.currentData()),
                       deputy=self.deputy_check.isChecked(),
                       title_cy=_welsh(self.title_cy_edit.text()))

    def accept(self) -> None:
        """Save what changed; a refusal (locked, unlawful system) is shown and the dialog stays."""
        commands = []
        election = self.edited_election()
        if self.nation_combo.isEnabled() and election != self.election:
            commands.append(UpdateElectionCommand(self.open_count, election,
                                                  self.tr("Change the nation, deputy or Welsh title")))
        contest_title_cy = _welsh(self.contest_title_cy_edit.text())
        if self.contest is not None and self.contest_title_cy_edit.isEnabled() \
                and contest_title_cy != self.contest.title_cy:
            commands.append(UpdateContestCommand(self.open_count, self.contest.id, title_cy=contest_title_cy))
        if commands:
            command = commands[0] if len(commands) == 1 else CompositeCommand(commands[0].text(), commands)
            try:
                self.open_count.push(command)
            except CountdeskError as error:
                self._problem(error.message)
                return
        super().accept()

    def _problem(self, message: str) -> None:
        self.error_label.setText(message)
        set_style_flag(self.nation_combo, "invalid", bool(message))

"""One contest's details: title, id, voting system, seats, electorate, double entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ...domain.model import SV_ABOLISHED_FROM, VotingSystem
from .enter_moves_down import enter_moves_down
from .field_errors import FieldError, id_problem, name_problem, show_problems, slug
from .figure_edit import FigureEdit

SYSTEM_LABELS = {
    VotingSystem.SV: "Supplementary vote (SV): mayor or PCC before May 2023",
    VotingSystem.FPTP: "First past the post (FPTP)",
}
MAX_SEATS = 20


@dataclass(frozen=True)
class ContestDetails:
    """What the form holds; candidates, boxes and sheets are edited elsewhere."""

    id: str
    title: str
    system: VotingSystem
    seats: int
    electorate: int | None
    double_entry: bool


class ContestForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, id_editable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("contestForm")
        self._poll_date: date | None = None
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("contestTitle")
        self.title_edit.setAccessibleName("Contest title")
        self.title_edit.setPlaceholderText("Mayor of Liverpool, or Anfield ward")
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("contestId")
        self.id_edit.setAccessibleName("Contest id")
        self.id_edit.setReadOnly(not id_editable)
        self.system_combo = QComboBox()
        self.system_combo.setObjectName("contestSystem")
        self.system_combo.setAccessibleName("Voting system")
        for system, label in SYSTEM_LABELS.items():
            self.system_combo.addItem(label, system.value)
        self.seats_spin = QSpinBox()
        self.seats_spin.setObjectName("contestSeats")
        self.seats_spin.setAccessibleName("Seats to fill")
        self.seats_spin.setRange(1, MAX_SEATS)
        self.electorate_edit = FigureEdit("Electorate")
        self.electorate_edit.setObjectName("contestElectorate")
        self.electorate_edit.setPlaceholderText("not known yet")
        self.double_entry_check = QCheckBox("Double entry: each sheet &keyed by two operators")
        self.double_entry_check.setObjectName("doubleEntry")
        self.double_entry_check.setAccessibleName("Double entry of count sheets")
        self.system_hint = QLabel("")
        self.system_hint.setProperty("role", "hint")
        self.system_hint.setWordWrap(True)
        self.errors = {
            "title": FieldError(self.title_edit, "Contest title"),
            "id": FieldError(self.id_edit, "Contest id"),
            "electorate": FieldError(self.electorate_edit, "Electorate"),
        }
        self.electorate_edit.refused.connect(self.errors["electorate"].show_error)
        form = QFormLayout(self)
        form.addRow("Conte&st title:", self.title_edit)
        form.addRow("", self.errors["title"])
        form.addRow("Contest id:", self.id_edit)
        form.addRow("", self.errors["id"])
        form.addRow("Voting s&ystem:", self.system_combo)
        form.addRow("", self.system_hint)
        form.addRow("Seats to f&ill:", self.seats_spin)
        form.addRow("E&lectorate:", self.electorate_edit)
        form.addRow("", self.errors["electorate"])
        form.addRow("", self.double_entry_check)
        self._id_typed = False
        self.id_edit.textEdited.connect(self._id_was_typed)
        self.title_edit.textEdited.connect(self._suggest_id)
        self.title_edit.textEdited.connect(lambda _t: self.errors["title"].clear_error())
        self.electorate_edit.textEdited.connect(lambda _t: self.errors["electorate"].clear_error())
        self.system_combo.currentIndexChanged.connect(self._system_changed)
        for signal in (self.title_edit.textEdited, self.id_edit.textEdited, self.electorate_edit.textEdited,
                       self.system_combo.currentIndexChanged, self.seats_spin.valueChanged,
                       self.double_entry_check.toggled):
            signal.connect(lambda *_: self.edited.emit())
        self._system_changed()
        enter_moves_down(self)

    def system(self) -> VotingSystem:
        return VotingSystem(self.system_combo.currentData())

    def set_poll_date(self, poll_date: date) -> None:
        """The poll date decides the id suffix and whether SV is still lawful (Elections Act 2022)."""
        self._poll_date = poll_date
        self._suggest_id()
        self._system_changed()

    def set_details(self, details: ContestDetails) -> None:
        self.title_edit.setText(details.title)
        self.id_edit.setText(details.id)
        self.system_combo.setCurrentIndex(self.system_combo.findData(details.system.value))
        self.seats_spin.setValue(details.seats)
        self.electorate_edit.set_value(details.electorate)
        self.double_entry_check.setChecked(details.double_entry)
        self._id_typed = True
        for error in self.errors.values():
            error.clear_error()
        self._system_changed()

    def details(self) -> ContestDetails | None:
        """The contest typed, or None with every problem shown at its field."""
        title = " ".join(self.title_edit.text().split())
        contest_id = self.id_edit.text().strip()
        problems = {
            "title": name_problem(title, "The contest title"),
            "id": id_problem(contest_id, "The contest id"),
            "electorate": "",
        }
        if not show_problems(self.errors, problems):
            return None
        system = self.system()
        seats = 1 if system is VotingSystem.SV else self.seats_spin.value()
        return ContestDetails(contest_id, title, system, seats, self.electorate_edit.value(),
                              self.double_entry_check.isChecked())

    def _id_was_typed(self, _text: str) -> None:
        self._id_typed = True
        self.errors["id"].clear_error()

    def _suggest_id(self, *_args: object) -> None:
        if self._id_typed or self.id_edit.isReadOnly():
            return
        base = slug(self.title_edit.text())
        suffix = f".{self._poll_date.isoformat()}" if self._poll_date else ""
        self.id_edit.setText(f"{base}{suffix}" if base else "")
        self.errors["id"].clear_error()  # the refusal was about the id it replaces

    def _system_changed(self, *_args: object) -> None:
        is_sv = self.system() is VotingSystem.SV
        if is_sv:
            self.seats_spin.setValue(1)
        self.seats_spin.setEnabled(not is_sv)
        if is_sv and self._poll_date is not None and self._poll_date >= SV_ABOLISHED_FROM:
            self.system_hint.setText(
                "The Elections Act 2022 replaced SV with FPTP for mayor and PCC polls from 4 May 2023: "
                "check the voting system.")
        elif is_sv:
            self.system_hint.setText("SV fills one seat; a second round follows if no one has more than half.")
        else:
            self.system_hint.setText("Each elector may vote for as many candidates as there are seats.")

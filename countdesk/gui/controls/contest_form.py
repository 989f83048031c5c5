"""One contest's details: title, id, office, counting role, voting system (only those the office
and poll date allow: domain.regimes), seats, referendum question, electorate, double entry; and
the rules that apply, with where they come from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ...domain.model import Candidate, Contest, Counting, Nation, Office, VotingSystem
from ...domain.regimes import COLLATED_OFFICES, SYSTEM_ROWS, SystemRow, lawful_systems, regime_for
from .enter_moves_down import enter_moves_down
from .field_errors import FieldError, id_problem, name_problem, show_problems, slug
from .figure_edit import FigureEdit

SYSTEM_LABELS = {
    VotingSystem.SV: QT_TRANSLATE_NOOP("ContestForm", "Supplementary vote (SV)"),
    VotingSystem.FPTP: QT_TRANSLATE_NOOP("ContestForm", "First past the post (FPTP)"),
    VotingSystem.REFERENDUM: QT_TRANSLATE_NOOP("ContestForm", "Referendum: one question, yes or no"),
}
OFFICE_LABELS = {
    Office.COUNCIL: QT_TRANSLATE_NOOP("ContestForm",
                                      "Council ward or division (principal area, parish, town or community)"),
    Office.LOCAL_MAYOR: QT_TRANSLATE_NOOP("ContestForm", "Mayor of a local authority"),
    Office.COMBINED_AUTHORITY_MAYOR: QT_TRANSLATE_NOOP("ContestForm",
                                                       "Mayor of a combined or combined county authority"),
    Office.PCC: QT_TRANSLATE_NOOP("ContestForm", "Police and crime commissioner (or police, fire and crime)"),
    Office.PARLIAMENT: QT_TRANSLATE_NOOP("ContestForm", "UK Parliament constituency"),
    Office.REFERENDUM: QT_TRANSLATE_NOOP("ContestForm",
                                         "Local referendum (neighbourhood planning, council tax, governance)"),
}
COUNTING_LABELS = {
    Counting.WHOLE: QT_TRANSLATE_NOOP("ContestForm", "The whole poll: this count declares the result"),
    Counting.LOCAL: QT_TRANSLATE_NOOP("ContestForm", "One counting area of a collated poll: local statements only, "
                                                     "never a declaration"),
}
#: A new referendum's answers, in ballot-paper order.
REFERENDUM_ANSWERS = (Candidate("yes", "Yes"), Candidate("no", "No"))
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
    office: Office = Office.COUNCIL
    counting: Counting = Counting.WHOLE
    question: str | None = None

    def new_contest(self) -> Contest:
        """The contest these details set up; a referendum starts with its two answers."""
        answers = REFERENDUM_ANSWERS if self.office is Office.REFERENDUM else ()
        return Contest(self.id, self.title, self.system, self.seats, answers, electorate=self.electorate,
                       office=self.office, counting=self.counting, question=self.question)


class ContestForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, id_editable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("contestForm")
        self._poll_date: date | None = None
        self._nation = Nation.ENGLAND
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("contestTitle")
        self.title_edit.setAccessibleName(self.tr("Contest title"))
        self.title_edit.setPlaceholderText(self.tr("Mayor of Liverpool, or Anfield ward"))
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("contestId")
        self.id_edit.setAccessibleName(self.tr("Contest id"))
        self.id_edit.setReadOnly(not id_editable)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("contestOffice")
        self.office_combo.setAccessibleName(self.tr("Office"))
        for office, label in OFFICE_LABELS.items():
            self.office_combo.addItem(self.tr(label), office.value)
        self.counting_combo = QComboBox()
        self.counting_combo.setObjectName("contestCounting")
        self.counting_combo.setAccessibleName(self.tr("Counting role"))
        for counting, label in COUNTING_LABELS.items():
            self.counting_combo.addItem(self.tr(label), counting.value)
        self.system_combo = QComboBox()
        self.system_combo.setObjectName("contestSystem")
        self.system_combo.setAccessibleName(self.tr("Voting system"))
        self.question_edit = QLineEdit()
        self.question_edit.setObjectName("contestQuestion")
        self.question_edit.setAccessibleName(self.tr("Referendum question"))
        self.question_edit.setPlaceholderText(self.tr("the question as on the ballot paper"))
        self.rules_label = QLabel("")
        self.rules_label.setObjectName("contestRules")
        self.rules_label.setAccessibleName(self.tr("The rules that apply"))
        self.rules_label.setProperty("role", "hint")
        self.rules_label.setWordWrap(True)
        self.seats_spin = QSpinBox()
        self.seats_spin.setObjectName("contestSeats")
        self.seats_spin.setAccessibleName(self.tr("Seats to fill"))
        self.seats_spin.setRange(1, MAX_SEATS)
        self.electorate_edit = FigureEdit(self.tr("Electorate"))
        self.electorate_edit.setObjectName("contestElectorate")
        self.electorate_edit.setPlaceholderText(self.tr("not known yet"))
        self.double_entry_check = QCheckBox(self.tr("Double entry: each sheet &keyed by two operators"))
        self.double_entry_check.setObjectName("doubleEntry")
        self.double_entry_check.setAccessibleName(self.tr("Double entry of count sheets"))
        self.system_hint = QLabel("")
        self.system_hint.setProperty("role", "hint")
        self.system_hint.setWordWrap(True)
        self.errors = {
            "title": FieldError(self.title_edit, self.tr("Contest title")),
            "id": FieldError(self.id_edit, self.tr("Contest id")),
            "electorate": FieldError(self.electorate_edit, self.tr("Electorate")),
            "question": FieldError(self.question_edit, self.tr("Referendum question")),
        }
        self.electorate_edit.refused.connect(self.errors["electorate"].show_error)
        form = QFormLayout(self)
        form.addRow(self.tr("Conte&st title:"), self.title_edit)
        form.addRow("", self.errors["title"])
        form.addRow(self.tr("Contest id:"), self.id_edit)
        form.addRow("", self.errors["id"])
        # Every other letter of these words already has a control on the Set-up tab (or is a menu).
        form.addRow(self.tr("Office (&J):"), self.office_combo)
        form.addRow(self.tr("Counting role (&Z):"), self.counting_combo)
        form.addRow(self.tr("Voting s&ystem:"), self.system_combo)
        form.addRow("", self.system_hint)
        form.addRow(self.tr("Seats to f&ill:"), self.seats_spin)
        self.question_label = QLabel(self.tr("Referendum &question:"))
        self.question_label.setBuddy(self.question_edit)
        form.addRow(self.question_label, self.question_edit)
        form.addRow("", self.errors["question"])
        form.addRow(self.tr("E&lectorate:"), self.electorate_edit)
        form.addRow("", self.errors["electorate"])
        form.addRow("", self.double_entry_check)
        form.addRow("", self.rules_label)
        self._form = form
        self._id_typed = False
        self.id_edit.textEdited.connect(self._id_was_typed)
        self.title_edit.textEdited.connect(self._suggest_id)
        self.title_edit.textEdited.connect(lambda _t: self.errors["title"].clear_error())
        self.electorate_edit.textEdited.connect(lambda _t: self.errors["electorate"].clear_error())
        self.question_edit.textEdited.connect(lambda _t: self.errors["question"].clear_error())
        self.office_combo.currentIndexChanged.connect(self._office_changed)
        self.counting_combo.currentIndexChanged.connect(self._system_changed)
        self.system_combo.currentIndexChanged.connect(self._system_changed)
        for signal in (self.title_edit.textEdited, self.id_edit.textEdited, self.electorate_edit.textEdited,
                       self.office_combo.currentIndexChanged, self.counting_combo.currentIndexChanged,
                       self.system_combo.currentIndexChanged, self.seats_spin.valueChanged,
                       self.question_edit.textEdited, self.double_entry_check.toggled):
            signal.connect(lambda *_: self.edited.emit())
        self._office_changed()
        enter_moves_down(self)

    def system(self) -> VotingSystem:
        return VotingSystem(self.system_combo.currentData())

    def office(self) -> Office:
        return Office(self.office_combo.currentData())

    def counting(self) -> Counting:
        return Counting(self.counting_combo.currentData())

    def set_poll_date(self, poll_date: date, nation: Nation = Nation.ENGLAND) -> None:
        """The poll date (and nation) decide the id suffix and, with the office, the lawful systems."""
        self._poll_date = poll_date
        self._nation = nation
        self._suggest_id()
        self._office_changed()

    def set_details(self, details: ContestDetails) -> None:
        self.title_edit.setText(details.title)
        self.id_edit.setText(details.id)
        self.office_combo.setCurrentIndex(self.office_combo.findData(details.office.value))
        self.counting_combo.setCurrentIndex(self.counting_combo.findData(details.counting.value))
        self._office_changed()
        self._set_system(details.system)
        self.question_edit.setText(details.question or "")
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
            "title": name_problem(title, self.tr("The contest title")),
            "id": id_problem(contest_id, self.tr("The contest id")),
            "electorate": "",
            "question": "",
        }
        office = self.office()
        question = " ".join(self.question_edit.text().split()) if office is Office.REFERENDUM else None
        if office is Office.REFERENDUM:
            problems["question"] = name_problem(question or "", self.tr("The referendum question"))
        if not show_problems(self.errors, problems):
            return None
        system = self.system()
        seats = self.seats_spin.value() if system is VotingSystem.FPTP else 1
        return ContestDetails(contest_id, title, system, seats, self.electorate_edit.value(),
                              self.double_entry_check.isChecked(), office, self.counting(), question)

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

    def _office_changed(self, *_args: object) -> None:
        """The office and poll date decide the systems offered; only a PCC or combined authority
        mayor can be counted locally; only a referendum asks a question."""
        office = self.office()
        collated = office in COLLATED_OFFICES
        if not collated:
            self.counting_combo.setCurrentIndex(self.counting_combo.findData(Counting.WHOLE.value))
        self.counting_combo.setEnabled(collated)
        referendum = office is Office.REFERENDUM
        self.question_label.setVisible(referendum)
        self.question_edit.setVisible(referendum)
        current = self.system_combo.currentData()
        self.system_combo.blockSignals(True)
        self.system_combo.clear()
        for system in self._lawful_systems():
            self.system_combo.addItem(self.tr(SYSTEM_LABELS[system]), system.value)
        found = self.system_combo.findData(current)
        self.system_combo.setCurrentIndex(found if found >= 0 else 0)
        self.system_combo.blockSignals(False)
        self.system_combo.setEnabled(self.system_combo.count() > 1)
        self._system_changed()

    def _lawful_systems(self) -> tuple[VotingSystem, ...]:
        if self._poll_date is None:  # no date yet: any system the office has had
            return tuple(dict.fromkeys(row.system for row in _rows_of(self.office())))
        return lawful_systems(self.office(), self._nation, self._poll_date)

    def _set_system(self, system: VotingSystem) -> None:
        """Show the contest's own system even where the law now wants another (a contest read from
        an older file): the rules line then says so, and saving is refused until it is put right."""
        if self.system_combo.findData(system.value) < 0:
            self.system_combo.addItem(self.tr(SYSTEM_LABELS[system]), system.value)
            self.system_combo.setEnabled(True)
        self.system_combo.setCurrentIndex(self.system_combo.findData(system.value))
        self._system_changed()

    def _system_changed(self, *_args: object) -> None:
        system = self.system() if self.system_combo.count() else VotingSystem.FPTP
        if system is not VotingSystem.FPTP:
            self.seats_spin.setValue(1)
        self.seats_spin.setEnabled(system is VotingSystem.FPTP)
        self.system_hint.setText({
            VotingSystem.SV: self.tr("SV fills one seat; a second round follows if no one has more than half."),
            VotingSystem.FPTP: self.tr("Each elector may vote for as many candidates as there are seats."),
            VotingSystem.REFERENDUM: self.tr("The answer with more than half of the valid votes is carried; an equal "
                                             "vote carries neither (never a lot). The answers are Yes and No."),
        }[system])
        self.rules_label.setText(self._rules_text(system))

    def _rules_text(self, system: VotingSystem) -> str:
        """Which rules apply and where they come from (domain.regimes)."""
        if self._poll_date is None:
            return self.tr("The rules that apply follow from the office and the poll date.")
        regime = regime_for(self.office(), self._nation, self._poll_date)
        lines = [self.tr("{0}: {1}").format(name, text) for name, text in regime.rules(self.counting())]
        if system not in lawful_systems(regime.office, regime.nation, regime.poll_date):
            lines.insert(0, self.tr("Not lawful: this office is counted by {0} at this poll.").format(
                self.tr(SYSTEM_LABELS[regime.system])))
        return self.tr("Rules that apply. {0}").format(" · ".join(lines))


def _rows_of(office: Office) -> list[SystemRow]:
    return [row for row in SYSTEM_ROWS if row.office is office]

"""The election's details: title, id, poll date, area, returning officer, bilingual documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from ...domain.model import Election
from .enter_moves_down import enter_moves_down
from .field_errors import FieldError, id_problem, name_problem, show_problems, slug


class ElectionForm(QWidget):
    """Fields for an Election; `election()` returns it, or None after showing what is wrong."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, id_editable: bool = True, require_ro: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("electionForm")
        #: A new count names its returning officer: the declaration is printed over that name.
        self.require_ro = require_ro
        self.title_edit = self._line("electionTitle", self.tr("Election title"), self.tr("Local elections 6 May 2021"))
        self.area_edit = self._line("electionArea", self.tr("Counting area"), self.tr("Liverpool"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("pollDate")
        self.date_edit.setAccessibleName(self.tr("Poll date"))
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.id_edit = self._line("electionId", self.tr("Election id"), self.tr("local.liverpool.2021-05-06"))
        self.id_edit.setReadOnly(not id_editable)
        self.ro_edit = self._line("returningOfficer", self.tr("Returning officer"),
                                  self.tr("Name as printed on the declaration"))
        self.bilingual_check = QCheckBox(self.tr("&Welsh and English documents"))
        self.bilingual_check.setObjectName("bilingual")
        self.bilingual_check.setAccessibleName(self.tr("Bilingual documents (Welsh and English)"))
        self.errors = {
            "title": FieldError(self.title_edit, self.tr("Election title")),
            "area": FieldError(self.area_edit, self.tr("Counting area")),
            "id": FieldError(self.id_edit, self.tr("Election id")),
            "ro": FieldError(self.ro_edit, self.tr("Returning officer")),
        }
        form = QFormLayout(self)
        form.addRow(self.tr("Election &title:"), self.title_edit)
        form.addRow("", self.errors["title"])
        form.addRow(self.tr("&Poll date:"), self.date_edit)
        form.addRow(self.tr("Co&unting area:"), self.area_edit)
        form.addRow("", self.errors["area"])
        form.addRow(self.tr("Election id:"), self.id_edit)
        form.addRow("", self.errors["id"])
        form.addRow(self.tr("&Returning officer:"), self.ro_edit)
        form.addRow("", self.errors["ro"])
        form.addRow("", self.bilingual_check)
        self._id_typed = False
        #: The election shown: its details edited elsewhere (nation, deputy, Welsh title) are kept.
        self._loaded: Election | None = None
        self.id_edit.textEdited.connect(self._id_was_typed)
        self.area_edit.textEdited.connect(self._suggest_id)
        self.date_edit.dateChanged.connect(self._suggest_id)
        for edit, key in ((self.title_edit, "title"), (self.area_edit, "area"), (self.ro_edit, "ro")):
            edit.textEdited.connect(lambda _t, k=key: self.errors[k].clear_error())
        for signal in (self.title_edit.textEdited, self.area_edit.textEdited, self.id_edit.textEdited,
                       self.ro_edit.textEdited, self.date_edit.dateChanged, self.bilingual_check.toggled):
            signal.connect(lambda *_: self.edited.emit())
        enter_moves_down(self)

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        return edit

    def poll_date(self) -> date:
        return self.date_edit.date().toPython()

    def set_election(self, election: Election) -> None:
        self._loaded = election
        self.title_edit.setText(election.title)
        self.area_edit.setText(election.area)
        self.date_edit.setDate(QDate(election.poll_date))
        self.id_edit.setText(election.id)
        self.ro_edit.setText(election.returning_officer or "")
        self.bilingual_check.setChecked(election.bilingual)
        self._id_typed = True
        for error in self.errors.values():
            error.clear_error()

    def election(self) -> Election | None:
        """The election typed, or None with every problem shown at its field."""
        title = " ".join(self.title_edit.text().split())
        area = " ".join(self.area_edit.text().split())
        election_id = self.id_edit.text().strip()
        ro = " ".join(self.ro_edit.text().split())
        problems = {
            "title": name_problem(title, self.tr("The election title")),
            "area": name_problem(area, self.tr("The counting area")),
            "id": id_problem(election_id, self.tr("The election id")),
            "ro": name_problem(ro, self.tr("The returning officer's name")) if ro or self.require_ro else "",
        }
        if not show_problems(self.errors, problems):
            return None
        typed = Election(election_id, title, self.poll_date(), area, ro or None, self.bilingual_check.isChecked())
        if self._loaded is None:
            return typed
        return replace(self._loaded, id=typed.id, title=typed.title, poll_date=typed.poll_date, area=typed.area,
                       returning_officer=typed.returning_officer, bilingual=typed.bilingual)

    def _id_was_typed(self, _text: str) -> None:
        self._id_typed = True
        self.errors["id"].clear_error()

    def _suggest_id(self, *_args: object) -> None:
        if self._id_typed or self.id_edit.isReadOnly():
            return
        area = slug(self.area_edit.text())
        self.id_edit.setText(f"local.{area}.{self.poll_date().isoformat()}" if area else "")
        self.errors["id"].clear_error()  # the refusal was about the id it replaces

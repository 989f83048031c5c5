"""Set-up: a contest's ballot boxes: number, polling station, postal or not, ballot paper account."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...domain.model import Box
from ..controls.enter_moves_down import enter_moves_down
from ..controls.field_errors import FieldError, id_problem, name_problem
from ..controls.figure_edit import FigureEdit
from ..dialogs.reason_dialog import ask_reason
from ..models.boxes_model import BoxesModel
from ..setup_commands import AddBoxCommand, RemoveBoxCommand
from .setup_list_editor import SetupListEditor


class BoxesEditor(SetupListEditor):
    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ballot boxes"), open_count, BoxesModel(open_count), table_name="boxesTable",
                         accessible_name=self.tr("Ballot boxes"), remove_text=self.tr("Remove box…"),
                         remove_name="removeBox", remove_accessible_name=self.tr("Remove the selected box"),
                         message_name=self.tr("Boxes message"),
                         alternating_rows=True, parent=parent)
        self.setObjectName("boxesEditor")
        self.model.setParent(self)

        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("boxId")
        self.id_edit.setAccessibleName(self.tr("New box number"))
        self.id_edit.setPlaceholderText(self.tr("A01"))
        self.id_edit.setMaximumWidth(self.id_edit.fontMetrics().horizontalAdvance("LIV0000") + 24)
        self.station_edit = QLineEdit()
        self.station_edit.setObjectName("boxStation")
        self.station_edit.setAccessibleName(self.tr("New box's polling station"))
        self.station_edit.setPlaceholderText(self.tr("Polling station"))
        self.postal_check = QCheckBox(self.tr("Postal"))
        self.postal_check.setObjectName("boxPostal")
        self.postal_check.setAccessibleName(self.tr("New box is a postal ballot box"))
        self.account_edit = FigureEdit(self.tr("New box's ballot paper account"))
        self.account_edit.setObjectName("boxAccount")
        self.account_edit.setMaximumWidth(self.account_edit.fontMetrics().horizontalAdvance("9,999,999") + 30)
        self.add_button = QPushButton(self.tr("Add &box"))
        self.add_button.setObjectName("addBox")
        self.add_button.setAccessibleName(self.tr("Add box"))
        self.errors = {"id": FieldError(self.id_edit, self.tr("Box number")),
                       "station": FieldError(self.station_edit, self.tr("Polling station")),
                       "account": FieldError(self.account_edit, self.tr("Ballot paper account"))}
        self.account_edit.refused.connect(self.errors["account"].show_error)
        self.add_button.clicked.connect(self.add_from_fields)
        self.account_edit.enter_saves = True
        self.account_edit.save_requested.connect(self.add_from_fields)
        for key, edit in (("id", self.id_edit), ("station", self.station_edit), ("account", self.account_edit)):
            edit.textEdited.connect(lambda _t, k=key: self.errors[k].clear_error())

        entry_row = QWidget()
        entry = QGridLayout(entry_row)
        entry.setContentsMargins(0, 0, 0, 0)
        for column, (caption, widget) in enumerate(((self.tr("Bo&x number:"), self.id_edit),
                                                    (self.tr("Station:"), self.station_edit),
                                                    ("", self.postal_check), (self.tr("Account:"), self.account_edit))):
            label = QLabel(caption)
            label.setBuddy(widget)
            label.setMinimumWidth(label.sizeHint().width())  # "Station:" whole, never "Stati…"
            entry.addWidget(label, 0, column * 2)
            entry.addWidget(widget, 0, column * 2 + 1)
        entry.addWidget(self.add_button, 0, 8)
        entry.addWidget(self.errors["id"], 1, 1, 1, 2)
        entry.addWidget(self.errors["station"], 1, 3, 1, 2)
        entry.addWidget(self.errors["account"], 1, 7, 1, 2)
        entry.setColumnStretch(3, 1)
        station_width = self.station_edit.fontMetrics().horizontalAdvance(self.tr("Polling station"))
        self.station_edit.setMinimumWidth(station_width + 30)
        self._lay_out(entry_row)
        enter_moves_down(entry_row)  # number, station, postal, account: Enter on the account adds the box

    def add_from_fields(self) -> None:
        contest = self.model.contest()
        if contest is None:
            return
        box_id = self.id_edit.text().strip()
        station = " ".join(self.station_edit.text().split())
        problems = {"id": id_problem(box_id, self.tr("The box number")),
                    "station": name_problem(station, self.tr("The polling station")) if station else "",
                    "account": ""}
        if not problems["id"] and box_id in {b.id for b in contest.boxes}:
            problems["id"] = self.tr("Box {0} is already set up").format(box_id)
        for key, message in problems.items():
            self.errors[key].show_error(message)
        if any(problems.values()):
            next(self.errors[k].field for k, m in problems.items() if m).setFocus()
            return
        box = Box(box_id, station, self.postal_check.isChecked(), self.account_edit.value())
        if self.model.push(AddBoxCommand(self.open_count, contest.id, box)):
            for edit in (self.id_edit, self.station_edit, self.account_edit):
                edit.clear()
            self.postal_check.setChecked(False)
            self._show_message("")
            self.id_edit.setFocus()
            self.status_message.emit(self.tr("Box {0} added.").format(box_id))

    def add_many(self, boxes: tuple[Box, ...], source: str) -> bool:
        contest = self.model.contest()
        if contest is None:
            return False
        return self._add_all(
            boxes, source, self.tr("boxes"), {b.id for b in contest.boxes},
            lambda clashes: self.tr("these boxes are already set up: {0}").format(", ".join(clashes[:10])),
            lambda box: AddBoxCommand(self.open_count, contest.id, box))

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.model.contest_id is None:
            return
        box = self.model.box(rows[0].row())
        reason = None
        if box.verified is not None:
            reason = ask_reason(self, self.tr("Remove a verified box"),
                                self.tr("Box {0} has been verified. Why is it being removed?").format(box.id),
                                ok_text=self.tr("Remove box"))
            if reason is None:
                return
        if self.model.push(RemoveBoxCommand(self.open_count, self.model.contest_id, box.id, reason)):
            self.status_message.emit(self.tr("Box {0} removed (Ctrl+Z to undo).").format(box.id))

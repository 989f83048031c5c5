"""The count-sheet form: one count table's figures keyed in, checked as they are typed.

Round 1 lists every candidate in ballot-paper order, then the rejected-paper heads. Round 2 (SV
without a majority) lists the finalists and the non-transferable papers. Digits, Tab or Enter to
move on, Ctrl+Enter to save, Esc to cancel.

Blank versus zero: an untouched field shows a grey "–"; a typed 0 shows "0". Saving with blanks
does not save at once: the blank fields are marked and listed, and a second Ctrl+Enter saves them
as 0 (any edit in between asks again). So no one has to type every zero, and no figure is ever
zero by accident without the operator seeing it.

This module is the form's behaviour: which contest and round, checking, the blank-field
confirmation, saving and cancelling. Where the boxes sit and what is printed beside them is
CountSheetGrid's job (count_sheet_grid.py).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.model import Contest, CountSheet, VotingSystem
from ...errors import CountdeskError
from ..appearance import format_figure, set_style_flag
from ..controls.field_errors import id_problem
from ..controls.figure_edit import FigureEdit, FormLineEdit
from ..controls.sheet_fields import sheet_fields
from .count_sheet_grid import CountSheetGrid, SheetField
from .sheet_limits import SheetLimits, sheet_limits


class CountSheetForm(QWidget):
    """Emits `submitted(sheet, replacing)` once the figures pass every check at the keyboard."""

    submitted = Signal(object, bool)
    cancelled = Signal()
    #: The sheet the operator is working on ("" when none): its first figure typed, a correction
    #: opened, a save asked for. On a count server the view claims it (gui/claims.py).
    sheet_in_hand = Signal(str)

    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countSheetForm")
        self.setAccessibleName(self.tr("Count sheet"))
        self.open_count = open_count
        self.contest_id: str | None = None
        self.round = 1
        self.editing: CountSheet | None = None
        self.fields: list[SheetField] = []
        self.finalists: tuple[str, ...] = ()
        self._confirm_blanks = False
        self._blocked_ids: frozenset[str] = frozenset()
        self._last_edited: FigureEdit | None = None
        self._shape: tuple = ()
        self._in_hand = ""
        self._claim_problem = ""

        self.heading = QLabel("")
        self.heading.setProperty("role", "heading")
        self.heading.setObjectName("sheetHeading")
        self.heading.setWordWrap(True)
        self.grid_host = CountSheetGrid()
        self.sheet_id_edit = self.grid_host.sheet_id_edit
        self.sheet_id_error = self.grid_host.sheet_id_error
        self.total_label = self.grid_host.total_label
        self.limit_label = self.grid_host.limit_label
        self._connect_keys(self.sheet_id_edit)
        self.message = QLabel("")
        self.message.setObjectName("sheetMessage")
        self.message.setProperty("role", "banner")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Count sheet message"))
        self.message.setVisible(False)
        self.save_button = QPushButton(self.tr("&Save sheet  (Ctrl+Enter)"))
        self.save_button.setObjectName("saveSheet")
        self.save_button.setAccessibleName(self.tr("Save sheet"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.request_save)
        self.cancel_button = QPushButton(self.tr("Cancel  (Esc)"))
        self.cancel_button.setObjectName("cancelSheet")
        self.cancel_button.setAccessibleName(self.tr("Cancel this sheet"))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.installEventFilter(self)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.request_save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.grid_host)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # -- building the form --------------------------------------------------------------------
    def set_contest(self, contest_id: str | None, round_number: int = 1) -> None:
        self.contest_id = contest_id
        self.round = round_number
        self.start_new_sheet()

    def set_round(self, round_number: int) -> None:
        self.round = round_number
        self.start_new_sheet()

    def set_blocked_ids(self, ids: frozenset[str]) -> None:
        """Ids that may not be used for a new sheet besides recorded ones (pending keyings)."""
        self._blocked_ids = ids

    def start_new_sheet(self) -> None:
        """A blank sheet for the current contest and round, with the next sheet number."""
        self.editing = None
        self._lay_out()
        self._clear()
        self.sheet_id_edit.setText(self.suggested_sheet_id() if self._contest() else "")
        self._hand("")
        self._update_totals()

    def edit_sheet(self, sheet: CountSheet) -> None:
        """Load a recorded sheet for correction; saving it replaces the one recorded."""
        self.round = sheet.round
        self.editing = sheet
        self._lay_out()
        self._clear()
        self.sheet_id_edit.setText(sheet.id)
        self.sheet_id_edit.setReadOnly(True)
        self._hand(sheet.id)
        self.load_figures(sheet)
        self.focus_first_figure()

    def load_figures(self, sheet: CountSheet) -> None:
        """Fill the figures of `sheet` into the form (a correction, a supervisor's starting point)."""
        for field in self.fields:
            field.edit.set_value(self._figure_of(sheet, field.key))
        self._figures_edited()

    def _lay_out(self) -> None:
        """Build the fields for this contest and round, unless they are the ones already shown
        (rebuilding would throw away the widget that has the keyboard focus)."""
        contest = self._contest()
        if contest is not None and self.round == 2:
            try:
                finalists = self.open_count.result(contest.id).finalists or ()
                self.finalists = tuple(cid for cid in contest.candidate_ids if cid in finalists)  # ballot order
            except CountdeskError:  # no finalists to be had: the limits refuse the sheet and say why
                if not self._shape or self._shape[0] != contest.id:
                    self.finalists = ()
        specs = sheet_fields(contest, self.round, self.finalists) if contest is not None else ()
        heading = self._heading(contest)
        self.heading.setText(heading)
        set_style_flag(self.heading, "role", "banner" if self.editing is not None else "heading")
        if (self.contest_id, self.round, specs) == self._shape:
            return
        self._shape = (self.contest_id, self.round, specs)
        focus_inside = self.isAncestorOf(QApplication.focusWidget()) if QApplication.focusWidget() else False
        if contest is None:
            self.grid_host.clear_rows()
            self.fields = []
            return
        self.fields = self.grid_host.lay_out(specs)
        for field in self.fields:
            self._connect_keys(field.edit)
        chain = [self.sheet_id_edit, *(f.edit for f in self.fields), self.save_button, self.cancel_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        if focus_inside:
            self.focus_first_figure()

    def _heading(self, contest: Contest | None) -> str:
        if contest is None:
            return self.tr("No contest selected")
        if self.editing is not None:
            return self.tr("Correcting sheet {0} (round {1}), recorded already: change the figures, then Ctrl+Enter "
                           "and give the reason. Esc leaves it as recorded.").format(self.editing.id,
                                                                                     self.editing.round)
        if self.round == 2:
            return self.tr("Round 2: second preferences for the finalists, {0}").format(contest.title)
        if contest.system is VotingSystem.SV:
            return self.tr("Round 1: first preferences and rejected papers, {0}").format(contest.title)
        return self.tr("Round 1: votes and rejected papers, {0}").format(contest.title)

    def _clear(self) -> None:
        for field in self.fields:
            field.edit.clear()
            field.error.clear_error()
            set_style_flag(field.edit, "blank", False)
        self._confirm_blanks = False
        self._last_edited = None
        self.sheet_id_edit.setReadOnly(False)
        self.sheet_id_error.clear_error()
        self._show_message("")

    def _connect_keys(self, edit: FormLineEdit) -> None:
        """Every box on the sheet: typing rechecks, Ctrl+Enter saves, Esc cancels."""
        edit.textEdited.connect(self._figures_edited)
        edit.save_requested.connect(self.request_save)
        edit.cancel_requested.connect(self.cancel)

    # -- reading the figures ------------------------------------------------------------------
    def _contest(self) -> Contest | None:
        return self.open_count.find_contest(self.contest_id)

    def field(self, key: str) -> FigureEdit:
        for field in self.fields:
            if field.key == key:
                return field.edit
        raise KeyError(key)

    @staticmethod
    def _figure_of(sheet: CountSheet, key: str) -> int | None:
        group, _, name = key.partition(".")
        if group == "votes":
            return sheet.votes.get(name)
        if group == "rejected":
            return sheet.rejected.get(name, 0)
        return getattr(sheet, group)

    def sheet(self, blanks_as_zero: bool = True) -> CountSheet:
        """The sheet as typed; blank required fields as 0 (the caller has confirmed them)."""
        values = {f.key: f.edit.value() for f in self.fields}

        def group(prefix: str, keep_blank: bool = False) -> dict[str, int]:
            found = {}
            for key, value in values.items():
                if key.startswith(prefix + "."):
                    if value is None and (keep_blank or not blanks_as_zero):
                        continue
                    found[key.split(".", 1)[1]] = value or 0
            return found

        sheet_id = self.sheet_id_edit.text().strip()
        if self.round == 1:
            papers = values.get("papers")
            return CountSheet(sheet_id, 1, group("votes"), group("rejected"), papers=papers,
                              rejected_in_part=values.get("rejected_in_part"))
        non_transferable = values.get("non_transferable")
        return CountSheet(sheet_id, 2, group("votes"), papers=None,
                          non_transferable=0 if non_transferable is None and blanks_as_zero else non_transferable,
                          second_rejected=values.get("second_rejected"))

    def is_pristine(self) -> bool:
        """Nothing typed yet: the form may be rebuilt without losing anyone's work."""
        return all(f.edit.untouched for f in self.fields)

    def refresh_checks(self) -> None:
        if self._contest() is not None:
            self._update_totals()

    def blank_fields(self) -> list[SheetField]:
        return [f for f in self.fields if f.required and f.edit.untouched]

    def limits(self) -> SheetLimits:
        return sheet_limits(self.open_count, self.contest_id, self.round, self.editing)

    # -- checking as the operator types ---------------------------------------------------------
    def _figures_edited(self, *_args: object) -> None:
        sender = self.sender()
        if isinstance(sender, FigureEdit):
            self._last_edited = sender
            self._hand(self.sheet_id_edit.text().strip())  # not while the number itself is typed
        self._confirm_blanks = False
        self._show_message(self._claim_problem)  # who has this sheet stays said while typing
        for f in self.fields:
            set_style_flag(f.edit, "blank", False)
        self._update_totals()

    def _update_totals(self, saving: bool = False) -> bool:
        """Recompute the running total and every limit; True when nothing is refused. A sheet whose
        figures do not add up to its papers is flagged once every figure is typed, or on saving."""
        contest = self._contest()
        if contest is None:
            self.total_label.setText("")
            self.limit_label.setText("")
            return False
        limits = self.limits()
        sheet = self.sheet()
        problems = limits.problems(sheet, typed=saving or not self.blank_fields())
        if saving and self.round == 1 and sheet.papers is None and "papers" in self._field_keys():
            problems.setdefault("papers", self.tr("Type the number of ballot papers on this sheet: the votes and "
                                                  "rejected papers must add up to it."))
        for f in self.fields:
            message = problems.get(f.key, "")
            if not message and "total" in problems and not limits.refusal and f.edit is self._last_edited:
                message = self.tr("Too many: {0}").format(problems["total"])
            f.error.show_error(message)
        self.sheet_id_error.show_error(self._sheet_id_problem())
        total = limits.sheet_total(sheet)
        self.total_label.setText(format_figure(total))
        set_style_flag(self.total_label, "invalid", "total" in problems)
        self.limit_label.setText(problems.get("total", limits.describe(total, sheet)))
        set_style_flag(self.limit_label, "role", "fieldError" if "total" in problems else "hint")
        return not problems and not self.sheet_id_error.has_error

    def _field_keys(self) -> set[str]:
        return {f.key for f in self.fields}

    def _sheet_id_problem(self) -> str:
        sheet_id = self.sheet_id_edit.text().strip()
        if self._claim_problem:
            return self.tr("Keyed elsewhere")  # who and where: in the message under the figures
        if self.editing is not None:
            return ""
        if not sheet_id:
            return self.tr("Type the sheet's number")
        problem = id_problem(sheet_id, self.tr("The sheet number"))
        if problem:
            return problem
        if sheet_id in self._blocked_ids:
            return ""  # the second keying of a sheet waiting under double entry
        contest = self._contest()
        if contest and any(s.id == sheet_id for s in contest.count_sheets):
            return self.tr("Sheet {0} is already recorded: select it in the list to correct it").format(sheet_id)
        return ""

    def suggested_sheet_id(self) -> str:
        contest = self._contest()
        taken = {s.id for s in contest.count_sheets} if contest else set()
        taken |= self._blocked_ids
        n = 1 + len(contest.sheets(self.round)) if contest else 1
        while f"T{n:02d}-R{self.round}" in taken:
            n += 1
        return f"T{n:02d}-R{self.round}"

    # -- saving and cancelling ----------------------------------------------------------------
    def request_save(self) -> None:
        """Ctrl+Enter. Refused figures stop it; blanks are listed once, then saved as 0."""
        if self._contest() is None or not self.fields:
            return
        # Another station's claim stopped this sheet: ask again, they may have let it go by now.
        self._hand(self.sheet_id_edit.text().strip(), again=bool(self._claim_problem))
        if not self._update_totals(saving=True):
            bad = next((f for f in self.fields if f.error.has_error), None)
            if self.sheet_id_error.has_error:
                self.sheet_id_edit.setFocus()
            elif bad is not None:
                bad.edit.setFocus()
            self._show_message(self._claim_problem
                               or self.tr("This sheet cannot be saved: correct the figures marked in red."))
            return
        blanks = self.blank_fields()
        if len(blanks) == len([f for f in self.fields if f.required]):
            self._show_message(self.tr("Nothing has been typed on this sheet yet."))
            self.focus_first_figure()
            return
        if blanks and not self._confirm_blanks:
            for f in blanks:
                set_style_flag(f.edit, "blank", True)
            names = ", ".join(f.label for f in blanks[:6]) + (" …" if len(blanks) > 6 else "")
            self._show_message(self.tr("{0} field(s) left blank: {1}. Press Ctrl+Enter again to save them as 0, or "
                                       "type the figures.").format(len(blanks), names))
            self._confirm_blanks = True
            return
        sheet = self.sheet(blanks_as_zero=True)
        self.submitted.emit(sheet, self.editing is not None)

    def cancel(self) -> None:
        """Esc: drop what was typed (and leave a correction); nothing was saved."""
        self.start_new_sheet()
        self.focus_first_figure()
        self.cancelled.emit()

    def reset_after_save(self) -> None:
        """A fresh sheet, ready for the next count table."""
        self.start_new_sheet()
        self.focus_first_figure()

    def _hand(self, sheet_id: str, *, again: bool = False) -> None:
        """Say which sheet is in hand when it changes (or `again`, to have its claim checked anew)."""
        if sheet_id != self._in_hand or again:
            self._in_hand = sheet_id
            self._claim_problem = ""
            self.sheet_in_hand.emit(sheet_id)

    def set_claim_problem(self, message: str) -> None:
        """Another station is working on the sheet in hand ("" once it is this station's): shown at
        the sheet's number, and the sheet cannot be saved meanwhile."""
        self._claim_problem = message
        self.sheet_id_error.show_error(self._sheet_id_problem())
        self._show_message(message)

    def show_refusal(self, message: str) -> None:
        """A refusal from the services (shown under the figures)."""
        self._show_message(message)

    def focus_first_figure(self) -> None:
        if self.fields:
            self.fields[0].edit.setFocus()

    def _show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """Enter on the Save button saves, as a keyboard user expects."""
        if watched is self.save_button and event.type() == event.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.request_save()
            return True
        return super().eventFilter(watched, event)

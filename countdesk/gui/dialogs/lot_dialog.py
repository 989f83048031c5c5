"""Recording a lot the returning officer drew by hand. The app never draws: it shows who is tied
and on what figure, then records who won, who drew, when, and who witnessed it.

The record is confirmed twice (the form, then an explicit confirmation) because it decides an
election; once recorded it can only be withdrawn with an audit row saying so.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Lot
from ...domain.result import Tie
from ...errors import CountdeskError
from ..models.result_model import figure, names, tabular_font, tie_sentence, tied_figure

CONFIRMATION = QT_TRANSLATE_NOOP("LotDialog", "This records the result of the lot drawn by hand. "
                                 "It cannot be changed without the audit log showing it.")


def now_iso() -> str:
    """The local time now, to the second, with its UTC offset (ISO 8601)."""
    return datetime.now().astimezone().replace(microsecond=0).isoformat()


def parse_drawn_at(text: str) -> datetime | None:
    """An ISO 8601 date and time that carries its offset, else None."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None and "T" in text else None


class LotDialog(QDialog):
    """Shows the tie; records the hand-drawn lot through `open_count.record_lot`."""

    def __init__(self, open_count, contest_id: str, tie: Tie, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self.contest_id = contest_id
        self.tie = tie
        self.recorded_lot: Lot | None = None
        contest = open_count.contest(contest_id)
        result = open_count.result(contest_id)
        self.setObjectName("lotDialog")
        self.setWindowTitle(self.tr("Record a lot — {0}").format(contest.title))
        self.setAccessibleName(self.tr("Record a lot"))

        headline = QLabel(self.tr("{0}.").format(tie_sentence(contest, result, tie)), self)
        headline.setObjectName("lotTie")
        headline.setWordWrap(True)
        headline.setTextFormat(Qt.TextFormat.PlainText)
        bold = headline.font()
        bold.setBold(True)
        headline.setFont(bold)
        intro = QLabel(self.tr(
            "The law says the returning officer decides by lot. Draw the lot by hand, in front of the "
            "candidates and agents; this application never draws. Then record here who won the lot."), self)
        intro.setObjectName("lotIntro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        places = tie.places
        box = QGroupBox(
            self.tr("Who won the lot?") if places == 1 else self.tr("Who won the lot? Select {0} candidates").format(
                places), self)
        box.setObjectName("lotWinnersBox")
        box.setAccessibleName(self.tr("Who won the lot"))
        grid = QGridLayout(box)
        votes = tied_figure(result, tie)
        self.winner_buttons: dict[str, QAbstractButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(places == 1)
        for row, candidate_id in enumerate(tie.candidates):
            candidate = contest.candidate(candidate_id)
            label = (self.tr("{0} ({1})").format(candidate.name, candidate.description) if candidate.description
                     else candidate.name)
            button: QAbstractButton = QRadioButton(label, box) if places == 1 else QCheckBox(label, box)
            button.setObjectName(f"winner:{candidate_id}")
            button.setAccessibleName(self.tr("Lot won by {0}").format(candidate.name))
            self._group.addButton(button)
            self.winner_buttons[candidate_id] = button
            grid.addWidget(button, row, 0)
            figure_label = QLabel(self.tr("{0} votes").format(figure(votes)), box)
            figure_label.setFont(tabular_font(figure_label.font()))
            figure_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            figure_label.setAccessibleName(self.tr("{0}: {1} votes").format(candidate.name, figure(votes)))
            grid.addWidget(figure_label, row, 1)
        grid.setColumnStretch(0, 1)

        election = open_count.count().election
        self.drawn_by_edit = QLineEdit(election.returning_officer or "", self)
        self.drawn_by_edit.setObjectName("lotDrawnBy")
        self.drawn_by_edit.setAccessibleName(self.tr("Drawn by"))
        self.witnesses_edit = QPlainTextEdit(self)
        self.witnesses_edit.setObjectName("lotWitnesses")
        self.witnesses_edit.setAccessibleName(self.tr("Witnesses"))
        self.witnesses_edit.setPlaceholderText(
            self.tr("Names of the candidates, agents and staff who saw the lot drawn"))
        self.witnesses_edit.setTabChangesFocus(True)
        self.witnesses_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.drawn_at_edit = QLineEdit(now_iso(), self)
        self.drawn_at_edit.setObjectName("lotDrawnAt")
        self.drawn_at_edit.setAccessibleName(self.tr("Time drawn"))
        self.drawn_at_edit.setToolTip(self.tr("ISO 8601 with the UTC offset, e.g. 2021-05-08T14:02:00+01:00"))
        form = QFormLayout()
        form.addRow(self.tr("&Drawn by:"), self.drawn_by_edit)
        form.addRow(self.tr("&Witnesses:"), self.witnesses_edit)
        form.addRow(self.tr("&Time drawn:"), self.drawn_at_edit)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("lotErrors")
        self.error_label.setAccessibleName(self.tr("Problems with the record"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.record_button = self.buttons.addButton(self.tr("&Record lot…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setObjectName("lotRecordButton")
        self.record_button.setAccessibleName(self.tr("Record lot"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # A problem shown goes as soon as it is put right (not only at the next Record lot).
        self._group.buttonToggled.connect(lambda *_: self._recheck())
        for edit in (self.drawn_by_edit, self.drawn_at_edit):
            edit.textChanged.connect(lambda _t: self._recheck())
        self.witnesses_edit.textChanged.connect(self._recheck)
        first_button = next(iter(self.winner_buttons.values()), None)
        if first_button is not None:
            first_button.setFocus()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    # -- reading the form -----------------------------------------------------------------
    def selected_winners(self) -> tuple[str, ...]:
        """The candidates ticked as winning the lot, in ballot-paper (tie) order."""
        return tuple(cid for cid, button in self.winner_buttons.items() if button.isChecked())

    def problems(self) -> list[str]:
        """What stops the record from being made, in the order of the form; empty when complete."""
        return [message for _field, message in self._problems()]

    def _problems(self) -> list[tuple[QWidget, str]]:
        """Each problem with the field that puts it right."""
        found: list[tuple[QWidget, str]] = []
        winners = self.selected_winners()
        if len(winners) != self.tie.places:
            wanted = (self.tr("Select exactly one candidate who won the lot ({0} selected).") if self.tie.places == 1
                      else self.tr("Select exactly {1} candidates who won the lot ({0} selected)."))
            found.append((next(iter(self.winner_buttons.values())), wanted.format(len(winners), self.tie.places)))
        if not self.drawn_by_edit.text().strip():
            found.append((self.drawn_by_edit, self.tr("Say who drew the lot.")))
        if not self.witnesses_edit.toPlainText().strip():
            found.append((self.witnesses_edit,
                          self.tr("Name the witnesses: a lot is recorded only with who saw it drawn.")))
        if parse_drawn_at(self.drawn_at_edit.text()) is None:
            found.append((self.drawn_at_edit,
                          self.tr("Give the time drawn as an ISO 8601 date and time with its offset, "
                                  "e.g. 2021-05-08T14:02:00+01:00.")))
        return found

    def lot(self) -> Lot:
        return Lot(
            tied=tuple(self.tie.candidates),
            winners=self.selected_winners(),
            drawn_by=self.drawn_by_edit.text().strip(),
            drawn_at=self.drawn_at_edit.text().strip(),
            witnesses=" ".join(self.witnesses_edit.toPlainText().split()),
        )

    # -- recording --------------------------------------------------------------------------
    def confirm(self, lot: Lot) -> bool:
        """The second, explicit confirmation. Tests replace this to answer without a modal loop."""
        contest = self.open_count.contest(self.contest_id)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Confirm the lot"),
                          self.tr("The lot fell on {0}.\n\n{1}").format(names(contest, lot.winners),
                                                                        self.tr(CONFIRMATION)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("lotConfirmation")
        box.setAccessibleName(self.tr("Confirm the lot"))
        record = box.addButton(self.tr("Record the lot"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is record

    def accept(self) -> None:
        problems = self._problems()
        if problems:
            self._show_problems([message for _field, message in problems], problems[0][0])
            return
        lot = self.lot()
        if not self.confirm(lot):
            return
        try:
            self.open_count.record_lot(self.contest_id, lot)
        except CountdeskError as error:
            self._show_problems([self.tr("The lot was not recorded: {0}").format(error)], self.drawn_at_edit)
            return
        self.recorded_lot = lot
        super().accept()

    def _recheck(self) -> None:
        """While problems are shown, show only those still there."""
        if self.error_label.isHidden():
            return
        problems = self.problems()
        self.error_label.setText("\n".join(problems))
        self.error_label.setVisible(bool(problems))

    def _show_problems(self, problems: list[str], field: QWidget) -> None:
        """The problems shown, the focus on the field that puts the first one right."""
        self.error_label.setText("\n".join(problems))
        self.error_label.show()
        field.setFocus()

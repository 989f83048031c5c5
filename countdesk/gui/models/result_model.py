"""What a contest's result says, in words and rows, for the Result tab, its chart and the hall's
results screen. Everything here reads a `ContestResult`; nothing recomputes the count.

Figures travel with their candidate (never by row position alone: *Green v Hannah-Wood*), votes
stay integers, and shares are exact Decimals rounded once, here, at the edge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QStandardItem, QStandardItemModel

from ...domain.completeness import round1_open, summary
from ...domain.heads import SHORT_HEAD_LABELS
from ...domain.model import Candidate, Contest, VotingSystem
from ...domain.result import ContestResult, Status, Tie, share_percent
from ..appearance import figure_font, format_figure

#: Short forms of the rejected-paper heads, kept with the statutory wording in domain/heads.py.
HEAD_LABELS = SHORT_HEAD_LABELS

translate = QCoreApplication.translate
#: Marked for translation; shown through translate("ResultWords", TRANSFERRED_LABEL).
TRANSFERRED_LABEL = QT_TRANSLATE_NOOP("ResultWords", "Second preferences transferred")
#: The role under which the model hands back a row's candidate id.
CANDIDATE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_TIE_WORDS = {
    "final": QT_TRANSLATE_NOOP("ResultWords", "for the highest total of preference votes"),
    "simple_majority": QT_TRANSLATE_NOOP("ResultWords", "for the most votes"),
    "last_seat": QT_TRANSLATE_NOOP("ResultWords", "for the last seat"),
}


def figure(value: int | None) -> str:
    """An integer with thousands separators (the app's one figure format); a dash when there is
    no figure yet."""
    return format_figure(value, blank="–")


def percent(value: Decimal | None) -> str:
    return "–" if value is None else translate("ResultWords", "{0} %").format(f"{value:.2f}")


def tabular_font(font: QFont) -> QFont:
    """The same font with tabular (equal-width) digits, so columns of figures line up."""
    return figure_font(font)


def names(contest: Contest, ids: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C': candidates' ballot names in the order given."""
    labels = [contest.candidate(cid).name for cid in ids]
    if len(labels) <= 1:
        return "".join(labels)
    return translate("ResultWords", "{0} and {1}").format(", ".join(labels[:-1]), labels[-1])


@dataclass(frozen=True)
class CandidateLine:
    """One candidate's figures as the result records them."""

    candidate: Candidate
    first: int
    share: Decimal | None
    transferred: int | None  # None: no second round, or not a finalist
    total: int | None
    finalist: bool
    elected: bool
    tied: bool


def short_names(contest: Contest) -> dict[str, str]:
    """Each candidate's surname as on the ballot, or the full name where two share a surname
    (figures must never be read against the wrong candidate)."""
    surnames = [c.surname for c in contest.candidates]
    return {c.id: c.surname if surnames.count(c.surname) == 1 and c.surname else c.name
            for c in contest.candidates}


def has_second_round(result: ContestResult) -> bool:
    return result.final is not None and result.second is not None


def share_base(result: ContestResult) -> int:
    """The denominator of a share: valid votes (SV first preferences; FPTP papers with a valid
    vote, so on a multi-member ward a share says what part of the voters chose the candidate)."""
    return result.valid_votes


def candidate_lines(contest: Contest, result: ContestResult) -> list[CandidateLine]:
    """The candidates in ballot-paper order with their recorded figures."""
    second_round = has_second_round(result)
    finalists = set(result.finalists or ())
    tied = set(result.pending_tie.candidates) if result.pending_tie else set()
    base = share_base(result)
    lines = []
    for candidate in contest.candidates:
        first = result.first.get(candidate.id, 0)
        in_final = second_round and candidate.id in (result.final or {})
        lines.append(CandidateLine(
            candidate=candidate,
            first=first,
            share=share_percent(first, base),
            transferred=result.second[candidate.id] if in_final and result.second else None,
            total=result.final[candidate.id] if in_final and result.final else None,
            finalist=candidate.id in finalists,
            elected=candidate.id in result.elected,
            tied=candidate.id in tied,
        ))
    return lines


def outcome_word(line: CandidateLine) -> str:
    if line.elected:
        return translate("ResultWords", "Elected")
    if line.tied:
        return translate("ResultWords", "Tied: lot needed")
    if line.finalist:
        return translate("ResultWords", "Finalist")
    return ""


def tied_figure(result: ContestResult, tie: Tie) -> int | None:
    """The figure the tied candidates share, read from the round that records the tie."""
    for round_ in reversed(result.rounds):
        if round_.tie == tie:
            return round_.totals.get(tie.candidates[0])
    return None


def tie_sentence(contest: Contest, result: ContestResult, tie: Tie) -> str:
    votes = tied_figure(result, tie)
    what = translate("ResultWords", _TIE_WORDS[tie.stage]) if tie.stage in _TIE_WORDS else ""
    if tie.stage == "last_seat" and tie.places > 1:
        what = translate("ResultWords", "for the last {0} seats").format(tie.places)
    tied = names(contest, tie.candidates)
    if votes is None:
        return translate("ResultWords", "{0} are tied {1}").format(tied, what).rstrip()
    return translate("ResultWords", "{0} are tied on {1} votes {2}").format(tied, figure(votes), what).rstrip()


def _regime_status_sentence(contest: Contest, result: ContestResult) -> str | None:
    """The statuses the office and counting role bring: uncontested, a local count, a referendum."""
    if result.status is Status.UNCONTESTED:
        returned = names(contest, result.elected)
        if result.seats_unfilled:
            return translate("ResultWords", "Uncontested: {0} returned without a poll; {1} seat(s) left "
                                            "unfilled.").format(returned, result.seats_unfilled)
        return translate("ResultWords", "Uncontested: {0} returned without a poll.").format(returned)
    if result.status is Status.COUNTED:
        return translate("ResultWords", "Counted: this local count is complete. Its figures go to the collating "
                                        "officer, who declares; nobody is elected at a local count.")
    if result.status is Status.DECIDED and result.answer is not None:
        return translate("ResultWords", "Decided: {0} has more than half of the valid votes.").format(
            contest.candidate(result.answer).name)
    if result.status is Status.EQUAL:
        return translate("ResultWords", "Equal: the two answers have the same number of votes, so neither is "
                                        "carried (never by lot).")
    return None


def status_sentence(contest: Contest, result: ContestResult, *, descriptions: bool = True) -> str:
    """One plain sentence: who is elected, what lot is needed, or what the count is waiting for.
    `descriptions`: name the elected with their ballot descriptions (the hall screen leaves them
    out: they are on the rows above)."""
    sv = result.system is VotingSystem.SV
    if result.status is Status.NEEDS_LOTS and result.pending_tie is not None:
        text = translate("ResultWords", "A lot is needed: {0}. The returning officer draws by hand, then records "
                                        "the lot here.").format(tie_sentence(contest, result, result.pending_tie))
        if sv and result.finalists:
            text += translate("ResultWords", " The finalists are {0}.").format(names(contest, result.finalists))
        if result.elected:
            text += translate("ResultWords", " Elected so far: {0}.").format(names(contest, result.elected))
        return text
    if result.status is Status.INCOMPLETE:
        if not contest.sheets(1):
            return translate("ResultWords", "Incomplete: no first-round count sheets have been entered yet.")
        if result.gaps:  # the completeness rule says what is missing: nobody is elected until then
            text = translate("ResultWords", "Incomplete: {0}.").format(summary(result.gaps))
            round1_done = not round1_open(result.gaps)
            if sv and result.finalists and round1_done:
                text += translate("ResultWords", " No candidate has more than half of the valid first preferences. "
                                                 "Waiting for round-2 sheets: the finalists are {0}.").format(
                    names(contest, result.finalists))
            return text + translate("ResultWords", " Nobody is elected until every paper is accounted for.")
        if sv and result.finalists:
            return translate("ResultWords", "Incomplete: no candidate has more than half of the valid first "
                                            "preferences. Waiting for round-2 sheets: the finalists are {0}.").format(
                names(contest, result.finalists))
        return translate("ResultWords", "Incomplete: the count is not finished.")
    other = _regime_status_sentence(contest, result)
    if other is not None:
        return other
    if descriptions:
        elected = ", ".join(_name_and_description(contest, cid) for cid in result.elected)
    else:
        elected = names(contest, result.elected)
    lots = translate("ResultWords", " (decided by lot)") if result.lots_applied else ""
    if not sv:
        if result.seats > 1:
            return translate("ResultWords", "Elected to the {0} seats{1}: {2}.").format(result.seats, lots, elected)
        return translate("ResultWords", "Elected{0}: {1}.").format(lots, elected)
    if has_second_round(result):
        winner = result.elected[0] if result.elected else None
        total = (translate("ResultWords", ", {0} votes in total").format(figure((result.final or {}).get(winner)))
                 if winner else "")
        return translate("ResultWords", "Elected after second preferences{0}: {1}{2}. No candidate had more than "
                                        "half of the valid first preferences; the finalists were {3}.").format(
            lots, elected, total, names(contest, result.finalists or ()))
    if len(contest.candidates) < 3:
        return translate("ResultWords", "Elected by simple majority (two candidates){0}: {1}.").format(lots, elected)
    return translate("ResultWords", "Elected on first preferences: {0}, with more than half of the valid first "
                                    "preferences. No second round.").format(elected)


def _name_and_description(contest: Contest, candidate_id: str) -> str:
    candidate = contest.candidate(candidate_id)
    if not candidate.description:
        return candidate.name
    return translate("ResultWords", "{0} ({1})").format(candidate.name, candidate.description)


@dataclass(frozen=True)
class _Column:
    key: str
    header: str
    tooltip: str
    numeric: bool


class ResultTableModel(QStandardItemModel):
    """The candidates of one contest in ballot-paper order, with the recorded figures.

    Each cell's text, alignment, font, tint and spoken text are worked out once, when a result is
    shown, and Qt answers the view from the items: a Python data() was asked eight roles a cell at
    every measure and paint of the table (some 3,400 calls before a count's first paint)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._contest: Contest | None = None
        self._lines: list[CandidateLine] = []
        self._columns: list[_Column] = []
        self.invisibleRootItem().setFlags(Qt.ItemFlag.NoItemFlags)  # no flags outside the cells

    def set_result(self, contest: Contest | None, result: ContestResult | None) -> None:
        """Show a result: in place (the lines whose figures moved) when the candidates and columns
        are the ones shown, as after a confirmed sheet; otherwise as a reset."""
        if contest is None or result is None:
            lines, columns = [], []
        else:
            lines, columns = candidate_lines(contest, result), _columns_for(result)
        same_rows = [line.candidate for line in lines] == [line.candidate for line in self._lines]
        if same_rows and columns == self._columns:
            changed = [row for row, (old, new) in enumerate(zip(self._lines, lines, strict=True)) if old != new]
            self._contest, self._lines = contest, lines
            if changed:
                self._write_rows(changed)
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(columns) - 1))
            return
        self.beginResetModel()
        self._contest, self._lines, self._columns = contest, lines, columns
        quiet = self.blockSignals(True)  # the views hear of it once, as the reset
        try:
            self.setRowCount(0)
            self.setColumnCount(len(columns))
            for number, column in enumerate(columns):
                self.setHorizontalHeaderItem(number, _header_item(column))
            self.setRowCount(len(lines))
            self._write_rows(range(len(lines)), new=True)
        finally:
            self.blockSignals(quiet)
        self.endResetModel()

    def restyle(self) -> None:
        """Make the cells' fonts again from the application font, which has changed."""
        if self._lines:
            self._write_rows(range(len(self._lines)))
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(self._columns) - 1))

    def line(self, row: int) -> CandidateLine:
        return self._lines[row]

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def _write_rows(self, rows: Iterable[int], *, new: bool = False) -> None:
        """Every role of every cell of these rows, without a signal per role (the caller says
        what changed, once)."""
        fonts = _CellFonts()
        quiet = self.blockSignals(True)
        try:
            for row in rows:
                line = self._lines[row]
                for number, column in enumerate(self._columns):
                    item = QStandardItem() if new else self.item(row, number)
                    for role, value in _cell_roles(line, column, fonts):
                        item.setData(value, role)
                    if new:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                        self.setItem(row, number, item)
        finally:
            self.blockSignals(quiet)


class _CellFonts:
    """The four fonts a cell can have, made once per fill from the application font: plain or
    figures (tabular digits), regular or bold (the elected)."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[bool, bool], QFont] = {}

    def font(self, numeric: bool, bold: bool) -> QFont:
        font = self._fonts.get((numeric, bold))
        if font is None:
            font = QGuiApplication.font()
            if numeric:
                font = tabular_font(font)
            font.setBold(bold)
            self._fonts[numeric, bold] = font
        return font


def _alignment(column: _Column) -> int:
    horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
    return int(horizontal | Qt.AlignmentFlag.AlignVCenter)


def _header_item(column: _Column) -> QStandardItem:
    item = QStandardItem(column.header)
    item.setToolTip(column.tooltip)
    item.setData(_alignment(column), Qt.ItemDataRole.TextAlignmentRole)
    return item


def _cell_roles(line: CandidateLine, column: _Column, fonts: _CellFonts) -> tuple[tuple[int, Any], ...]:
    """What a cell answers, role by role (None clears a role an earlier result set)."""
    text = _cell_text(line, column.key)
    spoken = translate("ResultWords", "{0}, {1}: {2}").format(
        line.candidate.name, column.header.replace(chr(10), " ").lower(), text or translate("ResultWords", "none"))
    return (
        (Qt.ItemDataRole.DisplayRole, text),
        (Qt.ItemDataRole.TextAlignmentRole, _alignment(column)),
        (Qt.ItemDataRole.FontRole, fonts.font(column.numeric, line.elected)),
        (Qt.ItemDataRole.BackgroundRole, _highlight(line) if line.finalist or line.tied or line.elected else None),
        (Qt.ItemDataRole.ToolTipRole, spoken),
        (Qt.ItemDataRole.AccessibleTextRole, spoken),
        (CANDIDATE_ID_ROLE, line.candidate.id),
    )


def _columns_for(result: ContestResult) -> list[_Column]:
    sv = result.system is VotingSystem.SV
    first = translate("ResultWords", "First\npreferences") if sv else translate("ResultWords", "Votes")
    if sv:
        share_tip = translate("ResultWords", "First preferences as a share of all valid first preferences, to 2 "
                                             "decimal places")
    elif result.seats > 1:
        share_tip = translate("ResultWords", "Votes as a share of the ballot papers with a valid vote (each paper "
                                             "carries up to {0} votes, so the shares add up to more than "
                                             "100 %)").format(result.seats)
    else:
        share_tip = translate("ResultWords", "Votes as a share of all valid votes, to 2 decimal places")
    columns = [
        _Column("name", translate("ResultWords", "Candidate"),
                translate("ResultWords", "Name as printed on the ballot paper"), False),
        _Column("description", translate("ResultWords", "Description"),
                translate("ResultWords", "Party or description on the ballot paper"), False),
        _Column("first", first, translate("ResultWords", "First-preference votes") if sv
                else translate("ResultWords", "Votes for the candidate"), True),
        _Column("share", translate("ResultWords", "Share of\nvalid votes"), share_tip, True),
    ]
    if has_second_round(result):
        columns += [
            _Column("transferred", translate("ResultWords", "Second preferences\ntransferred"),
                    translate("ResultWords", "Second preferences for a finalist on the papers of the excluded "
                                             "candidates"), True),
            _Column("total", translate("ResultWords", "Total"),
                    translate("ResultWords", "First preferences plus second preferences transferred"), True),
        ]
    columns.append(_Column("outcome", translate("ResultWords", "Result"),
                           translate("ResultWords", "Elected, finalist, or tied and waiting for a lot"), False))
    return columns


def _cell_text(line: CandidateLine, key: str) -> str:
    if key == "name":
        return line.candidate.name
    if key == "description":
        return line.candidate.description
    if key == "first":
        return figure(line.first)
    if key == "share":
        return percent(line.share)
    if key == "transferred":
        return "" if line.transferred is None else figure(line.transferred)
    if key == "total":
        return "" if line.total is None else figure(line.total)
    return outcome_word(line)


def _highlight(line: CandidateLine) -> QColor:
    """Translucent tints, so the text stays readable on light and dark themes alike."""
    if line.elected:
        return QColor(16, 124, 16, 55)   # green tint: elected
    if line.tied:
        return QColor(230, 150, 0, 70)   # amber tint: waiting for a lot
    color = QColor(QGuiApplication.palette().highlight().color())
    color.setAlpha(40)                   # the palette's highlight, faint: a finalist
    return color

"""The collation's two tables: each area's figures as they arrive, and the overall sum.

Both render the collation's records (services/collation*.py); nothing is added up here except
what the rows are made from, which comes from the same ContestResult records the PDFs use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...domain.model import Contest, VotingSystem
from ...services.collation_progress import ContestProgress
from ...services.collation_session import CollationSession
from ...services.collation_state import area_key
from ..appearance import FIGURE_ALIGNMENT, format_figure, table_figure_font

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
#: How far each area has reported, as the table says it (AreaRow.state is the key).
STATE_WORDS = {"waiting": QT_TRANSLATE_NOOP("AreaFiguresModel", "waiting"),
               "round 1": QT_TRANSLATE_NOOP("AreaFiguresModel", "round 1"),
               "round 2": QT_TRANSLATE_NOOP("AreaFiguresModel", "round 2")}


@dataclass(frozen=True)
class AreaRow:
    area: str
    state: str  # "waiting", "round 1", "round 2"
    first: tuple[int | None, ...]  # per candidate, in ballot order
    valid: int | None
    rejected: int | None
    round2: str  # the area's second-preference transfers, once it has sent them
    fingerprint: str


def area_rows(session: CollationSession, contest_id: str) -> list[AreaRow]:
    """Every expected area (those not in yet marked waiting), then any imported before the list."""
    collated = session.collated()
    contest = collated.merged.contest(contest_id)
    results = dict(collated.area_results(contest_id))
    records = {r.area: r for r in session.areas}
    imported = {area_key(r.area): r.area for r in session.areas}
    listed = list(session.expected_areas)
    listed += [r.area for r in session.areas if area_key(r.area) not in {area_key(n) for n in listed}]
    rows = []
    for name in listed:
        actual = imported.get(area_key(name))
        result = results.get(actual) if actual else None
        if result is None:
            rows.append(AreaRow(name, "waiting", tuple(None for _ in contest.candidates), None, None, "", ""))
            continue
        record = records[actual]
        has_round2 = contest_id in record.round2_contests
        rows.append(AreaRow(actual, "round 2" if has_round2 else "round 1",
                            tuple(result.first.get(c.id) for c in contest.candidates), result.valid_votes,
                            result.rejected.total, _transfers(contest, result) if has_round2 else "",
                            record.paper_fingerprint(contest_id)))
    return rows


def _transfers(contest: Contest, result) -> str:
    if not result.second:
        return ""
    parts = [f"{c.surname} {format_figure(result.second[c.id])}" for c in contest.candidates if c.id in result.second]
    rest = translate("AreaFiguresModel", "non-transferable {0}").format(format_figure(result.non_transferable))
    return ", ".join([*parts, rest])


class _FiguresModel(QAbstractTableModel):
    FIXED_HEAD: tuple[str, ...] = ()
    FIXED_TAIL: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = tuple(self.tr(text) for text in self.FIXED_HEAD + self.FIXED_TAIL)
        self._rows: list[tuple[Any, ...]] = []
        self._figures: frozenset[int] = frozenset()
        self._bold: set[int] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self._figures:
                return int(FIGURE_ALIGNMENT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        value = self._rows[index.row()][index.column()]
        figure = index.column() in self._figures
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return format_figure(value) if figure and isinstance(value, int) else ("" if value is None else str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and figure:
            return int(FIGURE_ALIGNMENT)
        if role == Qt.ItemDataRole.FontRole and (figure or index.row() in self._bold):
            return table_figure_font(bold=index.row() in self._bold)
        return None

    def _reset(self, headers: tuple[str, ...], rows: list[tuple[Any, ...]], figures: set[int],
               bold: set[int] | None = None) -> None:
        self.beginResetModel()
        self._headers, self._rows, self._figures, self._bold = headers, rows, frozenset(figures), bold or set()
        self.endResetModel()


class AreaFiguresModel(_FiguresModel):
    """One row per area: its first preferences per candidate, valid votes, rejected, fingerprint."""

    FIXED_HEAD = (QT_TRANSLATE_NOOP("AreaFiguresModel", "Area"), QT_TRANSLATE_NOOP("AreaFiguresModel", "Reported"))
    FIXED_TAIL = (QT_TRANSLATE_NOOP("AreaFiguresModel", "Valid votes"),
                  QT_TRANSLATE_NOOP("AreaFiguresModel", "Rejected"),
                  QT_TRANSLATE_NOOP("AreaFiguresModel", "Second preferences"),
                  QT_TRANSLATE_NOOP("AreaFiguresModel", "Fingerprint"))

    def show(self, session: CollationSession, contest: Contest | None) -> None:
        head = tuple(self.tr(text) for text in self.FIXED_HEAD)
        tail = tuple(self.tr(text) for text in self.FIXED_TAIL)
        if contest is None:  # nothing in yet: the areas expected, all waiting
            rows = [(name, self.tr(STATE_WORDS["waiting"]), None, None, "", "") for name in session.expected_areas]
            self._reset(head + tail, rows, {2, 3})
            return
        names = tuple(c.name for c in contest.candidates)
        rows = [(r.area, self.tr(STATE_WORDS[r.state]), *r.first, r.valid, r.rejected, r.round2, r.fingerprint)
                for r in area_rows(session, contest.id)]
        figures = set(range(2, 2 + len(names) + 2))
        self._reset(head + names + tail, rows, figures)


class OverallFiguresModel(_FiguresModel):
    """One row per candidate: first preferences, second-preference transfers and total (SV)."""

    HEADERS_SV = (QT_TRANSLATE_NOOP("OverallFiguresModel", "Candidate"),
                  QT_TRANSLATE_NOOP("OverallFiguresModel", "Description"),
                  QT_TRANSLATE_NOOP("OverallFiguresModel", "First preferences"),
                  QT_TRANSLATE_NOOP("OverallFiguresModel", "Second preferences"),
                  QT_TRANSLATE_NOOP("OverallFiguresModel", "Total"), "")
    HEADERS_FPTP = (QT_TRANSLATE_NOOP("OverallFiguresModel", "Candidate"),
                    QT_TRANSLATE_NOOP("OverallFiguresModel", "Description"),
                    QT_TRANSLATE_NOOP("OverallFiguresModel", "Votes"), "")

    def show(self, contest: Contest | None, progress: ContestProgress | None) -> None:
        result = progress.result if progress is not None else None
        headers_sv = tuple(self.tr(text) if text else "" for text in self.HEADERS_SV)
        if contest is None or result is None:
            self._reset(headers_sv, [], set())
            return
        sv = contest.system is VotingSystem.SV
        rows: list[tuple[Any, ...]] = []
        bold = set()
        for row, candidate in enumerate(contest.candidates):
            mark = ""
            if progress.final and candidate.id in result.elected:
                mark = self.tr("Elected")
                bold.add(row)
            elif result.finalists and candidate.id in result.finalists:
                mark = self.tr("Finalist")
            first = result.first.get(candidate.id)
            if sv:
                second = result.second.get(candidate.id) if result.second and candidate.id in result.second else None
                total = result.final.get(candidate.id) if result.final and candidate.id in result.final else None
                rows.append((candidate.name, candidate.description, first, second, total, mark))
            else:
                rows.append((candidate.name, candidate.description, first, mark))
        if sv:
            rows.append((self.tr("Non-transferable"), "", None, result.non_transferable, None, ""))
            rows.append((self.tr("Total valid votes"), "", result.valid_votes, None, None, ""))
            bold.add(len(rows) - 1)
            self._reset(headers_sv, rows, {2, 3, 4}, bold)
        else:
            rows.append((self.tr("Total valid votes"), "", result.valid_votes, ""))
            bold.add(len(rows) - 1)
            self._reset(tuple(self.tr(text) if text else "" for text in self.HEADERS_FPTP), rows, {2}, bold)

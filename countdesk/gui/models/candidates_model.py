"""The candidates of a contest, in ballot-paper order: name as printed, description.

The order is the one given (imported, or typed in order): countdesk never sorts it, because the
statement of persons nominated fixes it and a sort by letters gets names such as O'NEILL, OKAFOR
or "ap IORWERTH" wrong. The returning officer corrects it with a reason (BallotOrderDialog).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ...domain.model import Candidate
from ..controls.field_errors import name_problem, slug
from ..setup_commands import UpdateCandidateCommand
from .base import ContestTableModel, Index

POSITION, NAME, DESCRIPTION = range(3)


def new_candidate_id(name: str, taken: tuple[str, ...]) -> str:
    """An id in the count file's style: surname-initial ("anderson-j"), made unique."""
    probe = Candidate("x", name)
    surname = slug(probe.surname) or "candidate"
    forenames = [w for w in name.split() if w not in probe.surname.split()]
    initial = slug(forenames[0])[:1] if forenames else ""
    base = f"{surname}-{initial}" if initial else surname
    candidate_id, n = base, 2
    while candidate_id in taken:
        candidate_id, n = f"{base}-{n}", n + 1
    return candidate_id


class CandidatesModel(ContestTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("CandidatesModel", "No."),
               QT_TRANSLATE_NOOP("CandidatesModel", "Name as printed on the ballot paper"),
               QT_TRANSLATE_NOOP("CandidatesModel", "Description"))
    FIGURE_COLUMNS = frozenset({POSITION})
    ROWS = "candidates"

    def candidate(self, row: int) -> Candidate:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        candidate, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (str(index.row() + 1), candidate.name, candidate.description)[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{0}: {1}, {2}").format(index.row() + 1, candidate.name,
                                                   candidate.description or self.tr("no description"))
        return self.figure_role(column, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (NAME, DESCRIPTION) and not self.open_count.locked(self.contest_id):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in (NAME, DESCRIPTION):
            return False
        candidate = self._rows[index.row()]
        text = " ".join(str(value).split())
        if index.column() == NAME:
            problem = name_problem(text, self.tr("The candidate's name"))
            if problem:
                self.refused.emit(self.tr("{0}: the name was not changed").format(problem))
                return False
            after = replace(candidate, name=text)
        else:
            after = replace(candidate, description=text)
        if after == candidate:
            return False
        return self.correct(after)

    def correct(self, after: Candidate) -> bool:
        """Change a name or description; the candidate keeps its place on the ballot paper."""
        return self.push(UpdateCandidateCommand(self.open_count, self.contest_id, after))

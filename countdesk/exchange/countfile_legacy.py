"""Reading a `countdesk/1` count file: what it leaves out is inferred once, and said.

A `countdesk/1` contest names no office and no counting role: they are inferred from its
Democracy Club id, its title and its system (`domain.legacy_office`), stored by the import, and
reported as a `ReadNote` so the user can check them. Its round-2 `second_not_counted` heads are
read as their sum, the one statutory second-stage figure (`second_rejected`), with a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.legacy_office import infer_office
from ..domain.model import LEGACY_SECOND_NOT_COUNTED_HEADS, Count
from ..domain.regimes import system_mismatch

LEGACY_FORMAT = "countdesk/1"


@dataclass(frozen=True)
class ReadNote:
    """Something the reader inferred or converted, that the user should know: a warning, not an
    error (the file is read)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def legacy_contest_fields(contest: dict[str, Any], where: str, notes: list[ReadNote]) -> dict[str, Any]:
    """The office and counting role of a `countdesk/1` contest, inferred, with a note saying so."""
    inferred = infer_office(contest["id"], contest["title"], contest["system"], contest["seats"])
    notes.append(ReadNote(where, f"a countdesk/1 file names no office: {inferred.describe()}; "
                                 "check it in Set-up (it is saved as inferred)"))
    return {"office": inferred.office, "counting": inferred.counting}


def legacy_second_rejected(sheet: dict[str, Any], where: str, notes: list[ReadNote]) -> int | None:
    """`second_not_counted` as the one statutory figure: the sum of its heads."""
    heads = sheet.get("second_not_counted")
    if heads is None:
        return None
    total = sum(heads.get(head, 0) for head in LEGACY_SECOND_NOT_COUNTED_HEADS)
    shown = ", ".join(f"{head} {heads[head]}" for head in LEGACY_SECOND_NOT_COUNTED_HEADS if head in heads)
    notes.append(ReadNote(
        f"{where}.second_not_counted",
        f"read as second_rejected {total} (the sum of {shown or 'no heads'}): the statute asks for one "
        "second-stage figure, papers rejected as unmarked or void for uncertainty as to the second preference",
    ))
    return total


def legacy_regime_notes(count: Count) -> list[ReadNote]:
    """A countdesk/2 file whose system the office and poll date do not allow is refused; a
    countdesk/1 file's office was only inferred, so the mismatch is a warning (W07 in the tally)."""
    notes = []
    for index, contest in enumerate(count.contests):
        problem = system_mismatch(count.election, contest)
        if problem is not None:
            notes.append(ReadNote(f"contests[{index}].system", f"{problem}; the office was inferred: check it"))
    return notes


def inferred_contests(notes: list[ReadNote]) -> list[int]:
    """The indexes of the contests whose office was inferred."""
    return [int(n.where[len("contests["):-1]) for n in notes
            if n.where.startswith("contests[") and n.where.endswith("]") and "." not in n.where]


def contest_note_summary(notes: list[ReadNote], index: int) -> str:
    """What was inferred for contest `index`, in a line short enough for its audit reason: the
    office note in full, the round-2 sheets converted as a number."""
    prefix = f"contests[{index}]"
    own = [n for n in notes if n.where == prefix]
    sheets = [n for n in notes if n.where.startswith(prefix + ".")]
    parts = [n.message for n in own]
    if sheets:
        parts.append(f"{len(sheets)} round-2 sheet(s): second_not_counted read as second_rejected (their sum)")
    return "; ".join(parts)

"""Candidates and ballot boxes from CSV files (docs/csv-import.md): the set-up lists that an
elections-management system or a spreadsheet exports.

The whole file is checked before anything is returned, and the first fault is reported with the
line and column a spreadsheet user can find (`boxes.csv line 4, column "ballot_paper_account"`).
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..domain.model import Box, Candidate
from ..domain.text_rules import (
    LARGEST_FIGURE,
    MAX_ID_LENGTH,
    MAX_TEXT_LENGTH,
    bad_id_message,
    first_forbidden_char,
    forbidden_char_message,
    is_blank,
    is_valid_id,
    quote,
)
from ..errors import CountdeskError, ValidationError

#: A candidate or box list is a few kilobytes; a file this big is something else.
MAX_CSV_BYTES = 5_000_000

CsvSource = Union[str, bytes, "os.PathLike[str]"]

CANDIDATE_COLUMNS = ("id", "name", "description")
BOX_COLUMNS = ("id", "label", "postal", "ballot_paper_account", "verified")
_POSTAL_WORDS = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False, "": False}
_LARGEST_FIGURE = LARGEST_FIGURE


@dataclass(frozen=True)
class _Row:
    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class _Table:
    source: str
    columns: tuple[str, ...]
    rows: tuple[_Row, ...]

    def at(self, line: int, column: str | None = None) -> str:
        return f"{self.source} line {line}" + (f", column {quote(column)}" if column else "")


def read_candidates_csv(source: CsvSource, *, name: str | None = None) -> tuple[Candidate, ...]:
    """Candidates in file order (ballot-paper order). Columns: name (required), id, description.
    A blank or absent id is derived from the name as "surname-initial" (anderson-j), kept unique.
    `source`: a path, the file's bytes, or its text (a str with no line break is taken as a path);
    `name` labels the file in messages."""
    table = _read_table(source, name or "candidates.csv", CANDIDATE_COLUMNS, required=("name",))
    given_ids: dict[str, int] = {}
    rows: list[tuple[str, str, str]] = []
    for row in table.rows:
        candidate_id = row.cells.get("id", "")
        if candidate_id:
            _check_id(table, row, "id", candidate_id, given_ids)
        full_name = row.cells["name"]
        if is_blank(full_name):
            raise ValidationError("the candidate's name is blank", table.at(row.line, "name"))
        rows.append((candidate_id, full_name, row.cells.get("description", "")))
    used = set(given_ids)
    candidates = []
    for candidate_id, full_name, description in rows:
        if not candidate_id:
            candidate_id = _unique(_derived_id(full_name), used)
            used.add(candidate_id)
        candidates.append(Candidate(candidate_id, full_name, description))
    return tuple(candidates)


def read_boxes_csv(source: CsvSource, *, name: str | None = None) -> tuple[Box, ...]:
    """Ballot boxes in file order. Columns: id (required), label, postal (yes/no, true/false, 1/0,
    blank for no), ballot_paper_account and verified (whole numbers; blank when not known yet).
    `source` and `name` as for `read_candidates_csv`."""
    table = _read_table(source, name or "boxes.csv", BOX_COLUMNS, required=("id",))
    seen: dict[str, int] = {}
    boxes = []
    for row in table.rows:
        box_id = row.cells["id"]
        if not box_id:
            raise ValidationError("the box id is blank", table.at(row.line, "id"))
        _check_id(table, row, "id", box_id, seen)
        postal_text = row.cells.get("postal", "")
        postal = _POSTAL_WORDS.get(postal_text.lower())
        if postal is None:
            raise ValidationError(
                f"must be yes or no (true/false and 1/0 also do; blank means no), not {quote(postal_text)}",
                table.at(row.line, "postal"),
            )
        boxes.append(Box(
            id=box_id,
            label=row.cells.get("label", ""),
            postal=postal,
            ballot_paper_account=_figure(table, row, "ballot_paper_account"),
            verified=_figure(table, row, "verified"),
        ))
    return tuple(boxes)


# ------------------------------------------------------------------------------------ cells


def _check_id(table: _Table, row: _Row, column: str, value: str, seen: dict[str, int]) -> None:
    if not is_valid_id(value):
        raise ValidationError(f"the id {bad_id_message(value)}", table.at(row.line, column))
    if len(value) > MAX_ID_LENGTH:
        raise ValidationError(
            f"the id must be at most {MAX_ID_LENGTH} characters long", table.at(row.line, column)
        )
    if value in seen:
        raise ValidationError(
            f"duplicate id {quote(value)} (line {seen[value]} has it too)", table.at(row.line, column)
        )
    seen[value] = row.line


def _figure(table: _Table, row: _Row, column: str) -> int | None:
    text = row.cells.get(column, "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise ValidationError(
            f"must be a whole number 0 or more, written in digits only (e.g. 812), not {quote(text)}",
            table.at(row.line, column),
        )
    if len(text) > 16 or int(text) > _LARGEST_FIGURE:
        raise ValidationError("is too large for a count of ballot papers", table.at(row.line, column))
    return int(text)


def _derived_id(full_name: str) -> str:
    """"Joanne ANDERSON" → "anderson-j": the surname as printed (capitals), then the first initial."""
    surname = Candidate("_", full_name).surname
    surname_words = set(surname.split())
    forenames = [word for word in full_name.split() if word not in surname_words]
    slug = _slug(surname)
    initial = _slug(forenames[0])[:1] if forenames else ""
    if slug and initial:
        return f"{slug}-{initial}"
    return slug or initial or "candidate"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


def _unique(candidate_id: str, used: set[str]) -> str:
    if candidate_id not in used:
        return candidate_id
    number = 2
    while f"{candidate_id}-{number}" in used:
        number += 1
    return f"{candidate_id}-{number}"


# ------------------------------------------------------------------------------------ the table


def _read_table(
    source: CsvSource, default_name: str, columns: tuple[str, ...], required: tuple[str, ...]
) -> _Table:
    text, name = _source_text(source, default_name)
    records = list(_records(text, name))
    if not records:
        raise ValidationError("the file is empty: it needs a header line naming its columns", name)
    header_line, header = records[0]
    keep = _columns(name, header_line, header, columns, required, records[1:])
    rows = []
    for line, cells in records[1:]:
        if len(cells) < len(header) or any(cell.strip() for cell in cells[len(header):]):
            raise ValidationError(
                f"this line has {_cells(len(cells))}, but the header has {_cells(len(header))}",
                f"{name} line {line}",
            )
        values = {}
        for index, column in keep:
            value = cells[index].strip()
            _check_text(value, f"{name} line {line}, column {quote(column)}")
            values[column] = value
        rows.append(_Row(line, values))
    if not rows:
        raise ValidationError("no rows: the file has a header but nothing under it", name)
    return _Table(name, tuple(c for _, c in keep), tuple(rows))


def _cells(number: int) -> str:
    return f"{number} cell" if number == 1 else f"{number} cells"


def _check_text(value: str, where: str) -> None:
    bad = first_forbidden_char(value)
    if bad is not None:
        raise ValidationError(forbidden_char_message(bad), where)
    if len(value) > MAX_TEXT_LENGTH:
        raise ValidationError(f"must be at most {MAX_TEXT_LENGTH} characters long", where)


def _columns(
    name: str, line: int, header: list[str], columns: tuple[str, ...], required: tuple[str, ...],
    rows: list[tuple[int, list[str]]],
) -> list[tuple[int, str]]:
    """(cell index, column) for each known column. Headings are matched ignoring case, and
    spaces or hyphens stand for underscores ("Ballot paper account")."""
    if len(header) == 1 and ";" in header[0]:
        raise ValidationError(
            "the header has one column and semicolons: save the file as comma-separated CSV", f"{name} line {line}"
        )
    normal = [re.sub(r"[\s-]+", "_", heading.strip().lower()) for heading in header]
    if not set(normal) & set(columns):
        raise ValidationError(
            f"the first line must be a header naming the columns ({', '.join(columns)}); none was found",
            f"{name} line {line}",
        )
    keep: list[tuple[int, str]] = []
    for index, (heading, column) in enumerate(zip(header, normal, strict=True)):
        if not column:
            if any(index < len(cells) and cells[index].strip() for _, cells in rows):
                raise ValidationError(f"column {index + 1} has no heading but has values", f"{name} line {line}")
            continue
        if column not in columns:
            raise ValidationError(
                f"unknown column (the columns are {', '.join(columns)})",
                f"{name} line {line}, column {quote(heading)}",
            )
        if any(column == known for _, known in keep):
            raise ValidationError("this column is given twice", f"{name} line {line}, column {quote(heading)}")
        keep.append((index, column))
    for column in required:
        if all(known != column for _, known in keep):
            raise ValidationError(f"the header has no {quote(column)} column", f"{name} line {line}")
    return keep


def _records(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) for each non-blank record; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ValidationError(f"not readable as CSV: {error}", f"{name} line {line}") from None
        if any(cell.strip() for cell in cells):
            yield line, cells


def _source_text(source: CsvSource, default_name: str) -> tuple[str, str]:
    if isinstance(source, str) and (source == "" or "\n" in source or "\r" in source):
        return source.removeprefix("\ufeff"), default_name
    if isinstance(source, bytes):
        return _decode(source, default_name), default_name
    path = Path(source)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_CSV_BYTES + 1)
    except OSError as error:
        raise CountdeskError(f"cannot read the file: {error.strerror or error}", str(path)) from None
    if len(data) > MAX_CSV_BYTES:
        raise ValidationError(
            f"the file is larger than {MAX_CSV_BYTES // 1_000_000} MB: not a list of this kind", path.name
        )
    return _decode(data, path.name), path.name


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ValidationError(
            f"not UTF-8 text (byte 0x{data[error.start]:02X}); save it as \"CSV UTF-8\"", f"{name} line {line}"
        ) from None

"""Tables built cell by cell, fast: a plain string where the text fits its column on one line, a
wrapping Paragraph only where it must wrap. reportlab lays out strings many times faster than
Paragraphs; the font and alignment commands added here make both kinds look the same.

Every style command costs reportlab a pass over the cells it covers, so the fonts and alignments
are collected per cell and given as few commands as possible: none where a cell keeps the table's
default, one rectangle for each block of cells that share a value.

Cell text given as `str` is plain (never markup): it is escaped if it ends up in a Paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias, TypeVar

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .styles import FONT, GRID, HEADER_FILL, INK, TABLE_SIZE
from .text import safe

#: Left + right padding of every cell (grid_style below).
CELL_PADDING = 8

_ALIGN = {TA_RIGHT: "RIGHT", TA_CENTER: "CENTER"}
_DEFAULT_FONT = (FONT, TABLE_SIZE, TABLE_SIZE * 1.2)


def default_font() -> tuple:
    """Every table names its font: a table left to reportlab's default pulls in a non-embedded
    Helvetica even where all its cells are Paragraphs."""
    return ("FONT", (0, 0), (-1, -1), *_DEFAULT_FONT)


def grid_style(header_rows: int = 1) -> list[tuple]:
    """The look of every figures table: a firm outer box, light inner rules, shaded heads."""
    commands = [
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LINEBELOW", (0, 0), (-1, -1), 0.35, GRID),
        ("LINEAFTER", (0, 0), (-2, -1), 0.35, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    return commands


def fits(text: str, style: ParagraphStyle, width: float) -> bool:
    room = width - CELL_PADDING
    return all(stringWidth(line, style.fontName, style.fontSize) <= room for line in text.split("\n"))


Cell: TypeAlias = tuple[str, ParagraphStyle] | Flowable | str | None
#: A cell's font or alignment, in _rectangles.
_Value = TypeVar("_Value")


class GridTable(Table):
    """A Table that skips what cannot show: empty cells are not drawn (reportlab would write an
    empty text object for each), and a second wrap at the same width, as KeepTogether asks for
    before the frame does, reuses the first one's complete layout."""

    _laid_out_width: float | None = None

    def _calc(self, availWidth, availHeight):  # noqa: N802, N803 (reportlab's names)
        if self._laid_out_width == availWidth:
            return
        super()._calc(availWidth, availHeight)
        # Only a layout of every row can be reused (with rows spanned down, reportlab stops measuring
        # rows once the page is full).
        self._laid_out_width = availWidth if None not in self._rowHeights else None

    def _drawCell(self, cellval, cellstyle, pos, size):  # noqa: N802 (reportlab's name)
        if isinstance(cellval, str) and not cellval and not cellstyle.href and not cellstyle.destination:
            return
        super()._drawCell(cellval, cellstyle, pos, size)


class Grid:
    """Rows of cells for one Table with fixed column widths.

    A cell is (plain text, style), a ready Flowable, "" or None (empty, e.g. under a SPAN)."""

    def __init__(self, widths: Sequence[float], *, header_rows: int = 1, ruled: bool = True) -> None:
        self.widths = tuple(widths)
        self.rows: list[list] = []
        self.commands: list[tuple] = [default_font()] + (grid_style(header_rows) if ruled else [])
        #: (row, first column) -> last column, for every SPAN declared so far.
        self._spans: dict[tuple[int, int], int] = {}
        #: Per row, the font and alignment of each cell set as text (None: the table's default).
        self._fonts: list[list[tuple | None]] = []
        self._aligns: list[list[str | None]] = []

    def add(self, cells: Sequence[Cell]) -> int:
        """Appends a row and returns its index (for SPAN and shading commands)."""
        row_index = len(self.rows)
        columns = len(self.widths)
        fonts: list[tuple | None] = [None] * columns
        aligns: list[str | None] = [None] * columns
        row = []
        for column, cell in enumerate(cells):
            row.append(self._cell(cell, column, row_index, fonts, aligns))
        row += [""] * (columns - len(row))
        self.rows.append(row)
        self._fonts.append(fonts)
        self._aligns.append(aligns)
        return row_index

    def _cell(self, cell: Cell, column: int, row: int, fonts: list, aligns: list):
        if cell is None or isinstance(cell, str):
            return cell or ""
        if isinstance(cell, Flowable):
            return cell
        text, style = cell
        width = self._span_width(column, row)
        if fits(text, style, width):
            font = (style.fontName, style.fontSize, style.leading)
            fonts[column] = None if font == _DEFAULT_FONT else font
            aligns[column] = _ALIGN.get(style.alignment)
            return text
        return Paragraph(safe(text).replace("\n", "<br/>"), style)

    def _span_width(self, column: int, row: int) -> float:
        """The cell's width, widened by any SPAN already declared for this row."""
        end = self._spans.get((row, column))
        if end is None:
            return self.widths[column]
        return sum(self.widths[column : end + 1])

    @property
    def next_row(self) -> int:
        return len(self.rows)

    def span_next(self, first: int, last: int) -> int:
        """Merges columns of the row about to be added (so its text is fitted to the merged width)."""
        row = self.next_row
        self.commands.append(("SPAN", (first, row), (last, row)))
        self._spans.setdefault((row, first), last if last >= 0 else len(self.widths) + last)
        return row

    def style(self, *commands: tuple) -> None:
        self.commands.extend(commands)

    def cell_commands(self) -> list[tuple]:
        """FONT and ALIGN commands that give every text cell its style: one per rectangle of cells
        sharing a value (cells left at the default need none)."""
        commands = [("FONT", start, end, *font) for font, start, end in _rectangles(self._fonts)]
        commands += [("ALIGN", start, end, align) for align, start, end in _rectangles(self._aligns)]
        return commands

    def table(self, *, repeat_rows: int = 1) -> Table:
        table = GridTable(self.rows, colWidths=self.widths, repeatRows=repeat_rows, hAlign="LEFT")
        table.setStyle(TableStyle(self.commands + self.cell_commands()))
        return table


def _rectangles(values: list[list[_Value | None]]) -> list[tuple[_Value, tuple[int, int], tuple[int, int]]]:
    """(value, (first column, first row), (last column, last row)) covering every cell whose value
    is not None exactly once: runs along each row, merged down while the rows below repeat them."""
    done: list[tuple[_Value, tuple[int, int], tuple[int, int]]] = []
    open_runs: dict[tuple[int, int, _Value], int] = {}  # (first col, last col, value) -> first row
    for row_index, row in enumerate(values):
        runs: list[tuple[int, int, _Value]] = []
        for column, value in enumerate(row):
            if value is None:
                continue
            if runs and runs[-1][1] == column - 1 and runs[-1][2] == value:
                runs[-1] = (runs[-1][0], column, value)
            else:
                runs.append((column, column, value))
        still_open: dict[tuple[int, int, _Value], int] = {}
        for run in runs:
            still_open[run] = open_runs.pop(run, row_index)
        for (first, last, value), top in open_runs.items():
            done.append((value, (first, top), (last, row_index - 1)))
        open_runs = still_open
    for (first, last, value), top in open_runs.items():
        done.append((value, (first, top), (last, len(values) - 1)))
    done.sort(key=lambda item: (item[1][1], item[1][0]))
    return done

"""Tables built cell by cell, fast: a plain string where the text fits its column on one line, a
wrapping Paragraph only where it must wrap. reportlab lays out strings many times faster than
Paragraphs; the font and alignment commands added here make both kinds look the same.

Cell text given as `str` is plain (never markup): it is escaped if it ends up in a Paragraph.
"""

from __future__ import annotations

from typing import Sequence

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .styles import FONT, GRID, HEADER_FILL, INK, TABLE_SIZE
from .text import safe

#: Left + right padding of every cell (grid_style below).
CELL_PADDING = 8

_ALIGN = {TA_RIGHT: "RIGHT", TA_CENTER: "CENTER"}


def default_font() -> tuple:
    """Every table names its font: a table left to reportlab's default pulls in a non-embedded
    Helvetica even where all its cells are Paragraphs."""
    return ("FONT", (0, 0), (-1, -1), FONT, TABLE_SIZE, TABLE_SIZE * 1.2)


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


Cell = tuple[str, ParagraphStyle] | Flowable | str | None


class Grid:
    """Rows of cells for one Table with fixed column widths.

    A cell is (plain text, style), a ready Flowable, "" or None (empty, e.g. under a SPAN)."""

    def __init__(self, widths: Sequence[float], *, header_rows: int = 1, ruled: bool = True) -> None:
        self.widths = tuple(widths)
        self.rows: list[list] = []
        self.commands: list[tuple] = [default_font()] + (grid_style(header_rows) if ruled else [])

    def add(self, cells: Sequence[Cell]) -> int:
        """Appends a row and returns its index (for SPAN and shading commands)."""
        row_index = len(self.rows)
        row = []
        for column, cell in enumerate(cells):
            row.append(self._cell(cell, column, row_index))
        row += [""] * (len(self.widths) - len(row))
        self.rows.append(row)
        return row_index

    def _cell(self, cell: Cell, column: int, row: int):
        if cell is None or isinstance(cell, str):
            return cell or ""
        if isinstance(cell, Flowable):
            return cell
        text, style = cell
        width = self._span_width(column, row)
        if fits(text, style, width):
            self.commands.append(("FONT", (column, row), (column, row), style.fontName, style.fontSize, style.leading))
            if style.alignment in _ALIGN:
                self.commands.append(("ALIGN", (column, row), (column, row), _ALIGN[style.alignment]))
            return text
        return Paragraph(safe(text).replace("\n", "<br/>"), style)

    def _span_width(self, column: int, row: int) -> float:
        """The cell's width, widened by any SPAN already declared for this row."""
        for command in self.commands:
            if command[0] == "SPAN" and command[1][1] == row == command[2][1] and command[1][0] == column:
                end = command[2][0] if command[2][0] >= 0 else len(self.widths) + command[2][0]
                return sum(self.widths[column : end + 1])
        return self.widths[column]

    @property
    def next_row(self) -> int:
        return len(self.rows)

    def span_next(self, first: int, last: int) -> int:
        """Merges columns of the row about to be added (so its text is fitted to the merged width)."""
        row = self.next_row
        self.commands.append(("SPAN", (first, row), (last, row)))
        return row

    def style(self, *commands: tuple) -> None:
        self.commands.extend(commands)

    def table(self, *, repeat_rows: int = 1) -> Table:
        table = Table(self.rows, colWidths=self.widths, repeatRows=repeat_rows, hAlign="LEFT")
        table.setStyle(TableStyle(self.commands))
        return table

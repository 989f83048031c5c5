"""Centred lines of plain text, drawn as a one-line Paragraph would draw them but without parsing
markup or breaking lines: the headings of every document are short lines that fit the page, and a
Paragraph spends most of its time on work they do not need.

A line that would not fit, or that a Paragraph would print differently (leading, trailing or
repeated white space, tabs, no-break or zero-width spaces, soft hyphens), is left to a real
Paragraph, escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from .text import safe

#: Room kept spare at the edge, so that a line a Paragraph might just break is left to it.
_EDGE = 0.01
#: Characters a Paragraph treats specially besides white space: a zero-width space is a break
#: point, a soft hyphen a hyphenation point that is not printed.
_SPECIAL = frozenset("\u200b\u00ad")


def _plain(line: str) -> bool:
    """True where a Paragraph would print the line exactly as given (its words joined by one space)."""
    return bool(line) and " ".join(line.split()) == line and _SPECIAL.isdisjoint(line)


class CentredLines(Flowable):
    """Each line centred on its own line, in one style. Build it with centred_lines()."""

    def __init__(self, lines: Sequence[str], style: ParagraphStyle) -> None:
        super().__init__()
        self.lines = tuple(lines)
        self.style = style
        self._widths = tuple(stringWidth(line, style.fontName, style.fontSize) for line in self.lines)
        self._fallback: Paragraph | None = None

    def _fits(self, width: float) -> bool:
        return all(w <= width - _EDGE for w in self._widths)

    def _paragraph(self) -> Paragraph:
        if self._fallback is None:
            self._fallback = Paragraph("<br/>".join(safe(line) for line in self.lines), self.style)
        return self._fallback

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        if not self._fits(availWidth):
            self.width, self.height = self._paragraph().wrap(availWidth, availHeight)
            return self.width, self.height
        self._fallback = None
        self.width = availWidth
        self.height = self.style.leading * len(self.lines)
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        return self._paragraph().split(availWidth, availHeight) if self._fallback is not None else []

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.spaceAfter

    def draw(self) -> None:
        if self._fallback is not None:
            self._fallback.drawOn(self.canv, 0, 0)
            return
        style, canvas = self.style, self.canv
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize, style.leading)
        # Where a Paragraph puts its first baseline: one font size below its top.
        y = self.height - style.fontSize
        for line, width in zip(self.lines, self._widths, strict=False):
            canvas.drawString((self.width - width) / 2, y, line)
            y -= style.leading


def centred_lines(lines: Sequence[str], style: ParagraphStyle) -> Flowable:
    """Plain text lines (not markup), centred: the fast flowable where every line is plain, else a
    Paragraph of the escaped lines."""
    if lines and all(_plain(line) for line in lines):
        return CentredLines(lines, style)
    return Paragraph("<br/>".join(safe(line) for line in lines), style)

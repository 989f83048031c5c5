"""A word-wrapped label that remembers its height at each width.

While a window settles, its layouts ask a wrapped label for its height at the same few widths over
and over (the Result tab's status sentence: fifty asks at seven widths before a count's first
paint), and a label whose text can be selected lays its text document out afresh for every ask.
The heights are kept per width, text and text format, and forgotten whenever the font, the style
or the margins change, so each is exactly what QLabel answers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

#: The changes that can reshape the text (a style sheet's font-weight or padding arrives so).
_RESHAPING = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange,
                        QEvent.Type.LayoutDirectionChange})


class WrappedLabel(QLabel):
    """A QLabel with word wrap on whose heights for widths are measured once each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[int, str, object], int] = {}
        self.setWordWrap(True)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        key = (width, self.text(), self.textFormat())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 64:  # a window dragged wider and narrower: keep the latest
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in _RESHAPING:
            self._heights.clear()
        super().changeEvent(event)

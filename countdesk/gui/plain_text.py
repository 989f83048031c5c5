"""Markup is never interpreted in what shows a count's data.

A QLabel, a tooltip or a message box reads text that looks like HTML as HTML (Qt.AutoText): a
candidate named `<img src="…">` would load a local file (or, on Windows, reach a network share),
`&#x202E;` would become a real right-to-left override, and markup in a round-2 instruction could
make its dialog show other finalists than the file names. So the application guards every label
and tooltip at once, rather than trusting each view to remember:

- every QLabel is switched to plain text when it is first polished, unless the code that made it
  marks it `rich_label(label)` and escapes every piece of data it puts in (`escaped`);
- a tooltip that would be read as markup is shown escaped, as the text it is;
- a one-line label never forces the window wider than the screen: a 300-character name is elided
  ("…") where it does not fit, with the full text in its tooltip.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent, QPainter
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QToolTip, QWidget

#: The narrowest a data label may be squeezed to before the window stops shrinking.
_MIN_DATA_LABEL_WIDTH = 40
#: A chooser is as wide as this many characters (more if its layout gives it room).
_COMBO_CHARACTERS = 24
_WATCHED = frozenset({QEvent.Type.Polish, QEvent.Type.Paint, QEvent.Type.ToolTip})
_ELIDED_TIP = "countdeskElidedTip"

_RICH = "countdeskRichText"


def rich_label(label: QLabel) -> QLabel:
    """A label whose markup is countdesk's own: every piece of data in it must go through `escaped`."""
    label.setProperty(_RICH, True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def escaped(text: object) -> str:
    """Data for a rich label: shown as written, never read as markup."""
    return html.escape(str(text), quote=False)


class _PlainTextGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in _WATCHED or not isinstance(watched, QWidget) or isinstance(watched.window(), QFileDialog):
            return False  # most events, and Qt's own file dialogs (they show no count data), pass at once
        if kind == QEvent.Type.Polish and isinstance(watched, QLabel) and not watched.property(_RICH):
            watched.setTextFormat(Qt.TextFormat.PlainText)
            if not watched.wordWrap() and watched.minimumWidth() == 0 and not _is_caption(watched):
                watched.setMinimumWidth(_MIN_DATA_LABEL_WIDTH)  # a long text no longer widens the window
        elif kind == QEvent.Type.Polish and isinstance(watched, QComboBox):
            # A long contest title in a chooser would size it (and the window) to the title.
            watched.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            watched.setMinimumContentsLength(max(watched.minimumContentsLength(), _COMBO_CHARACTERS))
        elif kind == QEvent.Type.Paint and isinstance(watched, QLabel) and _needs_eliding(watched):
            _paint_elided(watched)
            return True
        elif kind == QEvent.Type.ToolTip and isinstance(watched, QWidget):
            tip = watched.toolTip()
            if tip and GuiQt.mightBeRichText(tip) and isinstance(event, QHelpEvent):
                QToolTip.showText(event.globalPos(), f"<p style='white-space:pre-wrap'>{escaped(tip)}</p>", watched)
                return True
        return False


def _is_caption(label: QLabel) -> bool:
    """A field's caption with its Alt key ("C&ontest:"): short, and never cut."""
    return label.buddy() is not None and "&" in label.text()


def _needs_eliding(label: QLabel) -> bool:
    if _is_caption(label) or label.textFormat() != Qt.TextFormat.PlainText or label.wordWrap() \
            or label.pixmap() is not None \
            and not label.pixmap().isNull():
        return False
    text = label.text()
    return bool(text) and "\n" not in text and \
        label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width()


def _paint_elided(label: QLabel) -> None:
    """The label's text cut to its width with "…", and the whole text in its tooltip."""
    text = label.text()
    rect = label.contentsRect().adjusted(label.margin(), 0, -label.margin(), 0)
    shown = label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    if not label.toolTip() or label.property(_ELIDED_TIP):
        label.setToolTip(text)
        label.setProperty(_ELIDED_TIP, True)
    painter = QPainter(label)
    label.style().drawItemText(painter, rect, int(label.alignment()), label.palette(), label.isEnabled(), shown,
                               label.foregroundRole())
    painter.end()


_guard: _PlainTextGuard | None = None


def guard_plain_text(app: QApplication | None = None) -> None:
    """Install the guard on the application (once; later calls do nothing)."""
    global _guard
    app = app or QApplication.instance()
    if app is None or _guard is not None:
        return
    _guard = _PlainTextGuard(app)
    app.installEventFilter(_guard)

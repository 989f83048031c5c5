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

Plain text is set twice over. Style-sheet rules (`PLAIN_TEXT_RULES`, part of the app's style sheet)
make Qt itself switch every label to plain text when it polishes it, in C++, before it is first
painted: Qt's own labels (message boxes) included, with no Python in the way. The event filter does
the rest (eliding, widths, tooltips) and repeats the plain-text switch. The filter sees every event
of every object in Python, and the first time a Qt-private object (Qt's gesture manager, a scroll
area's bar container) reaches Python, PySide builds the Python type of every Qt class it might be,
with all their enums: some 150 classes, a tenth of the start-up. So the main window is guarded
before its first paint through its own labels only (`guard_until_first_paint`), and the filter goes
on the whole application straight after that paint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QPainter
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLayout, QToolTip, QWidget

#: The narrowest a data label may be squeezed to before the window stops shrinking.
_MIN_DATA_LABEL_WIDTH = 40
#: A chooser is as wide as this many characters (more if its layout gives it room).
_COMBO_CHARACTERS = 24
_WATCHED = frozenset({QEvent.Type.Polish, QEvent.Type.Paint, QEvent.Type.ToolTip})
_ELIDED_TIP = "countdeskElidedTip"

_RICH = "countdeskRichText"

#: Style-sheet rules Qt applies when it polishes a label: plain text unless made by `rich_label`.
PLAIN_TEXT_RULES = ("/* Every label shows its text as written (gui/plain_text.py). */\n"
                    "QLabel { qproperty-textFormat: PlainText; }\n"
                    f'QLabel[{_RICH}="true"] {{ qproperty-textFormat: RichText; }}\n')


def rich_label(label: QLabel) -> QLabel:
    """A label whose markup is countdesk's own: every piece of data in it must go through `escaped`."""
    label.setProperty(_RICH, True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def escaped(text: object) -> str:
    """Data for a rich label: shown as written, never read as markup."""
    import html  # with its table of entities, loaded by the first rich label, not at start

    return html.escape(str(text), quote=False)


class _PlainTextGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in _WATCHED or not isinstance(watched, QWidget) or _in_file_dialog(watched):
            return False  # most events, and Qt's own file dialogs (they show no count data), pass at once
        if kind == QEvent.Type.Polish:
            _polish(watched)
        elif kind == QEvent.Type.Paint and isinstance(watched, QLabel) and _needs_eliding(watched):
            _paint_elided(watched)
            return True
        elif kind == QEvent.Type.ToolTip and isinstance(watched, QWidget):
            tip = watched.toolTip()
            if tip and GuiQt.mightBeRichText(tip) and isinstance(event, QHelpEvent):
                QToolTip.showText(event.globalPos(), f"<p style='white-space:pre-wrap'>{escaped(tip)}</p>", watched)
                return True
        return False


def _in_file_dialog(widget: QWidget) -> bool:
    """In one of Qt's own file dialogs (asked by class name: naming QFileDialog in Python would make
    its type, with its enums, at start)."""
    return widget.window().inherits("QFileDialog")


def _polish(widget: QWidget) -> None:
    """What the guard does to a label or a chooser when Qt polishes it (again is harmless)."""
    if isinstance(widget, QLabel) and not widget.property(_RICH):
        widget.setTextFormat(Qt.TextFormat.PlainText)
        if not widget.wordWrap() and widget.minimumWidth() == 0 and not _is_caption(widget):
            widget.setMinimumWidth(_MIN_DATA_LABEL_WIDTH)  # a long text no longer widens the window
    elif isinstance(widget, QComboBox):
        # A long contest title in a chooser would size it (and the window) to the title.
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        widget.setMinimumContentsLength(max(widget.minimumContentsLength(), _COMBO_CHARACTERS))


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


def with_plain_text_rules(style_sheet: str) -> str:
    """The app's style sheet with the plain-text rules first (apply_appearance sets this)."""
    return style_sheet if PLAIN_TEXT_RULES in style_sheet else PLAIN_TEXT_RULES + style_sheet


def _ensure_plain_text_rules(app: QApplication) -> None:
    sheet = app.styleSheet()
    if PLAIN_TEXT_RULES not in sheet:
        app.setStyleSheet(with_plain_text_rules(sheet))


_guard: _PlainTextGuard | None = None
#: The filter given to labels one by one while the application-wide one waits for a first paint,
#: and those labels (see guard_until_first_paint).
_label_guard: _PlainTextGuard | None = None
_guarded_one_by_one: dict[int, QLabel] = {}


def guard_plain_text(app: QApplication | None = None) -> None:
    """Install the whole guard on the application now (once; later calls do nothing)."""
    global _guard
    app = app or QApplication.instance()
    if app is None or _guard is not None:
        return
    _ensure_plain_text_rules(app)
    _guard = _PlainTextGuard(app)
    app.installEventFilter(_guard)
    for label in _guarded_one_by_one.values():
        try:
            label.removeEventFilter(_label_guard)  # the application-wide filter sees its events now
        except RuntimeError:
            pass  # deleted meanwhile
    _guarded_one_by_one.clear()
    for window in app.topLevelWidgets():  # anything polished before the filter was on: done now
        if not window.inherits("QFileDialog"):
            for widget in (window, *window.findChildren(QWidget)):
                _polish(widget)


def guard_until_first_paint(window: QWidget) -> None:
    """Guard `window` before its first paint without the application-wide filter, then install it.

    The plain-text rules are on the application at once. When the window is polished (before any
    child is, and before its layout first sizes it) each label and chooser under it gets the filter
    itself, so a long name is already elided in the first frame; right after that frame is painted
    the filter goes on the whole application (`guard_plain_text`), for everything made later."""
    app = QApplication.instance()
    if app is None or _guard is not None:
        return
    _ensure_plain_text_rules(app)
    window.installEventFilter(_UntilFirstPaint(window))  # a child of the window: goes with it


class _UntilFirstPaint(QObject):
    """Watches one window: its polish and its first paint (see guard_until_first_paint)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if _guard is not None:
            watched.removeEventFilter(self)
        elif kind in (QEvent.Type.Polish, QEvent.Type.Show) and isinstance(watched, QWidget):
            # Polish: before any child is polished or the layout sizes the window. Show: after the
            # children are shown (a view may build its rows then), before the window is on screen.
            _guard_labels_under(watched)
        elif kind == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, guard_plain_text)  # once this frame is on the screen
        return False


def _guard_labels_under(window: QWidget) -> None:
    """The filter on each label under `window` that lacks it, and the guard's polish done on each
    label and chooser (Qt may have polished some already: those made while the window was shown)."""
    global _label_guard
    _label_guard = _label_guard or _PlainTextGuard(QApplication.instance())
    changed: list[QWidget] = []
    for label in window.findChildren(QLabel):
        if id(label) not in _guarded_one_by_one:
            label.installEventFilter(_label_guard)
            _guarded_one_by_one[id(label)] = label
            width = label.minimumWidth()
            _polish(label)
            if label.minimumWidth() != width:
                changed.append(label)
    for chooser in window.findChildren(QComboBox):
        before = (chooser.sizeAdjustPolicy(), chooser.minimumContentsLength())
        _polish(chooser)
        if (chooser.sizeAdjustPolicy(), chooser.minimumContentsLength()) != before:
            changed.append(chooser)
    _forget_sizes_above(changed, window)


def _forget_sizes_above(widgets: list[QWidget], window: QWidget) -> None:
    """Layouts keep their children's sizes: those measured before a label could be squeezed would
    size the window to the whole name when it is shown. Forgotten up to the window, each once: the
    widget's own (updateGeometry) and its parent's layouts, nested ones included (Qt would only
    refresh those when it next lays the window out, after sizing it)."""
    done: set[int] = set()
    for widget in widgets:
        while widget is not None and id(widget) not in done:
            done.add(id(widget))
            widget.updateGeometry()
            if widget is window:
                break
            widget = widget.parentWidget()
            layout = widget.layout() if widget is not window else None
            if layout is not None:
                for nested in (layout, *layout.findChildren(QLayout)):
                    nested.invalidate()

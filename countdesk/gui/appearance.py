"""How the app looks: the bundled font, the style sheet, and figures in a tabular face.

Text follows the system font size (the user's accessibility setting); the only scaling is the
optional relative scale in settings. Figures are right-aligned in tabular (fixed-width) digits so
columns of votes line up when read across a room.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from ..resources import find_resource
from .plain_text import with_plain_text_rules
from .translation import month_name, weekday_name

_FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
               "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf")
FIGURE_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

_family: str | None = None


def resource_file(*parts: str) -> Path | None:
    """A shipped resource, from a frozen bundle first, then the source tree; None if missing."""
    return find_resource(*parts)


def load_fonts() -> str | None:
    """Register the bundled Liberation Sans (metric-compatible with Arial, tabular digits)."""
    global _family
    if _family is not None:
        return _family
    for name in _FONT_FILES:
        path = resource_file("fonts", name)
        if path is None:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and _family is None:
            _family = families[0]
    return _family


def apply_appearance(app: QApplication, scale_percent: int = 100) -> None:
    """The app font (system size × scale) and the style sheet."""
    family = load_fonts()
    font = QFont(app.font())
    if family:
        font.setFamily(family)
    if scale_percent != 100 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale_percent / 100)
    app.setFont(font)
    _table_fonts.clear()  # made again from the new app font
    sheet = resource_file("styles", "countdesk.qss")
    look = sheet.read_text(encoding="utf-8") if sheet is not None else ""
    app.setStyleSheet(with_plain_text_rules(look))  # the rules that keep markup out of labels, always


#: The figure fonts table cells answer with, made once per app font (see table_figure_font).
_table_fonts: dict[bool, QFont] = {}


def table_figure_font(bold: bool = False) -> QFont:
    """The figure font a table cell answers with, made once: a model's data() is asked for it on
    every cell painted, and building a QFont each time was a good part of a table's repaint."""
    font = _table_fonts.get(bold)
    if font is None:
        font = _table_fonts[bold] = figure_font(bold=bold)
    return font


def figure_font(base: QFont | None = None, *, bold: bool = False, scale: float = 1.0) -> QFont:
    """The app font with tabular digits forced on, optionally scaled relative to the app font."""
    font = QFont(base if base is not None else QApplication.font())
    try:
        font.setFeature(QFont.Tag("tnum"), 1)
    except (AttributeError, TypeError):  # Qt before 6.7: Liberation digits are tabular anyway
        pass
    if bold:
        font.setBold(True)
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def format_figure(value: int | None, *, blank: str = "") -> str:
    """Votes with thousands separators; None as `blank`."""
    if value is None:
        return blank
    return f"{value:,}"


def format_moment(at: str) -> str:
    """An ISO 8601 time with its offset as this computer's local time, as people say it
    ("Friday 7 May 2021 at 03:10"); anything else is shown as it is."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(at.strip())
    except (ValueError, AttributeError):
        return at
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return QCoreApplication.translate("Appearance", "{0} {1} {2} at {3}").format(
        weekday_name(local), local.day, f"{month_name(local)} {local.year}", local.strftime("%H:%M"))


def format_difference(value: int | None) -> str:
    """A signed difference: +2, −3 (a real minus sign), 0."""
    if value is None:
        return ""
    if value > 0:
        return f"+{value:,}"
    if value < 0:
        return f"\u2212{-value:,}"
    return "0"


def set_style_flag(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property used by the style sheet and make the style notice it."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return  # the first polish, when the widget is shown, reads the property
    font = widget.font() if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) else None
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    if font is not None:
        widget.setFont(font)  # a re-polish would otherwise drop a font set on the widget
    widget.update()

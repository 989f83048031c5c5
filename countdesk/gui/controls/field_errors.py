"""Refusals shown at the field: a red border on the field and the reason right beside it."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ...domain.text_rules import bad_id_message, first_forbidden_char, forbidden_char_message, is_blank, is_valid_id
from ...font_coverage import first_unprintable, unprintable_message
from ..appearance import set_style_flag

translate = QCoreApplication.translate


class FieldError(QLabel):
    """The reason a field was refused; empty (and invisible) while the field is fine."""

    def __init__(self, field: QWidget, what: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.field = field
        self.setProperty("role", "fieldError")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("{0} problem").format(what))
        self.setVisible(False)

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))
        set_style_flag(self.field, "invalid", bool(message))

    def clear_error(self) -> None:
        self.show_error("")

    @property
    def has_error(self) -> bool:
        return bool(self.text())


def slug(text: str) -> str:
    """An id fragment from a title: ASCII lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def id_problem(text: str, what: str | None = None) -> str:
    """Why `text` cannot be an id, or "" when it can. (The rule's own words come from the services.)"""
    if is_valid_id(text):
        return ""
    what = what if what is not None else translate("FieldError", "The id")
    return translate("FieldError", "{0} {1}").format(what, bad_id_message(text))


def name_problem(text: str, what: str) -> str:
    """Why `text` cannot be a name, label or title, or "" when it can."""
    if is_blank(text):
        return translate("FieldError", "{0} cannot be empty").format(what)
    ch = first_forbidden_char(text)
    if ch is not None:
        return translate("FieldError", "{0} {1}").format(what, forbidden_char_message(ch))
    ch = first_unprintable(text)  # the services refuse it too: said while typing
    if ch is not None:
        return translate("FieldError", "{0} {1}").format(what, unprintable_message(ch))
    return ""


def show_problems(errors: dict[str, FieldError], problems: dict[str, str]) -> bool:
    """The first field's problem shown under it, with the focus, and the problems of fields the
    user has typed in; an empty field further down is not marked red before it is reached (its
    problem shows when its turn comes). A problem gone clears its message. True when there is none."""
    first_bad = next((key for key, message in problems.items() if message), None)
    for key, message in problems.items():
        reached = key == first_bad or bool(_text_of(errors[key].field))
        errors[key].show_error(message if reached else "")
    if first_bad is not None:
        errors[first_bad].field.setFocus()
    return first_bad is None


def _text_of(field: QWidget) -> str:
    text = getattr(field, "text", None)
    return text().strip() if callable(text) else ""

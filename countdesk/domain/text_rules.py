"""Rules for the text that comes in from outside (ids, names, labels) and for quoting it back.

Shared by the count-file and CSV importers, the services' checks and the app's entry fields, so that
an id or a name is judged the same way whichever door it came in by. Messages quote the user's text,
so quoting must itself be safe: a control character or a lone surrogate echoed raw could garble a
terminal or fail to encode.
"""

from __future__ import annotations

import re
import unicodedata

#: Ids: ASCII letters, digits, ".", "-" and "_", with at least one letter or digit (count-file.md).
#: ASCII keeps them safe in file names, command lines and every export format; an id of punctuation
#: only ("_", "..") would make an empty file name once made safe, so it is no id.
ID_PATTERN = "^[A-Za-z0-9._-]*[A-Za-z0-9][A-Za-z0-9._-]*$"
ID_RE = re.compile(ID_PATTERN.strip("^$"))
ID_CHAR_RE = re.compile(r"[A-Za-z0-9._-]")
ID_RULE = 'letters, digits, ".", "-" and "_"'

#: Characters no name, label or note may hold: C0/C1 controls and DEL (category Cc), line and
#: paragraph separators, lone surrogates (they cannot be written as UTF-8), the bidirectional
#: marks and embedding/override/isolate controls, which can make a printed name read differently
#: from the stored one, and the invisible zero-width characters that make two names look alike.
#: ZWNJ and ZWJ (U+200C, U+200D) are allowed: Persian and Indic names need them; a name of
#: nothing else is blank (is_blank).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = frozenset("\u180e\u200b\u2060\ufeff")
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
#: The same set as one character class, as the count file's schema states it (a test compares).
FORBIDDEN_CLASS = ("\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B\\u200E\\u200F\\u2028-\\u202E"
                   "\\u2060\\u2066-\\u2069\\uFEFF")

#: Lengths the count file's schema also states: an id fits a file name, a name fits a ballot paper.
MAX_ID_LENGTH = 200
MAX_TEXT_LENGTH = 500
#: JSON readers in other languages keep integers exact only up to here.
LARGEST_FIGURE = 2**53 - 1

_QUOTE_LIMIT = 60


def is_forbidden_char(ch: str) -> bool:
    return ch in _BIDI_CONTROLS or ch in _ZERO_WIDTH or unicodedata.category(ch) in _FORBIDDEN_CATEGORIES


_FORBIDDEN_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]"
)


def is_blank(text: str) -> bool:
    """Nothing a reader would see: only spaces and invisible format characters (U+200B, ZWJ …)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def first_forbidden_char(text: str) -> str | None:
    """The first character that may not appear in imported text, or None if the text is clean."""
    found = _FORBIDDEN_RE.search(text)
    return found.group() if found else None


def forbidden_char_message(ch: str) -> str:
    kind = ("a text-direction control character" if ch in _BIDI_CONTROLS
            else "an invisible zero-width character" if ch in _ZERO_WIDTH else "a control character")
    return f"contains {kind} (U+{ord(ch):04X})"


def is_valid_id(text: str) -> bool:
    return ID_RE.fullmatch(text) is not None and len(text) <= MAX_ID_LENGTH


def bad_id_message(text: str) -> str:
    """Why `text` is not an id, naming the first character at fault."""
    if text == "":
        return "must not be empty"
    for ch in text:
        if not ID_CHAR_RE.fullmatch(ch):
            return f"may only contain {ID_RULE} (found {quote(ch)})"
    if len(text) > MAX_ID_LENGTH:
        return f"is longer than {MAX_ID_LENGTH} characters"
    return f"needs at least one letter or digit, not only punctuation ({quote(text)})"


def one_line(text: str) -> str:
    """`text` safe to print on one terminal line: line breaks, controls, direction and invisible
    characters written as \\uXXXX escapes, everything else as is."""
    return "".join(_escaped(ch) if is_forbidden_char(ch) or unicodedata.category(ch) in ("Cf", "Co", "Cn")
                   else ch for ch in text)


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def quote(value: object) -> str:
    """`value` in double quotes for a message: escapes anything unprintable, shortens long text."""
    text = value if isinstance(value, str) else repr(value)
    shortened = len(text) > _QUOTE_LIMIT
    if shortened:
        text = text[:_QUOTE_LIMIT]
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif is_forbidden_char(ch) or unicodedata.category(ch) in ("Cf", "Co", "Cn"):
            out.append(_escaped(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + ("…" if shortened else "") + '"'

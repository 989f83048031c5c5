"""Rules for the text that comes in from outside (ids, names, labels) and for quoting it back.

Shared by the count-file and CSV importers so that an id or a name is judged the same way
whichever door it came in by. Messages quote the user's text, so quoting must itself be safe:
a control character or a lone surrogate echoed raw could garble a terminal or fail to encode.
"""

from __future__ import annotations

import re
import unicodedata

#: Ids: ASCII letters, digits, ".", "-" and "_" (count-file.md). ASCII keeps them safe in file
#: names, command lines and every export format.
ID_RE = re.compile(r"[A-Za-z0-9._-]+")
ID_RULE = 'letters, digits, ".", "-" and "_"'

#: Characters no name, label or note may hold: C0/C1 controls and DEL (category Cc), line and
#: paragraph separators, lone surrogates (they cannot be written as UTF-8), and the bidirectional
#: embedding/override/isolate controls, which can make a printed name read differently from
#: the stored one.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})

#: Lengths the count file's schema also states: an id fits a file name, a name fits a ballot paper.
MAX_ID_LENGTH = 200
MAX_TEXT_LENGTH = 500
#: JSON readers in other languages keep integers exact only up to here.
LARGEST_FIGURE = 2**53 - 1

_QUOTE_LIMIT = 60


def is_forbidden_char(ch: str) -> bool:
    return ch in _BIDI_CONTROLS or unicodedata.category(ch) in _FORBIDDEN_CATEGORIES


_FORBIDDEN_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def first_forbidden_char(text: str) -> str | None:
    """The first character that may not appear in imported text, or None if the text is clean."""
    found = _FORBIDDEN_RE.search(text)
    return found.group() if found else None


def forbidden_char_message(ch: str) -> str:
    kind = "a control character" if ch not in _BIDI_CONTROLS else "a text-direction control character"
    return f"contains {kind} (U+{ord(ch):04X})"


def is_valid_id(text: str) -> bool:
    return ID_RE.fullmatch(text) is not None


def bad_id_message(text: str) -> str:
    """Why `text` is not an id, naming the first character at fault."""
    if text == "":
        return "must not be empty"
    for ch in text:
        if not ID_RE.fullmatch(ch):
            return f"may only contain {ID_RULE} (found {quote(ch)})"
    return f"may only contain {ID_RULE}"


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
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + ("…" if shortened else "") + '"'

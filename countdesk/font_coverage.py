"""Which characters the documents' embedded font can print, read from the font files' own tables.

The PDFs embed Liberation Sans (resources/fonts): Latin (Welsh included), Greek, Cyrillic and
Hebrew, but no Arabic, Indic, CJK or emoji. A name the font cannot draw would print as empty boxes on
a declaration someone signs, so text that goes on paper is refused at the door instead, with the
character named (services/validation.py). Read with the standard library (the TrueType `cmap`
table, formats 4 and 12) so the check costs no reportlab import at start-up; cached after the
first use. Every face (regular, bold, italic) must have the character.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

from .resources import resource_path

FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
              "LiberationSans-BoldItalic.ttf")
#: Drawn by the layout, not the font: spaces and the joiners text_rules allows.
_NOT_DRAWN = frozenset(" \u00a0\u200c\u200d")


def cmap_codepoints(data: bytes) -> frozenset[int]:
    """The code points a TrueType font maps to glyphs (its Unicode cmap subtable)."""
    tables = struct.unpack_from(">H", data, 4)[0]
    offset = None
    for i in range(tables):
        tag, _, table_offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            offset = table_offset
    if offset is None:
        return frozenset()
    count = struct.unpack_from(">H", data, offset + 2)[0]
    subtables = {}
    for i in range(count):
        platform, encoding, sub_offset = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        subtables[(platform, encoding)] = offset + sub_offset
    for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
        if key in subtables:
            return _read_subtable(data, subtables[key])
    return frozenset()


def _read_subtable(data: bytes, at: int) -> frozenset[int]:
    fmt = struct.unpack_from(">H", data, at)[0]
    points: set[int] = set()
    if fmt == 12:
        groups = struct.unpack_from(">I", data, at + 12)[0]
        for g in range(groups):
            start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
            points.update(c for c in range(start, end + 1) if glyph + c - start)
    elif fmt == 4:
        segments = struct.unpack_from(">H", data, at + 6)[0] // 2
        ends = struct.unpack_from(f">{segments}H", data, at + 14)
        starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
        deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
        ranges_at = at + 16 + 6 * segments
        range_offsets = struct.unpack_from(f">{segments}H", data, ranges_at)
        for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
            for c in range(start, end + 1):
                if c == 0xFFFF:
                    continue
                if range_offsets[i] == 0:
                    glyph = (c + deltas[i]) & 0xFFFF
                else:
                    where = ranges_at + 2 * i + range_offsets[i] + 2 * (c - start)
                    glyph = struct.unpack_from(">H", data, where)[0]
                    glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
                if glyph:
                    points.add(c)
    return frozenset(points)


@lru_cache(maxsize=1)
def printable_codepoints() -> frozenset[int]:
    """What every face of the documents' font can draw."""
    faces = [cmap_codepoints(Path(resource_path("fonts", name)).read_bytes()) for name in FONT_FILES]
    return frozenset.intersection(*faces)


def first_unprintable(text: str) -> str | None:
    """The first character of `text` the documents cannot print, or None."""
    covered = printable_codepoints()
    for ch in text:
        if ord(ch) not in covered and ch not in _NOT_DRAWN:
            return ch
    return None


def unprintable_message(ch: str) -> str:
    name = unicodedata.name(ch, "a character without a name")
    return (f"contains U+{ord(ch):04X} ({name}), which the documents' font cannot print: it would show as an "
            "empty box on the declaration; write it in letters the font has (Latin, Greek, Cyrillic, Hebrew)")

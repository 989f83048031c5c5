"""JSON from outside, read within bounds: nesting and number length are limited before Python's
parser or any recursive check sees the text, so a hostile file is a located refusal, never a
RecursionError or a ValueError escaping the reader.

No countdesk file nests more than a handful of levels or holds a figure longer than 16 digits
(the largest figure JSON keeps exact is 2**53 - 1); the limits leave ample room above that.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..errors import ValidationError

MAX_DEPTH = 64
MAX_NUMBER_CHARACTERS = 40
_BOM = "\ufeff"
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
_LONG_NUMBER = re.compile(rf"-?\d[\d.eE+-]{{{MAX_NUMBER_CHARACTERS},}}")


def loads_bounded(text: str, source: str, *, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None,
                  max_depth: int = MAX_DEPTH) -> Any:
    """`json.loads` for a file named `source`: a leading byte-order mark (Notepad, Excel) is
    accepted; too deep a nesting, too long a number, invalid JSON are ValidationError at `source`
    (with line and column where JSON gives them)."""
    if text.startswith(_BOM):
        text = text[1:]
    bare = _STRING.sub('""', text)  # brackets and digits inside strings are text, not structure
    depth = 0
    for bracket in _BRACKET.finditer(bare):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > max_depth:
            raise ValidationError(f"not valid JSON: nested more than {max_depth} levels deep", source)
    long_number = _LONG_NUMBER.search(bare)
    if long_number:
        raise ValidationError(f"not valid JSON: a number {len(long_number.group()):,} characters long "
                              f"(at most {MAX_NUMBER_CHARACTERS})", source)
    try:
        return json.loads(text, object_pairs_hook=object_pairs_hook)
    except json.JSONDecodeError as error:
        message = error.msg[:1].lower() + error.msg[1:]
        raise ValidationError(f"not valid JSON: {message}", f"{source} line {error.lineno}, column {error.colno}"
                              ) from None
    except (RecursionError, ValueError) as error:
        raise ValidationError(f"not valid JSON: {error}", source) from None


"""Files that cross countdesk's border: the count file (`countdesk/2`; `/1` read), CSV set-up imports and the
`tally --json` result. Every reader here is total: a Count (or rows) or a located ValidationError.

The count-file names below are loaded on first use (PEP 562), so a module that needs only a small
part of this package (the text rules, the file-system helpers) does not load the count-file reader
and its schema at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "FORMAT": "countfile",
    "MAX_COUNT_FILE_BYTES": "countfile",
    "count_to_document": "countfile",
    "dump_count_json": "countfile",
    "load_count_file": "countfile",
    "parse_count_bytes": "countfile",
    "parse_count_document": "countfile",
    "write_count_file": "countfile",
    "load_schema": "countfile_schema",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value

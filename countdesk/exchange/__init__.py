"""Files that cross countdesk's border: the count file (`countdesk/1`), CSV set-up imports and the
`tally --json` result. Every reader here is total: a Count (or rows) or a located ValidationError."""

from .countfile import (
    FORMAT,
    MAX_COUNT_FILE_BYTES,
    count_to_document,
    dump_count_json,
    load_count_file,
    parse_count_bytes,
    parse_count_document,
    write_count_file,
)
from .countfile_schema import load_schema

__all__ = [
    "FORMAT",
    "MAX_COUNT_FILE_BYTES",
    "count_to_document",
    "dump_count_json",
    "load_count_file",
    "load_schema",
    "parse_count_bytes",
    "parse_count_document",
    "write_count_file",
]

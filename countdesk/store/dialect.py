"""SQLite to PostgreSQL, in one place: the store's SQL is written once, for SQLite, and the
server backend passes every statement through `to_postgres` (cached, so the hot path pays once).

What differs and how it is bridged:
- placeholders `?` become `%s` (and a literal `%` is doubled) when parameters are given;
- `INTEGER` is 64-bit in SQLite, so it becomes `BIGINT`; `typeof(x) = 'integer'` checks are
  already guaranteed by the column type and are dropped; `WITHOUT ROWID` has no equivalent;
- `TEXT` columns get `COLLATE "C"`: SQLite compares bytes, and identifiers sorted on the server
  must come out in the same order as in a count file, whatever the server's locale;
- a foreign key without ON DELETE (a candidate's votes) is checked at commit: SQLite checks it
  after the whole statement, so removing a contest cascades to its candidates and to their votes
  without tripping it; PostgreSQL would check it between the two cascades;
- `PRAGMA` statements (file settings) have no meaning on a server and are skipped;
- SQLite's `CREATE TRIGGER … BEGIN SELECT RAISE(ABORT, 'message'); END;` becomes a PL/pgSQL
  function raising the same message and a row trigger calling it.
Anything else in SQLite's dialect that the store uses is also valid PostgreSQL (ON CONFLICT …
DO UPDATE SET … excluded, coalesce, substr, RETURNING).
"""

from __future__ import annotations

import re
from functools import lru_cache

_TRIGGER = re.compile(
    r"CREATE TRIGGER (\w+) (BEFORE|AFTER) (INSERT|UPDATE|DELETE) ON (\w+)\s+"
    r"BEGIN\s+SELECT RAISE\(ABORT, '([^']*)'\);\s*END;?",
    re.IGNORECASE,
)
_PRAGMA = re.compile(r"^\s*PRAGMA\b[^;]*;?\s*$", re.IGNORECASE | re.MULTILINE)
_TYPEOF_INTEGER = re.compile(r"typeof\((\w+)\) = 'integer' AND ", re.IGNORECASE)
_DDL = re.compile(r"\b(CREATE\s+TABLE|ALTER\s+TABLE)\b", re.IGNORECASE)
_RESTRICTING_REFERENCE = re.compile(r"(REFERENCES \w+ \([^)]*\))(?!\s*ON DELETE)", re.IGNORECASE)
_UNSUPPORTED = re.compile(
    r"\b(sqlite_master|typeof|rowid|glob|julianday|strftime|group_concat|ifnull|last_insert_rowid)\s*\(?",
    re.IGNORECASE)


class DialectError(ValueError):
    """A statement uses SQLite that this translation does not know: fix it here, once."""


def _trigger(match: re.Match[str]) -> str:
    name, when, event, table, message = match.groups()
    return (f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$countdesk$BEGIN RAISE EXCEPTION '{message}'; END$countdesk$;\n"
            f"CREATE TRIGGER {name} {when} {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();")


@lru_cache(maxsize=1024)
def to_postgres(sql: str, with_params: bool) -> str:
    """The PostgreSQL spelling of one statement or script written for SQLite ('' when nothing is
    left to run, e.g. a PRAGMA)."""
    out = _TRIGGER.sub(_trigger, sql)
    out = _PRAGMA.sub("", out)
    if _DDL.search(out):
        out = _TYPEOF_INTEGER.sub("", out)
        out = re.sub(r"\bWITHOUT ROWID\b", "", out, flags=re.IGNORECASE)
        out = re.sub(r"\bINTEGER\b", "BIGINT", out)
        out = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', out)
        out = _RESTRICTING_REFERENCE.sub(r"\1 DEFERRABLE INITIALLY DEFERRED", out)
    unknown = _UNSUPPORTED.search(out)
    if unknown:
        raise DialectError(f"SQLite-only SQL reached the server store ({unknown.group(1)}): {sql.strip()[:120]}")
    if with_params:
        out = out.replace("%", "%%").replace("?", "%s")
    return out.strip()

"""A count file's connection as the store uses it: the statements, scripts and transactions of
`SqlDatabase` (sql.py) over Python's sqlite3, with the transaction rules of sqlite-utils 4's
`Database`, which this stood in for.

Opening and reading a count needs nothing else of sqlite-utils, and importing it (with click,
pluggy and dateutil, which it loads) was a sixth of the app's start-up, paid again by every
`countdesk` command. So the count's own connection is this; sqlite-utils loads when the schema is
migrated (migrations.py) or an older backup is read, and is given this same connection then.

The rules, as sqlite-utils 4 keeps them:
- a statement run outside a transaction is committed at once, even a write the driver opened an
  implicit transaction for; one that fails leaves no transaction open behind it;
- `atomic()` is one transaction (BEGIN … COMMIT, rolled back on any error), or a savepoint inside
  one already open;
- a script run inside a transaction runs statement by statement, so the driver's executescript
  cannot commit that transaction half-way.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

#: Statements that open or end a transaction themselves: never committed on their behalf.
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
#: Whitespace, empty statements, comments and a byte-order mark before a statement's first word.
_FIRST_WORD = re.compile(r"(?:[\s;\ufeff]+|--[^\n]*(?:\n|$)|/\*.*?\*/)*([A-Za-z_]*)", re.DOTALL)


class SqliteDatabase:
    """One count file's sqlite3 connection, with the store's statements and transactions."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # the failed statement's implicit transaction
            raise
        if not was_in_transaction and self.conn.in_transaction and cursor.description is None \
                and first_word(sql) not in _TRANSACTION_CONTROL:
            self.conn.execute("COMMIT")  # a write outside a transaction is committed at once
        return cursor

    def executescript(self, script: str) -> sqlite3.Cursor:
        if not self.conn.in_transaction:
            return self.conn.executescript(script)
        cursor = self.conn.cursor()
        for statement in statements(script):
            cursor.execute(statement)
        return cursor

    @contextlib.contextmanager
    def atomic(self) -> Iterator[SqliteDatabase]:
        """All of it or none of it: a transaction, or a savepoint within the one already open."""
        if self.conn.in_transaction:
            savepoint = f"countdesk_{secrets.token_hex(16)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # an error such as RAISE(ROLLBACK) may have ended it all
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @property
    def journal_mode(self) -> str:
        return str(self.conn.execute("PRAGMA journal_mode").fetchone()[0])

    def enable_wal(self) -> None:
        """Write-ahead logging, set outside any transaction (setting it commits one)."""
        if self.journal_mode == "wal":
            return
        if self.conn.in_transaction:
            raise sqlite3.OperationalError("the journal mode cannot change while a transaction is open")
        level = self.conn.isolation_level
        self.conn.isolation_level = None
        try:
            self.conn.execute("PRAGMA journal_mode=wal")
        finally:
            self.conn.isolation_level = level

    def close(self) -> None:
        self.conn.close()


def first_word(sql: str) -> str:
    """The statement's first keyword, upper-cased ("" if there is none)."""
    match = _FIRST_WORD.match(sql)
    return match.group(1).upper() if match else ""


def statements(script: str) -> Iterator[str]:
    """The script's complete statements in order (a trigger's body, with its own semicolons, whole)."""
    pending = ""
    for piece in script.split(";"):
        pending = f"{pending};{piece}" if pending else piece
        if pending.strip() and sqlite3.complete_statement(pending + ";"):
            yield pending.strip() + ";"
            pending = ""
    if pending.strip():
        yield pending.strip()

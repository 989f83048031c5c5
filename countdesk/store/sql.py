"""What the store's functions need of a database, as a type: a count file's `SqliteDatabase`
(sqlite_file.py; sqlite-utils' `Database` while a migration runs) and a count server's
`ServerConnection` (server.py) all provide it, so a migration or an audit
function written once serves both. Only this surface may be used where either can come.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol


class Rows(Protocol):
    """A cursor after a statement: sqlite3's or psycopg's."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class RawConnection(Protocol):
    """`db.conn`: the driver's connection (sqlite3's; on a server, the ServerConnection itself)."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, params: Any = ..., /) -> Rows: ...

    def executemany(self, sql: str, rows: Any, /) -> object: ...


class SqlDatabase(Protocol):
    """The statements the store runs, with ? parameters (server.py translates them)."""

    @property
    def conn(self) -> RawConnection: ...

    def execute(self, sql: str, params: Any = ..., /) -> Rows: ...

    def executescript(self, script: str, /) -> object: ...

    def atomic(self) -> AbstractContextManager[Any]: ...


def first_value(rows: Rows) -> Any:
    """The first column of the one row a query that always gives one returns (count(*), a
    coalesced max, session_user, current_database())."""
    row = rows.fetchone()
    if row is None:
        raise LookupError("the query gave no row")
    return row[0]


class Named(Protocol):
    """A count's file (a Path) or server location (server.ServerLocation): its name for messages."""

    @property
    def name(self) -> str: ...


class CountStore(Protocol):
    """An open count, a file's (`CountDatabase`, database.py) or a server's (`ServerDatabase`,
    server.py): what the store's functions and the services may use of either."""

    @property
    def shared(self) -> bool: ...

    @property
    def db(self) -> SqlDatabase: ...

    @property
    def path(self) -> Named: ...

    @property
    def location(self) -> str | Path: ...

    @property
    def read_only(self) -> bool: ...

    @property
    def in_transaction(self) -> bool: ...

    def transaction(self) -> AbstractContextManager[SqlDatabase]: ...

    def snapshot(self) -> AbstractContextManager[SqlDatabase]: ...

    def guard(self, doing: str = ...) -> AbstractContextManager[None]: ...

    def close(self) -> None: ...

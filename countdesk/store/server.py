"""The count on a PostgreSQL server: the same store interface as a count file, over psycopg 3.

A `ServerDatabase` offers what `CountDatabase` offers (`db`, `transaction`, `snapshot`, `guard`,
`read_only`, `path`, `close`), and its `db` answers the subset of sqlite-utils' `Database` that
the store uses (`execute`, `executescript`, `conn.execute`, `conn.executemany`, `conn.in_transaction`,
`atomic`), translating each statement through dialect.py. So the store's functions, migrations and
audit chain are the same code for both backends.

Several stations write one count, so every write transaction first takes one advisory lock
(`pg_advisory_xact_lock`, released at commit or rollback): writes, and so audit appends, happen in
one order, each seeing everything committed before it. Reads take no lock; a `snapshot` is a
REPEATABLE READ, READ ONLY transaction. Commits are synchronous: an acknowledged write is on the
server's disk.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import pq
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.string import StrDumper

from ..errors import CountdeskError
from .dialect import to_postgres
from .migrations import MIGRATION_SET, migration_names, migration_steps
from .sql import first_value

#: The key of the one advisory lock every write transaction holds ("CDK" + 1).
WRITE_LOCK_KEY = 0x43444B01
MIGRATIONS_TABLE = "countdesk_migrations"
CHANGES_CHANNEL = "countdesk_changes"
CONNECT_TIMEOUT_S = 5
APPLICATION_NAME = "countdesk"


class ServerUnreachable(CountdeskError):
    """The server cannot be reached or the connection was lost: nothing unacknowledged was kept."""


@dataclass(frozen=True)
class ServerLocation:
    """Where a server count is, for messages and the title bar; never carries the password."""

    url: str

    def _parts(self) -> dict[str, str | int | None]:
        try:
            return conninfo_to_dict(self.url)
        except psycopg.ProgrammingError:
            return {}

    @property
    def name(self) -> str:
        """"COUNT on HOST:PORT", as the window and messages name it."""
        parts = self._parts()
        host = parts.get("host") or "localhost"
        where = f"{host}:{parts['port']}" if parts.get("port") else host
        return f"{parts.get('dbname') or '?'} on {where}"

    def __str__(self) -> str:
        """Who on which count, never the password (nor does anything store it in the count)."""
        user = self._parts().get("user")
        return f"{user}@{self.name}" if user else self.name


class ServerConnection:
    """The sqlite-utils-shaped face of one psycopg connection (autocommit outside transactions)."""

    #: Store code that must ask a server something else than a file (its catalogue) checks this.
    dialect = "postgresql"

    def __init__(self, conn: psycopg.Connection) -> None:
        self._pg = conn
        #: Inside a pipelined write transaction: the audit chain's end, asked for with the write
        #: lock (a cursor until first read), then kept as this transaction appends (see chain_end).
        self._head: psycopg.Cursor[Any] | tuple[int, str] | None = None

    # what a count file's database offers (sql.SqlDatabase) ---------------------------------------
    @property
    def conn(self) -> ServerConnection:
        return self

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor:
        _check_params(params)
        statement = to_postgres(sql, bool(params))
        if not statement:
            return self._pg.cursor()
        return self._pg.execute(statement, list(params) if params else None)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        rows = list(rows)
        for row in rows:
            _check_params(row)
        if rows:
            with self._pg.cursor() as cur:
                cur.executemany(to_postgres(sql, True), rows)

    def executescript(self, script: str) -> None:
        statement = to_postgres(script, False)
        if statement:
            self._pg.execute(statement)

    @contextlib.contextmanager
    def atomic(self, *, pipelined: bool = True) -> Iterator[ServerConnection]:
        """A transaction; the outermost takes the write lock first. Nested, it joins the outer one
        (no savepoint: the store never carries on after a failed inner step, so a failure anywhere
        rolls everything back, as it would with one; two round trips fewer per write)."""
        if self.in_transaction:
            yield self
            return
        # Pipelined: statements whose results nobody reads go out without waiting for the server,
        # so the write lock is held for a few round trips rather than one per statement.
        pipeline = self._pg.pipeline() if pipelined else contextlib.nullcontext()
        with pipeline, self._pg.transaction():
            self._pg.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            if pipelined:  # the chain's end, sent with the lock: its answer comes with the first read
                self._head = self._pg.execute("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1")
            try:
                yield self
            finally:
                self._head = None

    def chain_end(self) -> tuple[int, str] | None:
        """In a write transaction, the audit chain's end (id, hash) as this transaction sees it under
        the write lock, without a round trip of its own; None outside one ((0, "") when empty)."""
        head = self._head
        if head is None or isinstance(head, tuple):
            return head
        row = head.fetchone()
        self._head = (int(row[0]), str(row[1])) if row else (0, "")
        return self._head

    def chain_appended(self, row_id: int, digest: str) -> None:
        """append_audit moved the chain's end in this transaction (the write lock keeps it ours)."""
        if self._head is not None:
            self._head = (row_id, digest)

    # sqlite3 Connection --------------------------------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        return self._pg.info.transaction_status in _IN_TRANSACTION

    def close(self) -> None:
        self._pg.close()


class ServerDatabase:
    """An open server count: the CountDatabase interface over one connection."""

    shared = True

    def __init__(self, conn: psycopg.Connection, location: ServerLocation, read_only: bool) -> None:
        self.db = ServerConnection(conn)
        self.path = location
        #: What to open it again with: the URL as given (its password, if any, included).
        self.location = location.url
        self.read_only = read_only
        self._thread_lock = threading.RLock()
        self._closed = False

    @property
    def station(self) -> str:
        """The role this station logged in as: the server authenticated it, so it names the station."""
        with self.guard():
            return str(first_value(self.db.execute("SELECT session_user")))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[ServerConnection]:
        if self.read_only:
            raise CountdeskError(f"{self.path.name} is open read-only: nothing can be changed", str(self.path))
        with self.guard("could not write to"):
            with self.db.atomic():
                yield self.db

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[ServerConnection]:
        with self.guard():
            if self.db.in_transaction:
                yield self.db
                return
            with self.db._pg.transaction():
                self.db._pg.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield self.db

    @contextlib.contextmanager
    def guard(self, doing: str = "could not read") -> Iterator[None]:
        with self._thread_lock:
            self._reconnect_if_lost()
            try:
                yield
            except psycopg.OperationalError as exc:
                if self.db._pg.closed or self.db._pg.broken or _connection_lost(exc):
                    self.db._pg.close()  # the next call connects again
                    raise ServerUnreachable(
                        f"lost the connection to {self.path.name}: {_first_line(exc)}", str(self.path)
                    ) from exc
                raise CountdeskError(f"{doing} {self.path.name}: {_first_line(exc)}", str(self.path)) from exc
            except psycopg.Error as exc:
                raise CountdeskError(f"{doing} {self.path.name}: {_first_line(exc)}", str(self.path)) from exc

    def _reconnect_if_lost(self) -> None:
        """After the server went away (restarted, the network cut), the next call connects again:
        what was not committed was never acknowledged, so nothing is replayed; it is simply asked
        again. While the server cannot be reached, ServerUnreachable says so."""
        pg = self.db._pg
        if self._closed or not (pg.closed or pg.broken) or self.db.in_transaction:
            return
        pg.close()
        self.db._pg = _connection(self.path, self.read_only)

    @property
    def in_transaction(self) -> bool:
        return self.db.in_transaction

    @property
    def connected(self) -> bool:
        return not (self.db._pg.closed or self.db._pg.broken)

    def ping(self) -> bool:
        """Whether the server answers now (reconnecting if the connection was lost)."""
        try:
            with self.guard():
                self.db.execute("SELECT 1")
            return True
        except CountdeskError:
            return False

    def close(self) -> None:
        with self._thread_lock:
            self._closed = True
            self.db.close()


_IN_TRANSACTION = (pq.TransactionStatus.ACTIVE, pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR)


def _connection_lost(exc: psycopg.OperationalError) -> bool:
    """The server ended the connection (shut down, restarted, the session terminated) or it broke:
    SQLSTATE classes 08 (connection exception) and 57 (operator intervention), or no SQLSTATE at
    all (the client library's own failure)."""
    state = getattr(exc, "sqlstate", None)
    return state is None or state[:2] in ("08", "57")


def _check_params(params: Sequence[Any] | None) -> None:
    """The store binds whole numbers, text and NULL only. SQLite's CHECK (typeof = 'integer')
    refuses anything else in a figure column; PostgreSQL would round a float into BIGINT, so a
    float is refused here, and text is sent typed as text (see `connect`), never coerced."""
    for value in params or ():
        if isinstance(value, (float, bool)):
            raise psycopg.DataError(f"not a whole number: {value!r}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def connect(url: str, *, read_only: bool = False) -> ServerDatabase:
    """A connection to the count at `url`; the schema is not checked here (see open/create)."""
    return ServerDatabase(_connection(ServerLocation(url), read_only), ServerLocation(url), read_only)


def _connection(location: ServerLocation, read_only: bool) -> psycopg.Connection:
    url = location.url
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                               application_name=APPLICATION_NAME)
    except psycopg.Error as exc:
        raise ServerUnreachable(f"cannot connect to {location.name}: {_first_line(exc)}", str(location)) from exc
    # Text parameters are typed text, so the server never coerces "7" into a figure column.
    conn.adapters.register_dumper(str, StrDumper)
    try:
        conn.execute("SET synchronous_commit = on")
        if read_only:
            conn.execute("SET default_transaction_read_only = on")
    except psycopg.Error as exc:
        conn.close()
        raise ServerUnreachable(f"cannot use {location.name}: {_first_line(exc)}", str(location)) from exc
    return conn


# Schema ------------------------------------------------------------------------------------------

def applied_migrations(sdb: ServerDatabase) -> list[str] | None:
    """Names applied, in order; None when the database holds no countdesk count."""
    db = sdb.db
    exists = first_value(db.execute("SELECT to_regclass(?) IS NOT NULL", (MIGRATIONS_TABLE,)))
    if not exists:
        return None
    return [r[0] for r in db.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY seq", (MIGRATION_SET,))]


def _user_tables(sdb: ServerDatabase) -> list[str]:
    return [r[0] for r in sdb.db.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")]


def apply_server_migrations(sdb: ServerDatabase) -> None:
    """A new count: the same migrations as a count file, each in its own transaction with its record.
    (An existing count is brought up to date by `countdesk server upgrade`, store/server_upgrade.py.)"""
    with sdb.guard("could not upgrade"):
        with sdb.db.atomic(pipelined=False):
            sdb.db.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (seq BIGINT PRIMARY KEY, "
                "migration_set TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        for name, step in migration_steps():
            with sdb.db.atomic(pipelined=False):  # the write lock: two stations never upgrade at once
                done = applied_migrations(sdb) or []
                check_not_newer(done, sdb.path.name)
                if name in done:
                    continue
                step(sdb.db)
                sdb.db.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (seq, migration_set, name, applied_at) "
                    f"SELECT coalesce(max(seq), 0) + 1, ?, ?, now()::text FROM {MIGRATIONS_TABLE}",
                    (MIGRATION_SET, name))
        with sdb.db.atomic(pipelined=False):
            install_notify_trigger(sdb)


def install_notify_trigger(sdb: ServerDatabase) -> None:
    """(Re)create the trigger that announces each committed audit row; in the caller's transaction."""
    sdb.db.conn._pg.execute(_NOTIFY_TRIGGER)


#: Every audit row, as it commits, tells every listening station which contest and row changed:
#: the server does it (a trigger), so no writer can forget, and it is sent only if the row commits.
_NOTIFY_TRIGGER = f"""
CREATE OR REPLACE FUNCTION countdesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $countdesk$
BEGIN
    PERFORM pg_notify('{CHANGES_CHANNEL}', json_build_object(
        'id', NEW.id, 'contest', NEW.contest_id, 'entity', NEW.entity, 'key', NEW.key,
        'action', NEW.action, 'station', NEW.station, 'operator', NEW.operator)::text);
    RETURN NULL;
END$countdesk$;
DROP TRIGGER IF EXISTS countdesk_notify_change ON audit;
CREATE TRIGGER countdesk_notify_change AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION countdesk_notify_change();
"""


def check_not_newer(applied: list[str], name: str) -> None:
    unknown = [m for m in applied if m not in set(migration_names())]
    if unknown:
        raise CountdeskError(
            f"{name} was set up by a newer version of countdesk (schema {unknown[-1]}): "
            "this station must run that version to join the count")


def check_schema_same(sdb: ServerDatabase) -> None:
    """A station joins only a count of exactly its own schema version: an older or newer station
    would read or write columns the other does not know."""
    applied = applied_migrations(sdb)
    if applied is None:
        raise CountdeskError(f"{sdb.path.name} holds no countdesk count", str(sdb.path))
    check_not_newer(applied, sdb.path.name)
    missing = [m for m in migration_names() if m not in applied]
    if missing:
        raise CountdeskError(
            f"{sdb.path.name} was set up by an older version of countdesk (it lacks {missing[0]}): once every "
            "station runs this version, upgrade it with `countdesk server upgrade --db URL` (the count owner's "
            "address)", str(sdb.path))


def create_server_count(url: str) -> ServerDatabase:
    """Set up a count in an empty database (made beforehand by `countdesk server init`)."""
    sdb = connect(url)
    try:
        with sdb.guard("could not set up"):
            if _user_tables(sdb):
                raise CountdeskError(
                    f"{sdb.path.name} is not empty: a new count needs an empty database", str(sdb.path))
        apply_server_migrations(sdb)
        return sdb
    except BaseException:
        sdb.close()
        raise


def open_server_count(url: str, *, read_only: bool = False) -> ServerDatabase:
    """An existing server count of exactly this version's schema."""
    sdb = connect(url, read_only=read_only)
    try:
        with sdb.guard():
            check_schema_same(sdb)
        return sdb
    except BaseException:
        sdb.close()
        raise


# Live changes ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """One committed audit row, as the server announced it: which contest, which row, by whom."""

    audit_id: int
    contest_id: str | None
    entity: str
    key: str | None
    action: str
    station: str | None
    operator: str
    #: The server process of the connection that wrote it (a station's own writes carry its own).
    sender: int


class ChangeListener:
    """A connection of its own that LISTENs for changes; `fileno` lets an event loop watch it."""

    def __init__(self, url: str) -> None:
        location = ServerLocation(url)
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                         application_name=f"{APPLICATION_NAME} listener")
            self._conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        except psycopg.Error as exc:
            raise ServerUnreachable(f"cannot listen to {location.name}: {_first_line(exc)}", str(location)) from exc
        self.location = location

    def fileno(self) -> int:
        return self._conn.fileno()

    def wait(self, timeout: float) -> list[Change]:
        """The changes announced so far, waiting up to `timeout` seconds for the first."""
        import json

        changes = []
        try:
            for n in self._conn.notifies(timeout=timeout, stop_after=1):
                changes.append(n)
            if changes:
                changes += list(self._conn.notifies(timeout=0.001))
        except psycopg.Error as exc:
            raise ServerUnreachable(f"lost the connection to {self.location.name}: {_first_line(exc)}",
                                    str(self.location)) from exc
        out = []
        for n in changes:
            d = json.loads(n.payload)
            out.append(Change(d["id"], d["contest"], d["entity"], d["key"], d["action"], d["station"],
                              d["operator"], n.pid))
        return out

    def close(self) -> None:
        self._conn.close()


def backend_pid(sdb: ServerDatabase) -> int:
    """This connection's server process: a listener skips the changes it announced itself."""
    return sdb.db._pg.info.backend_pid

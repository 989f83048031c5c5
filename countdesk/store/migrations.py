"""The count file's schema, as named migrations applied in order (sqlite-utils `Migrations`, 4.x).

Which migrations a file has had is read with one query of sqlite-utils' own record of them
(`_sqlite_migrations`): opening a file of this version's schema, the usual case, loads no
sqlite-utils at all (see sqlite_file.py); it loads to apply what is pending.

A migration, once released, never changes: a new need is a new function at the end. Each runs in
its own transaction together with the record that it ran, so a file is never half-upgraded.

Figures are integer columns with CHECK constraints (typeof = 'integer', >= 0), so a bad figure
cannot reach the file even through a bug above the store; a candidate who has votes or a lot
cannot be deleted (no cascade from candidate), only removed with the whole contest. Child tables
are WITHOUT ROWID on their natural keys: confirming a sheet touches as few b-tree pages as it can.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, overload

from ..errors import CountdeskError
from .audit import UPGRADE_OPERATOR
from .sql import SqlDatabase

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

#: Written into the SQLite header so a count file is recognised without reading a table ("CDK1").
APPLICATION_ID = 0x43444B31
MIGRATION_SET = "countdesk"

#: sqlite-utils' record of the migrations a file has had (one row per migration set and name).
MIGRATIONS_TABLE = "_sqlite_migrations"
#: A migration: the schema change it makes to the database it is given (a file's or a server's).
Migration = Callable[[SqlDatabase], None]

_NAMES: list[str] = []
_FUNCTIONS: list[Migration] = []
_TRANSACTIONAL: list[bool] = []


@overload
def _migration(fn: Migration, *, transactional: bool = True) -> Migration: ...
@overload
def _migration(fn: None = None, *, transactional: bool = True) -> Callable[[Migration], Migration]: ...
def _migration(
    fn: Migration | None = None, *, transactional: bool = True
) -> Migration | Callable[[Migration], Migration]:
    """Register `fn` under its own name, in the order of this file. `transactional=False` only
    for a migration that must run outside a count file's transaction and opens its own."""
    def register(fn: Migration) -> Migration:
        _NAMES.append(fn.__name__)
        _FUNCTIONS.append(fn)
        _TRANSACTIONAL.append(transactional)
        return fn
    return register(fn) if fn is not None else register


@cache
def _file_migrations() -> Migrations:
    """The migrations as sqlite-utils applies them to a count file (made when first needed)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, fn, transactional in zip(_NAMES, _FUNCTIONS, _TRANSACTIONAL, strict=True):
        migrations(name=name, transactional=transactional)(fn)
    return migrations


def _in_a_file(db: SqlDatabase) -> bool:
    """A count file's database (sqlite3), not a count server's."""
    return isinstance(db.conn, sqlite3.Connection)


def _count(column: str, *, nullable: bool = False) -> str:
    check = f"typeof({column}) = 'integer' AND {column} >= 0"
    if nullable:
        return f"{column} INTEGER CHECK ({column} IS NULL OR ({check}))"
    return f"{column} INTEGER NOT NULL CHECK ({check})"


_REJECTED_HEADS_SQL = (
    "'want_of_official_mark', 'too_many_votes', 'identifiable', 'unmarked', 'void_for_uncertainty'"
)
#: The round-2 heads of `countdesk/1`, kept until m0004 sums them into `second_rejected`.
_SECOND_NOT_COUNTED_SQL = "'too_many_votes', 'void_for_uncertainty'"


@_migration
def m0001_count_tables(db: SqlDatabase) -> None:
    """Election, contests, candidates, boxes, sheets with their figures, lots, and the audit trail."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.executescript(f"""
CREATE TABLE election (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    poll_date TEXT NOT NULL,
    area TEXT NOT NULL,
    returning_officer TEXT,
    bilingual INTEGER NOT NULL DEFAULT 0 CHECK (bilingual IN (0, 1))
);
CREATE TABLE contest (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    system TEXT NOT NULL CHECK (system IN ('sv', 'fptp')),
    {_count("seats")},
    {_count("electorate", nullable=True)},
    CHECK (seats >= 1 AND (system <> 'sv' OR seats = 1))
);
CREATE TABLE candidate (
    contest_id TEXT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (contest_id, id)
) WITHOUT ROWID;
CREATE TABLE box (
    contest_id TEXT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    postal INTEGER NOT NULL DEFAULT 0 CHECK (postal IN (0, 1)),
    {_count("ballot_paper_account", nullable=True)},
    {_count("verified", nullable=True)},
    note TEXT,
    PRIMARY KEY (contest_id, id)
) WITHOUT ROWID;
CREATE TABLE count_sheet (
    contest_id TEXT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    round INTEGER NOT NULL CHECK (round IN (1, 2)),
    {_count("papers", nullable=True)},
    {_count("rejected_in_part", nullable=True)},
    {_count("non_transferable", nullable=True)},
    PRIMARY KEY (contest_id, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX count_sheet_order ON count_sheet (contest_id, position);
CREATE TABLE sheet_vote (
    contest_id TEXT NOT NULL,
    sheet_id TEXT NOT NULL,
    candidate_id TEXT NOT NULL,
    {_count("votes")},
    PRIMARY KEY (contest_id, sheet_id, candidate_id),
    FOREIGN KEY (contest_id, sheet_id) REFERENCES count_sheet (contest_id, id) ON DELETE CASCADE,
    FOREIGN KEY (contest_id, candidate_id) REFERENCES candidate (contest_id, id)
) WITHOUT ROWID;
CREATE TABLE sheet_rejected (
    contest_id TEXT NOT NULL,
    sheet_id TEXT NOT NULL,
    head TEXT NOT NULL CHECK (head IN ({_REJECTED_HEADS_SQL})),
    {_count("papers")},
    PRIMARY KEY (contest_id, sheet_id, head),
    FOREIGN KEY (contest_id, sheet_id) REFERENCES count_sheet (contest_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE sheet_second_not_counted (
    contest_id TEXT NOT NULL,
    sheet_id TEXT NOT NULL,
    head TEXT NOT NULL CHECK (head IN ({_SECOND_NOT_COUNTED_SQL})),
    {_count("papers")},
    PRIMARY KEY (contest_id, sheet_id, head),
    FOREIGN KEY (contest_id, sheet_id) REFERENCES count_sheet (contest_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE lot (
    contest_id TEXT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    drawn_by TEXT NOT NULL DEFAULT '',
    drawn_at TEXT NOT NULL DEFAULT '',
    witnesses TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (contest_id, number)
) WITHOUT ROWID;
CREATE TABLE lot_candidate (
    contest_id TEXT NOT NULL,
    lot_number INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('tied', 'winner')),
    position INTEGER NOT NULL,
    candidate_id TEXT NOT NULL,
    PRIMARY KEY (contest_id, lot_number, role, position),
    FOREIGN KEY (contest_id, lot_number) REFERENCES lot (contest_id, number) ON DELETE CASCADE,
    FOREIGN KEY (contest_id, candidate_id) REFERENCES candidate (contest_id, id)
) WITHOUT ROWID;

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    contest_id TEXT,
    key TEXT,
    before TEXT,
    after TEXT,
    reason TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_contest ON audit (contest_id, id);
CREATE TABLE audit_head (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    last_id INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE operator_session (
    id INTEGER PRIMARY KEY,
    operator TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT
);
""")


@_migration
def m0002_stage_and_double_entry(db: SqlDatabase) -> None:
    """Each contest's stage and double-entry flag, and the keyings that wait for a second operator.

    Contests already in a file get the stage their data shows: sheets mean counting has begun,
    a verified box means verification has.
    """
    db.executescript("""
ALTER TABLE contest ADD COLUMN stage TEXT NOT NULL DEFAULT 'setup'
    CHECK (stage IN ('setup', 'verification', 'count', 'declared'));
ALTER TABLE contest ADD COLUMN double_entry INTEGER NOT NULL DEFAULT 0 CHECK (double_entry IN (0, 1));
UPDATE contest SET stage = 'verification'
    WHERE EXISTS (SELECT 1 FROM box WHERE box.contest_id = contest.id AND box.verified IS NOT NULL);
UPDATE contest SET stage = 'count'
    WHERE EXISTS (SELECT 1 FROM count_sheet WHERE count_sheet.contest_id = contest.id);
CREATE TABLE keying (
    contest_id TEXT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    sheet_id TEXT NOT NULL,
    attempt INTEGER NOT NULL CHECK (attempt IN (1, 2)),
    operator TEXT NOT NULL,
    keyed_at TEXT NOT NULL,
    sheet TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (contest_id, sheet_id, attempt)
) WITHOUT ROWID;
""")


@_migration
def m0003_audit_station(db: SqlDatabase) -> None:
    """Which station wrote each audit row: on a count server several stations write one trail.
    A count file is one station (its machine is in the session.open row), so its rows leave it empty."""
    db.execute("ALTER TABLE audit ADD COLUMN station TEXT")


_OFFICES_SQL = "'parliament', 'council', 'local_mayor', 'combined_authority_mayor', 'pcc', 'referendum'"


@_migration(transactional=False)
def m0004_office_and_regime(db: SqlDatabase) -> None:
    """What `countdesk/2` knows about a count: each contest's office, counting role, Welsh title,
    referendum question, accepted differences and declaration; the election's nation, deputy and
    Welsh title; round 2's one statutory figure (`second_rejected`) in place of the two
    `second_not_counted` heads, which become their sum; the system "referendum".

    The office of each contest already in the count is inferred once (`domain.legacy_office`)
    and recorded in the audit trail with how it was inferred. The contest table's CHECKs widen
    to the system "referendum": a count file rebuilds the table (SQLite cannot change a CHECK in
    place; the documented 12-step procedure, foreign keys off, everything in one transaction), a
    server drops and adds the constraints.
    """
    from ..domain.legacy_office import infer_office
    from .audit import Actor, append_audit

    if _in_a_file(db) and "office" in {row[1] for row in db.execute("PRAGMA table_info(contest)")}:
        return  # done, before the record of it was written
    if _in_a_file(db):
        db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            rows = db.execute("SELECT id, title, system, seats, electorate FROM contest ORDER BY position").fetchall()
            inferred = {row[0]: infer_office(row[0], row[1], row[2], row[3]) for row in rows}
            db.executescript(f"""
ALTER TABLE contest ADD COLUMN office TEXT NOT NULL DEFAULT 'council' CHECK (office IN ({_OFFICES_SQL}));
ALTER TABLE contest ADD COLUMN counting TEXT NOT NULL DEFAULT 'whole' CHECK (counting IN ('whole', 'local'));
ALTER TABLE contest ADD COLUMN title_cy TEXT;
ALTER TABLE contest ADD COLUMN question TEXT;
ALTER TABLE contest ADD COLUMN declared_at TEXT;
ALTER TABLE contest ADD COLUMN declared_by TEXT;
ALTER TABLE election ADD COLUMN deputy INTEGER NOT NULL DEFAULT 0 CHECK (deputy IN (0, 1));
ALTER TABLE election ADD COLUMN nation TEXT NOT NULL DEFAULT 'england' CHECK (nation IN ('england', 'wales'));
ALTER TABLE election ADD COLUMN title_cy TEXT;
ALTER TABLE count_sheet ADD COLUMN {_count("second_rejected", nullable=True)};
""")
            db.conn.executemany("UPDATE contest SET office = ?, counting = ? WHERE id = ?",
                                [(i.office.value, i.counting.value, cid) for cid, i in inferred.items()])
            db.executescript(f"""
UPDATE count_sheet SET second_rejected = (
    SELECT sum(papers) FROM sheet_second_not_counted s
    WHERE s.contest_id = count_sheet.contest_id AND s.sheet_id = count_sheet.id
) WHERE EXISTS (
    SELECT 1 FROM sheet_second_not_counted s
    WHERE s.contest_id = count_sheet.contest_id AND s.sheet_id = count_sheet.id
);
DROP TABLE sheet_second_not_counted;
CREATE TABLE accepted_difference (
    contest_id TEXT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('round1', 'round2')),
    {_count("counted")},
    {_count("expected")},
    reason TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    PRIMARY KEY (contest_id, number)
) WITHOUT ROWID;
""")
            if _in_a_file(db):
                _rebuild_contest_checks_in_file(db)
            else:
                _replace_contest_checks_on_server(db)
            actor = Actor(UPGRADE_OPERATOR)
            for cid, title, system, seats, electorate in rows:
                found = inferred[cid]
                before = {"id": cid, "title": title, "system": system, "seats": seats, "electorate": electorate}
                append_audit(
                    db, actor, "contest.update", "contest", contest_id=cid, key=cid, before=before,
                    after={**before, "office": found.office.value, "counting": found.counting.value},
                    reason=f"schema upgrade: {found.describe()}",
                )
    finally:
        if _in_a_file(db):
            db.execute("PRAGMA foreign_keys = ON")


#: The contest table's CHECKs before and after m0004: the system "referendum", one seat for it,
#: and the office "referendum" exactly when the system is.
_SYSTEM_CHECKS = (
    ("CHECK (system IN ('sv', 'fptp'))", "CHECK (system IN ('sv', 'fptp', 'referendum'))"),
    ("(system <> 'sv' OR seats = 1)", "(system = 'fptp' OR seats = 1)"),
)
_OFFICE_SYSTEM_CHECK = "CHECK ((office = 'referendum') = (system = 'referendum'))"


def _rebuild_contest_checks_in_file(db: SqlDatabase) -> None:
    """The contest table as it stands, its CHECKs widened: created anew, filled, swapped in."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contest'").fetchone()[0]
    for old, new in _SYSTEM_CHECKS:
        if old not in sql:
            raise CountdeskError(f"the contest table is not as countdesk wrote it (no {old})")
        sql = sql.replace(old, new)
    body = sql[sql.index("("):sql.rindex(")")]
    db.executescript(f"""
CREATE TABLE contest_m0004 {body},
    {_OFFICE_SYSTEM_CHECK}
);
INSERT INTO contest_m0004 SELECT * FROM contest;
DROP TABLE contest;
ALTER TABLE contest_m0004 RENAME TO contest;
""")
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise CountdeskError(f"the upgrade to countdesk/2 found broken references: {broken[:3]}")


def _replace_contest_checks_on_server(db: SqlDatabase) -> None:
    """On a server the CHECKs are constraints of their own: the ones naming the system go, the
    widened ones come."""
    for name, definition in db.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = 'contest'::regclass AND contype = 'c'"
    ).fetchall():
        if "'sv'" in definition:
            db.execute(f'ALTER TABLE contest DROP CONSTRAINT "{name}"')
    db.execute(f"ALTER TABLE contest ADD {_SYSTEM_CHECKS[0][1]}")
    db.execute(f"ALTER TABLE contest ADD CHECK (seats >= 1 AND {_SYSTEM_CHECKS[1][1]})")
    db.execute(f"ALTER TABLE contest ADD {_OFFICE_SYSTEM_CHECK}")


@_migration
def m0005_claims(db: SqlDatabase) -> None:
    """Who is working on what, for stations sharing a count on a server: a box being verified or a
    sheet being keyed is claimed by one station's session, which keeps it alive with a heartbeat.
    Not count data (no figure changes, so no audit row): a lapsed claim is simply taken over."""
    db.executescript("""
CREATE TABLE claim (
    contest_id TEXT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('box', 'sheet')),
    key TEXT NOT NULL,
    station TEXT NOT NULL,
    operator TEXT NOT NULL,
    session_id INTEGER NOT NULL,
    claimed_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    PRIMARY KEY (contest_id, kind, key)
) WITHOUT ROWID;
CREATE INDEX claim_session ON claim (session_id);
""")


@_migration
def m0006_round2_instruction(db: SqlDatabase) -> None:
    """The round-2 instruction an area count received, inside the count (store/instructions.py):
    backed up, restored, copied and replayed with everything else. A count file that kept it in a
    file beside it has that file moved in when its SHA-256 is the one the audit trail recorded,
    audited as the upgrade; otherwise the upgrade records it lost, to be imported again."""
    from .instructions import CREATE_TABLE, adopt_side_files

    db.executescript(CREATE_TABLE)
    adopt_side_files(db)


def migration_names() -> list[str]:
    return list(_NAMES)


def migration_steps() -> list[tuple[str, Migration]]:
    """(name, function) in order: for a store that sqlite-utils does not migrate (the server)."""
    return list(zip(_NAMES, _FUNCTIONS, strict=True))


def applied_migrations(db: SqlDatabase) -> list[str]:
    """The migrations this file has had, in the order they were applied (read-only)."""
    conn = db.conn
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)).fetchone() \
            is None:
        return []
    return [row[0] for row in conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,))]


def apply_migrations(db: SqlDatabase, *, stop_before: str | None = None) -> None:
    """Bring the file's schema up to date; refuse a file written by a newer countdesk.

    The applied migrations are read once: a file of this version's schema (every opening but the
    first after an upgrade) is left as it is, and sqlite-utils is not loaded for it."""
    applied = applied_migrations(db)
    _refuse_newer_than(applied)
    if stop_before is None and set(_NAMES) <= set(applied):
        return  # nothing pending: what sqlite-utils' apply would find, and do
    from sqlite_utils import Database

    if not isinstance(db.conn, sqlite3.Connection):
        raise TypeError("a count server's schema is upgraded step by step (server_upgrade.py)")
    target = db if isinstance(db, Database) else Database(db.conn, execute_plugins=False)
    _file_migrations().apply(target, stop_before=stop_before)


def check_schema_current(db: SqlDatabase, name: str) -> None:
    """For read-only use: the schema must already be this version's (nothing can be upgraded)."""
    _refuse_newer_than(applied_migrations(db))
    if pending_migrations(db):
        raise CountdeskError(
            f"{name} was written by an older countdesk: open it once for writing to upgrade it"
        )


def pending_migrations(db: SqlDatabase) -> list[str]:
    """The migrations this file has not had, in order: none for a file of this version's schema.
    Read-only (a restore judges an older backup by it before anything is written)."""
    applied = set(applied_migrations(db))
    return [name for name in _NAMES if name not in applied]


def newer_schema(db: SqlDatabase) -> str | None:
    """The last migration this file had that this version does not know (written by a newer
    countdesk), or None. Read-only."""
    return _newer_of(applied_migrations(db))


def _newer_of(applied: list[str]) -> str | None:
    known = set(_NAMES)
    unknown = [name for name in applied if name not in known]
    return unknown[-1] if unknown else None


def _refuse_newer_than(applied: list[str]) -> None:
    newer = _newer_of(applied)
    if newer is not None:
        raise CountdeskError(
            f"this count file was written by a newer version of countdesk (schema {newer}): "
            "open it with that version"
        )

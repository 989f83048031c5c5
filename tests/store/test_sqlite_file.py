"""A count file's connection (store/sqlite_file.py) keeps sqlite-utils 4's transaction rules, which
it stands in for: the same operations on it and on a sqlite-utils Database leave the same file."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from countdesk.store.sqlite_file import SqliteDatabase, first_word, statements

SCHEMA = """
CREATE TABLE t (n INTEGER PRIMARY KEY, v TEXT NOT NULL CHECK (v <> 'bad'));
CREATE TABLE log (n INTEGER);
CREATE TRIGGER t_logged AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.n); END;
CREATE TRIGGER t_refused BEFORE INSERT ON t WHEN new.v = 'undo' BEGIN SELECT RAISE(ROLLBACK, 'undone'); END;
"""


def opened(path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), check_same_thread=False)


def rows(path) -> list[tuple]:
    """What another connection reads: only what was committed."""
    with opened(path) as other:
        return other.execute("SELECT n, v FROM t ORDER BY n").fetchall() + \
            [("log", *row) for row in other.execute("SELECT n FROM log ORDER BY rowid")]


def test_a_write_outside_a_transaction_is_committed_at_once_and_a_failed_one_leaves_none_open(tmp_path):
    db = SqliteDatabase(opened(tmp_path / "c.db"))
    db.executescript(SCHEMA)
    db.execute("INSERT INTO t VALUES (1, 'a')")
    assert not db.conn.in_transaction
    assert rows(tmp_path / "c.db") == [(1, "a"), ("log", 1)]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO t VALUES (2, 'bad')")
    assert not db.conn.in_transaction  # not left open to capture the next write
    db.execute("BEGIN")  # a transaction opened by a statement stays open for its owner
    assert db.conn.in_transaction
    db.execute("INSERT INTO t VALUES (3, 'c')")
    assert rows(tmp_path / "c.db") == [(1, "a"), ("log", 1)]
    db.execute("COMMIT")
    assert rows(tmp_path / "c.db") == [(1, "a"), (3, "c"), ("log", 1), ("log", 3)]


def test_atomic_is_all_or_nothing_and_nests_as_savepoints(tmp_path):
    db = SqliteDatabase(opened(tmp_path / "c.db"))
    db.executescript(SCHEMA)
    with pytest.raises(sqlite3.IntegrityError):
        with db.atomic():
            db.execute("INSERT INTO t VALUES (1, 'a')")
            db.execute("INSERT INTO t VALUES (2, 'bad')")
    assert rows(tmp_path / "c.db") == []
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1, 'a')")
        with pytest.raises(sqlite3.IntegrityError):
            with db.atomic():
                db.execute("INSERT INTO t VALUES (2, 'b')")
                db.execute("INSERT INTO t VALUES (3, 'bad')")
        db.execute("INSERT INTO t VALUES (4, 'd')")
    assert rows(tmp_path / "c.db") == [(1, "a"), (4, "d"), ("log", 1), ("log", 4)]
    with pytest.raises(sqlite3.IntegrityError, match="undone"):  # RAISE(ROLLBACK) ends the whole transaction
        with db.atomic():
            db.execute("INSERT INTO t VALUES (5, 'e')")
            with db.atomic():
                db.execute("INSERT INTO t VALUES (6, 'undo')")
    assert not db.conn.in_transaction
    assert rows(tmp_path / "c.db") == [(1, "a"), (4, "d"), ("log", 1), ("log", 4)]


def test_a_script_inside_a_transaction_does_not_commit_it(tmp_path):
    db = SqliteDatabase(opened(tmp_path / "c.db"))
    db.executescript(SCHEMA)
    with pytest.raises(RuntimeError):
        with db.atomic():
            db.executescript("INSERT INTO t VALUES (1, 'a;b'); CREATE TRIGGER x AFTER DELETE ON t BEGIN "
                             "DELETE FROM log; INSERT INTO log VALUES (-1); END; INSERT INTO t VALUES (2, 'c');")
            assert db.execute("SELECT count(*) FROM t").fetchone() == (2,)
            raise RuntimeError("changed my mind")
    assert rows(tmp_path / "c.db") == []
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'x'").fetchone() == (0,)


def test_statements_and_first_words():
    script = "CREATE TRIGGER x AFTER DELETE ON t BEGIN DELETE FROM log; END; INSERT INTO t VALUES (1, 'a;b') ;  "
    assert list(statements(script)) == ["CREATE TRIGGER x AFTER DELETE ON t BEGIN DELETE FROM log; END;",
                                        "INSERT INTO t VALUES (1, 'a;b');"]
    assert [first_word(sql) for sql in ("  begin immediate", "-- a note\nCOMMIT", "/* x */ ; release s", "", "?")] \
        == ["BEGIN", "COMMIT", "RELEASE", "", ""]


def test_write_ahead_logging_is_set_outside_a_transaction_only(tmp_path):
    db = SqliteDatabase(opened(tmp_path / "c.db"))
    db.executescript(SCHEMA)
    with db.atomic(), pytest.raises(sqlite3.OperationalError, match="transaction"):
        db.enable_wal()
    db.enable_wal()
    assert db.journal_mode == "wal"


#: One step of a random session: a write, a failing write, a nested block that may fail, a script.
STEP = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 6), st.sampled_from(["a", "bad", "undo"])),
    st.tuples(st.just("atomic"), st.lists(st.tuples(st.integers(0, 6), st.sampled_from(["a", "bad"])),
                                           max_size=3), st.booleans()),
    st.tuples(st.just("script"), st.integers(0, 6), st.booleans()),
)


def play(db, steps) -> list[str]:
    """Run the steps on a sqlite-utils Database or a SqliteDatabase; what each raised."""
    seen = []
    for step in steps:
        try:
            if step[0] == "insert":
                db.execute("INSERT INTO t VALUES (?, ?)", [step[1], step[2]])
            elif step[0] == "atomic":
                with db.atomic():
                    for n, v in step[1]:
                        with db.atomic():
                            db.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", [n, v])
                    if step[2]:
                        raise KeyError("abandoned")
            else:
                with db.atomic():
                    db.executescript(f"DELETE FROM t WHERE n = {step[1]}; INSERT INTO log VALUES ({step[1]});")
                    if step[2]:
                        raise KeyError("abandoned")
            seen.append("ok")
        except (sqlite3.Error, KeyError) as exc:
            seen.append(type(exc).__name__)
        seen.append(f"open={db.conn.in_transaction}")
    return seen


@settings(max_examples=60, deadline=None)
@given(st.lists(STEP, max_size=8))
def test_the_same_steps_leave_the_same_file_as_sqlite_utils(tmp_path_factory, steps):
    folder = tmp_path_factory.mktemp("same")
    ours, theirs = SqliteDatabase(opened(folder / "ours.db")), Database(opened(folder / "theirs.db"))
    for db in (ours, theirs):
        db.executescript(SCHEMA)
    assert play(ours, steps) == play(theirs, steps)
    assert rows(folder / "ours.db") == rows(folder / "theirs.db")
    ours.close()
    theirs.close()

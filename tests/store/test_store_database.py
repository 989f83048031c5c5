"""Opening count files: pragmas in force, schema migration, and refusal of foreign or damaged files."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database
from store_builders import ELECTION, REFUSED_BY_SCHEMA, actor, file_only, sv_contest

from countdesk.errors import CountdeskError
from countdesk.store.audit import verify_audit_chain
from countdesk.store.contests import add_contest, save_election
from countdesk.store.database import BUSY_TIMEOUT_MS, create_database, open_database
from countdesk.store.migrations import APPLICATION_ID, apply_migrations, migration_names
from countdesk.store.repository import Stage, contest_states, load_count

DAMAGED = "is not a countdesk count file or is damaged"


def _pragmas(cdb) -> dict[str, object]:
    return {name: cdb.pragma(name) for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}


@file_only
def test_a_new_file_has_the_whole_schema_and_safe_pragmas(cdb, db_path):
    assert _pragmas(cdb) == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                             "busy_timeout": BUSY_TIMEOUT_MS}
    assert cdb.pragma("application_id") == APPLICATION_ID
    applied = [r[0] for r in cdb.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == migration_names() == [
        "m0001_count_tables", "m0002_stage_and_double_entry", "m0003_audit_station", "m0004_office_and_regime",
        "m0005_claims", "m0006_round2_instruction"]
    cdb.close()
    for read_only in (False, True):
        reopened = open_database(db_path, read_only=read_only)
        # synchronous, foreign_keys and busy_timeout belong to the connection: set again on every open.
        assert _pragmas(reopened) == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                                      "busy_timeout": BUSY_TIMEOUT_MS}
        reopened.close()


@file_only
def test_create_refuses_an_existing_file(cdb, db_path):
    with pytest.raises(CountdeskError, match="already exists"):
        create_database(db_path)


@file_only
def test_a_read_only_file_refuses_every_write(cdb, db_path):
    cdb.close()
    ro = open_database(db_path, read_only=True)
    with pytest.raises(CountdeskError, match="read-only"):
        save_election(ro, actor(), ELECTION)
    ro.close()


def test_a_failed_transaction_leaves_nothing(cdb):
    with pytest.raises(RuntimeError):
        with cdb.transaction() as db:
            db.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
            raise RuntimeError("power cut in the middle")
    assert cdb.db.execute("SELECT count(*) FROM setting").fetchone()[0] == 0


@pytest.mark.parametrize("value", [-1, 2.5, "many", None])
def test_the_schema_itself_refuses_a_figure_that_is_not_a_whole_number(cdb, value):
    add_contest(cdb, actor(), sv_contest())
    with pytest.raises(REFUSED_BY_SCHEMA):
        cdb.db.execute(
            "INSERT INTO sheet_vote (contest_id, sheet_id, candidate_id, votes) VALUES (?, ?, ?, ?)",
            ("mayor.testshire", "T1-R2", "cedar-c", value),
        )


def test_the_schema_refuses_an_sv_contest_with_two_seats(cdb):
    with pytest.raises(REFUSED_BY_SCHEMA):
        cdb.db.execute("INSERT INTO contest (id, position, title, system, seats) VALUES ('m', 1, 'M', 'sv', 2)")


def _v1_file(path) -> None:
    """A file as the first schema left it: contests without stage or double-entry flag."""
    conn = sqlite3.connect(str(path))
    db = Database(conn)
    apply_migrations(db, stop_before="m0002_stage_and_double_entry")
    db.executescript("""
        INSERT INTO election VALUES (1, 'e.2021', 'Election', '2021-05-06', 'Testshire', NULL, 0);
        INSERT INTO contest (id, position, title, system, seats) VALUES ('counting', 1, 'C', 'fptp', 1);
        INSERT INTO contest (id, position, title, system, seats) VALUES ('verifying', 2, 'V', 'fptp', 1);
        INSERT INTO contest (id, position, title, system, seats) VALUES ('new', 3, 'N', 'fptp', 1);
        INSERT INTO candidate VALUES ('counting', 'a', 1, 'A', '');
        INSERT INTO count_sheet (contest_id, id, position, round) VALUES ('counting', 'S1', 1, 1);
        INSERT INTO sheet_vote VALUES ('counting', 'S1', 'a', 7);
        INSERT INTO box (contest_id, id, position, verified) VALUES ('verifying', 'B1', 1, 10);
        INSERT INTO box (contest_id, id, position, verified) VALUES ('new', 'B1', 1, NULL);
    """)
    conn.close()


def test_an_older_file_is_migrated_on_open_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.countdesk"
    _v1_file(path)
    with pytest.raises(CountdeskError, match="older countdesk"):
        open_database(path, read_only=True)  # cannot upgrade without writing

    cdb = open_database(path)
    applied = [r[0] for r in cdb.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == migration_names()
    states = contest_states(cdb)
    # m0002 infers each contest's stage from its data.
    assert {cid: s.stage for cid, s in states.items()} == {
        "counting": Stage.COUNT, "verifying": Stage.VERIFICATION, "new": Stage.SETUP,
    }
    assert not any(s.double_entry for s in states.values())
    count = load_count(cdb)
    assert dict(count.contest("counting").count_sheets[0].votes) == {"a": 7}
    assert count.contest("verifying").boxes[0].verified == 10
    assert "keying" in {r[0] for r in cdb.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    cdb.close()
    assert open_database(path, read_only=True).pragma("application_id") == APPLICATION_ID


@file_only
def test_a_file_from_a_newer_countdesk_is_refused(cdb, db_path):
    cdb.db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                   "VALUES ('countdesk', 'm0099_from_the_future', '2030-01-01')")
    cdb.close()
    for read_only in (False, True):
        with pytest.raises(CountdeskError, match="newer version of countdesk"):
            open_database(db_path, read_only=read_only)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CountdeskError, match="no such count file"):
        open_database(tmp_path / "absent.countdesk")


@pytest.mark.parametrize("content", [b"", b"just some notes\n" * 20, bytes(range(256)) * 8])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, content):
    path = tmp_path / "notes.countdesk"
    path.write_bytes(content)
    with pytest.raises(CountdeskError, match=DAMAGED):
        open_database(path)


def test_another_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.countdesk"
    db = Database(path)
    db["things"].insert({"a": 1})
    db.close()
    before = path.read_bytes()
    with pytest.raises(CountdeskError, match=f"{DAMAGED} .*not one made by countdesk"):
        open_database(path)
    assert path.read_bytes() == before  # not switched to WAL, not migrated: left exactly as it was
    assert Database(path).journal_mode == "delete"


@file_only
def test_a_truncated_copy_is_refused(cdb, db_path):
    save_election(cdb, actor(), ELECTION)
    add_contest(cdb, actor(), sv_contest())
    for n in range(300):  # enough rows for the file to span many pages
        cdb.db.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (f"k{n}", "x" * 200))
    cdb.close()  # checkpoints the WAL into the main file
    data = db_path.read_bytes()
    assert len(data) > 8 * 4096
    db_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CountdeskError, match=DAMAGED):
        open_database(db_path)


def test_a_fresh_file_opens_with_an_intact_empty_audit_chain(cdb):
    verdict = verify_audit_chain(cdb.db)
    assert verdict.ok and verdict.rows_checked == 0


def test_the_schema_refuses_to_delete_a_candidate_who_has_votes(cdb):
    add_contest(cdb, actor(), sv_contest())
    with pytest.raises(REFUSED_BY_SCHEMA):
        cdb.db.execute("DELETE FROM candidate WHERE contest_id = 'mayor.testshire' AND id = 'ash-a'")


class _InjectingPlugin:
    """A sqlite-utils plugin as any installed package could ship one: it adds a SQL function."""

    @staticmethod
    @__import__("sqlite_utils").hookimpl
    def prepare_connection(conn):
        conn.create_function("injected", 0, lambda: "from a plugin")


def test_installed_sqlite_utils_plugins_never_touch_a_count_connection(db_path):
    from sqlite_utils.plugins import pm

    plugin = _InjectingPlugin()
    pm.register(plugin, name="test-injecting-plugin")
    try:
        assert Database(memory=True).execute("SELECT injected()").fetchone() == ("from a plugin",)
        for cdb in (create_database(db_path), open_database(db_path, read_only=True)):
            with pytest.raises(sqlite3.OperationalError, match="no such function"):
                cdb.db.execute("SELECT injected()")
            cdb.close()
    finally:
        pm.unregister(name="test-injecting-plugin")


@file_only
def test_a_current_file_is_opened_reading_its_migrations_once_without_sqlite_utils(cdb, db_path):
    """Opening a file of this version's schema reads sqlite-utils' record of its migrations with one
    query and loads no sqlite-utils (a sixth of the app's start-up); a fresh interpreter, as the
    app starts. An older file still loads it to be upgraded (the test above)."""
    import os
    import subprocess
    import sys

    cdb.close()
    script = (
        "import sys, sqlite3\n"
        "from countdesk.store import migrations\n"
        "from countdesk.store.database import open_database\n"
        "reads = []\n"
        "applied = migrations.applied_migrations\n"
        "migrations.applied_migrations = lambda db: reads.append(1) or applied(db)\n"
        "db = open_database(sys.argv[1])\n"
        "db.db.execute('SELECT count(*) FROM audit').fetchone()\n"
        "db.close()\n"
        "print(len(reads), any(name.startswith('sqlite_utils') for name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(db_path)], capture_output=True, text=True,
                          timeout=120, env={**os.environ})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["1", "False"]

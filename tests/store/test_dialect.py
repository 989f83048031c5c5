"""The one place SQLite's dialect becomes PostgreSQL's."""

from __future__ import annotations

import pytest

from countdesk.store.dialect import DialectError, to_postgres


def test_placeholders_and_percent_signs_are_translated_only_with_parameters():
    assert to_postgres("SELECT 1 FROM t WHERE a = ? AND b LIKE '10%'", True) == \
        "SELECT 1 FROM t WHERE a = %s AND b LIKE '10%%'"
    assert to_postgres("SELECT '10%'", False) == "SELECT '10%'"


def test_table_definitions_keep_sqlites_meaning():
    sql = to_postgres("CREATE TABLE x (id TEXT PRIMARY KEY, "
                      "n INTEGER NOT NULL CHECK (typeof(n) = 'integer' AND n >= 0), "
                      "c TEXT REFERENCES y (id), d TEXT REFERENCES z (id) ON DELETE CASCADE) WITHOUT ROWID", False)
    assert sql == ('CREATE TABLE x (id TEXT COLLATE "C" PRIMARY KEY, n BIGINT NOT NULL CHECK (n >= 0), '
                   'c TEXT COLLATE "C" REFERENCES y (id) DEFERRABLE INITIALLY DEFERRED, '
                   'd TEXT COLLATE "C" REFERENCES z (id) ON DELETE CASCADE)')


def test_a_guard_trigger_becomes_a_function_and_a_row_trigger_and_pragmas_vanish():
    sql = to_postgres("PRAGMA application_id = 1;\nCREATE TRIGGER keep BEFORE DELETE ON audit\n"
                      "BEGIN SELECT RAISE(ABORT, 'append-only'); END;", False)
    assert "PRAGMA" not in sql
    assert "CREATE FUNCTION keep() RETURNS trigger" in sql and "RAISE EXCEPTION 'append-only'" in sql
    assert "CREATE TRIGGER keep BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION keep();" in sql


@pytest.mark.parametrize("sql", ["SELECT rowid FROM t", "SELECT group_concat(a) FROM t", "SELECT ifnull(a, 0) FROM t"])
def test_sqlite_only_sql_is_refused_by_name_rather_than_failing_on_the_server(sql):
    with pytest.raises(DialectError, match="SQLite-only"):
        to_postgres(sql, False)

"""`countdesk server upgrade`: a server count set up by the previous version is refused to every
station until its owner upgrades it; the upgrade applies the missing migrations with an audit row
each, gives the stations their rights on the new tables, and is refused to a station's role."""

from __future__ import annotations

import psycopg
import pytest
from server_builders import CONTEST_ID, sheet

from countdesk.cli import main
from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.store.migrations import migration_names


def _as_the_previous_version_left_it(url: str) -> None:
    """The count as the version before m0005 set it up: no claim table, no record of m0005."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE claim")
        conn.execute("DELETE FROM countdesk_migrations WHERE name = 'm0005_claims'")


def test_an_older_count_is_refused_until_its_owner_upgrades_it(server_count, station_url, capsys):
    desk = station_url("desk")  # a station granted its rights before the upgrade
    with CountSession.open(desk, "Ann") as session:
        session.sheets.confirm(CONTEST_ID, sheet("desk", 1))
    _as_the_previous_version_left_it(server_count)

    with pytest.raises(CountdeskError, match=r"older version of countdesk \(it lacks m0005_claims\).*"
                                             r"countdesk server upgrade --db"):
        CountSession.open(desk, "Ann")
    assert main(["tally", "--db", desk]) == 2
    assert "countdesk server upgrade" in capsys.readouterr().err

    assert main(["server", "upgrade", "--db", desk, "--operator", "Ann"]) == 2  # a station's role may not
    err = capsys.readouterr().err
    assert "only the count's owner" in err and "not the station desk_" in err

    assert main(["server", "upgrade", "--db", server_count, "--operator", "Count Supervisor"]) == 0
    out = capsys.readouterr().out
    assert f"upgraded to schema {migration_names()[-1]}: applied m0005_claims" in out
    assert "stations with rights on every table: desk_" in out

    with CountSession.open(desk, "Ann") as session:  # the station joins again, and may claim (the new table)
        session.claims.take(CONTEST_ID, "sheet", "T2")
        session.sheets.confirm(CONTEST_ID, sheet("desk", 2))
        rows = session.audit_rows(action="schema.upgrade")
        assert [(r.key, r.operator, r.after["migration"]) for r in rows] == [
            ("m0005_claims", "Count Supervisor", "m0005_claims")]
        assert rows[0].station and rows[0].after["by"].startswith("countdesk ")
        assert session.verify_audit().ok
    assert main(["audit", "--db", server_count, "--verify"]) == 0
    assert "intact and matching the count" in capsys.readouterr().out

    assert main(["server", "upgrade", "--db", server_count]) == 0  # twice: nothing more to do
    assert "nothing to do" in capsys.readouterr().out


def test_a_count_of_a_newer_version_or_a_file_is_not_upgraded(server_count, tmp_path, capsys):
    with psycopg.connect(server_count, autocommit=True) as conn:
        conn.execute("INSERT INTO countdesk_migrations VALUES (99, 'countdesk', 'm9999_future', 'now')")
    assert main(["server", "upgrade", "--db", server_count]) == 2
    assert "newer version of countdesk (schema m9999_future)" in capsys.readouterr().err
    assert main(["server", "upgrade", "--db", str(tmp_path / "night.countdesk")]) == 2
    assert "not a count server's address" in capsys.readouterr().err

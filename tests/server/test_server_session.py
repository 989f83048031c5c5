"""Several stations, one count on a PostgreSQL server: the same sessions as a count file, written
by many station processes at once, with one audit chain in one order."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from server_builders import CONTEST_ID, ELECTION, sheet, votes

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.domain.tally import tally_contest
from countdesk.errors import CountdeskError, ValidationError
from countdesk.services import CountSession
from countdesk.store.contests import set_contest_field
from countdesk.store.server import open_server_count
from countdesk.store.sheets import save_sheet

STATION = Path(__file__).with_name("station.py")
GOLDEN_LIVERPOOL = Path(__file__).parents[1] / "golden" / "liverpool-mayor-2021" / "count.json"


def run_stations(urls: dict[str, str], per_station: int) -> dict[str, list[str]]:
    """Start every station at once; wait for all; return each one's acknowledged sheet ids."""
    procs = {name: subprocess.Popen([sys.executable, str(STATION), url, name, "1", str(per_station)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=STATION.parent)
             for name, url in urls.items()}
    acks = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        acks[name] = [line.split()[1] for line in out.splitlines() if line.startswith("ACK ")]
    return acks


def test_four_station_processes_key_one_count_at_once(server_count, station_url):
    names = ["north", "south", "east", "west"]
    acks = run_stations({name: station_url(name) for name in names}, per_station=30)
    assert all(len(ids) == 30 for ids in acks.values())

    with CountSession.open(server_count, "Returning Officer", read_only=True) as session:
        contest = session.contest(CONTEST_ID)
        assert session.verify_audit().ok
        rows = session.audit_rows(action="sheet.")
        head = session.audit_head()
        all_rows = session.audit_rows()
    stored = {s.id: s for s in contest.count_sheets}
    expected = {sheet(name, n).id: sheet(name, n) for name in names for n in range(1, 31)}
    assert stored == expected  # every sheet, exactly, and nothing else
    # One chain in one order: ids 1..n without a gap, the head at the last row.
    assert [r.id for r in all_rows] == list(range(1, len(all_rows) + 1)) and head[0] == len(all_rows)
    # Every sheet's row names the station (the role the server authenticated) and its operator.
    by_station = Counter((r.station.rsplit("_", 1)[0], r.operator) for r in rows)
    assert by_station == {(name, f"Operator {name}"): 30 for name in names}
    # The result counts every sheet once.
    result = tally_contest(ELECTION, contest)
    assert dict(result.first) == {cid: sum(votes(n)[cid] for n in range(1, 31)) * 4 for cid in "abc"}


def test_a_station_reads_another_stations_sheet_without_reopening(server_count, station_url):
    with CountSession.open(station_url("one"), "Ann") as one, CountSession.open(station_url("two"), "Bob") as two:
        assert two.contest(CONTEST_ID).count_sheets == ()
        one.sheets.confirm(CONTEST_ID, sheet("one", 1))
        assert [s.id for s in two.contest(CONTEST_ID).count_sheets] == ["one-00001"]
        with pytest.raises(ValidationError, match="already recorded"):
            two.sheets.confirm(CONTEST_ID, sheet("one", 1))  # no silent last-writer-wins


def test_a_sheet_recorded_elsewhere_since_it_was_looked_at_is_not_replaced(server_count):
    """The race itself: the station saw no sheet, another recorded it before the write."""
    owner = open_server_count(server_count)
    try:
        from countdesk.store.audit import Actor

        save_sheet(owner, Actor("Ann", station="one"), CONTEST_ID, sheet("x", 1), replacing=False)
        with pytest.raises(ValidationError, match="just recorded at another station"):
            save_sheet(owner, Actor("Bob", station="two"), CONTEST_ID, sheet("x", 1), replacing=False)
    finally:
        owner.close()


def test_a_contest_declared_at_another_station_refuses_the_next_sheet(server_count, station_url):
    with CountSession.open(station_url("desk"), "Bob") as station:
        station.sheets.confirm(CONTEST_ID, sheet("desk", 1))
        owner = open_server_count(server_count)
        try:
            from countdesk.store.audit import Actor

            set_contest_field(owner, Actor("RO"), CONTEST_ID, "stage", "declared", action="contest.declare")
        finally:
            owner.close()
        with pytest.raises(CountdeskError, match="is declared"):
            station.sheets.confirm(CONTEST_ID, sheet("desk", 2))


def test_a_station_can_only_append_to_the_audit_trail(server_count, station_url):
    with CountSession.open(station_url("desk"), "Bob") as station:
        station.sheets.confirm(CONTEST_ID, sheet("desk", 1))
    with psycopg.connect(station_url("desk"), autocommit=True) as conn:
        for sql in ("UPDATE audit SET reason = 'x' WHERE id = 1", "DELETE FROM audit",
                    "ALTER TABLE audit DISABLE TRIGGER USER", "DROP TABLE count_sheet"):
            with pytest.raises(psycopg.Error, match="permission denied|must be owner|append-only"):
                conn.execute(sql)
        # A station moves the recorded end when it appends; moving it by hand is found at once.
        conn.execute("UPDATE audit_head SET last_id = 1")
    with CountSession.open(server_count, "RO", read_only=True) as session:
        assert "recorded end" in session.verify_audit().problem


@pytest.mark.parametrize("change, message", [
    ("INSERT INTO countdesk_migrations VALUES (99, 'countdesk', 'm9999_future', 'now')", "newer version"),
    ("DELETE FROM countdesk_migrations WHERE name = 'm0003_audit_station'", "older version"),
])
def test_a_station_of_another_schema_version_is_refused(server_count, change, message):
    with psycopg.connect(server_count, autocommit=True) as conn:
        conn.execute(change)
    with pytest.raises(CountdeskError, match=message):
        CountSession.open(server_count, "Bob")


def test_read_only_refuses_writes_and_a_new_count_needs_an_empty_database(server_count):
    with CountSession.open(server_count, "Bob", read_only=True) as session:
        with pytest.raises(CountdeskError, match="read-only"):
            session.sheets.confirm(CONTEST_ID, sheet("ro", 1))
    with pytest.raises(CountdeskError, match="not empty"):
        CountSession.create(server_count, "Bob", ELECTION)


def test_an_unreachable_server_is_named_without_its_password(tmp_path):
    url = f"postgresql://desk:s3cret@/count?host={tmp_path}&port=1"
    with pytest.raises(CountdeskError, match="cannot connect to count on") as caught:
        CountSession.open(url, "Bob")
    assert "s3cret" not in str(caught.value)


def test_networking_is_off_unless_a_server_is_named(tmp_path):
    """A count night on a file never loads the server backend nor its driver."""
    script = (
        "import sys\n"
        "from countdesk.cli import main\n"
        f"assert main(['import', {str(GOLDEN_LIVERPOOL)!r}, "
        f"'--db', {str(tmp_path / 'n.countdesk')!r}]) == 0\n"
        f"assert main(['tally', '--db', {str(tmp_path / 'n.countdesk')!r}]) == 0\n"
        f"assert main(['audit', '--db', {str(tmp_path / 'n.countdesk')!r}, '--verify']) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('psycopg', 'countdesk.store.server')))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_station_refuses_a_count_whose_audit_guard_was_switched_off(server_count):
    with psycopg.connect(server_count, autocommit=True) as conn:  # only the owner can do this
        conn.execute("ALTER TABLE audit DISABLE TRIGGER audit_append_only_update")
    with pytest.raises(CountdeskError, match="audit_append_only_update was switched off"):
        CountSession.open(server_count, "Bob")
    with CountSession.open(server_count, "RO", read_only=True) as session:
        from countdesk.services.integrity import verify_count

        assert "switched off" in verify_count(session).summary()


def test_a_station_change_voids_an_acceptance_on_the_server_for_good(server_count, station_url):
    """A void acceptance stays void on a count server too: the station whose change voids it
    removes it (audited) in the transaction of its change, with a station's rights."""
    from countdesk.domain.model import Box
    from countdesk.domain.result import Status
    from countdesk.services.integrity import verify_count

    one = CountSheet("T1", 1, frozen_map({"a": 60, "b": 30, "c": 8}))
    with CountSession.open(server_count, "Returning Officer") as owner:
        owner.set_up.add_box(CONTEST_ID, Box("B1", "Station 1", False, 100))
        owner.verification.verify(CONTEST_ID, "B1", 100, None)
        owner.sheets.confirm(CONTEST_ID, one)
        owner.passphrase.set("the returning officer's own")
        owner.acceptances.accept(CONTEST_ID, "the returning officer's own", stage="round1", counted=98, expected=100,
                                reason="two papers not found")
        assert owner.tally(CONTEST_ID).status is Status.ELECTED
    with CountSession.open(station_url("north"), "Operator north") as station:
        station.sheets.confirm(CONTEST_ID, CountSheet("T2", 1, frozen_map({"a": 1, "b": 0, "c": 0})))
        station.sheets.delete(CONTEST_ID, "T2", reason="keyed against the wrong table")
        result = station.tally(CONTEST_ID)
        assert (result.ballot_papers_counted, result.status) == (98, Status.INCOMPLETE)
        assert station.contest(CONTEST_ID).accepted_differences == ()
        voided = station.audit_rows(action="contest.void_acceptance")
        assert len(voided) == 1 and voided[0].station.startswith("north")
        assert verify_count(station).ok

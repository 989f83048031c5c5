"""Faults: a station killed mid-entry, and the server itself stopped hard and restarted, lose
nothing a station acknowledged; stations say they are cut off, keep what was typed, and carry on
by themselves once the server is back."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from pg_cluster import running_cluster
from server_builders import CONTEST, CONTEST_ID, ELECTION, sheet

from countdesk.domain.model import Count
from countdesk.services import CountSession

HERE = Path(__file__).parent
SEED = int(os.environ.get("COUNTDESK_KILL_SEED", random.randrange(1_000_000)))


class Station:
    """A station process and a thread collecting every line it managed to print."""

    def __init__(self, script: str, url: str, name: str, first: int, last: int) -> None:
        self.name = name
        self.proc = subprocess.Popen([sys.executable, str(HERE / script), url, name, str(first), str(last)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=HERE)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    @property
    def acks(self) -> list[str]:
        return [line.split()[1] for line in list(self.lines) if line.startswith("ACK ")]

    def wait_for(self, predicate, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert self.proc.poll() is None or predicate(), self.proc.stderr.read()
            assert time.monotonic() < deadline, f"{self.name}: {self.lines[-3:]}"
            time.sleep(0.02)

    def finish(self, timeout: float = 180) -> None:
        self.proc.wait(timeout)
        self._reader.join(5)
        assert self.proc.returncode == 0, self.proc.stderr.read()


def check_count(url: str, acknowledged: list[str], station_names: list[str]) -> dict:
    """Every acknowledged sheet is there with its exact figures; nothing else is half there."""
    with CountSession.open(url, "Checker", read_only=True) as session:
        stored = {s.id: s for s in session.contest(CONTEST_ID).count_sheets}
        verdict = session.verify_audit()
    assert verdict.ok, verdict.problem
    missing = [sid for sid in acknowledged if sid not in stored]
    assert missing == [], f"acknowledged but lost (seed {SEED}): {missing[:5]}"
    for sid, stored_sheet in stored.items():
        name, n = sid.rsplit("-", 1)
        assert name in station_names and stored_sheet == sheet(name, int(n)), sid
    return stored


def test_a_station_killed_mid_entry_loses_nothing_it_acknowledged(server_count):
    rng = random.Random(SEED)
    acknowledged, names = [], []
    for round_number in range(6):
        name = f"k{round_number}"
        names.append(name)
        station = Station("station.py", server_count, name, 1, 100_000)
        station.wait_for(lambda station=station: "READY" in station.lines)
        time.sleep(rng.uniform(0.05, 0.8))
        station.proc.send_signal(signal.SIGKILL)
        station.proc.wait(10)
        station._reader.join(5)
        acknowledged += station.acks
        stored = check_count(server_count, acknowledged, names)
        # At most the one sheet in flight was committed without its ACK reaching the station.
        assert len([s for s in stored if s.startswith(f"{name}-")]) - len(station.acks) in (0, 1)
    assert len(acknowledged) > 20, f"the stations barely wrote (seed {SEED})"


def test_the_server_stopped_hard_and_restarted_loses_nothing_acknowledged():
    with running_cluster() as cluster:
        url = cluster.create_database("faults")
        with CountSession.create(url, "Supervisor", ELECTION) as session:
            session.import_count(Count(ELECTION, (CONTEST,)), replace=True)
        names = ["n", "s", "e"]
        stations = [Station("resilient_station.py", url, name, 1, 120) for name in names]
        for station in stations:
            station.wait_for(lambda station=station: len(station.acks) >= 10)
        cluster.stop("immediate")  # the server machine's power, as far as PostgreSQL can tell
        for station in stations:
            station.wait_for(lambda station=station: "DOWN" in station.lines, timeout=30)
        acknowledged_before = {s.name: list(s.acks) for s in stations}
        time.sleep(1.0)
        cluster.start()
        for station in stations:
            station.finish()
            assert "BACK" in station.lines  # it carried on by itself
            assert station.acks[:len(acknowledged_before[station.name])] == acknowledged_before[station.name]
            assert len(station.acks) == 120  # every typed sheet was kept and confirmed once back
        stored = check_count(url, [a for s in stations for a in s.acks], names)
        assert len(stored) == 3 * 120


def test_a_cut_connection_is_reopened_by_the_station_itself(server_count):
    """The network between a station and the server cut (each station's connection ended by the
    server) three times while they key: they reconnect alone and every sheet is there once."""
    import psycopg

    names = ["w", "x"]
    stations = [Station("resilient_station.py", server_count, name, 1, 80) for name in names]
    for cut in range(3):
        for station in stations:
            station.wait_for(lambda station=station, cut=cut:
                             len(station.acks) >= 10 * (cut + 1) or station.proc.poll() is not None)
        with psycopg.connect(server_count, autocommit=True) as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE application_name = 'countdesk' AND pid <> pg_backend_pid()")
    for station in stations:
        station.finish()
        assert len(station.acks) == 80
        assert "DOWN" in station.lines and "BACK" in station.lines  # it noticed, and came back alone
    assert len(check_count(server_count, [a for s in stations for a in s.acks], names)) == 160

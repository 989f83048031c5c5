"""The count server under load: 8 stations confirming 500 sheets each at once against one
PostgreSQL server, beside bare INSERT + COMMIT from 8 connections in the same run and cluster.

Each station is its own process (as on a count night), started together after all have connected.
Twice: on a ward with no box set up (nothing to check a sheet's papers against), and on one whose
boxes are all verified, as on a count night once verification is done: there each confirmation is
checked against the papers verified, which adds up the contest's other first-round sheets.
Reported: sheets per second over the whole run, and the 99th-percentile time from a station's call
to its acknowledgement. The floor: the same bare INSERT + COMMIT with each one holding one advisory
lock through its commit, as countdesk's writes do so that the audit chain has one order: the server
then flushes one commit at a time instead of several together. The cluster is a throwaway one made
for the run (initdb in a temporary folder, unix socket), with the server's default durability
(fsync, synchronous commit).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))

STATIONS = 8
SHEETS = 500


def _run(mode: str, url: str, stations: int, sheets: int) -> tuple[float, list[float]]:
    procs = [subprocess.Popen([sys.executable, str(HERE / "server_station.py"), mode, url, f"s{i}", str(sheets)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for i in range(stations)]
    for p in procs:
        assert p.stdout.readline().strip() == "READY"
    start = time.perf_counter()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    times: list[float] = []
    for p in procs:
        times += json.loads(p.stdout.readline())
    wall = time.perf_counter() - start
    for p in procs:
        p.wait(60)
        assert p.returncode == 0
    return wall, times


def p99(times: list[float]) -> float:
    return statistics.quantiles(times, n=100)[98]


def bench_count(cluster, name: str, *, verified: bool = False) -> str:
    """A new database in `cluster` holding the benchmark's count (one empty FPTP ward; `verified`:
    with one verified box, room for every sheet the stations confirm): its URL."""
    from datetime import date

    from server_station import CANDIDATES, CONTEST_ID

    from countdesk.domain.model import Box, Candidate, Contest, Count, Election, VotingSystem
    from countdesk.services import CountSession

    boxes = (Box("B1", "", False, 10_000_000, 10_000_000),) if verified else ()
    url = cluster.create_database(name)
    election = Election("local.bench.2021-05-06", "Benchmark", date(2021, 5, 6), "Benchtown")
    contest = Contest(CONTEST_ID, "Bench Ward", VotingSystem.FPTP, 1,
                      tuple(Candidate(c, c.upper()) for c in CANDIDATES), boxes, (), ())
    with CountSession.create(url, "Supervisor", election) as session:
        session.import_count(Count(election, (contest,)), replace=True)
    return url


def measure(stations: int = STATIONS, sheets: int = SHEETS) -> dict[str, float]:
    import psycopg
    from pg_cluster import running_cluster
    from server_station import CONTEST_ID

    from countdesk.services import CountSession

    with running_cluster() as cluster:
        url = bench_count(cluster, "bench")
        verified_url = bench_count(cluster, "verified", verified=True)
        bare_url = cluster.create_database("bare")
        with psycopg.connect(bare_url, autocommit=True) as conn:
            conn.execute("CREATE TABLE bare_sheet (station TEXT, n BIGINT, votes TEXT, PRIMARY KEY (station, n))")
        bare_wall, bare_times = _run("bare", bare_url, stations, sheets)
        wall, times = _run("countdesk", url, stations, sheets)
        verified_wall, verified_times = _run("countdesk", verified_url, stations, sheets)
        with psycopg.connect(bare_url, autocommit=True) as conn:
            conn.execute("TRUNCATE bare_sheet")
        serial_wall, serial_times = _run("serial", bare_url, stations, sheets)
        for counted in (url, verified_url):
            with CountSession.open(counted, "Checker", read_only=True) as session:
                assert len(session.contest(CONTEST_ID).count_sheets) == stations * sheets
                assert session.verify_audit().ok
    total = stations * sheets
    return {
        "sheets_per_s": total / wall, "p99_ms": p99(times) * 1000,
        "verified_per_s": total / verified_wall, "verified_p99_ms": p99(verified_times) * 1000,
        "bare_per_s": total / bare_wall, "bare_p99_ms": p99(bare_times) * 1000,
        "serial_per_s": total / serial_wall, "serial_p99_ms": p99(serial_times) * 1000,
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=1))

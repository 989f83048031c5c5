"""One station of the server benchmark, run as its own process (benchmarks/server_bench.py).

    server_station.py countdesk URL STATION N   # confirm N sheets through CountSession.save_sheet
    server_station.py bare URL STATION N        # N bare INSERT + COMMIT of one row each
    server_station.py serial URL STATION N      # the same, each under one advisory lock (one order)

Connects, prints READY, waits for a line on stdin (so every station starts at once), then prints
one JSON list: each confirmation's time in seconds, from the call to its acknowledgement.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from countdesk.domain.model import CountSheet, frozen_map  # noqa: E402

CONTEST_ID = "ward.bench"
CANDIDATES = tuple(f"c{i}" for i in range(1, 9))


def sheet(station: str, n: int) -> CountSheet:
    votes = {cid: (n * (i + 3)) % 97 for i, cid in enumerate(CANDIDATES)}
    return CountSheet(f"{station}-{n:05d}", 1, frozen_map(votes), frozen_map({"unmarked": n % 3}))


def run_countdesk(url: str, station: str, n: int) -> list[float]:
    from countdesk.services import CountSession

    with CountSession.open(url, f"Operator {station}") as session:
        ready()
        times = []
        for i in range(1, n + 1):
            s = sheet(station, i)
            start = time.perf_counter()
            session.sheets.confirm(CONTEST_ID, s)
            times.append(time.perf_counter() - start)
    return times


def run_bare(url: str, station: str, n: int, serial: bool = False) -> list[float]:
    import psycopg

    with psycopg.connect(url) as conn:  # a transaction per INSERT, committed before the next
        ready()
        times = []
        for i in range(1, n + 1):
            start = time.perf_counter()
            if serial:  # what one order costs by itself: the commit (its flush) inside the lock
                conn.execute("SELECT pg_advisory_xact_lock(1)")
            conn.execute("INSERT INTO bare_sheet (station, n, votes) VALUES (%s, %s, %s)",
                         (station, i, json.dumps(dict(sheet(station, i).votes))))
            conn.commit()
            times.append(time.perf_counter() - start)
    return times


def ready() -> None:
    print("READY", flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    mode, url, station, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if mode == "countdesk":
        times = run_countdesk(url, station, n)
    else:
        times = run_bare(url, station, n, serial=mode == "serial")
    print(json.dumps(times), flush=True)

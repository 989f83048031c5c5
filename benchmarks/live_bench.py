"""Live updates on a count server: from one station's confirmation of a sheet to another station
holding it, beside a bare LISTEN/NOTIFY round trip between two connections in the same run.

    python benchmarks/live_bench.py [samples]

The confirming station is a process of its own (as on a count night): on each "go" it notes the
time, confirms one sheet through CountSession.save_sheet and prints the time it noted. The watching
station (this process) waits on its LiveFeed's socket, takes the announcement and reads that one
sheet back, as the app does, then notes the time. Both times come from the same system-wide
monotonic clock (time.perf_counter on Linux), so the difference is the latency the other station's
operator sees. The baseline: the same two processes, the first sending a bare `NOTIFY` (autocommit)
and this one receiving it on a connection that LISTENs. The floor: the first inserting one row and
sending the NOTIFY in one transaction, committed (a write announced at its commit, as countdesk's
are), the second receiving it. The cluster is a throwaway one made for the
run (initdb in a temporary folder, unix socket), with the server's default durability.
"""

from __future__ import annotations

import json
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

SAMPLES = 200
_BARE_CHANNEL = "countdesk_bench_live"
#: Only so that a broken server cannot hang the run.
_GIVE_UP_S = 10


def p99(times: list[float]) -> float:
    return statistics.quantiles(times, n=100)[98]


def _writer(mode: str, url: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, __file__, "writer", mode, url], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
    return proc


def _go(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()


def _started(proc: subprocess.Popen[str]) -> float:
    assert proc.stdout is not None
    return float(proc.stdout.readline())


def _stop(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(60)
    assert proc.returncode == 0


def _bare(url: str, samples: int, mode: str = "bare") -> list[float]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute(f"LISTEN {_BARE_CHANNEL}")
        writer = _writer(mode, url)
        times = []
        try:
            for _ in range(samples):
                _go(writer)
                got = list(listener.notifies(timeout=_GIVE_UP_S, stop_after=1))
                received = time.perf_counter()
                assert got, "no notification within the time allowed"
                times.append(received - _started(writer))
        finally:
            _stop(writer)
    return times


def _countdesk(url: str, samples: int) -> list[float]:
    from server_station import CONTEST_ID, sheet

    from countdesk.services import CountSession
    from countdesk.services.live import LiveFeed

    writer = _writer("countdesk", url)
    times = []
    try:
        with CountSession.open(url, "Watcher") as session:
            feed = LiveFeed(session)
            try:
                for n in range(1, samples + 1):
                    _go(writer)
                    wanted = sheet("w", n)
                    while True:
                        readable, _, _ = select.select([feed.fileno()], [], [], _GIVE_UP_S)
                        assert readable, "no announcement within the time allowed"
                        if any(c.key == wanted.id for c in feed.poll(0)):
                            break
                    assert feed.sheet_now(CONTEST_ID, wanted.id) == wanted  # the one sheet, read back
                    received = time.perf_counter()
                    times.append(received - _started(writer))
            finally:
                feed.close()
    finally:
        _stop(writer)
    return times


def measure_live(samples: int = SAMPLES) -> dict[str, float]:
    import psycopg
    from pg_cluster import running_cluster
    from server_bench import bench_count

    with running_cluster() as cluster:
        url = bench_count(cluster, "live")
        bare_url = cluster.create_database("live_bare")
        with psycopg.connect(bare_url, autocommit=True) as conn:
            conn.execute("CREATE TABLE bare_sheet (n BIGSERIAL PRIMARY KEY, votes TEXT)")
        bare = _bare(bare_url, samples)
        floor = _bare(bare_url, samples, "write")
        ours = _countdesk(url, samples)
    return {
        "median_ms": statistics.median(ours) * 1000, "p99_ms": p99(ours) * 1000,
        "bare_median_ms": statistics.median(bare) * 1000, "bare_p99_ms": p99(bare) * 1000,
        "floor_median_ms": statistics.median(floor) * 1000, "floor_p99_ms": p99(floor) * 1000,
        "samples": samples,
    }


def _run_writer(mode: str, url: str) -> None:
    """The confirming station: READY, then per line on stdin one write, printing when it began."""
    if mode in ("bare", "write"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            print("READY", flush=True)
            for _ in sys.stdin:
                started = time.perf_counter()
                if mode == "bare":
                    conn.execute(f"NOTIFY {_BARE_CHANNEL}, 'sheet'")
                else:
                    with conn.transaction():
                        conn.execute("INSERT INTO bare_sheet (votes) VALUES ('{\"a\": 1}')")
                        conn.execute(f"NOTIFY {_BARE_CHANNEL}, 'sheet'")
                print(started, flush=True)
        return
    from server_station import CONTEST_ID, sheet

    from countdesk.services import CountSession

    with CountSession.open(url, "Confirming station") as session:
        print("READY", flush=True)
        for n, _ in enumerate(sys.stdin, 1):
            started = time.perf_counter()
            session.sheets.confirm(CONTEST_ID, sheet("w", n))
            print(started, flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["writer"]:
        _run_writer(sys.argv[2], sys.argv[3])
    else:
        print(json.dumps(measure_live(int(sys.argv[1]) if len(sys.argv) > 1 else SAMPLES), indent=1))

"""countdesk's performance figures, each against a bare baseline measured in the same run.

    python benchmarks/run.py            # full run (a minute or two)
    python benchmarks/run.py --quick    # fewer repetitions
    python benchmarks/run.py --only gui # some of the figures (startup entry gui declaration ...)

Prints a table (figure, countdesk, baseline, ratio, target) and writes it as JSON to
benchmarks/results/latest.json (or --out). Figures are medians of several runs. See
docs/performance.md for what each figure means and the floors.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from scale import big_count, extra_sheet, with_room  # noqa: E402

LIVERPOOL = ROOT / "resources" / "demo" / "liverpool-mayor-2021.json"


@dataclass
class Figure:
    name: str
    unit: str
    countdesk: float
    baseline: float | None
    target: str
    note: str = ""
    #: Where a target is out of reach on this stack: what the unavoidable part alone costs,
    #: measured in the same run (see docs/performance.md).
    floor: float | None = None
    floor_note: str = ""

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.countdesk / self.baseline

    @property
    def floor_ratio(self) -> float | None:
        """The floor against the same baseline: the best ratio this stack allows."""
        return None if not (self.floor and self.baseline) else self.floor / self.baseline

    def met(self) -> bool | None:
        if self.target.startswith("ratio"):
            return self.ratio is not None and self.ratio <= float(self.target.split()[-1])
        if self.target.startswith("<"):
            return self.countdesk < float(self.target[1:].split()[0])
        return None


def median_time(fn: Callable[[], object], runs: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def interleaved_medians(fns: list[Callable[[], object]], runs: int, warmup: int = 2) -> list[float]:
    """The median time of each function, timed in turn sample by sample, so a burst of disk or CPU
    contention (a shared VM) lands on every side alike rather than on one block of samples."""
    for fn in fns:
        for _ in range(warmup):
            fn()
    samples: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, times in zip(fns, samples, strict=True):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return [statistics.median(times) for times in samples]


# -- 1. start-up ------------------------------------------------------------------------------

def _time_to_paint(script: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds from starting the process to its first paint, and its CPU seconds then."""
    start = time.time()
    proc = subprocess.run([sys.executable, *script], capture_output=True, text=True, env=env, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"start-up script failed: {proc.stderr[-2000:]}")
    painted, cpu = (float(value) for value in proc.stdout.strip().splitlines()[-1].split())
    return painted - start, cpu


def _startup_env(work: Path) -> dict[str, str]:
    """Offscreen, with a private settings folder, and with bytecode caching on (as an installed app
    has it: a PYTHONDONTWRITEBYTECODE left in the shell would recompile every module each start)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(work / "config"),
           "XDG_DATA_HOME": str(work / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def bench_startup(runs: int, work: Path) -> list[Figure]:
    """Process start to the first paint with the count shown, for opening a count and for
    `countdesk demo`, against the floor measured in the same run: a bare PySide6 window that also
    imports sqlite-utils and reads the count (every row of every table) before painting."""
    from countdesk.cli import main as cli

    db = work / "startup.countdesk"
    if not db.exists():
        cli(["import", str(LIVERPOOL), "--db", str(db), "--operator", "Benchmark"])
    env = _startup_env(work)
    app = [str(HERE / "startup_app.py"), str(db)]
    demo = [str(HERE / "startup_demo.py")]
    bare = [str(HERE / "startup_bare.py")]
    floor = [str(HERE / "startup_floor.py"), str(db)]
    for script in (app, demo, bare, floor):
        _time_to_paint(script, env)  # warm the file cache, write the bytecode, import the demo once
    opened, demos, base, least = [], [], [], []
    for _ in range(runs):  # interleaved, so a busy moment hurts every side alike
        opened.append(_time_to_paint(app, env))
        demos.append(_time_to_paint(demo, env))
        base.append(_time_to_paint(bare, env))
        least.append(_time_to_paint(floor, env))
    def wall(samples: list[tuple[float, float]]) -> float:
        return statistics.median(sample[0] for sample in samples)

    def cpu(samples: list[tuple[float, float]]) -> float:
        return statistics.median(sample[1] for sample in samples)

    floor_note = ("baseline: the stack's floor, a bare PySide6 window that also imports sqlite-utils, reads "
                  "the count file and names a Qt alignment, offscreen, process start to first paint "
                  f"(a bare window alone: {wall(base):.3f} s)")

    def cpu_note(samples: list[tuple[float, float]]) -> str:
        """The same in CPU seconds at the first paint: it holds when the machine is busy."""
        return (f"; CPU time to the first paint {cpu(samples):.3f} s against the floor's {cpu(least):.3f} s "
                f"(ratio {cpu(samples) / cpu(least):.2f})")

    return [Figure("Start-up to first paint with the count shown (Liverpool count open)", "s",
                   wall(opened), wall(least), "ratio <= 1.25", floor_note + cpu_note(opened)),
            Figure("Start-up to first paint with the count shown (countdesk demo)", "s",
                   wall(demos), wall(least), "ratio <= 1.25", floor_note + cpu_note(demos))]


# -- 2. entry, 3. result ------------------------------------------------------------------------

def bench_entry_and_result(runs: int, work: Path) -> list[Figure]:
    from countdesk.domain.incremental import IncrementalTally
    from countdesk.domain.tally import tally_contest
    from countdesk.services.count_session import CountSession

    count = big_count()
    contest = count.contests[0]
    path = work / "entry.countdesk"
    session = CountSession.create(path, "Benchmark", count.election)
    session.import_count(with_room(count))  # room for the sheets it confirms
    session._core.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # start both sides with an empty WAL
    live = IncrementalTally(count.election, session.contest(contest.id))
    live.result()
    n = iter(range(10**6))

    def confirm_sheet() -> None:
        sheet = extra_sheet(count, next(n))
        session.sheets.confirm(contest.id, sheet)  # validated, durable commit with its audit row
        live.save_sheet(sheet)                 # totals and every check recomputed
        live.result()

    bare = sqlite3.connect(work / "bare.db", isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    bare.execute("CREATE TABLE IF NOT EXISTS sheet (id INTEGER PRIMARY KEY, contest TEXT, figures TEXT)")
    m = iter(range(10**6))

    def bare_insert() -> None:
        bare.execute("BEGIN")
        bare.execute("INSERT INTO sheet (contest, figures) VALUES (?, ?)", (contest.id, str(next(m))))
        bare.execute("COMMIT")

    ours, base = interleaved_medians([confirm_sheet, bare_insert], runs * 30)
    session.close()
    whole = median_time(lambda: tally_contest(count.election, contest), runs * 3)
    return [
        Figure("Entry: confirm one sheet (2,000 boxes, 1,000 sheets, 12 candidates)", "ms",
               ours * 1000, base * 1000, "ratio <= 2",
               "durable commit + audit row + totals and checks recomputed; baseline: one bare INSERT + "
               "COMMIT, WAL, synchronous=FULL"),
        Figure("Result: full SV result and every check at that scale", "ms", whole * 1000, None, "< 20 ms",
               "tally_contest from scratch over 1,000 sheets and 2,000 boxes"),
    ]


# -- 2b. entry through the app ------------------------------------------------------------------

GUI_SCALES = (100, 3000)


def bench_gui_entry(runs: int, work: Path) -> list[Figure]:
    """Confirming a sheet through the app (benchmarks/gui_entry.py, its own offscreen process) with
    100 and with 3,000 sheets already entered, each in its own window: each against a bare table
    gaining a row after a bare commit; the service path alone is the floor. Every side of both
    scales is timed in turn in the same event loop, so the 3,000-to-100 ratio is measured too."""
    env = _startup_env(work)
    scales = ",".join(str(n) for n in GUI_SCALES)
    proc = subprocess.run([sys.executable, str(HERE / "gui_entry.py"), str(work), scales, str(runs * 3)],
                          capture_output=True, text=True, env=env, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"gui_entry.py failed: {proc.stderr[-2000:]}")
    measured = {int(n): m for n, m in json.loads(proc.stdout.strip().splitlines()[-1]).items()}
    figures = [
        Figure(f"Entry in the app: confirm one sheet, every tab built ({sheets:,} sheets)", "ms",
               m["app"] * 1000, m["bare"] * 1000, "< 40 ms",
               "the app's undo command in its event loop, to the repaint; baseline: a bare QTableView gaining "
               "one row after a bare INSERT + COMMIT, timed in turn", m["service"] * 1000,
               "floor: the service path alone (durable commit + audit row + running totals)")
        for sheets, m in measured.items()
    ]
    small, large = (measured[s]["app"] * 1000 for s in GUI_SCALES)
    figures.append(Figure("Entry in the app: 3,000 sheets against 100 (flat)", "ms", large, small, "ratio <= 1.3",
                          "the 3,000-sheet figure; baseline: the 100-sheet figure, timed in turn with it"))
    return figures


# -- 4. declaration -------------------------------------------------------------------------------

def bench_declaration(runs: int) -> Figure:
    from datetime import datetime

    from countdesk.exchange.countfile import load_count_file
    from countdesk.services.documents import document_context, render_document

    count = load_count_file(LIVERPOOL)
    ctx = document_context(count, count.contests[0].id, generated_at=datetime(2021, 5, 8, tzinfo=UTC))
    rows = [["Candidate", "Description", "First", "Second", "Total"]] + [
        [c.name, c.description, f"{ctx.result.first[c.id]:,}", "", ""] for c in ctx.contest.candidates
    ]

    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from countdesk.reports.styles import register_fonts

    font = register_fonts()  # (also switches reportlab's ASCII85 off, process-wide: both sides gain)
    def bare_table(style: list | None = None) -> bytes:
        out = io.BytesIO()
        SimpleDocTemplate(out, pagesize=A4, invariant=1).build([Table(rows, style=TableStyle(style or []))])
        return out.getvalue()

    # The same bare table in the documents' embedded Unicode font (so Welsh ŵ ŷ print): reportlab
    # subsets and embeds a TrueType font on every document, which a Helvetica table never pays.
    in_our_font = [("FONTNAME", (0, 0), (-1, -1), font)]
    ours, base, least = interleaved_medians(
        [lambda: render_document("declaration", ctx), bare_table, lambda: bare_table(in_our_font)], runs * 3)
    return Figure("Declaration PDF (Liverpool, SV with second round)", "ms", ours * 1000, base * 1000,
                  "ratio <= 1.5", "baseline: bare reportlab one-page A4 table of the candidates, same process",
                  least * 1000,
                  "floor: that bare table in the embedded Unicode TrueType font the documents must use")


# -- 5. collation ---------------------------------------------------------------------------------

def bench_collation(runs: int, work: Path) -> Figure:
    from countdesk.services.collation import collate, load_area

    bundles = _area_bundles(work, 33)

    def collate_all() -> None:
        collate([load_area(path) for path in bundles])

    def read_all() -> None:
        for path in bundles:
            for file in sorted(path.rglob("*")):
                if file.is_file():
                    file.read_bytes()

    ours = median_time(collate_all, max(3, runs))
    base = median_time(read_all, max(3, runs))
    return Figure("Collation: 33 area bundles verified and collated", "s", ours, base, "< 1 s",
                  "baseline: reading every byte of the 33 bundles")


def _area_bundles(work: Path, areas: int) -> list[Path]:
    from dataclasses import replace

    from countdesk.exchange.bundle import bundle_name, write_bundle
    from countdesk.exchange.countfile import dump_count_json, load_count_file
    from countdesk.exchange.signing import load_or_create_key
    from countdesk.services.collation import BUNDLE_COUNT_FILE

    folder = work / "bundles"
    if folder.exists():
        return sorted(p for p in folder.iterdir() if p.is_dir())
    folder.mkdir()
    key = load_or_create_key(work / "keys")
    template = load_count_file(ROOT / "tests" / "golden" / "lcr-mayor-2021" / "areas" / "wirral.json")
    paths = []
    for i in range(areas):
        area = f"Borough {i + 1:02d}"
        count = replace(template, election=replace(template.election, area=area))
        files = {BUNDLE_COUNT_FILE: dump_count_json(count).encode("utf-8")}
        paths.append(write_bundle(folder, bundle_name(count.election.id, area), files, key))
    return paths


# -- 6. memory -------------------------------------------------------------------------------------

def bench_memory(work: Path) -> Figure:
    from countdesk.exchange.countfile import write_count_file

    source = work / "big.json"
    write_count_file(big_count(), source)
    db = work / "memory.countdesk"
    if not db.exists():
        from countdesk.cli import main as cli

        cli(["import", str(source), "--db", str(db), "--operator", "Benchmark"])
    env = _startup_env(work)
    ours = subprocess.run([sys.executable, str(HERE / "startup_app.py"), str(db), "--rss"], capture_output=True,
                          text=True, env=env, timeout=120)
    bare = subprocess.run([sys.executable, str(HERE / "startup_bare.py"), "--rss"], capture_output=True, text=True,
                          env=env, timeout=120)
    rss = float(ours.stdout.strip().splitlines()[-1])
    base = float(bare.stdout.strip().splitlines()[-1])
    return Figure("Memory: peak resident size, big count open in the app", "MB", rss, base, "",
                  "baseline: the bare PySide6 window")


def bench_server(quick: bool) -> list[Figure]:
    """8 stations confirming 500 sheets each at once against one server (benchmarks/server_bench.py)."""
    from server_bench import SHEETS, STATIONS, measure

    sheets = 150 if quick else SHEETS
    m = measure(STATIONS, sheets)
    per_sheet, bare, serial = (1000 / m[k] for k in ("sheets_per_s", "bare_per_s", "serial_per_s"))
    return [
        Figure(f"count server: {STATIONS} stations x {sheets} sheets at once, wall time per sheet", "ms",
               per_sheet, bare, "ratio <= 2",
               f"{m['sheets_per_s']:.0f} sheets/s; bare INSERT+COMMIT from {STATIONS} connections "
               f"{m['bare_per_s']:.0f}/s", floor=serial,
               floor_note=f"bare INSERT+COMMIT under one lock (one order): {m['serial_per_s']:.0f}/s"),
        Figure(f"count server: 99th-percentile confirmation time, {STATIONS} stations at once", "ms",
               m["p99_ms"], m["bare_p99_ms"], "ratio <= 2", floor=m["serial_p99_ms"],
               floor_note="the same bare INSERT+COMMIT under one lock"),
        Figure(f"count server, every box verified: {STATIONS} stations x {sheets} sheets, wall time per sheet",
               "ms", 1000 / m["verified_per_s"], bare, "ratio <= 2",
               f"{m['verified_per_s']:.0f} sheets/s, p99 {m['verified_p99_ms']:.0f} ms; each sheet checked against "
               "the papers verified (the contest's other sheets added up)", floor=serial,
               floor_note=f"bare INSERT+COMMIT under one lock (one order): {m['serial_per_s']:.0f}/s"),
    ]


def bench_live(quick: bool) -> list[Figure]:
    """One station's confirmation seen by another (benchmarks/live_bench.py): issue 17 asks for
    within a second."""
    from live_bench import SAMPLES, measure_live

    m = measure_live(50 if quick else SAMPLES)
    floor_note = "bare INSERT + NOTIFY in one transaction, committed, then received"
    return [
        Figure("count server: live update, confirmed at one station to read at another, median", "ms",
               m["median_ms"], m["bare_median_ms"], "< 1000 ms",
               f"{m['samples']} sheets; baseline: a bare NOTIFY received on a LISTEN connection",
               floor=m["floor_median_ms"], floor_note=floor_note),
        Figure("count server: live update, confirmed at one station to read at another, 99th percentile", "ms",
               m["p99_ms"], m["bare_p99_ms"], "< 1000 ms", floor=m["floor_p99_ms"], floor_note=floor_note),
    ]


GROUPS = ("startup", "entry", "gui", "declaration", "collation", "memory", "server", "live")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--out", default=str(HERE / "results" / "latest.json"))
    parser.add_argument("--only", nargs="+", choices=GROUPS, help="measure only these figures")
    args = parser.parse_args()
    runs = 5 if args.quick else 15
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="countdesk-bench-") as tmp:
        work = Path(tmp)
        wanted = set(args.only or GROUPS)
        if "startup" in wanted:
            figures += bench_startup(5 if args.quick else 11, work)
        if "entry" in wanted:
            figures += bench_entry_and_result(runs, work)
        if "gui" in wanted:
            figures += bench_gui_entry(runs, work)
        if "declaration" in wanted:
            figures.append(bench_declaration(runs))
        if "collation" in wanted:
            figures.append(bench_collation(runs, work))
        if "memory" in wanted:
            figures.append(bench_memory(work))
        if "server" in wanted:
            figures += bench_server(args.quick)
        if "live" in wanted:
            figures += bench_live(args.quick)
    print(f"{'figure':<72} {'countdesk':>10} {'baseline':>10} {'ratio':>7}  {'target':<14} {'floor':>10}")
    for f in figures:
        base = f"{f.baseline:.3f}" if f.baseline is not None else "-"
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else "-"
        met = {True: "met", False: "MISSED", None: ""}[f.met()]
        floor = f"{f.floor:.3f} (ratio {f.floor_ratio:.2f})" if f.floor is not None else ""
        print(f"{f.name:<72} {f.countdesk:>8.3f}{f.unit:<2} {base:>10} {ratio:>7}  {f.target + ' ' + met:<14} {floor}")
    for f in figures:
        if "CPU time" in f.note:  # start-up in CPU time too: it holds when the machine is busy
            print(f"  {f.name}: {f.note.split('; ')[-1]}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count()},
        "quick": args.quick,
        "figures": [{**asdict(f), "ratio": f.ratio, "floor_ratio": f.floor_ratio, "met": f.met()} for f in figures],
    }
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

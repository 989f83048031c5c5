"""Confirming a sheet through the app, as the operator does it: the main window open on a count
with N sheets already entered, every tab built and shown once, then one sheet at a time confirmed
through the app's own undo command on the Count tab, each timed from the push to the moment the
event loop has run what the change queued (the views' updates and the repaint).

    python benchmarks/gui_entry.py WORK_FOLDER SHEETS[,SHEETS...] [SAMPLES] [--profile] [--cpu]

Each scale opens in its own main window in the one process, and every side of every scale is timed
in turn, sample by sample, so the ratio of one scale to another holds on a machine whose speed
moves. With --profile, the largest scale's confirmations are profiled, slowest calls first; with
--tab NAME the count ends on that tab instead of the Count tab (the Result tab on screen, say). With
--cpu each side is timed in the process's CPU time instead of wall time: on a machine other work
keeps busy (load well above its cores) wall times move by 2x from run to run, CPU times by a few
per cent; the CPU time leaves out the waits for the disk (the commit's fsync).

Runs offscreen and prints one JSON line, for each scale (number of sheets):
    app      the median time to confirm a sheet through the app (s)
    bare     the bare baseline, timed in turn with it in the same event loop: a plain QTableView over
             a minimal model with the same rows and columns gains one row, after the same bare
             INSERT + COMMIT (WAL, synchronous=FULL) as the service figure's baseline
    service  the service path alone, timed in turn too: the validated, durable commit with its audit
             row and the running totals recomputed (what the "Entry" figure measures)
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402
from scale import big_count, extra_sheet, with_room  # noqa: E402

from countdesk.domain.model import Count  # noqa: E402
from countdesk.services.count_session import CountSession  # noqa: E402

#: The tabs, in the order the operator would visit them; the count ends on the Count tab.
TABS = ("setup", "verification", "result", "audit", "count")


class BareModel(QAbstractTableModel):
    """The least a table of sheets can be: rows of strings, one appended per confirmation."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self._rows = [[str(r * columns + c) for c in range(columns)] for r in range(rows)]
        self._columns = columns

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else self._columns

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        return None

    def append(self, row: list[str]) -> None:
        end = len(self._rows)
        self.beginInsertRows(QModelIndex(), end, end)
        self._rows.append(row)
        self.endInsertRows()


def fresh_count_file(path: Path, count: Count) -> CountSession:
    """A new count database holding `count`, open (each run starts from the same sheets)."""
    for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        old.unlink(missing_ok=True)
    session = CountSession.create(path, "Benchmark", count.election)
    session.import_count(count)
    return session


class Scale:
    """One count open in its own main window, with its bare baseline and its service path."""

    def __init__(self, work: Path, sheets: int, last_tab: str = "count") -> None:
        from countdesk.domain.incremental import IncrementalTally
        from countdesk.gui.commands import SaveSheetCommand
        from countdesk.gui.main_window import MainWindow

        self.sheets = sheets
        count = with_room(big_count(sheets=sheets))  # 2,000 boxes, 12 candidates, SV, room for more
        path = work / f"gui-entry-{sheets}.countdesk"
        fresh_count_file(path, count).close()
        window = self.window = MainWindow(operator="Benchmark")
        window.resize(1280, 820)
        window.show()
        assert window.open_count(path, operator="Benchmark", default_tab="count")
        open_count = window.current_count
        contest_id = open_count.count().contests[0].id
        for name in [*(t for t in TABS if t != last_tab), last_tab]:  # every tab built and shown once
            window.show_tab(name)
            QApplication.processEvents()

        self.bare_window = QMainWindow()
        bare_table = QTableView()
        columns = window.workspace.sheets_view.model.columnCount()
        bare_model = BareModel(sheets, columns)
        bare_table.setModel(bare_model)
        self.bare_window.setCentralWidget(bare_table)
        self.bare_window.resize(1280, 820)
        self.bare_window.show()
        bare_db = sqlite3.connect(work / f"gui-bare-{sheets}.db", isolation_level=None)
        bare_db.execute("PRAGMA journal_mode=WAL")
        bare_db.execute("PRAGMA synchronous=FULL")
        bare_db.execute("CREATE TABLE IF NOT EXISTS sheet (id INTEGER PRIMARY KEY, figures TEXT)")

        self.session = session = fresh_count_file(work / f"gui-entry-service-{sheets}.countdesk", count)
        live = IncrementalTally(count.election, session.contest(contest_id))
        live.result()
        numbers = iter(range(10**6))

        def confirm_in_app() -> None:
            open_count.push(SaveSheetCommand(open_count, contest_id, extra_sheet(count, next(numbers))))

        def bare_append() -> None:
            n = next(numbers)
            bare_db.execute("BEGIN")
            bare_db.execute("INSERT INTO sheet (figures) VALUES (?)", (str(n),))
            bare_db.execute("COMMIT")
            bare_model.append([str(n)] * columns)

        def service_only() -> None:
            sheet = extra_sheet(count, next(numbers))
            session.sheets.confirm(contest_id, sheet)
            live.save_sheet(sheet)
            live.result()

        self.sides: dict[str, Callable[[], None]] = {"app": confirm_in_app, "bare": bare_append,
                                                      "service": service_only}

    def close(self) -> None:
        self.session.close()
        self.window.close_count()


def main() -> int:
    work = Path(sys.argv[1])
    sizes = [int(n) for n in sys.argv[2].split(",")]
    samples = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 40
    profiler = None
    if "--profile" in sys.argv:
        import cProfile

        profiler = cProfile.Profile()
    from countdesk.gui.application import create_application

    app = create_application(sys.argv[:1])
    last_tab = sys.argv[sys.argv.index("--tab") + 1] if "--tab" in sys.argv else "count"
    clock = time.process_time if "--cpu" in sys.argv else time.perf_counter
    scales = [Scale(work, sheets, last_tab) for sheets in sizes]
    # Every side of every scale timed in turn, sample by sample: a busy moment on a shared machine
    # lands on all of them alike, so their ratios hold even when the machine's speed does not.
    sides = [(scale.sheets, name, run) for scale in scales for name, run in scale.sides.items()]
    times: dict[tuple[int, str], list[float]] = {(sheets, name): [] for sheets, name, _ in sides}
    warmup = 3
    plan = [(i, side) for i in range(warmup + samples) for side in sides]
    step = iter(plan)
    started = [0.0]
    current: list = [None]

    def settle(hops: int, profiling: bool) -> None:
        # Two passes of the event loop: the queued updates run in the first, what they post
        # (layout and paint requests) in the second.
        if hops:
            QTimer.singleShot(0, lambda: settle(hops - 1, profiling))
            return
        elapsed = clock() - started[0]
        if profiling:
            profiler.disable()
        i, (sheets, name, _run) = current[0]
        if i >= warmup:
            times[(sheets, name)].append(elapsed)
        QTimer.singleShot(0, next_step)

    def next_step() -> None:
        try:
            current[0] = next(step)
        except StopIteration:
            app.quit()
            return
        i, (sheets, name, run) = current[0]
        profiling = profiler is not None and name == "app" and sheets == sizes[-1] and i >= warmup
        started[0] = clock()
        if profiling:
            profiler.enable()
        run()
        settle(2, profiling)

    QTimer.singleShot(0, next_step)
    app.exec()
    for scale in scales:
        scale.close()
    if profiler is not None:
        import pstats

        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
    print(json.dumps({str(sheets): {name: statistics.median(times[(sheets, name)])
                                    for name in ("app", "bare", "service")}
                      for sheets in sizes}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

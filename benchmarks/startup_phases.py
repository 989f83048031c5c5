"""Where countdesk's start-up goes, phase by phase, for finding what to cut (the figures that
count are benchmarks/run.py's ratios to the floor). Opens COUNT (or, with --demo, a fresh demo
copy) as startup_app.py does and prints each phase's wall-clock and CPU milliseconds, the best
of --runs fresh processes (default 5), so a busy moment on a shared machine does not hide a cut.

    python benchmarks/startup_phases.py COUNT [--runs N] [--demo]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

PHASES = ("pyside", "imports", "application", "window", "open", "paint")


def _one_run() -> dict[str, tuple[float, float]]:
    """Run in the child: time each phase of one start-up."""
    marks = [(time.perf_counter(), time.process_time())]

    def mark() -> None:
        marks.append((time.perf_counter(), time.process_time()))

    from pathlib import Path

    from first_paint import run_to_first_paint
    from PySide6.QtCore import QEvent, QObject

    class PaintMark(QObject):
        """Marks the first paint event itself: the loop ends later, after the windows are closed."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                mark()
                watched.removeEventFilter(self)
            return False

    mark()
    from countdesk.gui.application import create_application
    from countdesk.gui.main_window import MainWindow
    mark()
    app = create_application(sys.argv[:1])
    mark()
    window = MainWindow(operator="Benchmark")
    mark()
    if "--demo" in sys.argv:
        window.open_demo()
        while window.workspace is None:
            app.processEvents()
    else:
        window.open_count(Path(sys.argv[1]), operator="Benchmark")
    mark()
    painted = PaintMark()
    window.installEventFilter(painted)
    run_to_first_paint(app, window)
    window.close_count()
    return {name: ((b[0] - a[0]) * 1000, (b[1] - a[1]) * 1000)
            for name, a, b in zip(PHASES, marks[:-1], marks[1:], strict=True)}


def main() -> int:
    if os.environ.get("COUNTDESK_PHASES_CHILD"):
        print(json.dumps(_one_run()))
        return 0
    args = sys.argv[1:]
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 5
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTDESK_PHASES_CHILD": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    child = [sys.executable, __file__, *[a for a in args if a not in ("--runs", str(runs))]]
    best: dict[str, list[float]] = {}
    totals = []
    for _ in range(runs + 1):  # the first warms the file cache and writes the bytecode
        proc = subprocess.run(child, capture_output=True, text=True, env=env, timeout=120, check=True)
        phases = json.loads(proc.stdout.strip().splitlines()[-1])
        totals.append(sum(wall for wall, _cpu in phases.values()))
        for name, (wall, cpu) in phases.items():
            old = best.get(name, [float("inf"), float("inf")])
            best[name] = [min(old[0], wall), min(old[1], cpu)]
    print(f"{'phase':<12} {'wall ms':>8} {'cpu ms':>8}   (best of {runs})")
    for name in PHASES:
        print(f"{name:<12} {best[name][0]:8.1f} {best[name][1]:8.1f}")
    print(f"{'total':<12} {min(totals[1:]):8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

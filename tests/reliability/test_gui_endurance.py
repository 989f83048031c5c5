"""A count night in miniature, in its own process and inside the app's real event loop: a thousand
sheets confirmed through the app's own undoable commands, one per pass of the loop, with the tabs on
screen updating, corrections by undo and redo, every tab visited, and background work coming and
going. The process must survive, no garbage collection may run off the GUI thread, and the screen
(the sheets table, the result) must equal a fresh read of the file.

Binding defects that leak a reference on each call only show after thousands of calls (PySide6 6.12
on CPython 3.11 dropped one on None per empty model answer and one on True/False per signal emitted:
gui/pyside_fixes.py); short tests never reach that many, this one does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import gc
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer

from countdesk.domain.model import Box, CountSheet, frozen_map
from countdesk.domain.tally import tally_contest
from countdesk.gui.application import create_application, create_count_from_file, demo_source
from countdesk.gui.commands import SaveSheetCommand
from countdesk.gui.main_window import MainWindow
from countdesk.gui.worker import run_in_background

SHEETS = int(sys.argv[2])
app = create_application(sys.argv[:1])
collected_on = set()
gc.callbacks.append(lambda phase, info: phase == "start" and collected_on.add(threading.current_thread().name))
path = create_count_from_file(demo_source(), Path(sys.argv[1]), "Endurance")
window = MainWindow(operator="Endurance")
window.resize(1280, 820)
window.show()
assert window.open_count(path, operator="Endurance", default_tab="result")
open_count = window.current_count
contest = open_count.count().contests[0]
# A late box holding exactly the papers of the sheets to come: the count stays reconciled, so the
# rule book takes every one of them.
late = sum(sum((n + index) % 7 for index in range(len(contest.candidate_ids))) + n % 2 for n in range(SHEETS))
open_count.session.set_up.add_box(contest.id, Box("LATE", "Late box", False, late, None))
open_count.session.verification.verify(contest.id, "LATE", late, None)
open_count.reload(contest.id)
ids = contest.candidate_ids
answers = []
tabs = ("setup", "verification", "count", "result", "audit")
expected_answers = len(range(0, SHEETS, 25))
done = [0]


def step():
    # One sheet per pass of the event loop, as the operator confirms them: the views' queued
    # updates, repaints and the background tasks' replies all run in between.
    n = done[0]
    if n == SHEETS:
        QTimer.singleShot(0, finish)
        return
    figures = {cid: (n + index) % 7 for index, cid in enumerate(ids)}
    sheet = CountSheet(f"E{n:05d}", 1, frozen_map(figures), frozen_map({"unmarked": n % 2}))
    open_count.push(SaveSheetCommand(open_count, contest.id, sheet))
    if n % 97 == 0:
        open_count.undo_stack.undo()
        open_count.undo_stack.redo()
    if n % 150 == 0:
        window.show_tab(tabs[(n // 150) % len(tabs)])
    if n % 25 == 0:
        run_in_background(lambda token, n=n: n * n, answers.append)
    done[0] += 1
    QTimer.singleShot(0, step)


def finish(waited=[0]):
    waited[0] += 1
    if len(answers) == expected_answers or waited[0] > 500:
        check()  # while the app still runs (quitting closes its windows, and the count with them)
        app.quit()
    else:
        QTimer.singleShot(10, finish)


def check():
    loaded = open_count.session.load()
    fresh = tally_contest(loaded.election, loaded.contest(contest.id))
    shown = open_count.result(contest.id)
    assert (shown.first, shown.ballot_papers_counted) == (fresh.first, fresh.ballot_papers_counted), \
        "screen and file differ"
    assert len(loaded.contest(contest.id).count_sheets) == len(contest.count_sheets) + SHEETS
    sheets_view = window.workspace.sheets_view
    rows = [sheets_view.model.sheet(r) for r in range(sheets_view.model.rowCount())]
    assert rows == list(loaded.contest(contest.id).count_sheets), "the sheets table and the file differ"
    window.show_tab("result")
    app.processEvents()
    assert window.workspace.result_view.result().first == fresh.first, "the result tab and the file differ"
    assert sorted(answers) == [n * n for n in range(0, SHEETS, 25)]
    assert collected_on <= {threading.main_thread().name}, collected_on
    window.close_count()
    print("survived", SHEETS)  # only when every check above held (an exception in a slot is printed, not raised)


QTimer.singleShot(0, step)
app.exec()
"""


def test_a_thousand_sheets_through_the_app_leave_it_standing_and_right(tmp_path):
    sheets = 1000
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "night.countdesk"), str(sheets)],
                          capture_output=True, text=True, env=env, timeout=290, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"survived {sheets}" in done.stdout, done.stderr[-3000:]

"""A count night in miniature, in its own process: a thousand sheets confirmed through the app's
own undoable commands with the tabs on screen refreshing, corrections by undo and redo, every tab
visited, and background work coming and going. The process must survive and the screen's result
must equal a fresh tally of the file.

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
import sys
from pathlib import Path

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.domain.tally import tally_contest
from countdesk.gui.application import create_application, create_count_from_file, demo_source
from countdesk.gui.commands import SaveSheetCommand
from countdesk.gui.main_window import MainWindow
from countdesk.gui.worker import run_in_background

SHEETS = int(sys.argv[2])
app = create_application(sys.argv[:1])
path = create_count_from_file(demo_source(), Path(sys.argv[1]), "Endurance")
window = MainWindow(operator="Endurance")
window.resize(1280, 820)
window.show()
assert window.open_count(path, operator="Endurance", default_tab="result")
document = window.document
contest = document.count().contests[0]
ids = contest.candidate_ids
answers = []
tabs = ("setup", "verification", "count", "result", "audit")
for n in range(SHEETS):
    figures = {cid: (n + index) % 7 for index, cid in enumerate(ids)}
    sheet = CountSheet(f"E{n:05d}", 1, frozen_map(figures), frozen_map({"unmarked": n % 2}))
    document.push(SaveSheetCommand(document, contest.id, sheet))
    if n % 10 == 0:
        app.processEvents()
    if n % 97 == 0:
        document.undo_stack.undo()
        document.undo_stack.redo()
    if n % 150 == 0:
        window.show_tab(tabs[(n // 150) % len(tabs)])
    if n % 25 == 0:
        run_in_background(lambda token, n=n: n * n, answers.append)
for _ in range(200):
    app.processEvents()
    if len(answers) == len(range(0, SHEETS, 25)):
        break
    app.thread().msleep(10)
loaded = document.session.load()
fresh = tally_contest(loaded.election, loaded.contest(contest.id))
shown = document.result(contest.id)
assert (shown.first, shown.ballot_papers_counted) == (fresh.first, fresh.ballot_papers_counted), "screen and file differ"
assert len(loaded.contest(contest.id).count_sheets) == len(contest.count_sheets) + SHEETS
assert sorted(answers) == [n * n for n in range(0, SHEETS, 25)]
window.close_count()
print("survived", SHEETS)
"""


def test_a_thousand_sheets_through_the_app_leave_it_standing_and_right(tmp_path):
    sheets = 1000
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "night.countdesk"), str(sheets)],
                          capture_output=True, text=True, env=env, timeout=290, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"survived {sheets}" in done.stdout

"""The plain-text guard on a fresh start (gui/plain_text.py): the main window's first frame is
guarded by Qt's own style-sheet rules and a filter on its labels, the application-wide filter goes
on straight after that frame, and nothing is left unguarded in between.

Each case runs in a fresh interpreter, as the app starts: the rest of the GUI tests share one
QApplication on which some earlier test has long since installed the application-wide filter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from gui_helpers import make_count_file, round_one, small_sv_contest

MARKUP = '<img src="{image}"><b>bold</b>'

FIRST_PAINT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from countdesk.gui import plain_text
from countdesk.gui.application import create_application
from countdesk.gui.main_window import MainWindow

app = create_application(sys.argv[:1])
seen = {}

def labels(window):
    return [label for label in window.findChildren(QLabel) if label.text()]

box = QMessageBox(QMessageBox.Icon.Warning, "t", sys.argv[2])  # one of Qt's own labels, before any window
box.show()
seen["message_box_plain"] = box.findChild(QLabel, "qt_msgbox_label").textFormat() == Qt.TextFormat.PlainText
box.close()

class AtFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in seen:
            shown = [label for label in labels(watched) if sys.argv[2] in label.text() and label.isVisible()]
            seen["at_paint"] = {
                "application_filter": plain_text._guard is not None,
                "markup_labels": len(shown),
                "markup_labels_plain": all(l.textFormat() == Qt.TextFormat.PlainText for l in shown),
                "long_labels_squeezable": all(l.minimumWidth() > 0 for l in shown if not l.wordWrap()),
                "window_width": watched.width(),
            }
        return False

window = MainWindow(operator="Alice Keyer")
window.resize(1000, 700)
window.open_count(Path(sys.argv[1]), operator="Alice Keyer")
watcher = AtFirstPaint()
window.installEventFilter(watcher)  # the last installed is asked first: it sees the frame as painted
window.show()
for _ in range(20):
    app.processEvents()
seen["after_paint"] = {"application_filter": plain_text._guard is not None,
                       "one_by_one_left": len(plain_text._guarded_one_by_one)}
later = QLabel(sys.argv[2])  # made after the first paint: the application-wide filter polishes it
later.show()
app.processEvents()
seen["later_label_plain"] = later.textFormat() == Qt.TextFormat.PlainText
seen["later_label_squeezable"] = later.minimumWidth() > 0
print(json.dumps(seen))
"""


def run_fresh(script: str, *args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def markup_count(tmp_path: Path) -> tuple[Path, str]:
    image = tmp_path / "x.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    payload = MARKUP.format(image=image)
    contest = small_sv_contest((round_one("T01-R1", 45, 35, 20, 0, 0),))
    first = replace(contest.candidates[0], name=f"Ann {payload} " + "Verylongname " * 20)
    contest = replace(contest, title=f"Mayor {payload}", candidates=(first, *contest.candidates[1:]))
    return make_count_file(tmp_path / "markup.countdesk", (contest,)), payload


def test_the_first_frame_is_guarded_before_the_application_wide_filter_and_it_follows_at_once(tmp_path):
    path, payload = markup_count(tmp_path)
    seen = run_fresh(FIRST_PAINT, str(path), payload)
    assert seen["message_box_plain"], "Qt's own labels are plain from the style-sheet rules alone"
    at_paint = seen["at_paint"]
    assert at_paint["application_filter"] is False  # the first frame comes before it: nothing private in Python
    assert at_paint["markup_labels"] >= 2  # the contest's title and the long name are on screen
    assert at_paint["markup_labels_plain"]
    assert at_paint["long_labels_squeezable"]  # a 300-character name cannot widen the window
    assert at_paint["window_width"] == 1000
    assert seen["after_paint"] == {"application_filter": True, "one_by_one_left": 0}
    assert seen["later_label_plain"] and seen["later_label_squeezable"]

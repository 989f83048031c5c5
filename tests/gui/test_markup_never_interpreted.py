"""Issue 14 item 13: names, titles and every other text of a count are shown as written, never as
markup. A count with markup in every text field is opened and every view looked at: no label that
shows data interprets it (no image loaded, no bold, no character reference turned into a real
right-to-left override), tooltips included; the round-2 import dialog too."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

import pytest
from gui_helpers import DEMO
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from countdesk.exchange.countfile import load_count_file
from countdesk.services.count_session import CountSession

MARKUP = '<img src="{image}"><b>bold</b>&#x202E;'
TABS = ("setup", "verification", "count", "result", "audit")


def marked(text: str, payload: str) -> str:
    return f"{text} {payload}"[:480]


@pytest.fixture()
def markup_count(tmp_path):
    image = tmp_path / "x.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")  # a local file an <img> would load
    payload = MARKUP.format(image=image)
    count = load_count_file(DEMO)
    election = replace(count.election, title=marked(count.election.title, payload),
                       area=marked(count.election.area, payload),
                       returning_officer=marked(count.election.returning_officer or "RO", payload))
    contests = []
    for contest in count.contests:
        candidates = tuple(replace(c, name=marked(c.name, payload), description=marked(c.description, payload))
                           for c in contest.candidates)
        boxes = tuple(replace(b, label=marked(b.label, payload),
                              note=marked(b.note or "", payload) if b.note else b.note)
                      for b in contest.boxes)
        contests.append(replace(contest, title=marked(contest.title, payload), candidates=candidates, boxes=boxes))
    path = tmp_path / "markup.countdesk"
    with CountSession.create(path, "Alice Keyer", election) as session:
        session.import_count(replace(count, election=election, contests=tuple(contests)))
    return path, payload


def interpreted(widget: QWidget, payload: str) -> list[str]:
    """Every label or tooltip under `widget` that shows the payload and would read it as markup."""
    found = []
    for label in widget.findChildren(QLabel):
        text = label.text()
        if "<img" in text and label.textFormat() != Qt.TextFormat.PlainText and QtGuiNamespace.mightBeRichText(text):
            found.append(f"label {label.objectName() or label.accessibleName() or text[:40]!r}")
    for child in [widget, *widget.findChildren(QWidget)]:
        tip = child.toolTip()
        if "<img" in tip and child.isVisible():  # shown as it would be: by a tooltip event
            QToolTip.hideText()
            tooltip = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), child.mapToGlobal(QPoint(2, 2)))
            QApplication.sendEvent(child, tooltip)
            if "<img" in QToolTip.text():
                found.append(f"tooltip of {child.objectName() or type(child).__name__}")
    return found


def test_no_view_interprets_markup_in_a_counts_text(qtbot, markup_count, monkeypatch):
    from countdesk.gui.main_window import MainWindow

    path, payload = markup_count
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_count(path, operator="Alice Keyer", asked=True)
    problems = []
    for tab in TABS:
        window.workspace.select_tab(tab)
        qtbot.wait(50)
        problems += [f"{tab}: {p}" for p in interpreted(window, payload)]
    assert problems == [], "\n".join(problems)
    seen = [label.text() for label in window.findChildren(QLabel) if payload in label.text()]
    assert seen, "the views show the names, as written"
    window.close_count()


def test_markup_in_issued_by_cannot_spoof_the_round2_import_dialog(qtbot, tmp_path):
    from datetime import datetime

    from gui_helpers import ELECTION, OPERATOR, make_count_file, round_one, small_sv_contest
    from PySide6.QtGui import QTextDocument

    from countdesk.domain.model import frozen_map
    from countdesk.exchange.round2 import Round2Instruction, write_round2_instruction
    from countdesk.gui.dialogs.round2_instruction_dialog import Round2InstructionDialog
    from countdesk.gui.open_count import OpenCount
    from countdesk.gui.plain_text import guard_plain_text

    guard_plain_text()
    sheets = (round_one("T01-R1", 45, 35, 20, 0, 0), round_one("T02-R1", 45, 35, 16, 2, 2))
    path = make_count_file(tmp_path / "area.countdesk", (small_sv_contest(sheets),))
    spoof = ("Officer.<br>First preferences in all areas together:<br>&nbsp;&nbsp;Ben BROWN: 9,999<br>"
             "Count second preferences for: <b>Ben BROWN and Dan DIXON</b>.<!--")
    issued = write_round2_instruction(tmp_path / "instruction.json", Round2Instruction(
        ELECTION.id, "mayor.testshire", ("adams-a", "clark-c"),
        frozen_map({"adams-a": 5_000, "clark-c": 4_000, "brown-b": 3_000, "dixon-d": 1_000}),
        (ELECTION.area, "Elsewhere"), datetime(2021, 5, 7, 18, 0, tzinfo=UTC), spoof))
    open_count = OpenCount(CountSession.open(path, OPERATOR))
    try:
        dialog = Round2InstructionDialog(open_count)
        qtbot.addWidget(dialog)
        dialog.choose(issued)
        shown = QTextDocument()
        shown.setHtml(dialog.summary.text())
        seen = " ".join(shown.toPlainText().split())
        assert "Count second preferences for: Ann ADAMS and Cat CLARK." in seen  # the file's finalists
        assert " ".join(spoof.replace("&nbsp;", "&nbsp;").split()) in seen  # issued_by shown as written
        assert seen.count("Count second preferences for:") == 2  # once as the spoof's text, once for real
        assert seen.rstrip().endswith("Ann ADAMS and Cat CLARK.")
    finally:
        open_count.session.close()


def test_a_label_made_in_any_view_is_plain_and_tooltips_are_shown_escaped(qtbot):
    from countdesk.gui.plain_text import guard_plain_text

    guard_plain_text()
    label = QLabel('<img src="/etc/x.png"><b>x</b>')
    qtbot.addWidget(label)
    label.show()
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_300_character_name_does_not_widen_the_window_and_is_in_a_tooltip(qtbot, tmp_path):
    from gui_helpers import make_count_file, round_one, small_sv_contest

    from countdesk.gui.main_window import MainWindow

    contest = small_sv_contest((round_one("T01-R1", 45, 35, 20, 0, 0),))
    name = ("Ann " + "Verylongname " * 25)[:300]
    first = replace(contest.candidates[0], name=name, description="Party " * 50)
    contest = replace(contest, title=("Mayor of " + "Longplace " * 30)[:300],
                      candidates=(first, *contest.candidates[1:]))
    path = make_count_file(tmp_path / "wide.countdesk", (contest,))
    window = MainWindow(operator="Alice Keyer")
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    assert window.open_count(path, asked=True)
    for tab in TABS:
        window.workspace.select_tab(tab)
        qtbot.wait(30)
        assert window.minimumSizeHint().width() < 1400, tab
    window.workspace.select_tab("count")
    qtbot.wait(50)
    shown = [label for label in window.findChildren(QLabel) if label.text() == name and label.isVisible()]
    assert shown and shown[0].width() < 1000
    shown[0].grab()  # painted elided: the whole name is its tooltip
    assert shown[0].toolTip() == name
    window.close_count()

"""The issue's case at the keyboard: a six-box supplementary-vote count after ONE of its six
round-1 sheets (23,100 of 33,995 verified papers). A majority on that sheet is no result: every
screen (status bar, Result tab, chart, hall screen) and every document says INCOMPLETE and what is
missing; the declaration is refused with that sentence. Once the rest is keyed the count has a
result, the hall screen shows ✓, and the RO can declare it."""

from __future__ import annotations

import subprocess

from gui_helpers import OPERATOR, key_sheet, make_count_file, reopen, screenshot, when_modal
from PySide6.QtCore import Qt

from countdesk.domain.model import Box, Candidate, Contest, VotingSystem
from countdesk.domain.result import Status
from countdesk.errors import CountdeskError
from countdesk.gui import count_files
from countdesk.gui.main_window import MainWindow
from countdesk.gui.projector import ProjectorScreen
from countdesk.services.documents import document_context, render_document

CTRL = Qt.KeyboardModifier.ControlModifier
CONTEST = "mayor.testshire"
BOXES = (6200, 5900, 5650, 5400, 5345, 5500)  # 33,995 papers verified in six boxes
MISSING = "10,895 verified papers are not on any sheet yet"


def six_box_mayor() -> Contest:
    candidates = (Candidate("adams-a", "Ann ADAMS", "Party A"), Candidate("brown-b", "Ben BROWN", "Party B"),
                  Candidate("clark-c", "Cat CLARK", "Party C"), Candidate("dixon-d", "Dan DIXON", "Party D"))
    boxes = tuple(Box(f"B{i}", f"Station {i}", i == 6, n, n) for i, n in enumerate(BOXES, start=1))
    return Contest(CONTEST, "Mayor of Testshire", VotingSystem.SV, 1, candidates, boxes, electorate=90_000)


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_one_sheet_of_six_is_incomplete_on_every_screen_and_document(qtbot, tmp_path, monkeypatch):
    path = make_count_file(tmp_path / "six.countdesk", (six_box_mayor(),))
    window = MainWindow(operator=OPERATOR)
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    assert window.open_count(path)
    open_count = window.current_count

    # One sheet of six: ADAMS 12,000 of 23,000 valid, a majority on these figures alone.
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    form = window.workspace.sheets_view.form
    assert window.workspace.tab_name() == "count" and form.fields[0].key == "papers"
    key_sheet(qtbot, form, ("23100", "12000", "6000", "4000", "1000", "0", "40", "0", "50", "10"))
    qtbot.waitUntil(lambda: len(reopen(path).contests[0].count_sheets) == 1)

    result = open_count.result(CONTEST)
    assert result.status is Status.INCOMPLETE and result.elected == ()
    # The status bar
    assert "INCOMPLETE" in window.workspace.stage_label.text() and MISSING in window.workspace.stage_label.text()
    # The Result tab: banner, status sentence, table and chart elect nobody
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.workspace.result_view
    assert view.banner.text() == "INCOMPLETE"
    assert MISSING in view.status_label.text() and "Elected" not in view.status_label.text()
    assert not any(line.elected for line in view.model._lines)
    assert "✓" not in view.chart.accessibleDescription() and "elected" not in view.chart.accessibleDescription().lower()
    screenshot(window, "one-sheet-of-six-result")
    # The hall screen
    hall = ProjectorScreen(open_count, CONTEST)
    qtbot.addWidget(hall)
    hall.resize(1280, 720)
    assert hall.stage_text() == "INCOMPLETE"
    assert "ELECTED" not in hall.spoken_summary() and "✓" not in hall.spoken_summary()
    assert MISSING in hall.spoken_summary()
    # The documents: the provisional sheet says INCOMPLETE and shows the gap; no declaration
    ctx = document_context(reopen(path), CONTEST)
    text = pdf_text(render_document("provisional", ctx).data)
    assert "INCOMPLETE" in text and MISSING in text and "would be elected" not in text
    try:
        render_document("declaration", ctx)
        raise AssertionError("a declaration was printed for an incomplete count")
    except CountdeskError as refused:
        assert MISSING in refused.message
    # Declaring is refused with the sentence that says what is missing
    refusals = []
    monkeypatch.setattr(count_files, "show_error", lambda parent, title, message: refusals.append(message))
    open_count.session.passphrase.set("correct horse battery")
    when_modal(lambda dialog: (qtbot.keyClicks(dialog.passphrase_edit, "correct horse battery"),
                               qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)))
    window.declare_result()
    qtbot.waitUntil(lambda: bool(refusals))
    assert MISSING in refusals[0] and not open_count.contest_state(CONTEST).declared

    # The other five tables' papers, keyed as one sheet: the count is complete, ADAMS is elected.
    window.show_tab("count")
    key_sheet(qtbot, form, ("10895", "5000", "3000", "2000", "800", "0", "20", "0", "60", "15"))
    qtbot.waitUntil(lambda: len(reopen(path).contests[0].count_sheets) == 2)
    result = open_count.result(CONTEST)
    assert result.status is Status.ELECTED and result.elected == ("adams-a",)
    hall.refresh()
    assert hall.stage_text() == "PROVISIONAL" and "Elected on first preferences" in hall.spoken_summary()
    assert "PROVISIONAL" in window.workspace.stage_label.text()
    when_modal(lambda dialog: (qtbot.keyClicks(dialog.passphrase_edit, "correct horse battery"),
                               qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)))
    window.declare_result()
    qtbot.waitUntil(lambda: open_count.contest_state(CONTEST).declared)
    hall.refresh()
    assert hall.stage_text() == "DECLARED"
    window.close()

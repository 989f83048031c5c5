"""An area count whose round-2 instruction is lost shows the problem, never a result counted for its
own finalists, and shows the instructed result again once the file is imported anew. (An older
countdesk kept the instruction in a file beside the count file; one lost before the upgrade that
moves it into the count is recorded lost: round2_older_counts.)

The area's own first preferences (ADAMS 90, BROWN 70, CLARK 36, DIXON 2) would make ADAMS and
BROWN the finalists; the collating officer instructs ADAMS and CLARK. Round 2 re-examines the
papers of BROWN and DIXON (72): ADAMS 30, CLARK 22, non-transferable 20, so ADAMS 120, CLARK 58.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from gui_helpers import ELECTION, OPERATOR, make_count_file, round_one, small_sv_contest, when_modal
from round2_older_counts import as_written_before_m0006

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.exchange.round2 import Round2Instruction, write_round2_instruction
from countdesk.gui.dialogs.round2_instruction_dialog import Round2InstructionDialog
from countdesk.gui.main_window import MainWindow
from countdesk.gui.projector import UNAVAILABLE, ProjectorScreen
from countdesk.gui.widgets.result_view import PROBLEM_STYLE
from countdesk.services.count_session import CountSession
from countdesk.services.round2_area import IMPORT_ACTION, import_round2_instruction

CONTEST = "mayor.testshire"
#: Ballot order; first preferences of 198 valid; round 2 for ADAMS and CLARK only (BROWN, though
#: second on this area's own figures, is excluded).
INSTRUCTED_ROWS = [
    ("Ann ADAMS", "Party A", "90", "45.45 %", "30", "120", "Elected"),
    ("Ben BROWN", "Party B", "70", "35.35 %", "", "", ""),
    ("Cat CLARK", "Party C", "36", "18.18 %", "22", "58", "Finalist"),
    ("Dan DIXON", "Party D", "2", "1.01 %", "", "", ""),
]


@pytest.fixture
def area(tmp_path):
    """The area count with the instruction imported and its round-2 sheet entered; the issued file."""
    sheets = (round_one("T01-R1", 45, 35, 20, 0, 0), round_one("T02-R1", 45, 35, 16, 2, 2))
    path = make_count_file(tmp_path / "area.countdesk", (small_sv_contest(sheets),))
    instruction = Round2Instruction(
        ELECTION.id, CONTEST, ("adams-a", "clark-c"),
        frozen_map({"adams-a": 5_000, "clark-c": 4_000, "brown-b": 3_000, "dixon-d": 1_000}),
        (ELECTION.area, "Elsewhere"), datetime(2021, 5, 7, 18, 0, tzinfo=UTC),
        "Combined Authority Returning Officer")
    issued = write_round2_instruction(tmp_path / "instruction.json", instruction)
    with CountSession.open(path, OPERATOR) as session:
        import_round2_instruction(session, issued)
        session.sheets.confirm(CONTEST, CountSheet("T01-R2", 2, frozen_map({"adams-a": 30, "clark-c": 22}),
                                               non_transferable=20))
    return path, issued


@pytest.fixture
def window(qtbot):
    main = MainWindow(operator=OPERATOR)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    yield main
    main.close_count()


def rows(view) -> list[tuple[str, ...]]:
    model = view.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_a_lost_instruction_is_shown_as_the_problem_and_a_re_import_brings_the_result_back(qtbot, window, area):
    path, issued = area
    assert window.open_count(path)
    window.show_tab("result")
    view = window.workspace.result_view
    assert rows(view) == INSTRUCTED_ROWS

    window.close_count()
    as_written_before_m0006(path, CONTEST, None)
    assert window.open_count(path)
    window.show_tab("result")
    view = window.workspace.result_view
    assert view.title_label.text() == "Mayor of Testshire"
    status = view.status_label.text()
    assert status.startswith(f"The result cannot be shown: the round-2 instruction for contest {CONTEST} is missing")
    assert status.endswith("import the instruction file again")
    assert view.status_label.styleSheet() == PROBLEM_STYLE
    assert rows(view) == [] and view.chart.bars() == () and view.papers.labels() == []
    assert not view.banner.isVisibleTo(view) and not view.lot_button.isVisibleTo(view)
    assert "the result cannot be counted" in window.workspace.stage_label.text()

    window.show_tab("count")
    sheets = window.workspace.sheets_view
    assert not sheets.round2_button.isEnabled() and sheets.current_round() == 1
    assert sheets.round_hint.text().startswith(
        f"Round 2 cannot be entered: the round-2 instruction for contest {CONTEST} is missing")
    sheets.table.selectRow(sheets.model.row_of("T01-R2"))
    with qtbot.waitSignal(sheets.status_message) as refusal:
        sheets.correct_selected()  # a round-2 sheet cannot be corrected without its finalists
    assert refusal.args == [sheets.round_hint.text()] and sheets.form.editing is None and sheets.form.round == 1
    projector = ProjectorScreen(window.current_count, CONTEST)
    qtbot.addWidget(projector)
    assert projector.spoken_summary() == f"Mayor of Testshire. {UNAVAILABLE}"
    projector.grab()  # paints the title and the sentence, no figures

    said = []
    when_modal(lambda box: (said.append((box.text(), box.informativeText())), box.accept()))
    window.declare_result()  # refused before any passphrase is asked
    assert said == [("The result cannot be declared", sheets.round_hint.text().removeprefix("Round 2 cannot be "
                                                                                              "entered: "))]
    assert not window.current_count.session.contest_state(CONTEST).declared

    def import_again(dialog: Round2InstructionDialog) -> None:
        assert "is missing" in dialog.current.text() and dialog.current.property("role") == "fieldError"
        dialog.choose(issued)
        assert dialog.reason_edit.isHidden()  # the very file the trail records: no reason asked
        dialog.accept()

    when_modal(import_again)
    window.import_round2_instruction()
    stored = window.current_count.session.instructions.stored(CONTEST)
    assert stored.content.encode("utf-8") == issued.read_bytes()
    last = window.current_count.session.audit_rows(action=IMPORT_ACTION)[-1]
    assert last.after["found"] == "missing"
    assert sheets.round2_button.isEnabled() and "between Ann ADAMS and Cat CLARK" in sheets.round_hint.text()
    assert "Ann ADAMS" in projector.spoken_summary()

    window.show_tab("result")
    view = window.workspace.result_view
    assert rows(view) == INSTRUCTED_ROWS
    assert view.status_label.styleSheet() != PROBLEM_STYLE and "Ann ADAMS" in view.status_label.text()
    assert view.papers.value("Non-transferable papers (second round)") == "20"

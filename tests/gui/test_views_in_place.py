"""The views update the rows that changed: a confirmed, corrected, deleted or undone sheet, a box
verified, a new audit entry, each reaches its table as rows inserted, changed or removed, never as a
reset of the whole model; the tabs not on screen catch up when shown; and afterwards what is on
screen equals a fresh read of the file (issue 15: confirming a sheet stays flat at thousands)."""

from __future__ import annotations

from gui_helpers import OPERATOR as KEYER
from gui_helpers import Signals, demo_open_count, make_count_file, round_one, small_sv_contest
from PySide6.QtCore import QObject

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.domain.tally import tally_contest
from countdesk.gui.commands import DeleteSheetCommand, SaveSheetCommand
from countdesk.gui.main_window import MainWindow
from countdesk.gui.models.audit_model import ACTION, OPERATOR, AuditModel
from countdesk.gui.models.row_changes import RowChanges
from countdesk.gui.models.sheets_model import SheetsModel
from countdesk.gui.models.verification_model import VerificationModel
from countdesk.gui.refresh import is_stale
from countdesk.gui.setup_commands import VerifyBoxCommand
from countdesk.gui.widgets.sheet_totals import SheetTotalsModel

LIVERPOOL = "mayor.liverpool.2021-05-06"
CONTEST = "mayor.testshire"


def sheet(sheet_id: str, n: int) -> CountSheet:
    return CountSheet(sheet_id, 1, frozen_map({"adams-a": n, "brown-b": 2, "clark-c": 1, "dixon-d": 0}),
                      frozen_map({"unmarked": 1}))


def settle(qtbot) -> None:
    qtbot.wait(1)  # the models follow the open count through queued connections


def test_sheets_model_applies_each_change_in_place_and_equals_the_file(qtbot, qtmodeltester, tmp_path,
                                                                      open_counts):
    path = make_count_file(tmp_path / "count.countdesk",
                           (small_sv_contest((round_one("T01", 40, 30, 20, 10), round_one("T02", 10, 10, 10, 10))),))
    from gui_helpers import open_count_file

    open_count = open_count_file(path, open_counts)
    open_count.result(CONTEST)  # the running totals exist, as they do once any tab has shown the count
    model = SheetsModel(open_count)
    model.set_contest(CONTEST)
    qtmodeltester.check(model, force_py=False)  # Qt's own tester stays attached and checks every signal
    totals = SheetTotalsModel(model)
    signals = Signals(model)

    open_count.push(SaveSheetCommand(open_count, CONTEST, sheet("T03", 5)))
    settle(qtbot)
    assert signals.seen == [("rowsInserted", 2, 2)]
    signals.clear()
    open_count.push(SaveSheetCommand(open_count, CONTEST, sheet("T01", 7), reason="miskeyed"))
    settle(qtbot)
    assert signals.seen == [("dataChanged", 0, 0)]
    signals.clear()
    open_count.push(DeleteSheetCommand(open_count, CONTEST, "T02", "entered twice"))
    settle(qtbot)
    assert signals.seen == [("rowsRemoved", 1, 1)]
    signals.clear()
    open_count.undo_stack.undo()  # the deleted sheet comes back, last (the store's order)
    open_count.undo_stack.undo()  # the correction undone
    settle(qtbot)
    assert "modelReset" not in signals.names() and signals.names()
    assert set(signals.names()) <= {"rowsInserted", "rowsRemoved", "dataChanged"}

    stored = open_count.session.load().contest(CONTEST).count_sheets
    assert [model.sheet(row) for row in range(model.rowCount())] == list(stored)
    fresh = SheetTotalsModel(model)  # added up from scratch
    for header in ("ADAMS", "BROWN", "Rejected", "Papers"):
        assert totals.total(1, header) == fresh.total(1, header) != ""
    result = tally_contest(open_count.count().election, open_count.session.load().contest(CONTEST))
    assert totals.total(1, "ADAMS") == f"{result.first['adams-a']:,}"


def test_a_verified_box_changes_its_row_only(qtbot, qtmodeltester, tmp_path, open_counts):
    open_count = demo_open_count(tmp_path, open_counts)
    model = VerificationModel(open_count)
    model.set_contest(LIVERPOOL)
    qtmodeltester.check(model, force_py=False)
    box = model.box(5)
    signals = Signals(model)
    open_count.push(VerifyBoxCommand(open_count, LIVERPOOL, box.id, (box.verified or 0) + 1, "recounted: one more",
                                     reason="recount"))
    settle(qtbot)
    assert signals.seen == [("dataChanged", 5, 5)]
    assert model.box(5).verified == (box.verified or 0) + 1
    assert [model.box(r) for r in range(model.rowCount())] == list(open_count.session.load().contest(LIVERPOOL).boxes)


def test_a_confirmed_sheet_leaves_the_boxes_tables_alone(qtbot, tmp_path, open_counts):
    open_count = demo_open_count(tmp_path, open_counts)
    open_count.result(LIVERPOOL)
    model = VerificationModel(open_count)
    model.set_contest(LIVERPOOL)
    signals = Signals(model)
    ids = open_count.contest(LIVERPOOL).candidate_ids
    late = CountSheet("EXTRA", 1, frozen_map(dict.fromkeys(ids, 0)), frozen_map({}))  # empty: the count stays whole
    open_count.push(SaveSheetCommand(open_count, LIVERPOOL, late))
    settle(qtbot)
    assert signals.seen == []


def test_row_changes_fall_back_to_a_reset_only_when_rows_are_reordered():
    a, b, c = (round_one(i, 1, 1, 1, 1) for i in ("A", "B", "C"))
    assert RowChanges((a, b, c), (a, b, c)).none
    moved = RowChanges((a, b, c), (c, a, b))
    assert not moved.possible
    both = RowChanges((a, b, c), (a, round_one("B", 2, 1, 1, 1), round_one("D", 1, 1, 1, 1)))
    assert (both.removed, both.inserted, both.changed) == ([2], [2], [1])
    appended = RowChanges((a, b), (a, b, c))
    assert (appended.removed, appended.inserted, appended.changed) == ([], [2], [])
    corrected = RowChanges((a, b, c), (a, round_one("B", 9, 1, 1, 1), c))
    assert (corrected.removed, corrected.inserted, corrected.changed) == ([], [], [1])
    reread = RowChanges((a, b, c), (a, round_one("B", 1, 1, 1, 1), c))  # read again, the same figures
    assert reread.none
    swapped = RowChanges((a, b, c), (a, c, round_one("D", 1, 1, 1, 1)))
    assert (swapped.removed, swapped.inserted, swapped.changed) == ([1], [2], [])


def test_audit_entries_are_appended_and_the_filter_choices_grow(qtbot, qtmodeltester, tmp_path, open_counts):
    from countdesk.gui.widgets.audit_view import AuditView

    open_count = demo_open_count(tmp_path, open_counts)
    view = AuditView(open_count)
    qtbot.addWidget(view)
    qtmodeltester.check(view.proxy, force_py=False)
    signals = Signals(view.model)
    before = view.model.rowCount()
    operators = [view.operator_filter.itemText(i) for i in range(view.operator_filter.count())]
    assert "Bea Second" not in operators
    view.set_filters(operator=KEYER)
    open_count.change_operator("Bea Second")
    ids = open_count.contest(LIVERPOOL).candidate_ids
    late = CountSheet("EXTRA", 1, frozen_map(dict.fromkeys(ids, 0)), frozen_map({}))  # empty: the count stays whole
    open_count.push(SaveSheetCommand(open_count, LIVERPOOL, late))
    settle(qtbot)
    assert "modelReset" not in signals.names() and "rowsInserted" in signals.names()
    assert view.model.rowCount() > before
    choices = [view.operator_filter.itemText(i) for i in range(view.operator_filter.count())]
    assert choices == ["All operators", *sorted({KEYER, "Bea Second", *operators[1:]})]
    assert view.operator_filter.currentData() == KEYER  # the chosen filter stays
    fresh = AuditModel(open_count)  # the choices a fresh read of the trail offers
    offered = [view.operator_filter.itemData(i) for i in range(1, view.operator_filter.count())]
    assert fresh.distinct(OPERATOR) == offered
    actions = [view.action_filter.itemData(i) for i in range(view.action_filter.count())]
    assert actions[-len(fresh.distinct(ACTION)):] == fresh.distinct(ACTION)


def test_tabs_not_on_screen_catch_up_when_shown(qtbot, tmp_path):
    path = make_count_file(tmp_path / "count.countdesk", (small_sv_contest((round_one("T01", 40, 30, 20, 10),)),))
    window = MainWindow(operator=KEYER)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    assert window.open_count(path, operator=KEYER, default_tab="result")
    workspace, open_count = window.workspace, window.current_count
    result_view = workspace.result_view
    workspace.select_tab("count")
    qtbot.waitUntil(lambda: workspace.sheets_view.isVisible())
    refreshed = []
    original = result_view.refresh
    result_view.refresh = lambda: (refreshed.append(1), original())[1]
    open_count.push(SaveSheetCommand(open_count, CONTEST, sheet("T02", 50)))
    settle(qtbot)
    assert refreshed == [] and is_stale(result_view)  # not on screen: not redrawn
    assert workspace.sheets_view.model.rowCount() == 2  # on screen: shown at once
    workspace.select_tab("result")
    qtbot.waitUntil(lambda: refreshed == [1])
    assert not is_stale(result_view)
    fresh = tally_contest(open_count.count().election, open_count.session.load().contest(CONTEST))
    assert result_view.result().first == fresh.first
    window.close_count()


def test_a_hidden_view_catches_up_once_per_contest_in_order_when_shown(qtbot):
    """What a view missed while hidden is replayed once per contest, in the order it happened, when
    it is shown, also when Python keeps no reference to the view (it lives in a page of a stack)
    and a collection has run; once on screen, a change reaches it at once."""
    import gc

    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from countdesk.gui.refresh import refresh_when_shown

    class Source(QObject):
        changed = Signal(str)

    source, seen = Source(), []
    pages = QStackedWidget()
    qtbot.addWidget(pages)
    pages.addWidget(QWidget())
    view = QWidget()
    pages.addWidget(view)
    refresh_when_shown(view, source.changed, seen.append)
    with qtbot.waitExposed(pages):
        pages.show()
    del view
    gc.collect()
    source.changed.emit("c1")
    source.changed.emit("c2")
    source.changed.emit("c1")
    assert seen == []  # not on screen
    pages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: seen == ["c1", "c2"])
    source.changed.emit("")  # on screen now: at once
    assert seen == ["c1", "c2", ""]


def test_the_result_table_changes_the_figures_in_place(qtmodeltester):
    from gui_helpers import ELECTION

    from countdesk.gui.models.result_model import ResultTableModel

    before = small_sv_contest((round_one("T01", 40, 30, 20, 10),))
    after = small_sv_contest((round_one("T01", 40, 30, 20, 10), round_one("T02", 5, 0, 0, 0)))
    model = ResultTableModel()
    model.set_result(before, tally_contest(ELECTION, before))
    qtmodeltester.check(model, force_py=False)
    signals = Signals(model)
    model.set_result(after, tally_contest(ELECTION, after))
    assert signals.names() == ["dataChanged"]
    assert model.line(0).first == 45 and model.line(1).first == 30
    signals.clear()
    model.set_result(after, tally_contest(ELECTION, after))  # the same figures again: nothing to say
    assert signals.seen == []
    model.set_result(None, None)  # no contest: the rows go
    assert signals.names() == ["modelReset"] and model.rowCount() == 0


def test_table_fonts_are_made_once_per_app_font(qapp):
    from PySide6.QtGui import QFont

    from countdesk.gui.appearance import apply_appearance, table_figure_font

    original = QFont(qapp.font())
    font = table_figure_font()
    assert table_figure_font() is font and table_figure_font(bold=True).bold()
    try:
        apply_appearance(qapp, 150)  # the operator makes the text larger: the cells follow
        larger = table_figure_font()
        assert larger is not font and larger.pointSizeF() > font.pointSizeF()
    finally:
        qapp.setFont(original)
        apply_appearance(qapp)  # as it was (the scale applies to the font it finds)
    assert table_figure_font().pointSizeF() == font.pointSizeF()


def test_the_result_figures_change_in_their_labels(qtbot):
    from PySide6.QtWidgets import QLabel

    from countdesk.gui.widgets.result_view import FigureGrid

    grid = FigureGrid("Ballot papers")
    qtbot.addWidget(grid)
    grid.set_rows([("Ballot papers counted", "1,000"), ("Rejected ballot papers", "12")])
    labels = grid.findChildren(QLabel)
    grid.set_rows([("Ballot papers counted", "1,045"), ("Rejected ballot papers", "12")])
    assert grid.findChildren(QLabel) == labels  # the same widgets, not made again
    assert grid.value("Ballot papers counted") == "1,045"
    assert grid._values["Ballot papers counted"].accessibleName() == "Ballot papers counted: 1,045"
    grid.set_rows([("Electorate", "5,000")])  # other lines: laid out again
    qtbot.waitUntil(lambda: len(grid.findChildren(QLabel)) == 2)
    assert grid.labels() == ["Electorate"]


def test_the_totals_row_measures_a_column_only_when_its_total_grows_a_digit(qtbot, tmp_path, open_counts):
    from gui_helpers import open_count_file

    from countdesk.gui.widgets.sheets_view import SheetsView

    path = make_count_file(tmp_path / "count.countdesk", (small_sv_contest((round_one("T01", 20, 15, 10, 5),)),))
    open_count = open_count_file(path, open_counts)
    view = SheetsView(open_count)
    qtbot.addWidget(view)
    view.set_contest(CONTEST)
    with qtbot.waitExposed(view):
        view.show()
    totals = view.totals
    measured = []
    original = totals.sizeHintForColumn
    totals.sizeHintForColumn = lambda column: (measured.append(column), original(column))[1]
    adams = view.model.headers().index("ADAMS")
    open_count.push(SaveSheetCommand(open_count, CONTEST, round_one("T02", 9, 1, 1, 1)))  # ADAMS 29, 62 papers
    settle(qtbot)
    assert measured == [] and totals.totals.total(1, "ADAMS") == "29"
    open_count.push(SaveSheetCommand(open_count, CONTEST, round_one("T03", 80, 1, 1, 1)))  # ADAMS 109: three digits
    settle(qtbot)
    assert adams in measured and totals.totals.total(1, "ADAMS") == "109"
    assert view.table.columnWidth(adams) >= original(adams)  # the grown total is never cut


def test_the_result_cells_are_made_when_filled_and_change_in_place(qtbot):
    """Qt answers the Result table's cells from items made once per fill (no Python data() asked
    eight roles a cell at every paint); a new result rewrites the rows that moved, every role of
    them, in place: the elected's bold and tint move with the lot of votes, a held index survives."""
    from gui_helpers import ELECTION
    from PySide6.QtCore import QPersistentModelIndex, Qt
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from countdesk.gui.models.result_model import CANDIDATE_ID_ROLE, ResultTableModel

    assert "data" not in vars(ResultTableModel) and ResultTableModel.data is QStandardItemModel.data
    adams_wins = small_sv_contest((round_one("T01", 60, 20, 10, 10), round_one("T02", 60, 20, 10, 10)))
    brown_wins = small_sv_contest((round_one("T01", 20, 60, 10, 10), round_one("T02", 20, 60, 10, 10)))
    table = QTableView()
    qtbot.addWidget(table)
    model = ResultTableModel(table)
    table.setModel(model)
    model.set_result(adams_wins, tally_contest(ELECTION, adams_wins))
    votes = model.column_keys().index("first")
    held = QPersistentModelIndex(model.index(0, votes))
    signals = Signals(model)

    model.set_result(brown_wins, tally_contest(ELECTION, brown_wins))

    assert signals.seen == [("dataChanged", 0, 1)]  # Adams and Brown moved; Clark and Dixon did not
    assert held.isValid() and held.data() == "40" and model.index(1, votes).data() == "120"
    adams, brown = model.index(0, votes), model.index(1, votes)
    assert not adams.data(Qt.ItemDataRole.FontRole).bold() and adams.data(Qt.ItemDataRole.BackgroundRole) is None
    assert brown.data(Qt.ItemDataRole.FontRole).bold() and brown.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert adams.data(Qt.ItemDataRole.ToolTipRole) == adams.data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Ann ADAMS, first preferences: 40"
    assert brown.data(CANDIDATE_ID_ROLE) == "brown-b"
    assert not model.flags(brown) & Qt.ItemFlag.ItemIsEditable and not model.flags(model.index(-1, -1))

"""The Result tab over published counts: Liverpool 2021 (SV with a second round) and the Liverpool
City Region 2021 collated (elected on first preferences), plus counts caught half-way."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from result_fixtures import (
    GOLDEN,
    LCR,
    LIVERPOOL,
    fptp_last_seat_tie_count,
    lcr_collated_count,
    liverpool_count,
    load_count,
    make_open_count,
    screenshot,
    sv_final_tie_count,
    sv_waiting_for_round_two_count,
)

from countdesk.domain.checks import CHECKS
from countdesk.gui.models.result_model import CANDIDATE_ID_ROLE, TRANSFERRED_LABEL, ResultTableModel, short_names
from countdesk.gui.widgets.result_chart import nice_scale
from countdesk.gui.widgets.result_view import ResultView


def open_view(qtbot, count, contest_id: str, size=(1400, 900)) -> ResultView:
    open_count = make_open_count(count)
    view = ResultView(open_count)
    qtbot.addWidget(view)
    view.set_contest(contest_id)
    view.resize(*size)
    with qtbot.waitExposed(view):
        view.show()
    return view


def table_rows(view: ResultView) -> dict[str, dict[str, str]]:
    """Each candidate's cells keyed by column header (one line), as the table displays them."""
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ")
               for c in range(model.columnCount())]
    rows = {}
    for row in range(model.rowCount()):
        cells = {headers[c]: model.data(model.index(row, c)) for c in range(model.columnCount())}
        rows[cells["Candidate"]] = cells
    return rows


def test_liverpool_shows_the_published_result_as_provisional(qtbot):
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    screenshot(view, "result-liverpool")
    rows = table_rows(view)
    anderson, yip = rows["Joanne ANDERSON"], rows["Stephen YIP"]
    # Published: Anderson 38,958 first + 7,535 = 46,493; Yip 22,047 + 10,032 = 32,079.
    assert (anderson["First preferences"], anderson[TRANSFERRED_LABEL], anderson["Total"]) == (
        "38,958", "7,535", "46,493")
    assert (yip["First preferences"], yip[TRANSFERRED_LABEL], yip["Total"]) == ("22,047", "10,032", "32,079")
    assert anderson["Result"] == "Elected" and yip["Result"] == "Finalist"
    # Excluded candidates have no second-round figures.
    assert rows["Richard KEMP"][TRANSFERRED_LABEL] == "" and rows["Richard KEMP"]["Total"] == ""
    # 38,958 of 101,173 valid first preferences = 38.506…%
    assert anderson["Share of valid votes"] == "38.51 %"
    assert view.banner.text() == "PROVISIONAL"
    status = view.status_label.text()
    assert "Joanne ANDERSON" in status and "Stephen YIP" in status and "46,493" in status
    assert not view.lot_button.isVisible()


def test_liverpool_ballot_paper_figures_and_turnout(qtbot):
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    assert view.papers.value("Ballot papers verified") == "102,600"
    assert view.papers.value("Rejected ballot papers") == "1,427"
    assert view.papers.value("Non-transferable papers (second round)") == "22,601"
    assert view.papers.value("Electorate") == "336,283"
    # 102,600 ÷ 336,283 = 30.5100…%
    assert view.papers.value("Turnout (papers verified ÷ electorate)") == "30.51 %"
    assert view.rejected.value("Total rejected") == "1,427"
    heads = [view.rejected.value(label) for label in view.rejected.labels()[:5]]
    assert sum(int(h.replace(",", "")) for h in heads) == 1427


def test_figures_are_right_aligned_in_tabular_digits(qtbot):
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    model = view.model
    keys = model.column_keys()
    for key in ("first", "share", "transferred", "total"):
        index = model.index(0, keys.index(key))
        alignment = Qt.AlignmentFlag(model.data(index, Qt.ItemDataRole.TextAlignmentRole))
        assert alignment & Qt.AlignmentFlag.AlignRight, key
        font: QFont = model.data(index, Qt.ItemDataRole.FontRole)
        assert font.featureValue(QFont.Tag("tnum")) == 1, key
    name = model.index(0, keys.index("name"))
    assert Qt.AlignmentFlag(model.data(name, Qt.ItemDataRole.TextAlignmentRole)) & Qt.AlignmentFlag.AlignLeft
    assert model.data(name, CANDIDATE_ID_ROLE) == "anderson-j"


@pytest.mark.parametrize("count", [liverpool_count, lcr_collated_count, sv_final_tie_count])
def test_the_table_model_passes_the_model_tester(qtmodeltester, count):
    open_count = make_open_count(count())
    contest_id = open_count.contest_ids()[0]
    model = ResultTableModel()  # owned by the test: the tester disconnects after teardown
    model.set_result(open_count.contest(contest_id), open_count.result(contest_id))
    qtmodeltester.check(model, force_py=True)
    contest = open_count.contest(contest_id)
    assert model.rowCount() == len(contest.candidates)  # one row per candidate, in ballot order
    model.set_result(None, None)
    assert model.rowCount() == 0
    model.set_result(contest, open_count.result(contest_id))
    assert model.rowCount() == len(contest.candidates)


def test_lcr_collated_is_elected_on_first_preferences_with_no_second_round(qtbot):
    view = open_view(qtbot, lcr_collated_count(), LCR)
    screenshot(view, "result-lcr-collated")
    rows = table_rows(view)
    assert TRANSFERRED_LABEL not in next(iter(rows.values()))
    assert "Total" not in next(iter(rows.values()))
    rotheram = rows["Steve ROTHERAM"]
    assert rotheram["First preferences"] == "198,736" and rotheram["Result"] == "Elected"
    # 198,736 of 340,698 valid = 58.332…%: more than half, so no second round.
    assert rotheram["Share of valid votes"] == "58.33 %"
    assert view.papers.value("Valid first preferences") == "340,698"
    assert "first preferences" in view.status_label.text() and "No second round" in view.status_label.text()
    assert view.chart.series_labels() == ("First preferences",) and view.chart.legend() == ()


def test_waiting_for_round_two_names_the_finalists(qtbot):
    view = open_view(qtbot, sv_waiting_for_round_two_count(), LIVERPOOL)
    status = view.status_label.text()
    assert status.startswith("Incomplete")
    assert "waiting for round-2 sheets" in status.lower()
    assert "Joanne ANDERSON and Stephen YIP" in status
    rows = table_rows(view)
    assert rows["Joanne ANDERSON"]["Result"] == "Finalist" and rows["Stephen YIP"]["Result"] == "Finalist"
    assert rows["Richard KEMP"]["Result"] == ""
    assert TRANSFERRED_LABEL not in rows["Joanne ANDERSON"]


def test_a_tie_for_second_place_sends_three_finalists_and_the_view_names_them(qtbot):
    # a 40, b 25, c 25, d 20: b and c tie for second, so all three remain (no lot at this stage).
    view = open_view(qtbot, sv_final_tie_count(), "mayor.testshire.2021-05-06")
    assert "Ann ASHE, Bryn BEVAN and Cai CADWALADR" in view.status_label.text()
    rows = table_rows(view)
    assert rows["Cai CADWALADR"]["Result"] == "Finalist" and rows["Cai CADWALADR"]["Total"] == "28"
    assert rows["Dee DAVIES"]["Result"] == ""


def test_fptp_shows_votes_and_the_candidates_elected_so_far(qtbot):
    view = open_view(qtbot, fptp_last_seat_tie_count(), "local.testshire.north.2022-05-05")
    rows = table_rows(view)
    assert "Votes" in next(iter(rows.values())) and "First preferences" not in next(iter(rows.values()))
    assert rows["Aled ap IORWERTH"]["Votes"] == "100" and rows["Aled ap IORWERTH"]["Result"] == "Elected"
    # Three seats, papers with a valid vote: 155; 100 / 155 = 64.516…%
    assert rows["Aled ap IORWERTH"]["Share of valid votes"] == "64.52 %"
    assert view.papers.value("Papers with a valid vote") == "155"
    assert view.rejected.value("Rejected in part (valid votes counted)") == "1"
    assert "Aled ap IORWERTH and Siân O'BRIEN" in view.status_label.text()


def test_the_chart_stacks_first_preferences_and_transfers_for_finalists(qtbot):
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    assert view.chart.legend() == ("First preferences", TRANSFERRED_LABEL)
    bars = view.chart.bars()
    # Top to bottom in ballot-paper order: Anderson first, Yip last.
    assert (bars[0].first, bars[0].transferred) == (38958, 7535) and bars[0].length == 46493
    assert (bars[-1].first, bars[-1].transferred) == (22047, 10032) and bars[-1].length == 32079
    assert bars[4].label.startswith("KEMP") and bars[4].transferred == 0  # excluded: nothing transferred
    assert "Joanne ANDERSON 46,493" in view.chart.accessibleDescription()


@pytest.mark.parametrize(("value", "scale"), [
    (46493, (10000, 5)), (40, (10, 5)), (198736, (50000, 5)), (0, (1, 1)),
])
def test_the_value_axis_uses_round_steps_just_past_the_longest_bar(value, scale):
    step, steps = nice_scale(value)
    assert (step, steps) == scale
    assert step * steps > value and step * (steps - 1) <= value * 1.05 + 1


def test_checks_list_every_warning_with_its_explanation(qtbot):
    count = liverpool_count()
    view = open_view(qtbot, count, LIVERPOOL)
    contest = count.contests[0]
    differing = [b for b in contest.boxes if b.verified != b.ballot_paper_account]
    assert view.checks.warning_count() == len(differing) > 0
    first = view.checks.tree.topLevelItem(0)
    box = differing[0]
    assert first.text(0) == "W03" and first.text(2) == f"box {box.id} ({box.label})"  # not "boxes[2]"
    assert differing[0].id in first.text(3)
    assert view.checks.explanation(0) == CHECKS["W03"].explanation
    assert CHECKS["W03"].explanation in first.toolTip(3)
    # The explanation opens from the keyboard: select the warning, press Right.
    view.checks.tree.setFocus()
    view.checks.tree.setCurrentItem(first)
    qtbot.keyClick(view.checks.tree, Qt.Key.Key_Right)
    assert first.isExpanded()
    screenshot(view.checks, "checks-expanded")


def test_the_view_follows_a_change_and_a_declaration(qtbot):
    count = sv_waiting_for_round_two_count()
    view = open_view(qtbot, count, LIVERPOOL)
    session = view.open_count.session
    session.declared.add(LIVERPOOL)
    view.open_count.reload(LIVERPOOL)
    assert view.banner.text() == "DECLARED"
    view.open_count.reload("some-other-contest")
    assert view.banner.text() == "DECLARED"


def test_every_focusable_control_has_an_accessible_name(qtbot):
    view = open_view(qtbot, sv_final_tie_count(), "mayor.testshire.2021-05-06")
    focusable = [w for w in view.findChildren(QWidget)
                 if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert view.lot_button in focusable and view.table in focusable and view.checks.tree in focusable
    assert all(w.accessibleName() for w in focusable), [w for w in focusable if not w.accessibleName()]


@contextmanager
def larger_application_font(qtbot, view: QWidget | None = None) -> Iterator[QFont]:
    """The application font made half as large again while the block runs (once `view`, if given,
    has heard of it: widgets do from the event loop), then as it was (and `view` told again)."""
    app = QApplication.instance()
    original = app.font()
    bigger = QFont(original)
    bigger.setPointSizeF(original.pointSizeF() * 1.5)
    try:
        app.setFont(bigger)
        if view is not None:
            qtbot.waitUntil(lambda: view.font().pointSizeF() == pytest.approx(bigger.pointSizeF()))
        yield bigger
    finally:
        app.setFont(original)
        if view is not None:
            qtbot.waitUntil(lambda: view.font().pointSizeF() == pytest.approx(original.pointSizeF()))


def test_text_follows_the_application_font(qtbot):
    with larger_application_font(qtbot) as bigger:
        view = open_view(qtbot, liverpool_count(), LIVERPOOL)
        cell = view.model.data(view.model.index(1, 2), Qt.ItemDataRole.FontRole)
        assert cell.pointSizeF() == pytest.approx(QGuiApplication.font().pointSizeF())
        assert view.title_label.font().pointSizeF() > bigger.pointSizeF()


def test_a_removed_contest_empties_the_view(qtbot):
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    count = liverpool_count()
    view.open_count.session.replace_count(replace(count, contests=()))
    view.open_count.reload(LIVERPOOL)
    assert view.contest_id is None and view.model.rowCount() == 0


def test_no_contest_shows_an_empty_state(qtbot):
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    view.set_contest(None)
    assert view.model.rowCount() == 0 and view.title_label.text() == "No contest selected"
    assert view.checks.warning_count() == 0 and not view.banner.isVisible()


def test_refreshing_the_chart_leaves_no_stale_labels(qtbot):
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    once = (view.chart.bars(), view.chart.legend(), view.chart.scale(), view.chart.tick_labels())
    view.open_count.reload(LIVERPOOL)
    view.open_count.reload("")
    assert (view.chart.bars(), view.chart.legend(), view.chart.scale(), view.chart.tick_labels()) == once
    assert len(once[0]) == 7 and once[3] == ("0", "10,000", "20,000", "30,000", "40,000", "50,000")
    view.set_contest(None)
    assert view.chart.bars() == () and view.chart.legend() == () and view.chart.tick_labels() == ()
    assert view.chart.accessibleDescription() == "No contest selected"


def test_chart_labels_use_the_ballot_surname_unless_two_candidates_share_it(qtbot):
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    labels = [bar.label for bar in view.chart.bars()]
    assert labels[0] == "ANDERSON  46,493  ✓"  # the top bar: first on the ballot
    assert labels[-1] == "YIP  32,079"
    ward = fptp_last_seat_tie_count().contests[0]
    twins = replace(ward, candidates=(
        *ward.candidates[:3], replace(ward.candidates[3], name="Ŵyn CARTER"), ward.candidates[4]))
    labels = short_names(twins)
    assert labels["c"] == "Zoë CARTER" and labels["d"] == "Ŵyn CARTER"  # never two bare "CARTER"s
    assert labels["a"] == "IORWERTH" and labels["e"] == "EVANS"


def test_no_figure_is_squeezed_when_a_lot_line_is_shown_in_a_short_window(qtbot):
    """33,995 cut at the bottom read as 33.995: every figure keeps its full height and width."""
    from PySide6.QtWidgets import QLabel

    count = load_count(GOLDEN / "sv-tie-for-second-and-final-lot" / "count.json")
    view = ResultView(make_open_count(count))
    qtbot.addWidget(view)
    view.resize(1100, 620)
    view.set_contest(count.contests[0].id)
    with qtbot.waitExposed(view):
        view.show()
    assert view.lots_label.isVisible()
    figures = [label for group in (view.papers, view.rejected) for label in group.findChildren(QLabel)
               if label.alignment() & Qt.AlignmentFlag.AlignRight]
    assert len(figures) >= 10
    for label in figures:
        assert label.height() >= label.fontMetrics().height() and label.width() >= label.sizeHint().width(), \
            (label.text(), label.size())
    assert "T" not in view.lots_label.text().split(" on ")[1][:12]  # a local date, not ISO 2021-05-07T03:10


def test_the_cells_follow_a_change_of_the_application_font(qtbot):
    """The cells' fonts are made from the application font when the table is filled; when the
    font changes afterwards they are made again, plain and figures alike."""
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    keys = view.model.column_keys()
    with larger_application_font(qtbot, view) as bigger:
        for key in ("name", "first"):
            cell = view.model.data(view.model.index(0, keys.index(key)), Qt.ItemDataRole.FontRole)
            assert cell.pointSizeF() == pytest.approx(bigger.pointSizeF()) and cell.bold(), key
    cell = view.model.data(view.model.index(1, keys.index("first")), Qt.ItemDataRole.FontRole)
    assert cell.pointSizeF() == pytest.approx(QApplication.instance().font().pointSizeF())
    assert cell.featureValue(QFont.Tag("tnum")) == 1


def test_a_figure_is_selected_with_the_mouse_and_looks_the_same_before(qtbot):
    """A figure can be dragged over to select it (to copy it). Its label becomes selectable when
    the pointer first reaches the figures, and nothing on screen moves or changes when it does."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel

    view = open_view(qtbot, liverpool_count(), LIVERPOOL, size=(600, 500))  # some words take two lines
    assert any(label.height() >= 2 * label.fontMetrics().height() for label in view.papers.findChildren(QLabel))
    electorate = next(label for label in view.papers.findChildren(QLabel) if label.text() == "336,283")
    assert electorate.focusPolicy() == Qt.FocusPolicy.ClickFocus
    before = view.papers.grab().toImage()
    middle = electorate.height() // 2
    qtbot.mouseMove(electorate, QPoint(1, middle))
    qtbot.waitUntil(lambda: bool(electorate.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse))
    assert all(bool(label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse)
               for label in view.papers.findChildren(QLabel) if label.text()[:1].isdigit())
    assert view.papers.grab().toImage() == before
    qtbot.mousePress(electorate, Qt.MouseButton.LeftButton, pos=QPoint(0, middle))
    qtbot.mouseMove(electorate, QPoint(electorate.width() - 1, middle))
    qtbot.mouseRelease(electorate, Qt.MouseButton.LeftButton, pos=QPoint(electorate.width() - 1, middle))
    assert electorate.selectedText() == "336,283"


def _measured(view: ResultView, column: int) -> int:
    """What the header's ResizeToContents makes of a column: its cells' and its title's widest."""
    header = view.table.horizontalHeader()
    width = max(view.table.sizeHintForColumn(column), header.sectionSizeHint(column))
    return min(max(width, header.minimumSectionSize()), header.maximumSectionSize())


def test_the_columns_are_measured_to_their_contents_once_per_fill(qtbot):
    """Every column but the description is as wide as its contents, measured when the table is
    filled (not again at every layout pass), and again when the font changes."""
    view = open_view(qtbot, liverpool_count(), LIVERPOOL)
    header = view.table.horizontalHeader()
    keys = view.model.column_keys()
    assert header.sectionResizeMode(keys.index("description")) == header.ResizeMode.Stretch
    measured = [c for c in range(len(keys)) if keys[c] != "description"]
    assert all(header.sectionResizeMode(c) == header.ResizeMode.Fixed for c in measured)
    widths = [header.sectionSize(c) for c in measured]
    assert widths == [_measured(view, c) for c in measured]
    with larger_application_font(qtbot, view):
        assert [header.sectionSize(c) for c in measured] == [_measured(view, c) for c in measured]
        assert header.sectionSize(keys.index("name")) > widths[measured.index(keys.index("name"))]

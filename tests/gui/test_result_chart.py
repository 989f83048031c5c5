"""The Result tab's painted bar chart, checked on the pixels it draws: Liverpool 2021 (stacked SV
bars), the Liverpool City Region collated (one round) and a three-seat FPTP ward."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gui_helpers import screenshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPalette
from result_fixtures import (
    LCR,
    LIVERPOOL,
    fptp_last_seat_tie_count,
    lcr_collated_count,
    liverpool_count,
    make_open_count,
)

from countdesk.gui.models.result_model import TRANSFERRED_LABEL, tabular_font
from countdesk.gui.widgets.result_chart import FIRST_COLOR, TRANSFERRED_COLOR, ResultChart

WARD = "local.testshire.north.2022-05-05"
SIZE = (700, 420)


def show_chart(qtbot, count, contest_id: str, size=SIZE) -> ResultChart:
    open_count = make_open_count(count)
    chart = ResultChart()
    qtbot.addWidget(chart)
    chart.set_result(open_count.contest(contest_id), open_count.result(contest_id))
    chart.resize(*size)
    with qtbot.waitExposed(chart):
        chart.show()
    return chart


def picture(chart: ResultChart) -> QImage:
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert image.width() == chart.width()  # offscreen: one image pixel per widget pixel
    return image


def xs_of(image: QImage, y: int, color: QColor) -> list[int]:
    return [x for x in range(image.width()) if image.pixelColor(x, y).rgb() == color.rgb()]


def vertical_runs(image: QImage, x: int, color: QColor) -> list[tuple[int, int]]:
    """(top, bottom) of each unbroken stretch of `color` down the column at `x`."""
    runs: list[tuple[int, int]] = []
    for y in range(image.height()):
        if image.pixelColor(x, y).rgb() == color.rgb():
            if runs and runs[-1][1] == y - 1:
                runs[-1] = (runs[-1][0], y)
            else:
                runs.append((y, y))
    return runs


def bar_rows(chart: ResultChart, image: QImage) -> list[int]:
    """The middle pixel row of each bar, top to bottom, found on the picture: every bar starts
    with the first-preference colour just right of the zero line."""
    x = round(chart.plot_area().left()) + 1
    return [(top + bottom) // 2 for top, bottom in vertical_runs(image, x, FIRST_COLOR)]


def clusters(xs: list[int], gap: float) -> int:
    """How many groups of columns lie more than `gap` pixels apart (words, not letters)."""
    return sum(1 for i, x in enumerate(sorted(xs)) if i == 0 or x - sorted(xs)[i - 1] > gap)


def test_liverpool_bars_stack_first_preferences_then_transfers_in_proportion(qtbot):
    chart = show_chart(qtbot, liverpool_count(), LIVERPOOL)
    path = screenshot(chart, "result-chart-liverpool")
    image = picture(chart)
    rows = bar_rows(chart, image)
    assert len(rows) == 7  # one bar per candidate
    assert chart.scale() == (10000, 5)  # 46,493 plus a little air: 0 to 50,000
    plot = chart.plot_area()
    zero = round(plot.left())
    pixels_per_vote = plot.width() / 50000

    anderson = rows[0]  # first on the ballot: the top bar
    blue, amber = xs_of(image, anderson, FIRST_COLOR), xs_of(image, anderson, TRANSFERRED_COLOR)
    assert blue and amber and max(blue) < min(amber)  # the transfers stack after the first preferences
    assert max(blue) + 1 == min(amber)  # one unbroken bar
    assert max(blue) + 1 - zero == pytest.approx(38958 * pixels_per_vote, abs=2)
    assert max(amber) + 1 - zero == pytest.approx(46493 * pixels_per_vote, abs=2)

    yip = rows[-1]
    blue, amber = xs_of(image, yip, FIRST_COLOR), xs_of(image, yip, TRANSFERRED_COLOR)
    assert max(blue) + 1 - zero == pytest.approx(22047 * pixels_per_vote, abs=2)
    assert max(amber) + 1 - zero == pytest.approx(32079 * pixels_per_vote, abs=2)

    kemp = rows[4]  # excluded after the first round: nothing transferred, no amber
    assert xs_of(image, kemp, TRANSFERRED_COLOR) == []
    assert max(xs_of(image, kemp, FIRST_COLOR)) + 1 - zero == pytest.approx(17166 * pixels_per_vote, abs=2)
    assert path.is_file()


def test_the_value_axis_has_a_gridline_at_each_step_where_the_bars_are_measured(qtbot):
    chart = show_chart(qtbot, liverpool_count(), LIVERPOOL)
    image = picture(chart)
    rows = bar_rows(chart, image)
    between = (rows[0] + rows[1]) // 2  # the gap between the first two bars: only gridlines there
    background = chart.palette().color(QPalette.ColorRole.Base).rgb()
    lines = [x for x in range(image.width()) if image.pixelColor(x, between).rgb() != background
             and x > chart.plot_area().left() - 2]
    # 0, 10,000 … 50,000: six lines, the first at the plot's left and the last at its right.
    assert clusters(lines, 2) == 6
    assert min(lines) == round(chart.plot_area().left())
    assert max(lines) == pytest.approx(chart.plot_area().right(), abs=1)
    assert chart.tick_labels() == ("0", "10,000", "20,000", "30,000", "40,000", "50,000")


def test_the_legend_is_drawn_only_when_there_are_two_rounds(qtbot):
    liverpool = show_chart(qtbot, liverpool_count(), LIVERPOOL)
    image = picture(liverpool)
    below = int(liverpool.plot_area().bottom()) + 2
    swatches = [(x, y) for y in range(below, image.height()) for x in range(image.width())
                if image.pixelColor(x, y).rgb() in (FIRST_COLOR.rgb(), TRANSFERRED_COLOR.rgb())]
    colours = {image.pixelColor(x, y).rgb() for x, y in swatches}
    assert colours == {FIRST_COLOR.rgb(), TRANSFERRED_COLOR.rgb()}
    assert liverpool.legend() == ("First preferences", TRANSFERRED_LABEL)

    lcr = show_chart(qtbot, lcr_collated_count(), LCR)
    screenshot(lcr, "result-chart-lcr")
    image = picture(lcr)
    below = int(lcr.plot_area().bottom()) + 2
    assert not any(image.pixelColor(x, y).rgb() == FIRST_COLOR.rgb()
                   for y in range(below, image.height()) for x in range(image.width()))
    assert len(bar_rows(lcr, image)) == 4
    assert all(not xs_of(image, y, TRANSFERRED_COLOR) for y in range(image.height()))
    assert lcr.legend() == () and lcr.series_labels() == ("First preferences",)

    ward = show_chart(qtbot, fptp_last_seat_tie_count(), WARD)
    assert ward.legend() == () and ward.series_labels() == ("Votes",)
    assert [bar.transferred for bar in ward.bars()] == [0] * 5


def test_a_long_name_is_drawn_whole_and_the_bars_make_room(qtbot):
    count = liverpool_count()
    contest = count.contests[0]
    long_name = "Joanne ANDERSON-WORTHINGTON-FEATHERSTONEHAUGH"
    candidates = (replace(contest.candidates[0], name=long_name), *contest.candidates[1:])
    count = replace(count, contests=(replace(contest, candidates=candidates),))
    chart = show_chart(qtbot, count, LIVERPOOL, size=(100, 420))
    narrowest = chart.minimumSizeHint().width()
    chart.resize(narrowest, 420)
    qtbot.waitUntil(lambda: chart.width() == narrowest)
    screenshot(chart, "result-chart-long-name-narrow")
    label = chart.bars()[0].label
    assert label == "ANDERSON-WORTHINGTON-FEATHERSTONEHAUGH  46,493  ✓"
    label_width = QFontMetricsF(tabular_font(chart.font())).horizontalAdvance(label)

    image = picture(chart)
    rows = bar_rows(chart, image)
    assert len(rows) == 7
    first_bar_pixel = min(x for y in rows for x in xs_of(image, y, FIRST_COLOR))
    assert first_bar_pixel > label_width  # the bars begin right of the whole label
    # The label's ink spans (nearly) its full width: nothing elided to "…".
    ink = [x for y in range(rows[0] - 4, rows[0] + 5) for x in range(first_bar_pixel - 1)
            if image.pixelColor(x, y).lightness() < 160]
    assert max(ink) - min(ink) >= label_width * 0.95
    assert min(ink) >= 0 and max(ink) < first_bar_pixel


def test_tick_labels_that_would_overlap_are_left_out(qtbot):
    wide = show_chart(qtbot, lcr_collated_count(), LCR)
    narrow = show_chart(qtbot, lcr_collated_count(), LCR, size=(wide.minimumSizeHint().width(), 420))
    screenshot(narrow, "result-chart-lcr-narrow")
    assert wide.tick_labels() == ("0", "50,000", "100,000", "150,000", "200,000", "250,000")
    assert narrow.tick_labels() == ("0", "250,000")  # both ends of the scale stay labelled
    for chart in (wide, narrow):
        image = picture(chart)
        plot = chart.plot_area()
        height = QFontMetricsF(tabular_font(chart.font())).height()
        band = range(int(plot.bottom()) + 2, int(plot.bottom() + height * 1.5))
        # Figures are near-black; tick marks and gridlines are grey.
        ink = {x for y in band for x in range(image.width()) if image.pixelColor(x, y).lightness() < 90}
        gap = QFontMetricsF(tabular_font(chart.font())).averageCharWidth()
        assert clusters(sorted(ink), gap) == len(chart.tick_labels())


def test_another_result_replaces_every_bar_and_none_leaves_an_empty_chart(qtbot):
    chart = show_chart(qtbot, liverpool_count(), LIVERPOOL)
    assert len(bar_rows(chart, picture(chart))) == 7
    lcr = make_open_count(lcr_collated_count())
    chart.set_result(lcr.contest(LCR), lcr.result(LCR))
    image = picture(chart)
    assert len(bar_rows(chart, image)) == 4
    assert not any(xs_of(image, y, TRANSFERRED_COLOR) for y in range(image.height()))
    assert [bar.label for bar in chart.bars()][-1] == "ROTHERAM  198,736  ✓"

    chart.set_result(None, None)
    image = picture(chart)
    background = chart.palette().color(QPalette.ColorRole.Base).rgb()
    assert all(image.pixelColor(x, y).rgb() == background
               for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))
    assert chart.bars() == () and chart.legend() == () and chart.tick_labels() == ()
    assert chart.accessibleDescription() == "No contest selected"


def test_text_follows_a_dark_palette_and_a_bigger_font(qtbot):
    chart = show_chart(qtbot, liverpool_count(), LIVERPOOL)
    before = chart.plot_area()
    dark = QPalette(chart.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    chart.setPalette(dark)
    image = picture(chart)
    screenshot(chart, "result-chart-dark")
    rows = bar_rows(chart, image)
    assert len(rows) == 7
    assert image.pixelColor(1, 1).rgb() == QColor("#1e1e1e").rgb()
    label_band = [image.pixelColor(x, y) for y in range(rows[0] - 4, rows[0] + 5)
                  for x in range(int(chart.plot_area().left()) - 2)]
    assert max(color.lightness() for color in label_band) > 200  # light text on the dark ground

    bigger = QFont(chart.font())
    bigger.setPointSizeF(chart.font().pointSizeF() * 1.5)
    minimum = chart.minimumHeight()
    chart.setFont(bigger)
    assert chart.minimumHeight() > minimum
    assert chart.plot_area().left() > before.left()  # a wider label column for the bigger names


def test_the_chart_is_a_picture_for_the_eye_and_a_sentence_for_a_screen_reader(qtbot):
    chart = show_chart(qtbot, liverpool_count(), LIVERPOOL)
    assert chart.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert chart.accessibleName() == "Result chart"
    description = chart.accessibleDescription()
    assert description.startswith("Joanne ANDERSON 46,493; ") and description.endswith("Stephen YIP 32,079")
    assert "Richard KEMP 17,166" in description


def test_the_labels_are_measured_once_per_result_and_font(qtbot, monkeypatch):
    """Qt asks for the chart's size hints dozens of times while it lays a window out: the labels
    are measured for the first and not again, until a new result or a new font (which still
    move the hints: a bigger font, a wider chart)."""
    import countdesk.gui.widgets.result_chart as result_chart

    measured: list[str] = []

    class CountingMetrics(QFontMetricsF):
        def horizontalAdvance(self, text, *args):  # noqa: N802 - Qt's name
            measured.append(text)
            return super().horizontalAdvance(text, *args)

    monkeypatch.setattr(result_chart, "QFontMetricsF", CountingMetrics)
    chart = show_chart(qtbot, liverpool_count(), LIVERPOOL)
    labels = {bar.label for bar in chart.bars()}
    assert labels <= set(measured)  # measured when the chart was first laid out
    measured.clear()
    hints = [chart.minimumSizeHint() for _ in range(5)]
    assert hints == [hints[0]] * 5 and not labels & set(measured)  # and not again
    bigger = QFont(chart.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    chart.setFont(bigger)
    assert chart.minimumSizeHint().width() > hints[0].width() and labels <= set(measured)
    open_count = make_open_count(lcr_collated_count())
    chart.set_result(open_count.contest(LCR), open_count.result(LCR))
    measured.clear()
    chart.minimumSizeHint()
    assert {bar.label for bar in chart.bars()} <= set(measured)

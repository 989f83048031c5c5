"""The Result tab's bar chart: one horizontal bar per candidate, in ballot-paper order from the top.

For an SV contest with a second round, each finalist's bar stacks the first preferences and the
second preferences transferred, so the length is the total that decided the contest. It draws
the recorded figures of a `ContestResult`; it adds nothing up itself.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries, QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from ...domain.model import Contest
from ...domain.result import ContestResult
from .result_model import (
    TRANSFERRED_LABEL, CandidateLine, candidate_lines, figure, has_second_round, short_names,
    tabular_font,
)

FIRST_COLOR = QColor("#1f4e79")        # deep blue: the figure every candidate has
TRANSFERRED_COLOR = QColor("#d9822b")  # amber: what the second round added


class ResultChart(QChartView):
    """Horizontal bars of first preferences (or votes), stacked with transfers for SV finalists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultChart")
        self.setAccessibleName("Result chart")
        # A picture of the table beside it: nothing to operate, so Tab passes it by; screen
        # readers get the figures from the accessible description.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setAccessibleName("Result chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(self.fontMetrics().height() * 14)
        self._chart = self._new_chart()
        self.setChart(self._chart)
        self._series: QHorizontalStackedBarSeries | None = None

    @staticmethod
    def _new_chart() -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setLocalizeNumbers(True)  # axis figures with thousands separators
        chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    @property
    def series(self) -> QHorizontalStackedBarSeries | None:
        return self._series

    def set_result(self, contest: Contest | None, result: ContestResult | None) -> None:
        # A fresh chart each time: QtCharts leaves stale axis labels behind when axes are swapped.
        old, self._chart = self._chart, self._new_chart()
        self.setChart(self._chart)
        old.deleteLater()
        chart = self._chart
        self._series = None
        if contest is None or result is None:
            self.setAccessibleDescription("No contest selected")
            return
        lines = candidate_lines(contest, result)
        two_rounds = has_second_round(result)
        # Horizontal bar charts grow upwards; reversing keeps the ballot's first name on top.
        ordered = list(reversed(lines))
        first = QBarSet("First preferences" if result.system.value == "sv" else "Votes")
        first.setColor(FIRST_COLOR)
        first.append([float(line.first) for line in ordered])
        series = QHorizontalStackedBarSeries()
        series.append(first)
        if two_rounds:
            transferred = QBarSet(TRANSFERRED_LABEL)
            transferred.setColor(TRANSFERRED_COLOR)
            transferred.append([float(line.transferred or 0) for line in ordered])
            series.append(transferred)
        series.setBarWidth(0.7)
        chart.addSeries(series)

        font = self._base_font()
        categories = QBarCategoryAxis()
        labels = short_names(contest)
        categories.append([_category(labels[line.candidate.id], line) for line in ordered])
        categories.setLabelsFont(font)
        categories.setTruncateLabels(False)  # a name cut to "…" is worse than narrower bars
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        top = max(((line.total or line.first) for line in lines), default=0)
        step, steps = nice_scale(top)
        values.setRange(0, step * steps)
        values.setTickCount(steps + 1)
        values.setLabelFormat("%.0f")
        values.setLabelsFont(font)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().setFont(font)
        chart.legend().setVisible(two_rounds)
        self._series = series
        self.setAccessibleDescription("; ".join(
            f"{line.candidate.name} {figure(line.total if line.total is not None else line.first)}"
            for line in lines
        ))

    def _base_font(self) -> QFont:
        return tabular_font(self.font())


def _category(label: str, line: CandidateLine) -> str:
    """The axis label carries the figure, formatted as everywhere else (Qt's bar labels cannot
    print thousands separators), so a bar is never read without its number."""
    shown = line.total if line.total is not None else line.first
    mark = "  ✓" if line.elected else ""
    return f"{label}  {figure(shown)}{mark}"


def nice_scale(value: int, most_steps: int = 6) -> tuple[int, int]:
    """(step, number of steps) for a value axis from 0 that just clears `value`: steps of 1, 2, 2.5
    or 5 times a power of ten, as a person would draw the scale."""
    if value <= 0:
        return 1, 1
    target = value * 21 // 20 + 1  # a little air past the longest bar
    magnitude = 1
    while True:
        for factor in (1, 2, 2.5, 5):
            step = int(magnitude * factor)
            if step and step == magnitude * factor:
                steps = -(-target // step)
                if steps <= most_steps:
                    return step, steps
        magnitude *= 10

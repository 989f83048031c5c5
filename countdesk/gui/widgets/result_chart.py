"""The Result tab's bar chart: one horizontal bar per candidate, in ballot-paper order from the top.

For an SV contest with a second round, each finalist's bar stacks the first preferences and the
second preferences transferred, so the length is the total that decided the contest. It draws
the recorded figures of a `ContestResult`; it adds nothing up itself.

Painted with QPainter on a plain widget: a dozen bars need no chart library, and drawing them
ourselves keeps start-up quick (Qt Charts cost a graphics scene and the large add-ons wheel) and
puts every label under our control: thousands separators, names never cut short, no stale labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.model import Contest, VotingSystem
from ...domain.result import ContestResult
from ..models.result_model import (
    TRANSFERRED_LABEL,
    CandidateLine,
    candidate_lines,
    figure,
    has_second_round,
    short_names,
    tabular_font,
)

FIRST_COLOR = QColor("#1f4e79")        # deep blue: the figure every candidate has
TRANSFERRED_COLOR = QColor("#d9822b")  # amber: what the second round added
BAR_FILL = 0.7           # a bar's thickness as a share of its row: the gap separates the names
MAX_BAR_LINES = 2.5      # thickest bar, in text lines: a three-candidate race gets bars, not slabs
MIN_ROW_LINES = 1.25     # thinnest row, in text lines: names on neighbouring rows never touch
MIN_HEIGHT_LINES = 14


@dataclass(frozen=True)
class Bar:
    """One candidate's bar as drawn: the label at its left and the two stacked lengths, in votes."""

    label: str
    first: int
    transferred: int = 0

    @property
    def length(self) -> int:
        return self.first + self.transferred


@dataclass(frozen=True)
class _Layout:
    """Where everything goes at the widget's current size and font (one place decides it)."""

    plot: QRectF                 # value 0 at its left edge, the axis maximum at its right
    label_width: float           # the widest label: the label column is never narrower
    row_height: float
    bar_height: float
    tick_top: float
    shown_ticks: tuple[int, ...]  # tick indices whose labels fit without overlapping
    legend_top: float
    legend_lines: tuple[tuple[int, ...], ...]  # legend entries, line by line


class ResultChart(QWidget):
    """Horizontal bars of first preferences (or votes), stacked with transfers for SV finalists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultChart")
        self.setAccessibleName(self.tr("Result chart"))
        # A picture of the table beside it: nothing to operate, so Tab passes it by; screen
        # readers get the figures from the accessible description.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paintEvent fills every pixel
        self._bars: tuple[Bar, ...] = ()
        self._measured: tuple[QFont, QFont, QFontMetricsF] | None = None  # widget font, chart font, metrics
        self._widest: float | None = None  # the widest label, in the chart font
        self._series: tuple[str, ...] = ()
        self._two_rounds = False
        self._scale: tuple[int, int] = nice_scale(0)
        self._fit_height()
        self.setAccessibleDescription(self.tr("No contest selected"))

    # -- public ---------------------------------------------------------------------------------
    def set_result(self, contest: Contest | None, result: ContestResult | None) -> None:
        """Show `result` (None, None: an empty chart). Everything drawn is replaced."""
        self._widest = None
        if contest is None or result is None:
            self._bars, self._series, self._two_rounds = (), (), False
            self._scale = nice_scale(0)
            self.setAccessibleDescription(self.tr("No contest selected"))
        else:
            lines = candidate_lines(contest, result)
            labels = short_names(contest)
            self._two_rounds = has_second_round(result)
            self._bars = tuple(
                Bar(_category(labels[line.candidate.id], line), line.first,
                    (line.transferred or 0) if self._two_rounds else 0)
                for line in lines
            )
            first = self.tr("First preferences") if result.system is VotingSystem.SV else self.tr("Votes")
            transferred = QCoreApplication.translate("ResultWords", TRANSFERRED_LABEL)
            self._series = (first, transferred) if self._two_rounds else (first,)
            self._scale = nice_scale(max(((line.total or line.first) for line in lines), default=0))
            self.setAccessibleDescription("; ".join(
                f"{line.candidate.name} {figure(line.total if line.total is not None else line.first)}"
                for line in lines
            ))
        self._fit_height()
        self.updateGeometry()
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        """The bars, top to bottom (the ballot paper's order)."""
        return self._bars

    def series_labels(self) -> tuple[str, ...]:
        """What the bars' parts are: ("Votes",), ("First preferences",), or both SV rounds."""
        return self._series

    def legend(self) -> tuple[str, ...]:
        """The legend's entries; empty when it is hidden (one round needs no key)."""
        return self._series if self._two_rounds else ()

    def scale(self) -> tuple[int, int]:
        """(step, steps) of the value axis, which runs from 0 to step × steps."""
        return self._scale

    def plot_area(self) -> QRectF:
        """Where the bars are drawn, in widget pixels: 0 votes at the left, step × steps at the right."""
        return QRectF(self._layout().plot)

    def tick_labels(self) -> tuple[str, ...]:
        """The value-axis labels drawn at the current width (some are left out rather than overlap)."""
        step, _ = self._scale
        return tuple(figure(step * i) for i in self._layout().shown_ticks) if self._bars else ()

    # -- QWidget --------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Modest, and the same whatever the names: the splitter beside the figures shares its
        width by hint times stretch factor, so the Result view's 3:2 split holds for every
        contest. minimumSizeHint keeps the labels whole; the bars take the rest."""
        return QSize(round(self._metrics().averageCharWidth() * 16), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for the whole of every label and a short bar: bars shrink before names are cut."""
        metrics = self._metrics()
        return QSize(int(self._label_width(metrics) + metrics.averageCharWidth() * 12),
                     self.minimumHeight())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._fit_height()
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
            if not self._bars:
                return
            painter.setFont(self._font())
            layout = self._layout()
            self._paint_axis(painter, layout)
            self._paint_bars(painter, layout)
            self._paint_legend(painter, layout)
        finally:
            painter.end()

    # -- layout ---------------------------------------------------------------------------------
    def _font(self) -> QFont:
        return self._measures()[1]

    def _metrics(self) -> QFontMetricsF:
        return self._measures()[2]

    def _measures(self) -> tuple[QFont, QFont, QFontMetricsF]:
        """The widget's font, the chart's (tabular digits) and its metrics, made again only when
        the widget's font changes: Qt asks for the size hints dozens of times while it lays the
        window out, and each hint measured every label afresh."""
        base = self.font()
        if self._measured is None or self._measured[0] != base:
            font = tabular_font(base)
            self._measured = (base, font, QFontMetricsF(font))
            self._widest = None
        return self._measured

    def _label_width(self, metrics: QFontMetricsF) -> float:
        """The widest label in `metrics` (the chart font's), measured once per result and font."""
        self._measures()  # a new font forgets the width measured in the old one
        if self._widest is None:
            self._widest = max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=0.0)
        return self._widest

    def _fit_height(self) -> None:
        """At least 14 lines (as tall as the figures beside it), and tall enough that every
        candidate's row holds its name without touching the next."""
        metrics = self._metrics()
        line = metrics.height()
        fixed = line * 4 + (line * 1.5 if self._two_rounds else 0)  # margins, value axis, legend
        rows = len(self._bars) * line * MIN_ROW_LINES
        self.setMinimumHeight(int(max(line * MIN_HEIGHT_LINES, fixed + rows) + 0.999))

    def _layout(self) -> _Layout:
        metrics = self._metrics()
        line = metrics.height()
        margin = round(line / 2)
        gap = metrics.averageCharWidth()
        width, height = self.width(), self.height()
        step, steps = self._scale
        tick_texts = [figure(step * i) for i in range(steps + 1)]
        tick_widths = [metrics.horizontalAdvance(text) for text in tick_texts]

        legend_lines = self._legend_lines(metrics, width - 2 * margin)
        legend_height = len(legend_lines) * line + (line / 2 if legend_lines else 0)
        legend_top = height - margin - legend_height + (line / 2 if legend_lines else 0)
        tick_length = max(3.0, round(line / 4))
        tick_top = height - margin - legend_height - line
        label_width = self._label_width(metrics)
        left = round(margin + label_width + gap)
        right = round(width - margin - max(tick_widths[-1] / 2, gap))
        bottom = round(tick_top - tick_length)
        plot = QRectF(left, margin, max(right - left, 1), max(bottom - margin, 1))

        row_height = plot.height() / max(len(self._bars), 1)
        bar_height = min(row_height * BAR_FILL, line * MAX_BAR_LINES)
        shown = _ticks_that_fit(
            [plot.left() + plot.width() * i / steps for i in range(steps + 1)], tick_widths, gap * 2)
        return _Layout(plot, label_width, row_height, bar_height, tick_top, shown, legend_top,
                       legend_lines)

    def _legend_lines(self, metrics: QFontMetricsF, room: float) -> tuple[tuple[int, ...], ...]:
        """The legend entries flowed into lines that fit `room` (a narrow window wraps them)."""
        lines: list[list[int]] = []
        used = 0.0
        for index, text in enumerate(self.legend()):
            entry = self._legend_entry_width(metrics, text)
            if lines and used + self._legend_entry_width(metrics, text, last=True) <= room:
                lines[-1].append(index)
                used += entry
            else:
                lines.append([index])
                used = entry
        return tuple(tuple(entries) for entries in lines)

    @staticmethod
    def _legend_entry_width(metrics: QFontMetricsF, text: str, last: bool = False) -> float:
        """Swatch, a space, the words, and (but for the last) room before the next entry."""
        swatch = round(metrics.ascent() * 0.8)
        room = 0 if last else metrics.averageCharWidth() * 3
        return swatch + metrics.averageCharWidth() + metrics.horizontalAdvance(text) + room

    # -- painting -------------------------------------------------------------------------------
    def _text_color(self, alpha: int = 255) -> QColor:
        color = QColor(self.palette().color(QPalette.ColorRole.Text))
        color.setAlpha(alpha)
        return color

    def _paint_axis(self, painter: QPainter, layout: _Layout) -> None:
        """Light vertical gridlines at each step, the axis line, and the figures under the ticks."""
        plot = layout.plot
        step, steps = self._scale
        shown = set(layout.shown_ticks)
        for i in range(steps + 1):
            x = round(plot.left() + plot.width() * i / steps) + 0.5  # on a pixel: a crisp line
            painter.setPen(self._text_color(40 if i else 140))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(self._text_color(140))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, layout.tick_top))
            if i in shown:
                painter.setPen(self._text_color())
                box = QRectF(x - plot.width(), layout.tick_top, plot.width() * 2, painter.fontMetrics().height())
                painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 figure(step * i))
        painter.setPen(self._text_color(140))
        y = plot.bottom() + 0.5
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right() + 1, y))

    def _paint_bars(self, painter: QPainter, layout: _Layout) -> None:
        """Each bar on whole pixels (no blurred edges), its label right-aligned against the axis."""
        plot = layout.plot
        step, steps = self._scale
        per_vote = plot.width() / (step * steps)
        painter.setPen(Qt.PenStyle.NoPen)
        for row, bar in enumerate(self._bars):
            row_top = plot.top() + layout.row_height * row
            top = round(row_top + (layout.row_height - layout.bar_height) / 2)
            bottom = round(row_top + (layout.row_height + layout.bar_height) / 2)
            start = round(plot.left()) + 1  # just right of the zero line
            first_end = round(plot.left() + bar.first * per_vote)
            if bar.first:
                first_end = max(first_end, start + 1)  # a few votes still show as a sliver
            total_end = round(plot.left() + bar.length * per_vote)
            if first_end > start:
                painter.fillRect(QRectF(start, top, first_end - start, bottom - top), FIRST_COLOR)
            if total_end > max(first_end, start):
                begin = max(first_end, start)
                painter.fillRect(QRectF(begin, top, total_end - begin, bottom - top), TRANSFERRED_COLOR)
        painter.setPen(self._text_color())
        label_left = plot.left() - painter.fontMetrics().averageCharWidth() - layout.label_width
        for row, bar in enumerate(self._bars):
            box = QRectF(label_left, plot.top() + layout.row_height * row, layout.label_width, layout.row_height)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextDontClip, bar.label)

    def _paint_legend(self, painter: QPainter, layout: _Layout) -> None:
        """Swatch and words for each part of a stacked bar, centred under the chart."""
        metrics = QFontMetricsF(painter.font())
        labels = self.legend()
        colors = (FIRST_COLOR, TRANSFERRED_COLOR)
        swatch = round(metrics.ascent() * 0.8)
        painter.setPen(self._text_color())
        for number, entries in enumerate(layout.legend_lines):
            top = layout.legend_top + metrics.height() * number
            used = sum(self._legend_entry_width(metrics, labels[i], i == entries[-1]) for i in entries)
            x = round((self.width() - used) / 2)
            for index in entries:
                swatch_top = round(top + (metrics.height() - swatch) / 2)
                painter.fillRect(QRectF(x, swatch_top, swatch, swatch), colors[index])
                text = QRectF(x + swatch + metrics.averageCharWidth(), top,
                              metrics.horizontalAdvance(labels[index]), metrics.height())
                painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                 | Qt.TextFlag.TextDontClip, labels[index])
                x += self._legend_entry_width(metrics, labels[index])


def _ticks_that_fit(centres: list[float], widths: list[float], gap: float) -> tuple[int, ...]:
    """Every tick's label if they fit side by side, else every k-th for the smallest k that
    divides the steps (so both ends of the scale stay labelled), else the axis maximum alone:
    fewer figures rather than figures printed over each other."""
    steps = len(centres) - 1
    for stride in (k for k in range(1, steps + 1) if steps % k == 0):
        chosen = range(0, steps + 1, stride)
        edges = [(centres[i] - widths[i] / 2, centres[i] + widths[i] / 2) for i in chosen]
        if all(right + gap <= next_left for (_, right), (next_left, _) in pairwise(edges)):
            return tuple(chosen)
    return (steps,)


def _category(label: str, line: CandidateLine) -> str:
    """The label beside a bar carries the figure, formatted as everywhere else, so a bar is never
    read without its number."""
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

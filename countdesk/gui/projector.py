"""The results screen for the hall: one contest, full screen, large type, light on near-black.

Everything is drawn with QPainter in sizes relative to the window's height, so the same screen
reads from the back of a sports hall on a projector and on a laptop. The stage (INCOMPLETE,
PROVISIONAL or DECLARED) is always on screen; ✓ ELECTED only ever marks a complete result. It
repaints when `open_count.changed` names its contest. Esc closes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ..domain.model import Contest
from ..domain.result import ContestResult, Status
from ..errors import CountdeskError
from .models.result_model import (
    TRANSFERRED_LABEL,
    CandidateLine,
    candidate_lines,
    figure,
    has_second_round,
    percent,
    status_sentence,
    tabular_font,
    tie_sentence,
)
from .translation import month_name
from .widgets.result_view import is_declared

BACKGROUND = QColor("#0b0f14")
TEXT = QColor("#f4f4f4")
MUTED = QColor("#b9c2cc")
RULE = QColor("#2a323c")
FIRST_BAR = QColor("#4ea1ff")
TRANSFERRED_BAR = QColor("#ffb347")
EXCLUDED_BAR = QColor("#5b6878")
ELECTED = QColor("#5fd36a")
PROVISIONAL = QColor("#ffc83d")
INCOMPLETE = QColor("#ff8a80")
TIED = QColor("#ffb347")
#: For the hall when the result cannot be counted (an area's round-2 instruction lost or altered):
#: the officers see why on the Result tab; the public sees no figures rather than wrong ones.
UNAVAILABLE = QT_TRANSLATE_NOOP("ProjectorScreen", "The result cannot be shown at the moment.")
translate = QCoreApplication.translate
#: The stage badge's words (Screen.stage is the key).
STAGE_WORDS = {"DECLARED": QT_TRANSLATE_NOOP("ProjectorScreen", "DECLARED"),
               "INCOMPLETE": QT_TRANSLATE_NOOP("ProjectorScreen", "INCOMPLETE"),
               "PROVISIONAL": QT_TRANSLATE_NOOP("ProjectorScreen", "PROVISIONAL")}


@dataclass(frozen=True)
class Screen:
    """What the screen shows, read once per change from the open count."""

    contest: Contest
    result: ContestResult
    lines: tuple[CandidateLine, ...]
    subtitle: str
    declared: bool
    status: str

    @property
    def stage(self) -> str:
        """DECLARED once declared; INCOMPLETE while papers are unaccounted for (nobody is elected,
        no ✓); PROVISIONAL for a complete result not yet declared."""
        if self.declared:
            return "DECLARED"
        return "INCOMPLETE" if self.result.status is Status.INCOMPLETE else "PROVISIONAL"


class ProjectorScreen(QWidget):
    """Full-screen results for the hall. `show()` opens it full screen; Esc closes it."""

    def __init__(self, open_count, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)  # its own window even with a parent
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.setObjectName("projectorScreen")
        self.setAccessibleName(self.tr("Results screen"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(False)
        self.setMinimumSize(320, 200)
        self.open_count = open_count
        self.contest_id = contest_id
        self._screen: Screen | None = None
        self._unavailable = ""  # the contest's title while its result cannot be counted
        open_count.changed.connect(self._on_changed)
        self.refresh()

    # -- public ---------------------------------------------------------------------------------
    def set_contest(self, contest_id: str) -> None:
        self.contest_id = contest_id
        self.refresh()

    def present(self) -> None:
        """Full screen on a second screen (the projector) when there is one, else on this one."""
        screens = QGuiApplication.screens()
        here = self.parentWidget().screen() if self.parentWidget() is not None else QGuiApplication.primaryScreen()
        other = [s for s in screens if s is not here]
        target = other[0] if other else here
        if target is not None:
            self.setGeometry(target.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def refresh(self) -> None:
        contest = self.open_count.contest(self.contest_id)
        self.setWindowTitle(self.tr("{0} — results").format(contest.title))
        try:
            result = self.open_count.result(self.contest_id)
        except CountdeskError:
            self._screen, self._unavailable = None, contest.title
            self.setAccessibleDescription(self.spoken_summary())
            self.update()
            return
        self._unavailable = ""
        election = self.open_count.count().election
        self._screen = Screen(
            contest=contest,
            result=result,
            lines=tuple(candidate_lines(contest, result)),
            subtitle=_subtitle(election.area, election.poll_date, contest.seats),
            declared=is_declared(self.open_count, self.contest_id),
            status=hall_status(contest, result),
        )
        self.setAccessibleDescription(self.spoken_summary())
        self.update()

    def spoken_summary(self) -> str:
        """The screen's content as one sentence, for a screen reader and for tests."""
        screen = self._screen
        if screen is None:
            return self.tr("{0}. {1}").format(self._unavailable, self.tr(UNAVAILABLE)) if self._unavailable else ""
        stage = translate("ProjectorScreen", STAGE_WORDS[screen.stage]).capitalize()
        figures = "; ".join(
            f"{line.candidate.name} {figure(line.total if line.total is not None else line.first)}"
            for line in screen.lines
        )
        return self.tr("{0}. {1}. {2}. {3}").format(screen.contest.title, stage, figures, screen.status)

    def stage_text(self) -> str:
        return self._screen.stage if self._screen else "PROVISIONAL"

    # -- events ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def _on_changed(self, contest_id: str) -> None:
        if contest_id in ("", self.contest_id):
            if self.contest_id in self.open_count.contest_ids():
                self.refresh()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._screen is not None:
            _Painter(painter, self._screen, QRectF(self.rect()), self.font()).draw()
        elif self._unavailable:
            self._paint_unavailable(painter)
        painter.end()

    def _paint_unavailable(self, painter: QPainter) -> None:
        """The contest's title and one plain sentence, in the middle of the screen."""
        area = QRectF(self.rect())
        height = area.height()
        for text, share, colour, top in ((self._unavailable, 0.065, TEXT, 0.35),
                                          (self.tr(UNAVAILABLE), 0.04, MUTED, 0.5)):
            font = QFont(self.font())
            font.setPixelSize(max(8, round(height * share)))
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(QRectF(area.left(), area.top() + height * top, area.width(), height * 0.15),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             text)


class _Painter:
    """Lays the screen out in proportions of the window's height, then draws it."""

    def __init__(self, painter: QPainter, screen: Screen, area: QRectF, base: QFont) -> None:
        self.p = painter
        self.s = screen
        self.h = area.height()
        self.margin = max(self.h * 0.04, area.width() * 0.03)
        self.area = area.adjusted(self.margin, self.margin * 0.8, -self.margin, -self.margin * 0.8)
        self.base = base

    def font(self, height_share: float, bold: bool = False, figures: bool = False) -> QFont:
        font = QFont(self.base)
        font.setPixelSize(max(8, round(self.h * height_share)))
        font.setBold(bold)
        return tabular_font(font) if figures else font

    def draw(self) -> None:
        top = self._header()
        bottom = self._footer()
        self._rows(QRectF(self.area.left(), top, self.area.width(), bottom - top))

    def _header(self) -> float:
        area = self.area
        stage = translate("ProjectorScreen", STAGE_WORDS[self.s.stage])
        stage_font = self.font(0.045, bold=True)
        metrics = QFontMetricsF(stage_font)
        pad = self.h * 0.012
        badge = QRectF(0, 0, metrics.horizontalAdvance(stage) + pad * 4, metrics.height() + pad * 2)
        badge.moveTopRight(area.topRight())
        colour = {"DECLARED": ELECTED, "INCOMPLETE": INCOMPLETE}.get(self.s.stage, PROVISIONAL)
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(colour)
        self.p.drawRoundedRect(badge, pad, pad)
        self.p.setPen(BACKGROUND)
        self.p.setFont(stage_font)
        self.p.drawText(badge, Qt.AlignmentFlag.AlignCenter, stage)

        title_width = area.width() - badge.width() - self.margin
        title_font = self._fitted(self.s.contest.title, 0.065, title_width, bold=True)
        title_height = QFontMetricsF(title_font).height()
        self.p.setFont(title_font)
        self.p.setPen(TEXT)
        self.p.drawText(QRectF(area.left(), area.top(), title_width, title_height),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.s.contest.title)
        sub_font = self.font(0.032)
        sub_height = QFontMetricsF(sub_font).height()
        self.p.setFont(sub_font)
        self.p.setPen(MUTED)
        self.p.drawText(QRectF(area.left(), area.top() + title_height, title_width, sub_height),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.s.subtitle)
        bottom = area.top() + max(title_height + sub_height, badge.height()) + self.h * 0.02
        self.p.setPen(RULE)
        self.p.drawLine(area.left(), bottom, area.right(), bottom)
        bottom += self.h * 0.015
        if has_second_round(self.s.result):
            legend_font = self.font(0.026)
            height = QFontMetricsF(legend_font).lineSpacing() * 1.3
            self._legend(QRectF(area.left(), bottom, area.width(), height), legend_font)
            bottom += height
        return bottom + self.h * 0.01

    def _footer(self) -> float:
        area = self.area
        result = self.s.result
        status_font = self.font(0.03, bold=result.status is not Status.ELECTED)
        small = self.font(0.026)
        small_height = QFontMetricsF(small).lineSpacing() * 1.4
        wrap = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        status_height = QFontMetricsF(status_font).boundingRect(
            QRectF(0, 0, area.width(), self.h), int(wrap), self.s.status).height()
        top = area.bottom() - status_height - small_height
        self.p.setPen(RULE)
        self.p.drawLine(area.left(), top - self.h * 0.015, area.right(), top - self.h * 0.015)
        turnout = translate("ProjectorScreen", "Turnout {0} ({1} ballot papers verified ÷ {2} electorate)   ·   "
                                               "Rejected papers {3}").format(
            percent(result.turnout_percent), figure(result.ballot_papers_verified), figure(result.electorate),
            figure(result.rejected.total))
        self.p.setFont(small)
        self.p.setPen(MUTED)
        self.p.drawText(QRectF(area.left(), top, area.width(), small_height),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, turnout)
        self.p.setFont(status_font)
        self.p.setPen(TIED if result.status is Status.NEEDS_LOTS else TEXT)
        self.p.drawText(QRectF(area.left(), top + small_height, area.width(), status_height), wrap, self.s.status)
        return top - self.h * 0.035

    def _legend(self, rect: QRectF, font: QFont) -> None:
        metrics = QFontMetricsF(font)
        swatch = metrics.height() * 0.7
        self.p.setFont(font)
        x = rect.right()
        for label, colour in ((translate("ResultWords", TRANSFERRED_LABEL), TRANSFERRED_BAR),
                              (translate("ProjectorScreen", "First preferences"), FIRST_BAR)):
            width = metrics.horizontalAdvance(label)
            x -= width
            self.p.setPen(MUTED)
            self.p.drawText(QRectF(x, rect.top(), width, rect.height()), Qt.AlignmentFlag.AlignVCenter, label)
            x -= swatch * 1.5
            self.p.fillRect(QRectF(x, rect.center().y() - swatch / 2, swatch, swatch), colour)
            x -= swatch * 2

    def _rows(self, rect: QRectF) -> None:
        lines = self.s.lines
        if not lines:
            return
        row_height = min(rect.height() / len(lines), self.h * 0.13)
        name_width = rect.width() * 0.36
        figure_width = rect.width() * 0.2
        bar_left = rect.left() + name_width + self.h * 0.02
        bar_width = rect.width() - name_width - figure_width - self.h * 0.04
        longest = max((line.total if line.total is not None else line.first) for line in lines) or 1
        two_rounds = has_second_round(self.s.result)
        # One size for every name and one for every description, so no row looks more important.
        name_share = min(0.045, row_height / self.h * 0.4)
        name_font = self._fitted_all([line.candidate.name + _mark(line) for line in lines], name_share,
                                     name_width, bold=True)
        description_font = self._fitted_all([line.candidate.description for line in lines],
                                            name_share * 0.7, name_width)
        for index, line in enumerate(lines):
            top = rect.top() + index * row_height
            row = QRectF(rect.left(), top, rect.width(), row_height)
            self._name(line, QRectF(row.left(), top, name_width, row_height), name_font, description_font)
            bar_rect = QRectF(bar_left, top + row_height * 0.2, bar_width, row_height * 0.6)
            self._bar(line, bar_rect, longest, two_rounds)
            self._figures(line, QRectF(row.right() - figure_width, top, figure_width, row_height), two_rounds)

    def _name(self, line: CandidateLine, rect: QRectF, name_font: QFont, description_font: QFont) -> None:
        mark = _mark(line)
        name_height = QFontMetricsF(name_font).height()
        description_height = QFontMetricsF(description_font).height() if line.candidate.description else 0
        y = rect.top() + (rect.height() - name_height - description_height) / 2
        self.p.setFont(name_font)
        self.p.setPen(TEXT)
        name_rect = QRectF(rect.left(), y, rect.width(), name_height)
        self.p.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line.candidate.name)
        if mark:
            self.p.setPen(ELECTED if line.elected else TIED)
            advance = QFontMetricsF(name_font).horizontalAdvance(line.candidate.name)
            self.p.drawText(name_rect.adjusted(advance, 0, 0, 0),
                            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, mark)
        if line.candidate.description:
            self.p.setFont(description_font)
            self.p.setPen(MUTED)
            self.p.drawText(QRectF(rect.left(), y + name_height, rect.width(), description_height),
                            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                            QFontMetricsF(description_font).elidedText(
                                line.candidate.description, Qt.TextElideMode.ElideRight, rect.width()))

    def _bar(self, line: CandidateLine, rect: QRectF, longest: int, two_rounds: bool) -> None:
        self.p.fillRect(rect, RULE.darker(140))
        first_colour = FIRST_BAR
        if two_rounds and line.total is None:
            first_colour = EXCLUDED_BAR  # excluded after the first round
        first_width = rect.width() * line.first / longest
        self.p.fillRect(QRectF(rect.left(), rect.top(), first_width, rect.height()), first_colour)
        if line.transferred:
            width = rect.width() * line.transferred / longest
            self.p.fillRect(QRectF(rect.left() + first_width, rect.top(), width, rect.height()), TRANSFERRED_BAR)

    def _figures(self, line: CandidateLine, rect: QRectF, two_rounds: bool) -> None:
        shown = line.total if line.total is not None else line.first
        big = self.font(min(0.055, rect.height() / self.h * 0.45), bold=True, figures=True)
        right = Qt.AlignmentFlag.AlignRight
        if two_rounds and line.total is not None:
            small = self.font(min(0.03, rect.height() / self.h * 0.25), figures=True)
            big_height = QFontMetricsF(big).height()
            small_height = QFontMetricsF(small).height()
            y = rect.top() + (rect.height() - big_height - small_height) / 2
            self.p.setFont(big)
            self.p.setPen(TEXT)
            self.p.drawText(QRectF(rect.left(), y, rect.width(), big_height),
                            right | Qt.AlignmentFlag.AlignVCenter,
                            figure(shown))
            self.p.setFont(small)
            self.p.setPen(MUTED)
            self.p.drawText(QRectF(rect.left(), y + big_height, rect.width(), small_height),
                            right | Qt.AlignmentFlag.AlignVCenter,
                            f"{figure(line.first)} + {figure(line.transferred)}")
            return
        self.p.setFont(big)
        self.p.setPen(MUTED if two_rounds else TEXT)
        self.p.drawText(rect, right | Qt.AlignmentFlag.AlignVCenter, figure(shown))

    def _fitted(self, text: str, height_share: float, width: float, bold: bool = False) -> QFont:
        return self._fitted_all([text], height_share, width, bold)

    def _fitted_all(self, texts: list[str], height_share: float, width: float, bold: bool = False) -> QFont:
        """The font at `height_share` of the window, shrunk (to about 55 % at most) until every
        text fits `width`; anything still too long is elided when drawn."""
        font = self.font(height_share, bold=bold)
        for _ in range(8):
            metrics = QFontMetricsF(font)
            if all(metrics.horizontalAdvance(text) <= width for text in texts):
                break
            font.setPixelSize(max(8, round(font.pixelSize() * 0.93)))
        return font


def _subtitle(area: str, poll_date, seats: int) -> str:
    when = f"{poll_date.day} {month_name(poll_date)} {poll_date.year}"
    if seats > 1:
        return translate("ProjectorScreen", "{0} · {1} · {2} seats").format(area, when, seats)
    return translate("ProjectorScreen", "{0} · {1}").format(area, when)


def _mark(line: CandidateLine) -> str:
    if line.elected:
        return "  " + translate("ProjectorScreen", "✓ ELECTED")
    return "  " + translate("ProjectorScreen", "TIED") if line.tied else ""


def hall_status(contest: Contest, result: ContestResult) -> str:
    """The status for the hall: as on the Result tab, but a lot is announced, not recorded, here."""
    if result.status is Status.NEEDS_LOTS and result.pending_tie is not None:
        return translate("ProjectorScreen", "A lot is needed: {0}. The returning officer will draw the lot by "
                                            "hand.").format(tie_sentence(contest, result, result.pending_tie))
    return status_sentence(contest, result, descriptions=False)

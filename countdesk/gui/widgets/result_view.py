"""The Result tab: the selected contest's live result as the count stands.

It renders `open_count.result(contest_id)` (table, chart, ballot-paper figures, checks) and repaints
when `open_count.changed` names the contest. The banner says PROVISIONAL until the contest is
declared. When the law needs a lot, "Record lot…" opens the dialog for the hand-drawn lot.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.completeness import ROUND1_DIFFERENCE, ROUND2_DIFFERENCE
from ...domain.model import REJECTED_HEADS, Contest, VotingSystem
from ...domain.result import ContestResult, Status
from ...errors import CountdeskError
from ..appearance import format_moment
from ..models.result_model import HEAD_LABELS, ResultTableModel, figure, has_second_round, percent, status_sentence
from ..refresh import refresh_when_shown
from .checks_panel import ChecksPanel
from .figure_grid import FigureGrid
from .result_chart import ResultChart
from .wrapped_label import WrappedLabel

BANNER_STYLE = {
    "provisional": "background: #fff4ce; color: #5c3c00; border: 2px solid #c98a00;",
    "declared": "background: #dff6dd; color: #0e4f12; border: 2px solid #107c10;",
    "incomplete": "background: #fde7e9; color: #a4262c; border: 2px solid #a4262c;",
}
MAX_ROWS_WITHOUT_SCROLLING = 16
#: The table's column that takes the width the others leave (the party or description).
DESCRIPTION_COLUMN = 1
STATUS_STYLE = {
    Status.ELECTED: "color: #0e4f12; font-weight: bold;",
    Status.NEEDS_LOTS: "color: #8a4b00; font-weight: bold;",
    Status.INCOMPLETE: "color: palette(window-text); font-weight: bold;",
    Status.UNCONTESTED: "color: #0e4f12; font-weight: bold;",
    Status.COUNTED: "color: palette(window-text); font-weight: bold;",
    Status.DECIDED: "color: #0e4f12; font-weight: bold;",
    Status.EQUAL: "color: #8a4b00; font-weight: bold;",
}
translate = QCoreApplication.translate
#: The status line when no result can be counted (an area's round-2 instruction lost or altered).
PROBLEM_STYLE = "color: #a4262c; font-weight: bold;"


def is_declared(open_count, contest_id: str) -> bool:
    """True once the contest has been declared: the services then lock it (store Stage.DECLARED)."""
    return bool(open_count.contest_state(contest_id).declared)


class ResultView(QWidget):
    """Live totals, the stage, the status, the figures and the checks for one contest."""

    #: Emitted with the contest id after a lot has been recorded from this view.
    lot_recorded = Signal(str)

    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self.contest_id: str | None = None
        self.setObjectName("resultView")
        self.setAccessibleName(self.tr("Result"))

        # Both wrap, and layouts ask their heights many times over while the window settles.
        self.title_label = WrappedLabel(self)
        self.title_label.setObjectName("resultTitle")
        self.title_label.setAccessibleName(self.tr("Contest"))
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.banner = QLabel(self)
        self.banner.setObjectName("stageBanner")
        self.banner.setAccessibleName(self.tr("Stage"))
        banner_font = self.banner.font()
        banner_font.setPointSizeF(banner_font.pointSizeF() * 1.25)
        banner_font.setBold(True)
        banner_font.setLetterSpacing(banner_font.SpacingType.PercentageSpacing, 110)
        self.banner.setFont(banner_font)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        self.status_label = WrappedLabel(self)
        self.status_label.setObjectName("resultStatus")
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lot_button = QPushButton(self.tr("Record &lot…"), self)
        self.lot_button.setObjectName("recordLotButton")
        self.lot_button.setAccessibleName(self.tr("Record lot"))
        self.lot_button.setToolTip(self.tr("Record the lot the returning officer has drawn by hand"))
        self.lot_button.clicked.connect(self.open_lot_dialog)
        self.lot_button.hide()
        # A difference checking did not resolve: only the returning officer can accept it, for
        # exactly the figures shown (passphrase and reason; audited).
        self.accept_button = QPushButton(self.tr("Accept the &difference…"), self)
        self.accept_button.setObjectName("acceptDifferenceButton")
        self.accept_button.setAccessibleName(self.tr("Accept the difference"))
        self.accept_button.setToolTip(self.tr("The returning officer accepts the difference shown, for exactly "
                                              "these figures"))
        self.accept_button.clicked.connect(self.open_accept_dialog)
        self.accept_button.hide()

        # Every widget below is made inside the container it stays in: moving a built subtree into
        # a splitter or a scroll area afterwards re-parented and re-polished all of it.
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.setObjectName("resultBodySplitter")
        upper = QWidget(body)
        self.model = ResultTableModel(self)
        self.table = QTableView(upper)
        self.table.setObjectName("resultTable")
        self.table.setAccessibleName(self.tr("Candidates and votes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.lots_label = QLabel(upper)
        self.lots_label.setObjectName("lotsApplied")
        self.lots_label.setAccessibleName(self.tr("Lots applied"))
        self.lots_label.setWordWrap(True)
        self.lots_label.hide()
        middle = QSplitter(Qt.Orientation.Horizontal, upper)
        middle.setObjectName("resultMiddleSplitter")
        self.chart = ResultChart(middle)
        # The figures scroll when the window is short rather than being squeezed until they clip.
        figures_scroll = QScrollArea(middle)
        figures_scroll.setObjectName("figuresScroll")
        figures_scroll.setAccessibleName(self.tr("Ballot papers and rejected papers"))
        figures_scroll.setWidgetResizable(True)
        figures_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Put in the scroll area while still empty (asking Python for the viewport, a Qt-private
        # object, would make PySide build dozens of Qt types' enums).
        figures = QWidget()
        figures_scroll.setWidget(figures)
        self.papers = FigureGrid(self.tr("Ballot papers"), figures)
        self.papers.setObjectName("ballotPapers")
        self.rejected = FigureGrid(self.tr("Rejected ballot papers"), figures)
        self.rejected.setObjectName("rejectedPapers")
        self.checks = ChecksPanel(body)

        self._lay_out(body, upper, middle, figures_scroll, figures)
        refresh_when_shown(self, open_count.changed, self._on_changed)
        self.refresh()

    def _lay_out(self, body: QSplitter, upper: QWidget, middle: QSplitter, figures_scroll: QScrollArea,
                 figures: QWidget) -> None:
        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self.banner, 0, Qt.AlignmentFlag.AlignTop)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.lot_button, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignTop)

        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addWidget(self.papers)
        figures_layout.addWidget(self.rejected)
        figures_layout.addStretch(1)
        middle.addWidget(self.chart)
        middle.addWidget(figures_scroll)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        middle.setChildrenCollapsible(False)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table)
        upper_layout.addWidget(self.lots_label)
        upper_layout.addWidget(middle, 1)
        body.addWidget(upper)
        body.addWidget(self.checks)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(status_row)
        layout.addWidget(body, 1)
        self.setTabOrder(self.lot_button, self.accept_button)
        self.setTabOrder(self.accept_button, self.table)
        self.setTabOrder(self.table, self.checks.tree)
        self.setTabOrder(self.checks.tree, figures_scroll)

    # -- public ---------------------------------------------------------------------------------
    def set_contest(self, contest_id: str | None) -> None:
        self.contest_id = contest_id or None
        self.refresh()

    def result(self) -> ContestResult | None:
        """The result shown; None with no contest, or when it cannot be counted (see the status)."""
        if not self.contest_id:
            return None
        try:
            return self.open_count.result(self.contest_id)
        except CountdeskError:
            return None

    def refresh(self) -> None:
        if not self.contest_id:
            self._show_nothing()
            return
        contest = self.open_count.contest(self.contest_id)
        try:
            result = self.open_count.result(self.contest_id)
        except CountdeskError as problem:
            self._show_problem(contest, problem)
            return
        declared = is_declared(self.open_count, self.contest_id)
        self.title_label.setText(contest.title)
        self._set_banner(declared, incomplete=result.status is Status.INCOMPLETE)
        self.status_label.setText(status_sentence(contest, result))
        self.status_label.setStyleSheet(STATUS_STYLE[result.status])
        needs_lot = result.status is Status.NEEDS_LOTS and result.pending_tie is not None
        self.lot_button.setVisible(needs_lot)
        self.lot_button.setEnabled(needs_lot and not declared and not self.open_count.read_only)
        difference = acceptable_difference(result)
        self.accept_button.setVisible(difference is not None)
        self.accept_button.setEnabled(difference is not None and not declared and not self.open_count.read_only)
        self.model.set_result(contest, result)
        self._size_columns()
        self.chart.set_result(contest, result)
        self.papers.set_rows(_paper_rows(contest, result))
        self.rejected.set_rows(_rejected_rows(result))
        self._show_lots(contest, result)
        self.checks.set_warnings(result.warnings, contest)

    def open_accept_dialog(self) -> None:
        """The RO accepts the difference shown, with the passphrase and a reason (services.acceptances)."""
        from ..dialogs.passphrase_dialog import PassphraseDialog

        result = self.result()
        difference = acceptable_difference(result) if result is not None else None
        if difference is None or self.contest_id is None:
            return
        counted, expected = difference.figures["counted"], difference.figures["expected"]
        stage = "round1" if difference.code == ROUND1_DIFFERENCE else "round2"
        dialog = PassphraseDialog(
            self.tr("Accept a difference"),
            self.tr("%1.\n\nAccept exactly these figures, %2 counted against %3 expected, as the returning "
                    "officer? The acceptance is recorded with your reason and printed on the declaration; it "
                    "is void for good as soon as either figure changes.")
            .replace("%1", difference.message[:1].upper() + difference.message[1:])
            .replace("%2", f"{counted:,}").replace("%3", f"{expected:,}"),
            self, with_reason=True, ok_text=self.tr("Accept"))
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return
        contest_id = self.contest_id
        try:
            self.open_count.accept_difference(contest_id, dialog.passphrase(), stage=stage, counted=counted,
                                              expected=expected, reason=dialog.reason())
        except CountdeskError as error:
            from ..count_files import show_error

            show_error(self, self.tr("The difference was not accepted"), error.message)

    def open_lot_dialog(self) -> None:
        """Opens the lot dialog for the pending tie; the view follows the record via `changed`."""
        from ..dialogs.lot_dialog import LotDialog

        result = self.result()
        if result is None or result.pending_tie is None or self.contest_id is None:
            return
        dialog = LotDialog(self.open_count, self.contest_id, result.pending_tie, self)
        if dialog.exec() == LotDialog.DialogCode.Accepted:
            self.lot_recorded.emit(self.contest_id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:
            self.model.restyle()  # its cells' fonts are made from the application font when filled
            if self.model.columnCount():
                self._size_columns()  # and the columns measured for them
        super().changeEvent(event)

    # -- internals ------------------------------------------------------------------------------
    def _on_changed(self, contest_id: str) -> None:
        if not self.contest_id or contest_id not in ("", self.contest_id):
            return
        if self.contest_id not in self.open_count.contest_ids():
            self.contest_id = None  # the contest was removed (set-up, or a replacing import)
        self.refresh()

    def _show_nothing(self) -> None:
        self.title_label.setText(self.tr("No contest selected"))
        self.status_label.setStyleSheet("")
        self._clear(self.tr("Choose a contest to see its result."))

    def _show_problem(self, contest: Contest, problem: CountdeskError) -> None:
        """No figures at all rather than figures counted on the wrong footing: the title, and the
        sentence that says what is wrong and what to do."""
        self.title_label.setText(contest.title)
        self.status_label.setStyleSheet(PROBLEM_STYLE)
        self._clear(self.tr("The result cannot be shown: {0}").format(problem.message))

    def _clear(self, status: str) -> None:
        self.banner.hide()
        self.status_label.setText(status)
        self.lot_button.hide()
        self.accept_button.hide()
        self.model.set_result(None, None)
        self.chart.set_result(None, None)
        self.papers.set_rows([])
        self.rejected.set_rows([])
        self.lots_label.hide()
        self.checks.set_warnings(())

    def _set_banner(self, declared: bool, incomplete: bool = False) -> None:
        stage = "declared" if declared else "incomplete" if incomplete else "provisional"
        self.banner.setText({"declared": self.tr("DECLARED"), "incomplete": self.tr("INCOMPLETE"),
                             "provisional": self.tr("PROVISIONAL")}[stage])
        self.banner.setProperty("stage", stage)
        padding = self.fontMetrics().averageCharWidth()
        self.banner.setStyleSheet(BANNER_STYLE[stage] + f" padding: {padding // 2}px {padding * 2}px;")
        self.banner.setToolTip({
            "declared": self.tr("The result has been declared: the contest is locked."),
            "incomplete": self.tr("Incomplete: papers are not yet accounted for, so nobody is elected."),
            "provisional": self.tr("Provisional: these figures are not yet declared and may change."),
        }[stage])
        self.banner.setAccessibleDescription(self.banner.toolTip())
        self.banner.show()

    def _size_columns(self) -> None:
        """Every column but the description as wide as its contents, the description the spare
        width; the table as tall as its rows, so every candidate shows without scrolling.

        The widths are measured here, once per fill, exactly as the header's ResizeToContents
        measures them; that mode measured every cell again at each layout pass (half a dozen
        before a count's first paint)."""
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column == DESCRIPTION_COLUMN:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            width = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(max(width, header.minimumSectionSize()), header.maximumSectionSize()))
        self.table.resizeRowsToContents()
        vertical = self.table.verticalHeader()
        rows = min(vertical.length(), vertical.defaultSectionSize() * MAX_ROWS_WITHOUT_SCROLLING)
        frame = self.table.frameWidth() * 2
        self.table.setFixedHeight(header.sizeHint().height() + rows + frame)

    def _show_lots(self, contest: Contest, result: ContestResult) -> None:
        if not result.lots_applied:
            self.lots_label.hide()
            return
        sentences = []
        for lot in result.lots_applied:
            tied = self.tr(" and ").join(contest.candidate(cid).name for cid in lot.tied)
            won = self.tr(" and ").join(contest.candidate(cid).name for cid in lot.winners)
            drawn_at = format_moment(lot.drawn_at) if lot.drawn_at else "–"
            sentences.append(
                self.tr("Decided by lot: {0} were tied; the lot fell on {1}. Drawn by {2} on {3}, witnessed by "
                        "{4}.").format(tied, won, lot.drawn_by or "–", drawn_at, lot.witnesses or "–"))
        self.lots_label.setText("\n".join(sentences))
        self.lots_label.show()


def acceptable_difference(result: ContestResult):
    """The difference the returning officer may accept now (first round, or second once the first
    is complete), with its figures; None when none stands."""
    return next((g for g in result.gaps if g.code in (ROUND1_DIFFERENCE, ROUND2_DIFFERENCE)), None)


def _paper_rows(contest: Contest, result: ContestResult) -> list[tuple[str, str]]:
    sv = result.system is VotingSystem.SV
    if sv:
        valid = translate("ResultView", "Valid first preferences")
    else:
        valid = translate("ResultView", "Papers with a valid vote") if result.seats > 1 else translate(
            "ResultView", "Valid votes")
    rows = [
        (translate("ResultView", "Ballot papers verified"), figure(result.ballot_papers_verified)
         if result.ballot_papers_verified is not None else translate("ResultView", "verification not complete")),
        (translate("ResultView", "Ballot papers counted (first round)") if sv
         else translate("ResultView", "Ballot papers counted"), figure(result.ballot_papers_counted)),
        (valid, figure(result.valid_votes)),
        (translate("ResultView", "Rejected ballot papers"), figure(result.rejected.total)),
    ]
    if has_second_round(result):
        rows.append((translate("ResultView", "Non-transferable papers (second round)"),
                     figure(result.non_transferable)))
    rows.append((translate("ResultView", "Electorate"), figure(result.electorate)))
    rows.append((translate("ResultView", "Turnout (papers verified ÷ electorate)"), percent(result.turnout_percent)))
    return rows


def _rejected_rows(result: ContestResult) -> list[tuple[str, str]]:
    rows = [(HEAD_LABELS[head], figure(result.rejected.by_head.get(head, 0))) for head in REJECTED_HEADS]
    if result.system is VotingSystem.FPTP and result.seats > 1:
        rows.append((translate("ResultView", "Rejected in part (valid votes counted)"),
                     figure(result.rejected.rejected_in_part)))
    rows.append((translate("ResultView", "Total rejected"), figure(result.rejected.total)))
    return rows

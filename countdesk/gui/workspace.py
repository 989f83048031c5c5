"""An open count: the contest chooser and the tabs (Set-up, Verification, Count, Result, Audit log).

Each tab's view is built the first time it is shown (or asked for), so opening a count builds and
fills only the tab the user lands on: the window appears sooner, and the other tabs cost nothing
until they are used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ..domain.completeness import summary
from ..errors import CountdeskError
from .discard_guard import confirm_discard, unconfirmed_work
from .refresh import catch_up

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from .widgets.audit_view import AuditView
    from .widgets.result_view import ResultView
    from .widgets.setup_view import SetupView
    from .widgets.sheets_view import SheetsView
    from .widgets.verification_view import VerificationView

TAB_NAMES = ("setup", "verification", "count", "result", "audit")
#: No Alt keys on the tabs: Ctrl+1 to Ctrl+5 choose them, and Alt+C, Alt+V would clash with the Count
#: and View menus (one press then only moved the focus, and a count was typed into the wrong tab).
TAB_TITLES = (QT_TRANSLATE_NOOP("CountWorkspace", "Set-up"), QT_TRANSLATE_NOOP("CountWorkspace", "Verification"),
              QT_TRANSLATE_NOOP("CountWorkspace", "Count"), QT_TRANSLATE_NOOP("CountWorkspace", "Result"),
              QT_TRANSLATE_NOOP("CountWorkspace", "Audit log"))
#: Where a provisional result stands, by its status, on the stage line.
STATUS_WORDS = {"elected": QT_TRANSLATE_NOOP("CountWorkspace", "count elected"),
                "needs_lots": QT_TRANSLATE_NOOP("CountWorkspace", "count needs lots"),
                "incomplete": QT_TRANSLATE_NOOP("CountWorkspace", "count incomplete"),
                "uncontested": QT_TRANSLATE_NOOP("CountWorkspace", "count uncontested"),
                "counted": QT_TRANSLATE_NOOP("CountWorkspace", "count counted"),
                "decided": QT_TRANSLATE_NOOP("CountWorkspace", "count decided"),
                "equal": QT_TRANSLATE_NOOP("CountWorkspace", "count equal")}


class CountWorkspace(QWidget):
    status_message = Signal(str)
    contest_changed = Signal(str)
    tab_changed = Signal(str)

    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countWorkspace")
        self.open_count = open_count
        self.contest_combo = QComboBox()
        self.contest_combo.setObjectName("contestSelector")
        self.contest_combo.setAccessibleName(self.tr("Contest"))
        self.contest_combo.setMinimumContentsLength(28)
        contest_label = QLabel(self.tr("C&ontest:"))
        contest_label.setBuddy(self.contest_combo)
        self.stage_label = QLabel("")
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setAccessibleName(self.tr("Stage of the count"))
        self.operator_label = QLabel("")
        self.operator_label.setObjectName("operatorLabel")
        self.operator_label.setAccessibleName(self.tr("Operator"))
        self.operator_label.setProperty("role", "hint")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setAccessibleName(self.tr("Stages of the count"))
        self.tabs.tabBar().setAccessibleName(self.tr("Stages of the count: Set-up (Ctrl+1), Verification (Ctrl+2), "
                                                     "Count (Ctrl+3), Result (Ctrl+4), Audit log (Ctrl+5)"))
        self._built: dict[str, QWidget] = {}
        self._shown_contest: str | None = None
        for name, title in zip(TAB_NAMES, TAB_TITLES, strict=True):
            page = QWidget()
            page.setObjectName(f"{name}Page")
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(page, self.tr(title))

        top = QHBoxLayout()
        top.addWidget(contest_label)
        top.addWidget(self.contest_combo)
        top.addSpacing(16)
        top.addWidget(self.stage_label)
        top.addStretch(1)
        top.addWidget(self.operator_label)
        self.read_only_banner = QLabel("")
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setProperty("role", "readOnlyBanner")
        self.read_only_banner.setAccessibleName(self.tr("Read-only"))
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setVisible(open_count.read_only)
        if open_count.read_only:
            holder = open_count.lock_holder
            who = (self.tr("{0} on {1}").format(holder.operator or holder.user, holder.host) if holder
                   else self.tr("another countdesk"))
            self.read_only_banner.setText(self.tr("READ-ONLY: {0} has this count open for writing. You can look at "
                                                  "everything here, but nothing can be changed.").format(who))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.read_only_banner)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.contest_combo.currentIndexChanged.connect(self._contest_chosen)
        self.tabs.currentChanged.connect(self._tab_chosen)
        open_count.changed.connect(self._count_changed)
        open_count.operator_changed.connect(lambda _name: self._show_operator())
        self._fill_contests()
        self._show_operator()

    # -- contests -----------------------------------------------------------------------------
    def _fill_contests(self) -> None:
        current = self.current_contest()
        self.contest_combo.blockSignals(True)
        self.contest_combo.clear()
        for contest in self.open_count.count().contests:
            self.contest_combo.addItem(contest.title, contest.id)
        index = self.contest_combo.findData(current) if current else 0
        self.contest_combo.setCurrentIndex(max(index, 0) if self.contest_combo.count() else -1)
        self.contest_combo.blockSignals(False)
        if self.current_contest() != current:
            self._contest_chosen()

    def current_contest(self) -> str | None:
        return self.contest_combo.currentData()

    def select_contest(self, contest_id: str) -> None:
        index = self.contest_combo.findData(contest_id)
        if index < 0:
            self._fill_contests()
            index = self.contest_combo.findData(contest_id)
        if index >= 0:
            self.contest_combo.setCurrentIndex(index)

    def unconfirmed_work(self) -> list[str]:
        """Figures typed in any tab and not confirmed yet (see discard_guard)."""
        return unconfirmed_work(self._built.values())

    def _contest_chosen(self, *_args: object) -> None:
        contest_id = self.current_contest()
        previous = self._shown_contest
        if previous is not None and previous != contest_id and self.contest_combo.findData(previous) >= 0 \
                and not confirm_discard(self.window(), self.unconfirmed_work(), self.tr("switch contest")):
            self.contest_combo.blockSignals(True)
            self.contest_combo.setCurrentIndex(self.contest_combo.findData(previous))
            self.contest_combo.blockSignals(False)
            return
        self._shown_contest = contest_id
        for view in self._built.values():
            if hasattr(view, "set_contest"):
                view.set_contest(contest_id)
        self._show_stage()
        self.contest_changed.emit(contest_id or "")

    def _count_changed(self, contest_id: str) -> None:
        if not contest_id:
            self._fill_contests()
        self._show_stage()

    # -- tabs ---------------------------------------------------------------------------------
    def select_tab(self, name: str) -> None:
        if name in TAB_NAMES:
            self.tabs.setCurrentIndex(TAB_NAMES.index(name))
            self.view(name)  # already the current tab: no change signal, but it must be built

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.view(self.tab_name())
        super().showEvent(event)

    def tab_name(self) -> str:
        return TAB_NAMES[self.tabs.currentIndex()]

    def view(self, name: str) -> QWidget:
        """The tab's view, built (and shown the current contest) the first time it is wanted."""
        view = self._built.get(name)
        if view is None:
            page = self.tabs.widget(TAB_NAMES.index(name))
            view = self._build_view(name, page)  # made in its page: moving it in re-polished it all
            self._built[name] = view
            page.layout().addWidget(view)
            view.show()  # shown now, not on the next pass of the event loop as a late child would be
            if hasattr(view, "set_contest"):
                view.set_contest(self.current_contest())
        else:
            catch_up(view)  # a hidden tab's view is read: it shows what changed meanwhile first
        return view

    def built_tabs(self) -> tuple[str, ...]:
        """The tabs whose views exist so far, in tab order."""
        return tuple(name for name in TAB_NAMES if name in self._built)

    def _build_view(self, name: str, page: QWidget) -> QWidget:
        # Imported here: each view's module loads with its tab, so start-up pays for one tab only.
        if name == "setup":
            from .widgets.setup_view import SetupView

            view = SetupView(self.open_count, page)
            view.contest_added.connect(self.select_contest)
        elif name == "verification":
            from .widgets.verification_view import VerificationView

            view = VerificationView(self.open_count, page)
        elif name == "count":
            from .widgets.sheets_view import SheetsView

            view = SheetsView(self.open_count, page)
        elif name == "result":
            from .widgets.result_view import ResultView

            view = ResultView(self.open_count, page)
        else:
            from .widgets.audit_view import AuditView

            view = AuditView(self.open_count, page)
        if hasattr(view, "status_message"):
            view.status_message.connect(self.status_message)
        return view

    @property
    def setup_view(self) -> SetupView:
        return self.view("setup")

    @property
    def verification_view(self) -> VerificationView:
        return self.view("verification")

    @property
    def sheets_view(self) -> SheetsView:
        return self.view("count")

    @property
    def result_view(self) -> ResultView:
        return self.view("result")

    @property
    def audit_view(self) -> AuditView:
        return self.view("audit")

    def _tab_chosen(self, index: int) -> None:
        """Each tab opens ready for the keyboard: the next box to verify, the sheet's first figure."""
        name = TAB_NAMES[index]
        self.view(name)
        if name == "audit":
            self.audit_view.scroll_to_latest()
        elif name == "verification":
            self.verification_view.table.setFocus()
        elif name == "count":
            self.sheets_view.form.focus_first_figure()
        self.tab_changed.emit(name)

    # -- header -------------------------------------------------------------------------------
    def _show_stage(self) -> None:
        contest_id = self.current_contest()
        if contest_id is None:
            self.stage_label.setText(self.tr("No contest yet: add one in Set-up"))
            return
        try:
            declared = self.open_count.contest_state(contest_id).declared
        except (CountdeskError, KeyError):
            return
        if declared:
            self.stage_label.setText(self.tr("DECLARED: the result is final and the contest is locked"))
            return
        try:
            result = self.open_count.result(contest_id)
            status = result.status.value
            where = self.tr(STATUS_WORDS[status]) if status in STATUS_WORDS else "count " + status.replace("_", " ")
            if result.gaps:  # what is missing, in the words the declaration refusal uses
                where = self.tr("INCOMPLETE: %1").replace("%1", summary(result.gaps, limit=1))
        except KeyError:
            return
        except CountdeskError:  # an area's round-2 instruction lost or altered: the Result tab says which
            where = self.tr("the result cannot be counted: see the Result tab")
        self.stage_label.setText(self.tr("PROVISIONAL until declared · {0}").format(where))

    def _show_operator(self) -> None:
        suffix = self.tr(" · read-only") if self.open_count.read_only else ""
        self.operator_label.setText(self.tr("Operator: {0}{1}").format(self.open_count.operator, suffix))

    def suggested_tab(self) -> str:
        """Where the count stands, for a file opened for the first time on this computer."""
        count = self.open_count.count()
        if not count.contests or not all(c.candidates and c.boxes for c in count.contests):
            return "setup"
        if any(b.verified is None for c in count.contests for b in c.boxes):
            return "verification"
        try:
            elected = all(self.open_count.result(c.id).status.value == "elected" for c in count.contests)
        except CountdeskError:
            return "result"  # a result that cannot be counted: the Result tab says why and what to do
        return "result" if elected else "count"

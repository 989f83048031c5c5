"""The Audit log tab: every change to the count, filtered by contest, operator and action."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.audit_model import ACTION, CHANGE, CONTEST, OPERATOR, REASON, AuditFilterModel, AuditModel
from .table_columns import size_columns_on_reset

ALL = ""
ACTION_FAMILIES = ((QT_TRANSLATE_NOOP("AuditView", "Sheets"), "sheet."),
                   (QT_TRANSLATE_NOOP("AuditView", "Double entry"), "keying."),
                   (QT_TRANSLATE_NOOP("AuditView", "Boxes and verification"), "box."),
                   (QT_TRANSLATE_NOOP("AuditView", "Candidates"), "candidate."),
                   (QT_TRANSLATE_NOOP("AuditView", "Contests"), "contest."),
                   (QT_TRANSLATE_NOOP("AuditView", "Lots"), "lot."),
                   (QT_TRANSLATE_NOOP("AuditView", "Sessions"), "session."),
                   (QT_TRANSLATE_NOOP("AuditView", "Documents printed or saved"), "document."))


class AuditView(QWidget):
    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.open_count = open_count
        self.model = AuditModel(open_count, self)
        self.proxy = AuditFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.contest_filter = self._combo("auditContest", self.tr("Filter by contest"))
        self.operator_filter = self._combo("auditOperator", self.tr("Filter by operator"))
        self.action_filter = self._combo("auditAction", self.tr("Filter by action"))
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.verify_button = QPushButton(self.tr("Check the a&udit trail"))
        self.verify_button.setObjectName("verifyAudit")
        self.verify_button.setAccessibleName(self.tr("Check the audit trail's hash chain"))
        self.verify_button.clicked.connect(self.check_chain)
        self.verdict = QLabel("")
        self.verdict.setObjectName("auditVerdict")
        self.verdict.setAccessibleName(self.tr("Audit trail check"))
        self.verdict.setWordWrap(True)
        self.count_label = QLabel("")
        self.count_label.setProperty("role", "hint")

        filters = QHBoxLayout()
        for caption, combo in ((self.tr("Co&ntest:"), self.contest_filter),
                               (self.tr("O&perator:"), self.operator_filter),
                               (self.tr("Ac&tion:"), self.action_filter)):
            label = QLabel(caption)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.model.rowsInserted.connect(lambda _parent, first, last: self._add_choices(first, last))
        self.model.modelReset.connect(self._refresh_choices)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._refresh_choices()
        size_columns_on_reset(self.table, stretch=CHANGE, skip=frozenset({REASON}))

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setMinimumContentsLength(14)
        combo.currentIndexChanged.connect(self._apply_filters)
        return combo

    def _refresh_choices(self, *_args: object) -> None:
        self._fill(self.contest_filter, [(c, c) for c in self.model.distinct(CONTEST)], self.tr("All contests"))
        self._fill(self.operator_filter, [(o, o) for o in self.model.distinct(OPERATOR)], self.tr("All operators"))
        actions = [(self.tr(words), prefix) for words, prefix in ACTION_FAMILIES]
        actions += [(a, a) for a in self.model.distinct(ACTION)]
        self._fill(self.action_filter, actions, self.tr("All actions"))
        self._update_count()

    def _add_choices(self, first: int, last: int) -> None:
        """Entries appended: only their contests, operators and actions are new choices."""
        for combo, column, fixed in ((self.contest_filter, CONTEST, 1), (self.operator_filter, OPERATOR, 1),
                                     (self.action_filter, ACTION, 1 + len(ACTION_FAMILIES))):
            for value in self.model.distinct(column, first, last):
                if combo.findData(value) >= 0:
                    continue
                at = fixed
                while at < combo.count() and combo.itemData(at) < value:
                    at += 1
                combo.blockSignals(True)  # the current choice and its filter stay as they are
                combo.insertItem(at, value, value)
                combo.blockSignals(False)
        self._update_count()

    @staticmethod
    def _fill(combo: QComboBox, choices: list[tuple[str, str]], everything: str) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ALL)
        for text, value in choices:
            combo.addItem(text, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _apply_filters(self, *_args: object) -> None:
        self.proxy.set_filters(contest=self.contest_filter.currentData() or ALL,
                               operator=self.operator_filter.currentData() or ALL,
                               action=self.action_filter.currentData() or ALL)
        self._update_count()

    def set_filters(self, *, contest: str = ALL, operator: str = ALL, action: str = ALL) -> None:
        for combo, value in ((self.contest_filter, contest), (self.operator_filter, operator),
                             (self.action_filter, action)):
            combo.setCurrentIndex(max(combo.findData(value), 0))

    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(self.tr("{0} of {1} entries").format(self.proxy.rowCount(), self.model.rowCount()))

    def check_chain(self) -> None:
        """The full check `countdesk audit --verify` makes: the chain, then every figure replayed."""
        verdict = self.open_count.verify_integrity()
        chain = verdict.audit
        if verdict.ok:
            self.verdict.setText(self.tr("The audit trail is intact and every figure replays from it: {0} entries, "
                                         "each linked to the one before (last hash {1}…).").format(
                chain.rows_checked, chain.last_hash[:16]))
        elif not chain.ok:
            self.verdict.setText(self.tr("The audit trail has been altered: {0}.").format(chain.problem))
        else:
            self.verdict.setText(self.tr("The count has been changed outside the app: {0}.").format(verdict.summary()))
        self.verdict.setProperty("role", "hint" if verdict.ok else "fieldError")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)

    def scroll_to_latest(self) -> None:
        self.table.scrollToBottom()


__all__ = ["AuditView"]

"""The engine's numbered warnings for one contest, each with its plain-English explanation.

Warnings never block: the returning officer reads them and decides. Each row shows the code, the
check's title, where it applies and the engine's message; expanding a row (or hovering it) shows
why the check exists and what to do, from `domain.checks.CHECKS`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...domain.checks import CHECKS
from ...domain.model import Contest
from ...domain.places import place_in_words
from ...domain.result import Warning_

COLUMNS = (QT_TRANSLATE_NOOP("ChecksPanel", "Code"), QT_TRANSLATE_NOOP("ChecksPanel", "Check"),
           QT_TRANSLATE_NOOP("ChecksPanel", "Where"), QT_TRANSLATE_NOOP("ChecksPanel", "Message"))
translate = QCoreApplication.translate


class ChecksPanel(QWidget):
    """A list of warnings; call `set_warnings` with a ContestResult's `warnings`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.setAccessibleName(self.tr("Checks"))
        self.heading = QLabel(self)
        self.heading.setObjectName("checksHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("checksTree")
        self.tree.setAccessibleName(self.tr("Warnings from the checks"))
        self.tree.setAccessibleDescription(
            self.tr("Each warning has a code, the check, where it applies and a message; expand a warning "
                    "to read what it means and what to do.")
        )
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([self.tr(column) for column in COLUMNS])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Room for several warnings: squeezed to a row or two, one warning looked like two rows.
        self.tree.setMinimumHeight(self.tree.fontMetrics().height() * 8)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in range(len(COLUMNS) - 1):  # as wide as their contents: see _size_columns
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        self.heading.setBuddy(self.tree)
        self._shown: tuple[Warning_, ...] | None = None
        self.set_warnings(())

    def set_warnings(self, warnings: Sequence[Warning_], contest: Contest | None = None) -> None:
        """Show these warnings, each place in words (the box, the sheet) for `contest`; the same
        ones again change nothing (a warning someone expanded to read stays open while sheets are
        entered, and rebuilding the tree on every entry is slow)."""
        warnings = tuple(warnings)
        if warnings == self._shown:
            return
        if self._shown is not None and [(w.code, w.where) for w in warnings] == [
                (w.code, w.where) for w in self._shown]:
            # The same checks at the same places with new figures: update the words in place.
            for row, warning in enumerate(warnings):
                _update_item(self.tree.topLevelItem(row), warning, place_in_words(contest, warning.where))
            self._shown = warnings
            self._size_columns()
            return
        self._shown = warnings
        self.tree.clear()
        items = [_warning_item(warning, place_in_words(contest, warning.where)) for warning in warnings]
        self.tree.addTopLevelItems(items)
        # Spanned once every item is in: it only takes effect inside a tree, and each span lays out
        # the items added since the last (one layout for the lot, not one per warning).
        for item in items:
            for index in range(item.childCount()):
                item.child(index).setFirstColumnSpanned(True)
        count = len(warnings)
        if count == 0:
            self.heading.setText(self.tr("Checks: no warnings. Every numbered check passes."))
        else:
            self.heading.setText(
                self.tr("Checks: 1 warning. Warnings do not block the result: read each one and decide. "
                         "Expand a warning to see what it means.") if count == 1 else
                 self.tr("Checks: {0} warnings. Warnings do not block the result: read each one and decide. "
                         "Expand a warning to see what it means.").format(count)
            )
        self.tree.setAccessibleDescription(self.heading.text())
        self._size_columns()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_columns()
        super().changeEvent(event)

    def _size_columns(self) -> None:
        """The code, check and place columns as wide as their widest entry or title, measured
        here, once per change of the warnings, exactly as the header's ResizeToContents measures
        them: that mode measured every row again at each layout pass, and each pass of a tree
        whose rows wrap lays their text out anew. The message takes the rest."""
        header = self.tree.header()
        for column in range(len(COLUMNS) - 1):
            width = max(self.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(max(width, header.minimumSectionSize()), header.maximumSectionSize()))

    def warning_count(self) -> int:
        return self.tree.topLevelItemCount()

    def explanation(self, row: int) -> str:
        """The plain-English explanation shown under the warning in `row`."""
        item = self.tree.topLevelItem(row)
        return item.child(0).text(0) if item is not None and item.childCount() else ""


def _warning_item(warning: Warning_, place: str) -> QTreeWidgetItem:
    check = CHECKS.get(warning.code)
    title = check.title if check else translate("ChecksPanel", "Unnumbered check")
    explanation = check.explanation if check else ""
    item = QTreeWidgetItem([warning.code, title, place, warning.message])
    item.setData(0, Qt.ItemDataRole.UserRole, warning.code)
    tip = (translate("ChecksPanel", "{0} {1}\n\n{2}").format(warning.code, title, explanation) if explanation
           else translate("ChecksPanel", "{0} {1}").format(warning.code, title))
    for column in range(len(COLUMNS)):
        item.setToolTip(column, tip)
    item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                 translate("ChecksPanel", "{0}, {1}: {2}").format(warning.code, title, warning.message))
    if explanation:
        child = QTreeWidgetItem([explanation])
        italic = child.font(0)
        italic.setItalic(True)
        child.setFont(0, italic)
        child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        child.setToolTip(0, explanation)
        item.addChild(child)
    return item


def _update_item(item: QTreeWidgetItem, warning: Warning_, place: str) -> None:
    """The same check at the same place, with its new message (new figures)."""
    item.setText(2, place)
    check = CHECKS.get(warning.code)
    title = check.title if check else translate("ChecksPanel", "Unnumbered check")
    item.setText(3, warning.message)
    item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                 translate("ChecksPanel", "{0}, {1}: {2}").format(warning.code, title, warning.message))

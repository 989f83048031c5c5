"""Help > About countdesk: the version, what it runs on, and the licences of everything bundled.

The LGPL under which Qt ships asks that users be told Qt is inside and under which licence, and
the MIT, BSD and Apache licences ask that their notices travel with the program; this dialog is
where a packaged countdesk does both. Everything is reachable at the keyboard: the table of
components takes the focus first, the licence text of the chosen row follows it, and a button
copies the versions for a support call.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...licences import Component, all_components
from ..appearance import resource_file
from ..plain_text import escaped, rich_label

_SOURCE_ICONS = Path(__file__).resolve().parents[3] / "packaging" / "icons"
_KIND_WORDS = {"runtime": QT_TRANSLATE_NOOP("AboutDialog", "Runtime"),
               "library": QT_TRANSLATE_NOOP("AboutDialog", "Library"),
               "support": QT_TRANSLATE_NOOP("AboutDialog", "Supporting library"),
               "font": QT_TRANSLATE_NOOP("AboutDialog", "Font")}
COLUMNS = (QT_TRANSLATE_NOOP("AboutDialog", "Component"), QT_TRANSLATE_NOOP("AboutDialog", "Version"),
           QT_TRANSLATE_NOOP("AboutDialog", "Licence"), QT_TRANSLATE_NOOP("AboutDialog", "Used for"))
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon_path() -> Path | None:
    """The app icon (SVG): in resources/icons of a packaged app, packaging/icons in the source tree."""
    shipped = resource_file("icons", "countdesk.svg")
    if shipped is not None:
        return shipped
    source = _SOURCE_ICONS / "countdesk.svg"
    return source if source.exists() else None


def app_icon() -> QIcon:
    """The countdesk icon at every drawn size (16 and 24 px drawn apart, sharp in title bars)."""
    path = app_icon_path()
    if path is None:
        return QIcon()
    icon = QIcon()
    for size in ICON_SIZES:
        png = path.with_name(f"countdesk-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    return icon if not icon.isNull() else QIcon(str(path))


def versions_line() -> str:
    return QCoreApplication.translate("AboutDialog", "Qt {0} · PySide6 {1} · Python {2}").format(
        qVersion(), PYSIDE_VERSION, sys.version.split()[0])


class AboutDialog(QDialog):
    """Version, runtime versions, and a table of bundled components with their licence texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About countdesk"))
        self.setAccessibleName(self.tr("About countdesk"))
        self.components: tuple[Component, ...] = all_components(qVersion())

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAccessibleName(self.tr("countdesk icon"))
        self.title_label = rich_label(QLabel(self.tr("<b>countdesk {0}</b>").format(escaped(__version__))))
        self.title_label.setObjectName("aboutTitle")
        self.title_label.setAccessibleName(self.tr("countdesk version {0}").format(__version__))
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        self.title_label.setFont(title_font)
        summary = QLabel(self.tr("An offline count-centre application for UK returning officers. "
                                 "It uses no network: nothing is sent or fetched, ever."))
        summary.setWordWrap(True)
        self.versions_label = QLabel(versions_line())
        self.versions_label.setObjectName("aboutVersions")
        self.versions_label.setAccessibleName(self.tr("Versions"))
        self.versions_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QVBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(summary)
        heading.addWidget(self.versions_label)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.table = self._build_table()
        table_label = QLabel(self.tr("&Bundled software and fonts:"))
        table_label.setBuddy(self.table)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setAccessibleName(self.tr("Licence text"))
        self.licence_text.setReadOnly(True)
        self.licence_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.licence_label = QLabel(self.tr("&Licence:"))
        self.licence_label.setBuddy(self.licence_text)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy versions"))
        self.copy_button.setObjectName("copyVersions")
        self.copy_button.setAccessibleName(self.tr("Copy versions to the clipboard"))
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_versions)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.licence_label)
        layout.addWidget(self.licence_text, 2)
        layout.addWidget(buttons)
        self.setTabOrder(self.table, self.licence_text)
        self.setTabOrder(self.licence_text, self.copy_button)
        self.setTabOrder(self.copy_button, self.close_button)

        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        if self.components:
            self.table.setCurrentCell(0, 0)
            self.show_licence(0)
        self.table.setFocus()
        self.resize(820, 620)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(len(self.components), len(COLUMNS))
        table.setObjectName("componentsTable")
        table.setAccessibleName(self.tr("Bundled software and fonts"))
        table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move within it
        table.setWordWrap(False)
        for row, component in enumerate(self.components):
            purpose = component.purpose or (self.tr(_KIND_WORDS[component.kind]) if component.kind in _KIND_WORDS
                                             else component.kind)
            for column, text in enumerate((component.name, component.version, component.licence, purpose)):
                item = QTableWidgetItem(text)
                item.setToolTip(component.note or text)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        return table

    def show_licence(self, row: int) -> None:
        """The chosen component's note and licence texts below the table."""
        if not 0 <= row < len(self.components):
            self.licence_text.clear()
            return
        component = self.components[row]
        self.licence_label.setText(self.tr("&Licence of {0}: {1}").format(component.label, component.licence))
        parts = [f"{component.label} — {component.licence}"]
        if component.note:
            parts.append(component.note)
        text = component.licence_text()
        parts.append(text if text else self.tr("No licence file is shipped with this component; its licence is "
                                               "{0}.").format(component.licence))
        self.licence_text.setPlainText("\n\n".join(parts))
        self.licence_text.moveCursor(self.licence_text.textCursor().MoveOperation.Start)

    def versions_text(self) -> str:
        """What a support call needs: countdesk's version, the runtime's, and every component's."""
        lines = [f"countdesk {__version__}", versions_line()]
        lines += [f"{c.label}: {c.licence}" for c in self.components]
        return "\n".join(lines)

    def copy_versions(self) -> None:
        QGuiApplication.clipboard().setText(self.versions_text())

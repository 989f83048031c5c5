"""What the app shows with no count open: start a count, open one, or look at the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import settings

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    import_requested = Signal()
    recent_requested = Signal(Path)
    server_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel(self.tr("countdesk"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("The count centre, offline: verification, count sheets, SV and FPTP results, "
                                  "declarations."))
        subtitle.setProperty("role", "hint")
        subtitle.setWordWrap(True)

        self.new_button = self._button(self.tr("&New count…"),
                                       self.tr("Start a new count: the election and its first contest"),
                                       self.new_requested)
        self.new_button.setProperty("primary", True)
        self.open_button = self._button(self.tr("&Open count…"), self.tr("Open a count file (.countdesk)"),
                                        self.open_requested)
        self.import_button = self._button(self.tr("&Import a count file…"),
                                          self.tr("Make a new count from a count file (JSON)"),
                                          self.import_requested)
        self.server_button = self._button(self.tr("Connect to a count &server…"),
                                          self.tr("Open a count kept on the venue's count server"),
                                          self.server_requested)
        self.demo_button = self._button(self.tr("Open the &demo count"),
                                        self.tr("Open the demo count: Mayor of Liverpool 2021"),
                                        self.demo_requested)
        demo_hint = QLabel(self.tr("The Mayor of Liverpool 2021, as published: a supplementary-vote count that needed "
                                   "a second round. A fresh copy each time; the original is never changed."))
        demo_hint.setProperty("role", "hint")
        demo_hint.setWordWrap(True)

        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentCounts")
        self.recent_list.setAccessibleName(self.tr("Recent counts"))
        self.recent_list.itemActivated.connect(self._recent_activated)
        recent_label = QLabel(self.tr("&Recent counts"))
        recent_label.setProperty("role", "heading")
        recent_label.setBuddy(self.recent_list)
        self.no_recent = QLabel(self.tr("No counts opened on this computer yet."))
        self.no_recent.setProperty("role", "hint")

        actions = QVBoxLayout()
        for widget in (self.new_button, self.open_button, self.import_button, self.server_button):
            actions.addWidget(widget)
        actions.addSpacing(18)
        actions.addWidget(self.demo_button)
        actions.addWidget(demo_hint)
        actions.addStretch(1)
        recent = QVBoxLayout()
        recent.addWidget(recent_label)
        recent.addWidget(self.recent_list, 1)
        recent.addWidget(self.no_recent)
        columns = QHBoxLayout()
        columns.addLayout(actions, 2)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        columns.addWidget(line)
        columns.addLayout(recent, 3)
        panel = QWidget()
        panel.setMaximumWidth(980)
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(title)
        panel_layout.addWidget(subtitle)
        panel_layout.addSpacing(16)
        panel_layout.addLayout(columns, 1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 6)
        outer.addStretch(1)
        self.refresh()

    def _button(self, text: str, accessible: str, signal) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setMinimumHeight(int(button.sizeHint().height() * 1.4))
        button.clicked.connect(signal)
        return button

    def refresh(self) -> None:
        self.recent_list.clear()
        for path in settings.recent_counts():
            item = QListWidgetItem(f"{path.stem}    —    {path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)
        has_recent = self.recent_list.count() > 0
        self.recent_list.setVisible(has_recent)
        self.no_recent.setVisible(not has_recent)
        if has_recent:
            self.recent_list.setCurrentRow(0)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.data(PATH_ROLE)))

    def focus_first(self) -> None:
        self.new_button.setFocus()

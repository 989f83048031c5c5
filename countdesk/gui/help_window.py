"""Help ▸ User guide (F1): the user guide shown inside the app, searchable, open at the section
for the tab in use.

The guide is docs/user-guide.md, shipped with the app (the frozen build carries docs/); Qt renders
its Markdown, so nothing needs a web browser or a URL launcher, which a count-centre laptop may not
have. A translated guide beside it (docs/user-guide.cy.md for Welsh) is shown instead when the app
runs in that language; its sections are found by their numbers, which every translation keeps.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from .appearance import resource_file
from .translation import ui_locale

GUIDE = ("..", "docs", "user-guide.md")
#: The guide's section for each tab of an open count (the start of its heading in English; a
#: translated guide's heading starts with the same number).
TAB_SECTIONS = {
    "start": "1. Start",
    "setup": "2. Set up the election",
    "verification": "3. Verification",
    "count": "4. The count",
    "result": "5. The result",
    "audit": "6. Undo, the audit log",
}


IMAGE_WIDTH = 820


def guide_path(locale: QLocale | None = None, folder: Path | None = None) -> Path | None:
    """The guide in the app's language when one is shipped (user-guide.cy.md), else the English one;
    in `folder` when given, else where the app's docs are."""
    english = folder / GUIDE[-1] if folder is not None else resource_file(*GUIDE)
    if english is None:
        return None
    for language in (locale if locale is not None else ui_locale()).uiLanguages():
        translated = english.with_name(f"{english.stem}.{language.replace('-', '_')}.md")
        if translated.is_file():
            return translated
    return english if english.is_file() else None


def section_number(tab_name: str) -> str:
    """How the heading of a tab's section starts in any language: "2. " for the Set-up tab."""
    heading = TAB_SECTIONS.get(tab_name, "")
    return heading.split(" ", 1)[0] + " " if heading else ""


class GuideBrowser(QTextBrowser):
    """The guide's screenshots scaled to the page's width (at full size they need side-scrolling)."""

    def loadResource(self, kind: int, url):  # noqa: N802 - Qt override
        resource = super().loadResource(kind, url)
        if kind == QTextDocument.ResourceType.ImageResource.value and resource is not None:
            image = resource if isinstance(resource, QImage) else QImage.fromData(resource)
            if not image.isNull() and image.width() > IMAGE_WIDTH:
                return image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            return image if not image.isNull() else resource
        return resource


class HelpWindow(QDialog):
    """The user guide: a find field over a rendered Markdown page. Not modal: it stays open beside
    the count while the team works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("countdesk user guide"))
        self.setAccessibleName(self.tr("User guide"))
        self.setModal(False)
        self.browser = GuideBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName(self.tr("User guide text"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("guideFind")
        self.find_edit.setAccessibleName(self.tr("Find in the user guide"))
        self.find_edit.setPlaceholderText(self.tr("a word to find, then Enter for the next"))
        self.find_edit.setClearButtonEnabled(True)
        find_label = QLabel(self.tr("&Find:"))
        find_label.setBuddy(self.find_edit)
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setAccessibleName(self.tr("Find the next place"))
        self.previous_button = QPushButton(self.tr("&Previous"))
        self.previous_button.setAccessibleName(self.tr("Find the previous place"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the user guide"))
        self.found_label = QLabel("")
        self.found_label.setObjectName("guideFound")
        self.found_label.setAccessibleName(self.tr("Find result"))
        self.found_label.setProperty("role", "hint")
        for button in (self.next_button, self.previous_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the find field finds; it presses no button
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textEdited.connect(lambda _t: self.find(from_start=True))
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(lambda: self.find(backward=True))
        self.close_button.clicked.connect(self.close)
        for keys in (QKeySequence.StandardKey.Find,):
            QShortcut(QKeySequence(keys), self, activated=self._focus_find)
        row = QHBoxLayout()
        row.addWidget(find_label)
        row.addWidget(self.find_edit, 1)
        row.addWidget(self.next_button)
        row.addWidget(self.previous_button)
        row.addWidget(self.found_label)
        row.addStretch(0)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        self.resize(900, 760)
        self.load()

    def load(self, path: Path | None = None) -> None:
        """Show the guide at `path`, or the one for the app's language (guide_path)."""
        path = path or guide_path()
        if path is None:
            self.browser.setPlainText(self.tr("The user guide (docs/user-guide.md) is missing from this installation."))
            return
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.document().setBaseUrl(path.parent.as_uri() + "/")
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))

    def headings(self) -> list[str]:
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                found.append(block.text())
            block = block.next()
        return found

    def show_section(self, tab_name: str) -> bool:
        """Scroll so the section for `tab_name` (a tab, or "start") is at the top. True if found."""
        wanted = section_number(tab_name)
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and wanted and block.text().startswith(wanted):
                self.browser.setTextCursor(QTextCursor(block))
                top = self.browser.document().documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))  # the heading at the top of the view
                return True
            block = block.next()
        return False

    def section_at_top(self) -> str:
        """The heading of the section whose text is at the top of the view (for tests and screen readers)."""
        cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        block = cursor.block()
        while block.isValid() and not block.blockFormat().headingLevel():
            block = block.previous()
        return block.text() if block.isValid() else ""

    def _focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find_next(self) -> None:
        self.find()

    def find(self, *, backward: bool = False, from_start: bool = False) -> bool:
        text = self.find_edit.text()
        if not text:
            self.found_label.setText("")
            return False
        if from_start:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.browser.find(text, flags)
        if not found:  # wrap round once
            self.browser.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = self.browser.find(text, flags)
        self.found_label.setText("" if found else self.tr("“{0}” is not in the guide").format(text))
        return found

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

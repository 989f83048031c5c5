"""The app can be translated: every word it shows goes through Qt's translation, the translation
sources are those lupdate makes from the code, and the app loads the user's language at start.

The words check installs a translator that marks (⟦text⟧) every text of the translation source it
is asked for under the context lupdate found it in, opens every window, tab and dialog
(every_window.py) and reads what each shows: titles, menus, labels, buttons, tooltips, status
tips, accessible names and descriptions, placeholders, tabs, choices, table headers and cells.
Whatever is left once the marked parts are taken out must be the count's own data (names, titles,
identifiers), figures or punctuation.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from every_window import (
    CALLERS_WORDS,
    COLLATION_WORDS,
    DOUBLE,
    DOUBLE_TITLE,
    SECOND_KEYER,
    WIZARD_WORDS,
    visit_collation,
    visit_lot_and_double_entry,
    visit_main_window,
)
from gui_helpers import ELECTION, OPERATOR, ROOT, small_sv_contest
from keyboard_audit import audit
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
    QWizard,
)
from result_fixtures import sv_final_tie_count

from countdesk.domain.checks import CHECKS
from countdesk.domain.heads import SHORT_HEAD_LABELS
from countdesk.domain.places import place_in_words
from countdesk.errors import CountdeskError
from countdesk.gui import settings
from countdesk.gui.models.result_model import short_names
from countdesk.gui.translation import install_translations, ui_locale, uninstall_translations

OPEN, CLOSE = "⟦", "⟧"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


class MarkingTranslator(QTranslator):
    """Translates a text into itself between ⟦ and ⟧, so an unmarked word was never translated.

    With `known` (the (context, text) pairs of the translation source), only those are marked, as a
    real catalogue only translates what lupdate found: a text asked for under another context than
    the one its code marks stays unmarked. Qt's own words (contexts QWizard, QPlatformTheme, …)
    come from Qt's catalogue and are always marked."""

    def __init__(self, known: set[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.known = known

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        if self.known is None or context.startswith("Q") or (context, source_text) in self.known:
            return f"{OPEN}{source_text}{CLOSE}"
        return None  # not in the catalogue: Qt tries the next context, then shows the text as it is

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked(qapp):
    translator = MarkingTranslator(ts_messages(TRANSLATIONS / "countdesk_cy.ts"))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def data_words(*things: object) -> set[str]:
    """Every text inside a count (its dataclasses, tuples and maps, recursively) and the strings given."""
    found: set[str] = set()

    def walk(thing: object) -> None:
        if isinstance(thing, str):
            found.add(thing)
        elif dataclasses.is_dataclass(thing) and not isinstance(thing, type):
            for field in dataclasses.fields(thing):
                walk(getattr(thing, field.name))
        elif isinstance(thing, Mapping):
            for key, value in thing.items():
                walk(key)
                walk(value)
        elif isinstance(thing, Iterable):
            for item in thing:
                walk(item)

    walk(things)
    return {word for word in found if word.strip()}


def count_words(window: QWidget) -> set[str]:
    """The words of the count open in `window`, as the app shows them without translating: its data
    (names, titles, ids, sheet and box numbers, surnames heading the sheet columns), the audit
    trail's records, and the words of the domain rules (checks, places, rejected-paper heads),
    which the printed documents share and which are outside the GUI."""
    open_count = getattr(window, "current_count", None)
    if open_count is None or open_count.session.closed:
        return set()
    count = open_count.count()
    found = data_words(count, tuple(SHORT_HEAD_LABELS.values()), tuple(CHECKS),
                       tuple((check.title, check.explanation) for check in CHECKS.values()))
    for contest in count.contests:
        found |= data_words(tuple(short_names(contest).values()))
        try:
            result = open_count.result(contest.id)
        except CountdeskError:
            continue
        for warning in result.warnings:
            found |= data_words(warning.message, place_in_words(contest, warning.where))
    for row in open_count.session.audit_rows():
        found |= data_words(row.action, row.entity, row.key, row.contest_id, row.reason, row.operator,
                            f"{row.entity} {row.key}", _values(row.before), _values(row.after))
    return found


def _values(record: object) -> list[str]:
    """The values (not the field names) of an audit record: data, shown as recorded."""
    if isinstance(record, Mapping):
        return [value for inner in record.values() for value in _values(inner)]
    if isinstance(record, (list, tuple)):
        return [value for inner in record for value in _values(inner)]
    return [str(record)] if record is not None and not isinstance(record, bool) else []


def plain(text: str) -> str:
    if "<" in text and GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def shown_texts(window: QWidget) -> Iterable[tuple[str, str]]:
    """(what, text) for every text `window` shows as it is now."""
    yield "window title", window.windowTitle()
    menus: list[QMenu] = []
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            yield "menu", action.text()
            if action.menu() is not None:
                menus.append(action.menu())
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            yield f"menu item in {menu.title()!r}", action.text()
            yield f"tooltip of {action.text()!r}", action.toolTip()
            yield f"status tip of {action.text()!r}", action.statusTip()
            if action.menu() is not None:
                menus.append(action.menu())
    if isinstance(window, QWizard):
        page = window.currentPage()
        yield "wizard page title", page.title()
        yield "wizard page subtitle", page.subTitle()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        kind = type(widget).__name__
        yield f"{kind} tooltip", widget.toolTip()
        yield f"{kind} status tip", widget.statusTip()
        yield f"{kind} accessible name", widget.accessibleName()
        yield f"{kind} accessible description", widget.accessibleDescription()
        for action in widget.actions():
            yield f"{kind} action", action.text()
            yield f"{kind} action tooltip", action.toolTip()
        if isinstance(widget, QLabel):
            yield "label", plain(widget.text())
        elif isinstance(widget, QAbstractButton):
            yield "button", widget.text()
        elif isinstance(widget, QGroupBox):
            yield "group", widget.title()
        elif isinstance(widget, QLineEdit):
            yield "placeholder", widget.placeholderText()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield "tab", widget.tabText(index)
                yield "tab tooltip", widget.tabToolTip(index)
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield "choice", widget.itemText(index)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _view_texts(widget)


def _view_texts(view: QAbstractItemView) -> Iterable[tuple[str, str]]:
    model = view.model()
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model of Qt's own (its columnCount is private): one column
        columns = 1
    for orientation, count in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical, model.rowCount())):
        for section in range(min(count, 50)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield "header", value
    for row in range(min(model.rowCount(), 50)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield "cell", value


def untranslated(window: QWidget, where: str, data: set[str]) -> list[str]:
    """The texts of `window` with a word left once translated parts, data and figures are out."""
    words = sorted(data, key=len, reverse=True)
    found = []
    for what, text in shown_texts(window):
        rest = text
        while MARKED.search(rest):
            rest = MARKED.sub(" ", rest)
        rest = rest.split(OPEN, 1)[0]  # a translated text cut short ("…") never closes: the rest was translated
        for word in words:
            rest = rest.replace(word, " ")
        if re.search(r"[^\W\d_]", rest):
            found.append(f"{where}: {what} {text!r}")
    return sorted(set(found))


def test_the_checker_finds_a_word_left_untranslated(qtbot, qapp):
    translator = MarkingTranslator({("Test", "Count"), ("Test", "{0} sheets for {1}"), ("Test", "Round")})
    qapp.installTranslator(translator)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        window.setWindowTitle(QCoreApplication.translate("Test", "Count"))
        label = QLabel(QCoreApplication.translate("Test", "{0} sheets for {1}").format(12, "Ann ADAMS"), window)
        label.setToolTip("Ann ADAMS")
        QLabel("Verified", window)
        QLabel(QCoreApplication.translate("Other", "Round"), window)  # marked under another context
        window.show()
        assert label.text() == "⟦12 sheets for Ann ADAMS⟧"
        assert untranslated(window, "test", {"Ann ADAMS"}) == ["test: label 'Round'", "test: label 'Verified'"]
    finally:
        qapp.removeTranslator(translator)


def test_every_word_of_every_window_is_translated(qtbot, tmp_path, marked):
    problems: list[str] = []
    data = data_words(ELECTION, small_sv_contest(), OPERATOR, SECOND_KEYER, WIZARD_WORDS, DOUBLE_TITLE, DOUBLE,
                      CALLERS_WORDS, str(tmp_path), "all.countdesk")

    def visit(window: QWidget, where: str) -> None:
        owner = window.parentWidget().window() if window.parentWidget() is not None else window
        shown_data = data | count_words(owner)
        if where == "about":  # the bundled components' names, licences and uses (countdesk/licences.py)
            shown_data |= data_words(window.components)
        if where == "documents" and window._problem:  # the services' refusal, shown as it is
            shown_data.add(window.status.text())
        problems.extend(untranslated(window, where, shown_data))
        problems.extend(audit(window, where))  # the Alt keys stay unique through a translation

    visit_main_window(qtbot, tmp_path, visit)
    assert not problems, "\n".join(problems)


def test_the_lot_and_double_entry_dialogs_are_translated(qtbot, tmp_path, marked):
    problems: list[str] = []
    data = data_words(sv_final_tie_count(), small_sv_contest(), OPERATOR, SECOND_KEYER)

    def visit(window: QWidget, where: str) -> None:
        problems.extend(untranslated(window, where, data))
        problems.extend(audit(window, where))  # the Alt keys stay unique through a translation

    visit_lot_and_double_entry(qtbot, tmp_path, visit)
    assert not problems, "\n".join(problems)


def test_the_collation_window_is_translated(qtbot, tmp_path, marked):
    problems: list[str] = []
    data = data_words(COLLATION_WORDS)

    def visit(window: QWidget, where: str) -> None:
        progress = window.session.progress(window.contest_id() or "")
        data.add(progress.message)  # the collation's own sentence, from the services
        problems.extend(untranslated(window, where, data))
        problems.extend(audit(window, where))

    visit_collation(qtbot, tmp_path, visit)
    assert not problems, "\n".join(problems)


#: Calls whose string arguments are shown to the user (Qt's setters and constructors, message boxes,
#: file dialogs, the app's own helpers that show a message).
TEXT_CALLS = frozenset({
    "setWindowTitle", "setText", "setToolTip", "setStatusTip", "setAccessibleName", "setAccessibleDescription",
    "setPlaceholderText", "setTitle", "setSubTitle", "addMenu", "showMessage", "setInformativeText",
    "setDetailedText", "setWhatsThis", "setTabText", "setTabToolTip", "setLabelText", "setCancelButtonText",
    "setHeaderLabels", "setHorizontalHeaderLabels", "QLabel", "QPushButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QAction", "QToolButton", "addRow", "addItem", "addTab", "addButton", "information", "warning",
    "critical", "question", "getText", "getItem", "getSaveFileName", "getOpenFileName", "getExistingDirectory",
    "QMessageBox", "QProgressDialog", "show_error", "show_status", "_set_status", "ask_reason", "emit",
})
#: Literal text given to such a call that is not words: (file, text) -> why.
NOT_WORDS = {
    ("collation_window.py", "-.pdf"): "the file name offered: the contest id and the document's name",
    ("election_form.py", "local.."): "the election id suggested, an identifier",
}


def _literal_text(node: ast.AST) -> str:
    """The literal parts of an argument (a string, an f-string's fixed text, either side of an `if`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(value.value for value in node.values if isinstance(value, ast.Constant))
    if isinstance(node, (ast.List, ast.Tuple)):
        return "".join(_literal_text(element) for element in node.elts)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) + _literal_text(node.orelse)
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) + _literal_text(node.right)
    return ""


def test_no_literal_words_reach_a_text_shown_to_the_user():
    """What the windows check cannot open (a refusal's message box, a file dialog) is read in the
    code: no call that shows text is given words that are not translated."""
    found = []
    for path in sorted((ROOT / "countdesk" / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in TEXT_CALLS:
                continue
            for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                text = re.sub(r"<[^>]*>", "", _literal_text(argument))  # markup around a translated text
                if re.search(r"[^\W\d_]", text) and (path.name, text) not in NOT_WORDS:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({text!r})")
    assert found == []


def test_every_document_title_of_the_registry_is_marked_for_translation():
    from countdesk.gui.dialogs.documents_dialog import DOCUMENT_TITLE_WORDS
    from countdesk.services.document_registry import DOCUMENTS

    assert sorted({kind.title for kind in DOCUMENTS} - set(DOCUMENT_TITLE_WORDS)) == []


# The translation sources ---------------------------------------------------------------------------

def ts_messages(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every live message of a .ts file (not obsolete or vanished)."""
    root = ElementTree.parse(path).getroot()
    found = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add((name, message.findtext("source")))
    return found


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed (it comes with PySide6 in the project's .venv)")
    return found


def test_the_translation_sources_are_what_lupdate_makes_of_the_code(tmp_path):
    committed = sorted(TRANSLATIONS.glob("countdesk_*.ts"))
    assert [path.name for path in committed] == ["countdesk_cy.ts"]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-locations", "none",
                    "countdesk/gui", "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    made = ts_messages(fresh)
    assert len(made) > 1000
    for path in committed:
        kept = ts_messages(path)
        assert (sorted(made - kept), sorted(kept - made)) == ([], []), \
            f"{path.name} is out of date: run bash scripts/update_translations.sh"


def test_the_translation_sources_carry_no_code_comment_as_a_note_to_the_translator():
    """lupdate gives a Python "#:" comment to the next tr() as a translator's note; countdesk's
    document the code, so scripts/update_translations.sh drops them (a wrong note misleads)."""
    for path in TRANSLATIONS.glob("countdesk_*.ts"):
        assert ElementTree.parse(path).getroot().findall(".//extracomment") == [], path.name


def test_the_welsh_source_is_a_welsh_translation_file():
    root = ElementTree.parse(TRANSLATIONS / "countdesk_cy.ts").getroot()
    assert (root.get("language"), root.get("sourcelanguage")) == ("cy", "en_GB")


# Loading at start --------------------------------------------------------------------------------

def compiled_catalogue(folder: Path, language: str, context: str, source: str, translation: str) -> Path:
    """A countdesk_<language>.qm with one translated message, made by pyside6-lrelease."""
    ts = folder / f"countdesk_{language}.ts"
    message = ElementTree.Element("message")
    ElementTree.SubElement(message, "source").text = source
    ElementTree.SubElement(message, "translation").text = translation
    root = ElementTree.Element("TS", version="2.1", language=language)
    ElementTree.SubElement(ElementTree.SubElement(root, "context"), "name").text = context
    root.find("context").append(message)
    ElementTree.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    qm = ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    return qm


def test_the_language_chosen_in_the_settings_is_loaded_and_english_falls_back(qapp, tmp_path):
    compiled_catalogue(tmp_path, "cy", "MainWindow", "&File", "&Ffeil")
    settings.UI_LANGUAGE.write("cy")
    assert ui_locale().language() == QLocale.Language.Welsh
    installed = install_translations(qapp, folder=tmp_path)
    try:
        assert len(installed) >= 1
        assert QCoreApplication.translate("MainWindow", "&File") == "&Ffeil"
        assert QCoreApplication.translate("MainWindow", "&Help") == "&Help"  # not translated yet: English
    finally:
        uninstall_translations(qapp, installed)
    # A Welsh user in Wales (cy_GB) gets the Welsh file; English, or a language with no file, gets none
    # of countdesk's (Qt's own words may still come from Qt's qtbase file for that language).
    assert "countdesk_cy.qm" in loaded(qapp, QLocale("cy_GB"), tmp_path)
    assert not any("countdesk" in name for name in loaded(qapp, QLocale("en_GB"), tmp_path))
    assert not any("countdesk" in name for name in loaded(qapp, QLocale("fr_FR"), tmp_path / "missing"))


def loaded(qapp, locale: QLocale, folder: Path) -> list[str]:
    """The files install_translations loads for `locale`, removed again at once."""
    installed = install_translations(qapp, locale, folder=folder)
    uninstall_translations(qapp, installed)
    return [Path(translator.filePath()).name for translator in installed]


def test_the_settings_default_to_the_system_language():
    assert settings.UI_LANGUAGE.read() == ""
    assert ui_locale() == QLocale.system()


# The user guide ------------------------------------------------------------------------------------

def test_a_translated_user_guide_is_shown_in_its_language_and_opens_at_the_tab_s_section(qtbot, tmp_path):
    from countdesk.gui.help_window import HelpWindow, guide_path

    (tmp_path / "user-guide.md").write_text("# Guide\n\n## 1. Start\n\nText.\n\n## 2. Set up the election\n\nMore.\n",
                                            encoding="utf-8")
    welsh = tmp_path / "user-guide.cy.md"
    page = "Testun.\n\n" * 80  # long enough for a section to scroll to the top of the view
    welsh.write_text(f"# Canllaw\n\n## 1. Dechrau\n\n{page}## 2. Sefydlu'r etholiad\n\n{page}", encoding="utf-8")
    assert guide_path(QLocale("cy_GB"), tmp_path) == welsh
    assert guide_path(QLocale("en_GB"), tmp_path) == tmp_path / "user-guide.md"
    assert guide_path(QLocale("fr_FR"), tmp_path) == tmp_path / "user-guide.md"  # no French guide: English
    window = HelpWindow()
    qtbot.addWidget(window)
    window.load(welsh)
    window.show()
    assert window.show_section("setup") and window.section_at_top() == "2. Sefydlu'r etholiad"


def test_the_app_loads_qt_s_own_translation_once_at_start(tmp_path):
    """In French (Qt has a catalogue, countdesk none): Qt's words are French, countdesk's English,
    and creating the application twice installs nothing twice."""
    script = ("from countdesk.gui.application import create_application\n"
              "from PySide6.QtCore import QCoreApplication, QTranslator\n"
              "app = create_application(['countdesk'])\n"
              "create_application(['countdesk'])\n"
              "print(sorted(t.filePath().rsplit('/', 1)[-1] for t in app.findChildren(QTranslator) if t.filePath()))\n"
              "print(QCoreApplication.translate('QPlatformTheme', 'Cancel'))\n"
              "print(QCoreApplication.translate('MainWindow', '&File'))\n")
    env = {**os.environ, "LANGUAGE": "fr", "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.splitlines() == ["['qtbase_fr.qm']", "Annuler", "&File"]


def test_days_and_months_are_named_in_the_language_loaded(qapp, tmp_path):
    """English names (as before) without a catalogue; the language's own once countdesk's is loaded."""
    from datetime import date

    from countdesk.gui.appearance import format_moment
    from countdesk.gui.translation import month_name, uninstall_translations, weekday_name

    friday = date(2021, 5, 7)
    september = date(2021, 9, 1)
    assert (weekday_name(friday), month_name(friday), month_name(september, short=True)) == ("Friday", "May", "Sep")
    assert format_moment("2021-05-07T12:00:00") == "Friday 7 May 2021 at 12:00"
    compiled_catalogue(tmp_path, "cy", "MainWindow", "&File", "&Ffeil")
    installed = install_translations(qapp, QLocale("cy_GB"), folder=tmp_path)
    try:
        assert (weekday_name(friday), month_name(friday), month_name(september, short=True)) == (
            "Dydd Gwener", "Mai", "Medi")
        assert format_moment("2021-05-07T12:00:00") == "Dydd Gwener 7 Mai 2021 at 12:00"
    finally:
        uninstall_translations(qapp, installed)
    assert weekday_name(friday) == "Friday"

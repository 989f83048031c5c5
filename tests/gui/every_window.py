"""Every window, tab and dialog of the app opened for real, each handed to `visit(window, where)`
while it shows: the keyboard audit (test_mnemonics.py) and the translation check
(test_translations.py) look at the same screens.

The count opened holds an SV mayor and a double-entry ward with a sheet waiting for its second
keying; `COUNT_WORDS` are the words of that count (and of the lot and collation counts), which are
data and never translated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gui_helpers import OPERATOR, make_count_file, round_one, small_sv_contest, when_modal
from PySide6.QtWidgets import QWidget, QWizard
from result_fixtures import make_open_count, sv_final_tie_count

from countdesk.gui.dialogs.double_entry_dialog import DoubleEntryDialog
from countdesk.gui.dialogs.expected_areas_dialog import ExpectedAreasDialog
from countdesk.gui.dialogs.lot_dialog import LotDialog
from countdesk.gui.dialogs.operator_dialog import OperatorDialog
from countdesk.gui.dialogs.passphrase_dialog import PassphraseDialog
from countdesk.gui.dialogs.reason_dialog import ReasonDialog
from countdesk.gui.main_window import MainWindow
from countdesk.gui.workspace import TAB_NAMES
from countdesk.services.count_session import CountSession

Visit = Callable[[QWidget, str], None]

DOUBLE = "ward.double"
DOUBLE_TITLE = "Double-entry ward"
TESTSHIRE = "mayor.testshire.2021-05-06"
SECOND_KEYER = "Bob Second"
#: What the new count wizard is given at the keyboard.
WIZARD_WORDS = ("Local", "Testshire", "Pat Officer", "Mayor")
#: What the test gives the reusable dialogs to say (their callers translate it).
CALLERS_WORDS = ("Why", "Why is it removed?", "Reopen", "Reopen?")
#: The collation count's name and areas.
COLLATION_WORDS = ("Merseyside PCC 2021", "Liverpool", "Wirral")

#: The menu actions that open a dialog, by object name, in the order a night might use them.
DIALOG_ACTIONS = ("changeOperator", "exportBundle", "backups", "restore", "roPassphrase", "declare",
                  "importRound2", "documents", "electionDetails", "about")


def main_window(qtbot, tmp_path: Path) -> MainWindow:
    mayor = small_sv_contest((round_one("T01-R1", 40, 30, 20, 8, 2),))
    ward = replace(small_sv_contest(), id=DOUBLE, title=DOUBLE_TITLE)
    path = make_count_file(tmp_path / "all.countdesk", (mayor, ward))
    with CountSession.open(path, SECOND_KEYER) as session:
        session.double_entry.set_enabled(DOUBLE, True)
        session.double_entry.submit(DOUBLE, round_one("T01-R1", 45, 25, 15, 13, 2))
    window = MainWindow(operator=OPERATOR)
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    return window


def in_modal(qtbot, trigger, check, *, timeout: int = 10_000) -> None:
    """Trigger what opens a modal dialog, `check(dialog)` it while it shows, then close it."""
    done = []

    def act(dialog) -> None:
        try:
            check(dialog)
        finally:
            done.append(dialog)
            dialog.reject()

    when_modal(act)
    trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=timeout)


def visit_main_window(qtbot, tmp_path: Path, visit: Visit) -> None:
    """The start page, every tab of both contests, every dialog of the menus and tabs, the user
    guide and the results screen."""
    window = main_window(qtbot, tmp_path)
    visit(window, "start page")
    assert window.open_count(tmp_path / "all.countdesk")
    workspace = window.workspace
    for contest in ("mayor.testshire", DOUBLE):
        workspace.select_contest(contest)
        for tab in TAB_NAMES:
            workspace.select_tab(tab)
            qtbot.wait(10)
            visit(window, f"{contest} {tab} tab")

    def wizard_pages(wizard: QWizard) -> None:
        form = wizard.election_page.form
        visit(wizard, "new count wizard: election")
        for edit, text in zip((form.title_edit, form.area_edit, form.ro_edit), WIZARD_WORDS, strict=False):
            qtbot.keyClicks(edit, text)
        wizard.next()
        visit(wizard, "new count wizard: contest")
        qtbot.keyClicks(wizard.contest_page.form.title_edit, WIZARD_WORDS[-1])
        wizard.next()
        assert wizard.currentPage() is wizard.file_page
        visit(wizard, "new count wizard: file")

    action_type = type(window.export_action)
    in_modal(qtbot, window.findChild(action_type, "newCount").trigger, wizard_pages)
    workspace.select_contest("mayor.testshire")
    for name in DIALOG_ACTIONS:
        action = window.findChild(action_type, name)
        in_modal(qtbot, action.trigger, lambda dialog, n=name: visit(dialog, n), timeout=20_000)

    # Dialogs opened from inside the tabs.
    workspace.select_tab("setup")
    setup = workspace.setup_view
    in_modal(qtbot, setup.add_contest_button.click, lambda d: visit(d, "add a contest"))
    in_modal(qtbot, setup.candidates.order_button.click, lambda d: visit(d, "ballot order"))
    for name, dialog in (
            ("reason", ReasonDialog(*CALLERS_WORDS[:2])),
            ("operator", OperatorDialog("x")),
            ("reopen a declared result", PassphraseDialog(*CALLERS_WORDS[2:], with_reason=True,
                                                           ok_text=CALLERS_WORDS[2])),
            ("expected areas", ExpectedAreasDialog(name="")),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        visit(dialog, name)
        dialog.close()

    # The user guide (F1) and the results screen (F11): windows of their own.
    window.activateWindow()
    window.show_user_guide()
    visit(window.help_window, "user guide")
    window.help_window.close()
    window.show_projector()
    visit(window.projector, "results screen")
    window.projector.close()
    window.close_count()


def visit_lot_and_double_entry(qtbot, tmp_path: Path, visit: Visit) -> None:
    open_count = make_open_count(sv_final_tie_count())
    lot = LotDialog(open_count, TESTSHIRE, open_count.result(TESTSHIRE).pending_tie)
    qtbot.addWidget(lot)
    lot.show()
    visit(lot, "record a lot")
    path = make_count_file(tmp_path / "double.countdesk", (small_sv_contest(),))
    with CountSession.open(path, SECOND_KEYER) as session:
        session.double_entry.set_enabled("mayor.testshire", True)
        session.double_entry.submit("mayor.testshire", round_one("T01-R1", 45, 25, 15, 13, 2))
    with CountSession.open(path, OPERATOR) as session:
        outcome = session.double_entry.submit("mayor.testshire", round_one("T01-R1", 45, 25, 16, 12, 2))
        dialog = DoubleEntryDialog(session.contest("mayor.testshire"), outcome.disagreement)
    qtbot.addWidget(dialog)
    dialog.show()
    visit(dialog, "settle a double entry")


def visit_collation(qtbot, tmp_path: Path, visit: Visit) -> None:
    from countdesk.gui.collation_window import CollationWindow
    from countdesk.services.collation_session import CollationSession

    session = CollationSession.create(tmp_path / "collation", COLLATION_WORDS[0], list(COLLATION_WORDS[1:]))
    window = CollationWindow(session)
    qtbot.addWidget(window)
    window.show()
    visit(window, "collation")
    window.close()

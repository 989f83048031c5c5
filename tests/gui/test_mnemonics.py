"""Every window, tab and dialog opened for real, and in each what a keyboard user can reach at that
moment checked: no Alt key reaches two controls (menus, tabs and the page shown included; each
menu's items among themselves), no label offers an Alt key that goes nowhere, and every input field
has a label pointing at it and an accessible name for a screen reader."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from countdesk.gui.dialogs.double_entry_dialog import DoubleEntryDialog
from countdesk.gui.dialogs.expected_areas_dialog import ExpectedAreasDialog
from countdesk.gui.dialogs.lot_dialog import LotDialog
from countdesk.gui.dialogs.operator_dialog import OperatorDialog
from countdesk.gui.dialogs.reason_dialog import ReasonDialog
from countdesk.gui.main_window import MainWindow
from countdesk.gui.workspace import TAB_NAMES
from countdesk.services.counts import CountSession
from gui_helpers import OPERATOR, make_count_file, round_one, small_sv_contest, when_modal
from keyboard_audit import alt_key, audit, clashes, window_alt_keys
from result_fixtures import make_document, sv_final_tie_count

DOUBLE = "ward.double"
TESTSHIRE = "mayor.testshire.2021-05-06"


def test_the_clashes_the_issue_names_are_caught_by_the_audit(qtbot):
    """The checker itself: Alt+B on a wizard's Back and a Browse button is a clash it reports."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("< &Back", "&Browse…", "&Next >"):
        layout.addWidget(QPushButton(text))
    window.show()
    assert alt_key("A&ccount:") == "Alt+C"
    assert clashes(window_alt_keys(window)) == {"Alt+B": ["button '< &Back'", "button '&Browse…'"]}


def _window(qtbot, tmp_path) -> MainWindow:
    mayor = small_sv_contest((round_one("T01-R1", 40, 30, 20, 8, 2),))
    ward = replace(small_sv_contest(), id=DOUBLE, title="Double-entry ward")
    path = make_count_file(tmp_path / "all.countdesk", (mayor, ward))
    with CountSession.open(path, "Bob Second") as session:
        session.set_double_entry(DOUBLE, True)
        session.submit_keying(DOUBLE, round_one("T01-R1", 45, 25, 15, 13, 2))
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


def test_no_alt_key_reaches_two_controls_anywhere(qtbot, tmp_path):
    problems: list[str] = []
    window = _window(qtbot, tmp_path)
    problems += audit(window, "start page")
    path = tmp_path / "all.countdesk"
    assert window.open_count(path)
    workspace = window.workspace
    for contest in (TESTSHIRE.replace(".2021-05-06", ""), DOUBLE):
        workspace.select_contest("mayor.testshire" if contest.startswith("mayor") else contest)
        for tab in TAB_NAMES:
            workspace.select_tab(tab)
            qtbot.wait(10)
            problems += audit(window, f"{contest} {tab} tab")

    def wizard_pages(wizard: QWizard) -> None:
        form = wizard.election_page.form
        problems.extend(audit(wizard, "new count wizard: election"))
        for edit, text in ((form.title_edit, "Local"), (form.area_edit, "Testshire"), (form.ro_edit, "Pat Officer")):
            qtbot.keyClicks(edit, text)
        wizard.next()
        problems.extend(audit(wizard, "new count wizard: contest"))
        qtbot.keyClicks(wizard.contest_page.form.title_edit, "Mayor")
        wizard.next()
        assert wizard.currentPage() is wizard.file_page
        problems.extend(audit(wizard, "new count wizard: file"))

    in_modal(qtbot, window.findChild(type(window.export_action), "newCount").trigger, wizard_pages)
    workspace = window.workspace
    workspace.select_contest("mayor.testshire")
    for name in ("changeOperator", "exportBundle", "backups", "restore", "roPassphrase", "declare", "unlock",
                 "importRound2", "documents", "electionDetails", "about"):
        action = window.findChild(type(window.export_action), name)
        if name == "unlock":
            continue  # asked only for a declared result; the dialog is the declare one with a reason (below)
        in_modal(qtbot, action.trigger, lambda dialog, n=name: problems.extend(audit(dialog, n)), timeout=20_000)

    # Dialogs opened from inside the tabs.
    workspace.select_tab("setup")
    setup = workspace.setup_view
    in_modal(qtbot, setup.add_contest_button.click, lambda d: problems.extend(audit(d, "add a contest")))
    in_modal(qtbot, setup.candidates.order_button.click, lambda d: problems.extend(audit(d, "ballot order")))
    from countdesk.gui.dialogs.passphrase_dialog import PassphraseDialog

    for name, dialog in (
            ("reason", ReasonDialog("Why", "Why is it removed?")),
            ("operator", OperatorDialog("x")),
            ("reopen a declared result", PassphraseDialog("Reopen", "Reopen?", with_reason=True, ok_text="Reopen")),
            ("expected areas", ExpectedAreasDialog(name="")),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        problems += audit(dialog, name)
        dialog.close()

    # The user guide (F1) and the results screen (F11): windows of their own.
    window.activateWindow()
    window.show_user_guide()
    problems += audit(window.help_window, "user guide")
    window.help_window.close()
    window.show_projector()
    problems += audit(window.projector, "results screen")
    window.projector.close()
    window.close_count()
    assert problems == []


def test_the_lot_and_double_entry_dialogs(qtbot, tmp_path):
    problems = []
    document = make_document(sv_final_tie_count())
    lot = LotDialog(document, TESTSHIRE, document.result(TESTSHIRE).pending_tie)
    qtbot.addWidget(lot)
    lot.show()
    problems += audit(lot, "record a lot")
    path = make_count_file(tmp_path / "double.countdesk", (small_sv_contest(),))
    with CountSession.open(path, "Bob Second") as session:
        session.set_double_entry("mayor.testshire", True)
        session.submit_keying("mayor.testshire", round_one("T01-R1", 45, 25, 15, 13, 2))
    with CountSession.open(path, OPERATOR) as session:
        outcome = session.submit_keying("mayor.testshire", round_one("T01-R1", 45, 25, 16, 12, 2))
        dialog = DoubleEntryDialog(session.contest("mayor.testshire"), outcome.disagreement)
    qtbot.addWidget(dialog)
    dialog.show()
    problems += audit(dialog, "settle a double entry")
    assert problems == []


def test_the_collation_window(qtbot, tmp_path):
    from countdesk.gui.collation_window import CollationWindow
    from countdesk.services.collation_session import CollationSession

    session = CollationSession.create(tmp_path / "collation", "Merseyside PCC 2021", ["Liverpool", "Wirral"])
    window = CollationWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert audit(window, "collation") == []
    window.close()

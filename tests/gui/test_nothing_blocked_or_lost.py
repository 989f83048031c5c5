"""What blocked a count team or lost their work (issue: the count night at the keyboard):
export to a chosen folder, typed figures never dropped without asking, Enter down the fields,
the focus after adding a contest, the user guide inside the app, reopening where the team was."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gui_helpers import (
    demo_open_count,
    focus_on,
    focused,
    make_count_file,
    mnemonic,
    press,
    reopen,
    screenshot,
    small_sv_contest,
    type_keys,
    when_modal,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from countdesk.domain.model import VotingSystem
from countdesk.gui import settings
from countdesk.gui.dialogs.export_dialog import ExportDialog, kernel_says_removable
from countdesk.gui.dialogs.new_count_wizard import NewCountWizard
from countdesk.gui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
WARD = "north.testshire"


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    return widget


def window_on_count(qtbot, tmp_path, contests=None) -> MainWindow:
    mayor = small_sv_contest(verified=True)
    contests = contests or (mayor, replace(mayor, id=WARD, title="North ward"))
    path = make_count_file(tmp_path / "two.countdesk", contests)
    window = MainWindow(operator="Alice Keyer")
    window.resize(1300, 860)
    shown(qtbot, window)
    assert window.open_count(path)
    return window


def answer_folder_dialog(qtbot, folder: Path):
    """Type the folder's path into Qt's folder dialog (its name field has the focus) and press Enter,
    as a person would."""
    def act(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        edit = focused()
        edit.selectAll()
        qtbot.keyClicks(edit, str(folder))
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    when_modal(act)


def test_choose_folder_by_its_button_exports_there(qtbot, tmp_path, open_counts):
    open_count = demo_open_count(tmp_path, open_counts)
    dialog = shown(qtbot, ExportDialog(open_count, keys=tmp_path / "keys", volumes=lambda: []))
    folder = tmp_path / "chosen"
    folder.mkdir()
    answer_folder_dialog(qtbot, folder)
    focus_on(qtbot, dialog.drives)
    mnemonic(qtbot, Qt.Key.Key_F)  # "Choose &folder…": clicked(bool) reached choose_folder as its folder
    qtbot.waitUntil(lambda: dialog.target() == folder, timeout=5000)
    assert dialog.export_button.isEnabled()
    focus_on(qtbot, dialog.drives)  # back in the export dialog once the folder dialog has closed
    mnemonic(qtbot, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert dialog.report.path.parent == folder


def test_a_stick_mounted_anywhere_is_found_by_what_the_kernel_says(tmp_path):
    block = tmp_path / "sys" / "class" / "block"
    devices = tmp_path / "sys" / "devices"
    usb_disk = devices / "pci0000:00" / "usb2" / "2-1" / "host6" / "block" / "sdb"
    (usb_disk / "sdb1").mkdir(parents=True)
    (usb_disk / "sdb1" / "partition").write_text("1")
    (usb_disk / "removable").write_text("0")
    card = devices / "platform" / "mmc" / "block" / "mmcblk0"
    card.mkdir(parents=True)
    (card / "removable").write_text("1")
    fixed = devices / "pci0000:00" / "ata1" / "block" / "sda"
    (fixed / "sda2").mkdir(parents=True)
    (fixed / "sda2" / "partition").write_text("2")
    (fixed / "removable").write_text("0")
    block.mkdir(parents=True)
    for name, target in (("sdb1", usb_disk / "sdb1"), ("mmcblk0", card), ("sda2", fixed / "sda2")):
        (block / name).symlink_to(target)
    assert kernel_says_removable("/dev/sdb1", block)  # on USB, mounted at /srv/stick
    assert kernel_says_removable("/dev/mmcblk0", block)  # flagged removable
    assert not kernel_says_removable("/dev/sda2", block)  # the laptop's own disk
    assert not kernel_says_removable("tmpfs", block)


def test_quit_with_a_half_typed_sheet_asks_and_going_back_keeps_the_figures(qtbot, tmp_path):
    window = window_on_count(qtbot, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    form = window.workspace.sheets_view.form
    qtbot.waitUntil(lambda: form.fields[0].edit.hasFocus())
    type_keys(qtbot, "42")
    press(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "17")
    asked = []

    def go_back(box) -> None:
        asked.append(box.text())
        screenshot(box, "discard-guard")
        press(qtbot, Qt.Key.Key_Return)  # the default is to go back to the figures

    when_modal(go_back)
    qtbot.keyClick(focused(), Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: bool(asked))
    assert "sheet T01-R1" in asked[0]
    assert window.isVisible() and window.current_count is not None
    assert form.fields[0].edit.text() == "42" and form.fields[1].edit.text() == "17"

    # Switching contest asks too; Esc keeps the contest and the figures.
    when_modal(lambda box: (asked.append(box.text()), press(qtbot, Qt.Key.Key_Escape)))
    combo = window.workspace.contest_combo
    combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert window.workspace.current_contest() == "mayor.testshire" and form.fields[0].edit.text() == "42"

    # Closing the count asks; Alt+D discards and closes.
    when_modal(lambda box: (asked.append(box.text()), mnemonic(qtbot, Qt.Key.Key_D)))
    window.close_action.trigger()
    qtbot.waitUntil(lambda: window.current_count is None)
    assert len(asked) == 3
    assert reopen(tmp_path / "two.countdesk").contests[0].count_sheets == ()


def test_nothing_typed_quits_without_a_question(qtbot, tmp_path):
    window = window_on_count(qtbot, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.workspace.unconfirmed_work() == []
    window.close()
    assert not window.isVisible()


def test_enter_moves_down_the_wizard_and_a_returning_officer_is_required(qtbot, tmp_path):
    wizard = shown(qtbot, NewCountWizard())
    form = wizard.election_page.form
    focus_on(qtbot, form.title_edit)
    type_keys(qtbot, "Local elections")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.date_edit  # not Next: the poll date is not skipped
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.area_edit
    assert not any(e.isVisible() for e in form.errors.values())  # nothing red on fields not reached
    type_keys(qtbot, "Testshire")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.id_edit and form.id_edit.text().startswith("local.testshire.")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.ro_edit
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # Enter on the last field: Next, refused without an RO
    assert wizard.currentPage() is wizard.election_page
    assert form.errors["ro"].isVisible() and focused() is form.ro_edit
    type_keys(qtbot, "Pat Officer")
    assert not form.errors["ro"].isVisible()  # the fault fixed, the message goes
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.contest_page
    contest = wizard.contest_page.form
    assert focused() is contest.title_edit
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is contest.id_edit
    mnemonic(qtbot, Qt.Key.Key_N)  # Next with no title: one error, at the title, not on the electorate
    assert contest.errors["title"].isVisible()
    assert not contest.errors["electorate"].isVisible()
    focus_on(qtbot, contest.title_edit)
    type_keys(qtbot, "Mayor")
    assert not contest.errors["id"].isVisible()  # the suggested id replaced the one refused
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Return)
    assert focused() is contest.office_combo
    press(qtbot, Qt.Key.Key_Return)
    # A council ward (the first office) in 2021: counting role and system (only FPTP is lawful) are
    # disabled, so Enter goes to the seats.
    assert focused() is contest.seats_spin
    wizard.reject()


def test_enter_goes_past_the_postal_check_box_and_a_new_contest_takes_the_focus(qtbot, tmp_path):
    window = window_on_count(qtbot, tmp_path, (replace(small_sv_contest(), boxes=()),))
    boxes = window.workspace.setup_view.boxes
    focus_on(qtbot, boxes.id_edit)
    for text in ("B9", "Hall"):
        type_keys(qtbot, text)
        press(qtbot, Qt.Key.Key_Return)
    assert focused() is boxes.postal_check
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is boxes.account_edit
    type_keys(qtbot, "250")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: boxes.model.rowCount() == 1)
    assert boxes.model.box(0).postal and focused() is boxes.id_edit

    setup = window.workspace.setup_view
    focus_on(qtbot, setup.add_contest_button)

    def add(dialog) -> None:
        type_keys(qtbot, "South ward")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)
        assert focused() is dialog.form.office_combo  # a council ward: FPTP, the only system allowed
        assert dialog.form.system() is VotingSystem.FPTP
        for _ in range(4):
            press(qtbot, Qt.Key.Key_Return)  # seats, electorate, double entry, then Add contest

    when_modal(add)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.workspace.current_contest() == "south-ward.2021-05-06")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert focused() is setup.candidates.name_edit


def test_f1_shows_the_guide_in_the_app_at_the_tab_in_use_and_finds_words(qtbot, tmp_path):
    window = window_on_count(qtbot, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_F1)
    guide = window.help_window
    qtbot.waitUntil(lambda: guide is not None and guide.isVisible())
    assert "countdesk user guide" in guide.browser.toPlainText()
    assert guide.section_at_top().startswith("3. Verification")
    assert len(guide.headings()) >= 6
    screenshot(guide, "user-guide")
    guide.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is guide)
    qtbot.keyClick(focused(), Qt.Key.Key_F, ALT)
    assert focused() is guide.find_edit
    type_keys(qtbot, "passphrase")
    assert "passphrase" in guide.browser.textCursor().selectedText().lower()
    type_keys(qtbot, "zzqx")
    assert "not in the guide" in guide.found_label.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_reopening_lands_on_the_tab_and_contest_where_the_team_was(qtbot, tmp_path):
    window = window_on_count(qtbot, tmp_path)
    path = window.current_count.path
    window.workspace.select_contest(WARD)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    assert window.close_count_asking()
    assert settings.last_tab(path) == "result"
    assert window.open_count(path)
    assert window.workspace.tab_name() == "result" and window.workspace.current_contest() == WARD

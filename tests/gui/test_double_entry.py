"""Double entry at the keyboard: a sheet counts only when two operators key the same figures;
when they differ, the fields that differ are shown and a supervisor who keyed neither settles."""

from __future__ import annotations

from gui_helpers import (
    Signals,
    focus_on,
    key_sheet,
    make_count_file,
    press,
    reopen,
    screenshot,
    small_sv_contest,
    type_keys,
    when_modal,
)
from PySide6.QtCore import Qt

from countdesk.gui.main_window import MainWindow
from countdesk.services.count_session import CountSession

CTRL = Qt.KeyboardModifier.ControlModifier
CONTEST = "mayor.testshire"


def test_two_keyings_agree_or_a_supervisor_settles(qtbot, tmp_path):
    path = make_count_file(tmp_path / "double.countdesk", (small_sv_contest(),))
    with CountSession.open(path, "Set-up Clerk") as session:
        session.double_entry.set_enabled(CONTEST, True)
    window = MainWindow(operator="Alice Keyer")
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    assert window.open_count(path)
    window.show_tab("count")
    sheets = window.workspace.sheets_view
    form, panel = sheets.form, sheets.double_entry
    assert panel.isVisible()
    rows = Signals(sheets.model)  # the sheets table is told of each accepted sheet as one row, no reset

    # Alice keys T01-R1: it is held, not counted.
    key_sheet(qtbot, form, ("100", "40", "30", "20", "8", "0", "0", "0", "2", "0"))
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert "waiting for a second operator" in panel.list.item(0).text()
    assert reopen(path).contests[0].count_sheets == ()
    assert rows.seen == []

    # Bob keys it blind, from the paper sheet: the same figures, so it is accepted.
    focus_on(qtbot, panel.second_button)
    when_modal(lambda dialog: (qtbot.keyClicks(dialog.name_edit, "Bob Second"),
                               qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.current_count.operator == "Bob Second")
    assert form.sheet_id_edit.text() == "T01-R1" and form.is_pristine()  # blind: no figures shown
    key_sheet(qtbot, form, ("100", "40", "30", "20", "8", "0", "0", "0", "2", "0"))
    qtbot.waitUntil(lambda: panel.list.count() == 0)
    assert [s.id for s in reopen(path).contests[0].count_sheets] == ["T01-R1"]
    qtbot.waitUntil(lambda: rows.seen == [("rowsInserted", 0, 0)])

    # Bob keys T02-R1; Alice's second keying differs for CLARK and DIXON.
    key_sheet(qtbot, form, ("100", "45", "25", "15", "13", "0", "0", "0", "2", "0"))
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    focus_on(qtbot, panel.second_button)
    when_modal(lambda dialog: (qtbot.keyClicks(dialog.name_edit, "Alice Keyer"),
                               qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.current_count.operator == "Alice Keyer")
    shown = {}

    def settle(dialog) -> None:
        shown["fields"] = list(dialog.edits)
        screenshot(dialog, "double-entry-settle")
        for figure in ("15", "13"):
            type_keys(qtbot, figure)
            press(qtbot, Qt.Key.Key_Return)
        dialog.supervisor_edit.setFocus()
        type_keys(qtbot, "Alice Keyer")  # she keyed it: refused
        press(qtbot, Qt.Key.Key_Tab)
        type_keys(qtbot, "Checked against the paper sheet: Bob's figures are right")
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible() and "keyed this sheet" in dialog.supervisor_error.text()
        dialog.supervisor_edit.selectAll()
        dialog.supervisor_edit.setFocus()
        type_keys(qtbot, "Carol Supervisor")
        press(qtbot, Qt.Key.Key_Return)

    when_modal(settle)
    key_sheet(qtbot, form, ("100", "45", "25", "16", "12", "0", "0", "0", "2", "0"))
    qtbot.waitUntil(lambda: len(reopen(path).contests[0].count_sheets) == 2)
    assert shown["fields"] == ["votes.clark-c", "votes.dixon-d"]
    qtbot.waitUntil(lambda: rows.seen == [("rowsInserted", 0, 0), ("rowsInserted", 1, 1)])
    settled = reopen(path).contests[0].count_sheets[1]
    assert dict(settled.votes) == {"adams-a": 45, "brown-b": 25, "clark-c": 15, "dixon-d": 13}
    assert window.current_count.operator == "Alice Keyer"  # the supervisor stepped in, then handed back
    window.close()

    with CountSession.open(path, "Checker", read_only=True) as session:
        rows = [(r.action, r.operator) for r in session.audit_rows() if r.action.startswith(("keying.", "sheet."))]
        assert rows == [("keying.first", "Alice Keyer"), ("sheet.save", "Bob Second"),
                        ("keying.first", "Bob Second"), ("keying.disagree", "Alice Keyer"),
                        ("sheet.save", "Carol Supervisor")]
        resolved = session.audit_rows(action="sheet.save")[-1]
        assert "Bob's figures are right" in resolved.reason

"""Round-2 entry stays closed while round 1 is incomplete and its difference unaccepted (issue 12
item 4), and the round-2 button says why (tooltip, status tip, accessible description), driven at
the keyboard: Alt+2 does nothing until the last round-1 papers are keyed or the returning officer
accepts the difference; then Alt+2 opens round 2 for the finalists."""

from __future__ import annotations

from gui_helpers import (
    focus_on,
    key_sheet,
    make_count_file,
    mnemonic,
    open_count_file,
    round_one,
    screenshot,
    small_sv_contest,
)
from PySide6.QtCore import Qt
from test_sheets_and_corrections import CONTEST, shown

from countdesk.gui.widgets.sheets_view import SheetsView

PASSPHRASE = "the returning officer's own"


def test_round_two_opens_only_once_round_one_is_complete_or_its_difference_accepted(qtbot, tmp_path, open_counts):
    # 200 papers verified; T01-R1 holds 100 of them: ADAMS 40 of 98 valid so far, no majority.
    path = make_count_file(tmp_path / "count.countdesk", (small_sv_contest((round_one("T01-R1", 40, 30, 20, 8, 2),)),))
    open_count = open_count_file(path, open_counts)
    view = shown(qtbot, SheetsView(open_count))
    view.set_contest(CONTEST)
    form = view.form
    assert open_count.result(CONTEST).finalists  # finalists so far: provisional, round 2 not open
    assert not view.round2_button.isEnabled()
    why = view.round2_button.toolTip()
    assert why.startswith("Round 2 opens once round 1 is complete, or the returning officer has accepted its "
                          "difference: 100 verified papers are not on any sheet yet")
    assert view.round2_button.statusTip() == why == view.round2_button.accessibleDescription()
    assert why in view.round_hint.text()
    screenshot(view, "round2-closed")
    said: list[str] = []
    view.status_message.connect(said.append)
    focus_on(qtbot, form.fields[0].edit)
    mnemonic(qtbot, Qt.Key.Key_2)  # says why, and types nothing into the papers field
    assert form.round == 1 and view.current_round() == 1
    assert said == [why] and form.fields[0].edit.text() == ""

    # T02-R1 keyed: 98 papers, so 2 of the 200 verified are still not on a sheet.
    key_sheet(qtbot, form, ("98", "44", "34", "15", "3", "0", "0", "0", "2", "0"))
    qtbot.waitUntil(lambda: len(open_count.contest(CONTEST).count_sheets) == 2)
    qtbot.waitUntil(lambda: "2 verified papers are not on any sheet yet" in view.round2_button.toolTip())
    assert not view.round2_button.isEnabled()
    mnemonic(qtbot, Qt.Key.Key_2)
    assert form.round == 1 and "2 verified papers" in said[-1]

    # The returning officer accepts exactly 198 against 200: round 2 opens, for ADAMS and BROWN.
    open_count.session.passphrase.set(PASSPHRASE)
    open_count.accept_difference(CONTEST, PASSPHRASE, stage="round1", counted=198, expected=200,
                                 reason="two papers not found after three recounts")
    qtbot.waitUntil(view.round2_button.isEnabled)
    assert view.round2_button.toolTip() == ("Enter the second-round sheets: the second round is between Ann ADAMS "
                                            "and Ben BROWN.")
    focus_on(qtbot, form.fields[0].edit)
    mnemonic(qtbot, Qt.Key.Key_2)
    assert form.round == 2 and view.current_round() == 2
    assert [f.label for f in form.fields if f.label in ("Ann ADAMS", "Ben BROWN", "Cat CLARK")] == \
        ["Ann ADAMS", "Ben BROWN"]

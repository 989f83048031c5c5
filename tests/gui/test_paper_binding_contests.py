"""The desk's paper check for an area bundle of two contests, typed as a person would: the dialog
asks for the groups of each contest's fingerprint, from each contest's own paper, every field on
its own Alt key; the groups of one paper typed for the other contest are refused."""

from __future__ import annotations

import re

import pytest
from gui_helpers import screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPushButton
from test_collation_window import CANDIDATES, CONTEST, NOW, area_count, stick, window  # noqa: F401 - fixtures

from countdesk.domain.model import Contest, VotingSystem
from countdesk.errors import CollationError
from countdesk.exchange.fingerprint import fingerprint_groups
from countdesk.exchange.signing import generate_key
from countdesk.gui.dialogs.paper_binding_dialog import PaperBindingDialog
from countdesk.services.count_session import CountSession
from countdesk.services.export import export_bundle

PCC = "pcc.testshire"


def two_contest_bundle(tmp_path, stick):  # noqa: F811
    """North's count with a PCC contest beside the mayor's, exported: (report, the mayoral
    fingerprint North printed before the PCC contest was added)."""
    count = area_count("North")
    pcc = Contest(PCC, "Police and Crime Commissioner for Testshire", VotingSystem.SV, 1, CANDIDATES)
    key = generate_key()
    with CountSession.create(tmp_path / "north.countdesk", "Area Clerk", count.election) as session:
        session.import_count(count)
        before = export_bundle(session, tmp_path, signing_key=key, generated_at=NOW).paper_fingerprints[CONTEST]
        session.set_up.add_contest(pcc)
        return export_bundle(session, stick, signing_key=key, generated_at=NOW), before


def open_dialog(qtbot, window, report):  # noqa: F811
    pending = window.session.open_bundle(report.path)
    dialog = PaperBindingDialog(pending, window)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    return pending, dialog


def type_groups(qtbot, edits, fingerprint: str, positions) -> None:
    for edit, position in zip(edits, positions, strict=True):
        qtbot.keyClicks(edit, fingerprint_groups(fingerprint)[position - 1])


@pytest.mark.parametrize("mixed_up", [False, True])
def test_each_contests_groups_are_typed_from_its_own_paper(qtbot, window, stick, tmp_path, mixed_up):  # noqa: F811
    report, printed_before = two_contest_bundle(tmp_path, stick)
    assert report.paper_fingerprints[CONTEST] == printed_before  # the PCC contest changed nothing printed
    pending, dialog = open_dialog(qtbot, window, report)
    assert list(dialog.group_edits_by_contest) == [CONTEST, PCC]
    headings = [label.text() for label in dialog.findChildren(QLabel) if label.objectName().startswith("paperContest")]
    assert headings == ["<b>Mayor of Testshire</b>", "<b>Police and Crime Commissioner for Testshire</b>"]
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)
             + dialog.findChildren(QCheckBox)]
    keys = [m.group(1).lower() for t in texts for m in [re.search(r"&(\w)", t)] if m]
    assert len(keys) == len(set(keys)) and len(keys) >= 2 * len(pending.positions) + 5, keys
    assert all(edit.accessibleName() for edit in dialog.findChildren(QLineEdit))
    pcc_edits = dialog.group_edits_by_contest[PCC]
    assert "Police and Crime Commissioner" in pcc_edits[0].accessibleName()

    assert QApplication.focusWidget() is dialog.group_edits[0]
    type_groups(qtbot, dialog.group_edits_by_contest[CONTEST], report.paper_fingerprints[CONTEST], pending.positions)
    # The PCC's first group has its own Alt key (a letter: the mayor's groups have the digits).
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pcc_edits[0])
    pcc_paper = report.paper_fingerprints[CONTEST if mixed_up else PCC]
    type_groups(qtbot, pcc_edits, pcc_paper, pending.positions)
    type_groups(qtbot, dialog.key_edits, report.key_fingerprint, pending.key_positions)
    screenshot(dialog, "paper-binding-two-contests")
    qtbot.keyClick(dialog.key_edits[-1], Qt.Key.Key_Return)
    assert dialog.result() == PaperBindingDialog.DialogCode.Accepted

    typed = dialog.typed_groups()
    assert set(typed) == {CONTEST, PCC}
    if mixed_up:
        with pytest.raises(CollationError, match="groups typed for Police and Crime Commissioner for Testshire"):
            window.session.accept_bundle(pending, typed, typed_key=dialog.typed_key())
        assert window.session.areas == ()
    else:
        record = window.session.accept_bundle(pending, typed, typed_key=dialog.typed_key())
        assert record.paper_fingerprints == report.paper_fingerprints

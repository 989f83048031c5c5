"""The collating officer's window, driven as a person would: bundles imported with the two groups
typed from the paper, the figures filling in area by area, the round-2 instruction issued and
imported at each area, and the overall result declared.

Three areas, candidates a-d (first preferences North 50/40/10/5, South 10/5/50/40, West
38/45/40/5): each area alone would pick other finalists than the sum, c 100 and a 98 of 338.
Round 2 (b's and d's papers): a 60, c 45, so a wins 158 to 145."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from gui_helpers import open_count_file, screenshot, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, VotingSystem, frozen_map
from countdesk.exchange.fingerprint import fingerprint_groups
from countdesk.exchange.signing import generate_key
from countdesk.gui.collation_window import CollationWindow, start_collation
from countdesk.gui.dialogs.paper_binding_dialog import PaperBindingDialog
from countdesk.gui.dialogs.round2_instruction_dialog import Round2InstructionDialog
from countdesk.gui.models.collation_model import AreaFiguresModel, OverallFiguresModel
from countdesk.services.collation_progress import Stage
from countdesk.services.collation_session import CollationSession
from countdesk.services.count_session import CountSession
from countdesk.services.export import export_bundle
from countdesk.services.round2_area import IMPORT_ACTION

NOW = datetime(2021, 5, 7, 16, 5, tzinfo=UTC)
CONTEST = "mayor.testshire-ca"
FIRST = {"North": (50, 40, 10, 5), "South": (10, 5, 50, 40), "West": (38, 45, 40, 5)}
SECOND = {"North": (20, 15, 10), "South": (10, 25, 10), "West": (30, 5, 15)}
CANDIDATES = (Candidate("a", "Ann ARCHER", "Red"), Candidate("b", "Bo BAKER", "Blue"),
              Candidate("c", "Cy COOPER", "Green"), Candidate("d", "Di DAWSON", "Gold"))


def area_count(area: str) -> Count:
    a, b, c, d = FIRST[area]
    sheet = CountSheet(f"{area[0]}1-R1", 1, frozen_map({"a": a, "b": b, "c": c, "d": d}))
    box = Box(f"{area[0]}01", f"{area} station", False, a + b + c + d, a + b + c + d)
    contest = Contest(CONTEST, "Mayor of Testshire", VotingSystem.SV, 1, CANDIDATES, (box,), (sheet,), electorate=1000)
    return Count(Election("mayor.testshire-ca.2021-05-06", "Election of the Mayor of Testshire", date(2021, 5, 6),
                          area), (contest,))


class Area:
    """One area's laptop: its count file and key; `export()` puts a bundle on the stick."""

    def __init__(self, folder: Path, name: str, stick: Path) -> None:
        self.name, self.stick, self.key = name, stick, generate_key()
        self.path = folder / f"{name.lower()}.countdesk"
        with CountSession.create(self.path, "Area Clerk", area_count(name).election) as session:
            session.import_count(area_count(name))

    def export(self):
        with CountSession.open(self.path, "Area Clerk") as session:
            return export_bundle(session, self.stick, signing_key=self.key, generated_at=NOW)


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


@pytest.fixture
def areas(tmp_path, stick):
    return {name: Area(tmp_path, name, stick) for name in FIRST}


@pytest.fixture
def window(qtbot, tmp_path):
    session = CollationSession.create(tmp_path / "collation", "Testshire Combined Authority", list(FIRST))
    window = CollationWindow(session, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _off_by_one(group: str) -> str:
    return f"{(int(group, 16) + 1) % 0x10000:04X}"


def type_from_paper(qtbot, printed: str, key_printed: str, *, wrong: bool = False, wrong_key: bool = False,
                    new_key: bool = False, shot: str = ""):
    """The answer to the paper-binding dialog, typed key by key: the groups it asks for, read off
    the fingerprint on the paper and off the signing key fingerprint the area's export printed."""
    def act(dialog: PaperBindingDialog) -> None:
        assert dialog.group_edits[0].hasFocus()
        typing = [(dialog.group_edits, dialog.pending.positions, fingerprint_groups(printed), wrong),
                  (dialog.key_edits, dialog.pending.key_positions, fingerprint_groups(key_printed), wrong_key)]
        for edits, positions, groups, mistyped in typing:
            for edit, position in zip(edits, positions, strict=True):
                typed = _off_by_one(groups[position - 1]) if mistyped else groups[position - 1]
                edit.setFocus()
                qtbot.keyClicks(edit, f"{typed[:2].lower()} {typed[2:]}")
        if new_key:
            dialog.new_key_box.setFocus()
            qtbot.keyClick(dialog.new_key_box, Qt.Key.Key_Space)
        if shot:
            screenshot(dialog, shot)
        dialog.accept()

    return act


def import_area(qtbot, window: CollationWindow, report, *, replace_answer: bool = False, shot: str = "") -> bool:
    answer = type_from_paper(qtbot, report.paper_fingerprints[CONTEST], report.key_fingerprint, shot=shot)
    if replace_answer:
        def confirm(box: QMessageBox) -> None:
            when_modal(answer, not_this=box)
            next(b for b in box.buttons() if b.text() == "&Replace").click()

        when_modal(confirm)
    else:
        when_modal(answer)
    return window.import_bundle(report.path)


def test_areas_arrive_and_the_finalists_come_from_the_sum(qtbot, window, areas):
    assert window.status.text() == "No area has reported yet."
    assert window.area_model.rowCount() == 3 and not window.round2_button.isEnabled()
    screenshot(window, "collation-empty")

    assert import_area(qtbot, window, areas["North"].export(), shot="paper-binding-dialog")
    assert window.area_model.rowCount() == 3
    north = window.area_model.index(0, 0)
    assert north.data() == "North" and window.area_model.index(0, 1).data() == "round 1"
    assert window.area_model.index(1, 1).data() == "waiting"
    assert window.status.text().startswith("Provisional: 1 of 3 areas reported so far; waiting for South, West")
    assert import_area(qtbot, window, areas["South"].export())
    screenshot(window, "collation-two-of-three")
    assert import_area(qtbot, window, areas["West"].export())

    progress = window.session.progress(CONTEST)
    assert progress.stage is Stage.ROUND2_TO_ISSUE
    assert "The finalists are Cy COOPER and Ann ARCHER" in window.status.text()
    assert window.round2_button.isEnabled() and not window.declaration_button.isEnabled()
    overall = window.overall_model
    marks = {overall.index(r, 0).data(): overall.index(r, 5).data() for r in range(4)}
    assert marks == {"Ann ARCHER": "Finalist", "Bo BAKER": "", "Cy COOPER": "Finalist", "Di DAWSON": ""}
    assert overall.index(2, 2).data() == "100" and overall.index(5, 2).data() == "338"
    screenshot(window, "collation-round2-to-issue")


def test_the_paper_check_refusal_is_shown_and_nothing_is_accepted(qtbot, window, areas):
    report = areas["North"].export()
    messages = []

    def wrong_then_read_refusal(dialog: PaperBindingDialog) -> None:
        def read(box: QMessageBox) -> None:
            messages.append(box.informativeText())
            box.accept()

        when_modal(read, not_this=dialog)
        type_from_paper(qtbot, report.paper_fingerprints[CONTEST], report.key_fingerprint, wrong=True)(dialog)

    when_modal(wrong_then_read_refusal)
    assert not window.import_bundle(report.path)
    assert "do not match groups" in messages[0] and "check the paper" in messages[0]
    assert window.session.areas == ()
    assert window.area_model.index(0, 1).data() == "waiting"


def test_the_signing_key_typed_from_the_export_is_checked(qtbot, window, areas):
    """The dialog asks for two groups of the key fingerprint the area's export printed (never
    showing it); wrong groups are refused with the reason and nothing is accepted."""
    report = areas["North"].export()
    messages = []

    def wrong_key_then_read_refusal(dialog: PaperBindingDialog) -> None:
        assert len(dialog.key_edits) == 2 and not dialog.new_key_box.isVisible()
        shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert report.key_fingerprint not in shown and "signing key fingerprint" in shown
        assert all(edit.accessibleName().startswith("Group ") for edit in dialog.key_edits)
        when_modal(lambda box: (messages.append(box.informativeText()), box.accept()), not_this=dialog)
        type_from_paper(qtbot, report.paper_fingerprints[CONTEST], report.key_fingerprint, wrong_key=True)(dialog)

    when_modal(wrong_key_then_read_refusal)
    assert not window.import_bundle(report.path)
    assert "signing key's fingerprint typed" in messages[0] and "does not match" in messages[0]
    assert window.session.areas == ()
    assert import_area(qtbot, window, report)
    assert window.session.areas[0].key_fingerprint == report.key_fingerprint
    assert window.session.history[-1].detail.count(f"key {report.key_fingerprint} confirmed (groups ") == 1


def test_a_new_key_for_an_area_needs_the_officers_confirmation(qtbot, window, areas):
    north = areas["North"]
    assert import_area(qtbot, window, north.export())
    north.key = generate_key()  # a replacement laptop with its own key
    report = north.export()
    messages = []

    def answer(new_key: bool):
        def act(dialog: PaperBindingDialog) -> None:
            banner = dialog.findChild(QLabel, "keyChangedBanner")
            assert banner is not None and "This bundle is signed by a new key." in banner.text()
            assert not dialog.new_key_box.isHidden() and "&new key" in dialog.new_key_box.text()
            if not new_key:
                when_modal(lambda box: (messages.append(box.informativeText()), box.accept()), not_this=dialog)
            type_from_paper(qtbot, report.paper_fingerprints[CONTEST], report.key_fingerprint, new_key=new_key,
                            shot="paper-binding-new-key" if new_key else "")(dialog)

        def confirm(box: QMessageBox) -> None:
            when_modal(act, not_this=box)
            next(b for b in box.buttons() if b.text() == "&Replace").click()

        return confirm

    when_modal(answer(new_key=False))
    assert not window.import_bundle(report.path)
    assert "signed by a new key" in messages[0] and "confirm the key change" in messages[0]
    assert window.session.areas[0].key_fingerprint != report.key_fingerprint
    when_modal(answer(new_key=True))
    assert window.import_bundle(report.path)
    assert window.session.areas[0].key_fingerprint == report.key_fingerprint
    assert "the new key confirmed by the collating officer" in window.session.history[-1].detail


def test_an_altered_bundle_is_refused_before_any_question(qtbot, window, areas):
    report = areas["West"].export()
    csv = report.path / "results.csv"
    csv.write_bytes(csv.read_bytes().replace(b"Cy COOPER", b"Cy KOOPER"))
    messages = []
    when_modal(lambda box: (messages.append(box.informativeText()), box.accept()))
    assert not window.import_bundle(report.path)
    assert messages == [f"{report.path}: bundle refused: altered: results.csv"]


def test_the_second_round_across_the_areas_and_the_declaration(qtbot, window, areas, stick, tmp_path, open_counts):
    for name in FIRST:
        import_area(qtbot, window, areas[name].export())
    when_modal(lambda box: box.accept())
    instruction = window.export_round2_instruction(stick, "Combined Authority Returning Officer")
    assert instruction is not None and instruction.exists()
    assert window.round2_button.text() == "Export the round-2 instruction &again…"

    for number, name in enumerate(FIRST, start=1):
        open_count = open_count_file(areas[name].path, open_counts, operator="Area Clerk")
        dialog = Round2InstructionDialog(open_count)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.choose(instruction)
        assert "Count second preferences for: <b>Cy COOPER and Ann ARCHER</b>" in dialog.summary.text()
        assert dialog.import_button.isEnabled()
        if number == 1:
            screenshot(dialog, "round2-instruction-dialog")
        dialog.accept()
        assert dialog.result() == Round2InstructionDialog.DialogCode.Accepted
        assert set(open_count.session.instructions.checked(CONTEST).finalists) == {"a", "c"}
        assert [row.action for row in open_count.session.audit_rows(action=IMPORT_ACTION)] == [IMPORT_ACTION]
        first, second, non_transferable = SECOND[name]
        sheet = CountSheet(f"{name[0]}1-R2", 2, frozen_map({"a": first, "c": second}),
                           non_transferable=non_transferable)
        open_count.session.sheets.confirm(CONTEST, sheet)
        open_count.close()
        assert import_area(qtbot, window, areas[name].export(), replace_answer=True,
                           shot="paper-binding-dialog-replacing" if number == 1 else "")
        if number < 3:
            assert window.session.progress(CONTEST).stage is Stage.ROUND2_WAITING
            assert window.area_model.index(number - 1, 1).data() == "round 2"

    assert window.status.text() == "Every area has reported: Ann ARCHER elected."
    overall = window.overall_model
    assert [overall.index(0, c).data() for c in range(6)] == ["Ann ARCHER", "Red", "98", "60", "158", "Elected"]
    assert [overall.index(2, c).data() for c in (2, 3, 4, 5)] == ["100", "45", "145", "Finalist"]
    assert window.declaration_button.isEnabled()
    screenshot(window, "collation-declared")
    # No collating officer named yet: the declaration is refused, saying what to do.
    refusals = []
    when_modal(lambda box: (refusals.append(box.informativeText() or box.text()), box.accept()))
    assert window.save_document("declaration", tmp_path / "declaration.pdf") is None
    assert refusals and "no officer is named" in refusals[0]
    assert not (tmp_path / "declaration.pdf").exists()

    def name_the_officer(dialog) -> None:
        dialog.accept()                                   # an empty name is refused in the dialog
        assert dialog.isVisible() and "name" in dialog.error_label.text()
        dialog.name_edit.setText("Frank ROGERS")
        dialog.accept()

    when_modal(name_the_officer)
    assert window.edit_officer()
    assert window.session.officer == "Frank ROGERS"
    assert CollationSession.open(window.session.folder).officer == "Frank ROGERS"  # kept on disk
    saved = window.save_document("declaration", tmp_path / "declaration.pdf")
    assert saved is not None and saved.read_bytes().startswith(b"%PDF")
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(saved), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert "I, Frank ROGERS, being the" in text and "Frank ROGERS" in text.split("Signed", 1)[1]


def test_a_stranger_instruction_is_explained_in_the_area_dialog(qtbot, tmp_path, stick, open_counts):
    east = area_count("North")
    east = replace(east, election=replace(east.election, area="East"))
    path = tmp_path / "east.countdesk"
    with CountSession.create(path, "Area Clerk", east.election) as session:
        session.import_count(east)
    instruction = tmp_path / "round2.json"
    instruction.write_text(
        '{"format": "countdesk-round2/1", "election_id": "mayor.testshire-ca.2021-05-06", "contest_id": '
        '"mayor.testshire-ca", "finalists": ["c", "a"], "first_preferences": {"a": 98, "b": 90, "c": 100, '
        '"d": 50}, "areas": ["North", "South", "West"], "issued_at": "2021-05-07T16:05:00+00:00", '
        '"issued_by": "CARO"}')
    open_count = open_count_file(path, open_counts)
    dialog = Round2InstructionDialog(open_count)
    qtbot.addWidget(dialog)
    dialog.choose(instruction)
    assert 'does not name this counting area, "East"' in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.current.text() == "No round-2 instruction has been imported into this count."


def test_start_collation_names_it_and_lists_the_areas(qtbot, tmp_path):
    def answer(dialog) -> None:
        dialog.name_edit.setText("Testshire Combined Authority")
        dialog.areas_edit.setPlainText("North\nSouth\n\nWest\n")
        dialog.accept()

    when_modal(answer)
    window = start_collation(None, tmp_path / "new")
    qtbot.addWidget(window)
    assert window.session.expected_areas == ("North", "South", "West")
    assert window.heading.text() == "Testshire Combined Authority — 0 of 3 areas in"
    reopened = start_collation(None, tmp_path / "new")  # an existing collation opens without questions
    qtbot.addWidget(reopened)
    assert reopened.session.name == "Testshire Combined Authority"


def test_the_tables_are_sound_models(qtbot, qtmodeltester, window, areas):
    import_area(qtbot, window, areas["South"].export())
    qtmodeltester.check(window.area_model)
    qtmodeltester.check(window.overall_model)
    empty_areas, empty_overall = AreaFiguresModel(), OverallFiguresModel()
    qtmodeltester.check(empty_areas)
    qtmodeltester.check(empty_overall)


def test_the_window_is_reachable_by_keyboard_and_named(qtbot, window):
    for action in (window.import_action, window.areas_action, window.round2_action, window.declaration_action):
        assert not action.shortcut().isEmpty(), action.text()
    for widget in (window.import_button, window.round2_button, window.declaration_button, window.area_table,
                   window.overall_table, window.status):
        assert widget.accessibleName(), widget.objectName()
    window.activateWindow()
    window.import_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.import_button)
    qtbot.keyClick(window.import_button, Qt.Key.Key_Tab)
    # the round-2 and declaration buttons are disabled at the start, so Tab goes on to the tables
    assert QApplication.focusWidget() is window.area_table


def test_the_key_can_be_typed_whole_and_every_field_has_its_own_alt_key(qtbot, window, areas):
    import re

    from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton

    report = areas["South"].export()
    pending = window.session.open_bundle(report.path)
    dialog = PaperBindingDialog(pending, window)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)
             + dialog.findChildren(QCheckBox)]
    keys = [m.group(1).lower() for t in texts for m in [re.search(r"&(\w)", t)] if m]
    assert len(keys) == len(set(keys)) and {"k", "y", "w", "n", "c"} <= set(keys), keys
    assert all(edit.accessibleName() for edit in dialog.findChildren(QLineEdit))
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.whole_key_edit)
    for n, position in enumerate(pending.positions):
        qtbot.keyClicks(dialog.group_edits[n], fingerprint_groups(report.paper_fingerprints[CONTEST])[position - 1])
    qtbot.keyClicks(dialog.whole_key_edit, report.key_fingerprint[:-5])  # a group short
    dialog.accept()
    assert dialog.isVisible() and "eight groups" in dialog.error_label.text()
    assert QApplication.focusWidget() is dialog.whole_key_edit
    qtbot.keyClicks(dialog.whole_key_edit, report.key_fingerprint[-5:].lower())
    qtbot.keyClick(dialog.whole_key_edit, Qt.Key.Key_Return)
    assert dialog.result() == PaperBindingDialog.DialogCode.Accepted
    assert dialog.typed_key() == [report.key_fingerprint.replace(" ", "")]
    record = window.session.accept_bundle(pending, dialog.typed_groups(), typed_key=dialog.typed_key())
    assert record.key_confirmed == "the whole fingerprint typed"

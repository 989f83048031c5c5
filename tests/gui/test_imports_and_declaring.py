"""Set-up from files (a count file as a new count, candidates and boxes from CSV) off the GUI thread,
and the declaration: PROVISIONAL until the returning officer declares with the passphrase."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from gui_helpers import DEMO, OPERATOR, reopen, screenshot, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from countdesk.domain.model import Election
from countdesk.gui import count_files
from countdesk.gui.main_window import MainWindow
from countdesk.services.count_session import CountSession

LIVERPOOL = "mayor.liverpool.2021-05-06"
#: The same count in the older format (countdesk/1: no office named): imported with notes.
LIVERPOOL_V1 = Path(__file__).resolve().parents[1] / "golden" / "liverpool-mayor-2021" / "count.json"


def window_for(qtbot) -> MainWindow:
    window = MainWindow(operator=OPERATOR)
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    return window


def _imported(qtbot, monkeypatch, source: Path, target: Path) -> MainWindow:
    """File ▸ Import a count file, choosing `source` and saving the count as `target`."""
    monkeypatch.setattr(count_files, "choose_file", lambda parent, title, file_filter: source)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    window = window_for(qtbot)
    window.import_count_file()
    qtbot.waitUntil(lambda: window.current_count is not None, timeout=20_000)
    return window


def test_a_count_file_becomes_a_new_count(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "imported.countdesk"
    source = tmp_path / "liverpool-mayor-2021.json"
    shutil.copy(LIVERPOOL_V1, source)
    window = _imported(qtbot, monkeypatch, source, target)
    assert window.current_count.path == target
    assert window.current_count.result(LIVERPOOL).elected == ("anderson-j",)
    with CountSession.open(tmp_path / "imported.countdesk", "Checker", read_only=True) as session:
        assert session.audit_rows(action="contest.import")[0].reason == "imported from liverpool-mayor-2021.json"
    # A countdesk/1 file names no office: what was inferred is said, as the command line says it.
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "importNotes") is not None)
    notes = window.findChild(QMessageBox, "importNotes")
    assert notes.isVisible() and "liverpool-mayor-2021.json" in notes.text()
    assert "a countdesk/1 file names no office" in notes.informativeText()
    assert "contests[0]" in notes.informativeText()
    notes.accept()
    window.close()


def test_a_count_file_that_names_its_office_imports_without_notes(qtbot, tmp_path, monkeypatch):
    from countdesk.exchange.countfile import load_count_file, write_count_file

    current = tmp_path / "liverpool-2.json"
    write_count_file(load_count_file(DEMO), current)
    window = _imported(qtbot, monkeypatch, current, tmp_path / "imported.countdesk")
    qtbot.wait(50)
    assert window.findChild(QMessageBox, "importNotes") is None
    window.close()


def test_a_damaged_count_file_is_refused_and_leaves_nothing(qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "countdesk/1", "election": {}}', encoding="utf-8")
    target = tmp_path / "never.countdesk"
    monkeypatch.setattr(count_files, "choose_file", lambda parent, title, file_filter: broken)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    window = window_for(qtbot)
    messages = []
    when_modal(lambda box: (messages.append(box.informativeText()), box.accept()))
    window.import_count_file()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert "election" in messages[0]
    assert window.current_count is None and not target.exists()
    window.close()


def test_candidates_and_boxes_from_csv_are_one_undoable_step(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "csv.countdesk"
    with CountSession.create(path, OPERATOR, Election("e", "Local elections", date(2021, 5, 6), "Testshire")) as s:
        from countdesk.domain.model import Contest, VotingSystem

        s.set_up.add_contest(Contest("ward", "Anfield ward", VotingSystem.FPTP, 2, ()))
    candidates_csv = tmp_path / "candidates.csv"
    candidates_csv.write_text("name,description\nJoanne ANDERSON,Labour Party\nRichard KEMP,Liberal Democrats\n"
                              "Stephen YIP,Independent\n", encoding="utf-8")
    boxes_csv = tmp_path / "boxes.csv"
    boxes_csv.write_text("id,label,postal,ballot_paper_account\nA1,St Anne's,no,812\nP1,Postal 1,yes,300\n",
                         encoding="utf-8")
    window = window_for(qtbot)
    assert window.open_count(path)
    # One import after the other, as a user does: two background reads may finish in either order.
    done = {"candidates": lambda c: len(c.candidates) == 3, "boxes": lambda c: len(c.boxes) == 2}
    for kind, source in (("candidates", candidates_csv), ("boxes", boxes_csv)):
        monkeypatch.setattr(count_files, "choose_file", lambda parent, title, file_filter, s=source: s)
        window.import_csv(kind)
        qtbot.waitUntil(lambda k=kind: done[k](reopen(path).contests[0]), timeout=20_000)
    contest = reopen(path).contests[0]
    assert [c.id for c in contest.candidates] == ["anderson-j", "kemp-r", "yip-s"]
    assert [(b.id, b.postal, b.ballot_paper_account) for b in contest.boxes] == [("A1", False, 812), ("P1", True, 300)]
    assert window.current_count.undo_stack.undoText() == "Import 2 boxes from boxes.csv"
    window.current_count.undo_stack.undo()
    assert reopen(path).contests[0].boxes == ()
    assert len(reopen(path).contests[0].candidates) == 3
    window.close()


def test_the_result_is_provisional_until_the_ro_declares(qtbot, tmp_path):
    path = tmp_path / "declare.countdesk"
    shutil.copy(DEMO, tmp_path / "demo.json")
    from countdesk.gui.application import create_count_from_file

    create_count_from_file(tmp_path / "demo.json", path, OPERATOR)
    window = window_for(qtbot)
    assert window.open_count(path)
    window.show_tab("result")
    assert window.workspace.result_view.banner.text() == "PROVISIONAL"
    assert window.workspace.stage_label.text().startswith("PROVISIONAL")

    def set_passphrase(dialog) -> None:
        qtbot.keyClicks(dialog.passphrase_edit, "correct horse battery")
        qtbot.keyClicks(dialog.again_edit, "correct horse battery")
        when_modal(declare, not_this=dialog)
        dialog.accept()

    def declare(dialog) -> None:
        qtbot.keyClicks(dialog.passphrase_edit, "correct horse battery")
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)

    when_modal(set_passphrase)
    window.declare_result()
    qtbot.waitUntil(lambda: window.current_count.contest_state(LIVERPOOL).declared)
    assert window.workspace.stage_label.text().startswith("DECLARED")
    assert window.workspace.result_view.banner.text() != "PROVISIONAL"
    screenshot(window, "declared")
    # Declared means locked: no sheet, figure or candidate can be typed until the RO reopens it.
    workspace = window.workspace
    assert not workspace.sheets_view.form.isEnabled()
    verification = workspace.verification_view.model
    assert not verification.flags(verification.index(0, 4)) & Qt.ItemFlag.ItemIsEditable
    assert not workspace.setup_view.candidates.entry_row.isEnabled()
    with CountSession.open(Path(path), "Checker", read_only=True) as session:
        assert session.audit_rows(action="contest.declare")[-1].operator == OPERATOR
    window.close()

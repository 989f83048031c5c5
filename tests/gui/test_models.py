"""Every table model over the services, checked by pytest-qt's qtmodeltester on the Liverpool 2021
count (94 boxes, 28 sheets), and the figures they show checked against the published count."""

from __future__ import annotations

from gui_helpers import demo_open_count, small_sv_contest
from PySide6.QtCore import Qt

from countdesk.gui.models.audit_model import AuditFilterModel, AuditModel
from countdesk.gui.models.audit_words import describe_change, describe_in_full
from countdesk.gui.models.boxes_model import BoxesModel
from countdesk.gui.models.candidates_model import CandidatesModel, new_candidate_id
from countdesk.gui.models.sheets_model import SheetsModel
from countdesk.gui.models.verification_model import VerificationModel, parse_figure

LIVERPOOL = "mayor.liverpool.2021-05-06"


def test_every_table_model_passes_qtmodeltester(qtmodeltester, tmp_path, open_counts):
    open_count = demo_open_count(tmp_path, open_counts)
    contest = open_count.contest(LIVERPOOL)
    rows = {CandidatesModel: len(contest.candidates), BoxesModel: len(contest.boxes),
            VerificationModel: len(contest.boxes), SheetsModel: len(contest.count_sheets)}
    for model_type, expected_rows in rows.items():
        model = model_type(open_count)
        model.set_contest(LIVERPOOL)
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == expected_rows, model_type.__name__  # 7 candidates, 94 boxes, 28 sheets
    audit = AuditModel(open_count)
    qtmodeltester.check(audit, force_py=True)
    proxy = AuditFilterModel()
    proxy.setSourceModel(audit)
    proxy.set_filters(action="contest.")
    qtmodeltester.check(proxy, force_py=True)
    assert 0 < proxy.rowCount() < audit.rowCount()  # the import row, not the session rows


def test_the_models_show_the_published_liverpool_figures(tmp_path, open_counts):
    open_count = demo_open_count(tmp_path, open_counts)
    verification = VerificationModel(open_count)
    verification.set_contest(LIVERPOOL)
    totals = verification.totals()
    # Published: 102,600 ballot papers verified across the 94 boxes (90 stations, 4 postal).
    assert (totals.boxes, totals.boxes_verified, totals.verified) == (94, 94, 102_600)
    assert verification.index(0, 4).data() == "644"
    assert verification.index(0, 4).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    b3 = verification.index(2, 5)  # LIV003: 1,861 verified against an account of 1,860
    assert b3.data() == "+1" and b3.data(Qt.ItemDataRole.BackgroundRole) is not None

    sheets = SheetsModel(open_count)
    sheets.set_contest(LIVERPOOL)
    assert sheets.rowCount() == 28
    headers = [sheets.headerData(c, Qt.Orientation.Horizontal) for c in range(sheets.columnCount())]
    assert headers[2] == "ANDERSON" and headers[-2:] == ["Non-transferable", "Papers"]
    first_round_anderson = sum(int(sheets.index(r, 2).data().replace(",", "")) for r in range(sheets.rowCount())
                               if sheets.index(r, 1).data() == "1")
    assert first_round_anderson == 38_958  # Anderson's published first preferences
    round2 = [r for r in range(sheets.rowCount()) if sheets.index(r, 1).data() == "2"]
    assert sheets.index(round2[0], 3).data() == ""  # Bannister was not a finalist: blank, not 0
    assert sum(int(sheets.index(r, 2).data().replace(",", "")) for r in round2) == 7_535

    candidates = CandidatesModel(open_count)
    candidates.set_contest(LIVERPOOL)
    assert candidates.index(0, 1).data() == "Joanne ANDERSON" and candidates.index(6, 1).data() == "Stephen YIP"


def test_a_candidate_name_cannot_be_emptied_in_the_table(tmp_path, open_counts):
    open_count = demo_open_count(tmp_path, open_counts)
    model = CandidatesModel(open_count)
    model.set_contest(LIVERPOOL)
    refusals = []
    model.refused.connect(refusals.append)
    assert not model.setData(model.index(0, 1), "   ")
    assert refusals and "cannot be empty" in refusals[0]
    assert open_count.contest(LIVERPOOL).candidates[0].name == "Joanne ANDERSON"


def test_new_candidate_id_from_the_surname_as_printed():
    # The order on the ballot paper is as given, never sorted: tests/gui/test_ballot_order.py.
    assert new_candidate_id("Joanne ANDERSON", ()) == "anderson-j"
    assert new_candidate_id("Joanne ANDERSON", ("anderson-j",)) == "anderson-j-2"
    assert new_candidate_id("John McDONALD", ()) == "mcdonald-j"


def test_figures_typed_in_a_cell_are_checked():
    assert parse_figure("1,234") == (1234, "")
    assert parse_figure("") == (None, "")
    assert parse_figure("-3")[1] == "A figure cannot be negative"
    assert parse_figure("12a")[1].startswith("Figures only")


def test_an_audit_change_names_the_fields_that_changed():
    assert describe_change({"verified": 99, "note": None}, {"verified": 100, "note": None}) == "verified: 99 → 100"
    assert describe_change(None, {"id": "B1", "label": "Library"}) == "new: number: B1; station: Library"
    assert describe_change({"votes": {"a": 1, "b": 2}}, {"votes": {"a": 1, "b": 3}}) == "b: 2 → 3"
    contest = small_sv_contest()
    sheet = {"id": "T01-R1", "votes": {"adams-a": 1, "dixon-d": 4}, "rejected": {"unmarked": 5}}
    corrected = {"id": "T01-R1", "votes": {"adams-a": 1, "dixon-d": 9}, "rejected": {"unmarked": 15000}}
    assert describe_change(sheet, corrected, contest) == "Dan DIXON: 4 → 9; rejected (unmarked): 5 → 15,000"
    tip = describe_in_full(sheet, corrected, contest)
    assert "{" not in tip and '"' not in tip and "dixon-d" not in tip
    assert tip.splitlines()[:3] == ["Before:", "  number: T01-R1", "  Ann ADAMS: 1"]

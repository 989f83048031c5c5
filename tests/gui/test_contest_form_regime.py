"""The contest form asks for the office and the counting role, offers only the systems the office
and poll date allow (domain.regimes), asks a referendum's question, and shows the rules that apply
with their sources."""

from __future__ import annotations

from datetime import date

from countdesk.domain.model import Counting, Office, VotingSystem
from countdesk.gui.controls.contest_form import ContestDetails, ContestForm


def _form(qtbot, poll_date: date) -> ContestForm:
    form = ContestForm()
    qtbot.addWidget(form)
    form.set_poll_date(poll_date)
    return form


def _choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _systems(form: ContestForm) -> list[str]:
    return [form.system_combo.itemData(i) for i in range(form.system_combo.count())]


def test_only_the_lawful_systems_are_offered_for_the_office_and_date(qtbot):
    form = _form(qtbot, date(2026, 6, 18))
    _choose(form.office_combo, Office.COMBINED_AUTHORITY_MAYOR.value)
    assert _systems(form) == ["sv"]  # SV again for CA mayors from 18 June 2026
    assert form.counting_combo.isEnabled()
    assert "Community Empowerment Act 2026 s.63" in form.rules_label.text()
    _choose(form.office_combo, Office.LOCAL_MAYOR.value)
    assert _systems(form) == ["fptp"] and not form.counting_combo.isEnabled()
    assert form.counting() is Counting.WHOLE
    form.set_poll_date(date(2021, 5, 6))
    assert _systems(form) == ["sv"]


def test_a_local_count_shows_the_local_officer_and_that_it_never_declares(qtbot):
    form = _form(qtbot, date(2024, 5, 2))
    _choose(form.office_combo, Office.PCC.value)
    _choose(form.counting_combo, Counting.LOCAL.value)
    rules = form.rules_label.text()
    assert "Officer: Local Returning Officer" in rules and "Declares: no" in rules


def test_a_referendum_asks_its_question_and_starts_with_yes_and_no(qtbot):
    form = _form(qtbot, date(2024, 5, 2))
    assert form.question_edit.isHidden()
    form.title_edit.setText("Testbury neighbourhood plan")
    form.id_edit.setText("ref.testbury.2024-05-02")
    _choose(form.office_combo, Office.REFERENDUM.value)
    assert not form.question_edit.isHidden() and _systems(form) == ["referendum"]
    assert form.details() is None  # no question yet: refused at the field
    assert form.errors["question"].text()
    form.question_edit.setText("Do you want the plan to be used?")
    details = form.details()
    assert (details.system, details.seats, details.question) == (VotingSystem.REFERENDUM, 1,
                                                                   "Do you want the plan to be used?")
    contest = details.new_contest()
    assert [c.id for c in contest.candidates] == ["yes", "no"] and contest.office is Office.REFERENDUM


def test_a_contest_read_with_a_system_the_law_does_not_allow_says_so(qtbot):
    form = _form(qtbot, date(2024, 5, 2))
    form.set_details(ContestDetails("m", "Mayor of Testshire", VotingSystem.SV, 1, None, False,
                                    Office.LOCAL_MAYOR, Counting.WHOLE, None))
    assert form.system() is VotingSystem.SV  # shown as it is, so the RO sees what to put right
    assert form.rules_label.text().startswith("Rules that apply. Not lawful: this office is counted by First past")

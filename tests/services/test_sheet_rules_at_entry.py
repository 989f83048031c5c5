"""The rule book at entry: a sheet that does not reconcile, or that would hold more than was
verified (or, in round 2, more than the eliminated candidates had, or figures for someone who is
not a finalist) is refused by the service at its field and writes nothing. Round 2 opens only
once round 1 is complete, and the finalists' figures are all it takes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from session_builders import CONTEST_ID as C
from session_builders import audit_size, r1, r2

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.domain.sheet_rules import sheet_setting
from countdesk.errors import ValidationError

W = f"contests[{C}].count_sheets"


def _verified(session, b1: int = 100, p1: int = 60) -> None:
    session.verification.verify(C, "B1", b1, None if b1 == 100 else "recounted")
    session.verification.verify(C, "P1", p1, None if p1 == 60 else "recounted")


def assert_refused(session, sheet, where: str, words: str) -> None:
    """The service refuses `sheet` at `where`, saying `words`, and writes nothing."""
    before, rows = session.load(), audit_size(session)
    with pytest.raises(ValidationError) as refused:
        session.sheets.confirm(C, sheet)
    assert refused.value.where == where and words in refused.value.message, str(refused.value)
    assert session.load() == before and audit_size(session) == rows


def test_a_sheet_whose_figures_do_not_add_up_to_its_papers_is_refused_on_that_sheet(session):
    _verified(session)
    typo = CountSheet("T1", 1, frozen_map({"a": 1000, "b": 20, "c": 30}), frozen_map({"unmarked": 2}), papers=152)
    assert_refused(session, typo, f"{W}[T1].papers", "sheet T1: 152 papers, but 1,050 votes + 2 rejected = 1,052")
    session.sheets.confirm(C, replace(typo, votes=frozen_map({"a": 100, "b": 20, "c": 30})))


def test_a_sheet_beyond_the_papers_verified_is_refused_at_entry(session):
    _verified(session)  # 160 papers
    session.sheets.confirm(C, r1("T1", 50, 40, 30))
    assert_refused(session, r1("T2", 30, 10, 1), f"{W}[T2].total",
             "sheet T2 holds 41 papers, but only 40 of the 160 verified papers are not yet on a sheet")
    session.sheets.confirm(C, r1("T2", 30, 9, 1))
    # A correction is measured without the sheet it replaces.
    session.sheets.confirm(C, r1("T2", 20, 19, 1), reason="mis-keyed")
    with pytest.raises(ValidationError, match="only 40 of the 160"):
        session.sheets.confirm(C, r1("T2", 21, 19, 1), reason="mis-keyed again")


def test_a_candidate_beyond_the_papers_verified_is_refused(session):
    from countdesk.domain.model import Box, Candidate, Contest, VotingSystem

    ward = Contest("ward.y", "Y ward", VotingSystem.FPTP, 2, (Candidate("p", "P"), Candidate("q", "Q")),
                   (Box("B1", verified=10),))
    session.set_up.add_contest(ward)
    session.sheets.confirm("ward.y", CountSheet("W1", 1, frozen_map({"p": 6, "q": 5}), papers=6))
    with pytest.raises(ValidationError) as refused:
        session.sheets.confirm("ward.y", CountSheet("W2", 1, frozen_map({"p": 5, "q": 1}), papers=4))
    assert refused.value.where == "contests[ward.y].count_sheets[W2].votes.p"
    assert "more than the 4 valid papers" in refused.value.message


def test_round_two_opens_only_once_round_one_is_complete(session):
    session.verification.verify(C, "B1", 100, None)  # the postal box is still open
    session.sheets.confirm(C, r1("T1", 40, 35, 25))
    assert_refused(session, r2("R2", 5, 15, 5), f"{W}[R2].total",
             "second-round sheets are entered once round 1 is complete: box P1 has not been verified")
    session.verification.verify(C, "P1", 0, "no postal papers were returned")
    session.sheets.confirm(C, r2("R2", 5, 15, 5))
    assert session.tally(C).elected == ("b",)


def test_impossible_round_two_figures_are_refused_at_entry(session):
    _verified(session, 100, 0)
    session.sheets.confirm(C, r1("T1", 40, 35, 25))  # finalists a and b; c's 25 papers go to round 2
    assert_refused(session, r2("R2", 5, 15, 6), f"{W}[R2].total",
             "sheet R2 holds 26 papers, but only 25 of the 25 papers of the eliminated candidates")
    for_c = CountSheet("R2", 2, frozen_map({"a": 5, "c": 15}), non_transferable=5)
    assert_refused(session, for_c, f"{W}[R2].votes.c", "gives 15 to c, who is not a finalist (finalists: a, b)")
    too_many_rejected = replace(r2("R2", 5, 15, 5), second_rejected=6)
    assert_refused(session, too_many_rejected, f"{W}[R2].second_rejected",
             "6 papers rejected at the second stage, more than the 5 non-transferable papers")


def test_an_sv_contest_won_on_first_preferences_has_no_second_round_to_enter(session):
    _verified(session, 100, 0)
    session.sheets.confirm(C, r1("T1", 60, 25, 15))
    assert_refused(session, r2("R2", 5, 10, 0), f"{W}[R2].total", "this contest has no second round")


def test_the_service_and_the_form_check_against_the_same_setting(session):
    """The service reads sums from the database; the form works them out from the open contest:
    both must give the rule book the same figures."""
    _verified(session, 100, 0)
    session.sheets.confirm(C, r1("T1", 40, 35, 20, unmarked=1))
    session.sheets.confirm(C, r1("T2", 1, 1, 1, too_many_votes=1))
    contest, result = session.contest(C), session.tally(C)
    for round_number in (1, 2):
        for sheet_id in (None, "T1", "T2"):
            expected = sheet_setting(contest, result, round_number, sheet_id)
            assert session.sheets.setting(C, round_number, sheet_id) == expected


def test_a_count_file_with_impossible_round_two_figures_imports_nothing_and_says_where(tmp_path):
    from session_builders import ELECTION, small_sv

    from countdesk.domain.model import Box, Count
    from countdesk.services import CountSession

    boxes = (Box("B1", verified=100), Box("P1", verified=0))
    first = r1("T1", 40, 35, 25)
    impossible = {
        "count_sheets[1].votes.c": CountSheet("R2", 2, frozen_map({"a": 5, "c": 15}), non_transferable=5),
        "count_sheets": r2("R2", 5, 15, 6),  # 26 papers from c's 25: the round as a whole
    }
    for where, sheet in impossible.items():
        with CountSession.create(tmp_path / f"{len(where)}.countdesk", "Alice", ELECTION) as session:
            with pytest.raises(ValidationError) as refused:
                session.import_count(Count(ELECTION, (small_sv(sheets=(first, sheet), boxes=boxes),)))
            assert refused.value.where.startswith(f"contests[0].{where}"), refused.value.where
            assert session.contest_states() == []

"""The regime table in the app's services: a system the office and poll date do not allow is
refused when a contest is added, changed or imported (a countdesk/1 file's inferred office only
warns), and a local count of a collated poll never declares."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from session_builders import CONTEST_ID, ELECTION, r1, small_sv, ticking_clock

from countdesk.domain.model import Count, Counting, Office, VotingSystem
from countdesk.domain.result import Status
from countdesk.errors import CountdeskError, ValidationError
from countdesk.exchange.countfile_legacy import ReadNote
from countdesk.services import CountSession, Stage

C = CONTEST_ID
PASSPHRASE = "correct horse battery"
LATER = replace(ELECTION, poll_date=date(2026, 6, 18))


def _complete(session) -> None:
    session.verification.verify(C, "B1", 100, None)
    session.verification.verify(C, "P1", 0, "no postal papers were returned")
    session.sheets.confirm(C, r1("T1", 40, 35, 25))


def test_adding_a_contest_whose_system_the_office_and_date_refuse(count_path):
    with CountSession.create(count_path, "Alice", LATER, clock=ticking_clock()) as session:
        fptp_ca = replace(small_sv(), system=VotingSystem.FPTP, office=Office.COMBINED_AUTHORITY_MAYOR)
        with pytest.raises(ValidationError, match="counted by supplementary vote") as refused:
            session.set_up.add_contest(fptp_ca)
        assert refused.value.where == f"contests[{C}].system"
        assert session.load().contests == ()
        # SV for a combined authority mayor from 18 June 2026 is the law again.
        session.set_up.add_contest(replace(small_sv(), office=Office.COMBINED_AUTHORITY_MAYOR))
        assert session.load().contest(C).system is VotingSystem.SV


def test_changing_the_office_to_one_the_system_does_not_fit_is_refused(session):
    with pytest.raises(ValidationError, match="a council poll on 2021-05-06 is counted by first past the post"):
        session.set_up.update_contest(C, office=Office.COUNCIL)  # a council ward is never SV
    session.set_up.update_contest(C, office=Office.PCC, counting=Counting.LOCAL)
    contest = session.load().contest(C)
    assert (contest.office, contest.counting) == (Office.PCC, Counting.LOCAL)
    row = session.audit_rows(action="contest.update")[-1]
    assert row.before["office"] == "local_mayor" and row.after["office"] == "pcc" and row.after["counting"] == "local"


def test_an_import_refuses_a_mismatch_but_a_countdesk_1_office_only_warns(count_path, tmp_path):
    unlawful = Count(LATER, (replace(small_sv(), office=Office.LOCAL_MAYOR),))  # SV for an LA mayor in 2026
    with CountSession.create(count_path, "Alice", LATER, clock=ticking_clock()) as session:
        with pytest.raises(ValidationError, match="first past the post"):
            session.import_count(unlawful)
        note = ReadNote("contests[0]", "a countdesk/1 file names no office: office inferred as ...")
        session.import_count(unlawful, notes=[note])
        assert "W07" in {w.code for w in session.tally(C).warnings}
        row = session.audit_rows(action="contest.import")[-1]
        assert row.reason.endswith("a countdesk/1 file names no office: office inferred as ...")


def test_a_local_count_is_counted_never_elected_and_never_declared(session):
    session.set_up.update_contest(C, office=Office.COMBINED_AUTHORITY_MAYOR, counting=Counting.LOCAL)
    _complete(session)
    result = session.tally(C)
    assert result.status is Status.COUNTED and result.elected == ()
    session.passphrase.set(PASSPHRASE)
    with pytest.raises(CountdeskError, match="local count of a collated poll: it gives local statements only"):
        session.declaring.declare(C, PASSPHRASE)
    assert session.declaring.stage(C) is not Stage.DECLARED
    refused = session.audit_rows(action="contest.declare_refused")[-1]
    assert "never declares" in refused.reason

"""Accepting a difference: an RO action (passphrase, reason, the exact figures), audited, stored,
exported and read back, printed on the declaration, and standing for nothing once a figure moves."""

from __future__ import annotations

import pytest
from session_builders import CONTEST_ID as C
from session_builders import r1, r2

from countdesk.domain.result import Status
from countdesk.errors import CountdeskError, ValidationError
from countdesk.exchange.countfile import count_to_document, parse_count_document
from countdesk.services.integrity import verify_count

PASSPHRASE = "the returning officer's own"


def _two_papers_missing(session) -> None:
    """160 verified, 158 on the sheets after every recount: a majority for a either way."""
    session.verification.verify(C, "B1", 100, None)
    session.verification.verify(C, "P1", 60, None)
    session.sheets.confirm(C, r1("T1", 90, 40, 28))
    session.passphrase.set(PASSPHRASE)


def test_the_ro_accepts_exactly_the_difference_shown_and_the_count_completes(session):
    _two_papers_missing(session)
    assert session.tally(C).status is Status.INCOMPLETE
    gap = session.acceptances.standing_difference(C, "round1")
    assert dict(gap.figures) == {"counted": 158, "expected": 160}
    reason = "two papers not found after three recounts; agents informed"
    with pytest.raises(CountdeskError, match="the RO passphrase is wrong"):
        session.acceptances.accept(C, "a guess", stage="round1", counted=158, expected=160, reason=reason)
    with pytest.raises(CountdeskError, match="the difference standing is 158 against 160, not 157 against 160"):
        session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=157, expected=160, reason=reason)
    with pytest.raises(ValidationError, match="reason is required"):
        session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=158, expected=160, reason=" ")
    change = session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=158, expected=160, reason=reason)
    assert change.contest_id == C and change.acceptance and change.figures
    accepted = session.contest(C).accepted_differences[-1]
    assert (accepted.accepted_by, accepted.reason) == ("Alice", reason)
    assert change.audit_id == session.audit_rows(action="contest.accept_difference")[-1].id
    assert session.tally(C).status is Status.ELECTED and session.tally(C).elected == ("a",)
    refused = [r.reason for r in session.audit_rows(action="contest.accept_difference_refused")]
    assert refused[0] == "the RO passphrase is wrong" and "157 against 160" in refused[1]
    row = session.audit_rows(action="contest.accept_difference")[-1]
    assert row.after["counted"] == 158 and row.after["expected"] == 160 and row.reason == reason
    assert verify_count(session).ok  # the replay rebuilds the acceptance from the trail


def test_an_acceptance_is_void_as_soon_as_a_figure_it_covers_changes(session):
    _two_papers_missing(session)
    session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=158, expected=160, reason="lost papers")
    session.sheets.confirm(C, r1("T2", 1, 0, 0))  # a paper found later
    result = session.tally(C)
    assert result.status is Status.INCOMPLETE and result.elected == ()
    assert "1 verified paper is not on any sheet yet" in result.gaps[0].message
    with pytest.raises(CountdeskError, match="not complete"):
        session.declaring.declare(C, PASSPHRASE)


def test_the_acceptance_travels_in_the_count_file_and_is_read_back(session):
    _two_papers_missing(session)
    session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=158, expected=160, reason="lost papers")
    document = count_to_document(session.load())
    written = document["contests"][0]["accepted_differences"]
    assert [(d["stage"], d["counted"], d["expected"], d["reason"]) for d in written] == [
        ("round1", 158, 160, "lost papers")]
    again = parse_count_document(document)
    assert again.contests[0].accepted_differences == session.load().contests[0].accepted_differences


def test_a_second_round_difference_is_accepted_only_once_round_one_is_complete(session):
    session.verification.verify(C, "B1", 100, None)
    session.verification.verify(C, "P1", 0, "no postal papers")
    session.passphrase.set(PASSPHRASE)
    session.sheets.confirm(C, r1("T1", 40, 35, 25))
    session.sheets.confirm(C, r2("R2", 5, 15, 4))  # 24 of c's 25 papers
    with pytest.raises(CountdeskError, match="no first-round difference stands"):
        session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=100, expected=100, reason="x")
    session.acceptances.accept(C, PASSPHRASE, stage="round2", counted=24, expected=25, reason="one paper torn")
    assert session.tally(C).elected == ("b",)
    assert session.declaring.declare(C, PASSPHRASE).declaration
    assert session.tally(C).elected == ("b",)
    contest = session.load().contests[0]
    assert contest.declared is not None and contest.declared.at
    assert verify_count(session).ok
    session.declaring.unlock(C, PASSPHRASE, reason="agents asked for a recount")
    assert session.load().contests[0].declared is None
    assert verify_count(session).ok


def test_the_declaration_prints_the_accepted_difference(session):
    import subprocess

    from countdesk.services.documents import document_context, render_document

    _two_papers_missing(session)
    session.set_up.update_election(session.election().__class__(**{**session.election().__dict__,
                                                            "returning_officer": "Pat Officer"}))
    session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=158, expected=160, reason="two papers lost")
    pdf = render_document("declaration", document_context(session.load(), C)).data
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "accepted a difference between the ballot papers counted (158) and the ballot papers verified (160)" in \
        " ".join(text.split())
    assert "two papers lost" in text

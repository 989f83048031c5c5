"""A voided acceptance stays void (issue 12 item 2: "void as soon as any figure it covers
changes"): figures that come back to exactly the accepted values do not bring it back. The voiding
is recorded (a `contest.void_acceptance` audit row in the transaction of the change), so it
survives the replay of the trail, the count file and its import."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from session_builders import CONTEST_ID as C
from session_builders import ELECTION, r1, small_sv, ticking_clock

from countdesk.domain.model import AcceptedDifference
from countdesk.domain.result import Status
from countdesk.errors import ValidationError
from countdesk.exchange.countfile import count_to_document, parse_count_document
from countdesk.services import CountSession
from countdesk.services.integrity import verify_count

PASSPHRASE = "the returning officer's own"
REASON = "two papers not found after three recounts"

#: A detour away from the accepted figures: papers found later on a sheet of their own, the first
#: sheet keyed again with other figures, a box verified again with another figure.
detours = st.one_of(
    st.tuples(st.just("extra"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("rekey"), st.integers(80, 95), st.integers(35, 45)),
    st.tuples(st.just("reverify"), st.integers(90, 110)),
)


def missing_two(session: CountSession) -> None:
    """160 verified, 158 on the sheet; the RO accepts the difference: a is elected."""
    session.verification.verify(C, "B1", 100, None)
    session.verification.verify(C, "P1", 60, None)
    session.sheets.confirm(C, r1("T1", 90, 40, 28))
    session.passphrase.set(PASSPHRASE)
    session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=158, expected=160, reason=REASON)
    assert session.tally(C).status is Status.ELECTED


def take(session: CountSession, detour: tuple) -> bool:
    """Make the change; True if it moved a figure the acceptance covers (papers counted or
    verified). A change the rule book refuses (a sheet past the verified papers) changes nothing."""
    before = session.tally(C)
    try:
        if detour[0] == "extra":
            session.sheets.confirm(C, r1(f"X{len(session.contest(C).count_sheets)}", detour[1], detour[2], 0))
        elif detour[0] == "rekey":
            session.sheets.confirm(C, r1("T1", detour[1], detour[2], 28), reason="keyed again")
        else:
            session.verification.verify(C, "B1", detour[1], "recounted", reason="recounted")
    except ValidationError:
        assert session.tally(C) == before
        return False
    after = session.tally(C)
    return (before.ballot_papers_counted, before.ballot_papers_verified) != (
        after.ballot_papers_counted, after.ballot_papers_verified)


def come_back(session: CountSession) -> None:
    """Every figure back to exactly what was accepted: 158 counted, 160 verified."""
    for sheet in session.contest(C).count_sheets:
        if sheet.id != "T1":
            session.sheets.delete(C, sheet.id, reason="entered against the wrong table")
    if session.contest(C).boxes[0].verified != 100:
        session.verification.verify(C, "B1", 100, None, reason="the first figure was right")
    if session.contest(C).count_sheets[0] != r1("T1", 90, 40, 28):
        session.sheets.confirm(C, r1("T1", 90, 40, 28), reason="the original figures were right")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(detours, min_size=1, max_size=3))
def test_figures_that_come_back_do_not_bring_a_void_acceptance_back(path_detours):
    with tempfile.TemporaryDirectory() as folder:
        with CountSession.create(Path(folder) / "count.countdesk", "Alice", ELECTION, clock=ticking_clock()) as session:
            session.set_up.add_contest(small_sv())
            missing_two(session)
            moved = [take(session, detour) for detour in path_detours]
            if any(moved):
                assert session.contest(C).accepted_differences == ()
            come_back(session)
            result = session.tally(C)
            assert (result.ballot_papers_counted, result.ballot_papers_verified) == (158, 160)
            voided = session.audit_rows(action="contest.void_acceptance")
            if not any(moved):  # nothing it covers moved: it still stands
                assert result.status is Status.ELECTED and voided == []
                return
            assert result.status is Status.INCOMPLETE and result.elected == ()
            assert "2 verified papers are not on any sheet yet" in result.gaps[0].message
            assert session.contest(C).accepted_differences == ()
            assert [row.before["counted"] for row in voided] == [158] and voided[0].reason.startswith("void:")
            assert verify_count(session).ok  # the replay removes it at its row
            # The count file no longer holds it, so an import of it is incomplete too.
            document = count_to_document(session.load())
            assert "accepted_differences" not in document["contests"][0]
            assert parse_count_document(document).contests[0].accepted_differences == ()
            # Only a new acceptance, by the RO, completes the count again.
            session.acceptances.accept(C, PASSPHRASE, stage="round1", counted=158, expected=160, reason=REASON)
            assert session.tally(C).status is Status.ELECTED
            assert verify_count(session).ok


def test_an_imported_acceptance_for_figures_the_count_does_not_have_never_comes_to_stand(tmp_path):
    contest = small_sv(sheets=(r1("T1", 90, 40, 27),))  # 157 counted
    boxes = tuple(replace(b, verified=v) for b, v in zip(contest.boxes, (100, 60), strict=False))
    contest = replace(contest, boxes=boxes,
                      accepted_differences=(AcceptedDifference("round1", 158, 160, REASON, "Pat", "2021-05-07T01:00"),))
    with CountSession.create(tmp_path / "count.countdesk", "Alice", ELECTION, clock=ticking_clock()) as session:
        session.set_up.add_contest(contest)
        assert session.tally(C).status is Status.INCOMPLETE
        session.sheets.confirm(C, r1("T1", 90, 40, 28), reason="keyed again")  # now exactly 158 against 160
        assert session.contest(C).accepted_differences == ()
        assert session.tally(C).status is Status.INCOMPLETE
        assert verify_count(session).ok

"""Declaring locks a contest; the RO passphrase (kept only as an scrypt hash) guards declare and unlock."""

from __future__ import annotations

import hashlib

import pytest
from session_builders import CONTEST_ID, audit_size, r1, r2

from countdesk.domain.model import Box, Candidate, Lot
from countdesk.errors import CountdeskError, ValidationError
from countdesk.services import Stage

C = CONTEST_ID
PASSPHRASE = "correct horse battery"


def _stored(session) -> dict:
    return session._core.store.db.execute("SELECT value FROM setting WHERE key = 'ro_passphrase'").fetchone()[0]


def _complete(session) -> None:
    """A count that elects b in the second round: a 40, b 35, c 25 first; c's 25 papers give a 5, b 15.
    Every box is verified (the postal box came back empty), so the count is complete."""
    session.verification.verify(C, "B1", 100, None)
    session.verification.verify(C, "P1", 0, "no postal papers were returned")
    session.sheets.confirm(C, r1("T1", 40, 35, 25))
    session.sheets.confirm(C, r2("T1-R2", 5, 15, 5))


def test_only_a_salted_scrypt_hash_of_the_passphrase_is_kept(session, count_path):
    import json

    session.passphrase.set(PASSPHRASE)
    stored = json.loads(_stored(session))
    assert set(stored) == {"scheme", "n", "r", "p", "dklen", "salt", "hash"} and stored["scheme"] == "scrypt"
    expected = hashlib.scrypt(PASSPHRASE.encode(), salt=bytes.fromhex(stored["salt"]), n=stored["n"],
                              r=stored["r"], p=stored["p"], dklen=stored["dklen"], maxmem=64 * 2**20)
    assert stored["hash"] == expected.hex() and len(bytes.fromhex(stored["salt"])) == 16
    assert session.passphrase.check(PASSPHRASE)
    assert not session.passphrase.check("correct horse battery ")
    on_disk = b"".join(p.read_bytes() for p in count_path.parent.glob("night.countdesk*") if p.is_file())
    assert PASSPHRASE.encode() not in on_disk
    row = session.audit_rows()[-1]
    assert row.action == "ro.passphrase_set" and "hash" not in row.after and "salt" not in row.after


def test_changing_the_passphrase_needs_the_current_one(session):
    session.passphrase.set(PASSPHRASE)
    salt_before = _stored(session)
    with pytest.raises(CountdeskError, match="current RO passphrase is wrong"):
        session.passphrase.set("a new passphrase", current="guess")
    assert session.audit_rows()[-1].action == "ro.passphrase_refused"
    session.passphrase.set("a new passphrase", current=PASSPHRASE)
    assert _stored(session) != salt_before
    assert session.passphrase.check("a new passphrase") and not session.passphrase.check(PASSPHRASE)
    with pytest.raises(ValidationError, match="at least 8 characters"):
        session.passphrase.set("short", current="a new passphrase")


def test_declaring_needs_the_passphrase_and_refusals_are_audited(session):
    _complete(session)
    with pytest.raises(CountdeskError, match="no RO passphrase has been set"):
        session.declaring.declare(C, PASSPHRASE)
    session.passphrase.set(PASSPHRASE)
    with pytest.raises(CountdeskError, match="the RO passphrase is wrong"):
        session.declaring.declare(C, "not the passphrase")
    refusals = session.audit_rows(action="contest.declare_refused")
    assert [r.reason for r in refusals] == ["no RO passphrase has been set: set one first",
                                           "the RO passphrase is wrong"]
    assert session.declaring.stage(C) is Stage.COUNT

    change = session.declaring.declare(C, PASSPHRASE)
    assert change.contest_id == C and change.declaration and change.stage
    result = session.tally(C)
    assert result.elected == ("b",) and dict(result.final) == {"a": 45, "b": 50}
    assert session.declaring.stage(C) is Stage.DECLARED
    row = session.audit_rows()[-1]
    assert change.audit_id == row.id
    assert row.action == "contest.declare" and row.after["elected"] == ["b"] and row.after["stage"] == "declared"


def test_an_incomplete_count_cannot_be_declared(session):
    session.passphrase.set(PASSPHRASE)
    session.sheets.confirm(C, r1("T1", 40, 35, 25))  # no majority and no second round yet
    with pytest.raises(CountdeskError, match="not complete"):
        session.declaring.declare(C, PASSPHRASE)
    assert session.audit_rows()[-1].action == "contest.declare_refused"


def test_a_declared_contest_refuses_every_entry_until_unlocked(session):
    _complete(session)
    session.passphrase.set(PASSPHRASE)
    session.declaring.declare(C, PASSPHRASE)
    rows, before = audit_size(session), session.load()
    message = f'contest "{C}" is declared: unlock it first'
    lot = Lot(("a", "b"), ("a",), "RO", "2021-05-07T03:00:00+01:00")
    for call in (
        lambda: session.sheets.confirm(C, r1("T2", 1, 1, 1)),
        lambda: session.sheets.delete(C, "T1", reason="x"),
        lambda: session.verification.verify(C, "P1", 60, None),
        lambda: session.set_up.add_box(C, Box("B9")),
        lambda: session.lots.record(C, lot),
        lambda: session.set_up.add_candidate(C, Candidate("d", "D")),
        lambda: session.set_up.update_contest(C, title="Changed"),
        lambda: session.set_up.remove_contest(C, reason="x"),
        lambda: session.declaring.set_stage(C, Stage.COUNT),
        lambda: session.double_entry.set_enabled(C, True),
        lambda: session.set_up.update_election(session.election()),
    ):
        with pytest.raises(CountdeskError) as refused:
            call()
        assert refused.value.message == message
    assert audit_size(session) == rows and session.load() == before

    with pytest.raises(ValidationError, match="reason is required"):
        session.declaring.unlock(C, PASSPHRASE, reason="")
    with pytest.raises(CountdeskError, match="wrong"):
        session.declaring.unlock(C, "nope nope nope", reason="recount requested")
    assert session.audit_rows()[-1].action == "contest.unlock_refused"
    session.declaring.unlock(C, PASSPHRASE, reason="candidate's agent asked for a recount of T1")
    assert session.declaring.stage(C) is Stage.COUNT
    assert session.audit_rows()[-1].reason == "candidate's agent asked for a recount of T1"
    session.sheets.confirm(C, r1("T1", 39, 36, 25), reason="recount")  # the recount moves one paper from a
    with pytest.raises(ValidationError, match="only 100 of the 100 verified papers"):
        session.sheets.confirm(C, r1("T1", 40, 36, 25), reason="a recount that finds a paper nobody verified")


def test_stages_move_with_an_audit_row_and_declared_is_only_reached_by_declaring(session):
    assert session.declaring.stage(C) is Stage.SETUP
    session.declaring.set_stage(C, "verification")
    session.declaring.set_stage(C, Stage.COUNT)
    assert [(r.before["stage"], r.after["stage"]) for r in session.audit_rows(action="contest.stage")] == [
        ("setup", "verification"), ("verification", "count")]
    with pytest.raises(ValidationError, match="declare"):
        session.declaring.set_stage(C, Stage.DECLARED)
    with pytest.raises(ValidationError, match="unknown stage"):
        session.declaring.set_stage(C, "party")


def test_the_first_entry_of_a_stage_moves_the_contest_on_and_never_back(session):
    session.verification.verify(C, "B1", None, None)  # clearing a figure is no verification
    assert session.declaring.stage(C) is Stage.SETUP
    session.verification.verify(C, "B1", 100, None)
    assert session.declaring.stage(C) is Stage.VERIFICATION
    session.sheets.confirm(C, r1("T1", 40, 35, 25))
    assert session.declaring.stage(C) is Stage.COUNT
    session.verification.verify(C, "P1", 60, None)
    assert session.declaring.stage(C) is Stage.COUNT
    moves = [(r.after["stage"], r.reason) for r in session.audit_rows(action="contest.stage")]
    assert moves == [("verification", "first box verified"), ("count", "first count sheet recorded")]


def test_a_sheet_waiting_for_its_second_keying_blocks_the_declaration(session):
    _complete(session)
    session.passphrase.set(PASSPHRASE)
    session.double_entry.set_enabled(C, True)
    session.double_entry.submit(C, r1("T2", 0, 0, 0))  # a late empty sheet: every paper is already on T1
    with pytest.raises(CountdeskError, match="T2 is waiting for its second keying"):
        session.declaring.declare(C, PASSPHRASE)
    assert session.declaring.stage(C) is Stage.COUNT
    assert session.audit_rows()[-1].action == "contest.declare_refused"

"""Returning-officer actions need the RO passphrase; the file keeps only an scrypt hash of it, never
the words (nor a wrong guess); every refusal and every success is on the audit trail."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from reliability_builders import NIGHT, OTHER_PASSPHRASE, PASSPHRASE, count_small_sv, file_bytes, liverpool, small_sv

from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.services.backups import backup_now

LIVERPOOL_ID = "mayor.liverpool.2021-05-06"
WRONG_GUESS = "hunter2 at three in the morning"


@pytest.fixture
def session(tmp_path):
    count = liverpool()
    s = CountSession.create(tmp_path / "liverpool.countdesk", "Count Supervisor", count.election)
    s.import_count(count)
    s.set_up.add_contest(small_sv())
    count_small_sv(s)
    yield s
    s.close()


def spellings(secret: str) -> list[bytes]:
    """Every way the words could sit in a file: UTF-8, UTF-16 (both orders), hex, JSON-escaped."""
    raw = secret.encode("utf-8")
    return [raw, secret.encode("utf-16-le"), secret.encode("utf-16-be"), raw.hex().encode(),
            json.dumps(secret).encode()]


def test_the_file_never_holds_a_passphrase_or_a_wrong_guess_in_clear(session, tmp_path):
    session.passphrase.set(PASSPHRASE)
    with pytest.raises(CountdeskError):
        session.declaring.declare(LIVERPOOL_ID, WRONG_GUESS)
    session.passphrase.set(OTHER_PASSPHRASE, current=PASSPHRASE)
    with pytest.raises(CountdeskError):
        session.passphrase.set(PASSPHRASE, current=WRONG_GUESS)
    backup = backup_now(session, tmp_path / "stick", now=NIGHT)
    path = session.path
    held_open = file_bytes(path)  # the main file and its write-ahead log, as they stand mid-session
    session.close()
    for data in (held_open, file_bytes(path), backup.path.read_bytes()):
        for secret in (PASSPHRASE, OTHER_PASSPHRASE, WRONG_GUESS):
            assert not any(spelling in data for spelling in spellings(secret)), secret


def test_what_is_kept_is_the_scrypt_hash_with_its_salt_and_the_audit_shows_neither(session):
    session.passphrase.set(PASSPHRASE)
    path = session.path
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        stored = json.loads(con.execute("SELECT value FROM setting WHERE key = 'ro_passphrase'").fetchone()[0])
    finally:
        con.close()
    assert set(stored) == {"scheme", "n", "r", "p", "dklen", "salt", "hash"} and stored["scheme"] == "scrypt"
    assert stored["n"] >= 2**14 and len(bytes.fromhex(stored["salt"])) >= 16
    # Recomputed here from the standard library alone: it is scrypt over the words and the salt.
    recomputed = hashlib.scrypt(PASSPHRASE.encode(), salt=bytes.fromhex(stored["salt"]), n=stored["n"],
                                r=stored["r"], p=stored["p"], dklen=stored["dklen"], maxmem=64 * 1024 * 1024)
    assert recomputed.hex() == stored["hash"]
    row = session.audit_rows(action="ro.passphrase_set")[-1]
    assert stored["salt"] not in (row.after_json or "") and stored["hash"] not in (row.after_json or "")


def actions_since(session: CountSession, last_id: int) -> list[tuple[str, str, str | None]]:
    return [(r.action, r.contest_id or "", r.reason) for r in session.audit_rows(after_id=last_id)]


def test_each_ro_action_is_refused_without_the_passphrase_and_every_attempt_is_audited(session):
    start = session.audit_head()[0]
    with pytest.raises(CountdeskError, match="no RO passphrase has been set"):
        session.declaring.declare(LIVERPOOL_ID, PASSPHRASE)
    session.passphrase.set(PASSPHRASE)
    with pytest.raises(CountdeskError, match="was not declared: the RO passphrase is wrong"):
        session.declaring.declare(LIVERPOOL_ID, WRONG_GUESS)
    assert not session.contest_state(LIVERPOOL_ID).declared
    session.declaring.declare(LIVERPOOL_ID, PASSPHRASE)

    # A declared figure cannot be changed: the contest is locked until the RO unlocks it.
    first = session.load().contest(LIVERPOOL_ID).count_sheets[0]
    with pytest.raises(CountdeskError, match="declared: unlock it first"):
        session.sheets.confirm(LIVERPOOL_ID, first, reason="recount")
    with pytest.raises(CountdeskError, match="was not unlocked: the RO passphrase is wrong"):
        session.declaring.unlock(LIVERPOOL_ID, WRONG_GUESS, reason="agent asked for a recount of T01")
    assert session.contest_state(LIVERPOOL_ID).declared
    session.declaring.unlock(LIVERPOOL_ID, PASSPHRASE, reason="agent asked for a recount of T01")
    session.sheets.confirm(LIVERPOOL_ID, first, reason="recounted: no change")

    with pytest.raises(CountdeskError, match="current RO passphrase is wrong"):
        session.passphrase.set(OTHER_PASSPHRASE, current=WRONG_GUESS)
    session.passphrase.set(OTHER_PASSPHRASE, current=PASSPHRASE)
    assert session.passphrase.check(OTHER_PASSPHRASE) and not session.passphrase.check(PASSPHRASE)

    assert actions_since(session, start) == [
        ("contest.declare_refused", LIVERPOOL_ID, "no RO passphrase has been set: set one first"),
        ("ro.passphrase_set", "", None),
        ("contest.declare_refused", LIVERPOOL_ID, "the RO passphrase is wrong"),
        ("contest.declare", LIVERPOOL_ID, None),
        ("contest.unlock_refused", LIVERPOOL_ID, "the RO passphrase is wrong"),
        ("contest.unlock", LIVERPOOL_ID, "agent asked for a recount of T01"),
        ("sheet.replace", LIVERPOOL_ID, "recounted: no change"),
        ("ro.passphrase_refused", "", "the current passphrase was not given correctly"),
        ("ro.passphrase_change", "", None),
    ]
    assert all(r.operator == "Count Supervisor" for r in session.audit_rows(after_id=start))
    assert session.verify_audit().ok


def test_a_refusal_survives_a_crash_straight_after_it(session):
    """The refusal row is committed before the error is raised, not held for a later write."""
    session.passphrase.set(PASSPHRASE)
    with pytest.raises(CountdeskError):
        session.declaring.declare(LIVERPOOL_ID, WRONG_GUESS)
    with CountSession.open(session.path, "Auditor", read_only=True) as other_connection:
        assert other_connection.audit_rows(action="contest.declare_refused")[-1].reason == "the RO passphrase is wrong"

"""One writer per count file, seen through the session: a second writer is refused by name, a reader
is welcome, and a crashed writer's lock is taken over with a note in the audit trail."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from session_builders import CONTEST_ID, ELECTION, r1

from countdesk.errors import CountdeskError
from countdesk.services import CountLockedError, CountSession

HOLDER = Path(__file__).with_name("session_holder.py")


@pytest.fixture
def bob_has_it_open(session, count_path):
    """Alice closes; Bob opens the file for writing in another process."""
    session.sheets.confirm(CONTEST_ID, r1("T1", 5, 4, 3))
    session.close()
    proc = subprocess.Popen([sys.executable, str(HOLDER), str(count_path), "Bob"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def test_a_second_writer_is_refused_and_may_read_instead(count_path, bob_has_it_open):
    with pytest.raises(CountLockedError) as refused:
        CountSession.open(count_path, "Alice")
    assert refused.value.holder.operator == "Bob" and refused.value.holder.pid == bob_has_it_open.pid
    assert "Bob" in str(refused.value)
    with CountSession.open(count_path, "Alice", read_only=True) as reader:
        assert reader.lock_holder.operator == "Bob"
        assert reader.load().contest(CONTEST_ID).count_sheets == (r1("T1", 5, 4, 3),)


def test_a_crashed_writers_lock_is_taken_over_and_noted(count_path, bob_has_it_open):
    bob_has_it_open.send_signal(signal.SIGKILL)
    bob_has_it_open.wait(timeout=10)
    with CountSession.open(count_path, "Alice") as session:
        opened = session.audit_rows(action="session.open")[-1]
        assert opened.operator == "Alice"
        assert opened.after["took_over_stale_lock"]["operator"] == "Bob"
        assert opened.after["took_over_stale_lock"]["pid"] == bob_has_it_open.pid
        assert session.verify_audit().ok
        assert [s.operator for s in session.sessions()] == ["Alice", "Bob", "Alice"]


def test_create_refuses_an_existing_file_or_a_wrong_name(session, count_path, tmp_path):
    with pytest.raises(CountdeskError, match="already exists"):
        CountSession.create(count_path, "Alice", ELECTION)
    with pytest.raises(CountdeskError, match=r"ends in \.countdesk"):
        CountSession.create(tmp_path / "night.db", "Alice", ELECTION)
    with pytest.raises(CountdeskError, match="operator's name"):
        CountSession.create(tmp_path / "other.countdesk", " ", ELECTION)
    assert not (tmp_path / "other.countdesk").exists()


def test_closing_releases_the_lock(session, count_path):
    session.close()
    with CountSession.open(count_path, "Bob") as again:
        assert again.operator == "Bob"


def test_a_session_opened_on_one_thread_serves_others_one_call_at_a_time(count_path, session):
    import threading

    session.close()
    opened = {}
    opener = threading.Thread(target=lambda: opened.setdefault("s", CountSession.open(count_path, "Alice")))
    opener.start()
    opener.join()
    s = opened["s"]
    errors = []

    def enter(prefix: str) -> None:
        try:
            for n in range(15):
                s.sheets.confirm(CONTEST_ID, r1(f"{prefix}{n}", n, 1, 1))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    workers = [threading.Thread(target=enter, args=(p,)) for p in ("A", "B", "C")]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert len(s.load().contest(CONTEST_ID).count_sheets) == 45
    assert s.verify_audit().ok and len(s.audit_rows(action="sheet.save")) == 45
    s.close()

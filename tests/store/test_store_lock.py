"""One writer per count file: a second writer is refused by name; a dead writer's lock is taken over."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from countdesk.store.lock import CountLockedError, acquire_lock, lock_path_for, read_lock_holder

HOLDER_SCRIPT = Path(__file__).with_name("lock_holder.py")


@pytest.fixture
def holder_process(db_path):
    """Another process holding the lock as operator Bob; stopped at the end of the test."""
    proc = subprocess.Popen([sys.executable, str(HOLDER_SCRIPT), str(db_path), "Bob"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def test_a_second_writer_is_refused_and_told_who_holds_the_file(db_path, holder_process):
    with pytest.raises(CountLockedError) as refused:
        acquire_lock(db_path, "Alice")
    holder = refused.value.holder
    assert holder.pid == holder_process.pid
    assert holder.operator == "Bob" and holder.host == socket.gethostname()
    message = str(refused.value)
    assert "Bob" in message and str(holder_process.pid) in message and "read-only" in message
    assert read_lock_holder(db_path) == holder


def test_the_lock_is_free_once_the_holder_closes(db_path, holder_process):
    holder_process.stdin.close()
    holder_process.wait(timeout=10)
    assert not lock_path_for(db_path).exists()  # a clean release removes the lock file
    with acquire_lock(db_path, "Alice") as lock:
        assert lock.took_over is None
        assert read_lock_holder(db_path).operator == "Alice"


def test_a_lock_left_by_a_killed_writer_is_stale_and_taken_over(db_path, holder_process):
    holder_process.send_signal(signal.SIGKILL)
    holder_process.wait(timeout=10)
    assert lock_path_for(db_path).exists()  # no chance to clean up
    with acquire_lock(db_path, "Alice") as lock:
        assert lock.took_over is not None and lock.took_over.pid == holder_process.pid
        assert lock.holder.pid == os.getpid()
        assert read_lock_holder(db_path).pid == os.getpid()


def test_a_lock_file_naming_a_dead_process_is_taken_over(db_path):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    dead_pid = int(finished.stdout)
    lock_path_for(db_path).write_text(json.dumps(
        {"pid": dead_pid, "host": socket.gethostname(), "user": "x", "since": "2021-05-06T22:00:00+00:00",
         "operator": "Carol"}))
    with acquire_lock(db_path, "Alice") as lock:
        assert lock.took_over.pid == dead_pid and lock.took_over.operator == "Carol"


def test_the_same_process_cannot_open_the_file_twice_for_writing(db_path):
    with acquire_lock(db_path, "Alice"):
        with pytest.raises(CountLockedError) as refused:
            acquire_lock(db_path, "Alice")
        assert refused.value.holder.pid == os.getpid()
    with acquire_lock(db_path, "Alice"):
        pass  # released, so free again


def test_a_garbled_lock_file_does_not_block_anyone(db_path):
    lock_path_for(db_path).write_bytes(b"\x00\xffnot json")
    with acquire_lock(db_path, "Alice") as lock:
        assert lock.took_over is None

"""Issue 14 item 12: an import into a new count is all or nothing, on a full disk and under kill -9:
the count's name holds the whole count or nothing, and no hidden leftovers stay."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from security_helpers import LIVERPOOL

from countdesk.services import CountSession

IMPORT = """
import resource, signal, sys
limit = int(sys.argv[2])
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a write past the limit fails as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from countdesk.cli import main
sys.exit(main(["import", {source!r}, "--db", sys.argv[1], "--operator", "Count Supervisor"]))
"""


def run_import(db, limit: int = 0) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", IMPORT.format(source=str(LIVERPOOL)), str(db), str(limit)],
                          capture_output=True, text=True, timeout=120)


def whole_or_absent(db) -> bool:
    """True if the count is whole; False if there is nothing under its name; else fails."""
    if not db.exists():
        return False
    with CountSession.open(db, "Checker", read_only=True) as session:
        count = session.load()
    assert len(count.contests) == 1 and len(count.contests[0].boxes) == 94
    assert len(count.contests[0].count_sheets) == 28
    return True


@pytest.mark.parametrize("free", [4_096, 20_000, 100_000, 170_000])
def test_a_full_disk_leaves_nothing_and_says_so_in_one_line(tmp_path, free):
    db = tmp_path / "new.countdesk"
    done = run_import(db, free)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert os.listdir(tmp_path) == []  # not even a hidden partial file


def test_kill_9_during_an_import_leaves_the_whole_count_or_nothing(tmp_path):
    started = time.perf_counter()
    assert run_import(tmp_path / "timed.countdesk").returncode == 0
    whole = time.perf_counter() - started  # interpreter start and import, on this machine now
    outcomes = {True: 0, False: 0}
    for attempt in range(12):
        db = tmp_path / f"new-{attempt}.countdesk"
        proc = subprocess.Popen([sys.executable, "-c", IMPORT.format(source=str(LIVERPOOL)), str(db), "0"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * (0.5 + 0.5 * attempt / 11))  # spread over the second half: the import itself
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        outcomes[whole_or_absent(db)] += 1
        if not db.exists():  # a killed import's hidden file goes with the next import to that name
            assert run_import(db).returncode == 0 and whole_or_absent(db)
            assert not [p for p in os.listdir(tmp_path) if p.startswith(f".{db.name}")]
    assert outcomes[False] > 0  # some kills landed before the import was complete


def test_an_import_into_a_new_count_leaves_one_file_under_its_name(tmp_path):
    db = tmp_path / "new.countdesk"
    assert run_import(db).returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["new.countdesk"]  # checkpointed: no journal, no partial
    assert whole_or_absent(db)


def test_a_disk_that_fills_while_wal_is_enabled_is_one_located_line(tmp_path, monkeypatch, capsys):
    import sqlite3

    from security_helpers import run_cli

    from countdesk.store.sqlite_file import SqliteDatabase

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SqliteDatabase, "enable_wal", full)
    db = tmp_path / "new.countdesk"
    code, _, err = run_cli(capsys, "import", str(LIVERPOOL), "--db", str(db))
    assert code == 2 and err.count("\n") == 1 and "disk is full" in err
    assert os.listdir(tmp_path) == []

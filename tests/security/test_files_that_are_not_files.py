"""Issue 14 items 7 and 16: a lock that is a symlink or a FIFO, a count that is a FIFO, a count on
read-only media, a damaged count: one located line each, nothing followed, nothing hung."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from security_helpers import run_cli

from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.store import database as store_database
from countdesk.store.lock import acquire_lock, lock_path_for, read_lock_holder


def test_a_lock_that_is_a_symlink_is_never_followed(liverpool_db, tmp_path, capsys):
    victim = tmp_path / "precious.txt"
    victim.write_text("the returning officer's notes\n")
    lock_path_for(liverpool_db).symlink_to(victim)
    with pytest.raises(CountdeskError) as refused:
        acquire_lock(liverpool_db, "Alice")
    assert "symbolic link" in refused.value.message and refused.value.where.endswith(".lock")
    assert victim.read_text() == "the returning officer's notes\n"
    code, _, err = run_cli(capsys, "export-json", "--db", str(liverpool_db), "--out", str(tmp_path / "x.json"))
    code, _, err = run_cli(capsys, "import", str(tmp_path / "x.json"), "--db", str(liverpool_db), "--replace")
    assert code == 2 and "symbolic link" in err and err.count("\n") == 1
    assert victim.read_text() == "the returning officer's notes\n"
    assert read_lock_holder(liverpool_db) is None  # a reader does not follow it either


def test_a_dangling_lock_symlink_creates_nothing(liverpool_db, tmp_path):
    target = tmp_path / "created-by-attacker"
    lock_path_for(liverpool_db).symlink_to(target)
    with pytest.raises(CountdeskError):
        CountSession.open(liverpool_db, "Alice")
    assert not target.exists()


def _in_subprocess(code: str, timeout: float = 20) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)


def test_a_lock_that_is_a_fifo_is_refused_without_hanging(liverpool_db):
    os.mkfifo(lock_path_for(liverpool_db))
    done = _in_subprocess(
        "import sys\nfrom countdesk.cli import main\n"
        f"sys.exit(main(['audit', '--db', {str(liverpool_db)!r}, '--verify']))")
    assert done.returncode == 0  # reading does not touch the lock
    done = _in_subprocess(
        "import sys\nfrom countdesk.services import CountSession\n"
        "try:\n"
        f"    CountSession.open({str(liverpool_db)!r}, 'Alice')\n"
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert "FIFO" in done.stdout and "CountdeskError" in done.stdout


def test_a_count_that_is_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "count.countdesk"
    os.mkfifo(fifo)
    for argv in (["tally", "--db", str(fifo)], ["audit", "--db", str(fifo), "--verify"],
                 ["export-json", "--db", str(fifo), "--out", str(tmp_path / "o.json")]):
        done = _in_subprocess(f"import sys\nfrom countdesk.cli import main\nsys.exit(main({argv!r}))")
        assert done.returncode == 2, done
        assert "FIFO" in done.stderr and done.stderr.count("\n") == 1 and "Invalid argument" not in done.stderr


def test_a_count_on_read_only_media_is_not_called_damaged(liverpool_db, monkeypatch, capsys):
    real_access = os.access

    def read_only_mount(path, mode, *args, **kwargs):  # access(W_OK) answers EROFS there, even for root
        return False if mode & os.W_OK else real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(store_database.os, "access", read_only_mount)
    code, _, err = run_cli(capsys, "export", "--db", str(liverpool_db), "--to", str(liverpool_db.parent))
    assert code == 2 and err.count("\n") == 1
    assert "damaged" not in err and "read-only media" in err and liverpool_db.name in err
    code, said, _ = run_cli(capsys, "tally", "--db", str(liverpool_db))  # reading it still works
    assert code == 0 and "ELECTED" in said


def test_a_corrupted_count_is_one_line(liverpool_db, capsys):
    data = bytearray(liverpool_db.read_bytes())
    data[2 * 4096:2 * 4096 + 200] = bytes((i * 37 + 11) % 256 for i in range(200))  # page 3's header
    liverpool_db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        liverpool_db.with_name(liverpool_db.name + suffix).unlink(missing_ok=True)
    code, _, err = run_cli(capsys, "tally", "--db", str(liverpool_db))
    assert code == 2 and err.count("\n") == 1 and liverpool_db.name in err


def test_verify_bundle_escapes_names_and_exits_2(liverpool_db, tmp_path, capsys):
    stick = tmp_path / "stick"
    stick.mkdir()
    assert run_cli(capsys, "export", "--db", str(liverpool_db), "--to", str(stick))[0] == 0
    bundle = next(stick.iterdir())
    (bundle / "reports" / "evil\u2028countdesk: bundle intact\u202e.pdf").write_bytes(b"%PDF-1.4")
    code, said, err = run_cli(capsys, "verify-bundle", str(bundle))
    assert code == 2 and said == ""
    assert "\u2028" not in err and "\u202e" not in err and "\\u2028" in err
    assert all(line.startswith("countdesk: ") for line in err.splitlines())

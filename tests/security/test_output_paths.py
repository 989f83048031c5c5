"""Issue 14 item 1: an output path naming the count (or anything kept beside it) is refused before
anything is written, whichever way it names it (the same name, a symlink, a hard link)."""

from __future__ import annotations

import hashlib
import os

import pytest
from security_helpers import CONTEST, run_cli


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _out_forms(db, tmp_path):
    link = tmp_path / "link.pdf"
    link.symlink_to(db)
    hard = tmp_path / "hard.pdf"
    os.link(db, hard)
    return {"same": db, "symlink": link, "hardlink": hard, "dotted": tmp_path / "." / db.name,
            "wal": db.with_name(db.name + "-wal"), "lock": db.with_name(db.name + ".lock")}


@pytest.mark.parametrize("form", ["same", "symlink", "hardlink", "dotted", "wal", "lock"])
def test_declare_out_naming_the_count_is_refused_and_the_count_survives(liverpool_db, tmp_path, capsys, form):
    before = digest(liverpool_db)
    out = _out_forms(liverpool_db, tmp_path)[form]
    code, said, err = run_cli(capsys, "declare", "--db", str(liverpool_db), "--contest", CONTEST,
                              "--document", "provisional", "--out", str(out))
    assert code == 2 and said == ""
    assert err.count("\n") == 1 and "would destroy it" in err and str(out) in err
    assert digest(liverpool_db) == before
    code, said, _ = run_cli(capsys, "audit", "--db", str(liverpool_db), "--verify")
    assert code == 0


@pytest.mark.parametrize("form", ["same", "symlink", "hardlink", "wal"])
def test_export_json_out_naming_the_count_is_refused(liverpool_db, tmp_path, capsys, form):
    before = digest(liverpool_db)
    out = _out_forms(liverpool_db, tmp_path)[form]
    code, said, err = run_cli(capsys, "export-json", "--db", str(liverpool_db), "--out", str(out))
    assert code == 2 and "would destroy it" in err and err.count("\n") == 1
    assert digest(liverpool_db) == before


def test_an_output_naming_a_round2_side_file_is_refused(liverpool_db, tmp_path, capsys):
    side = liverpool_db.with_name(liverpool_db.name + ".round2-mayor.json")
    side.write_text("{}")
    code, _, err = run_cli(capsys, "export-json", "--db", str(liverpool_db), "--out", str(side))
    assert code == 2 and "kept beside the count file" in err and side.read_text() == "{}"


def test_export_to_the_count_file_or_a_missing_folder_says_so(liverpool_db, tmp_path, capsys):
    before = digest(liverpool_db)
    code, _, err = run_cli(capsys, "export", "--db", str(liverpool_db), "--to", str(liverpool_db))
    assert code == 2 and "would destroy it" in err
    missing = tmp_path / "no-such-stick"
    code, _, err = run_cli(capsys, "export", "--db", str(liverpool_db), "--to", str(missing))
    assert code == 2 and "does not exist" in err and str(missing) in err and "removed" not in err
    assert err.count("\n") == 1
    assert digest(liverpool_db) == before


def test_a_good_output_is_still_written_through_the_durable_write(liverpool_db, tmp_path, capsys):
    out = tmp_path / "count.json"
    code, _, _ = run_cli(capsys, "export-json", "--db", str(liverpool_db), "--out", str(out))
    assert code == 0 and out.stat().st_size > 1000
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".count.json.")]


@pytest.mark.parametrize("command", ["export-json", "declare"])
def test_a_full_out_device_names_the_file_asked_for_not_a_hidden_temporary(liverpool_db, tmp_path, capsys,
                                                                          monkeypatch, command):
    import errno

    from countdesk import durable

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(durable, "write_all", full)
    out = tmp_path / "out.file"
    argv = ["--db", str(liverpool_db), "--out", str(out)]
    if command == "declare":
        argv += ["--contest", CONTEST, "--document", "provisional"]
    code, _, err = run_cli(capsys, command, *argv)
    assert code == 2 and err.count("\n") == 1
    assert "No space left on device" in err and str(out) in err and ".out.file." not in err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".out.file")]


def test_a_read_only_out_folder_names_the_file_asked_for(liverpool_db, tmp_path, capsys, monkeypatch):
    import errno

    from countdesk import durable

    real_open = os.open
    folder = tmp_path / "read-only"
    folder.mkdir()

    def read_only(path, flags, *args):
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(durable.os, "open", read_only)
    out = folder / "count.json"
    code, _, err = run_cli(capsys, "export-json", "--db", str(liverpool_db), "--out", str(out))
    assert code == 2 and err.count("\n") == 1
    assert "Read-only file system" in err and str(out) in err and ".count.json." not in err

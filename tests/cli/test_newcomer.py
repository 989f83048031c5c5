"""A newcomer with a fresh clone and the README: every command it shows works as written, the app
says plainly when there is no display, and the small things that misled (a name printed twice, a
contest that does not exist, a refused declare leaving a trace, docs pointing outside the repo)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from countdesk.cli import build_parser, display_problem, main
from countdesk.services.count_session import CountSession

ROOT = Path(__file__).resolve().parents[2]
LIVERPOOL = ROOT / "resources" / "demo" / "liverpool-mayor-2021.json"
CONTEST = "mayor.liverpool.2021-05-06"
COUNTDESK = Path(sys.executable).with_name("countdesk")


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Command line"):readme.index("## Layout")]
    block = re.findall(r"```sh\n(.*?)```", section, re.S)[0]
    return [line.split("  #")[0].strip() for line in block.strip().splitlines()]


def test_every_command_line_example_in_the_readme_works_as_written(tmp_path):
    """Run from a copy holding what a clone holds (the example files), with `countdesk` on PATH."""
    for part in ("resources/demo", "tests/golden"):
        shutil.copytree(ROOT / part, tmp_path / part)
    env = {**os.environ, "PATH": f"{COUNTDESK.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    bundle = None
    commands = readme_commands()
    assert len(commands) >= 10 and all(c.startswith(("countdesk ", "mkdir ")) for c in commands)
    for command in commands:
        if "exports/BUNDLE" in command:
            assert bundle is not None, "the README verifies a bundle before exporting one"
            command = command.replace("exports/BUNDLE", bundle)
        done = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, (command, done.stderr)
        if command.startswith("countdesk export "):
            bundle = re.search(r"bundle written and checked: (.+)", done.stdout).group(1).strip()
    assert (tmp_path / "declaration.pdf").read_bytes().startswith(b"%PDF")


def test_the_readme_says_where_the_command_is_and_the_layout_is_true():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/countdesk" in readme and "source .venv/bin/activate" in readme
    for folder in re.findall(r"^\| `([\w/.-]+)/` \|", readme, re.M):
        assert (ROOT / folder).is_dir(), folder
    layout = readme[readme.index("## Layout"):]
    assert "translations" not in layout or (ROOT / "resources" / "translations").is_dir()


def test_no_display_is_one_clear_sentence_and_exit_2(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 2
    assert main(["demo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "no display" in err and "countdesk --help" in err
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None


def test_no_display_from_a_real_process_exits_2_before_qt_aborts(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([str(COUNTDESK)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("countdesk: there is no display")


@pytest.fixture()
def db(tmp_path) -> Path:
    path = tmp_path / "liverpool.countdesk"
    assert main(["import", str(LIVERPOOL), "--db", str(path), "--operator", "Count Supervisor"]) == 0
    return path


def test_tally_names_each_contest_id_for_the_commands_that_ask_for_it(capsys):
    assert main(["tally", str(LIVERPOOL)]) == 0
    out = capsys.readouterr().out
    assert f"contest id {CONTEST}" in out and "boxes[" not in out


def test_audit_of_a_contest_that_does_not_exist_says_so(db, capsys):
    capsys.readouterr()
    assert main(["audit", "--db", str(db), "--contest", "nope"]) == 2
    err = capsys.readouterr().err
    assert 'no such contest "nope"' in err and CONTEST in err
    assert main(["audit", "--db", str(db), "--contest", CONTEST]) == 0


def test_a_missing_count_is_named_once(tmp_path, capsys):
    assert main(["tally", "--db", str(tmp_path / "nope.countdesk")]) == 2
    assert capsys.readouterr().err.count("nope.countdesk") == 1


def test_a_second_import_says_the_flag_to_use(db, capsys):
    capsys.readouterr()
    assert main(["import", str(LIVERPOOL), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "--replace" in err and err.count("liverpool.countdesk") == 1


def test_a_refused_declare_leaves_no_trace_in_the_audit_trail(db, tmp_path):
    with CountSession.open(db, "Checker", read_only=True) as session:
        before = len(session.audit_rows())
    assert main(["declare", "--db", str(db), "--contest", "nope", "--out", str(tmp_path / "d.pdf")]) == 2
    with CountSession.open(db, "Checker", read_only=True) as session:
        assert len(session.audit_rows()) == before
    assert not (tmp_path / "d.pdf").exists()


def test_help_and_docs_never_point_outside_the_repository():
    texts = {"countdesk tally --help": build_parser()._subparsers._group_actions[0].choices["tally"].format_help()}
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    for name, text in texts.items():
        assert "../shared" not in text and "shared/spec" not in text, name
        assert not re.search(r"(?<![\w/])spec/[\w-]+\.md", text), name
        assert "domain.md" not in text, name


def test_the_known_limits_are_current():
    limits = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8").split("## Known limits")[1]
    limits = limits.split("\n## ")[0].split("Fixed since")[0]
    for fixed in ("torn", "quietly uses the area's own finalists", "read into memory", "bidi characters"):
        assert fixed not in limits, fixed

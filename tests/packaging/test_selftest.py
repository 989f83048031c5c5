"""`countdesk --self-test` and `countdesk --version` from source, as a person at a terminal runs them.

Each run is a fresh process with its own home, settings and temporary folders, so the tests also
see what the self-test leaves behind (nothing) and that it needs no display.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion

STEPS = ("qt", "resources", "open", "result", "declaration", "signature", "close")


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No display, no inherited Qt platform, home and temp in `home`: a laptop's first run."""
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "DISPLAY", "WAYLAND"))}
    env.update(HOME=str(home), TMPDIR=str(home / "tmp"), **extra)
    (home / "tmp").mkdir(exist_ok=True)
    return env


def countdesk(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "countdesk", *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


def patched_self_test(patch: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The self-test with one thing broken first, as a damaged installation would have it."""
    code = textwrap.dedent(patch) + "\nfrom countdesk.cli import main\nraise SystemExit(main(['--self-test']))\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_self_test_passes_offscreen_and_leaves_nothing_behind(tmp_path):
    home = tmp_path / "home"
    run = countdesk("--self-test", env=clean_env(home))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("countdesk ") and "from source" in lines[0]
    assert [line.split()[1] for line in lines[1:-1]] == list(STEPS)
    assert all(line.split()[0] == "ok" for line in lines[1:-1])
    # The published Liverpool 2021 result, checked by the self-test and reported in its words.
    assert "Joanne ANDERSON elected, 46,493 to 32,079 (Stephen YIP)" in run.stdout
    assert "offscreen platform" in run.stdout
    assert lines[-1].startswith("self-test passed in ")
    assert "FAILED" not in run.stderr
    left = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert left == ["tmp"], f"the self-test left files behind: {left}"


def test_a_wrong_result_fails_with_one_clear_line(tmp_path):
    run = patched_self_test("""
        import countdesk.cli.selftest as selftest
        selftest.PUBLISHED_FINAL = {"anderson-j": 46_494, "yip-s": 32_079}
    """, clean_env(tmp_path / "home"))
    assert run.returncode == 1
    failure = [line for line in run.stderr.splitlines() if "FAILED" in line]
    assert failure == [failure[0]] and failure[0].startswith(
        "countdesk self-test FAILED at result: figures differ from the published result")
    assert "Traceback" not in run.stderr


def test_a_missing_demo_fails_at_resources(tmp_path):
    run = patched_self_test("""
        import countdesk.gui.application as application
        from countdesk.errors import CountdeskError
        def missing():
            raise CountdeskError("the demo count file is missing from this installation", "demo")
        application.demo_source = missing
    """, clean_env(tmp_path / "home"))
    assert run.returncode == 1
    assert "countdesk self-test FAILED at resources: demo: the demo count file is missing" in run.stderr


def test_a_dialog_asking_for_an_answer_fails_the_step_instead_of_hanging(tmp_path):
    run = patched_self_test("""
        from countdesk.gui import main_window
        from PySide6.QtWidgets import QMessageBox
        def refuse(self, path, **_kw):
            QMessageBox.warning(self, "Count file already open", "held by another countdesk")
            return False
        main_window.MainWindow.open_count = refuse
    """, clean_env(tmp_path / "home"))
    assert run.returncode == 1
    assert ("countdesk self-test FAILED at open: a dialog appeared: Count file already open "
            "held by another countdesk") in run.stderr


def test_version_names_the_version_qt_and_licences(tmp_path, repo_root):
    version = tomllib.loads((repo_root / "pyproject.toml").read_text())["project"]["version"]
    run = countdesk("--version", env=clean_env(tmp_path / "home"))
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.splitlines()[0] == f"countdesk {version}"
    assert f"Qt {qVersion()}, PySide6 {PySide6.__version__}" in out
    licences = {" ".join(line.split()[:1]): line.split()[-1] for line in out.splitlines() if line.startswith("  ")}
    assert licences["Qt"] == "LGPL-3.0-only"
    assert licences["reportlab"] == "BSD"
    assert licences["sqlite-utils"] == "Apache-2.0"
    assert licences["jsonschema"] == "MIT"
    assert "cryptography 4" in out or "cryptography 5" in out
    assert "Apache-2.0 OR BSD-3-Clause" in out
    assert "Liberation Sans" in out and "SIL Open Font License 1.1" in out
    assert "supporting libraries" in out and "pillow" in out

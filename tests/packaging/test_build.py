"""The packaged app, built here with packaging/build.sh: it runs with no Python and no network.

Slow: a build takes about a minute on two cores (a fresh build is reused while no source, resource
or packaging file is newer than it). The frozen self-test takes a few seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dist" / "countdesk"
PROGRAM = APP / "countdesk"
SOURCES = ("countdesk", "resources", "packaging", "docs", "pyproject.toml")
BUILD_TIMEOUT = 1200


def newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else (
            p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        newest = max([newest, *(f.stat().st_mtime for f in files)])
    return newest


@pytest.fixture(scope="module")
def built_app() -> Path:
    """dist/countdesk, rebuilt unless it is newer than everything it is built from."""
    fresh = PROGRAM.exists() and PROGRAM.stat().st_mtime > newest_source_mtime()
    if not fresh or os.environ.get("COUNTDESK_REBUILD"):
        run = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, capture_output=True,
                             text=True, timeout=BUILD_TIMEOUT)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        assert re.search(r"build.sh: size \d+ MiB in \d+ files", run.stdout), run.stdout[-2000:]
    assert PROGRAM.exists()
    return APP


def bare_env(home: Path) -> dict[str, str]:
    """What `env -i` leaves, plus a home: no Python on the PATH (PATH points nowhere)."""
    home.mkdir(parents=True, exist_ok=True)
    return {"PATH": "/nonexistent", "HOME": str(home), "TMPDIR": str(home), "QT_QPA_PLATFORM": "offscreen"}


def can_cut_network() -> bool:
    return (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("unshare") is not None
            and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0)


def test_the_built_program_passes_its_self_test_with_no_python_and_no_network(built_app, tmp_path):
    command = [str(PROGRAM), "--self-test"]
    offline = can_cut_network()
    if offline:
        command = [shutil.which("unshare"), "-n", *command]  # a network namespace with no interfaces up
    run = subprocess.run(command, env=bare_env(tmp_path / "home"), capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"packaged app at {built_app}" in run.stdout
    assert "Joanne ANDERSON elected, 46,493 to 32,079 (Stephen YIP)" in run.stdout
    assert "declaration PDF written and read back" in run.stdout
    print(f"frozen self-test passed {'offline (unshare -n)' if offline else 'with the network present'}")


def test_the_built_program_lists_the_same_licences_as_the_source(built_app, tmp_path):
    frozen = subprocess.run([str(PROGRAM), "--version"], env=bare_env(tmp_path / "home"), capture_output=True,
                            text=True, timeout=60)
    source = subprocess.run([sys.executable, "-m", "countdesk", "--version"], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert frozen.returncode == 0 and source.returncode == 0, frozen.stderr + source.stderr
    listed = [line for line in frozen.stdout.splitlines() if line.startswith("  ")]
    # Python's own line differs (the build's interpreter may be another patch release); the rest match.
    assert [line for line in listed if "Python" not in line] == \
           [line for line in source.stdout.splitlines() if line.startswith("  ") and "Python" not in line]
    assert "Qt 6." in frozen.stdout and "not found" not in frozen.stdout


def test_the_bundle_holds_what_is_used_and_leaves_out_what_is_not(built_app):
    names = {p.name for p in built_app.rglob("*")}
    joined = "\n".join(sorted(names))
    for needed in ("libQt6Pdf.so.6", "libQt6PdfWidgets.so.6", "libQt6PrintSupport.so.6",
                   "libQt6Svg.so.6", "libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqsvgicon.so",
                   "LiberationSans-Regular.ttf", "LICENSE-LiberationSans.txt", "countdesk.qss",
                   "liverpool-mayor-2021.json", "countdesk-1.schema.json", "countdesk.svg", "countdesk-512.png",
                   "LGPL-3.0.txt", "GPL-3.0.txt", "Python-LICENSE.txt", "countdesk.desktop", "install.sh"):
        assert needed in names, needed
    for unused in ("Qt6Charts", "WebEngine", "Qt63D", "Qt6Quick", "Qt6Qml", "Multimedia", "VirtualKeyboard",
                   "_tkinter", "QtNetwork.abi3", "libqvnc", "tuiotouch", "pytest", "hypothesis"):
        assert unused not in joined, unused
    internal = built_app / "_internal"
    assert (internal / "resources" / "fonts").is_dir() and (internal / "countdesk" / "schema").is_dir()
    size_mib = sum(p.stat().st_size for p in built_app.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    print(f"built app: {size_mib:.0f} MiB")
    assert size_mib < 220, f"the app grew to {size_mib:.0f} MiB: has an unused Qt module crept in?"


def test_install_script_adds_the_menu_entry_and_file_type_then_removes_them(built_app, tmp_path):
    home = tmp_path / "home"
    env = {**bare_env(home), "PATH": "/usr/bin:/bin"}  # install.sh is a shell script: it needs cp and sed
    env.pop("QT_QPA_PLATFORM")  # install.sh's own self-test sets it
    run = subprocess.run(["bash", str(built_app / "install.sh")], env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "self-test passed" in run.stdout
    prefix = home / ".local" / "opt" / "countdesk"
    share = home / ".local" / "share"
    desktop = (share / "applications" / "countdesk.desktop").read_text()
    assert f"Exec={prefix}/countdesk gui %f" in desktop and "MimeType=application/x-countdesk;" in desktop
    assert "application/x-countdesk" in (share / "mime" / "packages" / "countdesk.xml").read_text()
    for size in (16, 48, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "countdesk.png").is_file()
    link = home / ".local" / "bin" / "countdesk"
    assert link.resolve() == (prefix / "countdesk").resolve()
    version = subprocess.run([str(link), "--version"], env=bare_env(home), capture_output=True, text=True,
                             timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("countdesk ")

    run = subprocess.run(["bash", str(prefix / "install.sh"), "--uninstall"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert not prefix.exists() and not link.exists()
    assert not (share / "applications" / "countdesk.desktop").exists()
    assert not list((share / "icons").rglob("countdesk*"))

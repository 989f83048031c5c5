"""The command line reaches Qt only through countdesk.gui, imported inside the commands that start
the app (pyproject.toml's import contracts say so; they cannot see where in a module an import is,
so these tests do): `countdesk tally` on a server with no display never loads Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "countdesk" / "cli"
LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021-countdesk-2" / "count.json"


def _module_level_imports(path: Path) -> list[str]:
    """The modules `path` imports outside any function (relative ones as written, e.g. "..gui")."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append("." * node.level + (node.module or ""))
    return names


def test_no_cli_module_imports_qt_or_the_gui_at_module_level():
    found = {
        f"{path.name}: {name}"
        for path in sorted(CLI.glob("*.py"))
        for name in _module_level_imports(path)
        if name.split(".")[0] == "PySide6" or name.lstrip(".").split(".")[0] == "gui"
        or name.startswith("countdesk.gui")
    }
    assert not found, f"the command line imports Qt or the GUI when it loads: {sorted(found)}"


def test_a_headless_command_never_loads_qt():
    script = (
        "import sys\n"
        "from countdesk.cli import main\n"
        f"code = main(['tally', {str(LIVERPOOL)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')\n"
        "                or m.startswith('countdesk.gui'))\n"
        "print('LOADED', loaded)\n"
        "sys.exit(code)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "Anderson" in run.stdout or "ANDERSON" in run.stdout  # it did tally the count
    assert "LOADED []" in run.stdout, run.stdout.splitlines()[-1]

"""No module reaches into an open count's private parts: the use cases write through the core's
public methods, and everything else through the session's use cases (`session.sheets.confirm`,
`session.record`), so the core can change without breaking a caller it never knew about."""

from __future__ import annotations

import ast
from pathlib import Path

import countdesk

PACKAGE = Path(countdesk.__file__).resolve().parent
#: The session's and the core's private state: only their own classes touch it.
PRIVATE = {"_core", "_cdb", "_actor", "_states", "_session_id", "_file_lock", "_call_lock", "_require_open",
           "_require_writable", "_open_state", "_refresh", "_commit", "_write_advancing"}


def reaches(tree: ast.AST) -> list[tuple[int, str]]:
    """`something._private` where something is not self or cls (their own class may)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in PRIVATE:
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                found.append((node.lineno, ast.unparse(node)))
    return found


def test_no_module_reaches_into_the_open_count():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, text in reaches(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(PACKAGE)}:{line}: {text}")
    assert offenders == []


def test_the_check_finds_a_reach_through():
    assert reaches(ast.parse("session._core.store\nself._core.store\nsession.sheets.confirm(c, s)")) == [
        (1, "session._core")]


def earlier_names_called(tree: ast.AST, names: set[str]) -> list[tuple[int, str]]:
    """Calls like `session.save_sheet(...)` / `self.document.session.declare(...)`: an earlier flat
    name on something named session."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in names:
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if name.lstrip("_").endswith("session"):
                found.append((node.lineno, ast.unparse(node.func)))
    return found


def test_the_code_calls_the_use_cases_by_name():
    """The session's earlier flat names (session_compat.py) are for tests written against them."""
    from countdesk.services.session_compat import FORWARDS

    names = set(FORWARDS)
    offenders = [f"{path.relative_to(PACKAGE)}:{line}: {text}"
                 for path in sorted(PACKAGE.rglob("*.py"))
                 for line, text in earlier_names_called(ast.parse(path.read_text(encoding="utf-8")), names)]
    assert offenders == []
    assert earlier_names_called(ast.parse("self.document.session.save_sheet(c, s)\nsession.sheets.confirm(c, s)"),
                                names) == [(1, "self.document.session.save_sheet")]

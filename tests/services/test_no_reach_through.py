"""No module reaches into an open count's private parts: the use cases write through the core's
public methods, and everything else through the session's use cases (`session.sheets.confirm`,
`session.record`), so the core can change without breaking a caller it never knew about."""

from __future__ import annotations

import ast
from pathlib import Path

import countdesk
from countdesk.services import CountSession

PACKAGE = Path(countdesk.__file__).resolve().parent
REPOSITORY = PACKAGE.parent
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


#: The session's earlier flat names, retired, and the use case method that replaced each.
EARLIER_NAMES: dict[str, str] = {
    "save_sheet": "sheets.confirm", "delete_sheet": "sheets.delete", "sheet": "sheets.sheet",
    "sheet_setting": "sheets.setting", "record_lot": "lots.record", "delete_lot": "lots.withdraw",
    "verify_box": "verification.verify",
    **{name: f"set_up.{name}" for name in (
        "update_election", "add_contest", "update_contest", "remove_contest", "add_candidate", "update_candidate",
        "remove_candidate", "reorder_candidates", "add_box", "update_box", "remove_box")},
    "has_ro_passphrase": "passphrase.is_set", "check_ro_passphrase": "passphrase.check",
    "ro_passphrase_problem": "passphrase.problem", "set_ro_passphrase": "passphrase.set",
    "stage": "declaring.stage", "set_stage": "declaring.set_stage", "declare": "declaring.declare",
    "unlock": "declaring.unlock", "set_double_entry": "double_entry.set_enabled",
    "submit_keying": "double_entry.submit", "resolve_double_entry": "double_entry.resolve",
    "discard_keying": "double_entry.discard", "pending_keyings": "double_entry.pending",
    "disagreement": "double_entry.disagreement", "standing_difference": "acceptances.standing_difference",
    "accept_difference": "acceptances.accept", "claim": "claims.take", "release_claim": "claims.release",
    "heartbeat": "claims.heartbeat", "stored_round2_instruction": "instructions.stored",
    "save_round2_instruction": "instructions.save",
}


def earlier_names_called(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls like `session.save_sheet(...)` / `self.open_count.session.declare(...)`: an earlier flat
    name on something named session."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in EARLIER_NAMES:
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if name.lstrip("_").endswith("session"):
                found.append((node.lineno, ast.unparse(node.func)))
    return found


def test_the_session_has_none_of_its_earlier_names(session):
    """Each earlier name is gone (no forward came back), and the use case that replaced it is there."""
    for name, replacement in EARLIER_NAMES.items():
        assert not hasattr(CountSession, name), f"CountSession.{name} is back: call session.{replacement}"
        part, method = replacement.split(".")
        assert callable(getattr(getattr(session, part), method)), f"session.{replacement} is missing"


def test_nothing_calls_the_session_by_an_earlier_name():
    """Code, tests, benchmarks and scripts call the use cases by name (`session.sheets.confirm`)."""
    offenders = [f"{path.relative_to(REPOSITORY)}:{line}: {text}"
                 for folder in (PACKAGE, REPOSITORY / "tests", REPOSITORY / "benchmarks", REPOSITORY / "scripts")
                 for path in sorted(folder.rglob("*.py"))
                 for line, text in earlier_names_called(ast.parse(path.read_text(encoding="utf-8")))]
    assert offenders == []
    assert earlier_names_called(ast.parse("self.open_count.session.save_sheet(c, s)\nsession.sheets.confirm(c, s)")) \
        == [(1, "self.open_count.session.save_sheet")]

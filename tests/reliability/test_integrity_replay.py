"""The replay that finds figures changed outside the app must never cry wolf: after every kind of
change the app can make, the count the trail tells is exactly the count the tables hold."""

from __future__ import annotations

import ast
import re
from datetime import date

import pytest
from reliability_builders import CONTEST_ID, ELECTION, OTHER_PASSPHRASE, PASSPHRASE, ROOT, liverpool, r1, small_sv

from countdesk.domain.model import Box, Candidate, Election, Lot
from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.services.integrity import KNOWN_ACTIONS, verify_count

LIVERPOOL_ID = "mayor.liverpool.2021-05-06"


def assert_replays(session: CountSession) -> None:
    found = verify_count(session)
    assert found.ok and not found.unknown_actions, found.differences or found.unknown_actions


def test_every_kind_of_change_replays_to_the_tables(tmp_path):
    s = CountSession.create(tmp_path / "all.countdesk", "Alice", ELECTION)
    try:
        s.set_up.add_contest(small_sv("stray"))
        s.import_count(liverpool(), replace=True)                          # remove + import + election
        s.set_up.update_election(Election(s.election().id, "Mayor of Liverpool", date(2021, 5, 6), "Liverpool", "RO"))
        s.set_up.add_contest(small_sv())
        s.set_up.update_contest(CONTEST_ID, title="Mayor of Testshire (recount)")
        s.set_up.add_candidate(CONTEST_ID, Candidate("d", "Di DAVIES", "Green"), position=2)
        s.set_up.update_candidate(CONTEST_ID, Candidate("d", "Dilys DAVIES", "Green"))
        s.set_up.reorder_candidates(CONTEST_ID, ["c", "d", "b", "a"], reason="ballot paper proof")
        s.set_up.remove_candidate(CONTEST_ID, "d")
        s.set_up.reorder_candidates(CONTEST_ID, ["a", "b", "c"], reason="ballot paper proof")
        s.set_up.add_box(CONTEST_ID, Box("B2", "Library", False, 40))
        s.set_up.update_box(CONTEST_ID, Box("B2", "Central Library", False, 41))
        s.verification.verify(CONTEST_ID, "B1", 99, "one short")                   # box.verify + contest.stage
        s.verification.verify(CONTEST_ID, "B2", 41, None)
        s.set_up.remove_box(CONTEST_ID, "B2", reason="box belonged to another ward")
        assert_replays(s)
        s.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40, unmarked=2))         # sheet.save + stage count
        s.sheets.confirm(CONTEST_ID, r1("T2", 1, 1, 1))
        s.sheets.confirm(CONTEST_ID, r1("T1", 61, 50, 40, unmarked=1), reason="recounted")  # sheet.replace
        s.sheets.delete(CONTEST_ID, "T2", reason="entered twice")
        s.sheets.confirm(CONTEST_ID, r1("T3", 2, 2, 2))                        # goes last, after the deletion
        s.lots.record(CONTEST_ID, Lot(("a", "b"), ("a",), "RO", "2021-05-07T02:00:00+01:00", "agents"))
        s.lots.withdraw(CONTEST_ID, 0, reason="drawn before the recount")
        s.lots.record(CONTEST_ID, Lot(("b", "c"), ("c",), "RO", "2021-05-07T02:10:00+01:00", "agents"))
        s.declaring.set_stage(CONTEST_ID, "verification")
        s.declaring.set_stage(CONTEST_ID, "count")
        assert_replays(s)

        s.set_up.add_contest(small_sv("de"))
        s.double_entry.set_enabled("de", True)
        s.double_entry.submit("de", r1("K1", 5, 4, 3))                           # keying.first
        s.change_operator("Bob")
        s.double_entry.submit("de", r1("K1", 5, 4, 2))                           # keying.disagree
        s.change_operator("Carol")
        s.double_entry.resolve("de", r1("K1", 5, 4, 3), reason="paper checked")  # sheet.save, keyings cleared
        s.double_entry.submit("de", r1("K2", 1, 2, 3))
        s.double_entry.discard("de", "K2", reason="wrong box")                   # keying.discard
        s.double_entry.submit("de", r1("K3", 7, 8, 9))                           # left waiting for a second keying
        assert_replays(s)

        s.passphrase.set(PASSPHRASE)
        with pytest.raises(CountdeskError):
            s.passphrase.set(OTHER_PASSPHRASE, current="wrong passphrase")
        with pytest.raises(CountdeskError):
            s.declaring.declare(LIVERPOOL_ID, "wrong passphrase")
        s.declaring.declare(LIVERPOOL_ID, PASSPHRASE)
        with pytest.raises(CountdeskError):
            s.declaring.unlock(LIVERPOOL_ID, "wrong passphrase", reason="check")
        s.declaring.unlock(LIVERPOOL_ID, PASSPHRASE, reason="a box was missed")
        s.declaring.declare(LIVERPOOL_ID, PASSPHRASE)
        s.set_up.remove_contest("de", reason="set up by mistake")
        assert_replays(s)
        actions = {row.action for row in s.audit_rows()}
    finally:
        s.close()
    assert len(actions) >= 30  # the walk above really did use (almost) every kind of change


def test_an_upgraded_old_file_whose_stage_was_inferred_does_not_cry_wolf(tmp_path):
    """A first-schema file had no stage column: the upgrade infers "count" from the sheets, with no
    audit row for it. The replay accepts an unaudited stage only when it is the one the data shows."""
    import sqlite3

    from sqlite_utils import Database

    from countdesk.store.audit import Actor, append_audit
    from countdesk.store.migrations import apply_migrations
    from countdesk.store.records import contest_record, election_record, sheet_record

    path = tmp_path / "old.countdesk"
    contest, sheet = small_sv(), r1("T1", 6, 5, 4)
    db = Database(sqlite3.connect(path))
    apply_migrations(db, stop_before="m0002_stage_and_double_entry")
    actor = Actor("Alice")
    with db.atomic():
        db.execute("INSERT INTO election VALUES (1, ?, ?, ?, ?, NULL, 0)",
                   (ELECTION.id, ELECTION.title, ELECTION.poll_date.isoformat(), ELECTION.area))
        append_audit(db, actor, "election.create", "election", key=ELECTION.id, after=election_record(ELECTION))
        db.execute("INSERT INTO contest (id, position, title, system, seats, electorate) "
                   "VALUES (?, 1, ?, 'sv', 1, 500)",
                   (CONTEST_ID, contest.title))
        for n, c in enumerate(contest.candidates, 1):
            db.execute("INSERT INTO candidate VALUES (?, ?, ?, ?, ?)", (CONTEST_ID, c.id, n, c.name, c.description))
        for n, b in enumerate(contest.boxes, 1):
            db.execute("INSERT INTO box VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)",
                       (CONTEST_ID, b.id, n, b.label, int(b.postal), b.ballot_paper_account))
        append_audit(db, actor, "contest.add", "contest", contest_id=CONTEST_ID, key=CONTEST_ID,
                     after=contest_record(contest))
    with db.atomic():
        db.execute("INSERT INTO count_sheet (contest_id, id, position, round) VALUES (?, 'T1', 1, 1)", (CONTEST_ID,))
        for cid, votes in sheet.votes.items():
            db.execute("INSERT INTO sheet_vote VALUES (?, 'T1', ?, ?)", (CONTEST_ID, cid, votes))
        append_audit(db, actor, "sheet.save", "count_sheet", contest_id=CONTEST_ID, key="T1",
                     after=sheet_record(sheet))
    db.close()
    with CountSession.open(path, "Alice") as s:  # the upgrade runs here
        assert str(s.declaring.stage(CONTEST_ID)) == "count"
        assert not s.audit_rows(action="contest.stage")
        assert_replays(s)


_WRITERS = {"append_audit": 2, "record_event": 2, "append_event": 2, "record": 0}


def _audited_actions(tree: ast.AST) -> set[str]:
    """String constants that reach an audit row: `action=` arguments and defaults, the action
    argument of the functions that write a row, and module constants named *ACTION."""
    found: set[str] = set()

    def strings(node: ast.AST) -> set[str]:
        if isinstance(node, ast.JoinedStr):
            return set()  # f"{action}_refused": its actions are listed by hand below
        if isinstance(node, ast.Constant):
            return {node.value} if isinstance(node.value, str) else set()
        return {v for child in ast.iter_child_nodes(node) for v in strings(child)}

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            found |= {v for kw in node.keywords if kw.arg == "action" for v in strings(kw.value)}
            index = _WRITERS.get(name)
            if index is not None and len(node.args) > index:
                found |= strings(node.args[index])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):  # def f(..., action="box.update")
            args = node.args
            positional = args.posonlyargs + args.args
            pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults, strict=True))
            pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
            found |= {v for arg, default in pairs if arg.arg == "action" for v in strings(default)}
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "").endswith("ACTION") for t in node.targets):
            found |= strings(node.value)
    return found


def test_every_action_the_app_writes_is_one_the_replay_knows():
    """Drift guard: a new audited action in the store or services must be taught to the replay
    (as a change it replays, or as an event that changes no figure)."""
    sources = [p.read_text(encoding="utf-8") for folder in ("store", "services")
               for p in (ROOT / "countdesk" / folder).glob("*.py")]
    written: set[str] = set()
    for source in sources:
        written |= _audited_actions(ast.parse(source))
    written |= {"contest.declare_refused", "contest.unlock_refused"}  # f"{action}_refused" in declaring.py
    # Any other literal in the same families ("backup.restore_refused" built into a list, say).
    families = "|".join(sorted({re.escape(a.split(".")[0]) for a in written}))
    for source in sources:
        written |= set(re.findall(rf'"((?:{families})\.[a-z0-9_]+)"', source))
    assert {"sheet.save", "backup.restore", "bundle.export"} <= written, "has the source moved?"
    assert written <= KNOWN_ACTIONS, sorted(written - KNOWN_ACTIONS)

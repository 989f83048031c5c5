"""Upgrading a count database written before countdesk/2 (migration m0004): each contest's office
is inferred once and recorded in the audit trail, a round-2 sheet's two second-stage heads become
their sum, and the upgraded file passes the audit replay (the trail still accounts for every figure)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from countdesk.domain.model import Counting, Office, VotingSystem
from countdesk.services.integrity import verify_count_file
from countdesk.store.audit import Actor, append_audit, audit_rows
from countdesk.store.database import open_database
from countdesk.store.migrations import UPGRADE_OPERATOR, apply_migrations
from countdesk.store.repository import load_count

ELECTION = {"id": "mayor.testshire-ca.2021-05-06", "title": "Mayoral election", "poll_date": "2021-05-06",
            "area": "Testshire", "returning_officer": None, "bilingual": False}
CONTESTS = [
    # id, title, system, seats, the office and counting expected
    ("mayor.testshire-ca.2021-05-06", "Mayor of the Testshire Combined Authority", "sv", 1,
     Office.COMBINED_AUTHORITY_MAYOR, Counting.LOCAL),
    ("local.testshire.north.2021-05-06", "North ward", "fptp", 2, Office.COUNCIL, Counting.WHOLE),
    ("north-pfcc", "Police, Fire and Crime Commissioner for Northshire", "fptp", 1, Office.PCC, Counting.LOCAL),
]
SHEET_R2 = {"id": "R2", "round": 2, "votes": {"a": 3, "b": 2}, "non_transferable": 5,
            "second_not_counted": {"too_many_votes": 1, "void_for_uncertainty": 2}}


def _old_file(path) -> None:
    """A file as countdesk wrote it at m0002, every change audited in the old record shapes."""
    conn = sqlite3.connect(path)
    db = Database(conn)
    apply_migrations(db, stop_before="m0004_office_and_regime")
    actor = Actor("Alice")
    with db.atomic():
        db.execute("INSERT INTO election (singleton, id, title, poll_date, area, returning_officer, bilingual) "
                   "VALUES (1, ?, ?, ?, ?, NULL, 0)", (ELECTION["id"], ELECTION["title"], ELECTION["poll_date"],
                                                       ELECTION["area"]))
        append_audit(db, actor, "election.create", "election", key=ELECTION["id"], after=ELECTION)
        for position, (cid, title, system, seats, _office, _counting) in enumerate(CONTESTS, 1):
            db.execute("INSERT INTO contest (id, position, title, system, seats, electorate, stage) "
                       "VALUES (?, ?, ?, ?, ?, NULL, ?)", (cid, position, title, system, seats,
                                                           "count" if position == 1 else "setup"))
            candidates = [{"id": "a", "name": "Ann ASHE", "description": ""},
                          {"id": "b", "name": "Bryn BEVAN", "description": ""}]
            for n, candidate in enumerate(candidates, 1):
                db.execute("INSERT INTO candidate (contest_id, id, position, name, description) VALUES (?, ?, ?, ?, ?)",
                           (cid, candidate["id"], n, candidate["name"], ""))
            sheets = [SHEET_R2] if position == 1 else []
            for sheet in sheets:
                db.execute("INSERT INTO count_sheet (contest_id, id, position, round, non_transferable) "
                           "VALUES (?, 'R2', 1, 2, 5)", (cid,))
                for candidate_id, votes in sheet["votes"].items():
                    db.execute("INSERT INTO sheet_vote VALUES (?, 'R2', ?, ?)", (cid, candidate_id, votes))
                for head, papers in sheet["second_not_counted"].items():
                    db.execute("INSERT INTO sheet_second_not_counted VALUES (?, 'R2', ?, ?)", (cid, head, papers))
            append_audit(db, actor, "contest.import", "contest", contest_id=cid, key=cid, after={
                "id": cid, "title": title, "system": system, "seats": seats, "electorate": None,
                "candidates": candidates, "boxes": [], "count_sheets": sheets, "lots": [],
            })
    conn.close()


def test_an_old_file_is_upgraded_with_offices_inferred_audited_and_the_replay_intact(tmp_path):
    path = tmp_path / "old.countdesk"
    _old_file(path)
    cdb = open_database(path)
    count = load_count(cdb)
    for (cid, _title, system, _seats, office, counting), contest in zip(CONTESTS, count.contests, strict=True):
        assert (contest.id, contest.system, contest.office, contest.counting) == (
            cid, VotingSystem(system), office, counting)
    (sheet,) = count.contests[0].count_sheets
    assert sheet.second_rejected == 3 and sheet.non_transferable == 5
    tables = {row[0] for row in cdb.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "sheet_second_not_counted" not in tables
    upgrades = [row for row in audit_rows(cdb.db) if row.operator == UPGRADE_OPERATOR]
    assert [(row.action, row.contest_id, row.after["office"]) for row in upgrades] == [
        ("contest.update", cid, office.value) for cid, _t, _s, _n, office, _c in CONTESTS]
    assert 'office inferred as "pcc" from its title' in upgrades[2].reason
    # The file now allows what countdesk/2 brings: a referendum system, the election's nation.
    assert cdb.db.execute("SELECT nation, deputy FROM election").fetchone() == ("england", 0)
    cdb.close()
    verdict = verify_count_file(path)
    assert verdict.ok, verdict.summary()
    # Opening again changes nothing: the upgrade ran once.
    cdb = open_database(path)
    assert len([r for r in audit_rows(cdb.db) if r.operator == UPGRADE_OPERATOR]) == len(CONTESTS)
    cdb.close()

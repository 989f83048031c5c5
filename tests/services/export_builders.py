"""Area counts for export and collation tests: the LCR 2021 areas and three small SV areas whose
finalists only the sum decides.

The three areas (candidates a, b, c, d), first preferences:

    area    a    b    c    d    own finalists
    North  50   40   10    5    a, b
    South  10    5   50   40    c, d
    West   38   45   40    5    b, c
    sum    98   90  100   50    c, a   (no majority: 100 of 338)

Round 2 (papers of b and d): North a 20 c 15 NT 10 (45 = 40 + 5), South a 10 c 25 NT 10
(45 = 5 + 40), West a 30 c 5 NT 15 (50 = 45 + 5). Final: a 98 + 60 = 158, c 100 + 45 = 145:
a is elected, though c led on first preferences.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, VotingSystem, frozen_map
from countdesk.exchange.fingerprint import fingerprint_groups
from countdesk.services.count_session import CountSession

GENERATED_AT = datetime(2021, 5, 7, 16, 5, tzinfo=UTC)
SV_ELECTION_ID = "mayor.testshire-ca.2021-05-06"
SV_CONTEST_ID = "mayor.testshire-ca"
SV_CANDIDATES = (Candidate("a", "Ann ARCHER", "Red"), Candidate("b", "Bo BAKER", "Blue"),
                 Candidate("c", "Cy COOPER", "Green"), Candidate("d", "Di DAWSON", "Gold"))
SV_FIRST = {"North": (50, 40, 10, 5), "South": (10, 5, 50, 40), "West": (38, 45, 40, 5)}
SV_SECOND = {"North": (20, 15, 10), "South": (10, 25, 10), "West": (30, 5, 15)}


def sv_area(area: str) -> Count:
    a, b, c, d = SV_FIRST[area]
    papers = a + b + c + d
    sheet = CountSheet(f"{area[0]}1-R1", 1, frozen_map({"a": a, "b": b, "c": c, "d": d}))
    contest = Contest(SV_CONTEST_ID, "Mayor of Testshire", VotingSystem.SV, 1, SV_CANDIDATES,
                      (Box(f"{area[0]}01", f"{area} station", False, papers, papers),), (sheet,), electorate=1000)
    election = Election(SV_ELECTION_ID, "Election of the Mayor of the Testshire Combined Authority",
                        date(2021, 5, 6), area, "Area Returning Officer")
    return Count(election, (contest,))


def round_two_sheet(area: str, finalists: tuple[str, str] = ("a", "c")) -> CountSheet:
    first, second, non_transferable = SV_SECOND[area]
    votes = frozen_map({finalists[0]: first, finalists[1]: second})
    return CountSheet(f"{area[0]}1-R2", 2, votes, non_transferable=non_transferable)


def area_session(folder: Path, count: Count, operator: str = "Area Clerk") -> CountSession:
    """A count database for one area, holding `count` (the caller closes it)."""
    path = folder / f"{count.election.area.lower().replace(' ', '-')}.countdesk"
    session = CountSession.create(path, operator, count.election)
    session.import_count(count)
    return session


def paper_groups(fingerprint: str, positions: tuple[int, ...]) -> list[str]:
    """What the officer types: the groups at `positions` of the fingerprint printed on the paper."""
    groups = fingerprint_groups(fingerprint)
    return [groups[p - 1] for p in positions]


def audit_log_of(count: Count) -> bytes:
    """The audit log a count file imported whole would carry: the election, then each contest."""
    import json

    from countdesk.store.audit import GENESIS_HASH, canonical_json, row_hash
    from countdesk.store.records import contest_record, election_record

    entries = [("election.create", "election", None, count.election.id, election_record(count.election))]
    entries += [("contest.import", "contest", c.id, c.id, contest_record(c)) for c in count.contests]
    rows, prev = [], GENESIS_HASH
    for n, (action, entity, contest_id, key, after) in enumerate(entries, 1):
        after_json, at = canonical_json(after), "2021-05-07T09:00:00.000000+00:00"
        digest = row_hash(n, at, "Count Supervisor", action, entity, contest_id, key, None, after_json, None, prev)
        rows.append({"id": n, "at": at, "operator": "Count Supervisor", "action": action, "entity": entity,
                     "contest_id": contest_id, "key": key, "before_json": None, "after_json": after_json,
                     "reason": None, "prev_hash": prev, "hash": digest})
        prev = digest
    return json.dumps({"format": "countdesk-audit-log/1", "head": {"id": len(rows), "hash": prev},
                       "rows": rows}).encode("utf-8")


def quick_bundle(target: Path, count: Count, key) -> tuple[Path, str]:
    """A valid area bundle holding only its count file (fast: for the 33-area case). Returns the
    folder and the fingerprint its first contest's paper would print."""
    from countdesk.exchange.bundle import bundle_name, write_bundle
    from countdesk.exchange.countfile import dump_count_json
    from countdesk.services.bundle_content import paper_fingerprints

    files = {"count.json": (dump_count_json(count) + "\n").encode("utf-8"), "audit-log.json": audit_log_of(count)}
    path = write_bundle(target, bundle_name(count.election.id, count.election.area), files, key)
    return path, paper_fingerprints(count)[count.contests[0].id]

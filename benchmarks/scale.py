"""A count at the scale of a large count night, built deterministically for the benchmarks:
2,000 boxes, 1,000 round-1 sheets, 12 candidates (an SV contest with no majority)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from random import Random

from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, VotingSystem, frozen_map

SURNAMES = ("ADAMS", "BAKER", "CLARKE", "DAVIES", "EVANS", "FRASER", "GRIFFITHS", "HUGHES",
            "IQBAL", "JONES", "KHAN", "LEWIS", "MORGAN", "NASH", "OWEN", "PRICE")


def big_count(boxes: int = 2000, sheets: int = 1000, candidates: int = 12, seed: int = 2021) -> Count:
    rng = Random(seed)
    cands = tuple(Candidate(f"c{i:02d}", f"Alex {SURNAMES[i]}", f"Party {i}") for i in range(candidates))
    weights = [rng.randint(5, 40) for _ in cands]
    weights[0], weights[1] = 60, 55  # two front-runners, no one with a majority
    sheet_list = []
    for n in range(sheets):
        votes = {c.id: rng.randint(0, w) for c, w in zip(cands, weights, strict=True)}
        sheet_list.append(CountSheet(f"S{n:04d}", 1, frozen_map(votes), frozen_map({"unmarked": rng.randint(0, 3)})))
    counted = sum(s.papers_counted for s in sheet_list)
    per_box, extra = divmod(counted, boxes)
    box_list = tuple(
        Box(f"B{n:04d}", f"Polling station {n}", n % 10 == 0, per_box + (1 if n < extra else 0),
            per_box + (1 if n < extra else 0))
        for n in range(boxes)
    )
    contest = Contest("mayor.bench.2021-05-06", "Mayor of Benchshire", VotingSystem.SV, 1, cands,
                      box_list, tuple(sheet_list), (), electorate=counted * 3)
    election = Election("mayor.bench.2021-05-06", "Benchmark election", date(2021, 5, 6), "Benchshire",
                        "Returning Officer")
    return Count(election, (contest,))


def extra_sheet(count: Count, n: int) -> CountSheet:
    ids = count.contests[0].candidate_ids
    return CountSheet(f"X{n:05d}", 1, frozen_map({cid: (n + i) % 17 for i, cid in enumerate(ids)}),
                      frozen_map({"unmarked": n % 3}))


def with_room(count: Count, papers: int = 1_000_000) -> Count:
    """The count with one more verified box holding `papers` not yet on any sheet, so the extra
    sheets a benchmark confirms stay within the verified papers (the rule book refuses a sheet
    that would take round 1 past them)."""
    contest = count.contests[0]
    spare = Box("SPARE", "Room for the benchmark's new sheets", False, papers, papers)
    return Count(count.election, (replace(contest, boxes=contest.boxes + (spare,)),) + count.contests[1:])

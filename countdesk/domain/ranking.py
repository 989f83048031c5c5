"""Ordering candidates by votes. Ties keep ballot-paper order, for display only: the law never
breaks a tie by position, so every rule that matters looks at equal figures, not at order."""

from __future__ import annotations

from typing import Mapping, Sequence


def by_votes(totals: Mapping[str, int], ballot_order: Sequence[str]) -> list[str]:
    position = {cid: i for i, cid in enumerate(ballot_order)}
    return sorted(totals, key=lambda cid: (-totals[cid], position.get(cid, len(position))))


def sum_votes(sheets, candidate_ids: Sequence[str]) -> dict[str, int]:
    """Adds the sheets' votes per candidate, in ballot-paper order. Order of sheets is irrelevant."""
    totals = {cid: 0 for cid in candidate_ids}
    for sheet in sheets:
        for cid, n in sheet.votes.items():
            if cid in totals:
                totals[cid] += n
    return totals

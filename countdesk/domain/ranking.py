"""Ordering candidates by votes. Ties keep ballot-paper order, for display only: the law never
breaks a tie by position, so every rule that matters looks at equal figures, not at order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def by_votes(totals: Mapping[str, int], ballot_order: Sequence[str]) -> list[str]:
    position = {cid: i for i, cid in enumerate(ballot_order)}
    return sorted(totals, key=lambda cid: (-totals[cid], position.get(cid, len(position))))

"""Lots are drawn by the returning officer, by hand; the engine only finds and applies them.

A recorded lot applies to a tie when its `tied` set equals the tied candidates exactly
(count-file.md, "The rules"); its `winners` fill the places the tie leaves open, in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Lot
from .result import Tie


def lot_fits(lot: Lot, tie: Tie) -> bool:
    return (
        set(lot.tied) == set(tie.candidates)
        and len(lot.tied) == len(tie.candidates)
        and len(set(lot.winners)) >= tie.places
        and set(lot.winners) <= set(tie.candidates)
    )


def find_lot(lots: Iterable[Lot], tie: Tie) -> Lot | None:
    """The first recorded lot that settles `tie`, or None: the RO still has to draw."""
    for lot in lots:
        if lot_fits(lot, tie):
            return lot
    return None


def lot_winners(lot: Lot, tie: Tie) -> tuple[str, ...]:
    """The candidates the lot returns: the first `places` distinct winners, in the order drawn."""
    seen: list[str] = []
    for w in lot.winners:
        if w not in seen:
            seen.append(w)
    return tuple(seen[: tie.places])

"""Settling a tie the law sends to lot: apply the recorded lot, or report what the RO must draw."""

from __future__ import annotations

from collections.abc import Iterable

from .lots import find_lot, lot_winners
from .model import Contest, Lot
from .result import Tie, Warning_

STAGE_WORDS = {
    "final": "for the highest total of preference votes",
    "simple_majority": "for the most votes",
    "last_seat": "for the last {places} seat(s)",
}


def names(contest: Contest, ids: Iterable[str]) -> str:
    labels = [contest.candidate(cid).name for cid in ids]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def settle(contest: Contest, tie: Tie, votes: int) -> tuple[tuple[str, ...], Lot | None, Warning_ | None]:
    """Returns (winners, lot used, warning). Without a matching lot the winners are empty and the
    warning names exactly who is tied, on what figure, for what: the engine never draws."""
    lot = find_lot(contest.lots, tie)
    if lot is not None:
        return lot_winners(lot, tie), lot, None
    what = STAGE_WORDS[tie.stage].format(places=tie.places)
    message = (
        f"{names(contest, tie.candidates)} are tied on {votes:,} votes {what}: "
        f"the returning officer must decide by lot and record it"
    )
    return (), None, Warning_("W10", "lots", message)

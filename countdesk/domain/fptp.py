"""First past the post, one seat or several (multi-member wards: RPA 1983 s.46(1)).

The n highest are returned. Where an equality means adding one vote would let a candidate take
the last seat, the returning officer decides by lot (Local Elections (Principal Areas) Rules).
"""

from __future__ import annotations

from .model import Contest, frozen_map
from .ranking import by_votes
from .result import Outcome, Round, Status, Tie, Warning_
from .sums import SheetSums
from .ties import settle


def count_fptp(contest: Contest, sums: SheetSums) -> Outcome:
    ids = contest.candidate_ids
    votes = frozen_map(sums.first)
    warnings: list[Warning_] = []
    if sums.round2_sheets:
        warnings.append(Warning_(
            "W06", "count_sheets", "second-round sheets entered for a first-past-the-post contest: not counted",
        ))
    if not sums.round1_sheets or not ids:  # nothing counted yet, or no one to elect
        return Outcome(Status.INCOMPLETE, votes, (Round(1, votes),), warnings=tuple(warnings))

    order = by_votes(votes, ids)
    seats = contest.seats
    if len(order) <= seats:
        return Outcome(Status.ELECTED, votes, (Round(1, votes),), elected=tuple(order), warnings=tuple(warnings))

    cutoff = votes[order[seats - 1]]
    above = tuple(cid for cid in order if votes[cid] > cutoff)
    at_cutoff = tuple(cid for cid in order if votes[cid] == cutoff)
    places = seats - len(above)
    if len(at_cutoff) <= places:
        # A tie below the last seat, or one that every tied candidate fits into, needs no lot.
        elected = above + at_cutoff
        return Outcome(Status.ELECTED, votes, (Round(1, votes),), elected=elected, warnings=tuple(warnings))

    tie = Tie(at_cutoff, places, "last_seat")
    winners, lot, warning = settle(contest, tie, cutoff)
    if lot is None:
        warnings += [warning] if warning is not None else []
        return Outcome(
            Status.NEEDS_LOTS, votes, (Round(1, votes, tie=tie),), elected=above,
            warnings=tuple(warnings), pending_tie=tie,
        )
    return Outcome(
        Status.ELECTED, votes, (Round(1, votes, lots_applied=(lot,), tie=tie),),
        elected=above + winners, lots_applied=(lot,), warnings=tuple(warnings),
    )

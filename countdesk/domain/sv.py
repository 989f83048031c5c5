"""The supplementary vote, as the statute words it.

Local Government Act 2000 Sch 2 paras 2-3 (local authority mayors); the same rule stands in the
GLA Act 1999 Sch 2 para 4, LDEDCA 2009 Sch 5B paras 4-5 and PRSRA 2011 Sch 9 (domain.md §1).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from .model import Contest, CountSheet, Lot, frozen_map
from .ranking import by_votes
from .result import Outcome, Round, Status, Tie, Warning_
from .sums import SheetSums
from .ties import settle


def count_sv(contest: Contest, sums: SheetSums, instructed_finalists: Sequence[str] | None = None) -> Outcome:
    """`instructed_finalists`: at an area count of a collated contest, the finalists the collating
    officer named (SI 2017/67 r.55(1)); an area never picks them from its own figures (domain.md §5)."""
    ids = contest.candidate_ids
    round2 = contest.sheets(2) if sums.round2_sheets else ()
    first = frozen_map(sums.first)
    valid = sum(first.values())

    if not sums.round1_sheets or not ids:  # nothing counted yet, or no one to elect
        return Outcome(Status.INCOMPLETE, first, (Round(1, first),), elected_on_first=False)

    # Sch 2 para 1: with fewer than three candidates the election is by simple majority.
    if len(ids) < 3:
        return _simple_majority(contest, first, round2)

    if instructed_finalists is not None:
        unknown = [cid for cid in instructed_finalists if cid not in ids]
        if unknown or len(set(instructed_finalists)) < 2:
            raise ValueError(f"instructed finalists {list(instructed_finalists)} do not fit contest {contest.id}")
        return _second_round(contest, sums, first, tuple(instructed_finalists), round2)

    # Para 3(1): returned on first preferences with MORE than half of all valid first preferences.
    # Exactly half is not enough, so the test is strict and in integers (domain.md §8.1).
    majority = [cid for cid in ids if 2 * first[cid] > valid]
    if majority:
        warnings = _round2_not_needed(round2, "was elected on first preferences")
        return Outcome(
            Status.ELECTED, first, (Round(1, first),), elected=(majority[0],),
            warnings=warnings, elected_on_first=True,
        )

    # Para 3(2)-(3): the two with the most first preferences remain, and if an equality puts three
    # or more in that position all of them remain. No lot at this stage (domain.md §1.4).
    order = by_votes(first, ids)
    second_place = first[order[1]]
    finalists = tuple(cid for cid in order if first[cid] >= second_place)
    return _second_round(contest, sums, first, finalists, round2)


def _second_round(contest: Contest, sums: SheetSums, first: Mapping[str, int], finalists: tuple[str, ...],
                  round2: Sequence[CountSheet]) -> Outcome:
    ids = contest.candidate_ids
    excluded = tuple(cid for cid in ids if cid not in finalists)
    excluded_first = sum(first[cid] for cid in excluded)
    round_one = Round(1, first, excluded=excluded)

    # Para 3(4): only the papers of voters whose first preference went to an excluded candidate
    # are re-examined. With no such paper there is nothing to wait for.
    if not round2 and excluded_first > 0:
        return Outcome(
            Status.INCOMPLETE, first, (round_one,), elected_on_first=False, finalists=finalists,
        )

    warnings = list(_round2_sheet_mismatches(contest, round2, finalists))
    second = frozen_map({cid: sums.second.get(cid, 0) for cid in finalists})
    non_transferable = sums.non_transferable
    transferred = sum(second.values()) + non_transferable
    if transferred != excluded_first:
        warnings.append(Warning_(
            "W02", "count_sheets",
            f"second round: {transferred:,} papers examined ({sum(second.values()):,} transferred "
            f"+ {non_transferable:,} non-transferable), but the excluded candidates had "
            f"{excluded_first:,} first preferences",
        ))

    # Para 3(5)-(6): the total of preference votes decides; a tie at the top goes to lot.
    final = frozen_map({cid: first[cid] + second[cid] for cid in finalists})
    top = max(final.values())
    tied = tuple(cid for cid in by_votes(final, finalists) if final[cid] == top)
    lots: tuple[Lot, ...] = ()
    tie = None
    elected: tuple[str, ...]
    if len(tied) == 1:
        elected, status = tied, Status.ELECTED
    else:
        tie = Tie(tied, 1, "final")
        elected, lot, warning = settle(contest, tie, top)
        if lot is not None:
            lots, status = (lot,), Status.ELECTED
        else:
            warnings += [warning] if warning is not None else []
            status = Status.NEEDS_LOTS
    round_two = Round(
        2, final, transfers=second, non_transferable=non_transferable, lots_applied=lots, tie=tie,
    )
    return Outcome(
        status, first, (round_one, round_two), elected=elected, lots_applied=lots,
        warnings=tuple(warnings), pending_tie=tie if status is Status.NEEDS_LOTS else None,
        elected_on_first=False, finalists=finalists, second=second,
        non_transferable=non_transferable, final=final, second_rejected=sums.second_rejected,
    )


def _simple_majority(contest: Contest, first: Mapping[str, int], round2: Sequence[CountSheet]) -> Outcome:
    """Two candidates (or one): most votes wins; equal votes are decided by lot (SI 2007/1024
    Sch 1 r.51(5))."""
    ids = contest.candidate_ids
    warnings = list(_round2_not_needed(round2, "is decided by simple majority (two candidates)"))
    top = max(first.values(), default=0)
    tied = tuple(cid for cid in by_votes(first, ids) if first[cid] == top)
    if len(tied) <= 1:
        return Outcome(
            Status.ELECTED, first, (Round(1, first),), elected=tied,
            warnings=tuple(warnings), elected_on_first=True,
        )
    tie = Tie(tied, 1, "simple_majority")
    elected, lot, warning = settle(contest, tie, top)
    if lot is None:
        warnings += [warning] if warning is not None else []
        return Outcome(
            Status.NEEDS_LOTS, first, (Round(1, first, tie=tie),), warnings=tuple(warnings),
            pending_tie=tie, elected_on_first=False,
        )
    return Outcome(
        Status.ELECTED, first, (Round(1, first, lots_applied=(lot,), tie=tie),),
        elected=elected, lots_applied=(lot,), warnings=tuple(warnings), elected_on_first=False,
    )


def _round2_not_needed(round2: Sequence[CountSheet], why: str) -> tuple[Warning_, ...]:
    if not round2:
        return ()
    return (Warning_(
        "W06", "count_sheets",
        f"{len(round2)} second-round sheet(s) entered, but the contest {why}: they are not counted",
    ),)


def _round2_sheet_mismatches(contest: Contest, round2: Sequence[CountSheet],
                             finalists: Sequence[str]) -> Iterator[Warning_]:
    """Round-2 sheets must carry every finalist and no one else (count-file.md)."""
    wanted = set(finalists)
    for index, sheet in _indexed(contest, round2):
        got = set(sheet.votes)
        if got == wanted:
            continue
        parts = []
        if wanted - got:
            parts.append("no figure for finalist(s) " + ", ".join(sorted(wanted - got)))
        if got - wanted:
            parts.append("figures for non-finalist(s) " + ", ".join(sorted(got - wanted)) + " are not counted")
        yield Warning_("W08", f"count_sheets[{index}]", f"second-round sheet {sheet.id}: " + "; ".join(parts))


def _indexed(contest: Contest, sheets: Sequence[CountSheet]) -> Iterator[tuple[int, CountSheet]]:
    position = {id(s): i for i, s in enumerate(contest.count_sheets)}
    for sheet in sheets:
        yield position[id(sheet)], sheet

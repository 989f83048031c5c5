"""A local referendum: one question, two answers (domain.md §10).

The answer with more than half of the valid votes is carried. An equal vote carries neither and
is never decided by lot: "where, after the counting of the votes (including any re-count) is
completed, an equality of votes is found to exist between the answers, the result is that there
is no majority in favour" (Neighbourhood Planning (Referendums) Regulations 2012, SI 2012/2031,
Sch 3 r.41).
"""

from __future__ import annotations

from .model import Contest, frozen_map
from .result import Outcome, Round, Status
from .sums import SheetSums


def count_referendum(contest: Contest, sums: SheetSums) -> Outcome:
    first = frozen_map(sums.first)
    if not sums.round1_sheets or not contest.candidate_ids:
        return Outcome(Status.INCOMPLETE, first, (Round(1, first),))
    valid = sum(first.values())
    carried = [answer for answer in contest.candidate_ids if 2 * first[answer] > valid]
    if carried:
        return Outcome(Status.DECIDED, first, (Round(1, first),), answer=carried[0])
    return Outcome(Status.EQUAL, first, (Round(1, first),))

"""The rule book for one count sheet: what it may hold, checked where it is keyed.

The service refuses a sheet that breaks these rules, and the count-sheet form shows the same
problems field by field as the operator types, from the same function: one rule book.

- A sheet reconciles on its own: its stated papers (the count table's papers, as on the paper
  sheet) equal its votes plus its rejected papers (count-file.md; EC Count Model - LGEW), so a
  typo is caught on the sheet where it was made. On a ward electing several, a paper carries up
  to one vote per seat (RPA 1983 s.46(1)), so no candidate can have more votes than valid papers.
- Round 1 cannot hold more than was verified: the papers on every first-round sheet, and any one
  candidate's votes, are at most the papers verified (PCC Order 2012 Sch 3 r.49; domain.md §4).
- Round 2 re-examines only the eliminated candidates' papers, for the finalists only (Local
  Government Act 2000 Sch 2 para 3(4)): it opens once round 1 is complete (or its difference
  accepted), holds figures for every finalist and no one else, never more papers than the
  eliminated candidates had, and its second-stage rejected papers are a part of its
  non-transferable papers (domain.md §2b).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .completeness import (
    ROUND2_REJECTED_OVER,
    eliminated_first,
    round1_open,
    round2_sheet_problems,
    second_stage_problems,
)
from .model import Contest, CountSheet, VotingSystem, frozen_map
from .problems import Problem, papers
from .result import ContestResult

SHEET_DOES_NOT_ADD_UP = "sheet_does_not_add_up"
SHEET_OVER_VERIFIED = "sheet_over_verified"
CANDIDATE_OVER_VERIFIED = "candidate_over_verified"
VOTES_OVER_VALID = "votes_over_valid"
REJECTED_OVER_PAPERS = "rejected_over_papers"
ROUND2_NOT_OPEN = "round2_not_open"
ROUND2_OVER_ELIMINATED = "round2_over_eliminated"


@dataclass(frozen=True)
class SheetSetting:
    """What a sheet is checked against: the contest's rules and the figures already recorded on
    the *other* sheets of its round (a corrected sheet is not counted twice)."""

    round: int
    system: VotingSystem
    seats: int
    #: Papers verified; None while a box is still open (then nothing can be checked against it).
    verified: int | None = None
    #: Papers on the other sheets of this round (round 2: second-round papers examined).
    round_papers: int = 0
    #: Each candidate's votes on the other sheets of this round.
    candidate_votes: Mapping[str, int] = field(default_factory=frozen_map)
    #: Round 2: the finalists in ballot-paper order, and the eliminated candidates' first preferences.
    finalists: tuple[str, ...] = ()
    eliminated: int | None = None
    #: Round 2: why round 1 is not complete (no finalists can be relied on); "" when it is.
    round1_open: str = ""

    @property
    def multi_seat(self) -> bool:
        return self.system is VotingSystem.FPTP and self.seats > 1


def sheet_papers(sheet: CountSheet, setting: SheetSetting) -> int:
    """The papers this sheet accounts for: round 1 its papers (stated, else votes + rejected);
    round 2 every candidate's figure plus the non-transferable papers."""
    if sheet.round == 2:
        return sum(sheet.votes.values()) + (sheet.non_transferable or 0)
    if setting.multi_seat:
        return sheet.papers or 0
    return sheet.papers_counted


def sheet_problems(sheet: CountSheet, setting: SheetSetting) -> tuple[Problem, ...]:
    """Every rule this sheet breaks, each at its field (`papers`, `votes.<id>`, `total`, …)."""
    if sheet.round == 2:
        return tuple(_round2(sheet, setting))
    return tuple(_round1(sheet, setting))


def _round1(sheet: CountSheet, setting: SheetSetting) -> Iterator[Problem]:
    votes = sum(sheet.votes.values())
    rejected = sheet.rejected_total
    if setting.multi_seat:
        yield from _multi_seat(sheet, setting, votes, rejected)
    elif sheet.papers is not None and sheet.papers != votes + rejected:
        yield Problem(
            SHEET_DOES_NOT_ADD_UP, "papers",
            f"sheet {sheet.id}: {sheet.papers:,} papers, but {votes:,} votes + {rejected:,} rejected = "
            f"{votes + rejected:,}", frozen_map({"papers": sheet.papers, "votes": votes, "rejected": rejected}),
        )
    if setting.verified is None:
        return
    yield from _beyond_the_round(sheet, setting, setting.verified, SHEET_OVER_VERIFIED, "verified",
                                 "verified papers are not yet on a sheet")
    for cid, n in sheet.votes.items():
        so_far = setting.candidate_votes.get(cid, 0)
        if so_far + n > setting.verified:
            yield Problem(
                CANDIDATE_OVER_VERIFIED, f"votes.{cid}",
                f"sheet {sheet.id} would give {cid} {so_far + n:,} votes, more than the "
                f"{setting.verified:,} papers verified",
                frozen_map({"votes": so_far + n, "verified": setting.verified}),
            )



def _beyond_the_round(sheet: CountSheet, setting: SheetSetting, limit: int, code: str, name: str,
                      not_yet: str) -> Iterator[Problem]:
    """The round's sheets may hold no more papers than `limit` (round 1: the papers verified; round 2:
    the eliminated candidates' first preferences); `name` keys the limit in the problem's figures."""
    on_sheet = sheet_papers(sheet, setting)
    if setting.round_papers + on_sheet > limit:
        left = max(limit - setting.round_papers, 0)
        yield Problem(
            code, "total",
            f"sheet {sheet.id} holds {papers(on_sheet)}, but only {left:,} of the {limit:,} {not_yet}",
            frozen_map({"papers": on_sheet, "left": left, name: limit}),
        )


def _multi_seat(sheet: CountSheet, setting: SheetSetting, votes: int, rejected: int) -> Iterator[Problem]:
    if sheet.papers is None:
        return
    valid = sheet.papers - rejected
    if valid < 0:
        yield Problem(
            REJECTED_OVER_PAPERS, "papers",
            f"sheet {sheet.id}: fewer papers ({sheet.papers:,}) than rejected papers ({rejected:,})",
            frozen_map({"papers": sheet.papers, "rejected": rejected}),
        )
        return
    for cid, n in sheet.votes.items():
        if n > valid:
            yield Problem(VOTES_OVER_VALID, f"votes.{cid}",
                          f"sheet {sheet.id}: {n:,} votes for {cid}, more than the {valid:,} valid papers",
                          frozen_map({"votes": n, "valid": valid}))
    if votes > valid * setting.seats:
        yield Problem(VOTES_OVER_VALID, "total",
                      f"sheet {sheet.id}: {votes:,} votes on {valid:,} valid papers, more than "
                      f"{setting.seats} a paper", frozen_map({"votes": votes, "valid": valid}))
    if (sheet.rejected_in_part or 0) > valid:
        yield Problem(VOTES_OVER_VALID, "rejected_in_part",
                      f"sheet {sheet.id}: {sheet.rejected_in_part:,} rejected in part, more than the "
                      f"{valid:,} valid papers", frozen_map({"rejected_in_part": sheet.rejected_in_part or 0}))


def _round2(sheet: CountSheet, setting: SheetSetting) -> Iterator[Problem]:
    for problem in second_stage_problems(0, sheet):
        yield Problem(problem.code, "second_rejected", problem.message, problem.figures)
    if setting.round1_open:
        yield Problem(ROUND2_NOT_OPEN, "total",
                      f"second-round sheets are entered once round 1 is complete: {setting.round1_open}")
        return
    if not setting.finalists:
        yield Problem(ROUND2_NOT_OPEN, "total",
                      "this contest has no second round: a candidate is elected on first preferences")
        return
    for problem in round2_sheet_problems(0, sheet, setting.finalists):
        if problem.code == ROUND2_REJECTED_OVER:
            continue  # reported above, whatever the round's state
        where = problem.where.removeprefix("count_sheets[0]").removeprefix(".")
        yield Problem(problem.code, where or "total", problem.message, problem.figures)
    if setting.eliminated is not None:
        yield from _beyond_the_round(
            sheet, setting, setting.eliminated, ROUND2_OVER_ELIMINATED, "eliminated",
            "papers of the eliminated candidates are not yet on a second-round sheet")


def _added_up(contest: Contest, base: SheetSetting, sheet_id: str | None) -> tuple[int, dict[str, int]]:
    """The papers and each candidate's votes on the other sheets of the round, added up."""
    others = [s for s in contest.sheets(base.round) if s.id != sheet_id]
    votes: dict[str, int] = {}
    for other in others:
        for cid, n in other.votes.items():
            votes[cid] = votes.get(cid, 0) + n
    return sum(sheet_papers(s, base) for s in others), votes


def _round1_from_result(contest: Contest, result: ContestResult, sheet_id: str | None) -> tuple[int, dict[str, int]]:
    """The same figures for round 1 of a one-seat contest, from the result's totals of every
    first-round sheet, less the sheet being corrected."""
    votes = dict(result.first)
    papers = result.ballot_papers_counted
    own = next((s for s in contest.count_sheets if s.id == sheet_id and s.round == 1), None) if sheet_id else None
    if own is not None:
        papers -= own.papers_counted
        for cid, n in own.votes.items():
            if cid in votes:
                votes[cid] -= n
    return papers, votes


def sheet_setting(
    contest: Contest, result: ContestResult, round_number: int, sheet_id: str | None = None
) -> SheetSetting:
    """The setting for a sheet of `contest` (a new one, or the one with `sheet_id` being corrected)
    from its current `result` (a `ContestResult`: for an area, counted on its instructed finalists).

    Round 1 of a one-seat contest takes the other sheets' figures from the result, whose running
    sums add up every first-round sheet the same way (papers stated, else votes plus rejected), less
    the sheet being corrected: checking a sheet then costs the same at the three-thousandth sheet
    as at the first. Elsewhere (a ward's stated papers, round 2's finalists-only result) the other
    sheets are added up here."""
    base = SheetSetting(round_number, contest.system, contest.seats)
    if round_number == 1 and not base.multi_seat:
        round_papers, votes = _round1_from_result(contest, result, sheet_id)
    else:
        round_papers, votes = _added_up(contest, base, sheet_id)
    if round_number == 1:
        verified = result.ballot_papers_verified if contest.boxes else None
        return SheetSetting(1, contest.system, contest.seats, verified, round_papers, frozen_map(votes))
    finalists = tuple(cid for cid in contest.candidate_ids if cid in (result.finalists or ()))
    return SheetSetting(
        2, contest.system, contest.seats, result.ballot_papers_verified, round_papers, frozen_map(votes),
        finalists=finalists, eliminated=eliminated_first(result.first, finalists) if finalists else None,
        round1_open=round1_open(result.gaps),
    )

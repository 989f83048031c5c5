"""Numbered checks, as data. Each warns and explains; none blocks: the returning officer decides.

The numbering is stable (it is printed on documents and exported), in the manner of Kiesraad's
Abacus. Checks that belong to one rule (W02, W06, W08, W10) are raised by sv.py / fptp.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Contest, CountSheet, Election, Lot
from .regimes import system_mismatch
from .result import Warning_
from .sheet_rules import SheetSetting, sheet_problems


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    explanation: str


CHECKS: dict[str, Check] = {c.code: c for c in (
    Check("W01", "Papers counted differ from papers verified",
          "Every paper verified should be on a first-round count sheet, as a vote or as rejected. "
          "A difference means a sheet is missing, entered twice or mis-keyed: recount the sheets "
          "against the verification statement before declaring."),
    Check("W02", "Second-round papers differ from the excluded candidates' papers",
          "In the second round only the papers of the excluded candidates are re-examined, so "
          "transfers plus non-transferable papers should equal their first preferences."),
    Check("W03", "A box's verified count differs from its ballot paper account",
          "The presiding officer's ballot paper account says how many papers should be in the box. "
          "Follow the Electoral Commission's reconciliation steps and record the reason as a note."),
    Check("W04", "A box has not been verified",
          "Verification is complete only when every box, postal boxes included, has been counted; "
          "until then the papers verified cannot be totalled."),
    Check("W05", "A count sheet does not add up",
          "A sheet's stated number of papers should equal its votes plus rejected papers (on a "
          "multi-member ward, no paper can carry more votes than there are seats)."),
    Check("W06", "Second-round sheets that are not needed",
          "Second preferences are counted only when no candidate has more than half of the valid "
          "first preferences in a contest of three or more candidates."),
    Check("W07", "A voting system the office and poll date do not allow",
          "The office and the poll date decide the voting system: the supplementary vote for mayors and "
          "police and crime commissioners before 4 May 2023 (Elections Act 2022 s.13), first past the post "
          "from then, and the supplementary vote again for combined authority mayors from 18 June 2026 "
          "(English Devolution and Community Empowerment Act 2026 s.63). Set-up and import refuse a "
          "mismatch; a contest read from an older file, whose office was only inferred, is warned of."),
    Check("W08", "A second-round sheet does not match the finalists",
          "A second-round sheet carries a figure for every candidate remaining in the contest and "
          "for no one else."),
    Check("W09", "A recorded lot that decided nothing",
          "A lot applies only when its tied candidates are exactly the candidates tied now; the "
          "figures may have changed since it was drawn."),
    Check("W10", "A tie that only a lot can settle",
          "The law says the returning officer decides by lot. Draw by hand in front of the "
          "candidates and agents, then record who was tied, who won, who drew and the witnesses."),
    Check("W11", "More papers verified than electors",
          "Turnout above 100 % means the electorate or a verified figure is wrong."),
    Check("W12", "Seats left unfilled",
          "Fewer candidates remained validly nominated than there are seats: they are returned "
          "unopposed and the seats left are unfilled, to be filled as the law provides for a vacancy."),
)}


@dataclass(frozen=True)
class BoxSummary:
    """What verification gives the result: the papers verified (None while a box is open) and the
    box checks. It depends on the boxes alone, so a cache keeps it while sheets are entered."""

    verified: int | None
    warnings: tuple[Warning_, ...]


def box_summary(contest: Contest) -> BoxSummary:
    warnings = []
    verified: int | None = 0
    for index, box in enumerate(contest.boxes):
        if box.verified is None:
            verified = None
            warnings.append(Warning_("W04", f"boxes[{index}]", f"box {box.id}: not yet verified"))
            continue
        if verified is not None:
            verified += box.verified
        if box.ballot_paper_account is not None and box.verified != box.ballot_paper_account:
            noted = "note given" if (box.note or "").strip() else "no note: record why"
            warnings.append(Warning_(
                "W03", f"boxes[{index}]",
                f"box {box.id}: {box.verified:,} papers verified, the ballot paper account says "
                f"{box.ballot_paper_account:,} ({noted})",
            ))
    return BoxSummary(verified, tuple(warnings))


def sheet_warnings(contest: Contest, index: int, sheet: CountSheet) -> tuple[Warning_, ...]:
    """W05 for one sheet: its stated papers against its own figures, by the rule book the service
    refuses at entry (sheet_rules.py); a sheet read from a file is warned about, not refused."""
    if sheet.round != 1 or sheet.papers is None:
        return ()
    setting = SheetSetting(1, contest.system, contest.seats)
    problems = sheet_problems(sheet, setting)
    return (Warning_("W05", f"count_sheets[{index}]", problems[0].message),) if problems else ()


def contest_checks(
    election: Election, contest: Contest, verified: int | None, counted: int, has_round1: bool,
    lots_used: tuple[Lot, ...],
) -> Iterator[Warning_]:
    """The checks over the contest as a whole: cheap, so they run on every tally."""
    if verified is not None and counted != verified and has_round1:
        yield Warning_(
            "W01", "count_sheets",
            f"{counted:,} papers counted on first-round sheets, {verified:,} papers verified "
            f"(difference {counted - verified:+,})",
        )
    mismatch = system_mismatch(election, contest)
    if mismatch is not None:
        yield Warning_("W07", "contest.system", mismatch)
    for index, lot in enumerate(contest.lots):
        if lot not in lots_used:
            yield Warning_(
                "W09", f"lots[{index}]",
                f"the lot between {', '.join(lot.tied)} matches no tie in the current figures",
            )
    if verified is not None and contest.electorate is not None and verified > contest.electorate:
        yield Warning_(
            "W11", "contest",
            f"{verified:,} papers verified but the electorate is {contest.electorate:,}",
        )

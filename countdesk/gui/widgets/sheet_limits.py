"""What a count sheet may hold, so the form can refuse an impossible figure as it is typed.

Round 1: the papers on all first-round sheets cannot exceed the papers verified. Round 2: the
second-round sheets re-examine only the eliminated candidates' papers, so they cannot hold more
than those candidates' first preferences. On a multi-member ward a paper carries up to one vote
per seat, and no candidate can have more votes than there are valid papers. These are hard
limits of arithmetic, not the count's warnings (W01..W11), which the returning officer weighs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.model import CountSheet, VotingSystem
from ...errors import CountdeskError
from ..appearance import format_figure


@dataclass(frozen=True)
class SheetLimits:
    round: int
    multi_seat: bool
    seats: int
    #: Papers still available for this sheet; None when it cannot be known yet.
    available: int | None
    #: What `available` is made of, for the hint under the total.
    source: str
    #: Why no sheet can be checked, so none is accepted (the result cannot be counted); "" if it can.
    refusal: str = ""

    def sheet_total(self, sheet: CountSheet) -> int:
        if self.round == 2:
            return sum(sheet.votes.values()) + (sheet.non_transferable or 0)
        if self.multi_seat:
            return sheet.papers or 0
        return sum(sheet.votes.values()) + sheet.rejected_total

    def problems(self, sheet: CountSheet) -> dict[str, str]:
        """Field key ("votes.x", "papers", "total", …) to the reason it is refused."""
        found: dict[str, str] = {}
        if self.refusal:
            return {"total": self.refusal}
        total = self.sheet_total(sheet)
        if self.available is not None and total > self.available:
            found["total"] = (f"This sheet holds {format_figure(total)} papers, but only "
                              f"{format_figure(self.available)} {self.source} are not yet on a sheet.")
        if self.round == 1 and self.multi_seat and sheet.papers is not None:
            valid = sheet.papers - sheet.rejected_total
            if valid < 0:
                found["papers"] = (f"Fewer papers ({format_figure(sheet.papers)}) than rejected papers "
                                   f"({format_figure(sheet.rejected_total)})")
            else:
                for cid, votes in sheet.votes.items():
                    if votes > valid:
                        found[f"votes.{cid}"] = f"More votes than the {format_figure(valid)} valid papers"
                if sum(sheet.votes.values()) > valid * self.seats:
                    found["total"] = (f"{format_figure(sum(sheet.votes.values()))} votes on "
                                      f"{format_figure(valid)} valid papers: more than {self.seats} a paper")
                if (sheet.rejected_in_part or 0) > valid:
                    found["rejected_in_part"] = f"More than the {format_figure(valid)} valid papers"
        if self.round == 2:
            if (sheet.second_rejected or 0) > (sheet.non_transferable or 0):
                found["second_rejected"] = "Part of the non-transferable papers: cannot exceed them"
        return found

    def describe(self, total: int) -> str:
        if self.available is None:
            return self.source
        left = self.available - total
        return (f"{format_figure(self.available)} {self.source} not yet on a sheet; "
                f"{format_figure(left)} after this one.")


def sheet_limits(document, contest_id: str | None, round_number: int, editing: CountSheet | None) -> SheetLimits:
    """The limits for a new sheet, or for `editing` (whose own figures are then not counted twice)."""
    if contest_id is None:
        return SheetLimits(round_number, False, 1, None, "")
    contest = document.contest(contest_id)
    multi_seat = contest.system is VotingSystem.FPTP and contest.seats > 1
    try:
        result = document.result(contest_id)
    except CountdeskError as error:  # an area's round-2 instruction lost or altered: nothing to check against
        return SheetLimits(round_number, multi_seat, contest.seats, None, "",
                           refusal=f"This sheet cannot be checked: {error.message}")
    if round_number == 1:
        if not contest.boxes or result.ballot_papers_verified is None:
            return SheetLimits(1, multi_seat, contest.seats, None,
                               "Verification is not complete: this sheet cannot be checked against the "
                               "verified papers yet.")
        # The result's running sum of every first-round sheet's papers, less the sheet corrected
        # (as stored): the same figure as adding the other sheets up, at any number of sheets.
        own = None if editing is None else next(
            (s for s in contest.count_sheets if s.id == editing.id and s.round == 1), None)
        used = result.ballot_papers_counted - (own.papers_counted if own is not None else 0)
        return SheetLimits(1, multi_seat, contest.seats, result.ballot_papers_verified - used, "verified papers")
    finalists = set(result.finalists or ())
    excluded = sum(votes for cid, votes in result.first.items() if cid not in finalists)
    others = [s for s in contest.sheets(2) if editing is None or s.id != editing.id]
    used = sum(sum(s.votes.values()) + (s.non_transferable or 0) for s in others)
    return SheetLimits(2, False, 1, excluded - used, "papers of the eliminated candidates")

"""The count-sheet form's live checks: the rule book's problems (domain/sheet_rules.py), placed at
the fields they are about, and the hint under the running total.

The service refuses exactly these problems when the sheet is confirmed: the form enforces nothing
of its own. Its setting comes from the open count's current contest and result, the same figures
the service reads from the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ...domain.model import CountSheet, VotingSystem
from ...domain.sheet_rules import SHEET_DOES_NOT_ADD_UP, SheetSetting, sheet_papers, sheet_problems, sheet_setting
from ...errors import CountdeskError
from ..appearance import format_figure

translate = QCoreApplication.translate


@dataclass(frozen=True)
class SheetLimits:
    setting: SheetSetting
    #: Why no sheet can be checked, so none is accepted (the result cannot be counted); "" if it can.
    refusal: str = ""

    @property
    def round(self) -> int:
        return self.setting.round

    @property
    def available(self) -> int | None:
        """Papers not yet on a sheet of this round; None when it cannot be known yet."""
        s = self.setting
        ceiling = s.verified if s.round == 1 else s.eliminated
        return None if ceiling is None else ceiling - s.round_papers

    def sheet_total(self, sheet: CountSheet) -> int:
        """The running total under the figures: round 1 on a one-seat contest, votes plus rejected
        (what must reach the sheet's papers); otherwise the papers the sheet accounts for."""
        if self.round == 1 and not self.setting.multi_seat:
            return sum(sheet.votes.values()) + sheet.rejected_total
        return sheet_papers(sheet, self.setting)

    def problems(self, sheet: CountSheet, *, typed: bool = True) -> dict[str, str]:
        """Field key ("votes.x", "papers", "total", …) to the first reason it is refused.
        `typed`: every figure is in, so a sheet that does not add up to its papers is a problem
        (while figures are still being typed it is only the hint under the total)."""
        if self.refusal:
            return {"total": self.refusal}
        found: dict[str, str] = {}
        for problem in sheet_problems(sheet, self.setting):
            if problem.code == SHEET_DOES_NOT_ADD_UP and not typed:
                continue
            found.setdefault(problem.where, _sentence(problem.message))
        return found

    def describe(self, total: int, sheet: CountSheet | None = None) -> str:
        parts = []
        if sheet is not None and self.round == 1 and not self.setting.multi_seat and sheet.papers is not None:
            left = sheet.papers - total
            if left > 0:
                parts.append(translate("SheetLimits", "Votes + rejected: {0} of the {1} papers on this sheet ({2} to "
                                                      "go).").format(format_figure(total), format_figure(sheet.papers),
                                                                     format_figure(left)))
            else:
                parts.append(translate("SheetLimits", "Votes + rejected: {0} of the {1} papers on this sheet.").format(
                    format_figure(total), format_figure(sheet.papers)))
        available = self.available
        if available is None:
            if self.round == 1:
                parts.append(translate("SheetLimits", "Verification is not complete: this sheet cannot be checked "
                                                      "against the verified papers yet."))
            return " ".join(parts)
        papers = self.setting_papers(sheet, total)
        left_after = format_figure(available - papers)
        if self.round == 1:
            parts.append(translate("SheetLimits", "{0} verified papers not yet on a sheet; {1} after this one.").format(
                format_figure(available), left_after))
        else:
            parts.append(translate("SheetLimits", "{0} papers of the eliminated candidates not yet on a sheet; {1} "
                                                  "after this one.").format(format_figure(available), left_after))
        return " ".join(parts)

    def setting_papers(self, sheet: CountSheet | None, total: int) -> int:
        return total if sheet is None else sheet_papers(sheet, self.setting)


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def sheet_limits(open_count, contest_id: str | None, round_number: int, editing: CountSheet | None) -> SheetLimits:
    """The limits for a new sheet, or for `editing` (whose own figures are then not counted twice)."""
    if contest_id is None:
        return SheetLimits(SheetSetting(round_number, VotingSystem.FPTP, 1))
    contest = open_count.contest(contest_id)
    try:
        result = open_count.result(contest_id)
    except CountdeskError as error:  # an area's round-2 instruction lost or altered: nothing to check against
        return SheetLimits(SheetSetting(round_number, contest.system, contest.seats),
                           refusal=translate("SheetLimits", "This sheet cannot be checked: {0}").format(error.message))
    return SheetLimits(sheet_setting(contest, result, round_number, editing.id if editing else None))

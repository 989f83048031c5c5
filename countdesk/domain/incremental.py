"""A contest's result kept current while sheets are confirmed one by one.

Confirming a sheet adjusts the sums by that sheet alone (O(candidates)); box checks are kept
until a box changes. The result is then the same function of the same facts as a full
`tally_contest`: a property test holds the two equal over random sequences of edits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .checks import BoxSummary, box_summary, sheet_warnings
from .model import AcceptedDifference, Box, Contest, CountSheet, Election, Lot
from .result import ContestResult, Warning_
from .sums import SheetSums
from .tally import tally_contest


class IncrementalTally:
    def __init__(self, election: Election, contest: Contest) -> None:
        self.election = election
        self.reset(contest)

    def reset(self, contest: Contest) -> None:
        """Start again from a whole contest (after a set-up change to candidates or seats)."""
        self._contest = contest
        self._sheets = list(contest.count_sheets)
        self._index = {sheet.id: i for i, sheet in enumerate(self._sheets)}
        self._sums = SheetSums.of(contest.candidate_ids, self._sheets)
        self._boxes: BoxSummary = box_summary(contest)
        self._sheet_warnings = self._all_sheet_warnings()
        self._result: ContestResult | None = None

    @property
    def contest(self) -> Contest:
        if len(self._contest.count_sheets) != len(self._sheets) or any(
            a is not b for a, b in zip(self._contest.count_sheets, self._sheets, strict=False)
        ):
            self._contest = replace(self._contest, count_sheets=tuple(self._sheets))
        return self._contest

    def save_sheet(self, sheet: CountSheet) -> None:
        """A new sheet goes last; a sheet with a known id replaces that one in its place."""
        index = self._index.get(sheet.id)
        if index is None:
            index = len(self._sheets)
            self._sheets.append(sheet)
            self._index[sheet.id] = index
        else:
            self._sums.remove(self._sheets[index])
            self._sheets[index] = sheet
        self._sums.add(sheet)
        self._set_sheet_warnings(index, sheet)
        self._result = None

    def delete_sheet(self, sheet_id: str) -> None:
        index = self._index.get(sheet_id)
        if index is None:
            return
        self._sums.remove(self._sheets.pop(index))
        self._index = {sheet.id: i for i, sheet in enumerate(self._sheets)}
        self._contest = replace(self._contest, count_sheets=tuple(self._sheets))
        self._sheet_warnings = self._all_sheet_warnings()  # positions moved up
        self._result = None

    def set_boxes(self, boxes: Sequence[Box]) -> None:
        self._contest = replace(self.contest, boxes=tuple(boxes))
        self._boxes = box_summary(self._contest)
        self._result = None

    def set_lots(self, lots: Sequence[Lot]) -> None:
        self._contest = replace(self.contest, lots=tuple(lots))
        self._result = None

    def set_accepted_differences(self, differences: Sequence[AcceptedDifference]) -> None:
        self._contest = replace(self.contest, accepted_differences=tuple(differences))
        self._result = None

    def result(self, instructed_finalists: Sequence[str] | None = None) -> ContestResult:
        if self._result is None or instructed_finalists is not None:
            per_sheet = [w for i in sorted(self._sheet_warnings) for w in self._sheet_warnings[i]]
            result = tally_contest(
                self.election, self.contest, instructed_finalists,
                sums=self._sums, boxes=self._boxes, per_sheet_warnings=per_sheet,
            )
            if instructed_finalists is not None:
                return result
            self._result = result
        return self._result

    def _set_sheet_warnings(self, index: int, sheet: CountSheet) -> None:
        found = sheet_warnings(self._contest, index, sheet)
        if found:
            self._sheet_warnings[index] = found
        else:
            self._sheet_warnings.pop(index, None)

    def _all_sheet_warnings(self) -> dict[int, tuple[Warning_, ...]]:
        found = {}
        for index, sheet in enumerate(self._sheets):
            ws = sheet_warnings(self._contest, index, sheet)
            if ws:
                found[index] = ws
        return found

"""Sheet sums: everything the rules need from the count sheets, added up once.

The sums are additive, so confirming, correcting or removing one sheet adjusts them in
O(candidates) instead of re-adding a thousand sheets; `IncrementalTally` relies on that. The
order of sheets never matters to a sum, which is the first property the count must have.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .model import REJECTED_HEADS, CountSheet


@dataclass
class SheetSums:
    """Running totals of a contest's sheets. Mutable on purpose: owned by one tally or one cache."""

    candidate_ids: tuple[str, ...]
    first: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)
    counted: int = 0
    valid_papers: int = 0
    rejected_in_part: int = 0
    round1_sheets: int = 0
    second: dict[str, int] = field(default_factory=dict)
    non_transferable: int = 0
    second_rejected: int = 0
    round2_sheets: int = 0

    def __post_init__(self) -> None:
        self.first = self.first or dict.fromkeys(self.candidate_ids, 0)
        self.rejected = self.rejected or dict.fromkeys(REJECTED_HEADS, 0)

    @classmethod
    def of(cls, candidate_ids: Sequence[str], sheets: Iterable[CountSheet]) -> SheetSums:
        sums = cls(tuple(candidate_ids))
        for sheet in sheets:
            sums.add(sheet)
        return sums

    def add(self, sheet: CountSheet, sign: int = 1) -> None:
        if sheet.round == 1:
            first = self.first
            for cid, n in sheet.votes.items():
                if cid in first:
                    first[cid] += sign * n
            rejected_total = 0
            for head, n in sheet.rejected.items():
                if head in self.rejected:
                    self.rejected[head] += sign * n
                    rejected_total += n
            papers = sheet.papers if sheet.papers is not None else sum(sheet.votes.values()) + rejected_total
            self.counted += sign * papers
            self.valid_papers += sign * (papers - rejected_total)
            self.rejected_in_part += sign * (sheet.rejected_in_part or 0)
            self.round1_sheets += sign
        elif sheet.round == 2:
            second = self.second
            for cid, n in sheet.votes.items():
                second[cid] = second.get(cid, 0) + sign * n
            self.non_transferable += sign * (sheet.non_transferable or 0)
            self.second_rejected += sign * (sheet.second_rejected or 0)
            self.round2_sheets += sign

    def remove(self, sheet: CountSheet) -> None:
        self.add(sheet, -1)

    def copy(self) -> SheetSums:
        return SheetSums(
            self.candidate_ids, dict(self.first), dict(self.rejected), self.counted, self.valid_papers,
            self.rejected_in_part, self.round1_sheets, dict(self.second), self.non_transferable,
            self.second_rejected, self.round2_sheets,
        )

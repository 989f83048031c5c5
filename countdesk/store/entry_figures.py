"""The figures a new first-round sheet is checked against, read as sums in two statements.

Confirming a sheet is the hot path of a count night: the rule book (domain/sheet_rules.py) needs
the papers verified and what the other first-round sheets already hold, not the sheets themselves,
so the database adds them up instead of the whole contest being loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..domain.model import frozen_map
from .sql import CountStore


@dataclass(frozen=True)
class RoundOneFigures:
    boxes: int
    unverified: int
    verified: int
    #: Papers on the first-round sheets other than the one being checked.
    papers: int
    #: Each candidate's votes on those sheets.
    votes: Mapping[str, int]

    @property
    def verified_total(self) -> int | None:
        """Papers verified, or None while no box is set up or a box is still open."""
        return self.verified if self.boxes and not self.unverified else None


def round_one_figures(cdb: CountStore, contest_id: str, except_sheet: str) -> RoundOneFigures:
    """The boxes' figures, then, only when there is a verified total to check against (every box
    verified), the other sheets' sums: adding them up costs time in proportion to the sheets
    recorded, and nothing reads them while a box is open (SheetSetting.verified is None)."""
    with cdb.guard():  # the writer's own file: no other writer can move it between the reads
        boxes, verified_boxes, verified, papers = cdb.db.execute(
            "SELECT b.boxes, b.verified_boxes, b.verified, CASE WHEN b.boxes > 0 AND b.verified_boxes = b.boxes "
            "THEN (SELECT coalesce(sum(coalesce(s.papers, "
            "  (SELECT coalesce(sum(v.votes), 0) FROM sheet_vote v"
            "   WHERE v.contest_id = s.contest_id AND v.sheet_id = s.id)"
            "  + (SELECT coalesce(sum(r.papers), 0) FROM sheet_rejected r"
            "     WHERE r.contest_id = s.contest_id AND r.sheet_id = s.id))), 0)"
            "  FROM count_sheet s WHERE s.contest_id = ? AND s.round = 1 AND s.id <> ?) ELSE 0 END "
            "FROM (SELECT count(*) AS boxes, count(verified) AS verified_boxes, "
            "coalesce(sum(verified), 0) AS verified FROM box WHERE contest_id = ?) b",
            # Positional, as all the store's SQL: the server backend translates `?`, not `:name`.
            (contest_id, except_sheet, contest_id),
        ).fetchone()
        if not boxes or verified_boxes < boxes:
            return RoundOneFigures(boxes, boxes - verified_boxes, verified, 0, frozen_map({}))
        votes = cdb.db.execute(
            "SELECT v.candidate_id, sum(v.votes) FROM sheet_vote v JOIN count_sheet s "
            "ON s.contest_id = v.contest_id AND s.id = v.sheet_id "
            "WHERE s.contest_id = ? AND s.round = 1 AND s.id <> ? GROUP BY v.candidate_id",
            (contest_id, except_sheet),
        ).fetchall()
    return RoundOneFigures(boxes, boxes - verified_boxes, verified, papers, frozen_map(dict(votes)))

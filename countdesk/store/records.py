"""Domain objects as plain JSON-able records: the `before`/`after` of audit rows and pending keyings.

The shape follows the count file (count-file.md) so an auditor reads the same words everywhere.
The store keeps its own copy rather than importing countdesk.exchange: the layers are independent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.model import (
    LEGACY_SECOND_NOT_COUNTED_HEADS,
    AcceptedDifference,
    Box,
    Candidate,
    Contest,
    CountSheet,
    Election,
    Lot,
    frozen_map,
)


def election_record(election: Election) -> dict[str, Any]:
    return {
        "id": election.id, "title": election.title, "poll_date": election.poll_date.isoformat(),
        "area": election.area, "returning_officer": election.returning_officer,
        "bilingual": election.bilingual, "deputy": election.deputy, "nation": str(election.nation),
        "title_cy": election.title_cy,
    }


#: What an election record written before these fields existed stands for.
ELECTION_RECORD_DEFAULTS: dict[str, Any] = {"deputy": False, "nation": "england", "title_cy": None}


def candidate_record(candidate: Candidate) -> dict[str, Any]:
    return {"id": candidate.id, "name": candidate.name, "description": candidate.description}


def box_record(box: Box) -> dict[str, Any]:
    return {
        "id": box.id, "label": box.label, "postal": box.postal,
        "ballot_paper_account": box.ballot_paper_account, "verified": box.verified, "note": box.note,
    }


def sheet_record(sheet: CountSheet) -> dict[str, Any]:
    record: dict[str, Any] = {"id": sheet.id, "round": sheet.round, "votes": dict(sheet.votes)}
    if sheet.rejected:
        record["rejected"] = dict(sheet.rejected)
    for name in ("papers", "rejected_in_part", "non_transferable", "second_rejected"):
        value = getattr(sheet, name)
        if value is not None:
            record[name] = value
    return record


def upgrade_sheet_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A sheet record as this version writes it: one written before `second_rejected` (audit rows,
    keyings held for a second operator) kept `second_not_counted` heads, read as their sum."""
    out = dict(record)
    heads = out.pop("second_not_counted", None)
    if heads:
        out["second_rejected"] = sum(heads.get(h, 0) for h in LEGACY_SECOND_NOT_COUNTED_HEADS)
    return out


def sheet_from_record(record: Mapping[str, Any]) -> CountSheet:
    record = upgrade_sheet_record(record)
    return CountSheet(
        id=record["id"],
        round=record["round"],
        votes=frozen_map(record["votes"]),
        rejected=frozen_map(record.get("rejected")),
        papers=record.get("papers"),
        rejected_in_part=record.get("rejected_in_part"),
        non_transferable=record.get("non_transferable"),
        second_rejected=record.get("second_rejected"),
    )


def lot_record(lot: Lot) -> dict[str, Any]:
    return {
        "tied": list(lot.tied), "winners": list(lot.winners), "drawn_by": lot.drawn_by,
        "drawn_at": lot.drawn_at, "witnesses": lot.witnesses,
    }


def accepted_difference_record(difference: AcceptedDifference) -> dict[str, Any]:
    return {
        "stage": difference.stage, "counted": difference.counted, "expected": difference.expected,
        "reason": difference.reason, "accepted_by": difference.accepted_by, "accepted_at": difference.accepted_at,
    }


#: The contest's own fields (not its lists), as audited by contest.add/import/update.
CONTEST_DETAIL_FIELDS = (
    "title", "system", "seats", "electorate", "office", "counting", "title_cy", "question",
)
#: What a contest record written before m0004 stands for (its office came in m0004's own row).
CONTEST_DETAIL_DEFAULTS: dict[str, Any] = {"office": None, "counting": "whole", "title_cy": None, "question": None}


def contest_details(contest: Contest) -> dict[str, Any]:
    return {
        "id": contest.id, "title": contest.title, "system": str(contest.system),
        "seats": contest.seats, "electorate": contest.electorate, "office": str(contest.office),
        "counting": str(contest.counting), "title_cy": contest.title_cy, "question": contest.question,
    }


def contest_record(contest: Contest) -> dict[str, Any]:
    """The whole contest, for the audit row of an import or a removal."""
    return {
        **contest_details(contest),
        "candidates": [candidate_record(c) for c in contest.candidates],
        "boxes": [box_record(b) for b in contest.boxes],
        "count_sheets": [sheet_record(s) for s in contest.count_sheets],
        "lots": [lot_record(lot) for lot in contest.lots],
        "accepted_differences": [accepted_difference_record(d) for d in contest.accepted_differences],
        "declared": None if contest.declared is None else {"at": contest.declared.at, "by": contest.declared.by},
    }

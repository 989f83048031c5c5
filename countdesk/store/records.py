"""Domain objects as plain JSON-able records: the `before`/`after` of audit rows and pending keyings.

The shape follows the count file (count-file.md) so an auditor reads the same words everywhere.
The store keeps its own copy rather than importing countdesk.exchange: the layers are independent.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..domain.model import Box, Candidate, Contest, CountSheet, Election, Lot, frozen_map


def election_record(election: Election) -> dict[str, Any]:
    return {
        "id": election.id, "title": election.title, "poll_date": election.poll_date.isoformat(),
        "area": election.area, "returning_officer": election.returning_officer,
        "bilingual": election.bilingual,
    }


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
    for name in ("papers", "rejected_in_part", "non_transferable"):
        value = getattr(sheet, name)
        if value is not None:
            record[name] = value
    if sheet.second_not_counted:
        record["second_not_counted"] = dict(sheet.second_not_counted)
    return record


def sheet_from_record(record: Mapping[str, Any]) -> CountSheet:
    return CountSheet(
        id=record["id"],
        round=record["round"],
        votes=frozen_map(record["votes"]),
        rejected=frozen_map(record.get("rejected")),
        papers=record.get("papers"),
        rejected_in_part=record.get("rejected_in_part"),
        non_transferable=record.get("non_transferable"),
        second_not_counted=frozen_map(record.get("second_not_counted")),
    )


def lot_record(lot: Lot) -> dict[str, Any]:
    return {
        "tied": list(lot.tied), "winners": list(lot.winners), "drawn_by": lot.drawn_by,
        "drawn_at": lot.drawn_at, "witnesses": lot.witnesses,
    }


def contest_details(contest: Contest) -> dict[str, Any]:
    return {
        "id": contest.id, "title": contest.title, "system": str(contest.system),
        "seats": contest.seats, "electorate": contest.electorate,
    }


def contest_record(contest: Contest) -> dict[str, Any]:
    """The whole contest, for the audit row of an import or a removal."""
    return {
        **contest_details(contest),
        "candidates": [candidate_record(c) for c in contest.candidates],
        "boxes": [box_record(b) for b in contest.boxes],
        "count_sheets": [sheet_record(s) for s in contest.count_sheets],
        "lots": [lot_record(lot) for lot in contest.lots],
    }

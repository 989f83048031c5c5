"""Results as CSV for upload to Democracy Club and similar results services.

One row per contest and candidate, in ballot-paper order; every contest-wide figure repeats on
each of its rows so that any one row can be read alone. Columns are documented in
docs/results-formats.md. Figures come from `ContestResult`; nothing is recomputed here except the
choice of which figure goes in `votes`, which is stated in `votes_basis` on every row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from ..domain.model import REJECTED_HEADS, Contest, Election, VotingSystem
from ..domain.result import ContestResult, Status

#: votes_basis values: which figure the `votes` column holds.
BASIS_VOTES = "votes"  # FPTP: the candidate's votes
BASIS_FIRST = "first_preferences"  # SV: not a finalist, or elected on first preferences, or round 2 pending
BASIS_FINAL = "final_total"  # SV: a finalist, first preferences plus second-preference transfers

COLUMNS: tuple[str, ...] = (
    "ballot_paper_id",
    "contest_title",
    "area",
    "gss",
    "voting_system",
    "seats",
    "result_status",
    "declared",
    "declared_at",
    "candidate_id",
    "candidate_name",
    "party_name",
    "votes",
    "votes_basis",
    "first_preferences",
    "second_preference_transfers",
    "total",
    "elected",
    *(f"rejected_{head}" for head in REJECTED_HEADS),
    "rejected_total",
    "ballot_papers_verified",
    "num_turnout_reported",
    "num_spoilt_ballots",
    "electorate",
    "turnout_percentage",
    "source",
)

ResultRow = tuple[Election, Contest, ContestResult]


def results_csv_rows(
    results: Iterable[ResultRow],
    *,
    gss_codes: Mapping[str, str] | None = None,
    source: str | None = None,
) -> list[dict[str, Any]]:
    """The rows as dicts keyed by COLUMNS. `gss_codes` maps contest id to the ONS GSS code of the
    contest's area (blank when not set up); `source` defaults to the returning officer or area."""
    rows: list[dict[str, Any]] = []
    for election, contest, result in results:
        if result.contest_id != contest.id:
            raise ValueError(f"result for {result.contest_id} given with contest {contest.id}")
        common = _contest_columns(election, contest, result, gss_codes or {}, source)
        for candidate in contest.candidates:
            rows.append({**common, **_candidate_columns(candidate.id, result), "candidate_id": candidate.id,
                         "candidate_name": candidate.name, "party_name": candidate.description})
    return [{column: row[column] for column in COLUMNS} for row in rows]


def results_to_csv(
    results: Iterable[ResultRow],
    *,
    gss_codes: Mapping[str, str] | None = None,
    source: str | None = None,
) -> str:
    """RFC 4180 CSV text (CRLF line ends, a header row), to be written as UTF-8."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in results_csv_rows(results, gss_codes=gss_codes, source=source):
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return buffer.getvalue()


def _contest_columns(
    election: Election, contest: Contest, result: ContestResult, gss_codes: Mapping[str, str], source: str | None
) -> dict[str, Any]:
    turnout = result.turnout_percent
    rejected = {f"rejected_{head}": result.rejected.by_head.get(head, 0) for head in REJECTED_HEADS}
    return {
        "ballot_paper_id": contest.id,
        "contest_title": contest.title,
        "area": election.area,
        "gss": gss_codes.get(contest.id, ""),
        "voting_system": contest.system.value,
        "seats": contest.seats,
        "result_status": result.status.value,
        # "yes" only once the RO declared; "no" marks every figure as provisional.
        "declared": "yes" if result.declared is not None else "no",
        "declared_at": result.declared.at if result.declared is not None else None,
        **rejected,
        "rejected_total": result.rejected.total,
        "ballot_papers_verified": result.ballot_papers_verified,
        "num_turnout_reported": result.ballot_papers_counted,
        "num_spoilt_ballots": result.rejected.total,
        "electorate": result.electorate,
        "turnout_percentage": str(turnout) if turnout is not None else None,
        "source": source if source is not None else _default_source(election),
    }


def _candidate_columns(candidate_id: str, result: ContestResult) -> dict[str, Any]:
    first = result.first.get(candidate_id, 0)
    elected = candidate_id in result.elected
    if result.system is VotingSystem.FPTP:
        return {"votes": first, "votes_basis": BASIS_VOTES, "first_preferences": None,
                "second_preference_transfers": None, "total": first, "elected": elected}
    if result.finalists is None and result.status is not Status.INCOMPLETE:
        # Elected on first preferences, or a two-candidate simple majority: the first
        # preferences are the final figures.
        return {"votes": first, "votes_basis": BASIS_FIRST, "first_preferences": first,
                "second_preference_transfers": None, "total": first, "elected": elected}
    final = result.final or {}
    if candidate_id in final and result.second is not None:
        return {"votes": final[candidate_id], "votes_basis": BASIS_FINAL, "first_preferences": first,
                "second_preference_transfers": result.second.get(candidate_id, 0),
                "total": final[candidate_id], "elected": elected}
    return {"votes": first, "votes_basis": BASIS_FIRST, "first_preferences": first,
            "second_preference_transfers": None, "total": None, "elected": elected}


def _default_source(election: Election) -> str:
    return f"countdesk count: {election.returning_officer or election.area}"


#: A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return inert_text(value)
    return str(value)


def inert_text(text: str) -> str:
    """Text a spreadsheet shows rather than runs: a leading `=`, `+`, `-`, `@`, tab or carriage
    return gets a `'` in front, as OWASP recommends (the figures are numbers and never need it)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text

"""The `countdesk tally --json` result shape (count-file.md, "The result"): a rendering of
`ContestResult` records, nothing recomputed here."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..domain.model import REJECTED_HEADS, Lot, VotingSystem
from ..domain.result import ContestResult


def lot_to_dict(lot: Lot) -> dict[str, Any]:
    return {
        "tied": list(lot.tied),
        "winners": list(lot.winners),
        "drawn_by": lot.drawn_by,
        "drawn_at": lot.drawn_at,
        "witnesses": lot.witnesses,
    }


def contest_result_to_dict(result: ContestResult) -> dict[str, Any]:
    rejected: dict[str, int] = {head: result.rejected.by_head.get(head, 0) for head in REJECTED_HEADS}
    rejected["total"] = result.rejected.total
    turnout = result.turnout_percent
    out: dict[str, Any] = {
        "id": result.contest_id,
        "system": result.system.value,
        "seats": result.seats,
        "status": result.status.value,
        "office": result.office.value,
        "counting": result.counting.value,
    }
    if result.system is VotingSystem.REFERENDUM:
        out["answer"] = result.answer  # the answer carried, or None (equal, or not yet counted)
    out |= {
        "ballot_papers_verified": result.ballot_papers_verified,
        "ballot_papers_counted": result.ballot_papers_counted,
        "valid_votes": result.valid_votes,
        "rejected": rejected,
        "turnout_percent": float(turnout) if turnout is not None else None,
        "first": dict(result.first),
    }
    if result.system is VotingSystem.SV:
        out["elected_on_first"] = result.elected_on_first
        out["finalists"] = list(result.finalists) if result.finalists is not None else None
        out["second"] = dict(result.second) if result.second is not None else None
        out["non_transferable"] = result.non_transferable
        out["second_rejected"] = result.second_rejected
        out["final"] = dict(result.final) if result.final is not None else None
    out["elected"] = list(result.elected)
    # Declared or provisional: a reader can always tell a declared result from figures so far.
    out["declared"] = result.declared is not None
    out["declared_at"] = result.declared.at if result.declared is not None else None
    out["lots_applied"] = [lot_to_dict(lot) for lot in result.lots_applied]
    out["warnings"] = [{"code": w.code, "where": w.where, "message": w.message} for w in result.warnings]
    return out


def results_to_dict(results: Iterable[ContestResult]) -> dict[str, Any]:
    return {"contests": [contest_result_to_dict(r) for r in results]}


def results_to_json(results: Iterable[ContestResult]) -> str:
    return json.dumps(results_to_dict(results), indent=2, ensure_ascii=False)

"""Results in the NIST SP 1500-100 v2 Election Results Reporting common data format (JSON).

Mapping (docs/results-formats.md has the full table):

* one ElectionReport, Format "summary-contest"; Status "certified" when every contest in it has
  been declared, else "unofficial-partial" (provisional figures); declared is the result's own
  record (`ContestResult.declared`, the count file's `declared`), as in the results JSON, CSV and
  EML files, so every file of a bundle says the same;
* GpUnits: a ReportingUnit for the election's scope and one for each contest's electoral area,
  named from the Democracy Club ids, plus one "counting-area" unit per contest that carries the
  figures (electorate, papers verified): a contest's figures at one count may be only part of its
  area (one council's share of a combined-authority mayor), so they are never pinned on the whole;
* Party (from each non-"Independent" description), Person and Candidate per contest candidate;
* CandidateContest: FPTP "plurality"; SV "other" with OtherVoteVariation "supplementary-vote";
  per selection VoteCounts: FPTP one "total"; SV "other" counts typed by OtherType
  "first-preferences" (round 1), "second-preference-transfers" and "total" (round 2, finalists);
* rejected papers: OtherCounts Overvotes = head (b) "too many votes", Undervotes = head (d)
  "unmarked"; and, because the other heads have no NIST field, every head and the total as
  BallotCounts (Type "other", OtherType "rejected-<head>") on the contest's counting-area unit.

Nothing is recomputed: every figure is read from the ContestResult records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from .. import __version__
from ..domain.model import REJECTED_HEADS, Candidate, Contest, Election, Office, VotingSystem
from ..domain.result import ContestResult, Status

SV_VARIATION = "supplementary-vote"
FIRST_PREFERENCES = "first-preferences"
TRANSFERS = "second-preference-transfers"
TOTAL = "total"
INDEPENDENT = "independent"


class NistContest(NamedTuple):
    contest: Contest
    result: ContestResult

    @property
    def declared(self) -> bool:
        return self.result.declared is not None


def to_nist(
    election: Election,
    contests_and_results: Iterable[tuple[Contest, ContestResult] | NistContest],
    *,
    generated_at: datetime,
    issuer: str | None = None,
    issuer_abbreviation: str | None = None,
) -> dict[str, Any]:
    """An ElectionReport dict, ready for json.dumps. `generated_at` must carry a time zone."""
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise ValueError("generated_at needs a time zone (the NIST format requires one)")
    entries = [NistContest(*entry) for entry in contests_and_results]
    for entry in entries:
        if entry.result.contest_id != entry.contest.id:
            raise ValueError(f"result for {entry.result.contest_id} given with contest {entry.contest.id}")

    units = _Units()
    scope_id = units.district(election.id, election.title)
    parties = _Parties()
    persons: list[dict[str, Any]] = []
    candidates: list[dict[str, Any]] = []
    contests: list[dict[str, Any]] = []
    ballot_counts: list[dict[str, Any]] = []

    for order, entry in enumerate(entries, start=1):
        contest, result, declared = entry.contest, entry.result, entry.declared
        district_id = units.district(contest.id, contest.title, contest.office_held)
        if district_id != scope_id:
            units.compose(scope_id, district_id)
        counted_id = units.counting_area(contest, election.area, result, district_id)
        selections = []
        for position, candidate in enumerate(contest.candidates, start=1):
            person_id, candidate_id = f"per-{contest.id}-{candidate.id}", f"can-{contest.id}-{candidate.id}"
            persons.append(_person(person_id, candidate))
            candidates.append(_candidate(candidate_id, person_id, candidate, parties, result, declared))
            selections.append({
                "@type": "ElectionResults.CandidateSelection",
                "@id": f"sel-{contest.id}-{candidate.id}",
                "SequenceOrder": position,
                "CandidateIds": [candidate_id],
                "VoteCounts": _vote_counts(candidate.id, result, counted_id),
            })
        contests.append(_contest(contest, result, order, district_id, counted_id, selections))
        ballot_counts.extend(_ballot_counts(result, counted_id))

    report_status = "certified" if entries and all(e.declared for e in entries) else "unofficial-partial"
    return {
        "@type": "ElectionResults.ElectionReport",
        "Format": "summary-contest",
        "Status": report_status,
        "GeneratedDate": generated_at.isoformat(timespec="seconds"),
        "Issuer": issuer or election.returning_officer or f"Returning Officer, {election.area}",
        "IssuerAbbreviation": issuer_abbreviation or _slug(election.area),
        "SequenceStart": 1,
        "SequenceEnd": 1,
        "VendorApplicationId": f"countdesk {__version__}",
        "GpUnit": units.all,
        "Party": parties.all,
        "Person": persons,
        "Election": [{
            "@type": "ElectionResults.Election",
            "Name": _text(election.title),
            "Type": "special" if ".by." in f".{election.id}." else "general",
            "StartDate": election.poll_date.isoformat(),
            "EndDate": election.poll_date.isoformat(),
            "ElectionScopeId": scope_id,
            "ExternalIdentifier": [_dc_identifier(election.id)],
            "Candidate": candidates,
            "Contest": contests,
            "BallotCounts": ballot_counts,
        }],
    }


def _contest(contest: Contest, result: ContestResult, order: int, district_id: str, counted_id: str,
             selections: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@type": "ElectionResults.CandidateContest",
        "@id": f"con-{contest.id}",
        "Name": contest.title,
        "ElectionDistrictId": district_id,
        "SequenceOrder": order,
        "ExternalIdentifier": [_dc_identifier(contest.id)],
        "NumberElected": contest.seats,
        # FPTP: one vote per seat. SV: one vote, given as a first preference with an optional
        # second preference that only counts if the first goes to an excluded candidate.
        "VotesAllowed": contest.seats if contest.system is VotingSystem.FPTP else 1,
        "CountStatus": [{
            "@type": "ElectionResults.CountStatus",
            "Type": "total",
            "Status": "completed" if result.status is Status.ELECTED else "in-process",
        }],
        "ContestSelection": selections,
        "OtherCounts": [{
            "@type": "ElectionResults.OtherCounts",
            "GpUnitId": counted_id,
            "Overvotes": result.rejected.by_head.get("too_many_votes", 0),
            "Undervotes": result.rejected.by_head.get("unmarked", 0),
        }],
    }
    if contest.system is VotingSystem.FPTP:
        out["VoteVariation"] = "plurality"
    else:
        out["VoteVariation"] = "other"
        out["OtherVoteVariation"] = SV_VARIATION
    return out


def _vote_counts(candidate_id: str, result: ContestResult, unit_id: str) -> list[dict[str, Any]]:
    first = result.first.get(candidate_id, 0)
    if result.system is VotingSystem.FPTP:
        return [_count("total", None, first, unit_id, 1)]
    counts = [_count("other", FIRST_PREFERENCES, first, unit_id, 1)]
    if result.final is not None and result.second is not None:
        if candidate_id in result.final:
            counts.append(_count("other", TRANSFERS, result.second.get(candidate_id, 0), unit_id, 2))
            counts.append(_count("other", TOTAL, result.final[candidate_id], unit_id, 2))
    elif result.finalists is None and result.status is not Status.INCOMPLETE:
        # Elected on first preferences (or two candidates): the first preferences are the totals.
        counts.append(_count("other", TOTAL, first, unit_id, 1))
    return counts


def _count(kind: str, other_type: str | None, value: int, unit_id: str, round_number: int) -> dict[str, Any]:
    count: dict[str, Any] = {"@type": "ElectionResults.VoteCounts", "Type": kind, "Count": value,
                             "GpUnitId": unit_id, "Round": round_number}
    if other_type is not None:
        count["OtherType"] = other_type
    return count


def _ballot_counts(result: ContestResult, unit_id: str) -> list[dict[str, Any]]:
    """Ballot papers counted for the contest, with the rejected total, then one entry per head."""
    counts = [{
        "@type": "ElectionResults.BallotCounts", "GpUnitId": unit_id, "Type": "total",
        "BallotsCast": result.ballot_papers_counted, "BallotsRejected": result.rejected.total,
    }]
    for head in REJECTED_HEADS:
        counts.append({
            "@type": "ElectionResults.BallotCounts", "GpUnitId": unit_id, "Type": "other",
            "OtherType": f"rejected-{head.replace('_', '-')}",
            "BallotsRejected": result.rejected.by_head.get(head, 0),
        })
    if result.rejected.rejected_in_part:
        counts.append({
            "@type": "ElectionResults.BallotCounts", "GpUnitId": unit_id, "Type": "other",
            "OtherType": "rejected-in-part", "BallotsRejected": result.rejected.rejected_in_part,
        })
    return counts


def _person(person_id: str, candidate: Candidate) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "ElectionResults.Person", "@id": person_id,
                              "FullName": _text(candidate.name)}
    if candidate.surname:
        person["LastName"] = candidate.surname
    return person


def _candidate(candidate_id: str, person_id: str, candidate: Candidate, parties: _Parties,
               result: ContestResult, declared: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "ElectionResults.Candidate", "@id": candidate_id,
                           "BallotName": _text(candidate.name), "PersonId": person_id}
    party_id = parties.for_description(candidate.description)
    if party_id is not None:
        out["PartyId"] = party_id
    if result.status is Status.ELECTED:
        if candidate.id in result.elected:
            out["PostElectionStatus"] = "winner" if declared else "projected-winner"
        else:
            out["PostElectionStatus"] = "defeated"
    return out


class _Parties:
    """One Party per distinct description; "Independent" (or none) is not a party."""

    def __init__(self) -> None:
        self.all: list[dict[str, Any]] = []
        self._ids: dict[str, str] = {}

    def for_description(self, description: str) -> str | None:
        name = description.strip()
        if not name or name.lower() == INDEPENDENT:
            return None
        if name not in self._ids:
            party_id = f"par-{len(self._ids) + 1}-{_slug(name)}"
            self._ids[name] = party_id
            self.all.append({"@type": "ElectionResults.Party", "@id": party_id, "Name": _text(name)})
        return self._ids[name]


class _Units:
    """ReportingUnits, created once each, typed from the Democracy Club identifier."""

    def __init__(self) -> None:
        self.all: list[dict[str, Any]] = []
        self._by_id: dict[str, dict[str, Any]] = {}

    def district(self, dc_id: str, title: str, office: Office | None = None) -> str:
        """`office`: a contest's district is the area its office is elected for; the election's
        scope (no office) is read from its Democracy Club id."""
        kind, other, key = _district_kind(dc_id)
        if office is not None:
            kind, other = _OFFICE_AREAS[office]
        unit_id = f"ru-{key}"
        if unit_id not in self._by_id:
            unit: dict[str, Any] = {"@type": "ElectionResults.ReportingUnit", "@id": unit_id, "Type": kind,
                                    "Name": _text(title)}
            if other:
                unit["OtherType"] = other
            self._add(unit)
        return unit_id

    def counting_area(self, contest: Contest, area: str, result: ContestResult, district_id: str) -> str:
        unit_id = f"ru-count-{contest.id}-{_slug(area)}"
        unit: dict[str, Any] = {
            "@type": "ElectionResults.ReportingUnit", "@id": unit_id, "Type": "other",
            "OtherType": "counting-area", "Name": _text(f"{area}: {contest.title}"),
        }
        if result.electorate is not None:
            unit["VotersRegistered"] = result.electorate
        if result.ballot_papers_verified is not None:
            unit["VotersParticipated"] = result.ballot_papers_verified
        self._add(unit)
        self.compose(district_id, unit_id)
        return unit_id

    def compose(self, whole_id: str, part_id: str) -> None:
        parts = self._by_id[whole_id].setdefault("ComposingGpUnitIds", [])
        if part_id not in parts:
            parts.append(part_id)

    def _add(self, unit: dict[str, Any]) -> None:
        self._by_id[unit["@id"]] = unit
        self.all.append(unit)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: (ReportingUnitType, OtherType) of the area each office is elected for.
_OFFICE_AREAS: dict[Office, tuple[str, str | None]] = {
    Office.COUNCIL: ("ward", None),
    Office.LOCAL_MAYOR: ("municipality", None),
    Office.COMBINED_AUTHORITY_MAYOR: ("other", "combined-authority"),
    Office.PCC: ("other", "police-area"),
    Office.PARLIAMENT: ("other", "parliamentary-constituency"),
    Office.REFERENDUM: ("other", "referendum-area"),
}


def _district_kind(dc_id: str) -> tuple[str, str | None, str]:
    """(ReportingUnitType, OtherType, key) from a Democracy Club id such as
    ``local.liverpool.anfield.2021-05-06`` (a ward), ``mayor.liverpool-city-ca.2021-05-06``
    (a combined authority), ``pcc.merseyside.2021-05-06`` (a police area)."""
    parts = [p for p in dc_id.split(".") if not _DATE.match(p) and p != "by"]
    if len(parts) < 2:
        return "other", "electoral-area", _slug(dc_id)
    kind, organisation = parts[0], parts[1]
    key = ".".join(parts[1:])
    if len(parts) >= 3:
        return ("ward", None, key) if kind in ("local", "mayor") else ("other", "electoral-division", key)
    if organisation.endswith(("-ca", "-cca")):
        return "other", "combined-authority", key
    if kind == "pcc":
        return "other", "police-area", key
    if kind in ("local", "mayor"):
        return "municipality", None, key
    return "other", kind, key


def _dc_identifier(value: str) -> dict[str, Any]:
    return {"@type": "ElectionResults.ExternalIdentifier", "Type": "other",
            "OtherType": "democracy-club-id", "Value": value}


def _text(content: str) -> dict[str, Any]:
    return {"@type": "ElectionResults.InternationalizedText",
            "Text": [{"@type": "ElectionResults.LanguageString", "Language": "en", "Content": content}]}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"

"""Results as an OASIS EML 5.0 message 510 ("count"), the XML that election-results systems in
several countries (the Netherlands' Kiesraad among them) exchange.

Standard EML carries each candidate's valid votes and the papers cast, counted and rejected.
For the supplementary vote it has no place for the second round, so countdesk adds elements in
its own namespace (``cd:``, EXTENSION_NS) inside each Selection: ``cd:FirstPreferences``,
``cd:SecondPreferenceTransfers`` and ``cd:FinalTotal``. We chose Selection-level extensions over
extra ReportingUnitVotes blocks per round because a ReportingUnitVotes means a place, not a
stage: a reader that knows only standard EML then still sees correct, self-consistent figures
(ValidVotes are the first preferences, which with the rejected papers add up to the papers
counted) and never mistakes a round-2 total for a count of papers.

Mapping (docs/results-formats.md): TotalVotes for the whole contest as this file reports it, and
one ReportingUnitVotes per counting area; Cast = ballot papers verified (papers counted while
verification is incomplete), TotalCounted = valid votes (papers with a valid vote), one
RejectedVotes per statutory head with ReasonCode = countdesk's head key and Reason = the head's
wording. EML 5.0 keeps its core ("kernel") element types such as ElectionIdentifier in the same
message namespace, so the file declares just two namespaces: EML's and countdesk's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..domain.heads import SECOND_REJECTED_LABEL, statutory_head_label
from ..domain.model import REJECTED_HEADS, Contest, Election, Office, VotingSystem
from ..domain.regimes import regime_of
from ..domain.result import ContestResult

EML_NS = "urn:oasis:names:tc:evs:schema:eml"
EXTENSION_NS = "urn:countdesk:eml-extensions:1"
MESSAGE_ID = "510"
SCHEMA_VERSION = "5.0"

#: Characters XML 1.0 cannot carry even escaped; ElementTree would write them and make the file
#: unreadable, so they are refused (the count-file importer already keeps them out of names).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

ET.register_namespace("", EML_NS)
ET.register_namespace("cd", EXTENSION_NS)


@dataclass(frozen=True)
class EmlContest:
    """A contest's result for the whole file (TotalVotes) and, for a collated contest, each
    counting area's own result. With no `areas`, the total is the election's one area."""

    contest: Contest
    result: ContestResult
    areas: Sequence[tuple[str, ContestResult]] = ()



def to_eml_510(
    election: Election,
    contests: Iterable[EmlContest | tuple],
    *,
    issued_at: datetime,
    transaction_id: str,
) -> bytes:
    """The EML 510 document as UTF-8 bytes, with an XML declaration."""
    if issued_at.tzinfo is None or issued_at.utcoffset() is None:
        raise ValueError("issued_at needs a time zone")
    root = ET.Element(_eml("EML"), {"Id": MESSAGE_ID, "SchemaVersion": SCHEMA_VERSION})
    _text(root, _eml("TransactionId"), transaction_id)
    _text(root, _eml("IssueDate"), issued_at.date().isoformat())
    _text(root, _cd("CreationDateTime"), issued_at.isoformat(timespec="seconds"))
    count = ET.SubElement(root, _eml("Count"))
    event = ET.SubElement(count, _eml("EventIdentifier"), {"Id": election.id})
    _text(event, _eml("EventName"), election.title)
    election_element = ET.SubElement(count, _eml("Election"))
    identifier = ET.SubElement(election_element, _eml("ElectionIdentifier"), {"Id": election.id})
    _text(identifier, _eml("ElectionName"), election.title)
    items = [entry if isinstance(entry, EmlContest) else EmlContest(*entry) for entry in contests]
    _text(identifier, _eml("ElectionCategory"), _category(items))
    _text(identifier, _cd("PollDate"), election.poll_date.isoformat())
    contests_element = ET.SubElement(election_element, _eml("Contests"))
    for item in items:
        _contest(contests_element, election, item)
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def _contest(parent: ET.Element, election: Election, item: EmlContest) -> None:
    contest, result = item.contest, item.result
    if result.contest_id != contest.id:
        raise ValueError(f"result for {result.contest_id} given with contest {contest.id}")
    element = ET.SubElement(parent, _eml("Contest"))
    identifier = ET.SubElement(element, _eml("ContestIdentifier"), {"Id": contest.id})
    _text(identifier, _eml("ContestName"), contest.title)
    _text(identifier, _cd("VotingSystem"), contest.system.value)
    _text(identifier, _cd("Seats"), str(contest.seats))
    # Declared, provisional (complete, not yet declared) or incomplete: never left to be guessed.
    stage = "declared" if result.declared is not None else (
        "incomplete" if result.status.value == "incomplete" else "provisional")
    _text(identifier, _cd("ResultStage"), stage, {"DeclaredAt": result.declared.at} if result.declared else None)
    _votes(ET.SubElement(element, _eml("TotalVotes")), election, contest, result)
    for area, area_result in item.areas or ((election.area, result),):
        if area_result.contest_id != contest.id:
            raise ValueError(f"area {area}: result for {area_result.contest_id} given with contest {contest.id}")
        unit = ET.SubElement(element, _eml("ReportingUnitVotes"))
        _text(unit, _eml("ReportingUnitIdentifier"), area, {"Id": _slug(area)})
        _votes(unit, election, contest, area_result)


def _votes(parent: ET.Element, election: Election, contest: Contest, result: ContestResult) -> None:
    """Selections, then Cast, TotalCounted and RejectedVotes (each key with the statutory head it is
    printed under for this office and poll), then countdesk's own figures."""
    regime = regime_of(election, contest)
    sv = contest.system is VotingSystem.SV
    final = result.final or {}
    for candidate in contest.candidates:
        selection = ET.SubElement(parent, _eml("Selection"))
        wrapper = ET.SubElement(selection, _eml("Candidate"))
        identifier = ET.SubElement(wrapper, _eml("CandidateIdentifier"), {"Id": candidate.id})
        _text(identifier, _eml("CandidateName"), candidate.name)
        if candidate.description:
            affiliation = ET.SubElement(ET.SubElement(wrapper, _eml("Affiliation")), _eml("AffiliationIdentifier"))
            _text(affiliation, _eml("RegisteredName"), candidate.description)
        first = result.first.get(candidate.id, 0)
        _text(selection, _eml("ValidVotes"), str(first))
        if sv:
            _text(selection, _cd("FirstPreferences"), str(first))
            if candidate.id in final and result.second is not None:
                _text(selection, _cd("SecondPreferenceTransfers"), str(result.second.get(candidate.id, 0)))
                _text(selection, _cd("FinalTotal"), str(final[candidate.id]))
    verified = result.ballot_papers_verified
    _text(parent, _eml("Cast"), str(verified if verified is not None else result.ballot_papers_counted))
    _text(parent, _eml("TotalCounted"), str(result.valid_votes))
    for head in REJECTED_HEADS:
        _text(parent, _eml("RejectedVotes"), str(result.rejected.by_head.get(head, 0)),
              {"ReasonCode": head, "Reason": statutory_head_label(regime, head)})
    _text(parent, _cd("BallotPapersCounted"), str(result.ballot_papers_counted))
    if verified is not None:
        _text(parent, _cd("BallotPapersVerified"), str(verified))
    _text(parent, _cd("RejectedTotal"), str(result.rejected.total))
    if result.rejected.rejected_in_part:
        _text(parent, _cd("RejectedInPart"), str(result.rejected.rejected_in_part))
    if result.electorate is not None:
        _text(parent, _cd("Electorate"), str(result.electorate))
    if result.turnout_percent is not None:
        _text(parent, _cd("TurnoutPercent"), str(result.turnout_percent))
    if sv and result.non_transferable is not None:
        _text(parent, _cd("NonTransferable"), str(result.non_transferable))
        _text(parent, _cd("SecondPreferenceRejected"), str(result.second_rejected or 0),
              {"Reason": SECOND_REJECTED_LABEL})
    _text(parent, _cd("Status"), result.status.value)


#: EML leaves the category list to each country's profile: the Democracy Club election types.
_CATEGORIES = {
    Office.PARLIAMENT: "PARL", Office.COUNCIL: "LOCAL", Office.LOCAL_MAYOR: "MAYOR",
    Office.COMBINED_AUTHORITY_MAYOR: "MAYOR", Office.PCC: "PCC", Office.REFERENDUM: "REF",
}


def _category(contests) -> str:
    """The offices of the contests (never read from an id): "MAYOR", or "LOCAL+PCC" for polls taken together."""
    return "+".join(dict.fromkeys(_CATEGORIES[Office(item.contest.office)] for item in contests)) or "LOCAL"


def _text(parent: ET.Element, tag: str, value: str, attributes: Mapping[str, str] | None = None) -> ET.Element:
    for text in (value, *(attributes or {}).values()):
        if _NOT_XML.search(text):
            raise ValueError(f"text cannot be written in XML (a control character): {text!r}")
    element = ET.SubElement(parent, tag, dict(attributes or {}))
    element.text = value
    return element


def _eml(name: str) -> str:
    return f"{{{EML_NS}}}{name}"


def _cd(name: str) -> str:
    return f"{{{EXTENSION_NS}}}{name}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "area"

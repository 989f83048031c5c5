"""EML 510 export: well-formed, parsed back, every figure where the mapping says it is."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime

import pytest
from bundle_fixtures import (
    AWKWARD_NAME,
    AWKWARD_PARTY,
    DECLARED_AT,
    lcr_area,
    lcr_areas,
    lcr_collated,
    liverpool_result,
    ward_result,
)

from countdesk.domain.model import REJECTED_HEADS, Candidate, Office
from countdesk.exchange.eml import EML_NS, EXTENSION_NS, EmlContest, to_eml_510

NS = {"eml": EML_NS, "cd": EXTENSION_NS}


def parse(document: bytes) -> ET.Element:
    assert document.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    return ET.fromstring(document)


def figures(block: ET.Element) -> dict[str, dict[str, str]]:
    """{candidate id: {element local name: text}} for each Selection in a votes block."""
    out = {}
    for selection in block.findall("eml:Selection", NS):
        cid = selection.find("eml:Candidate/eml:CandidateIdentifier", NS).get("Id")
        out[cid] = {child.tag.split("}")[1]: child.text for child in selection
                    if child.tag != f"{{{EML_NS}}}Candidate"}
    return out


def rejected(block: ET.Element) -> dict[str, int]:
    return {r.get("ReasonCode"): int(r.text) for r in block.findall("eml:RejectedVotes", NS)}


def one(block: ET.Element, path: str) -> str:
    found = block.findall(path, NS)
    assert len(found) == 1, path
    return found[0].text


def test_header_and_identifiers():
    election, contest, result = liverpool_result()
    root = parse(to_eml_510(election, [(contest, result)], issued_at=DECLARED_AT, transaction_id="42"))
    assert root.tag == f"{{{EML_NS}}}EML"
    assert (root.get("Id"), root.get("SchemaVersion")) == ("510", "5.0")
    assert one(root, "eml:TransactionId") == "42"
    assert one(root, "eml:IssueDate") == "2021-05-08"
    assert one(root, "cd:CreationDateTime") == "2021-05-08T16:30:00+01:00"
    assert root.find("eml:Count/eml:EventIdentifier", NS).get("Id") == "mayor.liverpool.2021-05-06"
    identifier = root.find("eml:Count/eml:Election/eml:ElectionIdentifier", NS)
    assert identifier.get("Id") == "mayor.liverpool.2021-05-06"
    assert one(identifier, "eml:ElectionName") == "Election of the Mayor of Liverpool"
    assert one(identifier, "eml:ElectionCategory") == "MAYOR"
    contest_id = root.find("eml:Count/eml:Election/eml:Contests/eml:Contest/eml:ContestIdentifier", NS)
    assert contest_id.get("Id") == "mayor.liverpool.2021-05-06"
    assert one(contest_id, "eml:ContestName") == "Mayor of Liverpool"


def test_liverpool_carries_every_published_figure():
    election, contest, result = liverpool_result()
    root = parse(to_eml_510(election, [(contest, result)], issued_at=DECLARED_AT, transaction_id="1"))
    contest_element = root.find(".//eml:Contest", NS)
    total = contest_element.find("eml:TotalVotes", NS)
    units = contest_element.findall("eml:ReportingUnitVotes", NS)
    assert len(units) == 1
    assert units[0].find("eml:ReportingUnitIdentifier", NS).text == "Liverpool"
    for block in (total, units[0]):
        got = figures(block)
        assert got["anderson-j"] == {"ValidVotes": "38958", "FirstPreferences": "38958",
                                     "SecondPreferenceTransfers": "7535", "FinalTotal": "46493"}
        assert got["yip-s"] == {"ValidVotes": "22047", "FirstPreferences": "22047",
                                "SecondPreferenceTransfers": "10032", "FinalTotal": "32079"}
        assert got["kemp-r"] == {"ValidVotes": "17166", "FirstPreferences": "17166"}
        assert sum(int(f["ValidVotes"]) for f in got.values()) == 101173
        assert one(block, "eml:Cast") == "102600"
        assert one(block, "eml:TotalCounted") == "101173"
        assert sum(rejected(block).values()) == 1427 == int(one(block, "cd:RejectedTotal"))
        assert list(rejected(block)) == list(REJECTED_HEADS)
        # The standard figures add up on their own: valid + rejected = papers counted.
        assert int(one(block, "eml:TotalCounted")) + 1427 == int(one(block, "cd:BallotPapersCounted"))
        assert one(block, "cd:NonTransferable") == "22601"
        assert one(block, "cd:Electorate") == "336283"
        assert one(block, "cd:TurnoutPercent") == "30.51"
        assert one(block, "cd:Status") == "elected"
        (second_rejected,) = block.findall("cd:SecondPreferenceRejected", NS)
        assert second_rejected.text == "0" and "void for uncertainty as to the second" in second_rejected.get("Reason")


def test_rejected_heads_carry_their_statutory_wording():
    election, contest, result = liverpool_result()
    root = parse(to_eml_510(election, [(contest, result)], issued_at=DECLARED_AT, transaction_id="1"))
    heads = root.findall(".//eml:TotalVotes/eml:RejectedVotes", NS)
    reasons = {r.get("ReasonCode"): r.get("Reason") for r in heads}
    assert reasons["too_many_votes"] == "Voting for more than one candidate as to the first preference vote"
    assert reasons["want_of_official_mark"] == "Want of an official mark"
    # A local authority mayor has four heads: unmarked and void for uncertainty are one (SI 2007/1024
    # Sch 1 r.48), so both keys carry that head's words.
    one_head = "Unmarked or void for uncertainty as to the first preference vote"
    assert reasons["unmarked"] == reasons["void_for_uncertainty"] == one_head


def test_the_election_category_comes_from_the_offices_not_the_id():
    election, contest, result = liverpool_result()
    renamed = replace(contest, id="x.2021-05-06", office=Office.PCC)
    root = parse(to_eml_510(election, [(renamed, replace(result, contest_id=renamed.id))],
                            issued_at=DECLARED_AT, transaction_id="1"))
    assert root.find(".//eml:ElectionCategory", NS).text == "PCC"


def test_collated_contest_has_a_reporting_unit_per_area_that_adds_up_to_the_total():
    election, contest, result = lcr_collated()
    areas = [(c.election.area, lcr_area(c.election.area)[2]) for c in lcr_areas()]
    root = parse(to_eml_510(election, [EmlContest(contest, result, areas)], issued_at=DECLARED_AT,
                            transaction_id="7"))
    contest_element = root.find(".//eml:Contest", NS)
    units = contest_element.findall("eml:ReportingUnitVotes", NS)
    assert [u.find("eml:ReportingUnitIdentifier", NS).text for u in units] == [
        "Halton", "Knowsley", "Liverpool", "Sefton", "St Helens", "Wirral"]
    assert units[-1].find("eml:ReportingUnitIdentifier", NS).get("Id") == "wirral"
    total = figures(contest_element.find("eml:TotalVotes", NS))
    assert total["rotheram-s"]["ValidVotes"] == "198736"
    assert "FinalTotal" not in total["rotheram-s"]  # elected on first preferences: no second round
    for cid in total:
        assert sum(int(figures(u)[cid]["ValidVotes"]) for u in units) == int(total[cid]["ValidVotes"])
    assert sum(int(one(u, "eml:TotalCounted")) for u in units) == 340698
    wirral = figures(units[-1])
    assert wirral["rotheram-s"]["ValidVotes"] == "44046"  # published Wirral figure


def test_fptp_ward_figures_and_names_that_need_escaping():
    election, contest, result = ward_result()
    document = to_eml_510(election, [(contest, result)], issued_at=DECLARED_AT, transaction_id="3")
    assert b"&amp;" in document and b"&lt;Sons&gt;" in document
    root = parse(document)
    total = root.find(".//eml:TotalVotes", NS)
    names = [n.text for n in total.findall("eml:Selection/eml:Candidate/eml:CandidateIdentifier/eml:CandidateName",
                                           NS)]
    assert names[3] == AWKWARD_NAME
    parties = [n.text for n in total.findall(".//eml:Affiliation/eml:AffiliationIdentifier/eml:RegisteredName",
                                             NS)]
    assert AWKWARD_PARTY in parties
    assert len(parties) == 5  # candidate f has no description, so no Affiliation
    got = figures(total)
    assert {cid: f["ValidVotes"] for cid, f in got.items()} == {
        "a": "1500", "b": "1420", "c": "1300", "d": "1299", "e": "640", "f": "210"}
    assert all(set(f) == {"ValidVotes"} for f in got.values())  # no SV extensions on FPTP
    assert one(total, "eml:Cast") == "2150"
    assert one(total, "eml:TotalCounted") == "2137"
    assert rejected(total) == {"want_of_official_mark": 1, "too_many_votes": 7, "identifiable": 1,
                               "unmarked": 2, "void_for_uncertainty": 2}
    assert one(total, "cd:RejectedInPart") == "3"
    assert one(total, "cd:TurnoutPercent") == "25.00"
    assert total.find("cd:NonTransferable", NS) is None


def test_text_xml_cannot_carry_is_refused_not_written():
    election, contest, result = ward_result()
    bad = replace(contest, candidates=(Candidate("a", "Alice\x07ASHWORTH"), *contest.candidates[1:]))
    with pytest.raises(ValueError, match="control character"):
        to_eml_510(election, [(bad, result)], issued_at=DECLARED_AT, transaction_id="1")


def test_a_naive_issue_time_is_refused():
    election, contest, result = ward_result()
    with pytest.raises(ValueError, match="time zone"):
        to_eml_510(election, [(contest, result)], issued_at=datetime(2021, 5, 8), transaction_id="1")

"""NIST SP 1500-100 v2 export: valid against NIST's own schema, every reference resolves, and the
published figures are where a reader of the standard would look for them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from functools import lru_cache

import jsonschema
import pytest
from bundle_fixtures import (
    AWKWARD_PARTY,
    DECLARED_AT,
    NIST_SCHEMA,
    lcr_area,
    lcr_collated,
    liverpool_result,
    ward_result,
)

from countdesk.domain.model import Declaration
from countdesk.exchange.nist import to_nist


def declared(result):
    """The result as the count records it once the returning officer has declared it."""
    return replace(result, declared=Declaration(DECLARED_AT.isoformat(), "Returning Officer"))


@lru_cache(maxsize=1)
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(NIST_SCHEMA.read_text("utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid(report: dict) -> None:
    errors = sorted(validator().iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message[:200]}" for e in errors[:5])
    json.dumps(report)  # plain JSON types only


def index(report: dict) -> dict[str, dict]:
    """Every object with an @id, by id (ids must be unique across the report)."""
    found: dict[str, dict] = {}

    def walk(node):
        if isinstance(node, dict):
            if "@id" in node:
                assert node["@id"] not in found, f"duplicate @id {node['@id']}"
                found[node["@id"]] = node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(report)
    return found


def assert_references_resolve(report: dict) -> None:
    """The schema's refTypes are not checked by jsonschema: check each reference by hand."""
    objects = index(report)
    expected = {"GpUnitId": "ElectionResults.ReportingUnit", "ElectionDistrictId": "ElectionResults.ReportingUnit",
                "ElectionScopeId": "ElectionResults.ReportingUnit", "PartyId": "ElectionResults.Party",
                "PersonId": "ElectionResults.Person", "CandidateIds": "ElectionResults.Candidate",
                "ComposingGpUnitIds": "ElectionResults.ReportingUnit"}

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in expected:
                    for ref in value if isinstance(value, list) else [value]:
                        assert ref in objects, f"{key} {ref} refers to nothing"
                        assert objects[ref]["@type"] == expected[key], f"{key} {ref} has the wrong type"
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(report)


def counts_for(report: dict, contest_index: int = 0) -> dict[str, dict[str, int]]:
    """{candidate ballot name: {count label: figure}} where the label is OtherType or Type."""
    election = report["Election"][0]
    candidates = {c["@id"]: c["BallotName"]["Text"][0]["Content"] for c in election["Candidate"]}
    out = {}
    for selection in election["Contest"][contest_index]["ContestSelection"]:
        name = candidates[selection["CandidateIds"][0]]
        out[name] = {vc.get("OtherType", vc["Type"]): vc["Count"] for vc in selection["VoteCounts"]}
    return out


def ballot_counts(report: dict) -> dict[str, int]:
    result = {}
    for bc in report["Election"][0]["BallotCounts"]:
        label = bc.get("OtherType", bc["Type"])
        if label == "total":
            result[label] = (bc["BallotsCast"], bc["BallotsRejected"])
        else:
            result[label] = bc["BallotsRejected"]
    return result


def test_liverpool_second_round_validates_and_carries_the_published_figures():
    election, contest, result = liverpool_result()
    report = to_nist(election, [(contest, declared(result))], generated_at=DECLARED_AT)
    assert_valid(report)
    assert_references_resolve(report)
    assert report["Status"] == "certified" and report["Format"] == "summary-contest"
    assert report["GeneratedDate"] == "2021-05-08T16:30:00+01:00"
    nist_contest = report["Election"][0]["Contest"][0]
    assert nist_contest["VoteVariation"] == "other" and nist_contest["OtherVoteVariation"] == "supplementary-vote"
    assert (nist_contest["NumberElected"], nist_contest["VotesAllowed"]) == (1, 1)
    counts = counts_for(report)
    assert counts["Joanne ANDERSON"] == {"first-preferences": 38958, "second-preference-transfers": 7535,
                                         "total": 46493}
    assert counts["Stephen YIP"] == {"first-preferences": 22047, "second-preference-transfers": 10032,
                                     "total": 32079}
    assert counts["Richard KEMP"] == {"first-preferences": 17166}  # excluded after round 1
    assert sum(c["first-preferences"] for c in counts.values()) == 101173
    rejected = ballot_counts(report)
    assert rejected["total"] == (102600, 1427)
    assert sum(rejected[f"rejected-{h}"] for h in ("want-of-official-mark", "too-many-votes", "identifiable",
                                                    "unmarked", "void-for-uncertainty")) == 1427
    assert nist_contest["OtherCounts"][0]["Overvotes"] == rejected["rejected-too-many-votes"]
    assert nist_contest["OtherCounts"][0]["Undervotes"] == rejected["rejected-unmarked"]
    units = {u["@id"]: u for u in report["GpUnit"]}
    counted = units[nist_contest["OtherCounts"][0]["GpUnitId"]]
    assert (counted["VotersRegistered"], counted["VotersParticipated"]) == (336283, 102600)
    statuses = {c["BallotName"]["Text"][0]["Content"]: c.get("PostElectionStatus")
                for c in report["Election"][0]["Candidate"]}
    assert statuses["Joanne ANDERSON"] == "winner" and statuses["Stephen YIP"] == "defeated"


def test_an_undeclared_result_is_unofficial_and_its_winner_only_projected():
    election, contest, result = liverpool_result()
    report = to_nist(election, [(contest, result)], generated_at=DECLARED_AT)
    assert_valid(report)
    assert report["Status"] == "unofficial-partial"
    winner = next(c for c in report["Election"][0]["Candidate"] if c["@id"].endswith("anderson-j"))
    assert winner["PostElectionStatus"] == "projected-winner"


def test_lcr_area_and_collated_contest_validate():
    election, contest, result = lcr_area("Wirral")
    report = to_nist(election, [(contest, result)], generated_at=DECLARED_AT)
    assert_valid(report)
    assert_references_resolve(report)
    district_id = report["Election"][0]["Contest"][0]["ElectionDistrictId"]
    district = next(u for u in report["GpUnit"] if u["@id"] == district_id)
    assert (district["Type"], district["OtherType"]) == ("other", "combined-authority")
    counted = next(u for u in report["GpUnit"] if u.get("OtherType") == "counting-area")
    assert counted["Name"]["Text"][0]["Content"].startswith("Wirral")
    assert counted["@id"] in district["ComposingGpUnitIds"]

    election, contest, result = lcr_collated()
    report = to_nist(election, [(contest, declared(result))], generated_at=DECLARED_AT)
    assert_valid(report)
    counts = counts_for(report)
    # Elected on first preferences: no second round, the first preferences are the totals.
    assert counts["Steve ROTHERAM"] == {"first-preferences": 198736, "total": 198736}
    assert sum(c["first-preferences"] for c in counts.values()) == 340698


def test_fptp_three_seat_ward_validates_with_plurality_totals():
    election, contest, result = ward_result()
    report = to_nist(election, [(contest, declared(result))], generated_at=DECLARED_AT)
    assert_valid(report)
    assert_references_resolve(report)
    nist_contest = report["Election"][0]["Contest"][0]
    assert nist_contest["VoteVariation"] == "plurality"
    assert (nist_contest["NumberElected"], nist_contest["VotesAllowed"]) == (3, 3)
    counts = counts_for(report)
    assert [c["total"] for c in counts.values()] == [1500, 1420, 1300, 1299, 640, 210]
    winners = [c["@id"].rsplit("-", 1)[1] for c in report["Election"][0]["Candidate"]
               if c.get("PostElectionStatus") == "winner"]
    assert winners == ["a", "b", "c"]
    rejected = ballot_counts(report)
    assert rejected["total"] == (2150, 13)
    assert rejected["rejected-too-many-votes"] == 7 and rejected["rejected-in-part"] == 3
    ward = next(u for u in report["GpUnit"] if u["@id"] == nist_contest["ElectionDistrictId"])
    assert ward["Type"] == "ward"
    scope = next(u for u in report["GpUnit"] if u["@id"] == report["Election"][0]["ElectionScopeId"])
    assert scope["Type"] == "municipality" and ward["@id"] in scope["ComposingGpUnitIds"]


def test_parties_come_from_descriptions_but_independents_and_blanks_have_none():
    election, contest, result = ward_result()
    report = to_nist(election, [(contest, declared(result))], generated_at=DECLARED_AT)
    names = [p["Name"]["Text"][0]["Content"] for p in report["Party"]]
    assert names == ["Labour Party", "Conservative Party", "Green Party", AWKWARD_PARTY]
    no_party = [c["@id"] for c in report["Election"][0]["Candidate"] if "PartyId" not in c]
    assert [i.rsplit("-", 1)[1] for i in no_party] == ["e", "f"]


def test_several_contests_in_one_report_keep_ids_apart():
    liverpool = liverpool_result()
    ward = ward_result()
    report = to_nist(ward[0], [(ward[1], declared(ward[2])), liverpool[1:]], generated_at=DECLARED_AT)
    assert_valid(report)
    assert_references_resolve(report)
    assert report["Status"] == "unofficial-partial"  # one of the two is not declared
    assert len(report["Election"][0]["Contest"]) == 2


def test_a_naive_generated_at_is_refused():
    election, contest, result = liverpool_result()
    with pytest.raises(ValueError, match="time zone"):
        to_nist(election, [(contest, declared(result))], generated_at=datetime(2021, 5, 8, 16, 30))


def test_the_schema_check_is_not_vacuous():
    election, contest, result = liverpool_result()
    report = to_nist(election, [(contest, declared(result))], generated_at=DECLARED_AT)
    del report["Issuer"]
    report["Election"][0]["Contest"][0]["ContestSelection"][0]["VoteCounts"][0]["Type"] = "first-preferences"
    messages = [e.message for e in validator().iter_errors(report)]
    assert any("'Issuer' is a required property" in m for m in messages)
    assert len(messages) >= 2

"""The round-2 instruction: written by the collating officer, read and checked by each area."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from bundle_fixtures import BST, liverpool_result

from countdesk.domain.collation import merge_areas
from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, VotingSystem, frozen_map
from countdesk.domain.result import Status
from countdesk.domain.tally import tally_contest
from countdesk.errors import CountdeskError, ValidationError
from countdesk.exchange.round2 import (
    FORMAT,
    check_instruction_applies,
    check_round2_sheets,
    instruction_to_document,
    read_round2_instruction,
    round2_instruction_from_result,
    statutory_finalists,
    write_round2_instruction,
)

ISSUED_AT = datetime(2021, 5, 7, 16, 5, tzinfo=BST)
CONTEST_ID = "mayor.example-ca.2021-05-06"
CANDIDATES = (
    Candidate("smith-a", "Ann SMITH", "Labour Party"), Candidate("jones-b", "Bob JONES", "Green Party"),
    Candidate("brown-c", "Cat BROWN", "Liberal Democrats"), Candidate("green-d", "Dev GREEN", "Independent"),
)


def area(name: str, first: dict[str, int], *round2: CountSheet) -> Count:
    election = Election(CONTEST_ID, "Election of the Mayor of Example", date(2021, 5, 6), name)
    sheets = (CountSheet(f"{name[0]}-R1", 1, frozen_map(first)), *round2)
    verified = sum(first.values())  # verification and round 1 agree: the area's count is complete
    contest = Contest(CONTEST_ID, "Mayor of Example", VotingSystem.SV, 1, CANDIDATES,
                      (Box(f"{name[0]}-B1", verified=verified),), sheets)
    return Count(election, (contest,))


# Northtown + Southtown: Smith 21000+20000 = 41000, Jones 16000+14500 = 30500, Brown 11000+9000 = 20000,
# Green 6000+6000 = 12000; valid 103500, half 51750: no majority, so Smith and Jones go through.
NORTH = area("Northtown", {"smith-a": 21000, "jones-b": 16000, "brown-c": 11000, "green-d": 6000})
SOUTH = area("Southtown", {"smith-a": 20000, "jones-b": 14500, "brown-c": 9000, "green-d": 6000})


def collated_instruction():
    merged = merge_areas([NORTH, SOUTH])
    result = tally_contest(merged.election, merged.contests[0])
    return round2_instruction_from_result(merged.election, result, areas=["Northtown", "Southtown"],
                                          issued_at=ISSUED_AT, issued_by="Combined Authority Returning Officer")


def test_instruction_from_the_collated_result_round_trips_through_a_file(tmp_path):
    instruction = collated_instruction()
    assert instruction.finalists == ("smith-a", "jones-b")
    assert dict(instruction.first_preferences) == {"smith-a": 41000, "jones-b": 30500, "brown-c": 20000,
                                                   "green-d": 12000}
    path = write_round2_instruction(tmp_path / "round2.json", instruction)
    document = json.loads(path.read_text("utf-8"))
    assert document["format"] == FORMAT == "countdesk-round2/1"
    assert document["issued_at"] == "2021-05-07T16:05:00+01:00"
    assert document["areas"] == ["Northtown", "Southtown"]
    assert read_round2_instruction(path) == instruction


def test_an_area_applies_the_instruction_and_counts_round_2_for_those_finalists(tmp_path):
    instruction = read_round2_instruction(write_round2_instruction(tmp_path / "r2.json", collated_instruction()))
    round2 = CountSheet("N-R2", 2, frozen_map({"smith-a": 7000, "jones-b": 6500}), non_transferable=3500)
    north = area("Northtown", dict(NORTH.contests[0].sheets(1)[0].votes), round2)
    contest = north.contests[0]
    check_instruction_applies(instruction, north.election, contest)  # no error
    result = tally_contest(north.election, contest, instructed_finalists=instruction.finalists)
    assert result.finalists == ("smith-a", "jones-b")
    assert dict(result.final) == {"smith-a": 28000, "jones-b": 22500}


def test_sheets_for_another_finalist_set_are_refused_naming_the_sheet():
    _, contest, _ = liverpool_result()
    check_round2_sheets(contest, ("anderson-j", "yip-s"))  # the published finalists: accepted
    with pytest.raises(ValidationError) as caught:
        check_round2_sheets(contest, ("anderson-j", "kemp-r"))
    first_round2 = next(i for i, s in enumerate(contest.count_sheets) if s.round == 2)
    assert caught.value.where == f"count_sheets[{first_round2}]"
    assert f'round-2 sheet "{contest.count_sheets[first_round2].id}"' in caught.value.message
    assert "anderson-j, kemp-r" in caught.value.message


def test_a_sheet_with_three_finalists_when_two_were_named_is_refused():
    extra = CountSheet("S-R2", 2, frozen_map({"smith-a": 1, "jones-b": 1, "brown-c": 1}))
    south = area("Southtown", {"smith-a": 1, "jones-b": 1, "brown-c": 1, "green-d": 0}, extra)
    with pytest.raises(ValidationError, match='"S-R2" has figures for brown-c, jones-b, smith-a'):
        check_round2_sheets(south.contests[0], ("smith-a", "jones-b"))


def test_an_fptp_contest_or_unknown_finalists_are_refused():
    _, contest, _ = liverpool_result()
    with pytest.raises(ValidationError, match="not candidates"):
        check_round2_sheets(contest, ("anderson-j", "nobody-x"))
    with pytest.raises(ValidationError, match="not a supplementary-vote contest"):
        check_round2_sheets(replace(contest, system=VotingSystem.FPTP), ("anderson-j", "yip-s"))


def test_an_instruction_for_another_area_election_or_contest_is_refused():
    instruction = collated_instruction()
    elsewhere = area("Westtown", {"smith-a": 1, "jones-b": 1, "brown-c": 1, "green-d": 1})
    with pytest.raises(ValidationError, match='does not name this counting area, "Westtown"') as caught:
        check_instruction_applies(instruction, elsewhere.election, elsewhere.contests[0])
    assert caught.value.where == "areas"
    other_election = replace(NORTH.election, id="mayor.other-ca.2021-05-06")
    with pytest.raises(ValidationError, match="is for election"):
        check_instruction_applies(instruction, other_election, NORTH.contests[0])
    with pytest.raises(ValidationError, match="is for contest"):
        check_instruction_applies(instruction, NORTH.election, replace(NORTH.contests[0], id="other"))


def test_no_instruction_when_the_collated_result_has_a_majority():
    merged = merge_areas([NORTH, area("Southtown", {"smith-a": 90000, "jones-b": 1, "brown-c": 1, "green-d": 1})])
    result = tally_contest(merged.election, merged.contests[0])
    assert result.status is Status.ELECTED and result.elected_on_first
    with pytest.raises(CountdeskError, match="needs no second round"):
        round2_instruction_from_result(merged.election, result, areas=["Northtown", "Southtown"],
                                       issued_at=ISSUED_AT, issued_by="CARO")


def test_statutory_finalists():
    assert statutory_finalists({"a": 40, "b": 30, "c": 20, "d": 10}) == ("a", "b")
    assert statutory_finalists({"a": 40, "b": 25, "c": 25, "d": 10}) == ("a", "b", "c")  # tie for second
    assert statutory_finalists({"a": 30, "b": 30, "c": 30, "d": 10}) == ("a", "b", "c")  # three-way tie for first
    assert statutory_finalists({"a": 51, "b": 30, "c": 19}) is None  # more than half
    assert statutory_finalists({"a": 50, "b": 30, "c": 20}) == ("a", "b")  # exactly half is not a majority
    assert statutory_finalists({"a": 60, "b": 40}) is None  # two candidates: simple majority


def good_document() -> dict:
    return instruction_to_document(collated_instruction())


@pytest.mark.parametrize(
    ("change", "where", "fragment"),
    [
        (lambda d: d.update(extra=1), "round2", 'unknown key "extra"'),
        (lambda d: d.pop("areas"), "areas", "is missing"),
        (lambda d: d.update(format="countdesk-round2/2"), "format", 'must be "countdesk-round2/1"'),
        (lambda d: d.update(election_id="bad id!"), "election_id", "may only contain"),
        (lambda d: d.update(finalists=["smith-a"]), "finalists", "at least two"),
        (lambda d: d.update(finalists=["smith-a", "smith-a"]), "finalists[1]", "listed twice"),
        (lambda d: d.update(finalists=["smith-a", "nobody-x"]), "finalists[1]", "no first-preference figure"),
        (lambda d: d.update(finalists=["smith-a", "brown-c"]), "finalists",
         "make the finalists smith-a, jones-b, not smith-a, brown-c"),
        (lambda d: d["first_preferences"].update({"jones-b": -1}), "first_preferences.jones-b", "whole number"),
        (lambda d: d["first_preferences"].update({"jones-b": True}), "first_preferences.jones-b", "whole number"),
        (lambda d: d["first_preferences"].update({"smith-a": 100000}), "finalists", "need no second round"),
        (lambda d: d.update(areas=["Northtown", "Northtown"]), "areas[1]", "listed twice"),
        (lambda d: d.update(areas=[]), "areas", "must list"),
        (lambda d: d.update(issued_at="2021-05-07T16:05:00"), "issued_at", "UTC offset"),
        (lambda d: d.update(issued_at="yesterday"), "issued_at", "UTC offset"),
        (lambda d: d.update(issued_by="  "), "issued_by", "non-empty"),
        (lambda d: d.update(issued_by="CARO\x1b[2J"), "issued_by", "control character"),
    ],
)
def test_a_bad_instruction_file_is_refused_with_the_field_named(tmp_path, change, where, fragment):
    document = good_document()
    change(document)
    path = tmp_path / "round2.json"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(ValidationError) as caught:
        read_round2_instruction(path)
    assert caught.value.where == where
    assert fragment in caught.value.message


def test_files_that_are_not_instructions_are_refused(tmp_path):
    path = tmp_path / "round2.json"
    path.write_bytes(b'{"format": "countdesk-round2/1",')
    with pytest.raises(ValidationError, match=r"line 1, column \d+: not valid JSON"):
        read_round2_instruction(path)
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ValidationError, match="not UTF-8"):
        read_round2_instruction(path)
    path.write_text('{"format": "a", "format": "b"}', "utf-8")
    with pytest.raises(ValidationError, match='key "format" appears twice'):
        read_round2_instruction(path)
    path.write_text("[]", "utf-8")
    with pytest.raises(ValidationError, match="must be a JSON object"):
        read_round2_instruction(path)
    with pytest.raises(ValidationError, match="cannot be read"):
        read_round2_instruction(tmp_path / "missing.json")

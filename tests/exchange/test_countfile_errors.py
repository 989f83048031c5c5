"""Each kind of bad count document gives one exact, located message (docs/count-file.md).

Every case starts from a valid document and breaks one thing, so the message can only come from
that one fault."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from countdesk.errors import ValidationError
from countdesk.exchange import parse_count_document

LIVERPOOL = json.loads(
    (Path(__file__).parent.parent / "golden" / "liverpool-mayor-2021-countdesk-2" / "count.json")
    .read_text(encoding="utf-8")
)

#: A two-seat ward: the FPTP-only keys (papers, rejected_in_part) are legal here.
WARD = {
    "format": "countdesk/2",
    "election": {"id": "local.testshire.2022-05-05", "title": "Testshire Council elections",
                 "poll_date": "2022-05-05", "area": "Testshire"},
    "contests": [{
        "id": "north", "title": "North ward", "office": "council", "counting": "whole", "system": "fptp", "seats": 2,
        "candidates": [{"id": "a", "name": "Ann ASHE"}, {"id": "b", "name": "Bryn BEVAN"},
                       {"id": "c", "name": "Cai CADWALADR"}],
        "count_sheets": [{"id": "S1", "round": 1, "papers": 50, "votes": {"a": 40, "b": 30, "c": 20},
                          "rejected": {"unmarked": 1}, "rejected_in_part": 2}],
    }],
}


def contest(doc: dict) -> dict:
    return doc["contests"][0]


def sheet(doc: dict, index: int = 3) -> dict:
    return contest(doc)["count_sheets"][index]


ROUND_2 = 20  # Liverpool's first round-2 sheet
LEGACY_LIVERPOOL = json.loads(
    (Path(__file__).parent.parent / "golden" / "liverpool-mayor-2021" / "count.json").read_text(encoding="utf-8")
)

CASES: list[tuple[str, dict, Callable[[dict], None], str]] = [
    ("unknown candidate on a sheet", LIVERPOOL,
     lambda d: sheet(d)["votes"].update({"smith-x": 1}),
     'contests[0].count_sheets[3].votes: unknown candidate "smith-x"'),
    ("a sheet missing a candidate", LIVERPOOL,
     lambda d: sheet(d)["votes"].pop("yip-s"),
     "contests[0].count_sheets[3].votes: missing candidate \"yip-s\": a round-1 sheet gives every "
     "candidate's votes (0 for none)"),
    ("negative figure", LIVERPOOL,
     lambda d: sheet(d)["votes"].update({"yip-s": -1}),
     'contests[0].count_sheets[3].votes["yip-s"]: must be a whole number 0 or more'),
    ("figure written with a decimal point", LIVERPOOL,
     lambda d: sheet(d)["votes"].update({"yip-s": 3.0}),
     'contests[0].count_sheets[3].votes["yip-s"]: must be a whole number 0 or more'),
    ("fractional figure", LIVERPOOL,
     lambda d: contest(d)["boxes"][0].update(verified=2.5),
     "contests[0].boxes[0].verified: must be a whole number 0 or more, or null"),
    ("boolean as a figure", LIVERPOOL,
     lambda d: sheet(d)["rejected"].update(unmarked=True),
     "contests[0].count_sheets[3].rejected.unmarked: must be a whole number 0 or more"),
    ("figure as a string", LIVERPOOL,
     lambda d: contest(d).update(electorate="336283"),
     "contests[0].electorate: must be a whole number 0 or more"),
    ("figure beyond what JSON readers keep exactly", LIVERPOOL,
     lambda d: contest(d).update(electorate=2**53),
     "contests[0].electorate: is too large: a count file's figures go up to 9007199254740991"),
    ("SV with two seats", LIVERPOOL,
     lambda d: contest(d).update(seats=2),
     "contests[0].seats: a supplementary vote (sv) contest has exactly one seat, not 2"),
    ("no seats", WARD,
     lambda d: contest(d).update(seats=0),
     "contests[0].seats: must be a whole number from 1 to 1000"),
    ("unknown key", LIVERPOOL,
     lambda d: contest(d)["boxes"][4].update(colour="red"),
     'contests[0].boxes[4]: unknown key "colour"'),
    ("unknown rejected head", LIVERPOOL,
     lambda d: sheet(d)["rejected"].update(torn=1),
     'contests[0].count_sheets[3].rejected: unknown head "torn" (the heads are want_of_official_mark, '
     "too_many_votes, identifiable, unmarked, void_for_uncertainty)"),
    ("missing required key", LIVERPOOL,
     lambda d: sheet(d).pop("votes"),
     'contests[0].count_sheets[3]: missing required key "votes"'),
    ("missing election area", LIVERPOOL,
     lambda d: d["election"].pop("area"),
     'election: missing required key "area"'),
    ("duplicate candidate id", LIVERPOOL,
     lambda d: contest(d)["candidates"][3].update(id="burgess-k"),
     'contests[0].candidates[3].id: duplicate candidate id "burgess-k" (candidates[2] has it too)'),
    ("duplicate box id", LIVERPOOL,
     lambda d: contest(d)["boxes"][9].update(id="LIV002"),
     'contests[0].boxes[9].id: duplicate box id "LIV002" (boxes[1] has it too)'),
    ("duplicate sheet id", LIVERPOOL,
     lambda d: sheet(d, 5).update(id=sheet(d, 0)["id"]),
     'contests[0].count_sheets[5].id: duplicate sheet id "T01-R1" (count_sheets[0] has it too)'),
    ("duplicate contest id", WARD,
     lambda d: d["contests"].append(copy.deepcopy(contest(d))),
     'contests[1].id: duplicate contest id "north" (contests[0] has it too)'),
    ("id with a space", LIVERPOOL,
     lambda d: contest(d)["boxes"][0].update(id="LIV 001"),
     'contests[0].boxes[0].id: may only contain letters, digits, ".", "-" and "_" (found " ")'),
    ("empty id", LIVERPOOL,
     lambda d: contest(d)["boxes"][0].update(id=""),
     "contests[0].boxes[0].id: must not be empty"),
    ("control character in a name", LIVERPOOL,
     lambda d: contest(d)["candidates"][1].update(name="Roger\x07BANNISTER"),
     "contests[0].candidates[1].name: contains a control character (U+0007)"),
    ("line break at the end of a label", LIVERPOOL,
     lambda d: contest(d)["boxes"][1].update(label="Allerton\n"),
     "contests[0].boxes[1].label: contains a control character (U+000A)"),
    ("text-direction override in a description", LIVERPOOL,
     lambda d: contest(d)["candidates"][0].update(description="Labour \u202eytraP"),
     "contests[0].candidates[0].description: contains a text-direction control character (U+202E)"),
    ("blank name", LIVERPOOL,
     lambda d: contest(d)["candidates"][4].update(name="   "),
     "contests[0].candidates[4].name: must not be blank"),
    ("poll date not ISO", LIVERPOOL,
     lambda d: d["election"].update(poll_date="06/05/2021"),
     'election.poll_date: must be a date written YYYY-MM-DD, e.g. "2021-05-06"'),
    ("poll date that does not exist", LIVERPOOL,
     lambda d: d["election"].update(poll_date="2021-02-29"),
     'election.poll_date: is not a real date ("2021-02-29")'),
    ("unknown system", LIVERPOOL,
     lambda d: contest(d).update(system="stv"),
     'contests[0].system: must be "sv" or "fptp" or "referendum"'),
    ("round 3", LIVERPOOL,
     lambda d: sheet(d).update(round=3),
     "contests[0].count_sheets[3].round: must be 1 or 2"),
    ("round 2 in an FPTP contest", WARD,
     lambda d: contest(d)["count_sheets"].append({"id": "S2", "round": 2, "votes": {"a": 1}}),
     "contests[0].count_sheets[1].round: round 2 is only for supplementary vote (sv) contests"),
    ("unknown candidate on a round-2 sheet", LIVERPOOL,
     lambda d: sheet(d, ROUND_2)["votes"].update({"kemp-x": 4}),
     f'contests[0].count_sheets[{ROUND_2}].votes: unknown candidate "kemp-x"'),
    ("non_transferable on round 1", LIVERPOOL,
     lambda d: sheet(d).update(non_transferable=1),
     "contests[0].count_sheets[3].non_transferable: is only for round-2 sheets"),
    ("second_rejected on round 1", LIVERPOOL,
     lambda d: sheet(d).update(second_rejected=1),
     "contests[0].count_sheets[3].second_rejected: is only for round-2 sheets"),
    ("second_not_counted in a countdesk/2 file", LIVERPOOL,
     lambda d: sheet(d, ROUND_2).update(second_not_counted={"too_many_votes": 1}),
     f'contests[0].count_sheets[{ROUND_2}]: unknown key "second_not_counted"'),
    ("second_rejected above non_transferable", LIVERPOOL,
     lambda d: sheet(d, ROUND_2).update(second_rejected=sheet(d, ROUND_2)["non_transferable"] + 1),
     f"contests[0].count_sheets[{ROUND_2}].second_rejected: 1,046 papers rejected at the second stage, but "
     "only 1,045 non-transferable: they are a part of the non-transferable papers, never more"),
    ("second_not_counted on round 1 (countdesk/1)", LEGACY_LIVERPOOL,
     lambda d: sheet(d).update(second_not_counted={"too_many_votes": 1}),
     "contests[0].count_sheets[3].second_not_counted: is only for round-2 sheets"),
    ("unknown second_not_counted head (countdesk/1)", LEGACY_LIVERPOOL,
     lambda d: sheet(d, ROUND_2).update(second_not_counted={"unmarked": 1}),
     f'contests[0].count_sheets[{ROUND_2}].second_not_counted: unknown head "unmarked" '
     "(the heads are too_many_votes, void_for_uncertainty)"),
    ("no office", LIVERPOOL,
     lambda d: contest(d).pop("office"),
     'contests[0]: missing required key "office"'),
    ("an unknown office", LIVERPOOL,
     lambda d: contest(d).update(office="mayor"),
     'contests[0].office: must be "parliament" or "council" or "local_mayor" or "combined_authority_mayor" or '
     '"pcc" or "referendum"'),
    ("a local count of a local mayor", LIVERPOOL,
     lambda d: contest(d).update(counting="local"),
     'contests[0].counting: a local count is one area of a collated PCC or combined-authority mayoral poll; '
     'office "local_mayor" is counted as a whole ("counting": "whole")'),
    ("a question outside a referendum", LIVERPOOL,
     lambda d: contest(d).update(question="Do you agree?"),
     'contests[0].question: is only for referendums (system "referendum")'),
    ("a referendum counted as fptp", WARD,
     lambda d: contest(d).update(office="referendum", seats=1),
     'contests[0].system: a referendum (office "referendum") is counted with system "referendum"'),
    ("a referendum without a question", WARD,
     lambda d: contest(d).update(office="referendum", system="referendum", seats=1,
                                 candidates=[{"id": "yes", "name": "Yes"}, {"id": "no", "name": "No"}],
                                 count_sheets=[]),
     'contests[0]: missing required key "question": a referendum gives its question as on the ballot paper'),
    ("a referendum with three answers", WARD,
     lambda d: contest(d).update(office="referendum", system="referendum", seats=1, question="Agree?",
                                 count_sheets=[]),
     "contests[0].candidates: a referendum has two answers (yes and no), not 3"),
    ("an unknown nation", WARD,
     lambda d: d["election"].update(nation="scotland"),
     'election.nation: must be "england" or "wales"'),
    ("an accepted difference at an unknown stage", WARD,
     lambda d: contest(d).update(accepted_differences=[{
         "stage": "round3", "counted": 1, "expected": 2, "reason": "r", "accepted_by": "RO",
         "accepted_at": "2021-05-08T13:40:00+01:00"}]),
     'contests[0].accepted_differences[0].stage: must be "round1" or "round2"'),
    ("a declaration time without its offset", WARD,
     lambda d: contest(d).update(declared={"at": "2021-05-08 14:30", "by": "RO"}),
     'contests[0].declared.at: must be a date and time with its offset, e.g. "2021-05-08T14:02:00+01:00"'),
    ("rejected papers on round 2", LIVERPOOL,
     lambda d: sheet(d, ROUND_2).update(rejected={"unmarked": 1}),
     f"contests[0].count_sheets[{ROUND_2}].rejected: is only for round-1 sheets"),
    ("rejected_in_part on an SV sheet", LIVERPOOL,
     lambda d: sheet(d).update(rejected_in_part=1),
     "contests[0].count_sheets[3].rejected_in_part: is only for round-1 sheets of fptp contests "
     "with 2 or more seats"),
    ("rejected_in_part on a one-seat ward", WARD,
     lambda d: contest(d).update(seats=1),
     "contests[0].count_sheets[0].rejected_in_part: is only for round-1 sheets of fptp contests "
     "with 2 or more seats"),
    ("papers missing on a multi-seat ward", WARD,
     lambda d: contest(d)["count_sheets"][0].pop("papers"),
     'contests[0].count_sheets[0]: missing required key "papers": on an fptp contest with 2 or more '
     "seats each round-1 sheet gives its number of ballot papers"),
    ("lot naming an unknown candidate", WARD,
     lambda d: contest(d).update(lots=[{"tied": ["b", "z"], "winners": ["b"]}]),
     'contests[0].lots[0].tied: unknown candidate "z"'),
    ("lot between one candidate", WARD,
     lambda d: contest(d).update(lots=[{"tied": ["b"], "winners": ["b"]}]),
     "contests[0].lots[0].tied: must name at least two candidates"),
    ("lot naming a candidate twice", WARD,
     lambda d: contest(d).update(lots=[{"tied": ["b", "c", "b"], "winners": ["b"]}]),
     'contests[0].lots[0].tied: names "b" twice'),
    ("lot won by someone not tied", WARD,
     lambda d: contest(d).update(lots=[{"tied": ["b", "c"], "winners": ["a"]}]),
     'contests[0].lots[0].winners: "a" is not one of the tied candidates'),
    ("lot won by everyone", WARD,
     lambda d: contest(d).update(lots=[{"tied": ["b", "c"], "winners": ["c", "b"]}]),
     "contests[0].lots[0].winners: names every tied candidate: a lot leaves at least one of them out"),
    ("lot with no winner", WARD,
     lambda d: contest(d).update(lots=[{"tied": ["b", "c"], "winners": []}]),
     "contests[0].lots[0].winners: must name at least one candidate"),
    ("two lots between the same candidates", WARD,
     lambda d: contest(d).update(lots=[{"tied": ["b", "c"], "winners": ["b"]},
                                       {"tied": ["c", "b"], "winners": ["c"]}]),
     "contests[0].lots[1].tied: lots[0] already records a lot between the same candidates"),
    ("lot drawn_by not text", WARD,
     lambda d: contest(d).update(lots=[{"tied": ["b", "c"], "winners": ["b"], "drawn_by": 7}]),
     "contests[0].lots[0].drawn_by: must be text in double quotes"),
    ("postal not a boolean", LIVERPOOL,
     lambda d: contest(d)["boxes"][0].update(postal="no"),
     "contests[0].boxes[0].postal: must be true or false"),
    ("contests not a list", WARD,
     lambda d: d.update(contests={"north": {}}),
     "contests: must be a list ([…])"),
    ("a box not an object", LIVERPOOL,
     lambda d: contest(d)["boxes"].insert(0, "LIV000"),
     "contests[0].boxes[0]: must be an object ({…})"),
    ("another format version", WARD,
     lambda d: d.update(format="countdesk/3"),
     'format: "countdesk/3" is a format this version of countdesk does not read (it reads "countdesk/2" and '
     '"countdesk/1")'),
    ("another kind of file", WARD,
     lambda d: d.update(format="geojson"),
     'format: must be "countdesk/2"'),
    ("no format", WARD,
     lambda d: d.pop("format"),
     'missing required key "format": a count file starts "format": "countdesk/2"'),
]


@pytest.mark.parametrize("base, mutate, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_document_gives_the_located_message(base: dict, mutate, expected: str):
    doc = copy.deepcopy(base)
    mutate(doc)
    with pytest.raises(ValidationError) as caught:
        parse_count_document(doc)
    assert str(caught.value) == expected


def test_the_unbroken_bases_are_valid():
    # Every located error above comes from breaking one of these, so each must be valid as it stands.
    for base in (LIVERPOOL, WARD):
        count = parse_count_document(copy.deepcopy(base))
        assert [c.id for c in count.contests] == [c["id"] for c in base["contests"]]
        assert [(c.id, c.name) for c in count.contests[0].candidates] == [
            (c["id"], c["name"]) for c in base["contests"][0]["candidates"]]


def test_a_count_being_set_up_may_have_no_contests_or_no_candidates_yet():
    doc = copy.deepcopy(WARD)
    contest(doc).update(candidates=[], count_sheets=[])
    assert parse_count_document(doc).contests[0].candidates == ()
    doc["contests"] = []
    assert parse_count_document(doc).contests == ()


def test_a_round_2_sheet_may_state_its_papers():
    # count-file.md: `papers` is optional outside multi-seat fptp, on any sheet.
    doc = copy.deepcopy(LIVERPOOL)
    sheet(doc, ROUND_2)["papers"] = 1923
    assert parse_count_document(doc).contests[0].count_sheets[ROUND_2].papers == 1923


def test_error_keeps_where_and_message_apart():
    doc = copy.deepcopy(LIVERPOOL)
    sheet(doc)["votes"]["smith-x"] = 1
    with pytest.raises(ValidationError) as caught:
        parse_count_document(doc)
    assert caught.value.where == "contests[0].count_sheets[3].votes"
    assert caught.value.message == 'unknown candidate "smith-x"'


@pytest.mark.parametrize("value", [[], "countdesk/1", None, 3])
def test_a_document_that_is_not_an_object(value):
    with pytest.raises(ValidationError, match=r'^a count file is a JSON object \(\{…\}\) starting "format"'):
        parse_count_document(value)


class TestFirstErrorInDocumentOrder:
    def test_an_earlier_cross_reference_fault_beats_a_later_structural_one(self):
        doc = copy.deepcopy(LIVERPOOL)
        sheet(doc, 2)["votes"]["smith-x"] = 1
        sheet(doc, 10)["votes"]["yip-s"] = -5
        with pytest.raises(ValidationError, match=r"^contests\[0\]\.count_sheets\[2\]\.votes: unknown"):
            parse_count_document(doc)

    def test_an_earlier_structural_fault_beats_a_later_cross_reference_one(self):
        doc = copy.deepcopy(LIVERPOOL)
        sheet(doc, 2)["votes"]["yip-s"] = -5
        sheet(doc, 10)["votes"]["smith-x"] = 1
        with pytest.raises(ValidationError, match=r'^contests\[0\]\.count_sheets\[2\]\.votes\["yip-s"\]: must'):
            parse_count_document(doc)

    def test_order_follows_the_file_not_the_schema(self):
        # The contests key comes before the election key in this file, so its fault is first.
        doc = copy.deepcopy(WARD)
        doc = {"format": doc["format"], "contests": doc["contests"], "election": doc["election"]}
        doc["election"]["title"] = ""
        contest(doc)["candidates"][2]["name"] = ""
        with pytest.raises(ValidationError, match=r"^contests\[0\]\.candidates\[2\]\.name: must not be blank"):
            parse_count_document(doc)

    def test_within_an_object_the_earlier_key_wins(self):
        doc = copy.deepcopy(LIVERPOOL)
        box = contest(doc)["boxes"][0]  # keys: id, label, postal, ballot_paper_account, verified
        box["verified"] = -1
        box["label"] = 5
        with pytest.raises(ValidationError, match=r"^contests\[0\]\.boxes\[0\]\.label: must be text"):
            parse_count_document(doc)

    def test_a_typo_in_a_candidate_id_is_reported_as_the_unknown_candidate(self):
        # The typo also leaves the real id missing; the unknown one is the pointer a user needs.
        doc = copy.deepcopy(LIVERPOOL)
        votes = sheet(doc)["votes"]
        sheet(doc)["votes"] = {("yip-x" if k == "yip-s" else k): v for k, v in votes.items()}
        with pytest.raises(ValidationError, match=r'votes: unknown candidate "yip-x"$'):
            parse_count_document(doc)

    def test_a_fault_in_the_candidate_list_is_not_echoed_as_unknown_candidates(self):
        doc = copy.deepcopy(LIVERPOOL)
        contest(doc)["candidates"][6]["id"] = "yip s"  # every sheet names "yip-s"
        with pytest.raises(ValidationError) as caught:
            parse_count_document(doc)
        assert caught.value.where == "contests[0].candidates[6].id"


def test_a_dotted_key_is_quoted_in_the_path():
    doc = copy.deepcopy(WARD)
    contest(doc)["candidates"][0]["id"] = "a.b"
    contest(doc)["count_sheets"][0]["votes"] = {"a.b": "x", "b": 1, "c": 1}
    with pytest.raises(ValidationError) as caught:
        parse_count_document(doc)
    assert caught.value.where == 'contests[0].count_sheets[0].votes["a.b"]'


def test_quoted_user_text_is_escaped_and_shortened():
    doc = copy.deepcopy(WARD)
    contest(doc)["count_sheets"][0]["votes"]["x\x1b[31m" + "y" * 100] = 1
    with pytest.raises(ValidationError) as caught:
        parse_count_document(doc)
    assert caught.value.message == 'unknown candidate "x\\u001b[31m' + "y" * 54 + '…"'  # 60 characters kept

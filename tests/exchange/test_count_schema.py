"""The JSON Schema shipped in the package: valid, found as package data, in step with the code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from strategies import damaged_documents

from countdesk.domain.model import REJECTED_HEADS, SECOND_NOT_COUNTED_HEADS
from countdesk.exchange import load_schema
from countdesk.exchange.countfile_schema import _validator
from countdesk.exchange.text_rules import MAX_ID_LENGTH, MAX_TEXT_LENGTH

GOLDEN = Path(__file__).parent.parent / "golden"
EXAMPLES = [
    GOLDEN / "liverpool-mayor-2021" / "count.json", *sorted((GOLDEN / "lcr-mayor-2021" / "areas").glob("*.json"))
]

#: Keywords countdesk turns into plain-English messages (countfile_schema._translate), and the
#: ones that only annotate. A new keyword in the schema must be added to one list or the other.
PHRASED = {"required", "additionalProperties", "pattern", "minLength", "maxLength", "minItems",
           "uniqueItems", "type", "minimum", "maximum", "enum", "const"}
STRUCTURE = {"$schema", "$id", "$defs", "$ref", "title", "description", "properties", "items"}


def keywords(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            out.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values():
                    keywords(sub, out)
            elif isinstance(value, (dict, list)) and key not in ("enum", "required", "const"):
                keywords(value, out)
    elif isinstance(node, list):
        for item in node:
            keywords(item, out)
    return out


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_the_schema_file_sits_where_package_data_ships_it():
    import countdesk

    shipped = Path(countdesk.__file__).parent / "schema" / "countdesk-1.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == load_schema()


def test_every_validating_keyword_has_a_plain_english_message():
    assert keywords(load_schema(), set()) <= PHRASED | STRUCTURE


def test_heads_and_lengths_match_the_code():
    defs = load_schema()["$defs"]
    sheet = defs["count_sheet"]["properties"]
    assert tuple(sheet["rejected"]["properties"]) == REJECTED_HEADS
    assert tuple(sheet["second_not_counted"]["properties"]) == SECOND_NOT_COUNTED_HEADS
    assert defs["id"]["maxLength"] == MAX_ID_LENGTH
    assert defs["text"]["maxLength"] == MAX_TEXT_LENGTH


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_plain_json_schema_validator_accepts_the_examples(path: Path):
    # What an outside tool sees: the schema alone, no countdesk code.
    errors = list(Draft202012Validator(load_schema()).iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    assert errors == []


def test_a_plain_json_schema_validator_rejects_an_unknown_key():
    doc = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    doc["contests"][0]["candidates"][0]["party"] = "Labour"
    assert not Draft202012Validator(load_schema()).is_valid(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_documents())
def test_the_inlined_schema_countdesk_runs_finds_the_same_faults_as_the_file(doc):
    # countdesk validates with the $refs inlined (for speed); it must mean the same as the file.
    def faults(validator):
        return sorted(
            (list(e.absolute_path), e.validator, str(e.validator_value)) for e in validator.iter_errors(doc)
        )

    # The same validator class over the schema with its $refs left as written.
    assert faults(_validator()) == faults(type(_validator())(load_schema()))

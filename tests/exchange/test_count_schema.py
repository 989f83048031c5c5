"""The JSON Schemas shipped in the package (countdesk/2, and countdesk/1 still read): valid, found
as package data, in step with the code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from strategies import damaged_documents

from countdesk.domain.model import LEGACY_SECOND_NOT_COUNTED_HEADS, REJECTED_HEADS, Counting, Office, VotingSystem
from countdesk.domain.text_rules import MAX_ID_LENGTH, MAX_TEXT_LENGTH
from countdesk.exchange import load_schema
from countdesk.exchange.countfile_schema import _validator

GOLDEN = Path(__file__).parent.parent / "golden"
EXAMPLES = [
    GOLDEN / "liverpool-mayor-2021-countdesk-2" / "count.json",
    *sorted((GOLDEN / "lcr-mayor-2021-countdesk-2" / "areas").glob("*.json")),
]
LEGACY_EXAMPLES = [
    GOLDEN / "liverpool-mayor-2021" / "count.json", *sorted((GOLDEN / "lcr-mayor-2021" / "areas").glob("*.json"))
]
VERSIONS = ("countdesk/2", "countdesk/1")

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


@pytest.mark.parametrize("version", VERSIONS)
def test_the_schema_is_a_valid_draft_2020_12_schema(version):
    schema = load_schema(version)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["format"] == {"const": version}
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("version", VERSIONS)
def test_the_schema_file_sits_where_package_data_ships_it(version):
    import countdesk

    name = version.replace("/", "-") + ".schema.json"
    shipped = Path(countdesk.__file__).parent / "schema" / name
    assert json.loads(shipped.read_text(encoding="utf-8")) == load_schema(version)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_validating_keyword_has_a_plain_english_message(version):
    assert keywords(load_schema(version), set()) <= PHRASED | STRUCTURE


def test_heads_and_lengths_match_the_code():
    defs = load_schema()["$defs"]
    sheet = defs["count_sheet"]["properties"]
    assert tuple(sheet["rejected"]["properties"]) == REJECTED_HEADS
    assert "second_not_counted" not in sheet and sheet["second_rejected"] == {"$ref": "#/$defs/figure"}
    legacy_sheet = load_schema("countdesk/1")["$defs"]["count_sheet"]["properties"]
    assert tuple(legacy_sheet["second_not_counted"]["properties"]) == LEGACY_SECOND_NOT_COUNTED_HEADS
    assert defs["id"]["maxLength"] == MAX_ID_LENGTH
    assert defs["text"]["maxLength"] == MAX_TEXT_LENGTH


def test_offices_counting_roles_and_systems_match_the_code():
    contest = load_schema()["$defs"]["contest"]["properties"]
    assert contest["office"]["enum"] == [o.value for o in Office]
    assert contest["counting"]["enum"] == [c.value for c in Counting]
    assert contest["system"]["enum"] == [s.value for s in VotingSystem]


@pytest.mark.parametrize(
    "path, version", [(p, "countdesk/2") for p in EXAMPLES] + [(p, "countdesk/1") for p in LEGACY_EXAMPLES],
    ids=lambda p: p.parent.parent.name + "/" + p.stem if isinstance(p, Path) else p,
)
def test_a_plain_json_schema_validator_accepts_the_examples(path: Path, version):
    # What an outside tool sees: the schema alone, no countdesk code.
    doc = json.loads(path.read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(load_schema(version)).iter_errors(doc))
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
    assert faults(_validator("countdesk/2")) == faults(type(_validator("countdesk/2"))(load_schema()))

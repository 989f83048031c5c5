"""Properties of the count file: export then import is the identity, and validation is total
(any JSON value, any damaged document gives a Count or a ValidationError, never another error)."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import count_documents, counts

from countdesk.domain.model import Count
from countdesk.errors import ValidationError
from countdesk.exchange import count_to_document, dump_count_json, parse_count_bytes, parse_count_document

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Keys of the format, so random objects reach past the top level often enough to matter.
VOCABULARY = [
    "format", "election", "contests", "id", "title", "poll_date", "area", "returning_officer",
    "bilingual", "system", "seats", "electorate", "candidates", "boxes", "count_sheets", "lots",
    "name", "description", "label", "postal", "ballot_paper_account", "verified", "note", "round",
    "papers", "votes", "rejected", "rejected_in_part", "non_transferable", "second_not_counted",
    "tied", "winners", "drawn_by", "drawn_at", "witnesses", "unmarked", "too_many_votes",
]
keys = st.sampled_from(VOCABULARY) | st.text(max_size=4)
scalars = (
    st.none() | st.booleans() | st.integers(-3, 3) | st.integers()
    | st.floats() | st.sampled_from(["countdesk/1", "sv", "fptp", "2021-05-06", "a", ""]) | st.text(max_size=6)
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=30
)
#: A WHERE is empty or a path: words, [index] and ["quoted key"] steps.
WHERE = re.compile(r'|[A-Za-z_]\w*(\.[A-Za-z_]\w*|\[\d+\]|\["(?:[^"\\]|\\.)*…?"\])*')


def check_total(doc: object) -> Count | None:
    """Parse `doc`; the only failure allowed is a well-formed ValidationError."""
    try:
        return parse_count_document(doc)
    except ValidationError as error:
        assert error.message and "Traceback" not in error.message
        assert WHERE.fullmatch(error.where), error.where
        assert str(error) == (f"{error.where}: {error.message}" if error.where else error.message)
        return None


@settings(max_examples=60, deadline=None)
@given(counts())
def test_import_of_the_export_gives_back_the_same_count(count: Count):
    assert parse_count_document(count_to_document(count)) == count
    assert parse_count_bytes(dump_count_json(count).encode("utf-8")) == count


@settings(max_examples=40, deadline=None)
@given(count_documents())
def test_a_canonical_document_is_exported_unchanged(doc: dict):
    assert dump_count_json(parse_count_document(doc)) == json.dumps(doc, ensure_ascii=False, indent=1)


@FUZZ
@given(json_values)
def test_any_json_value_gives_a_count_or_a_validation_error(doc):
    check_total(doc)


@FUZZ
@given(st.fixed_dictionaries({"format": st.just("countdesk/1")}, optional={"election": json_values,
                                                                          "contests": json_values}))
def test_any_json_under_the_right_format_gives_a_count_or_a_validation_error(doc):
    check_total(doc)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _at(doc, path):
    for step in path:
        doc = doc[step]
    return doc


@st.composite
def damaged_documents(draw):
    """A valid document with one to three things broken: a value replaced by a near miss or by
    anything at all, a key or list item removed or duplicated, a key renamed or added."""
    doc = draw(count_documents())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(doc))))
        if not path:
            continue
        parent, step = _at(doc, path[:-1]), path[-1]
        action = draw(st.sampled_from(["replace", "near", "remove", "duplicate", "rename", "add"]))
        if action == "replace":
            parent[step] = draw(json_values)
        elif action == "near":
            parent[step] = draw(st.sampled_from([-1, 0, 1, 2, 3.0, True, None, "1", "", "a b", "x\n", [], {}]))
        elif action == "remove":
            del parent[step]
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(step, json.loads(json.dumps(parent[step])))
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(keys)] = parent.pop(step)
        elif action == "add" and isinstance(parent, dict):
            parent[draw(keys)] = draw(json_values)
    return doc


@FUZZ
@given(damaged_documents())
def test_a_damaged_document_gives_a_count_or_a_validation_error(doc):
    count = check_total(doc)
    if count is not None:
        # Whatever is accepted can be written and read back unchanged.
        assert parse_count_bytes(dump_count_json(count).encode("utf-8")) == count


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=200) | count_documents().map(lambda d: json.dumps(d).encode()[:-3]))
def test_any_bytes_give_a_count_or_a_validation_error(data: bytes):
    try:
        parse_count_bytes(data)
    except ValidationError as error:
        assert error.where.startswith("count file")

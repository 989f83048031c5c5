"""Properties of the count file: export then import is the identity, and validation is total
(any JSON value, any damaged document gives a Count or a ValidationError, never another error)."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import count_documents, counts, damaged_documents, json_values

from countdesk.domain.model import Count
from countdesk.errors import ValidationError
from countdesk.exchange import count_to_document, dump_count_json, parse_count_bytes, parse_count_document

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

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
    # A bare JSON value is never a count file: only a count-file object can pass.
    count = check_total(doc)
    assert count is None or (isinstance(doc, dict) and isinstance(count, Count))


@FUZZ
@given(st.fixed_dictionaries({"format": st.just("countdesk/1")}, optional={"election": json_values,
                                                                          "contests": json_values}))
def test_any_json_under_the_right_format_gives_a_count_or_a_validation_error(doc):
    count = check_total(doc)
    if count is not None:  # accepted only with an election, and then it reads back unchanged
        assert "election" in doc
        assert parse_count_bytes(dump_count_json(count).encode("utf-8")) == count


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

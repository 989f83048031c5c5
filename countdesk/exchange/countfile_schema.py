"""The structural half of count-file validation: the shipped JSON Schema, in plain English.

jsonschema finds the faults; this module turns each into an `Issue` whose message a returning
officer's staff can act on ("must be a whole number 0 or more", `unknown key "foo"`), and adds
the text rules a regular expression cannot state portably (lone surrogates, a control character
at the very end of a string) and the duplicate JSON keys the loader noticed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema costs a quarter of a second to import: only when a file is read
    from jsonschema.exceptions import ValidationError as SchemaError

from ..domain.model import LEGACY_SECOND_NOT_COUNTED_HEADS, REJECTED_HEADS
from ..domain.text_rules import LARGEST_FIGURE, bad_id_message, first_forbidden_char, forbidden_char_message, quote
from .countfile_issues import Issue, Path

#: The JSON Schema of each format read, shipped in the package.
SCHEMA_RESOURCES = {
    "countdesk/2": "schema/countdesk-2.schema.json",
    "countdesk/1": "schema/countdesk-1.schema.json",
}
SCHEMA_RESOURCE = SCHEMA_RESOURCES["countdesk/2"]


_LARGEST_FIGURE = LARGEST_FIGURE
_MIN_ITEMS_WORDS = {
    "tied": "must name at least two candidates",
    "winners": "must name at least one candidate",
}
_HEAD_LISTS = {"rejected": REJECTED_HEADS, "second_not_counted": LEGACY_SECOND_NOT_COUNTED_HEADS}


class DuplicateKeyDict(dict):
    """A JSON object in which the loader met a key more than once (`duplicates`, in order).
    Python's json keeps only the last value; a count file must not lose a figure that way."""

    duplicates: tuple[str, ...] = ()


def load_schema(version: str = "countdesk/2") -> dict[str, Any]:
    """The JSON Schema shipped in the package for `version` (docs/count-file.md points here)."""
    text = resources.files("countdesk").joinpath(SCHEMA_RESOURCES[version]).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator(version: str) -> Any:
    """Built on first use. Figures are whole numbers written without a decimal point: JSON Schema
    counts 3.0 as an integer, a count file does not (3.0 came from a spreadsheet formula)."""
    from jsonschema import Draft202012Validator, validators

    strict_types = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)
    )
    count_file_validator = validators.extend(Draft202012Validator, type_checker=strict_types)
    schema = load_schema(version)
    count_file_validator.check_schema(schema)
    return count_file_validator(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with each local `$ref` replaced by its definition (the schema has no cycles).
    Same meaning, but validation no longer resolves a reference at every value, which made a
    large count take seconds."""
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _inline_refs(value, defs) for key, value in node.items() if key not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        clashes = (set(target) & set(out)) - {"description", "title"}
        out = {**out, "allOf": [target]} if clashes else {**target, **out}
    return out


def structural_issues(doc: object, version: str = "countdesk/2") -> Iterator[Issue]:
    """Every structural fault: the schema's, then the text rules', then duplicate keys."""
    for error in _validator(version).iter_errors(doc):
        yield from _translate(error)
    yield from _text_issues(doc)


def _translate(error: SchemaError) -> Iterator[Issue]:
    path: Path = tuple(error.absolute_path)
    keyword = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance
    if keyword == "required":
        for key in error.validator_value:
            if isinstance(instance, dict) and key not in instance:
                yield Issue(path, f"missing required key {quote(key)}", key=key, missing=True)
    elif keyword == "additionalProperties":
        known = schema.get("properties", {})
        for key in instance:
            if key not in known:
                yield Issue(path, _unknown_key_message(path, key), key=key)
    elif keyword == "pattern":
        yield Issue(path, _pattern_message(error.validator_value, instance))
    elif keyword == "minLength":
        yield Issue(path, "must not be empty")
    elif keyword == "maxLength":
        yield Issue(path, f"must be at most {error.validator_value} characters long")
    elif keyword == "minItems":
        last = path[-1] if path else ""
        words = _MIN_ITEMS_WORDS.get(str(last), f"must list at least {error.validator_value} items")
        yield Issue(path, words)
    elif keyword == "uniqueItems":
        yield Issue(path, _repeated_item_message(instance))
    elif keyword in ("type", "minimum", "maximum", "enum", "const"):
        yield Issue(path, _value_message(schema, keyword, instance))
    else:  # a keyword this module does not phrase: say so plainly rather than fail
        yield Issue(path, f"breaks the count-file rule {quote(keyword)}")


def _unknown_key_message(path: Path, key: object) -> str:
    parent = path[-1] if path else None
    heads = _HEAD_LISTS.get(parent) if isinstance(parent, str) else None
    if heads is not None:
        return f"unknown head {quote(key)} (the heads are {', '.join(heads)})"
    return f"unknown key {quote(key)}"


def _pattern_message(pattern: str, instance: object) -> str:
    text = instance if isinstance(instance, str) else ""
    if pattern in (r"\S", r"[^\s\u200C\u200D]"):
        return "must not be blank"
    if "A-Za-z0-9" in pattern:
        return bad_id_message(text)
    if "T[0-9]" in pattern:
        return 'must be a date and time with its offset, e.g. "2021-05-08T14:02:00+01:00"'
    if "[0-9]{4}" in pattern:
        return 'must be a date written YYYY-MM-DD, e.g. "2021-05-06"'
    bad = first_forbidden_char(text)
    return forbidden_char_message(bad) if bad else "contains a character not allowed here"


def _repeated_item_message(items: object) -> str:
    if isinstance(items, list):
        for index, item in enumerate(items):
            for earlier in items[:index]:
                if type(item) is type(earlier) and item == earlier:
                    return f"names {quote(item)} twice"
    return "names the same candidate twice"


def _value_message(schema: dict, keyword: str, instance: object) -> str:
    if "const" in schema:
        return f"must be {quote(schema['const'])}"
    if "enum" in schema:
        return "must be " + " or ".join(_show(v) for v in schema["enum"])
    types = schema.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    if "integer" in types:
        low, high = schema.get("minimum", 0), schema.get("maximum")
        if keyword == "maximum" and high == _LARGEST_FIGURE:
            return f"is too large: a count file's figures go up to {_LARGEST_FIGURE}"
        words = f"must be a whole number {low} or more"
        if high is not None and high != _LARGEST_FIGURE:
            words = f"must be a whole number from {low} to {high}"
        return words + (", or null" if "null" in types else "")
    if "string" in types:
        return "must be text in double quotes"
    if "boolean" in types:
        return "must be true or false"
    if "object" in types:
        return "must be an object ({…})"
    if "array" in types:
        return "must be a list ([…])"
    return "has the wrong type"


def _show(value: object) -> str:
    return quote(value) if isinstance(value, str) else json.dumps(value)


def _text_issues(doc: object) -> Iterator[Issue]:
    """Forbidden characters in any string, and keys the loader saw twice. Iterative, so a deeply
    nested value cannot exhaust the stack."""
    stack: list[tuple[Path, object]] = [((), doc)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            bad = first_forbidden_char(node)
            if bad is not None:
                yield Issue(path, forbidden_char_message(bad))
        elif isinstance(node, dict):
            for key in getattr(node, "duplicates", ()):
                yield Issue(path, f"the key {quote(key)} is given twice", key=key)
            stack.extend(((*path, k), v) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(node))))

"""One count sheet given as JSON, in the count file's shape (docs/count-file.md, "count_sheets"):
what `countdesk sheet add` reads. The same schema, the same plain-English messages, the same
figures rules as a whole count file; where a fault is, is said from the sheet's own top."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..domain.model import CountSheet
from ..errors import ValidationError
from .countfile import _build_sheet, _decode_json
from .countfile_issues import first_in_document_order
from .countfile_schema import _inline_refs, _text_issues, _translate, load_schema

MAX_SHEET_BYTES = 1_000_000


@cache
def _sheet_validator() -> Any:
    from jsonschema import Draft202012Validator, validators

    strict_types = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)
    )
    schema = load_schema()
    defs = schema.get("$defs", {})
    return validators.extend(Draft202012Validator, type_checker=strict_types)(
        _inline_refs(defs["count_sheet"], defs))


def parse_sheet_bytes(data: bytes, candidate_ids: tuple[str, ...], source: str = "sheet") -> CountSheet:
    """The sheet, its votes in ballot-paper order; a located ValidationError for the first fault."""
    if len(data) > MAX_SHEET_BYTES:
        raise ValidationError(f"{len(data):,} bytes is too large for one count sheet", source)
    doc = _decode_json(data, source)
    if not isinstance(doc, dict):
        raise ValidationError("a count sheet is a JSON object ({…}) with id, round and votes", source)
    issues = [issue for error in _sheet_validator().iter_errors(doc) for issue in _translate(error)]
    issues += list(_text_issues(doc))
    first = first_in_document_order(doc, issues)
    if first is not None:
        raise ValidationError(first.message, f"{source}: {first.where}" if first.path else source)
    return _build_sheet(doc, candidate_ids + tuple(c for c in doc["votes"] if c not in candidate_ids))

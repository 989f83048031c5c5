"""The count file (`countdesk/1`, shared/spec/count-file.md): read it, check it, write it back.

Reading is total: any input gives a `Count` or raises `ValidationError` naming the first fault in
document order (`contests[0].count_sheets[3].votes: unknown candidate "smith-x"`), so a file that
fails imports nothing. Writing gives the canonical form (docs/count-file.md), refuses a count that
would not import again, and replaces the target file atomically.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any, cast

from ..domain.model import (
    REJECTED_HEADS, SECOND_NOT_COUNTED_HEADS, Box, Candidate, Contest, Count, CountSheet, Election, Lot,
    VotingSystem, frozen_map,
)
from ..errors import CountdeskError, ValidationError
from .countfile_checks import cross_reference_issues
from .countfile_issues import Scopes, first_in_document_order
from .countfile_schema import DuplicateKeyDict, structural_issues
from .fsutil import write_file_durably
from .json_bounds import loads_bounded
from .text_rules import quote

FORMAT = "countdesk/1"

#: The largest count file read. A whole county's count is well under 1 MB; anything near this
#: is not a count file, and is refused before it is read into memory.
MAX_COUNT_FILE_BYTES = 20_000_000

_BOM = b"\xef\xbb\xbf"


# ---------------------------------------------------------------------------------------- reading


def load_count_file(path: str | os.PathLike[str]) -> Count:
    """Read, decode, parse and validate one count file."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_COUNT_FILE_BYTES:
                raise _too_large(path, size)
            data = stream.read(MAX_COUNT_FILE_BYTES + 1)
    except OSError as error:
        raise CountdeskError(f"cannot read the count file: {error.strerror or error}", str(path)) from None
    if len(data) > MAX_COUNT_FILE_BYTES:
        raise _too_large(path, len(data))
    return parse_count_bytes(data, str(path))


def parse_count_bytes(data: bytes, source: str = "count file") -> Count:
    """A count file's bytes (from disk, a bundle, a USB stick) to a `Count`; `source` names it in
    messages about the bytes themselves (encoding, JSON syntax)."""
    if len(data) > MAX_COUNT_FILE_BYTES:
        raise ValidationError(
            f"{len(data):,} bytes is too large for a count file (the limit is {MAX_COUNT_FILE_BYTES:,})", source
        )
    try:
        return parse_count_document(_decode_json(data, source))
    except ValidationError as error:
        if error.where:
            raise
        raise ValidationError(error.message, source) from None  # a fault of the whole document


def _too_large(path: Path, size: int) -> ValidationError:
    return ValidationError(
        f"the file is {size / 1_000_000:.1f} MB; a count file may be at most "
        f"{MAX_COUNT_FILE_BYTES // 1_000_000} MB, so this is not a count file",
        str(path),
    )


def _decode_json(data: bytes, source: str) -> object:
    if data.startswith(_BOM):  # Notepad and Excel add one; JSON readers may ignore it
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ValidationError(
            f"not UTF-8 text (byte 0x{data[error.start]:02X}); save the file with UTF-8 encoding",
            f"{source} line {line}, column {column}",
        ) from None
    return loads_bounded(text, source, object_pairs_hook=_object_keeping_duplicates)


def _object_keeping_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = DuplicateKeyDict(result)
    seen: set[str] = set()
    duplicates: list[str] = []
    for key, _value in pairs:
        if key in seen and key not in duplicates:
            duplicates.append(key)
        seen.add(key)
    marked.duplicates = tuple(duplicates)
    return marked


def parse_count_document(doc: object) -> Count:
    """Validate a decoded JSON value and build the `Count` it describes."""
    _check_format(doc)
    issues = list(structural_issues(doc))
    issues += cross_reference_issues(doc, Scopes(issues))
    first = first_in_document_order(doc, issues)
    if first is not None:
        raise ValidationError(first.message, first.where)
    return _build_count(cast(dict, doc))


def _check_format(doc: object) -> None:
    """The format is checked first: a file of another kind or version gets one clear message,
    not a list of the keys this version does not know."""
    if not isinstance(doc, dict):
        raise ValidationError(f'a count file is a JSON object ({{…}}) starting "format": "{FORMAT}"')
    if "format" not in doc:
        raise ValidationError(f'missing required key "format": a count file starts "format": "{FORMAT}"')
    found = doc["format"]
    if isinstance(found, str) and found.startswith("countdesk/") and found != FORMAT:
        raise ValidationError(
            f'{quote(found)} is a format this version of countdesk does not read (it reads "{FORMAT}")',
            "format",
        )
    if found != FORMAT or not isinstance(found, str):
        raise ValidationError(f'must be "{FORMAT}"', "format")


def _build_count(doc: dict) -> Count:
    """The document is valid here, so every key and type is as the schema says."""
    e = doc["election"]
    election = Election(
        id=e["id"], title=e["title"], poll_date=date.fromisoformat(e["poll_date"]), area=e["area"],
        returning_officer=e.get("returning_officer"), bilingual=e.get("bilingual", False),
    )
    return Count(election, tuple(_build_contest(c) for c in doc["contests"]))


def _build_contest(c: dict) -> Contest:
    candidates = tuple(Candidate(x["id"], x["name"], x.get("description", "")) for x in c["candidates"])
    ids = tuple(x.id for x in candidates)
    boxes = tuple(
        Box(
            b["id"], b.get("label", ""), b.get("postal", False), b.get("ballot_paper_account"),
            b.get("verified"), b.get("note"),
        )
        for b in c.get("boxes", ())
    )
    lots = tuple(
        Lot(tuple(x["tied"]), tuple(x["winners"]), x.get("drawn_by", ""), x.get("drawn_at", ""),
            x.get("witnesses", ""))
        for x in c.get("lots", ())
    )
    return Contest(
        id=c["id"], title=c["title"], system=VotingSystem(c["system"]), seats=c["seats"],
        candidates=candidates, boxes=boxes,
        count_sheets=tuple(_build_sheet(s, ids) for s in c.get("count_sheets", ())),
        lots=lots, electorate=c.get("electorate"),
    )


def _build_sheet(s: dict, ids: tuple[str, ...]) -> CountSheet:
    votes = s["votes"]
    return CountSheet(
        id=s["id"], round=s["round"],
        votes=frozen_map({cid: votes[cid] for cid in ids if cid in votes}),  # ballot-paper order
        rejected=frozen_map(_in_order(s.get("rejected", {}), REJECTED_HEADS)),
        papers=s.get("papers"),
        rejected_in_part=s.get("rejected_in_part"),
        non_transferable=s.get("non_transferable"),
        second_not_counted=frozen_map(_in_order(s.get("second_not_counted", {}), SECOND_NOT_COUNTED_HEADS)),
    )


def _in_order(mapping: Any, order: tuple[str, ...]) -> dict[str, Any]:
    """`mapping`'s entries with the keys in `order` first, in that order, then any others."""
    known = {key: mapping[key] for key in order if key in mapping}
    return known | {key: value for key, value in mapping.items() if key not in known}


# ---------------------------------------------------------------------------------------- writing


def count_to_document(count: Count) -> dict[str, Any]:
    """The canonical document for `count` (docs/count-file.md, "Canonical form"). Pure
    conversion: `dump_count_json` is the one that checks the result."""
    return {
        "format": FORMAT,
        "election": _election_document(count.election),
        "contests": [_contest_document(c) for c in count.contests],
    }


def _election_document(e: Election) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "title": e.title, "poll_date": e.poll_date.isoformat(), "area": e.area}
    if e.returning_officer is not None:
        out["returning_officer"] = e.returning_officer
    if e.bilingual:
        out["bilingual"] = True
    return out


def _contest_document(c: Contest) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "title": c.title, "system": VotingSystem(c.system).value, "seats": c.seats}
    if c.electorate is not None:
        out["electorate"] = c.electorate
    out["candidates"] = [{"id": x.id, "name": x.name, "description": x.description} for x in c.candidates]
    out["boxes"] = [_box_document(b) for b in c.boxes]
    out["count_sheets"] = [_sheet_document(s, c.candidate_ids) for s in c.count_sheets]
    if c.lots:
        out["lots"] = [
            {"tied": list(x.tied), "winners": list(x.winners), "drawn_by": x.drawn_by,
             "drawn_at": x.drawn_at, "witnesses": x.witnesses}
            for x in c.lots
        ]
    return out


def _box_document(b: Box) -> dict[str, Any]:
    out: dict[str, Any] = {"id": b.id, "label": b.label, "postal": b.postal}
    if b.ballot_paper_account is not None:
        out["ballot_paper_account"] = b.ballot_paper_account
    out["verified"] = b.verified
    if b.note is not None:
        out["note"] = b.note
    return out


def _sheet_document(s: CountSheet, ids: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "round": s.round}
    if s.papers is not None:
        out["papers"] = s.papers
    out["votes"] = _in_order(s.votes, ids)
    if s.rejected:
        out["rejected"] = _in_order(s.rejected, REJECTED_HEADS)
    if s.rejected_in_part is not None:
        out["rejected_in_part"] = s.rejected_in_part
    if s.non_transferable is not None:
        out["non_transferable"] = s.non_transferable
    if s.second_not_counted:
        out["second_not_counted"] = _in_order(s.second_not_counted, SECOND_NOT_COUNTED_HEADS)
    return out


def dump_count_json(count: Count) -> str:
    """The count file's text (no trailing newline). Raises ValidationError, naming the fault, for
    a count that would not import again: countdesk never writes a file it would refuse."""
    doc = count_to_document(count)
    try:
        parse_count_document(doc)
    except ValidationError as error:
        raise ValidationError(f"cannot export this count: {error.message}", error.where) from None
    return json.dumps(doc, ensure_ascii=False, indent=1)


def write_count_file(count: Count, path: str | os.PathLike[str]) -> None:
    """Write the count file atomically and durably (countdesk.durable): a crash leaves the old file
    or the new one, never half; an error names `path` itself, never the hidden temporary file."""
    path = Path(path)
    data = (dump_count_json(count) + "\n").encode("utf-8")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        write_file_durably(path, data, mode=mode)
    except OSError as error:
        raise CountdeskError(f"cannot write the count file: {error.strerror or error}", str(path)) from None

"""The count file (`countdesk/2`, docs/count-file.md): read it, check it, write it back.

Reading is total: any input gives a `Count` or raises `ValidationError` naming the first fault in
document order (`contests[0].count_sheets[3].votes: unknown candidate "smith-x"`), so a file that
fails imports nothing. A `countdesk/1` file is still read: what it leaves out (the office, the
counting role) is inferred once and said in a `ReadNote`, and its round-2 `second_not_counted`
heads become the one statutory figure. Writing always gives `countdesk/2`: the canonical form
(docs/count-file.md), refuses a count that would not import again, and replaces the target file atomically.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any, cast

from ..domain.model import (
    REJECTED_HEADS,
    AcceptedDifference,
    Box,
    Candidate,
    Contest,
    Count,
    Counting,
    CountSheet,
    Declaration,
    Election,
    Lot,
    Nation,
    Office,
    VotingSystem,
    frozen_map,
)
from ..domain.text_rules import quote
from ..errors import CountdeskError, ValidationError
from .countfile_checks import cross_reference_issues
from .countfile_issues import Scopes, first_in_document_order
from .countfile_legacy import (
    LEGACY_FORMAT,
    ReadNote,
    legacy_contest_fields,
    legacy_regime_notes,
    legacy_second_rejected,
)
from .countfile_schema import DuplicateKeyDict, structural_issues
from .fsutil import write_file_durably
from .json_bounds import loads_bounded

FORMAT = "countdesk/2"
#: Every format this version reads, newest first.
READS = (FORMAT, LEGACY_FORMAT)

#: The largest count file read. A whole county's count is well under 1 MB; anything near this
#: is not a count file, and is refused before it is read into memory.
MAX_COUNT_FILE_BYTES = 20_000_000

_BOM = b"\xef\xbb\xbf"


# ---------------------------------------------------------------------------------------- reading


def load_count_file(path: str | os.PathLike[str], notes: list[ReadNote] | None = None) -> Count:
    """Read, decode, parse and validate one count file. What a `countdesk/1` file left to be
    inferred is added to `notes`, when given, for the user to see."""
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
    return parse_count_bytes(data, str(path), notes)


def parse_count_bytes(data: bytes, source: str = "count file", notes: list[ReadNote] | None = None) -> Count:
    """A count file's bytes (from disk, a bundle, a USB stick) to a `Count`; `source` names it in
    messages about the bytes themselves (encoding, JSON syntax)."""
    if len(data) > MAX_COUNT_FILE_BYTES:
        raise ValidationError(
            f"{len(data):,} bytes is too large for a count file (the limit is {MAX_COUNT_FILE_BYTES:,})", source
        )
    try:
        return parse_count_document(_decode_json(data, source), notes)
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


def parse_count_document(doc: object, notes: list[ReadNote] | None = None) -> Count:
    """Validate a decoded JSON value and build the `Count` it describes."""
    version = _check_format(doc)
    issues = list(structural_issues(doc, version))
    issues += cross_reference_issues(doc, Scopes(issues))
    first = first_in_document_order(doc, issues)
    if first is not None:
        raise ValidationError(first.message, first.where)
    found: list[ReadNote] = []
    count = _build_count(cast(dict, doc), version, found)
    if version == LEGACY_FORMAT:
        found += legacy_regime_notes(count)
    if notes is not None:
        notes.extend(found)
    return count


def _check_format(doc: object) -> str:
    """The format is checked first: a file of another kind or version gets one clear message,
    not a list of the keys this version does not know."""
    if not isinstance(doc, dict):
        raise ValidationError(f'a count file is a JSON object ({{…}}) starting "format": "{FORMAT}"')
    if "format" not in doc:
        raise ValidationError(f'missing required key "format": a count file starts "format": "{FORMAT}"')
    found = doc["format"]
    if isinstance(found, str) and found in READS:
        return found
    if isinstance(found, str) and found.startswith("countdesk/"):
        raise ValidationError(
            f'{quote(found)} is a format this version of countdesk does not read (it reads '
            f'"{FORMAT}" and "{LEGACY_FORMAT}")',
            "format",
        )
    raise ValidationError(f'must be "{FORMAT}"', "format")


def _build_count(doc: dict, version: str, notes: list[ReadNote]) -> Count:
    """The document is valid here, so every key and type is as the schema says."""
    e = doc["election"]
    election = Election(
        id=e["id"], title=e["title"], poll_date=date.fromisoformat(e["poll_date"]), area=e["area"],
        returning_officer=e.get("returning_officer"), bilingual=e.get("bilingual", False),
        deputy=e.get("deputy", False), nation=Nation(e.get("nation", Nation.ENGLAND.value)),
        title_cy=e.get("title_cy"),
    )
    contests = []
    for index, c in enumerate(doc["contests"]):
        if version == LEGACY_FORMAT:
            fields = legacy_contest_fields(c, f"contests[{index}]", notes)
        else:
            fields = {"office": Office(c["office"]), "counting": Counting(c["counting"])}
        contests.append(_build_contest(c, fields, version, f"contests[{index}]", notes))
    return Count(election, tuple(contests))


def _build_contest(c: dict, fields: dict[str, Any], version: str, where: str, notes: list[ReadNote]) -> Contest:
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
    sheets = []
    for index, s in enumerate(c.get("count_sheets", ())):
        second_rejected = None
        if version == LEGACY_FORMAT:
            second_rejected = legacy_second_rejected(s, f"{where}.count_sheets[{index}]", notes)
        sheets.append(_build_sheet(s, ids, second_rejected))
    differences = tuple(
        AcceptedDifference(x["stage"], x["counted"], x["expected"], x["reason"], x["accepted_by"], x["accepted_at"])
        for x in c.get("accepted_differences", ())
    )
    declared = c.get("declared")
    return Contest(
        id=c["id"], title=c["title"], system=VotingSystem(c["system"]), seats=c["seats"],
        candidates=candidates, boxes=boxes, count_sheets=tuple(sheets),
        lots=lots, electorate=c.get("electorate"), title_cy=c.get("title_cy"), question=c.get("question"),
        accepted_differences=differences,
        declared=Declaration(declared["at"], declared["by"]) if declared is not None else None,
        **fields,
    )


def _build_sheet(s: dict, ids: tuple[str, ...], second_rejected: int | None = None) -> CountSheet:
    """`second_rejected`: what a countdesk/1 sheet's heads sum to; a countdesk/2 sheet states its own."""
    votes = s["votes"]
    if second_rejected is None:
        second_rejected = s.get("second_rejected")
    return CountSheet(
        id=s["id"], round=s["round"],
        votes=frozen_map({cid: votes[cid] for cid in ids if cid in votes}),  # ballot-paper order
        rejected=frozen_map(_in_order(s.get("rejected", {}), REJECTED_HEADS)),
        papers=s.get("papers"),
        rejected_in_part=s.get("rejected_in_part"),
        non_transferable=s.get("non_transferable"),
        second_rejected=second_rejected,
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
    if e.deputy:
        out["deputy"] = True
    out["nation"] = Nation(e.nation).value
    if e.title_cy is not None:
        out["title_cy"] = e.title_cy
    if e.bilingual:
        out["bilingual"] = True
    return out


def _contest_document(c: Contest) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "title": c.title}
    if c.title_cy is not None:
        out["title_cy"] = c.title_cy
    out |= {"office": c.office_held.value, "counting": Counting(c.counting).value,
            "system": VotingSystem(c.system).value, "seats": c.seats}
    if c.question is not None:
        out["question"] = c.question
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
    if c.accepted_differences:
        out["accepted_differences"] = [
            {"stage": x.stage, "counted": x.counted, "expected": x.expected, "reason": x.reason,
             "accepted_by": x.accepted_by, "accepted_at": x.accepted_at}
            for x in c.accepted_differences
        ]
    if c.declared is not None:
        out["declared"] = {"at": c.declared.at, "by": c.declared.by}
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
    if s.second_rejected is not None:
        out["second_rejected"] = s.second_rejected
    return out


def dump_count_json(count: Count) -> str:
    """The count file's text (no trailing newline). Raises ValidationError, naming the fault, for
    a count that would not import again: countdesk never writes a file it would refuse."""
    doc = count_to_document(count)
    try:
        parse_count_document(doc)
    except ValidationError as error:
        raise ValidationError(f"cannot export this count: {error.message}", error.where) from None
    return canonical_count_text(doc)


def canonical_count_text(document: dict[str, Any]) -> str:
    """A count document as canonical text (docs/count-file.md, "Canonical form"), no final newline."""
    return json.dumps(document, ensure_ascii=False, indent=1)


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

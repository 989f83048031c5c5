"""The round-2 instruction: the collating officer tells every counting area which candidates remain.

Under SV at a collated poll (a combined-authority mayor, a PCC) no area picks finalists from its
own figures: the collating officer adds the areas' first preferences, finds no majority, and
directs each area to count second preferences for the finalists named (SI 2017/67 Sch 1 r.55(1),
domain.md §5). This file carries that direction from the collation laptop to each area's laptop:

    {"format": "countdesk-round2/1", "election_id": "…", "contest_id": "…",
     "finalists": ["rotheram-s", "marsden-j"],
     "first_preferences": {"rotheram-s": 198736, …},   // collated, every candidate
     "areas": ["Halton", "Knowsley", …],
     "issued_at": "2021-05-07T16:05:00+01:00", "issued_by": "Combined Authority Returning Officer"}

On reading, the file is checked as strictly as a count file (located ValidationError), and the
finalists must be the ones the statute gives for the first preferences it states, so a
hand-edited or mistyped instruction is refused rather than obeyed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.model import Contest, Election, VotingSystem, frozen_map
from ..domain.ranking import by_votes
from ..domain.result import ContestResult
from ..domain.text_rules import (
    MAX_TEXT_LENGTH,
    bad_id_message,
    first_forbidden_char,
    forbidden_char_message,
    is_blank,
    is_valid_id,
    quote,
)
from ..errors import CountdeskError, ValidationError
from .fsutil import write_file_durably
from .json_bounds import loads_bounded

FORMAT = "countdesk-round2/1"
MAX_FILE_BYTES = 1_000_000
_KEYS = (
    "format", "election_id", "contest_id", "finalists", "first_preferences", "areas", "issued_at", "issued_by",
)


@dataclass(frozen=True)
class Round2Instruction:
    election_id: str
    contest_id: str
    finalists: tuple[str, ...]
    first_preferences: Mapping[str, int]
    areas: tuple[str, ...]
    issued_at: datetime
    issued_by: str


def round2_instruction_from_result(
    election: Election, result: ContestResult, *, areas: Sequence[str], issued_at: datetime, issued_by: str
) -> Round2Instruction:
    """The instruction for a collated SV result that needs a second round."""
    if result.system is not VotingSystem.SV:
        raise CountdeskError(f"contest {result.contest_id} is not a supplementary-vote contest: no second round")
    if result.finalists is None:
        raise CountdeskError(
            f"contest {result.contest_id} needs no second round (a candidate was elected on first "
            "preferences, or the first preferences are not all in)"
        )
    instruction = Round2Instruction(
        election.id, result.contest_id, tuple(result.finalists), frozen_map(result.first),
        tuple(areas), issued_at, issued_by,
    )
    parse_round2_document(instruction_to_document(instruction))  # the same rules a reader applies
    return instruction


def instruction_to_document(instruction: Round2Instruction) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "election_id": instruction.election_id,
        "contest_id": instruction.contest_id,
        "finalists": list(instruction.finalists),
        "first_preferences": dict(instruction.first_preferences),
        "areas": list(instruction.areas),
        "issued_at": instruction.issued_at.isoformat(timespec="seconds"),
        "issued_by": instruction.issued_by,
    }


def write_round2_instruction(path: Path, instruction: Round2Instruction) -> Path:
    text = json.dumps(instruction_to_document(instruction), indent=2, ensure_ascii=False) + "\n"
    return write_file_durably(Path(path), text.encode("utf-8"))


def read_round2_instruction(path: Path) -> Round2Instruction:
    return read_round2_file(path)[0]


def read_round2_file(path: Path) -> tuple[Round2Instruction, bytes]:
    """The instruction in the file, and the file's bytes exactly as read (what an area keeps)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError(f"the file is {size:,} bytes; a round-2 instruction is far smaller", str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot be read: {exc.strerror or exc}", str(path)) from exc
    return parse_round2_bytes(data, str(path)), data


def parse_round2_bytes(data: bytes, source: str) -> Round2Instruction:
    """An instruction's bytes, read within bounds (exchange/json_bounds.py): a byte-order mark is
    accepted; deep nesting, a huge number, bad UTF-8 or JSON are a ValidationError at `source`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError("is not UTF-8 text", source) from exc
    return parse_round2_document(loads_bounded(text, source, object_pairs_hook=_no_duplicate_keys))


def parse_round2_document(doc: object) -> Round2Instruction:
    if not isinstance(doc, dict):
        raise ValidationError("a round-2 instruction must be a JSON object", "round2")
    for key in doc:
        if key not in _KEYS:
            raise ValidationError(f"unknown key {quote(key)}", "round2")
    for key in _KEYS:
        if key not in doc:
            raise ValidationError("is missing", key)
    if doc["format"] != FORMAT:
        raise ValidationError(f'must be "{FORMAT}", not {quote(doc["format"])}', "format")
    election_id, contest_id = _id(doc["election_id"], "election_id"), _id(doc["contest_id"], "contest_id")
    first = _first_preferences(doc["first_preferences"])
    finalists = _finalists(doc["finalists"], first)
    return Round2Instruction(
        election_id, contest_id, finalists, frozen_map(first), _areas(doc["areas"]),
        _timestamp(doc["issued_at"]), _name(doc["issued_by"], "issued_by"),
    )


def check_instruction_applies(instruction: Round2Instruction, election: Election, contest: Contest) -> None:
    """Refuse an instruction meant for another election, contest or area before it is used."""
    if instruction.election_id != election.id:
        raise ValidationError(f"is for election {quote(instruction.election_id)}, not {quote(election.id)}",
                              "election_id")
    if instruction.contest_id != contest.id:
        raise ValidationError(f"is for contest {quote(instruction.contest_id)}, not {quote(contest.id)}",
                              "contest_id")
    if election.area not in instruction.areas:
        raise ValidationError(f"does not name this counting area, {quote(election.area)}", "areas")
    if set(instruction.first_preferences) != set(contest.candidate_ids):
        raise ValidationError("names different candidates from this contest's", "first_preferences")
    check_round2_sheets(contest, instruction.finalists)


def check_round2_sheets(contest: Contest, finalists: Sequence[str]) -> None:
    """Every round-2 sheet must carry figures for exactly the finalists named, no more, no fewer."""
    if contest.system is not VotingSystem.SV:
        raise ValidationError(f"contest {contest.id} is not a supplementary-vote contest", "system")
    unknown = [cid for cid in finalists if cid not in contest.candidate_ids]
    if unknown:
        raise ValidationError(f"not candidates in contest {contest.id}: {', '.join(unknown)}", "finalists")
    wanted = set(finalists)
    for index, sheet in enumerate(contest.count_sheets):
        if sheet.round != 2 or set(sheet.votes) == wanted:
            continue
        raise ValidationError(
            f"round-2 sheet {quote(sheet.id)} has figures for {', '.join(sorted(sheet.votes)) or 'no one'}, "
            f"but the collating officer's finalists are {', '.join(sorted(wanted))}",
            f"count_sheets[{index}]",
        )


def statutory_finalists(first: Mapping[str, int]) -> tuple[str, ...] | None:
    """The finalists the first preferences give (domain.md §1: the top two and anyone tied with
    the second), or None when there is no second round: a majority, or fewer than three candidates."""
    valid = sum(first.values())
    if len(first) < 3 or any(2 * votes > valid for votes in first.values()):
        return None
    order = by_votes(first, list(first))
    second_place = first[order[1]]
    return tuple(cid for cid in order if first[cid] >= second_place)


def _first_preferences(value: object) -> dict[str, int]:
    if not isinstance(value, dict) or not value:
        raise ValidationError("must be an object of candidate id to first preferences", "first_preferences")
    for cid, votes in value.items():
        _id(cid, "first_preferences")
        if isinstance(votes, bool) or not isinstance(votes, int) or votes < 0:
            raise ValidationError(f"must be a whole number ≥ 0, not {quote(votes)}", f"first_preferences.{cid}")
    return dict(value)


def _finalists(value: object, first: Mapping[str, int]) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < 2:
        raise ValidationError("must list at least two candidate ids", "finalists")
    for index, cid in enumerate(value):
        _id(cid, f"finalists[{index}]")
        if cid not in first:
            raise ValidationError(f"{quote(cid)} has no first-preference figure", f"finalists[{index}]")
        if cid in value[:index]:
            raise ValidationError(f"{quote(cid)} is listed twice", f"finalists[{index}]")
    expected = statutory_finalists(first)
    if expected is None:
        raise ValidationError("these first preferences need no second round (a majority, or two candidates)",
                              "finalists")
    if set(value) != set(expected):
        raise ValidationError(
            f"the first preferences given make the finalists {', '.join(expected)}, not {', '.join(value)}",
            "finalists",
        )
    return tuple(value)


def _areas(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValidationError("must list the counting areas", "areas")
    for index, area in enumerate(value):
        _name(area, f"areas[{index}]")
        if area in value[:index]:
            raise ValidationError(f"{quote(area)} is listed twice", f"areas[{index}]")
    return tuple(value)


def _timestamp(value: object) -> datetime:
    try:
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        stamp = None
    if stamp is None or stamp.utcoffset() is None:
        raise ValidationError(f"must be a date and time with its UTC offset, not {quote(value)}", "issued_at")
    return stamp


def _id(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"must be a text id, not {quote(value)}", where)
    if not is_valid_id(value):
        raise ValidationError(bad_id_message(value), where)
    return value


def _name(value: object, where: str) -> str:
    if not isinstance(value, str) or is_blank(value):
        raise ValidationError("must be non-empty text", where)
    bad = first_forbidden_char(value)
    if bad is not None:
        raise ValidationError(forbidden_char_message(bad), where)
    if len(value) > MAX_TEXT_LENGTH:
        raise ValidationError(f"is longer than {MAX_TEXT_LENGTH} characters", where)
    return value


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValidationError(f"key {quote(key)} appears twice", "round2")
        result[key] = value
    return result

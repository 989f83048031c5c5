"""Where a check applies, in words for the people reading it.

A warning's `where` is a path into the count file ("boxes[2]", "count_sheets[4]", "lots"), the
form the tally's JSON gives to programs (count-file spec, `warnings[].where`). People read it on
the Result tab and on the provisional result sheet: there it is said once, here, as the box, the
sheet or the lot it names ("box B3 (Library)", "count sheet T05-R1").
"""

from __future__ import annotations

import re

from .model import Contest

_INDEXED = re.compile(r"^(boxes|count_sheets|lots)\[(\d+)\]$")
_WHOLE = {
    "count_sheets": "the count sheets",
    "boxes": "the ballot boxes",
    "lots": "the lots drawn",
    "contest": "the whole contest",
}


def place_in_words(contest: Contest | None, where: str) -> str:
    """"box B3 (Library)" for "boxes[2]"; an unknown or stale path is given back as it is."""
    if where in _WHOLE:
        return _WHOLE[where]
    match = _INDEXED.match(where)
    if match is None or contest is None:
        return where
    kind, index = match.group(1), int(match.group(2))
    items = {"boxes": contest.boxes, "count_sheets": contest.count_sheets, "lots": contest.lots}[kind]
    if index >= len(items):
        return where
    item = items[index]
    if kind == "boxes":
        return f"box {item.id} ({item.label})" if item.label else f"box {item.id}"
    if kind == "count_sheets":
        return f"count sheet {item.id} (round {item.round})"
    names = " and ".join(_name(contest, candidate) for candidate in item.tied)
    return f"the lot between {names}"


def _name(contest: Contest, candidate_id: str) -> str:
    return next((c.name for c in contest.candidates if c.id == candidate_id), candidate_id)

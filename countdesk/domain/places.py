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
    if kind == "boxes":
        if index >= len(contest.boxes):
            return where
        box = contest.boxes[index]
        return f"box {box.id} ({box.label})" if box.label else f"box {box.id}"
    if kind == "count_sheets":
        if index >= len(contest.count_sheets):
            return where
        sheet = contest.count_sheets[index]
        return f"count sheet {sheet.id} (round {sheet.round})"
    if index >= len(contest.lots):
        return where
    names = " and ".join(_name(contest, candidate) for candidate in contest.lots[index].tied)
    return f"the lot between {names}"


def _name(contest: Contest, candidate_id: str) -> str:
    return next((c.name for c in contest.candidates if c.id == candidate_id), candidate_id)

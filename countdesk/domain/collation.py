"""Adding up counting areas (a combined-authority mayor, a PCC): the collating officer's sums.

Each area's boxes and sheets are kept, ids prefixed by the area, so every figure stays traceable
to the area that reported it. The rules then run over the sum as over any one contest (domain.md §5).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..errors import CollationError
from .model import Box, Contest, Count, CountSheet, Election, Lot


def merge_areas(areas: Sequence[Count]) -> Count:
    if not areas:
        raise CollationError("no area counts to collate")
    first = areas[0].election
    seen_areas: dict[str, int] = {}
    for index, area in enumerate(areas):
        name = area.election.area
        if name in seen_areas:
            raise CollationError(f'area "{name}" is given twice (files {seen_areas[name] + 1} and {index + 1})')
        seen_areas[name] = index
        if area.election.id != first.id:
            raise CollationError(
                f'area "{name}" is for election "{area.election.id}", not "{first.id}"', f"files[{index}]"
            )

    contests: dict[str, list[tuple[str, Contest]]] = {}
    for area in areas:
        for contest in area.contests:
            contests.setdefault(contest.id, []).append((area.election.area, contest))

    merged = tuple(_merge_contest(parts) for parts in contests.values())
    election = Election(
        id=first.id, title=first.title, poll_date=first.poll_date,
        area=", ".join(a.election.area for a in areas),
        returning_officer=first.returning_officer, bilingual=first.bilingual,
    )
    return Count(election, merged)


def _merge_contest(parts: list[tuple[str, Contest]]) -> Contest:
    base_area, base = parts[0]
    for area, contest in parts[1:]:
        for what in ("system", "seats", "candidate_ids"):
            if getattr(contest, what) != getattr(base, what):
                raise CollationError(
                    f'contest "{contest.id}" in area "{area}" has {what.replace("_", " ")} '
                    f"{_show(getattr(contest, what))}, but area \"{base_area}\" has {_show(getattr(base, what))}"
                )
    boxes: list[Box] = []
    sheets: list[CountSheet] = []
    lots: list[Lot] = []
    electorates = []
    for area, contest in parts:
        prefix = area_slug(area)
        boxes += [replace(b, id=f"{prefix}.{b.id}") for b in contest.boxes]
        sheets += [replace(s, id=f"{prefix}.{s.id}") for s in contest.count_sheets]
        lots += [lot for lot in contest.lots if lot not in lots]
        electorates.append(contest.electorate)
    electorate = None if any(e is None for e in electorates) else sum(electorates)
    return replace(
        base, boxes=tuple(boxes), count_sheets=tuple(sheets), lots=tuple(lots), electorate=electorate
    )


def area_slug(area: str) -> str:
    """An id-safe form of an area's name ("St Helens" -> "st-helens"): collated ids stay valid ids."""
    slug = re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")
    return slug or "area"


def _show(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return str(value)

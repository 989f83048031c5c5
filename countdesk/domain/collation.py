"""Adding up counting areas (a combined-authority mayor, a PCC): the collating officer's sums.

Each area's boxes and sheets are kept, ids prefixed by the area, so every figure stays traceable
to the area that reported it. The rules then run over the sum as over any one contest (domain.md §5).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from ..errors import CollationError
from .model import Box, Contest, Count, Counting, CountSheet, Election, Lot
from .result import ContestResult, Status


def area_key(name: str) -> str:
    """Area names compare as a reader sees them: Unicode NFC, ignoring case and surrounding or
    repeated spaces ("Wirral", "wirral ", "WIRRAL" are one area), in `collate` and at the desk."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def merge_areas(areas: Sequence[Count]) -> Count:
    """The areas' sums. Refused: an area given twice (names compared by area_key), areas of
    different elections, or of one election described differently (title, poll date), and a
    contest whose title, system, seats or candidates (ids, names, descriptions) differ."""
    if not areas:
        raise CollationError("no area counts to collate")
    first = areas[0].election
    seen_areas: dict[str, int] = {}
    for index, area in enumerate(areas):
        name = area.election.area
        if area_key(name) in seen_areas:
            earlier = seen_areas[area_key(name)]
            raise CollationError(f'area "{name}" is given twice (files {earlier + 1} and {index + 1}: '
                                 f'"{areas[earlier].election.area}" and "{name}" name the same area)')
        seen_areas[area_key(name)] = index
        if area.election.id != first.id:
            raise CollationError(
                f'area "{name}" is for election "{area.election.id}", not "{first.id}"', f"files[{index}]"
            )
        for what in ("title", "poll_date"):
            if getattr(area.election, what) != getattr(first, what):
                raise CollationError(
                    f'area "{name}" gives election "{first.id}" the {what.replace("_", " ")} '
                    f'"{getattr(area.election, what)}", but area "{first.area}" gives "{getattr(first, what)}"',
                    f"files[{index}]")

    contests: dict[str, list[tuple[str, Contest]]] = {}
    for area in areas:
        for contest in area.contests:
            contests.setdefault(contest.id, []).append((area.election.area, contest))

    merged = tuple(_merge_contest(parts) for parts in contests.values())
    election = Election(
        id=first.id, title=first.title, poll_date=first.poll_date,
        area=", ".join(a.election.area for a in areas),
        returning_officer=first.returning_officer, bilingual=first.bilingual, nation=first.nation,
        title_cy=first.title_cy,
    )
    return Count(election, merged)


def _merge_contest(parts: list[tuple[str, Contest]]) -> Contest:
    base_area, base = parts[0]
    for area, contest in parts[1:]:
        for what in ("title", "office", "system", "seats", "candidate_ids"):
            if getattr(contest, what) != getattr(base, what):
                raise CollationError(
                    f'contest "{contest.id}" in area "{area}" has {what.replace("_", " ")} '
                    f"{_show(getattr(contest, what))}, but area \"{base_area}\" has {_show(getattr(base, what))}"
                )
    for area, contest in parts[1:]:
        for mine, theirs in zip(contest.candidates, base.candidates, strict=False):
            for what in ("name", "description"):
                if getattr(mine, what) != getattr(theirs, what):
                    raise CollationError(
                        f'contest "{contest.id}": candidate "{mine.id}" is {what} "{getattr(mine, what)}" in area '
                        f'"{area}", but "{getattr(theirs, what)}" in area "{base_area}": votes are added by id, '
                        "so the areas must describe the same candidates")
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
    known = [e for e in electorates if e is not None]
    electorate = sum(known) if len(known) == len(electorates) else None
    # The areas' local counts, added up, are the whole poll: the collating officer's count declares.
    return replace(
        base, boxes=tuple(boxes), count_sheets=tuple(sheets), lots=tuple(lots), electorate=electorate,
        counting=Counting.WHOLE,
    )


def contests_missing_from_areas(areas: Sequence[Count]) -> list[str]:
    """A sentence for each contest that only some areas report: its sum covers those areas only."""
    everywhere = [a.election.area for a in areas]
    notes = []
    reported: dict[str, list[str]] = {}
    for area in areas:
        for contest in area.contests:
            reported.setdefault(contest.id, []).append(area.election.area)
    for contest_id, present in reported.items():
        if len(present) < len(everywhere):
            missing = [a for a in everywhere if a not in present]
            notes.append(f'contest "{contest_id}" is only in area(s) {", ".join(present)}; not in '
                         f'{", ".join(missing)}: its sum covers those areas only')
    return notes


def area_slug(area: str) -> str:
    """An id-safe form of an area's name ("St Helens" -> "st-helens"): collated ids stay valid ids."""
    slug = re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")
    return slug or "area"


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return str(value)


def areas_not_in(areas: Sequence[Count], expected: Sequence[str]) -> tuple[str, ...]:
    """The expected areas (as the collating officer listed them) that have not reported."""
    reported = {area_key(area.election.area) for area in areas}
    return tuple(name for name in expected if area_key(name) not in reported)


def waiting_for_areas(result: ContestResult, missing: Sequence[str]) -> ContestResult:
    """A collated result while expected areas are missing is `incomplete`: nobody is elected on
    part of the poll (count-file.md, collation), and the gaps name each area still to report."""
    from dataclasses import replace as _replace

    from .problems import Problem

    if not missing:
        return result
    gaps = tuple(Problem(AREA_MISSING, "areas", f"area {name} has not reported") for name in missing)
    return _replace(result, status=Status.INCOMPLETE, elected=(), lots_applied=(), pending_tie=None,
                    gaps=gaps + tuple(result.gaps), accepted_differences=())


AREA_MISSING = "area_missing"

"""Collation: the collating officer adds up the areas' counts (domain.md §5).

Areas arrive as count files or verified bundles. The finalists of an SV contest are decided on
the sum of all areas' first preferences, never on one area's figures, and an area whose round-2
sheets were counted for a different finalist set is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.collation import area_key, areas_not_in, merge_areas, waiting_for_areas
from ..domain.model import Count, VotingSystem
from ..domain.result import ContestResult
from ..domain.tally import tally_contest
from ..errors import CollationError


@dataclass(frozen=True)
class Collated:
    areas: tuple[Count, ...]
    merged: Count
    results: tuple[ContestResult, ...]

    def area_results(self, contest_id: str) -> list[tuple[str, ContestResult]]:
        """Each area's own figures for one contest, for the per-area table (finalists as collated)."""
        index = [c.id for c in self.merged.contests].index(contest_id)
        finalists = self.results[index].finalists
        rows = []
        for area in self.areas:
            for contest in area.contests:
                if contest.id == contest_id:
                    rows.append((area.election.area, tally_contest(area.election, contest, finalists)))
        return rows


def collate(areas: Sequence[Count], expected: Sequence[str] = ()) -> Collated:
    """`expected`: the areas the collating officer's set-up lists. While any has not reported,
    every collated contest is incomplete and says which; an area not on the list is refused.
    Without a list, the areas given are all there is to add up."""
    merged = merge_areas(areas)
    if expected:
        listed = {area_key(name) for name in expected}
        stray = [a.election.area for a in areas if area_key(a.election.area) not in listed]
        if stray:
            raise CollationError(f'area "{stray[0]}" is not one of the expected areas ({", ".join(expected)})')
    missing = areas_not_in(areas, expected)
    results = []
    for contest in merged.contests:
        result = tally_contest(merged.election, contest)
        if contest.system is VotingSystem.SV and result.finalists:
            _refuse_other_finalist_sets(areas, contest.id, result.finalists)
        results.append(waiting_for_areas(result, missing))
    return Collated(tuple(areas), merged, tuple(results))


def _refuse_other_finalist_sets(areas: Sequence[Count], contest_id: str, finalists: Sequence[str]) -> None:
    wanted = set(finalists)
    for area in areas:
        for contest in area.contests:
            if contest.id != contest_id:
                continue
            for sheet in contest.sheets(2):
                if set(sheet.votes) != wanted:
                    raise CollationError(
                        f"round-2 sheet {sheet.id} was counted for finalists "
                        f"{', '.join(sorted(sheet.votes))}, but the collated finalists are "
                        f"{', '.join(finalists)}",
                        f'area "{area.election.area}"',
                    )


def load_area(path: Path) -> Count:
    """A count file, or a results bundle folder (verified first: an altered bundle is refused)."""
    return load_signed_area(path)[0]


def load_signed_area(path: Path) -> tuple[Count, str | None]:
    """`load_area`, with the fingerprint of the key that signed the bundle (None for a bare count
    file), to print so the collating officer can compare it with the one the area reported."""
    from ..exchange.countfile import load_count_file

    if path.is_dir():
        from ..exchange.bundle import verify_bundle
        from .bundle_content import check_bundle_trail, read_bundle_count

        verdict = verify_bundle(path)
        if not verdict.ok:
            raise CollationError("bundle refused: " + "; ".join(verdict.problems), str(path))
        count, _ = read_bundle_count(path, verdict.files)
        check_bundle_trail(path, verdict.files, count)
        return count, verdict.key_fingerprint
    return load_count_file(path), None

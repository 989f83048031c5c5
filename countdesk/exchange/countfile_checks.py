"""The cross-reference half of count-file validation: the rules a JSON Schema cannot state.

Unknown and duplicate ids, a round-1 sheet that leaves a candidate out, an SV contest with two
seats, keys that belong to the other round, lots that do not fit. Each check only reads parts of
the document the structural pass found sound (`Scopes`), so it never trips on a malformed value
and never reports a knock-on of a fault already found.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..domain.model import Nation, Office, VotingSystem
from ..domain.regimes import COLLATED_OFFICES, lawful_systems, system_row
from ..domain.text_rules import quote
from .countfile_issues import Issue, Path, Scopes

_ABSENT = object()
_ROUND_2_ONLY = ("non_transferable", "second_rejected", "second_not_counted")
_COLLATED_OFFICES = tuple(office.value for office in COLLATED_OFFICES)
_ROUND_1_ONLY = ("rejected", "rejected_in_part")


class _Reader:
    """Reads values the structural pass vouched for; anything else reads as absent."""

    def __init__(self, scopes: Scopes) -> None:
        self._scopes = scopes

    def get(self, obj: object, path: Path, key: str) -> object:
        if not isinstance(obj, dict) or key not in obj or not self._scopes.clean((*path, key)):
            return _ABSENT
        return obj[key]

    def items(self, obj: object, path: Path, key: str) -> list[tuple[Path, dict]]:
        """The (path, object) pairs of a list of objects, skipping any that is not an object;
        their keys are then read one by one with `get`."""
        value = obj.get(key) if isinstance(obj, dict) else None
        if not isinstance(value, list) or not self._scopes.intact((*path, key)):
            return []
        return [
            ((*path, key, i), item) for i, item in enumerate(value)
            if isinstance(item, dict) and self._scopes.intact((*path, key, i))
        ]


def cross_reference_issues(doc: object, scopes: Scopes) -> Iterator[Issue]:
    if not isinstance(doc, dict):
        return
    read = _Reader(scopes)
    election = doc.get("election")
    poll_date = read.get(election, ("election",), "poll_date")
    day: date | None = None
    if isinstance(poll_date, str):
        try:
            day = date.fromisoformat(poll_date)
        except ValueError:
            yield Issue(("election", "poll_date"), f"is not a real date ({quote(poll_date)})")
    nation = read.get(election, ("election",), "nation")
    nation = Nation.ENGLAND if nation is _ABSENT and isinstance(election, dict) and "nation" not in election else nation
    contests = doc.get("contests")
    if isinstance(contests, list):
        yield from _duplicate_ids(read, doc, (), "contests", "contest")
        for i, contest in enumerate(contests):
            if isinstance(contest, dict):
                yield from _contest_issues(read, contest, ("contests", i))
                if day is not None and isinstance(nation, str):
                    yield from _regime_issues(read, contest, ("contests", i), day, Nation(nation))


def _duplicate_ids(read: _Reader, parent: object, path: Path, key: str, noun: str) -> Iterator[Issue]:
    seen: dict[str, int] = {}
    value = parent.get(key) if isinstance(parent, dict) else None
    if not isinstance(value, list):
        return
    for i, item in enumerate(value):
        item_id = read.get(item, (*path, key, i), "id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            yield Issue(
                (*path, key, i, "id"),
                f"duplicate {noun} id {quote(item_id)} ({key}[{seen[item_id]}] has it too)",
            )
        else:
            seen[item_id] = i


def _contest_issues(read: _Reader, contest: dict, path: Path) -> Iterator[Issue]:
    system = read.get(contest, path, "system")
    seats = read.get(contest, path, "seats")
    if system == "sv" and isinstance(seats, int) and seats != 1:
        yield Issue(
            (*path, "seats"),
            f"a supplementary vote (sv) contest has exactly one seat, not {seats}",
        )
    yield from _office_issues(read, contest, path, system, seats)
    for key, noun in (("candidates", "candidate"), ("boxes", "box"), ("count_sheets", "sheet")):
        yield from _duplicate_ids(read, contest, path, key, noun)

    candidates = read.get(contest, path, "candidates")
    known: tuple[str, ...] | None = None
    if isinstance(candidates, list):
        known = tuple(c["id"] for c in candidates)
    header_known = system in ("sv", "fptp", "referendum") and isinstance(seats, int)
    multi_seat_fptp = header_known and system == "fptp" and isinstance(seats, int) and seats >= 2

    for sheet_path, sheet in read.items(contest, path, "count_sheets"):
        yield from _sheet_issues(
            read, sheet, sheet_path, known, system if header_known and isinstance(system, str) else None,
            multi_seat_fptp,
        )

    seen_tied: dict[frozenset[str], int] = {}
    for lot_path, lot in read.items(contest, path, "lots"):
        yield from _lot_issues(read, lot, lot_path, known, seen_tied)


def _office_issues(read: _Reader, contest: dict, path: Path, system: object, seats: object) -> Iterator[Issue]:
    """What `countdesk/2` adds: an office fits its system, a referendum has a question and two
    answers, only a collated office is counted locally."""
    office = read.get(contest, path, "office")
    counting = read.get(contest, path, "counting")
    question = read.get(contest, path, "question")
    if (office == "referendum") != (system == "referendum") and isinstance(office, str) and isinstance(system, str):
        yield Issue((*path, "system"), (
            'a referendum (office "referendum") is counted with system "referendum"' if office == "referendum"
            else f'system "referendum" is only for office "referendum", not {quote(office)}'
        ))
    if system == "referendum":
        if isinstance(seats, int) and seats != 1:
            yield Issue((*path, "seats"), f"a referendum decides one question: seats is 1, not {seats}")
        if "question" not in contest:
            yield Issue(path, 'missing required key "question": a referendum gives its question as on the '
                              "ballot paper", key="question", missing=True)
        answers = read.get(contest, path, "candidates")
        if isinstance(answers, list) and len(answers) != 2:
            yield Issue((*path, "candidates"), f"a referendum has two answers (yes and no), not {len(answers)}")
    elif question is not _ABSENT:
        yield Issue((*path, "question"), "is only for referendums (system \"referendum\")")
    if counting == "local" and isinstance(office, str) and office not in _COLLATED_OFFICES:
        yield Issue((*path, "counting"), (
            f'a local count is one area of a collated PCC or combined-authority mayoral poll; office '
            f'{quote(office)} is counted as a whole ("counting": "whole")'
        ))


def _regime_issues(read: _Reader, contest: dict, path: Path, day: date, nation: Nation) -> Iterator[Issue]:
    """The system must be the one the office and poll date require (the regime table)."""
    office, system = read.get(contest, path, "office"), read.get(contest, path, "system")
    if not isinstance(office, str) or not isinstance(system, str):
        return
    lawful = lawful_systems(Office(office), nation, day)
    if VotingSystem(system) not in lawful:
        row = system_row(Office(office), nation, day)
        yield Issue((*path, "system"), (
            f'a {office} poll on {day.isoformat()} is counted with system "{row.system.value}", not '
            f'{quote(system)} ({row.rule})'
        ))


def _sheet_issues(
    read: _Reader, sheet: dict, path: Path, known: tuple[str, ...] | None, system: str | None,
    multi_seat_fptp: bool,
) -> Iterator[Issue]:
    round_number = read.get(sheet, path, "round")
    if round_number not in (1, 2):
        return
    if round_number == 2 and system in ("fptp", "referendum"):
        yield Issue((*path, "round"), "round 2 is only for supplementary vote (sv) contests")
    votes = read.get(sheet, path, "votes")
    if known is not None and isinstance(votes, dict):
        for candidate_id in votes:
            if candidate_id not in known:
                yield Issue((*path, "votes"), f"unknown candidate {quote(candidate_id)}", key=candidate_id)
        if round_number == 1:
            for candidate_id in known:
                if candidate_id not in votes:
                    yield Issue(
                        (*path, "votes"),
                        f"missing candidate {quote(candidate_id)}: a round-1 sheet gives every "
                        "candidate's votes (0 for none)",
                        key=candidate_id, missing=True,
                    )
    wrong_round = _ROUND_2_ONLY if round_number == 1 else _ROUND_1_ONLY
    for key in wrong_round:
        if key in sheet:
            yield Issue((*path, key), f"is only for round-{3 - round_number} sheets")
    if round_number == 2:
        second_rejected = read.get(sheet, path, "second_rejected")
        non_transferable = read.get(sheet, path, "non_transferable")
        if non_transferable is _ABSENT and "non_transferable" not in sheet:
            non_transferable = 0
        if isinstance(second_rejected, int) and isinstance(non_transferable, int) \
                and second_rejected > non_transferable:
            yield Issue((*path, "second_rejected"), (
                f"{second_rejected:,} papers rejected at the second stage, but only {non_transferable:,} "
                "non-transferable: they are a part of the non-transferable papers, never more"
            ))
    if round_number == 1 and system is not None:
        if multi_seat_fptp and "papers" not in sheet:
            yield Issue(
                path,
                'missing required key "papers": on an fptp contest with 2 or more seats each '
                "round-1 sheet gives its number of ballot papers",
                key="papers", missing=True,
            )
        if "rejected_in_part" in sheet and not multi_seat_fptp:
            yield Issue(
                (*path, "rejected_in_part"), "is only for round-1 sheets of fptp contests with 2 or more seats"
            )


def _lot_issues(
    read: _Reader, lot: dict, path: Path, known: tuple[str, ...] | None,
    seen_tied: dict[frozenset[str], int],
) -> Iterator[Issue]:
    tied, winners = read.get(lot, path, "tied"), read.get(lot, path, "winners")
    if known is not None:
        for key, names in (("tied", tied), ("winners", winners)):
            for candidate_id in names if isinstance(names, list) else ():
                if candidate_id not in known:
                    yield Issue((*path, key), f"unknown candidate {quote(candidate_id)}")
    if not isinstance(tied, list):
        return
    if isinstance(winners, list):
        for candidate_id in winners:
            if candidate_id not in tied:
                yield Issue((*path, "winners"), f"{quote(candidate_id)} is not one of the tied candidates")
        if len(winners) >= len(tied):
            yield Issue((*path, "winners"), "names every tied candidate: a lot leaves at least one of them out")
    tied_set = frozenset(tied)
    if tied_set in seen_tied:
        yield Issue(
            (*path, "tied"), f"lots[{seen_tied[tied_set]}] already records a lot between the same candidates",
        )
    else:
        seen_tied[tied_set] = int(path[-1])

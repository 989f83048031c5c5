"""Hypothesis strategies for valid counts, for any test that needs many of them.

`counts()` gives `Count`s that obey every count-file rule (docs/count-file.md), in the canonical
in-memory shape the importer builds, so `parse_count_document(count_to_document(c)) == c`. They
are valid count files, not necessarily finished counts: a round-2 sheet may name one finalist or
none, figures need not add up, and services/validation.py asks more of a sheet typed in at the count
(two or more round-2 figures).
`count_documents()` gives the same as JSON documents. For fuzzing readers, `json_values` gives
any JSON value (objects with the format's keys, often) and `damaged_documents()` valid documents
with one to three things broken.

Test folders have no __init__.py, so pytest puts each test file's folder on sys.path: tests here
use `from strategies import counts`; tests elsewhere, run with `python -m pytest` from the project
root as scripts/test.sh does, use `from tests.exchange.strategies import counts`.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from hypothesis import strategies as st

from countdesk.domain.model import (
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
from countdesk.domain.regimes import lawful_systems
from countdesk.domain.text_rules import first_forbidden_char, is_blank, is_valid_id
from countdesk.exchange import count_to_document

LARGEST_FIGURE = 2**53 - 1

ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"
ids = st.text(alphabet=ID_CHARACTERS, min_size=1, max_size=10).filter(is_valid_id)  # a letter or digit

#: Printable text: letters in every script, punctuation, spaces; no control characters.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=16).filter(
    lambda s: first_forbidden_char(s) is None)  # text_rules also refuses direction marks and zero-width spaces
names = texts.filter(lambda s: not is_blank(s))

#: Figures: mostly the sizes a count has, sometimes as large as a count file allows.
figures = st.one_of(st.integers(0, 5_000), st.integers(0, LARGEST_FIGURE))


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


@st.composite
def head_figures(draw, heads: tuple[str, ...]):
    """A subset of `heads` (the file may leave heads out) with figures, in statement order."""
    chosen = draw(st.lists(st.sampled_from(heads), unique=True))
    return frozen_map({h: draw(figures) for h in heads if h in chosen})


def candidate_lists(min_size: int = 0, max_size: int = 5) -> st.SearchStrategy[tuple[Candidate, ...]]:
    return st.lists(ids, min_size=min_size, max_size=max_size, unique=True).flatmap(
        lambda chosen: st.tuples(*(st.builds(Candidate, st.just(cid), names, texts) for cid in chosen))
    )


def box(box_id: str) -> st.SearchStrategy[Box]:
    return st.builds(
        Box, id=st.just(box_id), label=texts, postal=st.booleans(), ballot_paper_account=optional(figures),
        verified=optional(figures), note=optional(texts),
    )


#: When a lot was drawn: blank, or an ISO date and time as the app records it.
drawn_at = st.just("") | st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda moment: moment.replace(microsecond=0).isoformat()
)


@st.composite
def count_sheet(
    draw, sheet_id: str, candidate_ids: tuple[str, ...], system: VotingSystem, seats: int
) -> CountSheet:
    round_number = draw(st.sampled_from((1, 2))) if system is VotingSystem.SV else 1
    if round_number == 1:
        multi_seat_fptp = system is VotingSystem.FPTP and seats > 1
        return CountSheet(
            id=sheet_id, round=1,
            votes=frozen_map({cid: draw(figures) for cid in candidate_ids}),
            rejected=draw(head_figures(REJECTED_HEADS)),
            papers=draw(figures) if multi_seat_fptp else draw(optional(figures)),
            rejected_in_part=draw(optional(figures)) if multi_seat_fptp else None,
        )
    named = draw(st.lists(st.sampled_from(candidate_ids), unique=True)) if candidate_ids else []
    non_transferable = draw(optional(figures))
    return CountSheet(
        id=sheet_id, round=2,
        votes=frozen_map({cid: draw(figures) for cid in candidate_ids if cid in named}),
        papers=draw(optional(figures)),
        non_transferable=non_transferable,
        second_rejected=draw(optional(st.integers(0, non_transferable or 0))),
    )


@st.composite
def lots(draw, candidate_ids: tuple[str, ...]) -> tuple[Lot, ...]:
    """Recorded lots, each between a different set of candidates, each leaving someone out."""
    if len(candidate_ids) < 2:
        return ()
    recorded: list[Lot] = []
    seen: set[frozenset[str]] = set()
    for _ in range(draw(st.integers(0, 2))):
        tied = draw(st.lists(st.sampled_from(candidate_ids), min_size=2, unique=True))
        if frozenset(tied) in seen:
            continue
        seen.add(frozenset(tied))
        winners = draw(st.lists(st.sampled_from(tied), min_size=1, max_size=len(tied) - 1, unique=True))
        recorded.append(Lot(tuple(tied), tuple(winners), draw(texts), draw(drawn_at), draw(texts)))
    return tuple(recorded)


#: A date and time as the spec writes them: with the offset.
timestamps = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0).isoformat())

accepted_differences = st.builds(
    AcceptedDifference, stage=st.sampled_from(("round1", "round2")), counted=figures, expected=figures,
    reason=names, accepted_by=names, accepted_at=timestamps,
)
@st.composite
def contests(
    draw, contest_id: str | None = None, poll_date: date = date(2021, 5, 6), nation: Nation = Nation.ENGLAND,
) -> Contest:
    """A contest of any office, counted by the system its office and the poll date require."""
    office = draw(st.sampled_from(Office))
    system = lawful_systems(office, nation, poll_date)[0]
    seats = draw(st.integers(1, 4)) if system is VotingSystem.FPTP else 1
    collated = office in (Office.PCC, Office.COMBINED_AUTHORITY_MAYOR)
    counting = draw(st.sampled_from(Counting)) if collated else Counting.WHOLE
    referendum = system is VotingSystem.REFERENDUM
    candidates = draw(candidate_lists(2, 2) if referendum else candidate_lists())
    candidate_ids = tuple(c.id for c in candidates)
    box_ids = draw(st.lists(ids, max_size=3, unique=True))
    sheet_ids = draw(st.lists(ids, max_size=4, unique=True))
    return Contest(
        id=contest_id or draw(ids),
        title=draw(names),
        system=system,
        seats=seats,
        candidates=candidates,
        boxes=tuple(draw(box(i)) for i in box_ids),
        count_sheets=tuple(draw(count_sheet(i, candidate_ids, system, seats)) for i in sheet_ids),
        lots=() if referendum else draw(lots(candidate_ids)),
        electorate=draw(optional(figures)),
        office=office,
        counting=counting,
        title_cy=draw(optional(names)),
        question=draw(names) if referendum else None,
        accepted_differences=tuple(draw(st.lists(accepted_differences, max_size=2))),
        declared=draw(optional(st.builds(Declaration, at=timestamps, by=names))),
    )


elections = st.builds(
    Election, id=ids, title=names, poll_date=st.dates(min_value=date(1900, 1, 1)), area=names,
    returning_officer=optional(texts), bilingual=st.booleans(), deputy=st.booleans(),
    nation=st.sampled_from(Nation), title_cy=optional(names),
)


@st.composite
def counts(draw, max_contests: int = 2) -> Count:
    contest_ids = draw(st.lists(ids, max_size=max_contests, unique=True))
    election = draw(elections)
    return Count(election, tuple(draw(contests(cid, election.poll_date, election.nation)) for cid in contest_ids))


def count_documents(max_contests: int = 2) -> st.SearchStrategy[dict]:
    """Valid count-file documents (canonical form)."""
    return counts(max_contests).map(count_to_document)


# ------------------------------------------------------------------------ for fuzzing the importer

#: Keys of the format, so random objects reach past the top level often enough to matter.
VOCABULARY = [
    "format", "election", "contests", "id", "title", "poll_date", "area", "returning_officer",
    "bilingual", "system", "seats", "electorate", "candidates", "boxes", "count_sheets", "lots",
    "name", "description", "label", "postal", "ballot_paper_account", "verified", "note", "round",
    "papers", "votes", "rejected", "rejected_in_part", "non_transferable", "second_rejected",
    "tied", "winners", "drawn_by", "drawn_at", "witnesses", "unmarked", "too_many_votes",
    "office", "counting", "question", "title_cy", "nation", "deputy", "accepted_differences", "declared",
    "stage", "counted", "expected", "reason", "accepted_by", "accepted_at", "at", "by",
]
keys = st.sampled_from(VOCABULARY) | st.text(max_size=4)
scalars = (
    st.none() | st.booleans() | st.integers(-3, 3) | st.integers()
    | st.floats() | st.sampled_from(["countdesk/2", "countdesk/1", "sv", "fptp", "referendum", "pcc", "local",
                                      "2021-05-06", "a", ""]) | st.text(max_size=6)
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=30
)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _at(doc, path):
    for step in path:
        doc = doc[step]
    return doc


@st.composite
def damaged_documents(draw):
    """A valid document with one to three things broken: a value replaced by a near miss or by
    anything at all, a key or list item removed or duplicated, a key renamed or added."""
    doc = draw(count_documents())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(doc))))
        if not path:
            continue
        parent, step = _at(doc, path[:-1]), path[-1]
        action = draw(st.sampled_from(["replace", "near", "remove", "duplicate", "rename", "add"]))
        if action == "replace":
            parent[step] = draw(json_values)
        elif action == "near":
            parent[step] = draw(st.sampled_from([-1, 0, 1, 2, 3.0, True, None, "1", "", "a b", "x\n", [], {}]))
        elif action == "remove":
            del parent[step]
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(step, json.loads(json.dumps(parent[step])))
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(keys)] = parent.pop(step)
        elif action == "add" and isinstance(parent, dict):
            parent[draw(keys)] = draw(json_values)
    return doc

"""The fingerprint printed on a contest's documents covers that contest only (issue 12 item 7):
another contest added, changed or removed never changes it; its own figures and the election facts
its paper states do."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import contests, counts

from countdesk.domain.model import Count, frozen_map
from countdesk.exchange.countfile import dump_count_json, load_count_file
from countdesk.exchange.fingerprint import contest_fingerprint, contest_fingerprints, format_fingerprint

LIVERPOOL = Path(__file__).resolve().parents[1] / "golden" / "liverpool-mayor-2021" / "count.json"


def _with(count: Count, *extra) -> Count:
    return replace(count, contests=(*count.contests, *extra))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(counts(max_contests=1).filter(lambda c: len(c.contests) == 1), st.data())
def test_another_contest_added_changed_or_removed_leaves_the_fingerprint_alone(count, data):
    first = count.contests[0]
    printed = contest_fingerprint(count, first.id)
    ids = st.text("abcdefgh", min_size=3, max_size=6).filter(lambda i: i != first.id)
    other = data.draw(contests(data.draw(ids), count.election.poll_date, count.election.nation))
    added = _with(count, other)
    assert contest_fingerprint(added, first.id) == printed
    changed = replace(added, contests=(first, replace(other, title=other.title + " (amended)", boxes=())))
    assert contest_fingerprint(changed, first.id) == printed
    before = _with(replace(count, contests=(other,)), first)  # the other contest listed first
    assert contest_fingerprint(before, first.id) == printed
    assert contest_fingerprints(added) == {first.id: printed, other.id: contest_fingerprint(added, other.id)}


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(counts(max_contests=1).filter(lambda c: len(c.contests) == 1))
def test_for_a_count_of_one_contest_it_is_the_count_files_fingerprint(count):
    whole = hashlib.sha256(dump_count_json(count).encode("utf-8")).hexdigest()
    assert contest_fingerprint(count, count.contests[0].id) == format_fingerprint(whole)


def test_its_own_figures_and_the_election_facts_on_the_paper_change_it():
    count = load_count_file(LIVERPOOL)
    contest = count.contests[0]
    printed = contest_fingerprint(count, contest.id)
    assert len(printed.split()) == 8
    sheet = contest.count_sheets[0]
    first = contest.candidates[0].id
    one_more = replace(sheet, votes=frozen_map({**sheet.votes, first: sheet.votes[first] + 1}))
    figures = replace(count, contests=(replace(contest, count_sheets=(one_more, *contest.count_sheets[1:])),))
    assert contest_fingerprint(figures, contest.id) != printed
    officer = replace(count, election=replace(count.election, returning_officer="Someone Else"))
    assert contest_fingerprint(officer, contest.id) != printed

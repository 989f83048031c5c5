"""Real counts through the session: import, reload, tally against the published 2021 figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from session_builders import ELECTION, LCR_AREAS, LIVERPOOL, audit_size, load_example, small_sv

from countdesk.domain.collation import merge_areas
from countdesk.domain.model import frozen_map
from countdesk.domain.result import Status
from countdesk.domain.tally import tally_contest
from countdesk.errors import CountdeskError, ValidationError
from countdesk.services import CountSession, Stage
from countdesk.store import contests as store_contests  # where the import reads add_contest from

LIVERPOOL_ID = "mayor.liverpool.2021-05-06"


@pytest.fixture(scope="module")
def liverpool():
    return load_example(LIVERPOOL)


def test_liverpool_goes_in_and_comes_back_identical_across_sessions(tmp_path, liverpool):
    path = tmp_path / "liverpool.countdesk"
    with CountSession.create(path, "Alice", liverpool.election) as session:
        session.import_count(liverpool)
        assert session.load() == liverpool
        assert session.contest_state(LIVERPOOL_ID).stage is Stage.COUNT
    with CountSession.open(path, "Bob") as reopened:
        assert reopened.load() == liverpool
        assert reopened.verify_audit().ok


def test_the_tally_through_the_session_gives_the_published_liverpool_result(tmp_path, liverpool):
    with CountSession.create(tmp_path / "l.countdesk", "Alice", liverpool.election) as session:
        session.import_count(liverpool)
        result = session.tally(LIVERPOOL_ID)
    # Published by Liverpool City Council, 8 May 2021.
    assert result.status is Status.ELECTED and result.elected == ("anderson-j",)
    assert result.first["anderson-j"] == 38_958 and result.first["yip-s"] == 22_047
    assert dict(result.final) == {"anderson-j": 46_493, "yip-s": 32_079}
    assert result.non_transferable == 22_601
    assert result.ballot_papers_verified == 102_600
    assert result.rejected.total == 1_427
    assert result.turnout_percent == Decimal("30.51")


def test_the_city_region_areas_each_round_trip_and_collate_to_the_published_result(tmp_path):
    loaded = []
    for path in LCR_AREAS:
        area = load_example(path)
        with CountSession.create(tmp_path / f"{path.stem}.countdesk", "Alice", area.election) as session:
            session.import_count(area)
            assert session.load() == area
            loaded.append(session.load())
    merged = merge_areas(loaded)
    result = tally_contest(merged.election, merged.contests[0])
    # Wirral Council for the Liverpool City Region, 2021: Rotheram elected on first preferences.
    assert result.first["rotheram-s"] == 198_736 and result.valid_votes == 340_698
    assert result.elected_on_first is True and result.elected == ("rotheram-s",)


def test_importing_over_existing_contests_needs_replace(tmp_path, liverpool):
    with CountSession.create(tmp_path / "l.countdesk", "Alice", ELECTION) as session:
        session.set_up.add_contest(small_sv())
        rows = audit_size(session)
        with pytest.raises(CountdeskError, match="already holds 1 contest"):
            session.import_count(liverpool)
        assert audit_size(session) == rows
        session.import_count(liverpool, replace=True, reason="EMS export, second version")
        assert session.load() == liverpool
        actions = [(r.action, r.key) for r in session.audit_rows(after_id=rows)]
        assert actions == [("election.update", LIVERPOOL_ID), ("contest.remove", "mayor.testshire"),
                           ("contest.import", LIVERPOOL_ID)]
        assert session.audit_rows()[-1].reason == "EMS export, second version"


def test_an_invalid_count_imports_nothing_and_says_where(tmp_path, liverpool):
    contest = liverpool.contests[0]
    sheet = contest.count_sheets[3]
    bad_sheet = replace(sheet, votes=frozen_map({**sheet.votes, "smith-x": 4}))
    sheets = contest.count_sheets[:3] + (bad_sheet,) + contest.count_sheets[4:]
    bad = replace(liverpool, contests=(replace(contest, count_sheets=sheets),))
    with CountSession.create(tmp_path / "l.countdesk", "Alice", ELECTION) as session:
        rows = audit_size(session)
        with pytest.raises(ValidationError) as refused:
            session.import_count(bad)
        assert refused.value.where == "contests[0].count_sheets[3].votes"
        assert 'unknown candidate "smith-x"' in str(refused.value)
        assert session.load().contests == () and audit_size(session) == rows


def test_an_import_that_fails_halfway_leaves_nothing(tmp_path, liverpool, monkeypatch):
    second = replace(liverpool.contests[0], id="mayor.second")
    count = replace(liverpool, contests=(liverpool.contests[0], second))
    real_add = store_contests.add_contest

    def add_then_fail(cdb, actor, contest, **kwargs):
        if contest.id == "mayor.second":
            raise OSError("disk full")
        real_add(cdb, actor, contest, **kwargs)

    monkeypatch.setattr(store_contests, "add_contest", add_then_fail)
    with CountSession.create(tmp_path / "l.countdesk", "Alice", ELECTION) as session:
        rows = audit_size(session)
        with pytest.raises(OSError):
            session.import_count(count)
        assert session.load().contests == () and audit_size(session) == rows
        assert session.election() == ELECTION
        assert session.contest_states() == []

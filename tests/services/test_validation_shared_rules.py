"""What the app accepts, the count file can carry: the services apply the count file's text rules."""

import pytest

from countdesk.domain.model import Candidate, CountSheet, frozen_map
from countdesk.domain.text_rules import LARGEST_FIGURE
from countdesk.errors import ValidationError
from countdesk.exchange.countfile import dump_count_json
from countdesk.services.count_session import CountSession


@pytest.fixture()
def session(tmp_path):
    from pathlib import Path

    from countdesk.exchange.countfile import load_count_file

    count = load_count_file(Path(__file__).resolve().parents[1] / "golden" / "liverpool-mayor-2021" / "count.json")
    s = CountSession.create(tmp_path / "c.countdesk", "Tester", count.election)
    s.import_count(count)
    yield s
    s.close()


@pytest.mark.parametrize("name", ["Ann\x07 ASHE", "Ann\u202eASHE", "A" * 501])
def test_a_candidate_name_the_count_file_would_refuse_is_refused_at_entry(session, name):
    contest = session.load().contests[0]
    with pytest.raises(ValidationError) as info:
        session.set_up.update_candidate(contest.id, Candidate(contest.candidates[0].id, name, "Labour Party"))
    assert "name" in info.value.where
    dump_count_json(session.load())  # the count is still exportable


def test_a_figure_beyond_what_json_readers_keep_exact_is_refused(session):
    contest = session.load().contests[0]
    votes = {cid: 0 for cid in contest.candidate_ids}
    votes[contest.candidate_ids[0]] = LARGEST_FIGURE + 1
    with pytest.raises(ValidationError, match="too large"):
        session.sheets.confirm(contest.id, CountSheet("BIG", 1, frozen_map(votes)))

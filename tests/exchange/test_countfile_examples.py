"""The shared 2021 Merseyside examples load, give the published figures and round-trip.

The example files are the copies kept with the golden cases (identical to the published examples):
each in `countdesk/2` and, as it was first written, in `countdesk/1`, which countdesk still reads."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from countdesk.domain.collation import merge_areas
from countdesk.domain.model import REJECTED_HEADS, VotingSystem
from countdesk.domain.result import Status
from countdesk.domain.tally import tally_contest
from countdesk.exchange import (
    count_to_document,
    dump_count_json,
    load_count_file,
    parse_count_document,
    write_count_file,
)

GOLDEN = Path(__file__).parent.parent / "golden"
LIVERPOOL = GOLDEN / "liverpool-mayor-2021-countdesk-2" / "count.json"
LCR_AREAS = sorted((GOLDEN / "lcr-mayor-2021-countdesk-2" / "areas").glob("*.json"))
ALL_EXAMPLES = [LIVERPOOL, *LCR_AREAS]
LEGACY_LIVERPOOL = GOLDEN / "liverpool-mayor-2021" / "count.json"
LEGACY_LCR_AREAS = sorted((GOLDEN / "lcr-mayor-2021" / "areas").glob("*.json"))


def test_the_six_city_region_areas_are_there():
    assert [p.stem for p in LCR_AREAS] == ["halton", "knowsley", "liverpool", "sefton", "st-helens", "wirral"]


def test_liverpool_loads_as_the_domain_count():
    count = load_count_file(LIVERPOOL)
    assert count.election.area == "Liverpool"
    assert count.election.poll_date.isoformat() == "2021-05-06"
    (contest,) = count.contests
    assert contest.system is VotingSystem.SV and contest.seats == 1
    assert contest.electorate == 336283
    assert contest.candidate_ids[0] == "anderson-j"
    assert contest.candidate("yip-s").name == "Stephen YIP"
    # Votes keep ballot-paper order, as the domain model promises.
    assert all(tuple(sheet.votes) == contest.candidate_ids for sheet in contest.sheets(1))
    assert all(tuple(sheet.rejected) == REJECTED_HEADS for sheet in contest.sheets(1))
    assert contest.boxes[2].note == "Spoilt paper recorded as issued on the account."


def test_tally_of_the_loaded_liverpool_file_gives_the_published_result():
    count = load_count_file(LIVERPOOL)
    result = tally_contest(count.election, count.contests[0])
    assert result.status is Status.ELECTED
    assert result.elected == ("anderson-j",)
    assert result.elected_on_first is False
    assert result.first["anderson-j"] == 38_958 and result.first["yip-s"] == 22_047
    assert result.valid_votes == 101_173
    assert result.finalists == ("anderson-j", "yip-s")
    assert dict(result.final) == {"anderson-j": 46_493, "yip-s": 32_079}
    assert result.non_transferable == 22_601
    assert result.ballot_papers_verified == 102_600
    assert result.rejected.total == 1_427
    assert result.turnout_percent == Decimal("30.51")


def test_collated_city_region_files_elect_rotheram_on_first_preferences():
    areas = [load_count_file(path) for path in LCR_AREAS]
    collated = merge_areas(areas)
    result = tally_contest(collated.election, collated.contests[0])
    assert result.first["rotheram-s"] == 198_736
    assert result.valid_votes == 340_698
    assert result.elected_on_first is True
    assert result.elected == ("rotheram-s",)


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.parent.name + "/" + p.stem)
def test_every_example_round_trips_as_a_document_and_as_a_count(path: Path):
    original = json.loads(path.read_text(encoding="utf-8"))
    count = load_count_file(path)
    assert count_to_document(count) == original  # dict equality: every key and value kept
    assert parse_count_document(json.loads(dump_count_json(count))) == count


@pytest.mark.parametrize("legacy, current",
                         [(LEGACY_LIVERPOOL, LIVERPOOL), *zip(LEGACY_LCR_AREAS, LCR_AREAS, strict=True)],
                         ids=lambda p: p.stem)
def test_a_countdesk_1_example_reads_as_its_countdesk_2_twin(legacy: Path, current: Path):
    # The same contests and figures; the office and counting role the /2 twin states are the ones
    # inferred, once, from the /1 file (its election's officer names are the /2 file's own).
    notes = []
    old, new = load_count_file(legacy, notes), load_count_file(current)
    assert old.contests == new.contests
    assert [n.where for n in notes] == ["contests[0]"]
    assert f'office inferred as "{new.contests[0].office.value}"' in notes[0].message
    assert f'counting as "{new.contests[0].counting.value}"' in notes[0].message


def test_the_liverpool_example_is_in_canonical_form_byte_for_byte():
    # Its votes are in ballot-paper order and it uses one-space indentation: the canonical form.
    assert dump_count_json(load_count_file(LIVERPOOL)) == LIVERPOOL.read_text(encoding="utf-8")


def test_canonical_export_puts_votes_in_ballot_paper_order():
    wirral = GOLDEN / "lcr-mayor-2021-countdesk-2" / "areas" / "wirral.json"
    raw = json.loads(wirral.read_text(encoding="utf-8"))
    assert list(raw["contests"][0]["count_sheets"][0]["votes"])[0] == "rotheram-s"  # not ballot order
    exported = json.loads(dump_count_json(load_count_file(wirral)))
    candidate_order = [c["id"] for c in raw["contests"][0]["candidates"]]
    assert all(list(s["votes"]) == candidate_order for s in exported["contests"][0]["count_sheets"])


def test_written_file_reads_back_the_same_count(tmp_path: Path):
    count = load_count_file(LIVERPOOL)
    target = tmp_path / "out.json"
    write_count_file(count, target)
    assert load_count_file(target) == count
    assert target.read_bytes().endswith(b"]\n}\n")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind


def test_golden_cases_with_lots_and_partial_rejected_heads_round_trip():
    for path in (GOLDEN / "fptp-three-seats-last-seat-lot" / "count.json",
                 GOLDEN / "sv-tie-for-second-and-final-lot" / "count.json"):
        original = json.loads(path.read_text(encoding="utf-8"))
        count = load_count_file(path)
        assert count_to_document(count) == original
        assert count.contests[0].lots[0].winners

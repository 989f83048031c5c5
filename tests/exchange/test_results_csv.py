"""Results CSV for upload: one row per contest and candidate, the columns docs/results-formats.md
lists, figures as published."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bundle_fixtures import AWKWARD_NAME, AWKWARD_PARTY, lcr_collated, liverpool_result, ward_result

from countdesk.exchange.results_csv import COLUMNS, results_to_csv


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_columns_match_the_documentation_in_order():
    doc = Path(__file__).parents[2] / "docs" / "results-formats.md"
    section = doc.read_text("utf-8").split("\n## Results CSV", 1)[1].split("\n## ", 1)[0]
    documented = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert documented == list(COLUMNS)


def test_liverpool_rows_one_per_candidate_in_ballot_order_with_sv_figures():
    election, contest, result = liverpool_result()
    text = results_to_csv([(election, contest, result)], gss_codes={contest.id: "E08000012"},
                          source="https://liverpool.gov.uk/elections")
    assert text.splitlines()[0].split(",") == list(COLUMNS)
    assert "\r\n" in text
    rows = read(text)
    assert [r["candidate_id"] for r in rows] == list(contest.candidate_ids)
    by_id = {r["candidate_id"]: r for r in rows}
    anderson, yip, kemp = by_id["anderson-j"], by_id["yip-s"], by_id["kemp-r"]
    assert (anderson["votes"], anderson["votes_basis"]) == ("46493", "final_total")
    assert (anderson["first_preferences"], anderson["second_preference_transfers"], anderson["total"]) == (
        "38958", "7535", "46493")
    assert (yip["votes"], yip["first_preferences"], yip["second_preference_transfers"], yip["total"]) == (
        "32079", "22047", "10032", "32079")
    assert (kemp["votes"], kemp["votes_basis"], kemp["second_preference_transfers"], kemp["total"]) == (
        "17166", "first_preferences", "", "")
    assert [r["elected"] for r in rows].count("true") == 1 and anderson["elected"] == "true"
    for row in rows:  # contest-wide figures repeat on every row
        assert row["ballot_paper_id"] == "mayor.liverpool.2021-05-06"
        assert row["area"] == "Liverpool" and row["gss"] == "E08000012"
        assert (row["voting_system"], row["seats"], row["result_status"]) == ("sv", "1", "elected")
        assert row["rejected_total"] == row["num_spoilt_ballots"] == "1427"
        heads = ("want_of_official_mark", "too_many_votes", "identifiable", "unmarked", "void_for_uncertainty")
        assert sum(int(row[f"rejected_{h}"]) for h in heads) == 1427
        assert row["ballot_papers_verified"] == row["num_turnout_reported"] == "102600"
        assert (row["electorate"], row["turnout_percentage"]) == ("336283", "30.51")
        assert row["source"] == "https://liverpool.gov.uk/elections"


def test_elected_on_first_preferences_votes_are_first_preferences_and_totals():
    election, contest, result = lcr_collated()
    rows = read(results_to_csv([(election, contest, result)]))
    rotheram = next(r for r in rows if r["candidate_id"] == "rotheram-s")
    assert (rotheram["votes"], rotheram["votes_basis"], rotheram["total"], rotheram["elected"]) == (
        "198736", "first_preferences", "198736", "true")
    assert sum(int(r["votes"]) for r in rows) == 340698
    assert all(r["gss"] == "" for r in rows)  # not set up
    assert rows[0]["source"] == "countdesk count: Halton, Knowsley, Liverpool, Sefton, St Helens, Wirral"


def test_fptp_three_seat_ward_rows():
    election, contest, result = ward_result()
    rows = read(results_to_csv([(election, contest, result)]))
    assert [(r["candidate_id"], r["votes"], r["elected"]) for r in rows] == [
        ("a", "1500", "true"), ("b", "1420", "true"), ("c", "1300", "true"),
        ("d", "1299", "false"), ("e", "640", "false"), ("f", "210", "false")]
    assert {r["votes_basis"] for r in rows} == {"votes"}
    assert {r["first_preferences"] for r in rows} == {""}
    assert rows[3]["candidate_name"] == AWKWARD_NAME and rows[3]["party_name"] == AWKWARD_PARTY
    assert rows[5]["party_name"] == ""
    row = rows[0]
    assert (row["rejected_too_many_votes"], row["rejected_total"], row["num_spoilt_ballots"]) == ("7", "13", "13")
    assert (row["ballot_papers_verified"], row["num_turnout_reported"]) == ("2150", "2150")
    assert (row["electorate"], row["turnout_percentage"], row["seats"]) == ("8600", "25.00", "3")
    assert row["source"] == "countdesk count: Returning Officer, Testborough Borough Council"


def test_several_contests_in_one_file():
    rows = read(results_to_csv([ward_result(), liverpool_result()]))
    assert len(rows) == 6 + 7
    assert [r["ballot_paper_id"] for r in rows][5:7] == ["local.testborough.north.2021-05-06",
                                                       "mayor.liverpool.2021-05-06"]

"""Golden cases: each folder holds a count file (or area files) and the expected result, worked
out from published figures or by hand. Run through the real command line, JSON out: a count file
is imported into a count database (`countdesk import`) and tallied from there (`countdesk tally
--db … --json`), and the file tallied directly must give the same. The `regime-*` cases are one
per row of the regime table (domain/regimes.py) and per status it brings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from countdesk.cli import main

HERE = Path(__file__).parent
CASES = sorted(p for p in HERE.iterdir() if (p / "expected.json").exists())


def run(argv: list[str], capsys) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def run_case(case: Path, capsys, tmp_path: Path) -> dict:
    if (case / "areas").is_dir():
        return json.loads(run(["collate", *map(str, sorted((case / "areas").glob("*.json"))), "--json"], capsys))
    count_file = str(case / "count.json")
    db = tmp_path / f"{case.name}.countdesk"
    run(["import", count_file, "--db", str(db), "--operator", "Golden"], capsys)
    imported = json.loads(run(["tally", "--db", str(db), "--json"], capsys))
    assert json.loads(run(["tally", count_file, "--json"], capsys)) == imported
    return imported


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, capsys, tmp_path):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    actual = run_case(case, capsys, tmp_path)
    assert len(actual["contests"]) == len(expected["contests"])
    for want, got in zip(expected["contests"], actual["contests"], strict=True):
        for key, value in want.items():
            if key == "warning_codes":
                assert sorted({w["code"] for w in got["warnings"]}) == value
            else:
                assert got[key] == value, key


def test_tally_json_has_every_key_of_the_spec(capsys, tmp_path):
    actual = run_case(HERE / "liverpool-mayor-2021", capsys, tmp_path)["contests"][0]
    spec_keys = {
        "id", "system", "seats", "status", "office", "counting", "ballot_papers_verified",
        "ballot_papers_counted", "valid_votes", "rejected", "turnout_percent", "first", "elected_on_first",
        "finalists", "second", "non_transferable", "second_rejected", "final", "elected", "lots_applied",
        "warnings", "declared", "declared_at",
    }
    assert set(actual) == spec_keys
    assert actual["rejected"]["total"] == sum(v for k, v in actual["rejected"].items() if k != "total")
    w03 = [w for w in actual["warnings"] if w["code"] == "W03"]
    assert w03 and all(w["where"].startswith("boxes[") for w in w03)


def test_every_row_of_the_regime_table_has_a_golden_case():
    from countdesk.domain.regimes import SYSTEM_ROWS, system_row
    from countdesk.exchange import load_count_file

    covered = set()
    for case in CASES:
        files = sorted((case / "areas").glob("*.json")) if (case / "areas").is_dir() else [case / "count.json"]
        for path in files:
            count = load_count_file(path)
            for contest in count.contests:
                covered.add(system_row(contest.office, count.election.nation, count.election.poll_date))
    missing = [(row.office.value, row.since, row.nation) for row in SYSTEM_ROWS if row not in covered]
    assert missing == []

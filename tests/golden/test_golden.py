"""Golden cases: each folder holds a count file (or area files) and the expected result, worked
out from published figures or by hand. Run through the real command line, JSON out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from countdesk.cli import main

HERE = Path(__file__).parent
CASES = sorted(p for p in HERE.iterdir() if (p / "expected.json").exists())


def run_case(case: Path, capsys) -> dict:
    if (case / "areas").is_dir():
        argv = ["collate", *map(str, sorted((case / "areas").glob("*.json"))), "--json"]
    else:
        argv = ["tally", str(case / "count.json"), "--json"]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, capsys):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    actual = run_case(case, capsys)
    assert len(actual["contests"]) == len(expected["contests"])
    for want, got in zip(expected["contests"], actual["contests"]):
        for key, value in want.items():
            if key == "warning_codes":
                assert sorted({w["code"] for w in got["warnings"]}) == value
            else:
                assert got[key] == value, key


def test_tally_json_has_every_key_of_the_spec(capsys):
    actual = run_case(HERE / "liverpool-mayor-2021", capsys)["contests"][0]
    spec_keys = {
        "id", "system", "seats", "status", "office", "counting", "ballot_papers_verified",
        "ballot_papers_counted", "valid_votes", "rejected", "turnout_percent", "first", "elected_on_first",
        "finalists", "second", "non_transferable", "second_rejected", "final", "elected", "lots_applied",
        "warnings",
    }
    assert set(actual) == spec_keys
    assert actual["rejected"]["total"] == sum(v for k, v in actual["rejected"].items() if k != "total")
    w03 = [w for w in actual["warnings"] if w["code"] == "W03"]
    assert w03 and all(w["where"].startswith("boxes[") for w in w03)

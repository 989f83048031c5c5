"""Issue 14 items 11 and 16 (BOM): a round-2 instruction or a count file nested a thousand deep or
holding a 5,000-digit number is a located refusal, never an exception escaping the reader; a BOM
that Notepad adds is accepted."""

from __future__ import annotations

import json

import pytest
from security_helpers import LIVERPOOL, run_cli

from countdesk.errors import ValidationError
from countdesk.exchange.countfile import parse_count_bytes
from countdesk.exchange.round2 import read_round2_instruction

INSTRUCTION = {"format": "countdesk-round2/1", "election_id": "e", "contest_id": "c", "finalists": ["a", "b"],
               "first_preferences": {"a": 40, "b": 35, "c": 25}, "areas": ["A"],
               "issued_at": "2021-05-07T16:05:00+01:00", "issued_by": "Combined Authority Returning Officer"}
DEEP = "[" * 1000 + "]" * 1000
DEEPER = "[" * 100_000 + "]" * 100_000
HUGE = "9" * 5000


@pytest.mark.parametrize("hostile", [
    json.dumps(INSTRUCTION).replace('"Combined Authority Returning Officer"', DEEP),
    json.dumps(INSTRUCTION).replace('"Combined Authority Returning Officer"', DEEPER),
    json.dumps(INSTRUCTION).replace('"Combined Authority Returning Officer"', "[" * 990 + "]" * 990),
    json.dumps(INSTRUCTION).replace(": 40,", f": {HUGE},"),
    json.dumps(INSTRUCTION).replace(": 40,", f": {HUGE}.5e99999,"),
], ids=["1000-deep", "100000-deep", "990-deep", "5000-digits", "huge-float"])
def test_a_hostile_instruction_is_a_located_refusal(tmp_path, hostile):
    path = tmp_path / "round2.json"
    path.write_text(hostile, "utf-8")
    with pytest.raises(ValidationError) as refused:
        read_round2_instruction(path)
    assert str(path) in refused.value.where and "\n" not in str(refused.value)


def test_an_instruction_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "round2.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(INSTRUCTION).encode("utf-8"))
    assert read_round2_instruction(path).finalists == ("a", "b")


@pytest.mark.parametrize("depth", [990, 1000, 50_000])
def test_a_deeply_nested_count_file_is_a_located_refusal(tmp_path, capsys, depth):
    text = LIVERPOOL.read_text().replace('"Election of the Mayor of Liverpool"', "[" * depth + "]" * depth, 1)
    with pytest.raises(ValidationError, match="nested more than"):
        parse_count_bytes(text.encode("utf-8"), "count.json")
    path = tmp_path / "count.json"
    path.write_text(text, "utf-8")
    code, _, err = run_cli(capsys, "tally", str(path))
    assert code == 2 and err.count("\n") == 1 and str(path) in err

"""Reading count files from disk (size, encoding, JSON syntax) and writing them back atomically."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from read_spy import ReadSpy

from countdesk.errors import CountdeskError, ValidationError
from countdesk.exchange import (
    MAX_COUNT_FILE_BYTES,
    dump_count_json,
    load_count_file,
    parse_count_bytes,
    write_count_file,
)

LIVERPOOL_FILE = Path(__file__).parent.parent / "golden" / "liverpool-mayor-2021" / "count.json"
SMALL = {
    "format": "countdesk/1",
    "election": {"id": "e", "title": "Test", "poll_date": "2022-05-05", "area": "Testshire"},
    "contests": [{"id": "c", "title": "North ward", "system": "fptp", "seats": 1,
                  "candidates": [{"id": "a", "name": "Ann ASHE"}, {"id": "b", "name": "Siân BEVAN"}],
                  "count_sheets": [{"id": "S1", "round": 1, "votes": {"a": 4, "b": 3}}]}],
}


def write(tmp_path: Path, data: bytes, name: str = "count.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_malformed_json_names_line_and_column(tmp_path):
    text = '{\n "format": "countdesk/1"\n "election": {}\n}\n'  # no comma after line 2
    path = write(tmp_path, text.encode())
    with pytest.raises(ValidationError) as caught:
        load_count_file(path)
    assert str(caught.value) == f"{path} line 3, column 2: not valid JSON: expecting ',' delimiter"


def test_truncated_file_names_where_it_ends(tmp_path):
    path = write(tmp_path, b'{"format": "countdesk/1", "contests": [')
    with pytest.raises(ValidationError, match=r"line 1, column 40: not valid JSON: expecting value$"):
        load_count_file(path)


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(50_000_000)  # sparse: cheap to make, would be slow to read and parse
    spy = ReadSpy(monkeypatch, path)
    with pytest.raises(ValidationError) as caught:
        load_count_file(path)
    # The size comes from the file system: the file was not read in to find it.
    assert spy.bytes_read(path) == 0
    assert str(caught.value) == (
        f"{path}: the file is 50.0 MB; a count file may be at most 20 MB, so this is not a count file"
    )


def test_a_file_just_under_the_limit_is_read(tmp_path):
    body = json.dumps(SMALL).encode()
    path = write(tmp_path, body + b" " * (MAX_COUNT_FILE_BYTES - len(body)))
    assert load_count_file(path).contests[0].id == "c"


def test_a_non_utf8_file_names_the_line(tmp_path):
    text = json.dumps(SMALL, indent=1, ensure_ascii=False)
    path = write(tmp_path, text.encode("cp1252"))  # "Siân" saved by a Windows editor
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "Siân" in ln)
    column = text.splitlines()[line - 1].index("â") + 1
    with pytest.raises(ValidationError) as caught:
        load_count_file(path)
    assert str(caught.value) == (
        f"{path} line {line}, column {column}: not UTF-8 text (byte 0xE2); save the file with UTF-8 encoding"
    )


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(SMALL, ensure_ascii=False).encode())
    assert load_count_file(path).contests[0].candidates[1].name == "Siân BEVAN"


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite(tmp_path):
    text = json.dumps(SMALL).replace('{"a": 4, "b": 3}', '{"a": 4, "b": 3, "a": 40}')
    with pytest.raises(ValidationError) as caught:
        parse_count_bytes(text.encode())
    assert str(caught.value) == 'contests[0].count_sheets[0].votes: the key "a" is given twice'


def test_nan_is_not_a_figure():
    text = json.dumps(SMALL).replace('"seats": 1', '"seats": NaN')
    with pytest.raises(ValidationError, match=r"^contests\[0\]\.seats: must be a whole number from 1 to 1000$"):
        parse_count_bytes(text.encode())


def test_deep_nesting_is_refused_cleanly():
    data = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(ValidationError, match="count file: not valid JSON"):
        parse_count_bytes(data)


def test_an_integer_too_long_to_convert_is_refused_cleanly():
    text = json.dumps(SMALL).replace('"seats": 1', '"seats": ' + "9" * 5000)
    with pytest.raises(ValidationError, match="^count file: not valid JSON"):
        parse_count_bytes(text.encode())


def test_a_missing_file_is_a_countdesk_error(tmp_path):
    with pytest.raises(CountdeskError, match="cannot read the count file"):
        load_count_file(tmp_path / "nowhere.json")


def test_a_folder_is_not_a_count_file(tmp_path):
    with pytest.raises(CountdeskError, match="cannot read the count file"):
        load_count_file(tmp_path)


def test_write_replaces_an_existing_file_and_keeps_its_permissions(tmp_path):
    count = load_count_file(LIVERPOOL_FILE)
    target = write(tmp_path, b"old", "out.json")
    os.chmod(target, 0o640)
    write_count_file(count, target)
    assert load_count_file(target) == count
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_count_that_would_not_import_is_not_written(tmp_path):
    count = load_count_file(LIVERPOOL_FILE)
    broken = replace(count, contests=(replace(count.contests[0], seats=2),))
    target = write(tmp_path, b"previous contents", "out.json")
    with pytest.raises(ValidationError) as caught:
        write_count_file(broken, target)
    assert str(caught.value) == (
        "contests[0].seats: cannot export this count: a supplementary vote (sv) contest has exactly one "
        "seat, not 2"
    )
    assert target.read_bytes() == b"previous contents"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_write_into_a_missing_folder_is_a_countdesk_error(tmp_path):
    count = load_count_file(LIVERPOOL_FILE)
    with pytest.raises(CountdeskError, match="cannot write the count file"):
        write_count_file(count, tmp_path / "no-such-folder" / "out.json")


def test_dump_is_utf8_text_with_names_unescaped():
    text = dump_count_json(parse_count_bytes(json.dumps(SMALL).encode()))
    assert "Siân BEVAN" in text and "\\u" not in text
    assert text.startswith('{\n "format": "countdesk/2",\n "election": {\n  "id": "e",')

"""Bad input everywhere: whatever comes in gives a valid import or a ValidationError (a refusal
verdict for bundles), never another exception and never half an import."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from read_spy import ReadSpy
from reliability_builders import ELECTION, LIVERPOOL

from countdesk.domain.completeness import impossible_figures
from countdesk.domain.model import Box, Contest, Count, CountSheet, VotingSystem, frozen_map
from countdesk.domain.tally import tally_contest
from countdesk.errors import CountdeskError, ValidationError
from countdesk.exchange.bundle import BundleVerdict, verify_bundle, write_bundle
from countdesk.exchange.countfile import load_count_file, parse_count_bytes
from countdesk.exchange.csv_import import MAX_CSV_BYTES, read_boxes_csv, read_candidates_csv
from countdesk.exchange.signing import generate_key
from countdesk.services import CountSession
from countdesk.services.documents import document_context, render_document

VALID_BOXES = (b"id,label,postal,ballot_paper_account,verified\r\nB1,Church hall,no,100,98\r\n"
               b"P1,\"Postal, first opening\",yes,60,\r\nB2,Library,0,1200,1199\r\n")
VALID_CANDIDATES = "name,description\nJoanne ANDERSON,Labour Party\nStephen YIP,Independent\nRichard KEMP,Liberal\n"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_contest_numbers = itertools.count(1)


def mutations(valid: bytes) -> st.SearchStrategy[bytes]:
    """The valid file with a few bytes inserted, removed or changed, or a line doubled."""
    @st.composite
    def mutate(draw) -> bytes:
        data = bytearray(valid)
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data)))
            op = draw(st.sampled_from(["insert", "delete", "replace", "double"]))
            if op == "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=6) | st.sampled_from(
                    [b",", b"\"", b"\n", b"\r", b"\x00", b"\xef\xbb\xbf", "\u202e".encode(), b"-1", b"1e9"]))
            elif op == "delete":
                del data[at:at + draw(st.integers(1, 8))]
            elif op == "replace" and at < len(data):
                data[at] = draw(st.integers(0, 255))
            elif op == "double":
                lines = bytes(data).split(b"\n")
                n = draw(st.integers(0, len(lines) - 1))
                data = bytearray(b"\n".join(lines[: n + 1] + lines[n:]))
        return bytes(data)

    return mutate()


@pytest.fixture(scope="module")
def long_session(tmp_path_factory):
    """One count file for a whole fuzz run: every refused import must leave it exactly as it was."""
    s = CountSession.create(tmp_path_factory.mktemp("fuzz") / "fuzz.countdesk", "Fuzzer", ELECTION)
    yield s
    s.close()


# CSV --------------------------------------------------------------------------------------------

@FUZZ
@given(boxes=st.binary(max_size=200) | mutations(VALID_BOXES) | st.just(VALID_BOXES),
       candidates=st.binary(max_size=120) | mutations(VALID_CANDIDATES.encode()) | st.just(VALID_CANDIDATES.encode()))
def test_any_csv_gives_a_whole_contest_or_a_validation_error_and_nothing_half_written(long_session, boxes, candidates):
    before = long_session.load()
    try:
        contest = Contest(f"ward.{next(_contest_numbers)}", "Ward", VotingSystem.FPTP, 1,
                          read_candidates_csv(candidates), read_boxes_csv(boxes), (), ())
        long_session.set_up.add_contest(contest)
    except ValidationError:
        event("refused")
        assert long_session.load() == before
        return
    event("imported")
    assert long_session.contest(contest.id) == contest


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\u202e", "\u2028", "\x7f", "\x85"])
def test_a_name_with_a_control_character_is_refused_at_its_line_and_column(bad):
    text = VALID_CANDIDATES.replace("Stephen YIP", f"Stephen{bad}YIP")
    with pytest.raises(ValidationError, match=r'line 3, column "name": contains .*U\+'):
        read_candidates_csv(text.encode())


def test_no_candidates_is_a_clear_error_not_an_empty_contest():
    with pytest.raises(ValidationError, match="no rows"):
        read_candidates_csv(b"name,description\n")
    with pytest.raises(ValidationError, match="empty"):
        read_candidates_csv(b"")


def test_markup_and_sql_in_names_are_kept_as_plain_text_everywhere(tmp_path):
    names = ["<b>Joanne</b> ANDERSON", "Robert'); DROP TABLE candidate;--", "Ann & Bo \"Quoted\" O'NEILL"]
    quoted = ['"' + name.replace('"', '""') + '"' for name in names]
    csv_text = "name,description\n" + "".join(f"{q},<i>Independent</i>\n" for q in quoted)
    candidates = read_candidates_csv(csv_text.encode())
    assert [c.name for c in candidates] == names
    sheet = CountSheet("T1", 1, frozen_map({c.id: 30 - n for n, c in enumerate(candidates)}))
    contest = Contest("ward.markup", "Markup Ward", VotingSystem.FPTP, 1, candidates,
                      (Box("B1", "Hall", False, 87, 87),), (sheet,), ())
    election = replace(ELECTION, returning_officer="<i>Ann</i> OFFICER")  # a declaration names its officer
    with CountSession.create(tmp_path / "markup.countdesk", "Alice", election) as s:
        s.import_count(Count(election, (contest,)))
        assert s.contest("ward.markup").candidates == candidates  # stored verbatim, no table dropped
        assert s.tally("ward.markup").elected == (candidates[0].id,)
        pdf = render_document("declaration", document_context(s.load(), "ward.markup")).data
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "<b>Joanne</b> ANDERSON" in text  # printed as typed, not read as bold
    assert "<i>Ann</i> OFFICER" in text


# Count files ------------------------------------------------------------------------------------

LIVERPOOL_DOC = json.loads(LIVERPOOL.read_text(encoding="utf-8"))


def _at(node, path):
    for key in path:
        node = node[key]
    return node


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


LIVERPOOL_PATHS = [p for p in _paths(LIVERPOOL_DOC) if p]
FIGURE_PATHS = [p for p in LIVERPOOL_PATHS
                if {"votes", "rejected"} & set(p) and isinstance(_at(LIVERPOOL_DOC, p), int)]
JSON_VALUES = st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False) | \
    st.text(max_size=8) | st.just([]) | st.just({}) | st.sampled_from(["\u202e", "a" * 600, "B1", "anderson-j"])


@st.composite
def mutated_count_files(draw) -> bytes:
    doc = json.loads(json.dumps(LIVERPOOL_DOC))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(LIVERPOOL_PATHS))
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return json.dumps(doc).encode()


@FUZZ
@given(data=mutated_count_files() | mutations(LIVERPOOL.read_bytes()[:1500]))
def test_any_count_file_imports_whole_or_is_refused_leaving_the_count_as_it_was(long_session, data):
    before = long_session.load()
    try:
        count = parse_count_bytes(data, "fuzz.json")
        long_session.import_count(count, replace=True)
    except ValidationError:
        event("refused")
        assert long_session.load() == before
        return
    event("imported")
    assert long_session.load() == count


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(FIGURE_PATHS), figure=st.integers(0, 5000))
def test_a_plausible_slip_in_a_figure_still_imports_whole(long_session, path, figure):
    doc = json.loads(json.dumps(LIVERPOOL_DOC))
    _at(doc, path[:-1])[path[-1]] = figure  # a valid count with other figures: warnings, not refusals
    count = parse_count_bytes(json.dumps(doc).encode(), "slip.json")
    # ... unless the slip gives round 2 more papers than the eliminated candidates had: figures that
    # cannot be are an error for that contest (the rule book), and nothing is imported.
    impossible = impossible_figures(tally_contest(count.election, count.contests[0]).gaps)
    if impossible:
        with pytest.raises(ValidationError, match="cannot be") as refused:
            long_session.import_count(count, replace=True)
        assert refused.value.where == "contests[0].count_sheets"
        return
    long_session.import_count(count, replace=True)
    assert long_session.load() == count


# Bundles ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    files = {"count.json": LIVERPOOL.read_bytes(), "results.csv": b"candidate,votes\nanderson-j,46493\n",
             "declaration.pdf": b"%PDF-1.4 stand-in\n"}
    return write_bundle(tmp_path_factory.mktemp("bundle"), "liverpool", files, generate_key())


BUNDLE_FILES = ["count.json", "results.csv", "declaration.pdf", "SHA256SUMS", "SHA256SUMS.sig", "signing-key.pub"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@FUZZ
@given(target=st.sampled_from(BUNDLE_FILES),
       op=st.sampled_from(["flip", "truncate", "replace", "delete", "add", "append_line"]),
       where=st.floats(0, 1), noise=st.binary(min_size=1, max_size=64), name=st.text("abcxyz0123-", min_size=1,
                                                                                    max_size=12))
def test_any_mutated_bundle_gives_a_verdict_and_any_change_is_refused(bundle, target, op, where, noise, name):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "bundle"
        shutil.copytree(bundle, folder)
        original = _snapshot(folder)
        path = folder / target
        data = path.read_bytes()
        at = int(where * max(len(data) - 1, 0))
        if op == "flip" and data:
            path.write_bytes(data[:at] + bytes([data[at] ^ noise[0] or 1]) + data[at + 1:])
        elif op == "truncate":
            path.write_bytes(data[:at])
        elif op == "replace":
            path.write_bytes(noise)
        elif op == "delete":
            path.unlink()
        elif op == "add":
            (folder / f"extra-{name}.txt").write_bytes(noise)
        elif op == "append_line":
            path.write_bytes(data + noise + b"\n")
        verdict = verify_bundle(folder)
        assert isinstance(verdict, BundleVerdict)
        event("refused" if not verdict.ok else "accepted")
        changed = _snapshot(folder) != original
        # A signature is base64: a changed padding bit or added whitespace can leave the same
        # signature bytes, which is no forgery; any other change must be refused.
        if changed and target != "SHA256SUMS.sig" or op in ("delete", "add"):
            assert not verdict.ok and verdict.problems


# Size -------------------------------------------------------------------------------------------

def _ward(boxes: int) -> Contest:
    rows = "".join(f"B{n:05d},Box {n},{'yes' if n % 7 == 0 else 'no'},{300 + n % 50},{300 + n % 50}\n"
                   for n in range(boxes))
    box_list = read_boxes_csv(("id,label,postal,ballot_paper_account,verified\n" + rows).encode())
    candidates = read_candidates_csv(VALID_CANDIDATES.encode())
    ids = [c.id for c in candidates]
    sheets = tuple(CountSheet(f"S{n:05d}", 1, frozen_map({ids[0]: 150, ids[1]: 100 + n % 50, ids[2]: 50}))
                   for n in range(boxes))
    return Contest("ward.big", "Big Ward", VotingSystem.FPTP, 1, candidates, box_list, sheets, ())


def _statements(monkeypatch) -> list[str]:
    """Every SQL statement run on a connection opened from now on."""
    run: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(run.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    return run


def test_ten_thousand_boxes_and_sheets_import_load_and_tally_in_as_many_statements_as_ten(tmp_path, monkeypatch):
    """The work is linear, not a statement a row: loading and tallying a ward of 10,000 boxes and
    sheets runs the same SQL statements as one of 10 (the time is benchmarks/run.py's to measure)."""
    statements = _statements(monkeypatch)
    ran = {}
    for boxes in (10, 10_000):
        contest = _ward(boxes)
        with CountSession.create(tmp_path / f"ward-{boxes}.countdesk", "Alice", ELECTION) as s:
            s.import_count(Count(ELECTION, (contest,)))
            del statements[:]
            loaded = s.load()
            result = s.tally("ward.big")
            ran[boxes] = list(statements)
    assert ran[10_000] == ran[10] and ran[10]
    ids = [c.id for c in contest.candidates]
    assert len(loaded.contest("ward.big").boxes) == 10_000
    # 10,000 sheets: 150 each for the first; 100..149 fifty times each over (200 rounds of 50) for the second.
    assert dict(result.first) == {ids[0]: 1_500_000, ids[1]: 200 * sum(range(100, 150)), ids[2]: 500_000}
    assert result.elected == (ids[0],)


@pytest.fixture
def two_gigabytes(tmp_path):
    def make(name: str) -> Path:
        path = tmp_path / name
        with path.open("wb") as f:
            f.truncate(2 * 1024**3)  # sparse: instant, and takes no disk
        return path

    return make


def test_a_two_gigabyte_file_is_refused_by_its_size_without_being_read(two_gigabytes, monkeypatch):
    """By its size (a count file in JSON: not a byte read; a CSV list: no more than one byte past
    its limit), by its header (a count file: the first 100 bytes, and no SQLite connection)."""
    files = [two_gigabytes(name) for name in ("huge.json", "huge.csv", "huge.countdesk")]
    spy = ReadSpy(monkeypatch, *files)
    connected = []
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connected.append(a) or real_connect(*a, **k))
    with pytest.raises(ValidationError, match="MB"):
        load_count_file(files[0])
    with pytest.raises(ValidationError, match="larger than"):
        read_boxes_csv(files[1])
    with pytest.raises(CountdeskError, match="damaged"):
        CountSession.open(files[2], "Alice")
    assert [spy.bytes_read(f) for f in files] == [0, MAX_CSV_BYTES + 1, 100] and connected == []

"""Candidate and box lists from CSV (docs/csv-import.md): what is accepted, and the located
message for each kind of fault."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from countdesk.domain.model import Box, Candidate
from countdesk.errors import CountdeskError, ValidationError
from countdesk.exchange.csv_import import read_boxes_csv, read_candidates_csv

LIVERPOOL_CANDIDATES = """id,name,description
anderson-j,Joanne ANDERSON,Labour Party
bannister-r,Roger BANNISTER,Trade Unionist and Socialist Coalition
burgess-k,Katie Maria BURGESS,The Conservative Party Candidate
"""


class TestCandidates:
    def test_rows_become_candidates_in_ballot_paper_order(self):
        assert read_candidates_csv(LIVERPOOL_CANDIDATES) == (
            Candidate("anderson-j", "Joanne ANDERSON", "Labour Party"),
            Candidate("bannister-r", "Roger BANNISTER", "Trade Unionist and Socialist Coalition"),
            Candidate("burgess-k", "Katie Maria BURGESS", "The Conservative Party Candidate"),
        )

    def test_ids_are_derived_from_surname_and_first_initial_when_absent(self):
        text = "Name,Description\nJoanne ANDERSON,Labour Party\nKatie Maria BURGESS,\nAled ap IORWERTH,Plaid\n"
        assert [c.id for c in read_candidates_csv(text)] == ["anderson-j", "burgess-k", "iorwerth-a"]

    def test_derived_ids_fold_accents_and_stay_unique(self):
        text = "name\nSiân O'BRIEN\nŴyn JONES\nWill JONES\njohn smith\nanderson-x\n"
        assert [c.id for c in read_candidates_csv(text)] == [
            "o-brien-s", "jones-w", "jones-w-2", "smith-j", "anderson-x",
        ]

    def test_a_blank_id_cell_is_derived_around_the_given_ids(self):
        text = "id,name\n,Joanne ANDERSON\nanderson-j,Jo ANDERSON\n"
        # The given id keeps its name; the derived one steps aside.
        assert [c.id for c in read_candidates_csv(text)] == ["anderson-j-2", "anderson-j"]

    def test_description_is_optional(self):
        assert read_candidates_csv("name\nJoanne ANDERSON\n")[0].description == ""

    def test_blank_lines_and_surrounding_spaces_are_ignored(self):
        text = "\n name , id \n\n  Joanne ANDERSON , anderson-j \n,\n"
        assert read_candidates_csv(text) == (Candidate("anderson-j", "Joanne ANDERSON"),)

    def test_a_quoted_cell_may_hold_a_comma(self):
        text = 'name,description\nJoanne ANDERSON,"Labour and Co-operative Party, Liverpool"\n'
        assert read_candidates_csv(text)[0].description == "Labour and Co-operative Party, Liverpool"


class TestBoxes:
    def test_rows_become_boxes(self):
        text = (
            "ID,Label,Postal,Ballot paper account,Verified\r\n"
            "LIV001,Allerton — polling station 1,no,644,644\r\n"
            "P01,Postal opening 1,YES,1500,\r\n"
            "LIV002,Anfield,,,\r\n"
        )
        assert read_boxes_csv(text) == (
            Box("LIV001", "Allerton — polling station 1", False, 644, 644),
            Box("P01", "Postal opening 1", True, 1500, None),
            Box("LIV002", "Anfield", False, None, None),
        )

    @pytest.mark.parametrize("word, postal", [
        ("yes", True), ("Yes", True), ("TRUE", True), ("1", True),
        ("no", False), ("false", False), ("0", False), ("", False),
    ])
    def test_postal_words(self, word, postal):
        assert read_boxes_csv(f"id,postal\nB1,{word}\n")[0].postal is postal

    def test_only_the_id_column_is_required(self):
        assert read_boxes_csv("id\nB1\nB2\n") == (Box("B1"), Box("B2"))


class TestSources:
    def test_a_path_is_read_and_named_in_messages(self, tmp_path: Path):
        path = tmp_path / "wards.csv"
        path.write_text("id,label\nB1,One\nB2,Two\n", encoding="utf-8")
        assert read_boxes_csv(path) == (Box("B1", "One"), Box("B2", "Two"))
        path.write_text("id,label\nB1,One\nB 2,Two\n", encoding="utf-8")
        with pytest.raises(ValidationError, match=r'^wards\.csv line 3, column "id": the id may only contain'):
            read_boxes_csv(path)

    def test_a_str_without_a_line_break_is_a_path(self, tmp_path: Path):
        path = tmp_path / "candidates.csv"
        path.write_text(LIVERPOOL_CANDIDATES, encoding="utf-8")
        assert len(read_candidates_csv(str(path))) == 3

    def test_bytes_with_a_byte_order_mark_as_excel_saves_them(self):
        data = "\ufeffName,Description\r\nSiân O'BRIEN,Labour\r\n".encode("utf-8")
        assert read_candidates_csv(data) == (Candidate("o-brien-s", "Siân O'BRIEN", "Labour"),)

    def test_a_file_saved_in_a_windows_code_page_is_refused_with_its_line(self):
        data = "name\nJoanne ANDERSON\nSiân O'BRIEN\n".encode("cp1252")
        with pytest.raises(ValidationError) as caught:
            read_candidates_csv(data)
        assert str(caught.value) == 'candidates.csv line 3: not UTF-8 text (byte 0xE2); save it as "CSV UTF-8"'

    def test_a_missing_file(self, tmp_path: Path):
        with pytest.raises(CountdeskError, match="cannot read the file"):
            read_boxes_csv(tmp_path / "none.csv")

    def test_a_large_file_is_refused(self, tmp_path: Path):
        path = tmp_path / "big.csv"
        path.write_bytes(b"id\n" + b"B1\n" * 2_000_000)
        with pytest.raises(ValidationError, match=r"^big\.csv: the file is larger than 5 MB"):
            read_boxes_csv(path)

    def test_the_name_argument_labels_messages(self):
        with pytest.raises(ValidationError, match=r"^ems-export\.csv line 2, column \"name\""):
            read_candidates_csv("name,id\n,a\n", name="ems-export.csv")


BOX_ERRORS = [
    ("figure with a space", "id,label,ballot_paper_account\nA01,x,812\nA02,y,8 12\n",
     'boxes.csv line 3, column "ballot_paper_account": must be a whole number 0 or more, written in digits '
     'only (e.g. 812), not "8 12"'),
    ("negative figure", "id,label,ballot_paper_account\nA01,x,812\nA02,y,0\nA03,z,-4\n",
     'boxes.csv line 4, column "ballot_paper_account": must be a whole number 0 or more, written in digits '
     'only (e.g. 812), not "-4"'),
    ("spreadsheet decimal", "id,verified\nA01,812.0\n",
     'boxes.csv line 2, column "verified": must be a whole number 0 or more, written in digits only '
     '(e.g. 812), not "812.0"'),
    ("absurdly large figure", "id,verified\nA01,99999999999999999999\n",
     'boxes.csv line 2, column "verified": is too large for a count of ballot papers'),
    ("postal word", "id,postal\nA,maybe\n",
     'boxes.csv line 2, column "postal": must be yes or no (true/false and 1/0 also do; blank means no), '
     'not "maybe"'),
    ("duplicate id", "id,label\nA01,x\nA02,y\nA01,z\n",
     'boxes.csv line 4, column "id": duplicate id "A01" (line 2 has it too)'),
    ("blank id", "id,label\nA01,x\n,y\n",
     'boxes.csv line 3, column "id": the box id is blank'),
    ("unknown column", "id,label,ward\nA01,x,North\n",
     'boxes.csv line 1, column "ward": unknown column (the columns are id, label, postal, '
     "ballot_paper_account, verified)"),
    ("column twice", "id,label,Label\nA01,x,y\n",
     'boxes.csv line 1, column "Label": this column is given twice'),
    ("no header line", "A01,St Anne's Hall,no,812\n",
     "boxes.csv line 1: the first line must be a header naming the columns (id, label, postal, "
     "ballot_paper_account, verified); none was found"),
    ("no id column", "label,postal\nx,no\n",
     'boxes.csv line 1: the header has no "id" column'),
    ("semicolons", "id;label\nA01;x\n",
     "boxes.csv line 1: the header has one column and semicolons: save the file as comma-separated CSV"),
    ("short row", "id,label,postal\nA01,x\n",
     "boxes.csv line 2: this line has 2 cells, but the header has 3 cells"),
    ("long row", "id,label\nA01,x,extra\n",
     "boxes.csv line 2: this line has 3 cells, but the header has 2 cells"),
    ("unclosed quote", 'id,label\nA01,"x\nA02,y\n',
     "boxes.csv line 2: not readable as CSV: unexpected end of data"),
    ("control character in a label", "id,label\nA01,St Anne\x07s\n",
     'boxes.csv line 2, column "label": contains a control character (U+0007)'),
    ("header only", "id,label\n",
     "boxes.csv: no rows: the file has a header but nothing under it"),
    ("values under an unnamed column", "id,,label\nA01,oops,x\n",
     "boxes.csv line 1: column 2 has no heading but has values"),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in BOX_ERRORS], ids=[c[0] for c in BOX_ERRORS])
def test_box_file_faults(text: str, expected: str):
    with pytest.raises(ValidationError) as caught:
        read_boxes_csv(text)
    assert str(caught.value) == expected


CANDIDATE_ERRORS = [
    ("blank name", "id,name\na,Ann ASHE\nb,   \n",
     'candidates.csv line 3, column "name": the candidate\'s name is blank'),
    ("control character in a name", "name\nAnn\x1bASHE\n",
     'candidates.csv line 2, column "name": contains a control character (U+001B)'),
    ("bad id", "id,name\nann ashe,Ann ASHE\n",
     'candidates.csv line 2, column "id": the id may only contain letters, digits, ".", "-" and "_" (found " ")'),
    ("duplicate id", "id,name\na,Ann ASHE\na,Bryn BEVAN\n",
     'candidates.csv line 3, column "id": duplicate id "a" (line 2 has it too)'),
    ("no name column", "id,description\na,Party\n",
     'candidates.csv line 1: the header has no "name" column'),
    ("a line break inside a quoted name", 'name,description\n"Ann\nASHE",x\nBryn BEVAN,\n',
     'candidates.csv line 2, column "name": contains a control character (U+000A)'),
    ("a NUL byte", "name,description\nAnn ASHE,x\nBryn BEVAN,\x00\n",
     'candidates.csv line 3, column "description": contains a control character (U+0000)'),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CANDIDATE_ERRORS], ids=[c[0] for c in CANDIDATE_ERRORS])
def test_candidate_file_faults(text: str, expected: str):
    with pytest.raises(ValidationError) as caught:
        read_candidates_csv(text)
    assert str(caught.value) == expected


@pytest.mark.parametrize("empty", [b"", "", "\n\n", b"\xef\xbb\xbf"])
def test_an_empty_file(empty):
    with pytest.raises(ValidationError, match="^candidates.csv: the file is empty"):
        read_candidates_csv(empty)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80) | st.binary(max_size=80).map(lambda b: b.decode("latin-1")))
def test_any_text_gives_boxes_or_a_validation_error(body: str):
    try:
        boxes = read_boxes_csv("id,label,postal,ballot_paper_account,verified\n" + body)
    except ValidationError as error:
        assert error.where.startswith("boxes.csv") and error.message
    else:
        assert all(isinstance(b, Box) for b in boxes)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=120))
def test_any_bytes_give_candidates_or_a_validation_error(data: bytes):
    try:
        read_candidates_csv(data)
    except ValidationError as error:
        assert error.where.startswith("candidates.csv") and error.message

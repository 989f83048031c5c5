"""The shortcuts that make documents fast must not change what is printed: centred heading lines
land where a Paragraph puts them, table cells keep the font and alignment they were given with
far fewer style commands, empty cells and repeated wraps cost nothing, and reportlab's C
accelerator gives the same bytes as pure Python."""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
import zlib
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from report_samples import REPO, context, liverpool, pdf_raw_text, pdf_tool, render
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate

from countdesk.reports.centred import CentredLines, centred_lines
from countdesk.reports.grid import CELL_PADDING, Grid, GridTable, _rectangles
from countdesk.reports.styles import FONT, FONT_BOLD, PAGE_SIZE, TABLE_SIZE, styles

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def _pdf(story: list) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=PAGE_SIZE, invariant=1, initialFontName=FONT).build(story)
    return out.getvalue()


def _word_boxes(pdf: bytes) -> list[tuple]:
    """Every printed word with its box, as poppler reads it (rounded to a hundredth of a point)."""
    page = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, check=True, capture_output=True).stdout
    return [(html.unescape(word), *(round(float(v), 2) for v in box))
            for *box, word in _WORD.findall(page.decode("utf-8"))]


HEADINGS = [
    ["Election of the Mayor of Liverpool"],
    ["Ardal gyfrif / Counting area: Caergybi · Dyddiad y bleidlais: Dydd Iau 6 Mai 2021"],
    ["DATGANIAD O GANLYNIAD Y BLEIDLAIS", "DECLARATION OF RESULT OF POLL"],
    ["Smith & Sons <b>not bold</b> Ltd"],
]


@pytest.mark.parametrize("style_name", ["subheading", "heading", "title"])
def test_centred_lines_print_each_word_where_a_paragraph_prints_it(style_name):
    style = getattr(styles(), style_name)
    plain = [centred_lines(lines, style) for lines in HEADINGS]
    assert all(isinstance(flowable, CentredLines) for flowable in plain)
    paragraphs = [Paragraph("<br/>".join(escape(line) for line in lines), style) for lines in HEADINGS]
    expected = _word_boxes(_pdf(paragraphs))
    assert [box[0] for box in expected][-6:] == ["Smith", "&", "Sons", "<b>not", "bold</b>", "Ltd"]
    assert _word_boxes(_pdf(plain)) == expected


@pytest.mark.parametrize("line", [
    "Tŵr  Hwyl",          # two spaces: a Paragraph prints one
    " Caergybi",          # leading space: a Paragraph drops it
    "Caer\tgybi",         # a tab is a word break to a Paragraph
    "6\u00a0May",         # no-break space
    "Hannah\u00adWood",   # soft hyphen: not printed by a Paragraph
    "zero\u200bwidth",    # zero-width space: a break point
    "",
])
def test_lines_a_paragraph_would_print_differently_are_left_to_a_paragraph(line):
    assert isinstance(centred_lines([line], styles().heading), Paragraph)


def test_every_character_the_fast_path_takes_prints_as_a_paragraph_prints_it():
    """Latin, Welsh, punctuation, markup characters and the white-space and format families: any
    character the fast path accepts, a Paragraph prints unchanged and at the same width."""
    style = styles().heading
    characters = [*range(0x21, 0x250), *range(0x2000, 0x2070), 0x3000, 0xFEFF]
    taken = 0
    for code in characters:
        line = f"a{chr(code)}b c"
        if not isinstance(centred_lines([line], style), CentredLines):
            continue
        taken += 1
        paragraph = Paragraph(escape(line), style)
        paragraph.wrap(400, 100)
        (printed,) = paragraph.blPara.lines
        if paragraph.blPara.kind == 0:  # one run of text: (spare width, words)
            text, spare = " ".join(printed[1]), printed[0]
        else:  # an entity such as &amp; starts new fragments; their texts run on
            text, spare = "".join(word.text for word in printed.words), printed.extraSpace
        assert text == line, hex(code)
        assert 400 - spare == pytest.approx(stringWidth(line, style.fontName, style.fontSize), abs=1e-6), hex(code)
    assert taken > 600


def test_centred_lines_too_wide_for_their_frame_wrap_like_a_paragraph():
    style = styles().title
    line = "DECLARATION OF RESULT OF POLL FOR THE ELECTION OF A POLICE AND CRIME COMMISSIONER"
    flowable = centred_lines([line], style)
    width, height = flowable.wrap(200, 800)
    assert (width, height) == Paragraph(escape(line), style).wrap(200, 800)
    assert height >= 2 * style.leading
    assert " ".join(w[0] for w in _word_boxes(_pdf([centred_lines([line], style)]))) == line


def test_headings_print_user_text_literally_on_both_paths():
    ctx = context(liverpool())
    election = replace(ctx.election, title="The <b>Election</b> & Count  of 2021", area="Lerpwl <i>&amp;</i>")
    text = pdf_raw_text(render("declaration", replace(ctx, election=election)))
    assert "The <b>Election</b> & Count of 2021" in text  # two spaces: a Paragraph's line, printed as one
    assert "Counting area: Lerpwl <i>&amp;</i> · Date of poll: Thursday 6 May 2021" in text


# -- tables ----------------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(hs.lists(hs.lists(hs.sampled_from([None, "a", "b"]), min_size=4, max_size=4), min_size=0, max_size=7))
def test_rectangles_cover_every_cell_with_a_value_once_and_with_its_value(values):
    covered: dict[tuple[int, int], object] = {}
    for value, (first_column, first_row), (last_column, last_row) in _rectangles(values):
        for row in range(first_row, last_row + 1):
            for column in range(first_column, last_column + 1):
                assert (row, column) not in covered, "cells are covered once"
                covered[row, column] = value
    expected = {(r, c): v for r, row in enumerate(values) for c, v in enumerate(row) if v is not None}
    assert covered == expected


def test_a_uniform_block_is_one_command_per_property():
    st = styles()
    grid = Grid((60, 60, 60))
    for value in range(5):
        grid.add([(f"row {value}", st.cell_bold), (str(value), st.cell_right), (str(value), st.cell_right)])
    assert grid.cell_commands() == [
        ("FONT", (0, 0), (0, 4), FONT_BOLD, TABLE_SIZE, TABLE_SIZE * 1.2),
        ("ALIGN", (1, 0), (2, 4), "RIGHT"),
    ]


def test_every_cell_keeps_the_font_and_alignment_it_was_given():
    st = styles()
    grid = Grid((120, 120, 70))
    grid.add([("Candidate", st.head), ("Description", st.head), ("Votes", st.head_right)])
    grid.add([("ANDERSON, Joanne", st.cell_bold), ("Labour Party", st.cell), ("38,958", st.cell_right_bold)])
    grid.add([("BANNISTER, Roger", st.cell), ("Trade Unionist and Socialist Coalition of the North West", st.cell),
              ("2,912", st.cell_right)])
    grid.add(["", None, ("Elected", st.cell_center_bold)])
    grid.span_next(0, 1)
    grid.add([("Total valid votes, spanning two columns", st.cell_bold), None, ("41,870", st.cell_right_bold)])
    table = grid.table()
    table.wrap(500, 800)
    head, cell = (8.5, 10.5), (TABLE_SIZE, TABLE_SIZE * 1.2)  # the styles' sizes and leadings (styles.py)
    expected = {
        (0, 0): (FONT_BOLD, *head, "LEFT"), (0, 1): (FONT_BOLD, *head, "LEFT"), (0, 2): (FONT_BOLD, *head, "RIGHT"),
        (1, 0): (FONT_BOLD, *cell, "LEFT"), (1, 1): (FONT, *cell, "LEFT"), (1, 2): (FONT_BOLD, *cell, "RIGHT"),
        (2, 0): (FONT, *cell, "LEFT"), (2, 1): (FONT, *cell, "LEFT"), (2, 2): (FONT, *cell, "RIGHT"),
        (3, 0): (FONT, *cell, "LEFT"), (3, 1): (FONT, *cell, "LEFT"), (3, 2): (FONT_BOLD, *cell, "CENTER"),
        (4, 0): (FONT_BOLD, *cell, "LEFT"), (4, 1): (FONT, *cell, "LEFT"), (4, 2): (FONT_BOLD, *cell, "RIGHT"),
    }
    for (row, column), want in expected.items():
        cell = table._cellStyles[row][column]
        assert (cell.fontname, cell.fontsize, cell.leading, cell.alignment) == want, (row, column)
    # The description too long for its column wraps as a Paragraph in the body style.
    wrapped = table._cellvalues[2][1]
    wrapped = wrapped[0] if isinstance(wrapped, (list, tuple)) else wrapped
    assert isinstance(wrapped, Paragraph) and wrapped.style is st.cell
    # The spanned total fits the two merged columns, so it stays a plain string.
    assert table._cellvalues[4][0] == "Total valid votes, spanning two columns"
    assert stringWidth("Total valid votes, spanning two columns", FONT_BOLD, 9) > grid.widths[0] - CELL_PADDING


def _content_streams(pdf: bytes) -> bytes:
    streams = re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S)
    out = []
    for stream in streams:
        try:
            out.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(s for s in out if b" Tf " in s)


def test_empty_cells_write_nothing_and_full_cells_print():
    st = styles()
    grid = Grid((80, 80, 80))
    grid.add([("Reason", st.head), "", ("Papers", st.head_right)])
    grid.add([("(a)", st.cell), None, ("19", st.cell_right)])
    pdf = _pdf([grid.table()])
    content = _content_streams(pdf)
    assert content.count(b"BT ") == content.count(b" Tj") == 4  # one text object per printed cell, none empty
    assert sorted(w[0] for w in _word_boxes(pdf)) == sorted(["Reason", "Papers", "(a)", "19"])


def test_a_second_wrap_at_the_same_width_reuses_the_layout(monkeypatch):
    st = styles()
    grid = Grid((100, 100))
    for value in range(40):
        grid.add([(f"box {value}", st.cell), (str(value), st.cell_right)])
    table = grid.table()
    calls = []
    real = GridTable._calc_height

    def counted(self, *args, **kwargs):
        calls.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(GridTable, "_calc_height", counted)
    first = table.wrap(400, 2000)
    assert table.wrap(400, 1500) == first and len(calls) == 1
    table.wrap(300, 1500)
    assert len(calls) == 2
    # A layout cut short by the page is never reused (a table with rows spanned down stops measuring
    # once the page is full).
    grid.style(("SPAN", (0, 0), (0, 1)))
    short = grid.table()
    short.wrap(400, 100)
    assert None in short._rowHeights and len(calls) == 3
    short.wrap(400, 2000)
    assert None not in short._rowHeights and len(calls) == 4


def test_a_long_table_split_over_pages_prints_every_row_once_with_its_heads():
    st = styles()
    grid = Grid((100, 100))
    grid.add([("Box", st.head), ("Papers", st.head_right)])
    for value in range(150):
        grid.add([(f"B{value:03d}", st.cell), (f"{value * 7:,}", st.cell_right)])
    pdf = _pdf([grid.table()])
    words = [w[0] for w in _word_boxes(pdf)]
    assert [w for w in words if re.fullmatch(r"B\d{3}", w)] == [f"B{v:03d}" for v in range(150)]
    pages = int(re.search(r"Pages:\s+(\d+)", pdf_tool("pdfinfo", pdf)).group(1))
    assert pages >= 2 and words.count("Box") == pages


# -- reportlab's C accelerator -----------------------------------------------------------------

def test_reportlab_runs_on_its_c_accelerator():
    """rl_accel is a declared dependency: without it every document takes about a fifth longer."""
    from reportlab.lib import rl_accel

    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
    assert type(rl_accel.instanceStringWidthTTF).__name__ == "builtin_function_or_method"


def test_pure_python_reportlab_gives_the_same_bytes():
    """A build where the accelerator is missing (a frozen app that left it out) is slower, never
    different: the same count and moment still give the same declaration, byte for byte."""
    script = (
        "import sys; sys.modules['_rl_accel'] = None\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from reportlab.lib import rl_accel\n"
        "assert type(rl_accel.fp_str).__name__ == 'function', 'pure Python expected'\n"
        "from report_samples import context, liverpool\n"
        "from report_samples import render\n"
        "sys.stdout.buffer.write(render('declaration', context(liverpool())))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    pure = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)], capture_output=True,
                          check=True, env=env, timeout=120).stdout
    assert pure[:5] == b"%PDF-"
    assert pure == render("declaration", context(liverpool()))

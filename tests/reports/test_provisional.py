"""The provisional result sheet: marked PROVISIONAL on every page, no declaration, no signature,
where the count stands, and the numbered warnings the returning officer must see."""

from __future__ import annotations

from dataclasses import replace

from report_samples import context, liverpool, page_texts, pdf_raw_text, render, ward

from countdesk.domain.checks import CHECKS
from countdesk.domain.model import Box
from countdesk.domain.places import place_in_words
from countdesk.domain.tally import tally_contest


def test_provisional_on_every_page_without_declaration_or_signature():
    count = liverpool()
    contest = count.contests[0]
    # Thirty empty boxes whose accounts each said one paper: a warning each, the totals unchanged.
    empty = tuple(Box(f"X{n:02}", f"Box {n}", False, 1, 0) for n in range(30))
    count = replace(count, contests=(replace(contest, boxes=contest.boxes + empty),))
    pdf = render("provisional", context(count))
    pages = page_texts(pdf)
    assert len(pages) >= 2  # warnings enough for a second page
    for page in pages:
        assert "PROVISIONAL: not a declaration of result" in page
    text = pdf_raw_text(pdf)
    assert "PROVISIONAL RESULT" in text
    assert "duly elected" not in text
    assert "Signed" not in text
    assert "Joanne ANDERSON Labour Party 38,958 7,535 46,493" in text
    assert "On these figures Joanne ANDERSON would be elected." in text
    assert "336,283 102,600 30.51 %" in text
    assert "Returning Officer Returning Officer, Liverpool City Council Dated Saturday 8 May 2021" in text


def test_provisional_prints_every_standing_warning():
    ctx = context(liverpool())
    text = pdf_raw_text(render("provisional", ctx))
    assert ctx.result.warnings, "the Liverpool example has boxes whose count differs from the account"
    assert "Checks still standing" in text
    for warning in ctx.result.warnings:
        assert f"{warning.code} {warning.message} {place_in_words(ctx.contest, warning.where)}" in text
        assert CHECKS[warning.code].title in text
    assert "boxes[" not in text  # the count file's paths are for programs, not on paper


def test_provisional_names_the_tie_still_to_be_drawn():
    text = pdf_raw_text(render("provisional", context(ward(bilingual=False, with_lot=False))))
    assert "On these figures Ŵyn JONES and Seán O'BRIEN would be elected." in text
    assert ("Siân LLOYD-WILLIAMS and Zoë PRICE are tied on 1,201 votes: the Returning Officer must decide "
            "between them by lot before the result can be declared.") in text
    assert "W10" in text and CHECKS["W10"].title in text


def test_provisional_after_first_round_names_candidates_remaining():
    count = liverpool()
    contest = count.contests[0]
    count = replace(count, contests=(replace(contest, count_sheets=contest.sheets(1)),))
    text = pdf_raw_text(render("provisional", context(count)))
    assert ("No candidate has more than half of the valid first preference votes. The candidates remaining in "
            "the contest are Joanne ANDERSON and Stephen YIP; the second preference votes are still to be "
            "counted.") in text
    assert "Second preference votes transferred" not in text
    assert "Joanne ANDERSON Labour Party 38,958 Roger BANNISTER" in text


def test_provisional_before_any_sheet():
    count = ward(bilingual=False)
    contest = count.contests[0]
    count = replace(count, contests=(replace(contest, count_sheets=(), lots=()),))
    text = pdf_raw_text(render("provisional", context(count)))
    assert "No count sheets have been entered yet." in text
    assert "Seán O'BRIEN Welsh Labour 0" in text


def test_provisional_with_no_warnings_says_so():
    count = ward(bilingual=False)
    contest = count.contests[0]
    boxes = tuple(replace(b, ballot_paper_account=b.verified, note=None) for b in contest.boxes)
    count = replace(count, contests=(replace(contest, boxes=boxes),))
    assert tally_contest(count.election, count.contests[0]).warnings == ()
    text = pdf_raw_text(render("provisional", context(count)))
    assert "None: every check passes." in text


def test_one_sheet_of_many_is_marked_incomplete_and_shows_the_gap():
    count = liverpool()
    contest = count.contests[0]
    count = replace(count, contests=(replace(contest, count_sheets=contest.sheets(1)[:1]),))
    ctx = context(count)
    missing = ctx.result.ballot_papers_verified - ctx.result.ballot_papers_counted
    pdf = render("provisional", ctx)
    for page in page_texts(pdf):
        assert "INCOMPLETE: the count is not complete, this is not a result" in page
        assert "PROVISIONAL: not a declaration" not in page
    text = pdf_raw_text(pdf)
    assert "INCOMPLETE: no one is elected on these figures" in text
    assert f"• {missing:,} verified papers are not on any sheet yet" in text
    assert "would be elected" not in text

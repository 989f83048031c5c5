"""The statements of a count before any declaration (SI 2017/67 Sch 1 r.54(1) and r.56(2)): figures
worked by hand or published, and never a word of anyone being elected."""

from __future__ import annotations

import pytest
from report_samples import context, liverpool, pdf_raw_text, render, sv_final_lot, ward

from countdesk.errors import CountdeskError
from countdesk.reports import DocumentNotReady, render_second_count, render_with


@pytest.mark.parametrize("document, sample", [
    ("first_count", liverpool), ("second_count", liverpool), ("first_count", sv_final_lot),
    ("second_count", sv_final_lot),
])
def test_a_statement_never_says_anyone_is_elected(document, sample):
    text = pdf_raw_text(render(document, context(sample())))
    assert "elected" not in text.lower()
    assert "This statement is not a declaration of result." in text


def test_first_count_statement_has_papers_used_rejected_and_first_preferences():
    text = pdf_raw_text(render("first_count", context(liverpool())))
    # Published (Liverpool 2021): 102,600 papers, 1,427 rejected, 101,173 valid first preferences.
    assert "(a) Total number of ballot papers used 102,600" in text
    assert "(b) Total number of rejected ballot papers 1,427" in text
    assert "Joanne ANDERSON Labour Party 38,958 Roger BANNISTER" in text
    assert "Total valid votes 101,173" in text
    assert "Second preference" not in text and "second preference" not in text


def test_second_count_statement_has_transfers_and_totals_of_the_remaining_candidates():
    text = pdf_raw_text(render("second_count", context(liverpool())))
    assert "Joanne ANDERSON Labour Party 38,958 7,535 46,493" in text
    assert "Stephen YIP Independent 22,047 10,032 32,079" in text
    assert "Non-transferable ballot papers 22,601" in text


def test_no_second_count_statement_without_a_second_count():
    with pytest.raises(DocumentNotReady, match="no second preference votes have been counted"):
        render_with(render_second_count, context(ward(bilingual=False)))


def test_the_statements_are_made_for_a_supplementary_vote_only():
    """A first past the post ward counted whole has no first or second count to state: the
    document registry does not offer them, and asking for one says what it is made for."""
    for document in ("first_count", "second_count"):
        with pytest.raises(CountdeskError, match="it is made for a supplementary vote election"):
            render(document, context(ward(bilingual=False)))

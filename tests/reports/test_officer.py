"""The officer a document speaks for: name and title in the opening sentence and under the
signature, "Deputy …" when a deputy signs."""

from __future__ import annotations

from dataclasses import replace

from report_samples import context, liverpool, pdf_raw_text, render, ward


def test_a_deputy_signs_as_deputy_in_both_places():
    count = liverpool()
    count = replace(count, election=replace(count.election, returning_officer="Dee PUTTY", deputy=True))
    text = pdf_raw_text(render("declaration", context(count)))
    assert "I, Dee PUTTY, being the Deputy Returning Officer at the above election" in text
    assert "Dee PUTTY Deputy Returning Officer" in text.split("Signed", 1)[1]


def test_a_welsh_deputy():
    count = ward()
    count = replace(count, election=replace(count.election, deputy=True))
    text = pdf_raw_text(render("rejected", context(count)))
    assert "Rwyf i, Annest Ŵyn ROBERTS, sef y Dirprwy Swyddog Canlyniadau yn yr etholiad uchod" in text
    assert "being the Deputy Returning Officer at the above election" in text

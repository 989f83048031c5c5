"""Statement of rejected ballot papers and verification statement, read back from the PDF."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from report_samples import (
    LIVERPOOL_JSON,
    PLACE,
    cells,
    context,
    liverpool,
    page_texts,
    pdf_raw_text,
    pdf_text,
    render,
    row_of,
    sv_final_lot,
    ward,
)

from countdesk.domain.model import REJECTED_HEADS

#: The statutory second-stage head (domain.md §2b).
SECOND_REJECTED = (
    "Ballot papers rejected for the purposes of the count of second preference votes on the gro"
    "und that they were unmarked or void for uncertainty as to the second preference vote"
)


def _liverpool_json() -> dict:
    return json.loads(LIVERPOOL_JSON.read_text(encoding="utf-8"))["contests"][0]


def test_rejected_statement_sv_mayor_four_heads_and_the_second_stage_figure():
    text = pdf_raw_text(render("rejected", context(liverpool())))
    assert "STATEMENT OF REJECTED BALLOT PAPERS" in text
    assert ("I, Returning Officer, Liverpool City Council, being the Returning Officer at the above election, "
            "do hereby give notice that the number of ballot papers rejected") in text
    data = _liverpool_json()
    by_head = {h: sum(s.get("rejected", {}).get(h, 0) for s in data["count_sheets"] if s["round"] == 1)
               for h in REJECTED_HEADS}
    assert f"(a) Want of an official mark {by_head['want_of_official_mark']:,}" in text
    assert (f"(b) Voting for more than one candidate as to the first preference vote "
            f"{by_head['too_many_votes']:,}") in text
    assert f"(c) Writing or mark by which the voter could be identified {by_head['identifiable']:,}" in text
    # A local authority mayor: unmarked and uncertain are one head (SI 2007/1024 Sch 1 r.48(5)).
    unmarked_or_void = by_head['unmarked'] + by_head['void_for_uncertainty']
    assert f"(d) Unmarked or void for uncertainty as to the first preference vote {unmarked_or_void:,}" in text
    assert "(e)" not in text
    assert "Total rejected ballot papers 1,427" in text
    assert SECOND_REJECTED + " 0" in text
    assert "336,283 102,600 30.51 %" in text
    assert "Signed Dated Saturday 8 May 2021" in text


def test_rejected_statement_second_preference_heads_add_up():
    text = pdf_raw_text(render("rejected", context(sv_final_lot())))
    assert "(d) Unmarked or void for uncertainty as to the first preference vote 2" in text
    assert "Total rejected ballot papers 2" in text
    # The one statutory second-stage figure (PCC Order 2012 Sch 3 r.62(2)(d)(ii)).
    assert SECOND_REJECTED + " 1" in text


def test_rejected_statement_council_ward_four_heads_and_rejected_in_part():
    text = pdf_raw_text(render("rejected", context(ward(bilingual=False))))
    assert "(d) Unmarked or wholly void for uncertainty 11" in text  # 3+4 unmarked, 2+2 uncertain
    assert "(e)" not in text
    assert "Total rejected ballot papers 25" in text
    assert "Rejected in part (the valid votes on them were counted) 6" in text
    assert "second preference" not in text
    assert "9,876 3,025 30.63 %" in text


@pytest.fixture(scope="module")
def verification_pdf() -> bytes:
    return render("verification", context(liverpool()))


def test_verification_every_box_with_account_verified_difference_and_note(verification_pdf):
    text = pdf_raw_text(verification_pdf)
    for box in _liverpool_json()["boxes"]:
        account, verified = box["ballot_paper_account"], box["verified"]
        difference = verified - account
        shown = f"+{difference:,}" if difference > 0 else (f"\u2212{-difference:,}" if difference < 0 else "0")
        kind = "Postal" if box["postal"] else "Station"
        row = f"{box['id']} {box['label']} {kind} {account:,} {verified:,} {shown}"
        if box.get("note"):
            row += f" {box['note']}"
        assert row in text, row


def test_verification_subtotals_and_total(verification_pdf):
    text = pdf_raw_text(verification_pdf)
    boxes = _liverpool_json()["boxes"]
    for postal, label in ((False, "Subtotal, polling station boxes"), (True, "Subtotal, postal ballot boxes")):
        group = [b for b in boxes if b["postal"] is postal]
        account = sum(b["ballot_paper_account"] for b in group)
        verified = sum(b["verified"] for b in group)
        difference = verified - account
        shown = f"+{difference:,}" if difference > 0 else (f"\u2212{-difference:,}" if difference < 0 else "0")
        assert f"{label} {account:,} {verified:,} {shown}" in text
    assert f"Total, all boxes {sum(b['ballot_paper_account'] for b in boxes):,} 102,600" in text  # published


def test_verification_flows_over_pages_with_heads_repeated(verification_pdf):
    pages = page_texts(verification_pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Difference" in page and "Verified" in page and "Note" in page
        assert f"Page {number} of {len(pages)}" in page
    assert "Signed" in pages[-1] and "Signed" not in pages[0]
    row = cells(row_of(pdf_text(verification_pdf), "LIV003"))
    assert row[:4] == ["LIV003", "Station", "1,860", "1,861"] and row[4].startswith("+1")


def test_verification_marks_unverified_boxes_and_incomplete_totals():
    count = ward(bilingual=False)
    contest = count.contests[0]
    boxes = (replace(contest.boxes[0], verified=None),) + contest.boxes[1:]
    count = replace(count, contests=(replace(contest, boxes=boxes),))
    text = pdf_raw_text(render("verification", context(count)))
    assert "W01 Ysgol Gynradd Morswyn — gorsaf 1 Station 812 not verified —" in text
    assert "Boxes not yet verified: 1. The totals above are incomplete." in text
    assert "verification not complete" in text
    assert "not available" in text  # no turnout without a verified total


def test_verification_escapes_labels_and_notes():
    text = pdf_raw_text(render("verification", context(ward(bilingual=False))))
    assert 'W02 Capel Bethel & Neuadd "Y Fron" <Hall> Station 1,050 1,049 \u22121 1 paper found in box W03' in text
    assert "PV1 Postal votes opened 3–5 May Postal 463 463 0" in text
    assert f"Place {PLACE}" in text

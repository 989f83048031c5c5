"""The declaration of result, read back from the PDF as a reader would copy it.

Expected figures are the published ones (Liverpool and the City Region, 2021) or worked by hand
from the sample counts (report_samples.py), never copied from the code's output. Rows are checked
as whole runs of text ("NAME Description figures…") so a figure printed against the wrong name fails.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from report_samples import (
    LIVERPOOL_JSON,
    PLACE,
    WARD_CANDIDATES,
    cells,
    context,
    lcr_area,
    liverpool,
    page_texts,
    pdf_raw_text,
    pdf_text,
    render,
    row_of,
    sv_final_lot,
    ward,
)

from countdesk.domain.collation import merge_areas
from countdesk.domain.model import REJECTED_HEADS, Office, VotingSystem
from countdesk.reports import DocumentNotReady

LCR_AREAS = ("halton", "knowsley", "liverpool", "sefton", "st-helens", "wirral")

#: The statutory second-stage head (domain.md §2b).
SECOND_REJECTED = (
    "Ballot papers rejected for the purposes of the count of second preference votes on the gro"
    "und that they were unmarked or void for uncertainty as to the second preference vote"
)


@pytest.fixture(scope="module")
def liverpool_text() -> str:
    return pdf_raw_text(render("declaration", context(liverpool())))


def test_liverpool_every_candidate_with_published_first_second_and_total(liverpool_text):
    # Published: Anderson 38,958 + 7,535 = 46,493; Yip 22,047 + 10,032 = 32,079.
    assert "Joanne ANDERSON Labour Party 38,958 7,535 46,493 Elected" in liverpool_text
    assert "Stephen YIP Independent 22,047 10,032 32,079 Non-transferable" in liverpool_text
    data = json.loads(LIVERPOOL_JSON.read_text(encoding="utf-8"))["contests"][0]
    first = {c["id"]: 0 for c in data["candidates"]}
    for sheet in data["count_sheets"]:
        if sheet["round"] == 1:
            for cid, votes in sheet["votes"].items():
                first[cid] += votes
    for candidate in data["candidates"]:
        row = f"{candidate['name']} {candidate['description']} {first[candidate['id']]:,}"
        assert row in liverpool_text, row


def test_liverpool_transfers_are_labelled_as_transfers_with_non_transferable(liverpool_text):
    assert "Second preference votes transferred" in liverpool_text
    assert "Non-transferable ballot papers 22,601" in liverpool_text
    # 38,958 + 22,047 = 61,005 stayed with the finalists; 101,173 - 61,005 = 40,168 were re-examined:
    # 7,535 + 10,032 = 17,567 transferred, and 17,567 + 22,601 = 40,168.
    assert "Total valid votes 101,173 17,567 78,572" in liverpool_text


def test_liverpool_duly_elected_sentence_names_winner_with_description(liverpool_text):
    assert ("And I do hereby declare that Joanne ANDERSON, Labour Party is duly elected as Mayor of "
            "Liverpool.") in liverpool_text


def test_liverpool_rejected_heads_electorate_and_turnout(liverpool_text):
    data = json.loads(LIVERPOOL_JSON.read_text(encoding="utf-8"))["contests"][0]
    by_head = {h: sum(s.get("rejected", {}).get(h, 0) for s in data["count_sheets"] if s["round"] == 1)
               for h in REJECTED_HEADS}
    # A local authority mayor has four heads, unmarked and uncertain as one (SI 2007/1024 Sch 1 r.48(5)).
    heads = (("Want of an official mark", ("want_of_official_mark",)),
             ("Voting for more than one candidate as to the first preference vote", ("too_many_votes",)),
             ("Writing or mark by which the voter could be identified", ("identifiable",)),
             ("Unmarked or void for uncertainty as to the first preference vote", ("unmarked", "void_for_uncertainty")))
    for letter, (head, keys) in zip("abcd", heads, strict=True):
        assert f"({letter}) {head} {sum(by_head[k] for k in keys):,}" in liverpool_text
    assert "(e)" not in liverpool_text
    assert "Total rejected ballot papers 1,427" in liverpool_text  # published
    assert "Ballot papers rejected at the count of second preference votes" in liverpool_text
    assert SECOND_REJECTED + " 0" in liverpool_text
    assert "Electorate Ballot papers verified Turnout" in liverpool_text
    # Published: 102,600 verified; turnout 30.51 %, stated with its formula.
    assert "336,283 102,600 30.51 % = 102,600 ÷ 336,283 × 100" in liverpool_text
    assert "ballot papers verified ÷ electorate × 100" in liverpool_text


def test_liverpool_signature_date_place_and_footer(liverpool_text):
    assert "I, Returning Officer, Liverpool City Council, being the Returning Officer" in liverpool_text
    assert "Signed Dated Saturday 8 May 2021" in liverpool_text
    assert f"Place {PLACE}" in liverpool_text
    assert "countdesk 0.1.0" in liverpool_text
    assert "Count file fingerprint: 3F2A 91C0 7BE4 5D18" in liverpool_text
    assert "Page 1 of 1" in liverpool_text
    # Warnings belong on the provisional sheet, not on the public notice.
    assert "W03" not in liverpool_text


def test_liverpool_layout_keeps_figures_on_the_candidates_line():
    text = pdf_text(render("declaration", context(liverpool())))
    assert cells(row_of(text, "Joanne ANDERSON")) == [
        "Joanne ANDERSON", "Labour Party", "38,958", "7,535", "46,493", "Elected",
    ]
    assert cells(row_of(text, "Richard KEMP")) == ["Richard KEMP", "Liberal Democrats", "17,166"]


def city_region(officer: str | None = "Pat CARO"):
    """The six areas added up, as the collating officer's desk declares them (the officer named there)."""
    merged = merge_areas([lcr_area(a) for a in LCR_AREAS])
    return replace(merged, election=replace(merged.election, returning_officer=officer))


def test_city_region_collated_elected_on_first_preferences():
    text = pdf_raw_text(render("declaration", context(city_region())))
    # Published: Rotheram 198,736 of 340,698 valid, elected on first preferences.
    assert "Steve ROTHERAM Labour Party 198,736 Elected" in text
    assert "Total valid votes 340,698" in text
    assert "received more than half of the valid first preference votes (198,736 of 340,698)" in text
    assert "Second preference votes transferred" not in text
    assert "count of second preference votes" not in text
    assert ("And I do hereby declare that Steve ROTHERAM, Labour Party is duly elected as Mayor of the "
            "Liverpool City Region.") in text


def test_wirral_area_alone_states_its_first_count():
    count = lcr_area("wirral")
    contest = count.contests[0]
    text = pdf_raw_text(render("first_count", context(count)))
    assert "Counting area: Wirral" in text
    for candidate in contest.candidates:
        assert f"{candidate.name} {candidate.description}" in text
    assert "elected" not in text


def test_sv_final_tie_settled_by_lot_is_stated():
    text = pdf_raw_text(render("declaration", context(sv_final_lot())))
    assert "Ann ASHE Party A 40 0 40 Bryn BEVAN" in text
    assert "Bryn BEVAN Party B 25 15 40 Elected" in text
    assert "Cai CADWALADR Party C 25 3 28" in text
    assert "Every candidate other than Ann ASHE, Bryn BEVAN and Cai CADWALADR was excluded" in text
    # The statutory effect (an additional vote), then who was tied, who drew, when (local time), witnesses.
    assert ("Following an equality of votes, lots were drawn and, as a consequence, an additional vote was "
            "allotted to Bryn BEVAN. The equality of votes was between Ann ASHE and Bryn BEVAN. The lot was "
            "drawn by Alex OFFICER on Friday 7 May 2021 at 03:10, in the presence of Agents for A and B.") in text
    assert "declare that Bryn BEVAN, Party B is duly elected as Mayor of Testshire." in text
    assert SECOND_REJECTED + " 1" in text
    assert "500 112 22.40 %" in text


@pytest.mark.parametrize("drawn_at, printed", [
    ("2021-05-07T02:10:00Z", "Friday 7 May 2021 at 03:10"),        # recorded in UTC: UK summer time
    ("2021-12-03T02:10:00+00:00", "Friday 3 December 2021 at 02:10"),  # GMT in winter
    ("2021-05-07T03:10:00+01:00", "Friday 7 May 2021 at 03:10"),   # as recorded in the hall
])
def test_the_lot_is_dated_in_local_time_never_iso_utc(drawn_at, printed):
    count = sv_final_lot()
    contest = count.contests[0]
    lot = replace(contest.lots[0], drawn_at=drawn_at)
    text = pdf_raw_text(render("declaration", context(replace(count, contests=(replace(contest, lots=(lot,)),)))))
    assert f"drawn by Alex OFFICER on {printed}, in the presence of" in text
    assert drawn_at not in text and "T02:10" not in text


def test_lot_facts_not_in_the_count_file_are_said_to_be_not_recorded():
    count = sv_final_lot()
    contest = count.contests[0]
    lot = replace(contest.lots[0], drawn_by="", drawn_at="", witnesses="")
    text = pdf_raw_text(render("declaration", context(replace(count, contests=(replace(contest, lots=(lot,)),)))))
    assert ("The lot was drawn by (not recorded) on (not recorded), in the presence of (not recorded).") in text


@pytest.fixture(scope="module")
def ward_pdf() -> bytes:
    return render("declaration", context(ward(bilingual=False)))


def test_ward_fifteen_candidates_on_one_page_with_every_name_and_description(ward_pdf):
    pages = page_texts(ward_pdf)
    assert len(pages) == 1
    text = pdf_raw_text(ward_pdf)
    elected = {"obrien-s", "jones-w", "price-z"}  # 1,523 and 1,498, then PRICE by lot on 1,201
    for cid, name, description, votes in WARD_CANDIDATES:
        row = " ".join(part for part in (name, description, f"{votes:,}") if part)
        if cid in elected:
            row += " Elected"
        assert row in text, row
    assert "Siân LLOYD-WILLIAMS Welsh Liberal Democrats 1,201 Elected" not in text


def test_ward_user_text_prints_literally(ward_pdf):
    text = pdf_raw_text(ward_pdf)
    for literal in ("<script>alert('x')</script>", "Tomos <b>BOLD</b>", "Smith & Sons Independents",
                    "A & B Residents", "O'BRIEN", "Ŵyn", "Siân", "Zoë", "Llŷr", "Gwenllïan"):
        assert literal in text, literal
    assert "&amp;" not in text and "&lt;" not in text


def test_ward_lot_sentence_council_heads_and_are_duly_elected(ward_pdf):
    text = pdf_raw_text(ward_pdf)
    assert ("Following an equality of votes, lots were drawn and, as a consequence, an additional vote was "
            "allotted to Zoë PRICE. The equality of votes was between Siân LLOYD-WILLIAMS and Zoë PRICE. The lot "
            "was drawn by Annest Ŵyn ROBERTS on Friday 6 May 2022 at 03:12, in the presence of Candidates and "
            "agents present.") in text
    # Sheets: want 1+1, too many 6+5, identifiable 1+0, unmarked 3+4 and uncertain 2+2 printed as one.
    assert "(a) Want of an official mark 2" in text
    assert "(b) Voting for more candidates than the voter was entitled to 11" in text
    assert "(c) Writing or mark by which the voter could be identified 1" in text
    assert "(d) Unmarked or wholly void for uncertainty 11" in text
    assert "(e)" not in text
    assert "Total rejected ballot papers 25" in text
    assert "Rejected in part (the valid votes on them were counted) 6" in text
    assert ("And I do hereby declare that Ŵyn JONES, Plaid Cymru – The Party of Wales; Seán O'BRIEN, Welsh "
            "Labour and Zoë PRICE, Green Party are duly elected as Councillors for the Caergybi / Holyhead "
            "ward.") in text
    assert "Election of 3 Councillors for the Caergybi / Holyhead ward" in text
    # 3,025 verified of 9,876 electors = 30.6298… %, 30.63 % to two places.
    assert "9,876 3,025 30.63 % = 3,025 ÷ 9,876 × 100" in text
    assert "Total valid votes" not in text  # votes on a multi-member ward are not papers


def test_declaration_refused_while_a_lot_is_still_to_be_drawn():
    with pytest.raises(DocumentNotReady, match="decided by lot"):
        render("declaration", context(ward(with_lot=False)))


def test_declaration_refused_while_the_second_round_is_missing():
    count = liverpool()
    contest = count.contests[0]
    first_only = replace(contest, count_sheets=contest.sheets(1))
    with pytest.raises(DocumentNotReady, match="not complete"):
        render("declaration", context(replace(count, contests=(first_only,))))


def test_fptp_mayor_after_2023_uses_four_plain_heads_and_names_the_office():
    count = liverpool()
    contest = count.contests[0]
    fptp = replace(contest, system=VotingSystem.FPTP, count_sheets=contest.sheets(1))
    election = replace(count.election, poll_date=date(2024, 5, 2))
    text = pdf_raw_text(render("declaration", context(replace(count, election=election, contests=(fptp,)))))
    assert "Number of votes" in text and "First preference" not in text
    assert "Joanne ANDERSON Labour Party 38,958 Elected" in text
    # SI 2022/1353 art 3(7): "as to the first preference vote" omitted; (d) stays one head (426 + 281).
    for line in ("(b) Voting for more than one candidate 653", "(d) Unmarked or void for uncertainty 707"):
        assert line in text
    assert "(e)" not in text
    assert "is duly elected as Mayor of Liverpool." in text


def test_fptp_pcc_after_2023_uses_five_plain_heads():
    count = liverpool()
    contest = count.contests[0]
    pcc = replace(contest, system=VotingSystem.FPTP, count_sheets=contest.sheets(1), office=Office.PCC,
                  title="Merseyside")
    election = replace(count.election, poll_date=date(2024, 5, 2))
    text = pdf_raw_text(render("declaration", context(replace(count, election=election, contests=(pcc,)))))
    for line in ("(b) Voting for more than one candidate 653", "(c) Writing or mark by which the voter could be "
                 "identified 48", "(d) Unmarked 426", "(e) Void for uncertainty 281"):
        assert line in text
    assert "being the Police Area Returning Officer at the above election" in text
    assert "is duly elected as Police and Crime Commissioner for Merseyside." in text


def test_a_declaration_names_its_officer_or_is_refused():
    count = liverpool()
    for nobody in (None, "", "   "):
        unnamed = replace(count, election=replace(count.election, returning_officer=nobody))
        with pytest.raises(DocumentNotReady, match="no officer is named"):
            render("declaration", context(unnamed, place=""))


def test_a_statement_without_an_officer_named_still_reads_as_a_sentence():
    count = liverpool()
    count = replace(count, election=replace(count.election, returning_officer=None))
    text = pdf_raw_text(render("rejected", context(count, place="")))
    assert ("I, being the Returning Officer at the above election, do hereby give notice that the number of "
            "ballot papers rejected") in text
    assert "Signed Dated Saturday 8 May 2021 Returning Officer Place" in text

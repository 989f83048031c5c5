"""Welsh and English side by side, Welsh first, every phrase from the one translation table."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from report_samples import context, liverpool, pdf_raw_text, render, sv_final_lot, ward

from countdesk.reports import default_lang
from countdesk.reports.welsh import MONTHS, PHRASES, WEEKDAYS
from countdesk.services.document_registry import DOCUMENT_NAMES as DOCUMENTS


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_every_phrase_has_welsh_and_a_confidence_mark():
    for key, entry in PHRASES.items():
        assert entry.en.strip() and entry.cy.strip(), key
        assert entry.mark in ("H", "M", "L"), key
        # The Welsh may leave a value out (an office title it cannot mutate) but never invent one.
        assert _placeholders(entry.cy) <= _placeholders(entry.en), key
    for entry in (*WEEKDAYS, *MONTHS):
        assert entry.mark == "H"


def test_statutory_wording_from_the_domain_table():
    assert PHRASES["title.declaration"].cy == "Datganiad o Ganlyniad y Bleidlais"
    assert PHRASES["row.rejected_in_part"].cy.startswith("Gwrthodwyd yn rhannol")
    assert PHRASES["head:Unmarked or wholly void for uncertainty"].cy == (
        "Heb ei farcio neu'n gyfan gwbl ddi-rym oherwydd ansicrwydd")
    assert PHRASES["officer:Returning Officer"].cy == "Swyddog Canlyniadau"
    assert PHRASES["officer:Police Area Returning Officer"].cy == "Swyddog Canlyniadau Ardal yr Heddlu"


def test_default_language_follows_the_election():
    assert default_lang(ward().election) == "cy-en"
    assert default_lang(liverpool().election) == "en"


@pytest.fixture(scope="module")
def bilingual_declaration() -> str:
    return pdf_raw_text(render("declaration", context(ward())))


def test_bilingual_declaration_welsh_first_then_english(bilingual_declaration):
    text = bilingual_declaration
    pairs = (
        ("DATGANIAD O GANLYNIAD Y BLEIDLAIS", "DECLARATION OF RESULT OF POLL"),
        ("Ymgeisydd", "Candidate"),
        ("Disgrifiad", "Description"),
        ("Nifer y pleidleisiau", "Number of votes"),
        ("Rwyf i, Annest Ŵyn ROBERTS, sef y Swyddog Canlyniadau", "I, Annest Ŵyn ROBERTS, being the Returning"),
        ("Dim marc swyddogol", "Want of an official mark"),
        ("Heb ei farcio neu'n gyfan gwbl ddi-rym oherwydd ansicrwydd", "Unmarked or wholly void for uncertainty"),
        ("Gwrthodwyd yn rhannol", "Rejected in part"),
        ("Etholwyr", "Electorate"),
        ("dyrannwyd pleidlais ychwanegol i Zoë PRICE", "an additional vote was allotted to Zoë PRICE"),
        ("Roedd y pleidleisiau cyfartal rhwng Siân LLOYD-WILLIAMS a Zoë PRICE",
         "The equality of votes was between Siân LLOYD-WILLIAMS and Zoë PRICE"),
        ("(Dydd Gwener 6 Mai 2022 am 03:12)", "on Friday 6 May 2022 at 03:12"),
        ("Ac rwyf drwy hyn yn datgan mai Ŵyn JONES", "And I do hereby declare that Ŵyn JONES"),
        ("Llofnodwyd", "Signed"),
        ("Dydd Sadwrn 8 Mai 2021", "Saturday 8 May 2021"),
        ("Tudalen 1 o 2", "Page 1 of 2"),
    )
    for welsh, english in pairs:
        assert welsh in text, welsh
        assert english in text, english
        assert text.index(welsh) < text.index(english), (welsh, english)
    assert ("a Zoë PRICE, Green Party a etholwyd yn briodol yn Gynghorwyr ar gyfer Ward Etholiadol Caergybi / "
            "Holyhead.") in text
    assert text.index("Ethol 3 o Gynghorwyr ar gyfer Ward Etholiadol Caergybi / Holyhead") < text.index(
        "Election of 3 Councillors for the Caergybi / Holyhead ward")
    assert "ethol/" not in text and "/hethol" not in text
    assert "Etholwyd Elected" in text


def test_bilingual_declaration_flows_cleanly_onto_a_second_page():
    from report_samples import page_texts

    pages = page_texts(render("declaration", context(ward())))
    assert len(pages) == 2
    # Figures, lot, declaring sentence and signature stay together on the last page.
    last = pages[-1]
    for words in ("Etholwyr", "coelbren", "duly elected", "Llofnodwyd"):
        assert words in last, words


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if d not in ("declaration", "first_count", "second_count")])
def test_every_document_renders_bilingual(document):
    text = pdf_raw_text(render(document, context(ward())))
    assert "Dyddiad y bleidlais: Dydd Iau 5 Mai 2022" in text
    assert "Ardal gyfrif / Counting area: Isle of Anglesey" in text
    if document == "provisional":
        assert "DROS DRO" in text and "PROVISIONAL" in text
    if document == "verification":
        assert "Blychau gorsafoedd pleidleisio" in text and "Gwahaniaeth" in text


@pytest.mark.parametrize("document", ["first_count", "second_count"])
def test_the_statements_of_a_supplementary_vote_render_bilingual(document):
    """(Made for a supplementary vote: the Welsh sample ward is first past the post.)"""
    count = liverpool()
    welsh = replace(count, election=replace(count.election, bilingual=True))
    text = pdf_raw_text(render(document, context(welsh)))
    assert "Dyddiad y bleidlais" in text and "Date of poll" in text


def test_bilingual_sv_phrases():
    for document in ("declaration", "rejected", "provisional"):
        text = pdf_raw_text(render(document, context(sv_final_lot(), lang="cy-en")))
        assert "Pleidleisiau ail ddewis a drosglwyddwyd" in text or document == "rejected"
        assert "o ran y bleidlais ail ddewis" in text


@pytest.mark.parametrize("sample, document, keys", [
    (sv_final_lot, "declaration", ("col.candidate", "col.description", "col.first", "col.transfers", "col.total",
                                   "col.elected", "col.reason", "col.papers", "fig.electorate", "fig.verified")),
    (ward, "provisional", ("col.candidate", "col.description", "col.votes", "warnings.title")),
    (ward, "verification", ("col.box", "col.box_description", "col.type", "col.account", "col.verified",
                            "col.difference", "col.note", "row.subtotal_station", "row.grand_total")),
])
def test_column_heads_print_whole_in_both_languages(sample, document, keys):
    """A column too narrow for its head would break a word in two ("Gwahaniaet h")."""
    text = pdf_raw_text(render(document, context(sample(), lang="cy-en")))
    for key in keys:
        assert PHRASES[key].cy in text, PHRASES[key].cy
        assert PHRASES[key].en in text, PHRASES[key].en


def test_no_welsh_phrase_leaves_a_choice_to_the_reader():
    """No "ethol/hethol": a phrase printed on a notice is a sentence, not a choice between forms."""
    for key, entry in PHRASES.items():
        assert not re.search(r"\w/\w", entry.cy), (key, entry.cy)
        assert not re.search(r"\w/\w", entry.en), (key, entry.en)


def test_every_head_and_officer_of_the_regime_table_has_its_welsh():
    """The heads and titles come from domain/regimes.py in English; each has its Welsh here."""
    from countdesk.domain.model import Counting
    from countdesk.domain.regimes import OFFICERS, SECOND_STAGE_LABEL, SYSTEM_ROWS

    for row in SYSTEM_ROWS:
        for head in row.heads:
            assert PHRASES[f"head:{head.label}"].en == head.label
    for officer in OFFICERS.values():
        for title in filter(None, (officer.title, officer.local_title)):
            assert PHRASES[f"officer:{title}"].en == title
    assert PHRASES["head.second_rejected"].en == SECOND_STAGE_LABEL
    assert Counting.LOCAL  # the local title is the one a local count signs with (test_officer.py)

"""The office in the heading and the declaring sentence, from the contest's `office` (never its id
or title): wards with their seats, mayors and commissioners, Members of Parliament, in English and
Welsh (the title after "yn" soft-mutated)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from report_samples import context, liverpool, pdf_raw_text, render, ward

from countdesk.domain.model import Office
from countdesk.reports.offices import soft_mutation, ward_name


@pytest.mark.parametrize("plain, mutated", [
    ("Maer Lerpwl", "Faer Lerpwl"), ("Comisiynydd Heddlu a Throseddu Dyfed-Powys", "Gomisiynydd Heddlu a "
     "Throseddu Dyfed-Powys"), ("Gweinidog", "Weinidog"), ("Pennaeth", "Bennaeth"), ("Dirprwy", "Ddirprwy"),
    ("Aelod Seneddol", "Aelod Seneddol"), ("Llywydd", "Llywydd"), ("Rhaglaw", "Rhaglaw"), ("Tywysog", "Dywysog"),
])
def test_soft_mutation_after_predicative_yn(plain, mutated):
    assert soft_mutation(plain) == mutated


def test_ward_name_drops_the_word_ward():
    contest = ward().contests[0]
    assert ward_name(contest).en == "Caergybi / Holyhead"
    assert ward_name(replace(contest, title="Ward Docks", title_cy="Ward y Dociau")).cy == "y Dociau"


def single_seat_ward():
    count = ward(bilingual=False, with_lot=False)
    contest = count.contests[0]
    return replace(count, contests=(replace(contest, seats=1, title="Docks"),))


def test_one_councillor_for_a_ward():
    text = pdf_raw_text(render("declaration", context(single_seat_ward())))
    assert "Election of a Councillor for the Docks ward" in text
    assert "Seán O'BRIEN, Welsh Labour is duly elected as Councillor for the Docks ward." in text


def mayor(title: str, title_cy: str | None = None, office: Office = Office.LOCAL_MAYOR):
    count = liverpool()
    contest = replace(count.contests[0], title=title, title_cy=title_cy, office=office)
    return replace(count, contests=(contest,))


@pytest.mark.parametrize("title, office, sentence", [
    ("Mayor of Liverpool", Office.LOCAL_MAYOR, "is duly elected as Mayor of Liverpool."),
    ("Election of the Mayor of Liverpool", Office.LOCAL_MAYOR, "is duly elected as Mayor of Liverpool."),
    ("Liverpool City Region", Office.COMBINED_AUTHORITY_MAYOR, "is duly elected as Mayor of Liverpool City Region."),
    ("Merseyside", Office.PCC, "is duly elected as Police and Crime Commissioner for Merseyside."),
    ("Merseyside Police and Crime Commissioner", Office.PCC,
     "is duly elected as Merseyside Police and Crime Commissioner."),
    ("Police, Fire and Crime Commissioner for Essex", Office.PCC,
     "is duly elected as Police, Fire and Crime Commissioner for Essex."),
])
def test_the_office_comes_from_the_contest_office_and_the_title_names_it(title, office, sentence):
    text = pdf_raw_text(render("declaration", context(mayor(title, office=office))))
    assert f"Joanne ANDERSON, Labour Party {sentence}" in text


def test_a_title_that_looks_like_an_office_is_not_one():
    """A constituency called "Testbury and Mayor's Cross" elects a Member of Parliament."""
    text = pdf_raw_text(render("declaration", context(mayor("Testbury and Mayor's Cross", office=Office.PARLIAMENT))))
    assert "is duly elected as the Member of Parliament for the said constituency." in text
    assert "as Mayor" not in text


def test_welsh_office_from_the_welsh_title_mutated_else_the_noun():
    with_title = pdf_raw_text(render("declaration", context(mayor("Mayor of Liverpool", "Maer Lerpwl"),
                                                            lang="cy-en")))
    assert "a etholwyd yn briodol yn Faer Lerpwl." in with_title
    assert "Maer Lerpwl" in with_title.split("DATGANIAD")[0]  # the Welsh title heads the document
    without = pdf_raw_text(render("declaration", context(mayor("Merseyside", office=Office.PCC), lang="cy-en")))
    assert ("a etholwyd yn briodol yn Gomisiynydd Heddlu a Throseddu (Police and Crime Commissioner for "
            "Merseyside).") in without

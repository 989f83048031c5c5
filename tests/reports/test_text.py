"""Names, dates, fingerprints and the choice of rejected heads, as they are printed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from countdesk.domain.model import Office, VotingSystem
from countdesk.reports.blocks import office_title
from countdesk.reports.rejected import head_family
from countdesk.reports.text import (
    fingerprint_groups, join_names, long_date, signed_number,
)
from report_samples import liverpool, ward


def test_dates_in_english_and_welsh():
    assert long_date(date(2021, 5, 6), "en") == "Thursday 6 May 2021"
    assert long_date(date(2021, 5, 6), "cy") == "Dydd Iau 6 Mai 2021"
    assert long_date(date(2022, 12, 25), "cy") == "Dydd Sul 25 Rhagfyr 2022"


def test_names_joined_with_and_or_a_ac():
    assert join_names(["A"]).en == "A"
    assert join_names(["A", "B", "C"]).en == "A, B and C"
    assert join_names(["Siân", "Zoë"]).cy == "Siân a Zoë"
    assert join_names(["Siân", "Eleri"]).cy == "Siân ac Eleri"
    assert join_names(["X, P", "Y, Q", "Z, R"], separator="; ").en == "X, P; Y, Q and Z, R"


def test_fingerprint_in_groups_of_four():
    assert fingerprint_groups("3f2a91c07be4") == "3F2A 91C0 7BE4"
    assert fingerprint_groups("3F2A 91C0 7BE4") == "3F2A 91C0 7BE4"
    assert fingerprint_groups("sha256:xyz") == "sha256:xyz"
    assert fingerprint_groups("") == ""


def test_signed_difference_uses_a_true_minus():
    assert signed_number(3) == "+3"
    assert signed_number(-1234) == "\u22121,234"
    assert signed_number(0) == "0"


def test_rejected_head_family_by_system_and_office():
    sv = liverpool().contests[0]
    assert head_family(sv) == "sv"
    assert head_family(replace(sv, system=VotingSystem.FPTP)) == "office"
    assert head_family(ward().contests[0]) == "council"
    # The office decides, never the id or a word in the title.
    pcc = replace(ward().contests[0], id="x.2024-05-02", title="Dyfed-Powys", office=Office.PCC, seats=1)
    assert head_family(pcc) == "office"
    constituency = replace(ward().contests[0], title="Testbury and Mayor's Cross", office=Office.PARLIAMENT, seats=1)
    assert head_family(constituency) == "council"


def test_office_title_for_the_declaring_sentence():
    assert office_title(liverpool().contests[0]) == "Mayor of Liverpool"
    titled = replace(liverpool().contests[0], title="Election of the Mayor of Liverpool")
    assert office_title(titled) == "Mayor of Liverpool"
    assert office_title(ward().contests[0]) is None
    pcc = replace(ward().contests[0], id="x.2024-05-02", title="Police, Fire and Crime Commissioner for Essex",
                  office=Office.PCC, seats=1)
    assert office_title(pcc) == "Police, Fire and Crime Commissioner for Essex"
    # A constituency whose name has "Mayor" in it is not a mayoralty.
    assert office_title(replace(ward().contests[0], title="Testbury and Mayor's Cross",
                                office=Office.PARLIAMENT, seats=1)) is None

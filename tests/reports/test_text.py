"""Names, dates, fingerprints and the choice of rejected heads, as they are printed."""

from __future__ import annotations

from datetime import date

from countdesk.reports.text import fingerprint_groups, join_names, long_date, signed_number


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

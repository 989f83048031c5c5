"""The regime table: office × nation × poll date → system, heads, second-stage figure, officer,
who declares (domain.md §6, §10). Properties over every office and any date, and the statutory
cases one by one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from countdesk.domain.model import REJECTED_HEADS, Candidate, Contest, Counting, Election, Nation, Office, VotingSystem
from countdesk.domain.regimes import (
    FPTP_FOR_MAYORS_AND_PCCS_FROM,
    PCC_SV_HEADS,
    SECOND_STAGE_LABEL,
    SV_FOR_CA_MAYORS_FROM,
    SYSTEM_ROWS,
    SystemRow,
    declares,
    lawful_systems,
    regime_for,
    system_mismatch,
    system_row,
)

poll_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
DAY = timedelta(days=1)


@given(st.sampled_from(Office), st.sampled_from(Nation), poll_dates)
def test_every_office_has_one_system_on_any_date(office, nation, poll_date):
    regime = regime_for(office, nation, poll_date)
    assert lawful_systems(office, nation, poll_date) == (regime.system,)
    assert (regime.system is VotingSystem.REFERENDUM) == (office is Office.REFERENDUM)
    assert regime.row.rule  # every row cites its rule


@given(st.sampled_from(Office), st.sampled_from(Nation), poll_dates, st.integers(1, 5))
def test_the_heads_print_every_key_once(office, nation, poll_date, seats):
    regime = regime_for(office, nation, poll_date)
    keys = [k for head in regime.heads for k in head.keys]
    assert sorted(keys) == sorted(REJECTED_HEADS)
    if office is Office.PCC:  # PCC: five heads, unmarked and uncertain apart
        assert len(regime.heads) == 5
    else:  # every other office: four, unmarked and void for uncertainty as one
        assert len(regime.heads) == 4
        assert regime.heads[3].keys == ("unmarked", "void_for_uncertainty")
    printed = regime.printed_heads(seats)
    in_part = office is Office.COUNCIL and seats > 1
    assert len(printed) == len(regime.heads) + in_part
    if in_part:
        assert printed[-1].label == "Rejected in part" and printed[-1].keys == ()


@given(st.sampled_from(Office), st.sampled_from(Nation), poll_dates)
def test_the_second_stage_figure_is_for_sv_only(office, nation, poll_date):
    regime = regime_for(office, nation, poll_date)
    assert (regime.second_stage_label == SECOND_STAGE_LABEL) == (regime.system is VotingSystem.SV)


@pytest.mark.parametrize("office, day, system", [
    # Mayors and PCCs: SV before 4 May 2023, FPTP from then (Elections Act 2022 s.13).
    (Office.LOCAL_MAYOR, FPTP_FOR_MAYORS_AND_PCCS_FROM - DAY, VotingSystem.SV),
    (Office.LOCAL_MAYOR, FPTP_FOR_MAYORS_AND_PCCS_FROM, VotingSystem.FPTP),
    (Office.LOCAL_MAYOR, SV_FOR_CA_MAYORS_FROM, VotingSystem.FPTP),  # not commenced for LA mayors
    (Office.PCC, FPTP_FOR_MAYORS_AND_PCCS_FROM - DAY, VotingSystem.SV),
    (Office.PCC, FPTP_FOR_MAYORS_AND_PCCS_FROM, VotingSystem.FPTP),
    (Office.PCC, SV_FOR_CA_MAYORS_FROM, VotingSystem.FPTP),  # not commenced for PCCs
    # CA/CCA mayors: SV again from 18 June 2026 (EDCEA 2026 s.63, Commencement No. 1 Regs 2026).
    (Office.COMBINED_AUTHORITY_MAYOR, FPTP_FOR_MAYORS_AND_PCCS_FROM - DAY, VotingSystem.SV),
    (Office.COMBINED_AUTHORITY_MAYOR, FPTP_FOR_MAYORS_AND_PCCS_FROM, VotingSystem.FPTP),
    (Office.COMBINED_AUTHORITY_MAYOR, date(2026, 6, 17), VotingSystem.FPTP),
    (Office.COMBINED_AUTHORITY_MAYOR, date(2026, 6, 18), VotingSystem.SV),
    (Office.COUNCIL, date(2021, 5, 6), VotingSystem.FPTP),
    (Office.PARLIAMENT, date(2024, 7, 4), VotingSystem.FPTP),
    (Office.REFERENDUM, date(2024, 7, 4), VotingSystem.REFERENDUM),
])
def test_the_system_by_office_and_poll_date(office, day, system):
    assert regime_for(office, Nation.ENGLAND, day).system is system


def test_a_later_commencement_is_one_new_row():
    commenced = date(2028, 5, 4)
    rows = (*SYSTEM_ROWS, SystemRow(Office.PCC, commenced, VotingSystem.SV, PCC_SV_HEADS, "a 2028 commencement"))
    assert system_row(Office.PCC, Nation.ENGLAND, commenced, rows).system is VotingSystem.SV
    assert system_row(Office.PCC, Nation.ENGLAND, commenced - DAY, rows).system is VotingSystem.FPTP
    assert system_row(Office.LOCAL_MAYOR, Nation.ENGLAND, commenced, rows).system is VotingSystem.FPTP


@pytest.mark.parametrize("office, counting, deputy, title", [
    (Office.COUNCIL, Counting.WHOLE, False, "Returning Officer"),
    (Office.LOCAL_MAYOR, Counting.WHOLE, True, "Deputy Returning Officer"),
    (Office.PARLIAMENT, Counting.WHOLE, False, "Acting Returning Officer"),
    (Office.PARLIAMENT, Counting.WHOLE, True, "Deputy Acting Returning Officer"),
    (Office.PCC, Counting.WHOLE, False, "Police Area Returning Officer"),
    (Office.PCC, Counting.LOCAL, False, "Local Returning Officer"),
    (Office.COMBINED_AUTHORITY_MAYOR, Counting.WHOLE, False, "Combined Authority Returning Officer"),
    (Office.COMBINED_AUTHORITY_MAYOR, Counting.LOCAL, True, "Deputy Local Returning Officer"),
    (Office.REFERENDUM, Counting.WHOLE, False, "Counting Officer"),
])
def test_the_officer_title(office, counting, deputy, title):
    assert regime_for(office, Nation.ENGLAND, date(2024, 5, 2)).officer_title(counting, deputy) == title


def _contest(office: Office, system: VotingSystem, counting: Counting = Counting.WHOLE) -> Contest:
    return Contest("c", "A contest", system, 1, (Candidate("a", "Ann ASHE"), Candidate("b", "Bryn BEVAN")),
                   office=office, counting=counting)


def _election(day: date) -> Election:
    return Election("e", "An election", day, "Testshire")


def test_only_a_whole_count_declares():
    assert declares(_contest(Office.PCC, VotingSystem.FPTP))
    assert not declares(_contest(Office.PCC, VotingSystem.FPTP, Counting.LOCAL))
    regime = regime_for(Office.PCC, Nation.ENGLAND, date(2024, 5, 2))
    assert regime.declares(Counting.WHOLE) and not regime.declares(Counting.LOCAL)


def test_a_system_the_office_and_date_do_not_allow_is_named_with_its_rule():
    sv_ca_2026 = _contest(Office.COMBINED_AUTHORITY_MAYOR, VotingSystem.SV)
    assert system_mismatch(_election(date(2026, 6, 18)), sv_ca_2026) is None
    fptp_ca_2026 = _contest(Office.COMBINED_AUTHORITY_MAYOR, VotingSystem.FPTP)
    problem = system_mismatch(_election(date(2026, 6, 18)), fptp_ca_2026)
    assert problem.startswith("a combined_authority_mayor poll on 2026-06-18 is counted by supplementary vote (sv), "
                              "not first past the post (fptp)")
    assert "Community Empowerment Act 2026 s.63" in problem
    assert system_mismatch(_election(date(2024, 5, 2)), _contest(Office.LOCAL_MAYOR, VotingSystem.SV))
    assert system_mismatch(_election(date(2021, 5, 6)), _contest(Office.PCC, VotingSystem.SV)) is None


def test_every_row_says_where_its_rules_come_from():
    regime = regime_for(Office.PCC, Nation.ENGLAND, date(2021, 5, 6))
    rules = dict(regime.rules(Counting.LOCAL))
    assert rules["System"].startswith("supplementary vote: Police Reform and Social Responsibility Act 2011 Sch 9")
    assert rules["Officer"].startswith("Local Returning Officer: SI 2012/1917 Sch 3 r.62(1)")
    assert rules["Declares"].startswith("no")
    referendum = dict(regime_for(Office.REFERENDUM, Nation.ENGLAND, date(2021, 5, 6)).rules())
    assert referendum["Equal votes"].startswith("no lot: SI 2012/2031 Sch 3 r.41")

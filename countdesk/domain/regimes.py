"""Which rules apply: the office, the nation and the poll date decide the system, the rejected
heads, the second-stage figure, the officer's title and whether this count declares.

One table, as data (domain.md §6). Everything that needs to know what is being counted asks
here; nothing decides an office from a contest's id or title. The voting system is chosen by
date: `SYSTEM_ROWS` lists, per office, the system in force from a day on, and the row that
applies to a poll is the latest one that started on or before its date. A later commencement
(SV again for PCCs or local mayors) is one new row.

Citations are to the rules read for each row; where a text was not read the row says "check".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Contest, Counting, Election, Nation, Office, VotingSystem

#: Offices whose poll is counted in local areas and collated: the only ones a count can be
#: `local` for (SI 2012/1917 Sch 3; SI 2017/67 Sch 1).
COLLATED_OFFICES = (Office.PCC, Office.COMBINED_AUTHORITY_MAYOR)
#: The Elections Act 2022 s.13 and Sch 9 moved mayoral and PCC polls to FPTP from this day
#: (the amending SIs, e.g. SI 2022/1353, do not apply where the notice of election gives an
#: earlier poll date).
FPTP_FOR_MAYORS_AND_PCCS_FROM = date(2023, 5, 4)
#: English Devolution and Community Empowerment Act 2026 s.63, commenced by its Commencement No. 1
#: and Saving Regulations 2026: SV again for combined (and combined county) authority mayors.
SV_FOR_CA_MAYORS_FROM = date(2026, 6, 18)


@dataclass(frozen=True)
class PrintedHead:
    """One head of a statement of rejected ballot papers: its statutory words, and the count-file
    keys whose figures it prints (two keys print as one head where the rules make them one)."""

    label: str
    keys: tuple[str, ...]


def _heads(*rows: tuple[str, tuple[str, ...]]) -> tuple[PrintedHead, ...]:
    return tuple(PrintedHead(label, keys) for label, keys in rows)


_MARK = ("want_of_official_mark",)
_TOO_MANY = ("too_many_votes",)
_IDENT = ("identifiable",)
_UNMARKED_OR_VOID = ("unmarked", "void_for_uncertainty")

#: PCC, SV: five heads, unmarked and uncertain apart (SI 2012/1917 Sch 3 r.53(7) as in force until
#: 2022; labels as on the West Midlands PCC 2021 statement).
PCC_SV_HEADS = _heads(
    ("Want of an official mark", _MARK),
    ("Voting for more than one candidate as to the first preference vote", _TOO_MANY),
    ("Writing or mark by which the voter could be identified", _IDENT),
    ("Unmarked as to the first preference vote", ("unmarked",)),
    ("Void for uncertainty as to the first preference vote", ("void_for_uncertainty",)),
)
#: PCC, FPTP: five heads (SI 2012/1917 Sch 3 r.53(7) as amended from 2023: "want of an official mark;
#: voting for more than one candidate; writing or mark by which the voter could be identified;
#: unmarked; void for uncertainty").
PCC_FPTP_HEADS = _heads(
    ("Want of an official mark", _MARK),
    ("Voting for more than one candidate", _TOO_MANY),
    ("Writing or mark by which the voter could be identified", _IDENT),
    ("Unmarked", ("unmarked",)),
    ("Void for uncertainty", ("void_for_uncertainty",)),
)
#: Mayors, SV: four heads, (d) one head (SI 2007/1024 Sch 1 r.48(5); SI 2017/67 Sch 1 r.51).
MAYOR_SV_HEADS = _heads(
    ("Want of an official mark", _MARK),
    ("Voting for more than one candidate as to the first preference vote", _TOO_MANY),
    ("Writing or mark by which the voter could be identified", _IDENT),
    ("Unmarked or void for uncertainty as to the first preference vote", _UNMARKED_OR_VOID),
)
#: Mayors, FPTP: the same four heads without "as to the first preference vote" (SI 2022/1353
#: art 3(7) omits those words).
MAYOR_FPTP_HEADS = _heads(
    ("Want of an official mark", _MARK),
    ("Voting for more than one candidate", _TOO_MANY),
    ("Writing or mark by which the voter could be identified", _IDENT),
    ("Unmarked or void for uncertainty", _UNMARKED_OR_VOID),
)
#: Council wards (SI 2006/3304 and 2006/3305 Sch 2 r.47; Wales WSI 2021/1459 and 2021/1460 r.60).
COUNCIL_HEADS = _heads(
    ("Want of an official mark", _MARK),
    ("Voting for more candidates than the voter was entitled to", _TOO_MANY),
    ("Writing or mark by which the voter could be identified", _IDENT),
    ("Unmarked or wholly void for uncertainty", _UNMARKED_OR_VOID),
)
#: UK Parliament (RPA 1983 Sch 1 r.47).
PARLIAMENT_HEADS = _heads(
    ("Want of an official mark", _MARK),
    ("Voting for more than one candidate", _TOO_MANY),
    ("Writing or mark by which the voter could be identified", _IDENT),
    ("Unmarked or void for uncertainty", _UNMARKED_OR_VOID),
)
#: Local referendums: "voting for more than one answer" (domain.md §6).
REFERENDUM_HEADS = _heads(
    ("Want of an official mark", _MARK),
    ("Voting for more than one answer", _TOO_MANY),
    ("Writing or mark by which the voter could be identified", _IDENT),
    ("Unmarked or void for uncertainty", _UNMARKED_OR_VOID),
)
#: Multi-seat council wards also state the papers rejected in part (WSI 2021/1459 Sch 2 r.60).
REJECTED_IN_PART_LABEL = "Rejected in part"
#: The one statutory second-stage figure of an SV count (domain.md §2b).
SECOND_STAGE_LABEL = (
    "Ballot papers rejected for the purposes of the count of second preference votes on the ground that "
    "they were unmarked or void for uncertainty as to the second preference vote"
)
SECOND_STAGE_RULE = ("PCC Order 2012 (SI 2012/1917) Sch 3 r.62(2)(d)(ii); SI 2007/1024 Sch 1 r.54(2)(d)(ii); "
                     "SI 2017/67 Sch 1 r.55(3)")


@dataclass(frozen=True)
class SystemRow:
    """From `since` (None: always) an office's polls are counted by `system`, with these heads.
    `nation` None: England and Wales alike."""

    office: Office
    since: date | None
    system: VotingSystem
    heads: tuple[PrintedHead, ...]
    rule: str
    nation: Nation | None = None


SYSTEM_ROWS: tuple[SystemRow, ...] = (
    SystemRow(Office.LOCAL_MAYOR, None, VotingSystem.SV, MAYOR_SV_HEADS,
              "Local Government Act 2000 Sch 2; SI 2007/1024 Sch 1 (heads r.48)"),
    SystemRow(Office.LOCAL_MAYOR, FPTP_FOR_MAYORS_AND_PCCS_FROM, VotingSystem.FPTP, MAYOR_FPTP_HEADS,
              "Elections Act 2022 s.13, Sch 9; SI 2007/1024 Sch 1 as amended by SI 2022/1353 (heads r.48)"),
    SystemRow(Office.COMBINED_AUTHORITY_MAYOR, None, VotingSystem.SV, MAYOR_SV_HEADS,
              "LDEDCA 2009 Sch 5B paras 4-5; SI 2017/67 Sch 1 (heads r.51)"),
    SystemRow(Office.COMBINED_AUTHORITY_MAYOR, FPTP_FOR_MAYORS_AND_PCCS_FROM, VotingSystem.FPTP, MAYOR_FPTP_HEADS,
              "Elections Act 2022 s.13, Sch 9; SI 2017/67 Sch 1 as amended by SI 2022/1353 (heads r.51)"),
    SystemRow(Office.COMBINED_AUTHORITY_MAYOR, SV_FOR_CA_MAYORS_FROM, VotingSystem.SV, MAYOR_SV_HEADS,
              "English Devolution and Community Empowerment Act 2026 s.63; its Commencement No. 1 and Saving "
              "Regulations 2026; the Combined Authorities (Mayoral Elections) (Amendment) Order 2026 (heads as "
              "SI 2017/67 Sch 1 r.51: check against the Amendment Order)"),
    SystemRow(Office.PCC, None, VotingSystem.SV, PCC_SV_HEADS,
              "Police Reform and Social Responsibility Act 2011 Sch 9; SI 2012/1917 Sch 3 (heads r.53)"),
    SystemRow(Office.PCC, FPTP_FOR_MAYORS_AND_PCCS_FROM, VotingSystem.FPTP, PCC_FPTP_HEADS,
              "Elections Act 2022 s.13, Sch 9; SI 2012/1917 Sch 3 as amended (heads r.53(7))"),
    SystemRow(Office.COUNCIL, None, VotingSystem.FPTP, COUNCIL_HEADS,
              "Local Elections (Principal Areas) Rules 2006 (SI 2006/3304) and (Parishes and Communities) Rules "
              "2006 (SI 2006/3305) Sch 2 (heads r.47)", Nation.ENGLAND),
    SystemRow(Office.COUNCIL, None, VotingSystem.FPTP, COUNCIL_HEADS,
              "Local Elections (Principal Areas) (Wales) Rules 2021 (WSI 2021/1459) and (Communities) (Wales) "
              "Rules 2021 (WSI 2021/1460) Sch 2 (heads r.60)", Nation.WALES),
    SystemRow(Office.PARLIAMENT, None, VotingSystem.FPTP, PARLIAMENT_HEADS,
              "Representation of the People Act 1983 Sch 1 (heads r.47, declaration r.50)"),
    SystemRow(Office.REFERENDUM, None, VotingSystem.REFERENDUM, REFERENDUM_HEADS,
              "Neighbourhood Planning (Referendums) Regulations 2012 (SI 2012/2031) Sch 3; Local Authorities "
              "(Conduct of Referendums) (England) Regulations 2012"),
)


@dataclass(frozen=True)
class Officer:
    """The officer who signs: the title for the whole poll and, at a collated poll, for a local count."""

    title: str
    rule: str
    local_title: str | None = None
    local_rule: str | None = None


OFFICERS: dict[Office, Officer] = {
    Office.COUNCIL: Officer("Returning Officer", "Representation of the People Act 1983 s.35"),
    Office.LOCAL_MAYOR: Officer("Returning Officer",
                                "SI 2007/1024 reg. 3 (the returning officer for the council's elections)"),
    Office.PARLIAMENT: Officer("Acting Returning Officer",
                               "Representation of the People Act 1983 s.28 (England and Wales)"),
    Office.PCC: Officer("Police Area Returning Officer", "SI 2012/1917 (the police area returning officer)",
                        "Local Returning Officer", "SI 2012/1917 Sch 3 r.62(1): local statements only"),
    Office.COMBINED_AUTHORITY_MAYOR: Officer(
        "Combined Authority Returning Officer", "SI 2017/67 art. 6 (a combined county authority's officer is "
        "the Combined County Authority Returning Officer)",
        "Local Returning Officer", "SI 2017/67 Sch 1 r.54 and r.59: local statements only"),
    Office.REFERENDUM: Officer("Counting Officer", "SI 2012/2031 reg. 9"),
}

#: How each office's equal votes are settled (domain.md §10).
LOT_RULES: dict[Office, str | None] = {
    Office.PARLIAMENT: "RPA 1983 Sch 1 r.49",
    Office.COUNCIL: "SI 2006/3304 Sch 2 r.49",
    Office.LOCAL_MAYOR: "LGA 2000 Sch 2 para 3; SI 2007/1024 Sch 1 r.51(5)",
    Office.COMBINED_AUTHORITY_MAYOR: "LDEDCA 2009 Sch 5B para 5",
    Office.PCC: "PRSRA 2011 Sch 9 para 3",
    # No lot: "an equality of votes ... the result is that there is no majority in favour"
    # (SI 2012/2031 Sch 3 r.41).
    Office.REFERENDUM: None,
}
EQUAL_REFERENDUM_RULE = ("SI 2012/2031 Sch 3 r.41: where an equality of votes is found between the answers, "
                         "there is no majority in favour")

#: Uncontested returns: candidates not more than seats, no poll (domain.md §10).
UNCONTESTED_RULES: dict[Office, str] = {
    Office.PARLIAMENT: "RPA 1983 Sch 1 r.50(2)",
    Office.COUNCIL: "SI 2006/3304 and 2006/3305 Sch 2 Part 5 (final proceedings in uncontested elections)",
    Office.LOCAL_MAYOR: "SI 2007/1024 Sch 1 Part 5 (final proceedings in uncontested elections)",
    Office.COMBINED_AUTHORITY_MAYOR: "SI 2017/67 Sch 1 (final proceedings in uncontested elections)",
    Office.PCC: "SI 2012/1917 Sch 3 (final proceedings in uncontested elections)",
    Office.REFERENDUM: "a referendum is always polled",
}


@dataclass(frozen=True)
class Regime:
    """Everything the rules decide for one office at one poll."""

    office: Office
    nation: Nation
    poll_date: date
    row: SystemRow
    officer: Officer

    @property
    def system(self) -> VotingSystem:
        return self.row.system

    @property
    def heads(self) -> tuple[PrintedHead, ...]:
        return self.row.heads

    @property
    def second_stage_label(self) -> str | None:
        """The statutory second-stage figure's words: SV only."""
        return SECOND_STAGE_LABEL if self.system is VotingSystem.SV else None

    @property
    def lot_rule(self) -> str | None:
        """None: never decided by lot (a referendum)."""
        return LOT_RULES[self.office]

    def printed_heads(self, seats: int) -> tuple[PrintedHead, ...]:
        """The heads of the statement; a multi-seat council ward adds "rejected in part" (its
        figure is `rejected_in_part`, not a count-file head)."""
        if self.office is Office.COUNCIL and seats > 1:
            return (*self.heads, PrintedHead(REJECTED_IN_PART_LABEL, ()))
        return self.heads

    def officer_title(self, counting: Counting, deputy: bool = False) -> str:
        title = self.officer.title
        if counting is Counting.LOCAL and self.officer.local_title:
            title = self.officer.local_title
        return f"Deputy {title}" if deputy else title

    def declares(self, counting: Counting) -> bool:
        """A whole count declares; a local count of a collated poll never does (the collating
        officer declares: SI 2012/1917 Sch 3 r.62(1); SI 2017/67 Sch 1 r.59)."""
        return counting is Counting.WHOLE

    def rules(self, counting: Counting = Counting.WHOLE) -> tuple[tuple[str, str], ...]:
        """What applies and where it comes from, for the set-up screen and the docs."""
        officer_rule = self.officer.rule
        if counting is Counting.LOCAL and self.officer.local_rule:
            officer_rule = self.officer.local_rule
        lots = self.lot_rule or EQUAL_REFERENDUM_RULE
        return (
            ("System", f"{_SYSTEM_NAMES[self.system]}: {self.row.rule}"),
            ("Rejected ballot paper heads", f"{len(self.heads)} heads"),
            ("Officer", f"{self.officer_title(counting)}: {officer_rule}"),
            ("Declares", "yes" if self.declares(counting) else "no: local statements only; the collating officer "
                                                               "declares"),
            ("Equal votes", f"decided by lot: {lots}" if self.lot_rule else f"no lot: {lots}"),
            ("Uncontested", UNCONTESTED_RULES[self.office]),
        )


_SYSTEM_NAMES = {
    VotingSystem.SV: "supplementary vote",
    VotingSystem.FPTP: "first past the post",
    VotingSystem.REFERENDUM: "referendum (yes or no)",
}


def system_row(
    office: Office, nation: Nation, poll_date: date, rows: tuple[SystemRow, ...] = SYSTEM_ROWS,
) -> SystemRow:
    """The row in force for this office, nation and poll date: the latest that started on or before it."""
    in_force = [r for r in rows if r.office is office and r.nation in (None, nation)
                and (r.since is None or r.since <= poll_date)]
    if not in_force:
        raise LookupError(f"no rules for {office} in {nation} on {poll_date}")
    return max(in_force, key=lambda r: r.since or date.min)


def regime_for(office: Office, nation: Nation, poll_date: date) -> Regime:
    return Regime(office, nation, poll_date, system_row(office, nation, poll_date), OFFICERS[office])


def regime_of(election: Election, contest: Contest) -> Regime:
    return regime_for(contest.office_held, Nation(election.nation), election.poll_date)


def lawful_systems(office: Office, nation: Nation, poll_date: date) -> tuple[VotingSystem, ...]:
    """The systems the law allows for this office at this poll (one, today; a tuple so a choice
    the law might give later needs no new interface)."""
    return (system_row(office, nation, poll_date).system,)


def system_mismatch(election: Election, contest: Contest) -> str | None:
    """Why the contest's system is not the one its office and poll date require, or None."""
    regime = regime_of(election, contest)
    if contest.system in lawful_systems(regime.office, regime.nation, regime.poll_date):
        return None
    return (
        f"a {contest.office_held.value} poll on {election.poll_date.isoformat()} is counted by "
        f"{_SYSTEM_NAMES[regime.system]} ({regime.system.value}), not {_SYSTEM_NAMES[contest.system]} "
        f"({VotingSystem(contest.system).value}): {regime.row.rule}"
    )


def declares(contest: Contest) -> bool:
    """Whether this count declares a result (a local count of a collated poll never does)."""
    return Counting(contest.counting) is Counting.WHOLE

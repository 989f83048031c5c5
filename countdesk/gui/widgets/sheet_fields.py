"""Which figures a count sheet asks for, in order, with the words printed beside each field.

Round 1: first the papers on the sheet (the table's papers, as on the paper sheet: the figure the
rest must add up to), then every candidate in ballot-paper order, then the five rejected-paper
heads (and, for a ward electing several, those rejected in part). Round 2: the finalists in
ballot-paper order, then the non-transferable papers and, optional, the statutory second-stage
figure: those of them rejected as unmarked or void for uncertainty as to the second preference.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.model import REJECTED_HEADS, Contest, VotingSystem

REJECTED_LABELS = {
    "want_of_official_mark": "(a) Want of an official mark",
    "too_many_votes": "(b) Voting for more than one candidate",
    "identifiable": "(c) Writing or mark identifying the voter",
    "unmarked": "(d) Unmarked",
    "void_for_uncertainty": "(e) Void for uncertainty",
}
#: PCC Order 2012 Sch 3 r.62(2)(d)(ii): one figure, a part of the non-transferable papers.
SECOND_REJECTED_LABEL = "of which: rejected as unmarked or void for uncertainty as to the second preference"


def rejected_label(head: str, contest: Contest) -> str:
    if head == "too_many_votes":
        if contest.system is VotingSystem.SV:
            return "(b) More than one first preference"
        if contest.seats > 1:
            return f"(b) Voting for more than {contest.seats} candidates"
    return REJECTED_LABELS[head]


@dataclass(frozen=True)
class FieldSpec:
    key: str                 # "votes.<id>", "rejected.<head>", "papers", "non_transferable", ...
    label: str
    accessible: str
    number: str = ""
    description: str = ""
    required: bool = True
    section: str = ""        # a heading printed above this field


def sheet_fields(contest: Contest, round_number: int, finalists: tuple[str, ...] = ()) -> tuple[FieldSpec, ...]:
    specs: list[FieldSpec] = []
    if round_number == 1:
        specs.append(FieldSpec("papers", "Ballot papers on this sheet (rejected included)",
                               "Ballot papers on this sheet", section="Ballot papers"))
        for number, candidate in enumerate(contest.candidates, start=1):
            specs.append(FieldSpec(f"votes.{candidate.id}", candidate.name, f"Votes for {candidate.name}",
                                   str(number), candidate.description, section="Votes" if number == 1 else ""))
        for index, head in enumerate(REJECTED_HEADS):
            label = rejected_label(head, contest)
            specs.append(FieldSpec(f"rejected.{head}", label, f"Rejected: {label}",
                                   section="Rejected ballot papers" if index == 0 else ""))
        if contest.system is VotingSystem.FPTP and contest.seats > 1:
            specs.append(FieldSpec("rejected_in_part", "Rejected in part (optional)", "Rejected in part",
                                   required=False))
        return tuple(specs)
    for number, cid in enumerate(finalists, start=1):
        candidate = contest.candidate(cid)
        specs.append(FieldSpec(f"votes.{cid}", candidate.name, f"Second preferences for {candidate.name}",
                               str(number), candidate.description))
    specs.append(FieldSpec("non_transferable", "Non-transferable", "Non-transferable papers",
                           section="Papers with no second preference for a finalist"))
    specs.append(FieldSpec("second_rejected", f"{SECOND_REJECTED_LABEL} (optional)",
                           f"Non-transferable, {SECOND_REJECTED_LABEL}", required=False))
    return tuple(specs)

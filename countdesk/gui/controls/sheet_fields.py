"""Which figures a count sheet asks for, in order, with the words printed beside each field.

Round 1: first the papers on the sheet (the table's papers, as on the paper sheet: the figure the
rest must add up to), then every candidate in ballot-paper order, then the five rejected-paper
heads (and, for a ward electing several, those rejected in part). Round 2: the finalists in
ballot-paper order, then the non-transferable papers and, optional, the statutory second-stage
figure: those of them rejected as unmarked or void for uncertainty as to the second preference.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.model import REJECTED_HEADS, Contest, VotingSystem

translate = QCoreApplication.translate
REJECTED_LABELS = {
    "want_of_official_mark": QT_TRANSLATE_NOOP("SheetFields", "(a) Want of an official mark"),
    "too_many_votes": QT_TRANSLATE_NOOP("SheetFields", "(b) Voting for more than one candidate"),
    "identifiable": QT_TRANSLATE_NOOP("SheetFields", "(c) Writing or mark identifying the voter"),
    "unmarked": QT_TRANSLATE_NOOP("SheetFields", "(d) Unmarked"),
    "void_for_uncertainty": QT_TRANSLATE_NOOP("SheetFields", "(e) Void for uncertainty"),
}


def second_rejected_label() -> str:
    """PCC Order 2012 Sch 3 r.62(2)(d)(ii): one figure, a part of the non-transferable papers."""
    return translate(
        "SheetFields", "of which: rejected as unmarked or void for uncertainty as to the second preference")


def rejected_label(head: str, contest: Contest) -> str:
    if head == "too_many_votes":
        if contest.system is VotingSystem.SV:
            return translate("SheetFields", "(b) More than one first preference")
        if contest.seats > 1:
            return translate("SheetFields", "(b) Voting for more than {0} candidates").format(
                contest.seats)
    return translate("SheetFields", REJECTED_LABELS[head])


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
        specs.append(FieldSpec("papers", translate("SheetFields", "Ballot papers on this sheet (rejected included)"),
                               translate("SheetFields", "Ballot papers on this sheet"),
                               section=translate("SheetFields", "Ballot papers")))
        for number, candidate in enumerate(contest.candidates, start=1):
            specs.append(FieldSpec(f"votes.{candidate.id}", candidate.name,
                                   translate("SheetFields", "Votes for {0}").format(candidate.name),
                                   str(number), candidate.description,
                                   section=translate("SheetFields", "Votes") if number == 1 else ""))
        for index, head in enumerate(REJECTED_HEADS):
            label = rejected_label(head, contest)
            specs.append(FieldSpec(f"rejected.{head}", label, translate("SheetFields", "Rejected: {0}").format(label),
                                   section=translate("SheetFields", "Rejected ballot papers") if index == 0 else ""))
        if contest.system is VotingSystem.FPTP and contest.seats > 1:
            specs.append(FieldSpec("rejected_in_part", translate("SheetFields", "Rejected in part (optional)"),
                                   translate("SheetFields", "Rejected in part"), required=False))
        return tuple(specs)
    for number, cid in enumerate(finalists, start=1):
        candidate = contest.candidate(cid)
        specs.append(FieldSpec(f"votes.{cid}", candidate.name,
                               translate("SheetFields", "Second preferences for {0}").format(candidate.name),
                               str(number), candidate.description))
    specs.append(FieldSpec("non_transferable", translate("SheetFields", "Non-transferable"),
                           translate("SheetFields", "Non-transferable papers"),
                           section=translate("SheetFields", "Papers with no second preference for a finalist")))
    second = second_rejected_label()
    specs.append(FieldSpec("second_rejected", translate("SheetFields", "{0} (optional)").format(second),
                           translate("SheetFields", "Non-transferable, {0}").format(second), required=False))
    return tuple(specs)

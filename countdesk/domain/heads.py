"""The words for the rejected-paper heads, kept once (domain.md §2). Statements and exports use the
statutory wording; screens and the command line use the short form."""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from .model import VotingSystem

#: SV (and pre-2023 mayor/PCC) statement wording, as printed on the WMCA 2021 statement (§2a).
SV_HEAD_LABELS: Mapping[str, str] = MappingProxyType({
    "want_of_official_mark": "Want of an official mark",
    "too_many_votes": "Voting for more than one candidate as to the first preference vote",
    "identifiable": "Writing or mark by which voter could be identified",
    "unmarked": "Unmarked as to the first preference vote",
    "void_for_uncertainty": "Void for uncertainty as to the first preference vote",
})
#: FPTP wording (council wards print the last two as one head on their statement).
FPTP_HEAD_LABELS: Mapping[str, str] = MappingProxyType({
    "want_of_official_mark": "Want of an official mark",
    "too_many_votes": "Voting for more candidates than the voter was entitled to",
    "identifiable": "Writing or mark by which the voter could be identified",
    "unmarked": "Unmarked",
    "void_for_uncertainty": "Void for uncertainty",
})
#: The one statutory second-stage figure (§2b): PCC Order 2012 Sch 3 r.62(2)(d)(ii); SI 2007/1024
#: Sch 1 r.54(2)(d)(ii).
SECOND_REJECTED_LABEL = (
    "Ballot papers rejected for the purposes of the count of second preference votes on the ground that "
    "they were unmarked or void for uncertainty as to the second preference vote"
)
#: Short forms for screens and the command line.
SHORT_HEAD_LABELS: Mapping[str, str] = MappingProxyType({
    "want_of_official_mark": "Want of an official mark",
    "too_many_votes": "Voting for too many candidates",
    "identifiable": "Writing or mark by which the voter could be identified",
    "unmarked": "Unmarked",
    "void_for_uncertainty": "Void for uncertainty",
})


def statutory_head_label(system: VotingSystem, head: str) -> str:
    return (SV_HEAD_LABELS if system is VotingSystem.SV else FPTP_HEAD_LABELS)[head]

"""The words for the rejected-paper heads, kept once (domain.md §2). Statements and exports use the
statutory wording of the contest's regime (domain.regimes: by office and poll date); screens and the
command line use the short form, one per key."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .regimes import SECOND_STAGE_LABEL, Regime

#: The one statutory second-stage figure (§2b): the regime table's words.
SECOND_REJECTED_LABEL = SECOND_STAGE_LABEL
#: Short forms for screens and the command line.
SHORT_HEAD_LABELS: Mapping[str, str] = MappingProxyType({
    "want_of_official_mark": "Want of an official mark",
    "too_many_votes": "Voting for too many candidates",
    "identifiable": "Writing or mark by which the voter could be identified",
    "unmarked": "Unmarked",
    "void_for_uncertainty": "Void for uncertainty",
})


def statutory_head_label(regime: Regime, head: str) -> str:
    """The statutory words of the head a count-file key is printed under, for this office and poll
    (two keys can print as one head: "unmarked or void for uncertainty")."""
    for printed in regime.heads:
        if head in printed.keys:
            return printed.label
    raise KeyError(head)

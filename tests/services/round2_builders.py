"""An area of a three-area collated SV poll and the round-2 instructions its collating officer
issues, for the tests of what an area does with them (round2_area, its backups)."""

from __future__ import annotations

from export_builders import GENERATED_AT, SV_CONTEST_ID, SV_ELECTION_ID

from countdesk.domain.model import frozen_map
from countdesk.exchange.round2 import Round2Instruction

AREAS = ("North", "South", "West")
OWN_FINALISTS = {"a", "b"}   # North's two highest: 50 and 40
INSTRUCTED = {"c", "a"}      # the sum's two highest: 100 and 98


def instruction(first: dict[str, int]) -> Round2Instruction:
    ranked = sorted(first, key=first.__getitem__, reverse=True)
    return Round2Instruction(SV_ELECTION_ID, SV_CONTEST_ID, tuple(ranked[:2]), frozen_map(first), AREAS,
                             GENERATED_AT, "Combined Authority Returning Officer")

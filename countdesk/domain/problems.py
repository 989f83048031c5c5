"""A rule broken, as data: what the rule book's pure functions return.

Each problem has a stable `code`, the place at fault (`where`, in count-file terms such as
`count_sheets[3].votes.smith-x`), a plain sentence, and the figures it is about, so a screen, a
document or a refusal can show the same facts without working them out again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .model import frozen_map


@dataclass(frozen=True)
class Problem:
    code: str
    where: str
    message: str
    figures: Mapping[str, int] = field(default_factory=frozen_map)


def papers(n: int) -> str:
    """'1 paper' / '3,411 papers': the figure as the sentences print it."""
    return f"{n:,} paper" if n == 1 else f"{n:,} papers"

"""What a document is drawn from: the count's records plus the facts of the moment of printing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.model import Contest, Election
from ..domain.result import ContestResult
from ..errors import CountdeskError


class DocumentNotReady(CountdeskError):
    """The count has not reached the point where this document may be printed."""


@dataclass(frozen=True)
class DocumentContext:
    """`generated_at` is passed in, never read from the clock here, so the same inputs give the same
    bytes. `fingerprint` identifies the count file the figures came from (printed in short groups).
    `lang` is "en" or "cy-en" (Welsh and English side by side, Welsh first): see default_lang()."""

    election: Election
    contest: Contest
    result: ContestResult
    generated_at: datetime
    place: str = ""
    fingerprint: str = ""
    lang: str = "en"
    app_version: str = ""
    #: The audit trail's head when the document was drawn (last row number, its hash), printed in
    #: the footer so the trail's length is remembered outside the count file.
    trail_head: tuple[int, str] | None = None


def default_lang(election: Election) -> str:
    """The language setting a document should have for this election: bilingual for Welsh polls."""
    return "cy-en" if election.bilingual else "en"

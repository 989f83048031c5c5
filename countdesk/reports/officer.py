"""The officer a document speaks for: the name from the count file and the title the office and
the counting role give (domain.md §10), "Deputy …" when a deputy signs."""

from __future__ import annotations

from dataclasses import dataclass

from .context import DocumentContext
from .text import ByLang, say_plain


@dataclass(frozen=True)
class Officer:
    name: str      # "" when the count file names no one
    title: ByLang  # plain text in each language


def title_key(ctx: DocumentContext) -> str:
    """The phrase key of the officer's title for this contest's count."""
    return "officer.returning"


def officer(ctx: DocumentContext) -> Officer:
    cy, en = say_plain(title_key(ctx), "cy-en")
    title = ByLang(en, cy)
    if ctx.election.deputy:
        cy, en = say_plain("officer.deputy", "cy-en", title=title)
        title = ByLang(en, cy)
    return Officer((ctx.election.returning_officer or "").strip(), title)

"""The officer a document speaks for: the name from the count file and the title the regime table
gives for the office and the counting role (domain/regimes.py: Returning, Acting, Local, Police
Area, Combined Authority Returning Officer, Counting Officer; "Deputy …" when a deputy signs)."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.model import Counting
from ..domain.regimes import regime_of
from .context import DocumentContext, DocumentNotReady
from .text import ByLang, say_plain

_DEPUTY = "Deputy "


@dataclass(frozen=True)
class Officer:
    name: str      # "" when the count file names no one
    title: ByLang  # plain text in each language


def officer_title(title: str) -> ByLang:
    """A title from the regime table in English and Welsh ("Deputy X" -> "Dirprwy …")."""
    if title.startswith(_DEPUTY):
        inner = officer_title(title[len(_DEPUTY):])
        cy, en = say_plain("officer.deputy", "cy-en", title=inner)
        return ByLang(en, cy)
    cy, en = say_plain(f"officer:{title}", "cy-en")
    return ByLang(en, cy)


def officer(ctx: DocumentContext) -> Officer:
    regime = regime_of(ctx.election, ctx.contest)
    title = regime.officer_title(Counting(ctx.contest.counting), deputy=ctx.election.deputy)
    return Officer((ctx.election.returning_officer or "").strip(), officer_title(title))


def require_officer(ctx: DocumentContext, what: str) -> None:
    """A declaration or notice is made by a named officer (domain.md §10): refused without one."""
    who = officer(ctx)
    if not who.name:
        raise DocumentNotReady(
            f"the {what} cannot be printed: no officer is named to make it. Enter the {who.title.en}'s name (the "
            "election's returning officer in set-up, returning_officer in the count file, or the collating officer "
            "at the collation desk)",
            f"contest {ctx.contest.id}",
        )

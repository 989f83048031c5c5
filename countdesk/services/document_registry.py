"""The documents countdesk prints, in one table: each one's stable name, the title users see, the
renderer that draws it, the contests it is made for and when it may be printed.

Everything that offers, names or makes a document reads this table: the Documents dialog (which
lists the documents of the contest shown), `countdesk declare --document`, the results bundle, the
audit log's descriptions of copies printed or saved, and docs/documents.md (a test keeps its table
equal to this one).

A name is stable: it is what `--document` takes, what the audit rows record and what a bundle's
PDF is called. A contest has each name at most once. "declaration" is the paper the officer
declares with, whose form depends on the contest: the declaration of result of poll, the notice of
uncontested election, or the declaration of a referendum's result; so three rows share that name,
each for its own contests.

Deliberately light (no reportlab): the renderer is named here and loaded from countdesk.reports
only when a document is drawn, so the audit log's screen and the command line's parser can read
titles without the PDF stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ..domain.model import Contest, VotingSystem
from ..domain.regimes import declares
from ..domain.tally import uncontested
from ..errors import CountdeskError

if TYPE_CHECKING:  # the PDF stack loads only when a document is drawn
    from ..reports import DocumentContext, RenderedPdf

__all__ = [
    "DOCUMENTS", "DOCUMENT_NAMES", "Bundled", "DocumentKind", "Scope", "Stage", "document_for", "documents_for",
    "kind_named", "title_of",
]


class Stage(StrEnum):
    """When a document may be printed, and what a copy of it is."""

    #: At any time, from the figures as they stand; marked PROVISIONAL on every page, so a copy of
    #: it is never final.
    PROVISIONAL = "at any time; marked provisional, never a final copy"
    #: At any time, from the figures as they stand; a copy is final once the contest is declared.
    STATEMENT = "at any time; final once the contest is declared"
    #: Once the second preference votes were counted; final once the contest is declared.
    SECOND_COUNT = "once second preference votes were counted"
    #: Only for a complete result that stands (elected, or a referendum's answer), made by a
    #: named officer: refused before, with the provisional sheet offered instead.
    RESULT = "once the result stands (complete, and elected or decided), with the officer named"


class Bundled(StrEnum):
    """Whether the results bundle carries the document (services/export.py)."""

    ALWAYS = "always"
    LOCAL_COUNT = "from a local count of a collated poll"
    DECLARED = "once declared in the app"


@dataclass(frozen=True)
class Scope:
    """The contests a document is made for: a test, the words that say which (the docs table), and
    what a refusal says when asked for it where it is not made."""

    test: Callable[[Contest], bool]
    words: str
    refusal: str = ""

    def covers(self, contest: Contest) -> bool:
        return self.test(contest)


def _polled_candidates(contest: Contest) -> bool:
    return contest.system is not VotingSystem.REFERENDUM and not uncontested(contest)


def _is_referendum(contest: Contest) -> bool:
    return contest.system is VotingSystem.REFERENDUM


CONTESTED_DECLARING = Scope(
    lambda c: _polled_candidates(c) and declares(c), "a contested election counted whole",
    "a local count of a collated poll never declares: its figures go to the collating officer, who declares; "
    "print its statements instead (first count, second count, rejected ballot papers)",
)
UNCONTESTED_DECLARING = Scope(lambda c: uncontested(c) and declares(c), "an uncontested election")
REFERENDUM_DECLARING = Scope(lambda c: _is_referendum(c) and declares(c), "a referendum")
POLLED = Scope(lambda c: not uncontested(c), "every contest that was polled (not an uncontested election)")
EVERY = Scope(lambda c: True, "every contest")
SV_OR_LOCAL = Scope(
    lambda c: _polled_candidates(c) and (c.system is VotingSystem.SV or not declares(c)),
    "a supplementary vote election, and a local count of a collated poll",
)
SV = Scope(lambda c: _polled_candidates(c) and c.system is VotingSystem.SV, "a supplementary vote election")


@dataclass(frozen=True)
class DocumentKind:
    """One row of the table."""

    name: str
    #: As users see it, in the dialog, the status lines, the command line and the audit log.
    title: str
    #: The function of countdesk.reports that draws it.
    renderer: str
    contests: Scope
    stage: Stage
    bundled: Bundled

    @property
    def phrase(self) -> str:
        """The title inside a sentence: "the declaration of result was saved"."""
        return self.title[:1].lower() + self.title[1:]

    @property
    def final_when_declared(self) -> bool:
        """Whether a copy made after the contest was declared is the final paper."""
        return self.stage is not Stage.PROVISIONAL

    def render(self, ctx: DocumentContext) -> RenderedPdf:
        """The PDF and its page count. Raises reports.DocumentNotReady where the count is not
        ready for it (a declaration of a result that is not elected, no officer named, …)."""
        from .. import reports

        return reports.render_with(getattr(reports, self.renderer), ctx)


DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind("declaration", "Declaration of result", "render_declaration", CONTESTED_DECLARING, Stage.RESULT,
                 Bundled.DECLARED),
    DocumentKind("declaration", "Notice of uncontested election", "render_uncontested", UNCONTESTED_DECLARING,
                 Stage.RESULT, Bundled.DECLARED),
    DocumentKind("declaration", "Declaration of the result of the referendum", "render_referendum",
                 REFERENDUM_DECLARING, Stage.RESULT, Bundled.DECLARED),
    DocumentKind("rejected", "Statement of rejected ballot papers", "render_rejected", POLLED, Stage.STATEMENT,
                 Bundled.ALWAYS),
    DocumentKind("verification", "Verification statement", "render_verification", POLLED, Stage.STATEMENT,
                 Bundled.ALWAYS),
    DocumentKind("provisional", "Provisional result sheet", "render_provisional", EVERY, Stage.PROVISIONAL,
                 Bundled.ALWAYS),
    DocumentKind("first_count", "Statement at the conclusion of the first count", "render_first_count",
                 SV_OR_LOCAL, Stage.STATEMENT, Bundled.LOCAL_COUNT),
    DocumentKind("second_count", "Statement after the count of second preference votes", "render_second_count", SV,
                 Stage.SECOND_COUNT, Bundled.LOCAL_COUNT),
)

#: Every stable name, in the order the documents are offered.
DOCUMENT_NAMES: tuple[str, ...] = tuple(dict.fromkeys(kind.name for kind in DOCUMENTS))


def kind_named(name: str) -> DocumentKind:
    """The first row of that name (its title names the document in general, e.g. for an audit row
    whose contest is gone). Raises CountdeskError for an unknown name, located at --document."""
    for kind in DOCUMENTS:
        if kind.name == name:
            return kind
    raise CountdeskError(f'unknown document "{name}": one of {", ".join(DOCUMENT_NAMES)}', "--document")


def title_of(name: str) -> str:
    """The title of a document name; an unknown name (a row from a later version) as written."""
    try:
        return kind_named(name).title
    except CountdeskError:
        return name


def documents_for(contest: Contest) -> tuple[DocumentKind, ...]:
    """The documents made for `contest`, in the order offered; each name at most once."""
    return tuple(kind for kind in DOCUMENTS if kind.contests.covers(contest))


def document_for(name: str, contest: Contest) -> DocumentKind:
    """The document `name` of `contest` (its declaration is the notice of uncontested election for
    an uncontested one, …). Raises CountdeskError for an unknown name, or one not made for this
    contest, saying why."""
    first = kind_named(name)
    for kind in DOCUMENTS:
        if kind.name == name and kind.contests.covers(contest):
            return kind
    why = first.contests.refusal or (f"there is no {first.phrase} for this contest: it is made for "
                                     f"{first.contests.words}")
    raise CountdeskError(why, f"contest {contest.id}")

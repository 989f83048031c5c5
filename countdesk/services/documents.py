"""Documents for one contest: the context every printed paper is drawn from.

The fingerprint printed in small print identifies the figures the paper states: the contest's
fingerprint (exchange/fingerprint.py `contest_fingerprint`), the SHA-256 of the canonical count
file holding the election and this contest alone. Anyone holding the exported count file can
recompute it and see that the paper and the file agree; another contest added later never
changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from .. import __version__
from ..domain.model import Count
from ..domain.result import ContestResult
from ..domain.tally import tally_contest
from ..errors import CountdeskError
from ..exchange.fingerprint import contest_fingerprint
from ..reports import DocumentContext, DocumentNotReady, RenderedPdf, default_lang
from .document_registry import DocumentKind, document_for


def document_context(
    count: Count, contest_id: str, *, lang: str | None = None, place: str = "",
    generated_at: datetime | None = None,
    result: ContestResult | None = None, trail_head: tuple[int, str] | None = None,
) -> DocumentContext:
    """`result`: the contest's result as the session counts it (`session.result(contest_id)`: an
    area of a collated SV poll prints round 2 for the collating officer's finalists, never for its
    own); counted here from `count` when not given (a count file, the self-test)."""
    try:
        contest = count.contest(contest_id)
    except KeyError:
        known = ", ".join(c.id for c in count.contests) or "none"
        raise CountdeskError(f'no contest "{contest_id}" in this count (contests: {known})', "--contest") from None
    return DocumentContext(
        election=count.election,
        contest=contest,
        result=result if result is not None else tally_contest(count.election, contest),
        generated_at=generated_at or datetime.now(UTC).astimezone(),
        place=place,
        fingerprint=contest_fingerprint(count, contest_id),
        lang=lang or default_lang(count.election),
        app_version=__version__,
        trail_head=trail_head,
    )


@dataclass(frozen=True)
class RenderedDocument:
    """One document of one contest, rendered once: what is previewed, printed and saved, and what
    the audit row of each copy describes (services/document_events.py)."""

    kind: DocumentKind
    context: DocumentContext
    pdf: RenderedPdf

    @property
    def name(self) -> str:
        return self.kind.name

    @property
    def title(self) -> str:
        return self.kind.title

    @property
    def data(self) -> bytes:
        return self.pdf.data

    @property
    def pages(self) -> int:
        return self.pdf.pages


def render_document(document: str, ctx: DocumentContext) -> RenderedDocument:
    """The document `document` of the context's contest (document_registry.document_for), rendered
    once. A document not made for this contest, or one the count is not ready for (a declaration
    of a contest that has no result yet), is a clear refusal (CountdeskError)."""
    kind = document_for(document, ctx.contest)
    try:
        return RenderedDocument(kind, ctx, kind.render(ctx))
    except DocumentNotReady as error:
        raise CountdeskError(str(error), ctx.contest.id) from None

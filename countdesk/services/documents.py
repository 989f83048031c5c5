"""Documents for one contest: the context every printed paper is drawn from.

The fingerprint printed in small print identifies the figures the paper states: the contest's
fingerprint (exchange/fingerprint.py `contest_fingerprint`), the SHA-256 of the canonical count
file holding the election and this contest alone. Anyone holding the exported count file can
recompute it and see that the paper and the file agree; another contest added later never
changes it.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .. import __version__
from ..output_guard import refuse_overwriting_inputs
from ..domain.model import Count
from ..domain.tally import tally_contest
from ..errors import CountdeskError
from ..exchange.fingerprint import contest_fingerprint
from ..reports import DOCUMENTS, DocumentContext, DocumentNotReady, default_lang, render, write_pdf


def document_context(
    count: Count, contest_id: str, *, lang: str | None = None, place: str = "",
    generated_at: datetime | None = None,
    instructed_finalists: tuple[str, ...] | None = None, trail_head: tuple[int, str] | None = None,
) -> DocumentContext:
    """`instructed_finalists`: an area of a collated SV poll prints round 2 for the collating
    officer's finalists (services.round2_area), never for its own."""
    try:
        contest = count.contest(contest_id)
    except KeyError:
        known = ", ".join(c.id for c in count.contests) or "none"
        raise CountdeskError(f'no contest "{contest_id}" in this count (contests: {known})', "--contest") from None
    return DocumentContext(
        election=count.election,
        contest=contest,
        result=tally_contest(count.election, contest, instructed_finalists),
        generated_at=generated_at or datetime.now(timezone.utc).astimezone(),
        place=place,
        fingerprint=contest_fingerprint(count, contest_id),
        lang=lang or default_lang(count.election),
        app_version=__version__,
        trail_head=trail_head,
    )


def render_document(document: str, ctx: DocumentContext) -> bytes:
    """One PDF; a declaration of a contest that has no result yet is a clear refusal."""
    with _refusals(document, ctx):
        return render(document, ctx)


def write_document(document: str, ctx: DocumentContext, path: Path, *, count_path: Path | None = None) -> Path:
    """Rendered once, then written atomically: a refusal leaves the target untouched. A `path` that
    is the count file (`count_path`), or anything kept beside it, is refused before rendering."""
    refuse_overwriting_inputs(path, count=count_path)
    with _refusals(document, ctx):
        return write_pdf(document, ctx, path)


@contextmanager
def _refusals(document: str, ctx: DocumentContext) -> Iterator[None]:
    if document not in DOCUMENTS:
        raise CountdeskError(f'unknown document "{document}": one of {", ".join(DOCUMENTS)}', "--document")
    try:
        yield
    except DocumentNotReady as error:
        raise CountdeskError(str(error), ctx.contest.id) from None

"""Printed documents: declaration, notice of uncontested election, declaration of a referendum's
result, statement of rejected papers, verification statement, the provisional result sheet and the
statements after the first and the second preference count, as A4 PDFs. The only package that
imports reportlab.

Which document a contest has, its title and when it may be printed are the document registry's
(services/document_registry.py), which names the renderer of each from here:

    ctx = DocumentContext(election, contest, tally_contest(election, contest), generated_at=now,
                          place="Exhibition Centre", fingerprint=digest, lang=default_lang(election))
    pdf = render_with(render_declaration, ctx)      # RenderedPdf: .data (bytes), .pages
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .context import DocumentContext, DocumentNotReady, default_lang
from .declaration import render as render_declaration
from .local_statements import render_first_count, render_second_count
from .page import RenderedPdf
from .provisional import render as render_provisional
from .referendum import render as render_referendum
from .rejected import render as render_rejected
from .text import check_lang
from .uncontested import render as render_uncontested
from .verification import render as render_verification

Renderer = Callable[[DocumentContext], RenderedPdf]

#: reportlab keeps per-font subsetting state and process-wide settings: one document at a time.
_RENDER_LOCK = threading.Lock()

__all__ = [
    "DocumentContext", "DocumentNotReady", "RenderedPdf", "Renderer", "default_lang", "render_declaration",
    "render_first_count", "render_provisional", "render_referendum", "render_rejected", "render_second_count",
    "render_uncontested", "render_verification", "render_with",
]


def render_with(renderer: Renderer, ctx: DocumentContext) -> RenderedPdf:
    """One PDF by `renderer` (one of the render_* functions above). Raises ValueError for an
    unknown language or a result that belongs to another contest; DocumentNotReady for a document
    the count is not ready for (a declaration of a result that is not yet elected, …).
    Safe to call from a worker thread: renders are serialised."""
    check_lang(ctx.lang)
    if ctx.result.contest_id != ctx.contest.id:
        raise ValueError(f'the result is for contest "{ctx.result.contest_id}", not "{ctx.contest.id}"')
    with _RENDER_LOCK:
        return renderer(ctx)

"""Printed documents: declaration, statement of rejected papers, verification statement, the
provisional result sheet and the statements after the first and the second preference count, as A4
PDFs. The only package that imports reportlab.

    ctx = DocumentContext(election, contest, tally_contest(election, contest), generated_at=now,
                          place="Exhibition Centre", fingerprint=digest, lang=default_lang(election))
    pdf = render("declaration", ctx)          # bytes
    write_pdf("provisional", ctx, path)       # atomically written file
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

from ..durable import write_file_durably
from . import declaration, local_statements, provisional, rejected, verification
from .context import DocumentContext, DocumentNotReady, default_lang
from .text import check_lang

DOCUMENTS = ("declaration", "rejected", "verification", "provisional", "first_count", "second_count")

_RENDERERS: dict[str, Callable[[DocumentContext], bytes]] = {
    "declaration": declaration.render,
    "rejected": rejected.render,
    "verification": verification.render,
    "provisional": provisional.render,
    "first_count": local_statements.render_first_count,
    "second_count": local_statements.render_second_count,
}

#: reportlab keeps per-font subsetting state and process-wide settings: one document at a time.
_RENDER_LOCK = threading.Lock()

__all__ = ["DOCUMENTS", "DocumentContext", "DocumentNotReady", "default_lang", "render", "write_pdf"]


def render(document: str, ctx: DocumentContext) -> bytes:
    """One PDF. Raises ValueError for an unknown document or language, or a result that belongs to
    another contest; DocumentNotReady for a declaration of a result that is not yet elected.
    Safe to call from a worker thread: renders are serialised."""
    if document not in _RENDERERS:
        raise ValueError(f'unknown document "{document}": expected one of {", ".join(DOCUMENTS)}')
    check_lang(ctx.lang)
    if ctx.result.contest_id != ctx.contest.id:
        raise ValueError(f'the result is for contest "{ctx.result.contest_id}", not "{ctx.contest.id}"')
    with _RENDER_LOCK:
        return _RENDERERS[document](ctx)


def write_pdf(document: str, ctx: DocumentContext, path: str | os.PathLike[str]) -> Path:
    """Renders and writes atomically (countdesk.durable: a temporary file beside the target, fsync,
    then rename), so a crash never leaves half a declaration where the last good one was."""
    target = Path(path)
    data = render(document, ctx)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_file_durably(target, data)

"""A document printed or saved, in the count's audit trail: which paper, from which count, when.

Every document carries the count file's fingerprint in its footer (services/documents.py). The
audit row of each copy printed or saved records that fingerprint with the SHA-256 of the PDF, so
the returning officer can show afterwards which version of the declaration left the count and
when, and anyone holding the paper can match it to its row. The row changes no figure
(services/integrity.py counts these actions among its events).

Deliberately light (no reportlab): the audit log's screen imports it for the rows' descriptions.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Sequence

from ..errors import CountdeskError
from ..exchange.fsutil import read_file_uncached
from ..store.audit import AuditRow
from .counts import CountSession
from .pdf_pages import pdf_page_count
from .session_events import record_session_event

if TYPE_CHECKING:  # the package loads reportlab: only the type is wanted here
    from ..reports.context import DocumentContext

__all__ = [
    "DOCUMENT_ACTIONS", "DOCUMENT_NAMES", "PRINTED_ACTION", "SAVED_ACTION", "describe_document_event",
    "record_document_file", "record_document_printed", "record_document_saved",
]

PRINTED_ACTION = "document.printed"
SAVED_ACTION = "document.saved"
DOCUMENT_ACTIONS = (PRINTED_ACTION, SAVED_ACTION)
DOCUMENT_ENTITY = "document"
#: The documents (reports.DOCUMENTS, in that order; a test keeps the two equal), named as in a sentence.
DOCUMENT_NAMES: dict[str, str] = {
    "declaration": "declaration of result",
    "rejected": "statement of rejected ballot papers",
    "verification": "verification statement",
    "provisional": "provisional result sheet",
    "first_count": "statement at the conclusion of the first count",
    "second_count": "statement after the count of second preference votes",
}
#: The "state" of a copy: "final" only for a document other than the provisional sheet, of a
#: contest the returning officer had declared in the app (its figures locked) when it was made.
FINAL, PROVISIONAL = "final", "provisional"


def record_document_printed(
    session: CountSession, document: str, ctx: DocumentContext, pdf: bytes, *, pages: int, printer: str,
    copies: int = 1, pages_printed: Sequence[int] | None = None,
) -> AuditRow:
    """The "document.printed" row, once the pages were sent to `printer` (its name, or the file a
    print-to-file went to). `pdf` is the document as previewed and sent; `pages_printed` are the
    1-based pages chosen in the print dialog (None: all `pages`).

    Raises CountdeskError when the row cannot be written (the count open read-only here, closed,
    or its disk failing): the paper is printed all the same, and the message says so."""
    chosen = list(range(1, pages + 1)) if pages_printed is None else [int(p) for p in pages_printed]
    if not chosen or any(not 1 <= page <= pages for page in chosen):
        raise ValueError(f"pages printed {chosen} are not pages of a {pages}-page document")
    if copies < 1:
        raise ValueError(f"copies must be at least 1, not {copies}")
    details = {"printer": printer, "copies": copies, "pages_printed": chosen}
    return _record(session, PRINTED_ACTION, "printed", document, ctx, pdf, pages, details)


def record_document_saved(
    session: CountSession, document: str, ctx: DocumentContext, pdf: bytes, *, pages: int, path: Path,
) -> AuditRow:
    """The "document.saved" row, once `pdf` (the bytes as written, read back) is in the file `path`.

    Raises CountdeskError when the row cannot be written, as record_document_printed does."""
    return _record(session, SAVED_ACTION, "saved", document, ctx, pdf, pages, {"file": str(path)})


def record_document_file(session: CountSession, document: str, ctx: DocumentContext, path: Path) -> AuditRow:
    """The "document.saved" row for a document just written to `path` (services.documents.write_document)
    where no preview counted its pages (the command line): the file is read back as stored, and its
    pages counted from those bytes (services/pdf_pages.py).

    Raises OSError when the file cannot be read back, CountdeskError when the row cannot be written."""
    data = read_file_uncached(path)
    try:
        pages = pdf_page_count(data)
    except ValueError as error:
        name = DOCUMENT_NAMES.get(document, document)
        raise CountdeskError(f"the {name} was saved, but it could not be recorded in the audit trail: its pages "
                             f"cannot be counted ({error})", str(path)) from error
    return record_document_saved(session, document, ctx, data, pages=pages, path=path)


def _record(
    session: CountSession, action: str, done: str, document: str, ctx: DocumentContext, pdf: bytes,
    pages: int, details: dict[str, Any],
) -> AuditRow:
    if document not in DOCUMENT_NAMES:
        raise ValueError(f'unknown document "{document}": one of {", ".join(DOCUMENT_NAMES)}')
    if not pdf or pages < 1:
        raise ValueError("a document printed or saved has at least one page")
    name = DOCUMENT_NAMES[document]
    contest_id = ctx.contest.id
    try:
        read_only = session.read_only
        if not read_only:
            declared = session.contest_state(contest_id).declared
            return record_session_event(
                session, action, DOCUMENT_ENTITY, contest_id=contest_id, key=document,
                after={
                    "document": document, "fingerprint": ctx.fingerprint, "pages": pages,
                    "state": FINAL if declared and document != "provisional" else PROVISIONAL,
                    "declared": declared, "sha256": hashlib.sha256(pdf).hexdigest(), "lang": ctx.lang,
                    "generated_at": ctx.generated_at.isoformat(), **details,
                },
            )
    except CountdeskError as error:  # closed, or the disk failing
        raise CountdeskError(f"the {name} was {done}, but it could not be recorded in the audit trail: "
                             f"{error.message}", error.where) from error
    raise CountdeskError(f"the {name} was {done}, but it is not in the count's audit trail: the count is open "
                         "read-only here (another countdesk has it open for writing)", str(session.path))


def describe_document_event(action: str, after: Any) -> str | None:
    """One readable line for the audit log ("Declaration of result printed on …"), or None for a
    row that is not a document event (or is not shaped like one: shown as recorded instead)."""
    if action not in DOCUMENT_ACTIONS or not isinstance(after, dict):
        return None
    try:
        name = DOCUMENT_NAMES.get(after["document"], str(after["document"]))
        pages = int(after["pages"])
        paper = f"{pages} page{'s' if pages != 1 else ''}, {after['state'].upper()}"
        if action == PRINTED_ACTION:
            copies = int(after.get("copies", 1))
            chosen = after.get("pages_printed") or []
            if chosen and len(chosen) != pages:
                paper += f", page{'s' if len(chosen) != 1 else ''} {_page_list(chosen)} printed"
            if copies != 1:
                paper += f", {copies} copies"
            where = f"printed on {after.get('printer') or 'the printer'}"
        else:
            where = f"saved as {PurePath(after['file']).name}"
        return f"{name[:1].upper()}{name[1:]} {where} ({paper}); fingerprint {after['fingerprint']}"
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _page_list(pages: Sequence[int]) -> str:
    """1, 2, 3 and 5 as "1–3, 5"."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)

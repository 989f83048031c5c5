"""A document printed or saved, in the count's audit trail: which paper, from which count, when;
and the one way a copy is saved as a file, for the app and the command line alike.

Every document carries the count file's fingerprint in its footer (services/documents.py). The
audit row of each copy printed or saved records that fingerprint with the SHA-256 of the PDF, so
the returning officer can show afterwards which version of the declaration left the count and
when, and anyone holding the paper can match it to its row. The row changes no figure
(services/integrity.py counts these actions among its events).

A copy is of a document rendered once (services.documents.RenderedDocument): the bytes previewed
are the bytes printed, written and hashed, and its page count is the renderer's.

Deliberately light (no reportlab): the audit log's screen imports it for the rows' descriptions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from ..durable import write_file_durably
from ..errors import CountdeskError
from ..exchange.fsutil import read_file_uncached
from ..output_guard import refuse_overwriting_inputs
from ..store.audit import AuditRow
from .count_session import CountSession
from .document_registry import title_of
from .integrity import require_trail_matches

if TYPE_CHECKING:  # services.documents loads reportlab: only the type is wanted here
    from .documents import RenderedDocument

__all__ = [
    "DOCUMENT_ACTIONS", "PRINTED_ACTION", "SAVED_ACTION", "describe_document_event", "record_document_printed",
    "record_document_saved", "write_document_copy",
]

PRINTED_ACTION = "document.printed"
SAVED_ACTION = "document.saved"
DOCUMENT_ACTIONS = (PRINTED_ACTION, SAVED_ACTION)
DOCUMENT_ENTITY = "document"
#: The "state" of a copy: "final" only for a document other than the provisional sheet, of a
#: contest the returning officer had declared in the app (its figures locked) when it was made.
FINAL, PROVISIONAL = "final", "provisional"


def write_document_copy(
    document: RenderedDocument, path: str | Path, *, count_path: str | Path | None = None,
    inputs: Iterable[str | Path] = (),
) -> Path:
    """Save `document` as the file `path`: the same bytes, written atomically and durably, then read
    back from the device and compared. Refused before anything is written when `path` is the count
    (`count_path`), a file kept beside it or one of `inputs` (a collation's journal), or when the
    count's figures do not replay from its audit trail (nothing changed outside the app is saved to
    be signed).

    Safe off the GUI thread; the audit row (record_document_saved) is written afterwards by the
    session's own thread. Raises CountdeskError or OSError; a failure leaves any earlier file whole."""
    target = Path(path)
    refuse_overwriting_inputs(target, count=count_path, inputs=inputs)
    if count_path is not None:
        require_trail_matches(count_path, f"saving the {document.kind.phrase}")
    target.parent.mkdir(parents=True, exist_ok=True)
    written = write_file_durably(target, document.data)
    if read_file_uncached(written) != document.data:
        raise CountdeskError(f"the {document.kind.phrase} read back from the file differs from the one written: "
                             "the disk may be failing; save it again, elsewhere", str(written))
    return written


def record_document_printed(
    session: CountSession, document: RenderedDocument, *, printer: str, copies: int = 1,
    pages_printed: Sequence[int] | None = None,
) -> AuditRow:
    """The "document.printed" row, once the pages of `document` (as previewed and sent) went to
    `printer` (its name, or the file a print-to-file went to). `pages_printed` are the 1-based
    pages chosen in the print dialog (None: all of them).

    Raises CountdeskError when the row cannot be written (the count open read-only here, closed,
    or its disk failing): the paper is printed all the same, and the message says so."""
    pages = document.pages
    chosen = list(range(1, pages + 1)) if pages_printed is None else [int(p) for p in pages_printed]
    if not chosen or any(not 1 <= page <= pages for page in chosen):
        raise ValueError(f"pages printed {chosen} are not pages of a {pages}-page document")
    if copies < 1:
        raise ValueError(f"copies must be at least 1, not {copies}")
    details = {"printer": printer, "copies": copies, "pages_printed": chosen}
    return _record(session, PRINTED_ACTION, "printed", document, details)


def record_document_saved(session: CountSession, document: RenderedDocument, path: Path) -> AuditRow:
    """The "document.saved" row, once `document` is in the file `path` (write_document_copy).

    Raises CountdeskError when the row cannot be written, as record_document_printed does."""
    return _record(session, SAVED_ACTION, "saved", document, {"file": str(path)})


def _record(
    session: CountSession, action: str, done: str, document: RenderedDocument, details: dict[str, Any],
) -> AuditRow:
    if not document.data or document.pages < 1:
        raise ValueError("a document printed or saved has at least one page")
    name, ctx = document.kind.phrase, document.context
    contest_id = ctx.contest.id
    try:
        read_only = session.read_only
        if not read_only:
            declared = session.contest_state(contest_id).declared
            return session.record(
                action, DOCUMENT_ENTITY, contest_id=contest_id, key=document.name,
                after={
                    "document": document.name, "title": document.title, "fingerprint": ctx.fingerprint,
                    "pages": document.pages,
                    "state": FINAL if declared and document.kind.final_when_declared else PROVISIONAL,
                    "declared": declared, "sha256": hashlib.sha256(document.data).hexdigest(), "lang": ctx.lang,
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
        # The title recorded (a declaration may be the notice of uncontested election); an older row's
        # from the registry.
        name = str(after.get("title") or title_of(str(after["document"])))
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
        return f"{name} {where} ({paper}); fingerprint {after['fingerprint']}"
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

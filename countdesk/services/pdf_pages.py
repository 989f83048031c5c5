"""How many pages a PDF has, read from its bytes, without Qt or a PDF library.

The audit row of a saved document records its pages (services/document_events.py). The app
counts them with the preview it already has open (QPdfDocument, in the GUI); the command line has
no preview, so it reads the count the file itself declares: the catalog named by the last
trailer's /Root points to the root of the page tree, whose /Count is the number of pages. That is
the structure reportlab writes (a classic cross-reference table, no object streams); a file laid
out otherwise is refused rather than guessed at.
"""

from __future__ import annotations

import re

__all__ = ["pdf_page_count"]

_TRAILER = b"trailer"
_ROOT = re.compile(rb"/Root\s+(\d+)\s+(\d+)\s+R")
_PAGES = re.compile(rb"/Pages\s+(\d+)\s+(\d+)\s+R")
_TYPE_PAGES = re.compile(rb"/Type\s*/Pages(?![A-Za-z0-9])")
_COUNT = re.compile(rb"/Count\s+(\d+)")


def pdf_page_count(pdf: bytes) -> int:
    """The number of pages of the PDF `pdf`. Raises ValueError for bytes that are not such a PDF."""
    if not pdf.startswith(b"%PDF-"):
        raise ValueError("not a PDF file")
    trailer_at = pdf.rfind(_TRAILER)
    root = _ROOT.search(pdf, trailer_at) if trailer_at >= 0 else None
    if root is None:
        raise ValueError("the PDF has no trailer naming its catalog")
    pages = _PAGES.search(_object(pdf, root.group(1), root.group(2)))
    if pages is None:
        raise ValueError("the PDF's catalog names no page tree")
    tree = _object(pdf, pages.group(1), pages.group(2))
    count = _COUNT.search(tree)
    if not _TYPE_PAGES.search(tree) or count is None:
        raise ValueError("the PDF's page tree gives no page count")
    return int(count.group(1))


def _object(pdf: bytes, number: bytes, generation: bytes) -> bytes:
    """The dictionary of indirect object `number generation` (its last definition, as an updated
    file's later revision replaces the earlier one), without any stream that follows it."""
    header = re.compile(rb"(?<![0-9])" + number + rb"\s+" + generation + rb"\s+obj(?![A-Za-z])")
    found = None
    for found in header.finditer(pdf):
        pass
    if found is None:
        raise ValueError(f"the PDF has no object {int(number)} {int(generation)}")
    end = pdf.find(b"endobj", found.end())
    body = pdf[found.end(): end if end >= 0 else len(pdf)]
    stream = body.find(b"stream")
    return body if stream < 0 else body[:stream]

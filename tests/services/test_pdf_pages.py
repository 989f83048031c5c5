"""pdf_page_count reads the page count a PDF declares: checked against poppler's pdfinfo on every
document countdesk prints, and refusing what it cannot read rather than guessing."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from countdesk.exchange.countfile import load_count_file
from countdesk.services.documents import document_context, render_document
from countdesk.services.pdf_pages import pdf_page_count

ROOT = Path(__file__).resolve().parents[2]
LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021" / "count.json"


def pdfinfo_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE).group(1))


def test_each_document_has_the_pages_poppler_counts(tmp_path):
    count = load_count_file(LIVERPOOL)
    ctx = document_context(count, count.contests[0].id, generated_at=datetime(2021, 5, 8, 14, tzinfo=timezone.utc))
    counted = set()
    for document in ("declaration", "rejected", "verification", "provisional"):
        pdf = render_document(document, ctx)
        path = tmp_path / f"{document}.pdf"
        path.write_bytes(pdf)
        assert pdf_page_count(pdf) == pdfinfo_pages(path), document
        counted.add(pdf_page_count(pdf))
    assert len(counted) > 1  # the documents differ in length, so a constant answer would fail


def test_the_last_revision_of_an_updated_file_counts(tmp_path):
    count = load_count_file(LIVERPOOL)
    pdf = render_document("declaration", document_context(count, count.contests[0].id))
    assert pdf_page_count(pdf) == 1
    # An incremental update redefining the page tree's root: its later definition is the one read.
    number = int(re.search(rb"/Pages (\d+) 0 R", pdf).group(1))  # the catalog's page tree
    updated = pdf + f"\n{number} 0 obj\n<< /Count 4 /Kids [ ] /Type /Pages >>\nendobj\ntrailer\n<< /Root ".encode()
    root = re.search(rb"/Root (\d+ \d+ R)", pdf).group(1)
    assert pdf_page_count(updated + root + b" >>\n%%EOF\n") == 4


@pytest.mark.parametrize("data, reason", [
    (b"", "not a PDF"),
    (b"PK\x03\x04 a zip file", "not a PDF"),
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "no trailer"),
    (b"%PDF-1.4\ntrailer\n<< /Root 1 0 R >>\n", "no object 1 0"),
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n", "names no page tree"),
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Page >>\nendobj\n"
     b"trailer\n<< /Root 1 0 R >>\n", "gives no page count"),
])
def test_what_cannot_be_read_is_refused(data, reason):
    with pytest.raises(ValueError, match=reason):
        pdf_page_count(data)

"""A document printed or saved leaves an audit row naming the paper: the fingerprint in its footer,
its pages, PROVISIONAL or final, the SHA-256 of its PDF and where it went. The rows change no
figure, so the hash chain and the replay of the trail against the tables still pass.

The fingerprint is checked against the one poppler's pdftotext reads off the rendered page, and
the page count (the renderer's) against pdfinfo's, not only against values the code under test
computes.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from session_builders import audit_size

from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.services.document_events import (
    PRINTED_ACTION,
    SAVED_ACTION,
    describe_document_event,
    record_document_printed,
    record_document_saved,
)
from countdesk.services.documents import document_context, render_document
from countdesk.services.integrity import verify_count

LIVERPOOL_CONTEST = "mayor.liverpool.2021-05-06"
AT = datetime(2021, 5, 8, 14, 0, tzinfo=UTC)
PASSPHRASE = "correct horse battery"


def paper(session: CountSession, document: str, tmp_path: Path) -> tuple:
    """The document as the dialog makes it (rendered once), its bytes, and what poppler reads off it."""
    ctx = document_context(session.load(), LIVERPOOL_CONTEST, generated_at=AT)
    rendered = render_document(document, ctx)
    pdf = rendered.data
    path = tmp_path / f"{document}.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    footer = re.search(r"Count file fingerprint: ([0-9A-F]{4}(?: [0-9A-F]{4}){7})", text)
    assert footer, text[-400:]
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    assert rendered.pages == pages
    return rendered, pdf, footer.group(1), pages


def test_a_printed_declaration_is_recorded_with_the_fingerprint_on_its_paper(liverpool, tmp_path):
    doc, pdf, printed_fingerprint, pages = paper(liverpool, "declaration", tmp_path)
    before = audit_size(liverpool)
    row = record_document_printed(liverpool, doc, printer="Count Hall HP",
                                  copies=3)
    assert audit_size(liverpool) == before + 1 and liverpool.audit_rows()[-1] == row
    assert (row.action, row.entity, row.contest_id, row.key) == (PRINTED_ACTION, "document", LIVERPOOL_CONTEST,
                                                                 "declaration")
    assert row.operator == "Returning Officer"
    after = row.after
    assert after["fingerprint"] == printed_fingerprint
    assert after["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert after["pages"] == pages and after["pages_printed"] == list(range(1, pages + 1))
    assert after["printer"] == "Count Hall HP" and after["copies"] == 3
    assert after["state"] == "provisional" and after["declared"] is False  # not yet declared in the app
    assert after["generated_at"] == "2021-05-08T14:00:00+00:00" and after["lang"] == "en"
    assert after["document"] == "declaration" and after["title"] == "Declaration of result"


def test_a_saved_document_names_its_file_and_a_declared_contest_prints_final(liverpool, tmp_path):
    liverpool.passphrase.set(PASSPHRASE)
    liverpool.declaring.declare(LIVERPOOL_CONTEST, PASSPHRASE)
    doc, pdf, printed_fingerprint, pages = paper(liverpool, "declaration", tmp_path)
    target = tmp_path / "out" / "liverpool-declaration.pdf"
    row = record_document_saved(liverpool, doc, target)
    assert row.action == SAVED_ACTION and row.after["file"] == str(target)
    assert row.after["fingerprint"] == printed_fingerprint
    assert row.after["state"] == "final" and row.after["declared"] is True
    assert "printer" not in row.after
    # The provisional sheet says PROVISIONAL on every page, declared or not.
    doc, pdf, _fingerprint, pages = paper(liverpool, "provisional", tmp_path)
    sheet = record_document_printed(liverpool, doc, printer="HP")
    assert sheet.after["state"] == "provisional" and sheet.after["declared"] is True


def test_the_chain_and_the_replay_still_pass_with_document_rows(liverpool, tmp_path):
    doc, pdf, _fingerprint, pages = paper(liverpool, "verification", tmp_path)
    assert pages >= 2  # one box per line: Liverpool's verification statement runs over pages
    record_document_printed(liverpool, doc, printer="HP", pages_printed=[2])
    record_document_saved(liverpool, doc, tmp_path / "v.pdf")
    chain = liverpool.verify_audit()
    assert chain.ok and chain.rows_checked == audit_size(liverpool)
    verdict = verify_count(liverpool)
    assert verdict.ok, verdict.summary()
    assert verdict.unknown_actions == ()  # taught to the replay, not skipped as unknown
    assert [r.action for r in liverpool.audit_rows(action="document.")] == [PRINTED_ACTION, SAVED_ACTION]


def test_a_count_open_read_only_here_records_nothing_and_says_why(liverpool, tmp_path):
    doc, pdf, _fingerprint, pages = paper(liverpool, "declaration", tmp_path)
    before = audit_size(liverpool)
    with CountSession.open(liverpool.path, "Observer", read_only=True) as reader:
        with pytest.raises(CountdeskError, match="declaration of result was printed, but it is not in the "
                                                 "count's audit trail: the count is open read-only"):
            record_document_printed(reader, doc, printer="HP")
        with pytest.raises(CountdeskError, match="was saved, but .* read-only"):
            record_document_saved(reader, doc, tmp_path / "d.pdf")
    assert audit_size(liverpool) == before


def test_a_closed_count_is_refused_as_not_recorded(liverpool, tmp_path):
    doc, pdf, _fingerprint, pages = paper(liverpool, "rejected", tmp_path)
    liverpool.close()
    with pytest.raises(CountdeskError, match="statement of rejected ballot papers was saved, but it could not "
                                             "be recorded in the audit trail"):
        record_document_saved(liverpool, doc, tmp_path / "r.pdf")


@pytest.mark.parametrize("kwargs, problem", [
    ({"pages_printed": [2]}, "not pages of a 1-page document"),
    ({"pages_printed": []}, "not pages of"),
    ({"copies": 0}, "copies must be at least 1"),
])
def test_impossible_print_details_are_refused(liverpool, tmp_path, kwargs, problem):
    doc, pdf, _fingerprint, pages = paper(liverpool, "declaration", tmp_path)
    assert pages == 1
    before = audit_size(liverpool)
    with pytest.raises(ValueError, match=problem):
        record_document_printed(liverpool, doc, printer="HP", **kwargs)
    with pytest.raises(CountdeskError, match="unknown document"):
        render_document("ballot", doc.context)
    assert audit_size(liverpool) == before


def test_rows_read_as_a_sentence_with_the_registry_title():
    printed = {"document": "verification", "fingerprint": "10E6 6AED BC4D 6164 146F FA23 BC09 6A0A",
               "pages": 3, "state": "provisional", "pages_printed": [1, 2], "copies": 2, "printer": "Count Hall HP"}
    assert describe_document_event(PRINTED_ACTION, printed) == (
        "Verification statement printed on Count Hall HP (3 pages, PROVISIONAL, pages 1–2 printed, 2 copies); "
        "fingerprint 10E6 6AED BC4D 6164 146F FA23 BC09 6A0A")
    saved = {"document": "declaration", "fingerprint": "10E6 6AED", "pages": 1, "state": "final",
             "file": "/media/usb/liverpool-declaration.pdf"}
    assert describe_document_event(SAVED_ACTION, saved) == (
        "Declaration of result saved as liverpool-declaration.pdf (1 page, FINAL); fingerprint 10E6 6AED")
    assert describe_document_event(SAVED_ACTION, {**saved, "title": "Notice of uncontested election"}) == (
        "Notice of uncontested election saved as liverpool-declaration.pdf (1 page, FINAL); fingerprint 10E6 6AED")
    assert describe_document_event("bundle.export", saved) is None
    assert describe_document_event(SAVED_ACTION, {"document": "declaration"}) is None  # not shaped like one

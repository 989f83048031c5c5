"""What a contest's papers print as their fingerprint does not move when another contest is added
to the count (issue 12 item 7): checked on the printed text of every document, and through the
export, whose bundle carries each contest's fingerprint and prints it on that contest's papers."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import UTC, datetime

from export_builders import GENERATED_AT
from session_builders import LIVERPOOL, load_example, small_sv

from countdesk.errors import CountdeskError
from countdesk.exchange.bundle import verify_bundle
from countdesk.exchange.fingerprint import contest_fingerprint
from countdesk.services.bundle_content import read_bundle_data
from countdesk.services.document_registry import DOCUMENT_NAMES as DOCUMENTS
from countdesk.services.documents import document_context, render_document
from countdesk.services.export import export_bundle

CONTEST = "mayor.liverpool.2021-05-06"
WHEN = datetime(2021, 5, 8, 14, 30, tzinfo=UTC)
_PRINTED = re.compile(r"fingerprint: ((?:[0-9A-F]{4} ){7}[0-9A-F]{4})")


def printed_fingerprints(pdf: bytes) -> set[str]:
    """Every fingerprint the footers print (one a page), read back from the PDF's text."""
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, check=True, capture_output=True).stdout
    return set(_PRINTED.findall(text.decode()))


def unrelated_contest():
    return replace(small_sv(), id="ward.testshire-north", title="Testshire North ward")


def test_every_document_prints_the_same_fingerprint_once_another_contest_is_added():
    alone = load_example(LIVERPOOL)
    both = replace(alone, contests=(*alone.contests, unrelated_contest()))
    expected = contest_fingerprint(alone, CONTEST)
    assert contest_fingerprint(both, CONTEST) == expected
    rendered = []
    for document in DOCUMENTS:
        printed = []
        for count in (alone, both):
            ctx = document_context(count, CONTEST, place="Exhibition Centre", generated_at=WHEN)
            assert ctx.fingerprint == expected
            try:
                printed.append(printed_fingerprints(render_document(document, ctx).data))
            except CountdeskError:  # not a document this contest has (a local count's statements)
                printed.append(None)
        assert printed[0] == printed[1], document
        if printed[0] is not None:
            assert printed[0] == {expected}, document
            rendered.append(document)
    assert {"declaration", "provisional", "rejected", "verification"} <= set(rendered)


def test_the_bundle_carries_each_contests_fingerprint_and_prints_it_on_that_contests_papers(
        liverpool, stick, key, tmp_path):
    alone = export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    liverpool.set_up.add_contest(unrelated_contest())
    later = tmp_path / "LATER"
    later.mkdir()
    both = export_bundle(liverpool, later, signing_key=key, generated_at=GENERATED_AT)

    assert list(alone.paper_fingerprints) == [CONTEST]
    assert list(both.paper_fingerprints) == [CONTEST, "ward.testshire-north"]
    assert both.paper_fingerprints[CONTEST] == alone.paper_fingerprints[CONTEST]
    assert both.paper_fingerprints["ward.testshire-north"] != both.paper_fingerprints[CONTEST]
    verdict = verify_bundle(both.path, expected_public_key=key.public_key)
    assert read_bundle_data(both.path, verdict.files).paper_fingerprints == both.paper_fingerprints
    for contest_id, fingerprint in both.paper_fingerprints.items():
        pdfs = [name for name in both.files if name.startswith(f"reports/{contest_id}/")]
        assert pdfs
        for name in pdfs:
            assert printed_fingerprints((both.path / name).read_bytes()) == {fingerprint}, name

"""A picture of every document type: each is rendered from fixed inputs, turned into PNG pages with
poppler (`pdftoppm -png -r 50`) and compared with the reference pages committed under
`tests/reports/snapshots/`, so that any change to a printed document shows up in review.

A page matches when at most `MAX_CHANGED_PIXELS` pixels differ by more than `PIXEL_TOLERANCE` in
any colour channel (anti-aliasing differs a little between poppler builds; a changed word or figure
changes some twenty pixels even at this resolution). The number of pages must match exactly.

When a test fails it writes the page it got and a difference image (changed pixels in red) next to
each other in a folder it names in the failure message: look at them.

To regenerate the references after an intended change to a document, run

    COUNTDESK_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -q -p no:cacheprovider tests/reports/test_snapshots.py

then look at every changed PNG (`git status tests/reports/snapshots`) before committing them.
Each case also checks the PDF's text for the sentences the law or the case requires, so a
regenerated picture can never hide a missing statutory sentence.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from report_samples import REPO, context, liverpool, pdf_raw_text, render, sv_final_lot, ward

from countdesk.exchange.countfile import load_count_file

SNAPSHOTS = Path(__file__).with_name("snapshots")
RESOLUTION = 50
PIXEL_TOLERANCE = 32
MAX_CHANGED_PIXELS = 6
UPDATE = os.environ.get("COUNTDESK_UPDATE_SNAPSHOTS") == "1"
#: A fixed version in the footer, so a release does not change every picture.
SNAPSHOT_VERSION = "snapshot"


def golden(name: str) -> Callable[[], object]:
    """A golden case of the regime table (tests/golden/regime-*), read as the app reads it."""
    return lambda: load_count_file(REPO / "tests" / "golden" / name / "count.json")


def welsh(build: Callable[[], object]) -> Callable[[], object]:
    """The same count printed bilingually, with Welsh titles."""
    def built():
        count = build()
        contests = tuple(replace(c, title_cy=f"{c.title} (CY)") for c in count.contests)
        return replace(count, election=replace(count.election, bilingual=True), contests=contests)
    return built


@dataclass(frozen=True)
class Case:
    name: str
    document: str
    build: Callable[[], object]
    lang: str | None = None
    #: Sentences (whitespace collapsed) the PDF's text must contain.
    sentences: tuple[str, ...] = ()


CASES: tuple[Case, ...] = (
    Case("declaration-sv-liverpool", "declaration", liverpool, sentences=(
        "do hereby give notice that the number of votes recorded for each candidate at the said election is "
        "as follows",
        "And I do hereby declare that Joanne ANDERSON, Labour Party is duly elected as Mayor of Liverpool.",
    )),
    Case("declaration-sv-final-lot", "declaration", sv_final_lot, sentences=(
        "And I do hereby declare that Bryn BEVAN, Party B is duly elected",
    )),
    Case("declaration-fptp-ward-en", "declaration", lambda: ward(bilingual=False), sentences=(
        "Election of 3 Councillors for the Caergybi / Holyhead ward",
        "are duly elected as Councillors for the Caergybi / Holyhead ward.",
        "an additional vote was allotted to Zoë PRICE",
    )),
    Case("declaration-fptp-ward-cy-en", "declaration", ward, sentences=(
        "Datganiad o Ganlyniad y Bleidlais",
    )),
    Case("rejected-sv-liverpool", "rejected", liverpool, sentences=(
        "do hereby give notice that the number of ballot papers rejected",
    )),
    Case("rejected-fptp-ward-en", "rejected", lambda: ward(bilingual=False), sentences=(
        "Rejected in part",
    )),
    Case("verification-ward-en", "verification", lambda: ward(bilingual=False), sentences=(
        "Statement as to the result of the verification".upper(),
        # The account is one figure in the count file: the statement says what it holds.
        "for a polling station box, the number of ballot papers the presiding officer's account says are in "
        "the box (papers issued, less those unused, spoilt and tendered)",
        "W02 Capel Bethel & Neuadd \"Y Fron\" <Hall> Station 1,050 1,049 −1 1 paper found in box W03",
    )),
    Case("verification-ward-cy-en", "verification", ward),
    Case("provisional-sv-liverpool", "provisional", liverpool, sentences=(
        "PROVISIONAL", "On these figures Joanne ANDERSON would be elected.",
    )),
    Case("first-count-sv-liverpool", "first_count", liverpool, sentences=(
        "at the conclusion of the first count (including any re-count) the figures were as follows",
        "(a) Total number of ballot papers used 102,600 (b) Total number of rejected ballot papers 1,427",
        "This statement is not a declaration of result.",
    )),
    Case("second-count-sv-final-lot", "second_count", sv_final_lot, sentences=(
        "after the count of second preference votes the figures were as follows",
        "Bryn BEVAN Party B 25 15 40",
        "This statement is not a declaration of result.",
    )),
    Case("uncontested-ward-seat-unfilled", "declaration", golden("regime-council-uncontested"), sentences=(
        "NOTICE OF UNCONTESTED ELECTION",
        "the number of candidates remaining validly nominated did not exceed the number to be elected, so no poll "
        "was taken",
        "And I do hereby declare that Ann ASHE and Bryn BEVAN are duly elected as Councillors for the East ward.",
        "1 of the 3 seats to be filled remains unfilled",
    )),
    Case("referendum-decided", "declaration", golden("regime-referendum-decided"), sentences=(
        "DECLARATION OF RESULT OF REFERENDUM",
        "being the Counting Officer for the above referendum",
        "The question asked: Do you want",
        "(b) Voting for more than one answer",
        "And I do hereby declare that more than half of the valid votes were cast for the answer Yes.",
    )),
    Case("referendum-equal", "declaration", golden("regime-referendum-equal"), sentences=(
        "An equality of votes was found between the answers: the result is that there is no majority in favour",
        "No lot is drawn at a referendum.",
    )),
    Case("parliament", "declaration", golden("regime-parliament-2024"), sentences=(
        "Election of a Member of Parliament for the Testbury and Mayor's Cross constituency",
        "being the Acting Returning Officer at the above election",
        "(d) Unmarked or void for uncertainty 0",
        "And I do hereby declare that Ann ASHE is duly elected as the Member of Parliament for the said "
        "constituency.",
    )),
    Case("pcc-fptp-five-heads", "declaration", golden("regime-pcc-fptp-2024"), sentences=(
        "being the Police Area Returning Officer at the above election",
        "(d) Unmarked", "(e) Void for uncertainty",
        "is duly elected as Police and Crime Commissioner for Testshire.",
    )),
    Case("ca-mayor-sv-2026", "declaration", golden("regime-ca-mayor-sv-2026"), sentences=(
        "being the Combined Authority Returning Officer at the above election",
        "Ballot papers rejected for the purposes of the count of second preference votes on the ground that they "
        "were unmarked or void for uncertainty as to the second preference vote",
    )),
    Case("local-area-first-count", "first_count", golden("regime-ca-mayor-sv-2021-local-area"), sentences=(
        "being the Local Returning Officer at the above election",
        "This statement is not a declaration of result.",
    )),
    Case("wales-two-seats-cy-en", "declaration", welsh(golden("regime-council-wales-two-seats")), sentences=(
        "Ethol 2 o Gynghorwyr ar gyfer Ward Etholiadol Tregaron (CY)",
        "a etholwyd yn briodol yn Gynghorwyr ar gyfer Ward Etholiadol Tregaron (CY).",
    )),
    Case("provisional-referendum", "provisional", golden("regime-referendum-decided"), sentences=(
        "On these figures the answer Yes has more than half of the valid votes.",
    )),
    Case("provisional-local-area", "provisional", golden("regime-ca-mayor-sv-2021-local-area"), sentences=(
        "The figures of this counting area are complete. They go to the collating officer, who declares the "
        "result of the poll.",
    )),
    Case("provisional-ward-needs-lot", "provisional", lambda: ward(bilingual=False, with_lot=False), sentences=(
        "must decide between them by lot",
    )),
)


def render_case(case: Case) -> bytes:
    ctx = replace(context(case.build(), lang=case.lang), app_version=SNAPSHOT_VERSION)
    return render(case.document, ctx)


def png_pages(pdf: bytes, folder: Path) -> list[Path]:
    """The PDF's pages as PNG files at RESOLUTION dots per inch, in page order."""
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), str(source), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def changed_pixels(expected: Image.Image, actual: Image.Image) -> tuple[int, Image.Image]:
    """How many pixels differ beyond the tolerance, and an image marking them in red."""
    difference = ImageChops.difference(expected.convert("RGB"), actual.convert("RGB"))
    red, green, blue = (band.point(lambda v: 255 if v > PIXEL_TOLERANCE else 0) for band in difference.split())
    mask = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    count = mask.histogram()[255]
    marked = actual.convert("RGB").copy()
    marked.paste((255, 0, 0), mask=mask)
    return count, marked


def reference_name(case: Case, page: int) -> str:
    return f"{case.name}-p{page}.png"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_document_looks_as_committed(case: Case):
    pdf = render_case(case)
    text = pdf_raw_text(pdf)
    for sentence in case.sentences:
        assert sentence in text, f"{case.name}: missing {sentence!r}"
    with tempfile.TemporaryDirectory(prefix=f"snapshot-{case.name}-") as tmp:
        pages = png_pages(pdf, Path(tmp))
        assert pages, "pdftoppm produced no page"
        if UPDATE:
            for old in SNAPSHOTS.glob(f"{case.name}-p*.png"):
                old.unlink()
            SNAPSHOTS.mkdir(exist_ok=True)
            for number, page in enumerate(pages, start=1):
                Image.open(page).save(SNAPSHOTS / reference_name(case, number), optimize=True)
            return
        references = sorted(SNAPSHOTS.glob(f"{case.name}-p*.png"))
        assert references, (f"no reference pages for {case.name}: run with COUNTDESK_UPDATE_SNAPSHOTS=1 "
                            "(see this module's docstring)")
        assert len(pages) == len(references), f"{case.name}: {len(pages)} pages, the reference has {len(references)}"
        failures = []
        keep = Path(tempfile.mkdtemp(prefix=f"snapshot-diff-{case.name}-"))
        for number, page in enumerate(pages, start=1):
            expected = Image.open(SNAPSHOTS / reference_name(case, number))
            actual = Image.open(page)
            if expected.size != actual.size:
                failures.append(f"page {number}: size {actual.size}, the reference is {expected.size}")
                continue
            count, marked = changed_pixels(expected, actual)
            if count > MAX_CHANGED_PIXELS:
                actual.save(keep / f"p{number}-actual.png")
                marked.save(keep / f"p{number}-diff.png")
                failures.append(f"page {number}: {count} pixels differ")
        assert not failures, f"{case.name} differs from its reference ({'; '.join(failures)}); see {keep}"
        keep.rmdir()


def test_a_changed_letter_is_caught():
    """The comparison itself: one letter changed on the Liverpool declaration must fail it."""
    count = liverpool()
    contest = count.contests[0]
    first = contest.candidates[0]
    altered = replace(first, description=first.description[:-1] + ("x" if first.description[-1:] != "x" else "y"))
    changed = replace(count, contests=(replace(contest, candidates=(altered, *contest.candidates[1:])),))
    with tempfile.TemporaryDirectory() as tmp_a, tempfile.TemporaryDirectory() as tmp_b:
        same = png_pages(render("declaration", replace(context(count), app_version=SNAPSHOT_VERSION)), Path(tmp_a))
        other = png_pages(render("declaration", replace(context(changed), app_version=SNAPSHOT_VERSION)),
                          Path(tmp_b))
        counts = [changed_pixels(Image.open(a), Image.open(b))[0] for a, b in zip(same, other, strict=True)]
    assert max(counts) > MAX_CHANGED_PIXELS, counts


def test_every_document_type_has_a_snapshot():
    """Every row of the document registry (the three forms of the declaration each) is pictured."""
    from countdesk.services.document_registry import DOCUMENTS, document_for

    pictured = {document_for(case.document, case.build().contests[0]) for case in CASES}
    assert set(DOCUMENTS) <= pictured

"""The PDF as a file: embedded fonts, reproducible bytes, metadata, atomic writing, the API's errors,
and finding the shipped fonts."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import timedelta

import pytest
from report_samples import context, liverpool, pdf_tool, render, sv_final_lot, ward

from countdesk.errors import CountdeskError
from countdesk.resources import resource_path
from countdesk.services.document_registry import DOCUMENT_NAMES as DOCUMENTS

#: The statement after a second preference count needs an SV count that had one; the first
#: count's statement is made for a supplementary vote.
SAMPLE_FOR = {"second_count": sv_final_lot, "first_count": liverpool}


@pytest.mark.parametrize("document", DOCUMENTS)
def test_only_embedded_fonts(document):
    listing = pdf_tool("pdffonts", render(document, context(SAMPLE_FOR.get(document, ward)()))).splitlines()[2:]
    assert listing, "pdffonts lists the fonts used"
    for line in listing:
        assert "LiberationSans" in line, line  # nothing falls back to an unembedded base-14 font
        assert line.split()[-5] == "yes", line  # the "emb" column


def test_same_inputs_same_bytes_and_the_time_is_an_input():
    ctx = context(liverpool())
    first = render("declaration", ctx)
    assert render("declaration", ctx) == first
    later = replace(ctx, generated_at=ctx.generated_at + timedelta(minutes=1))
    assert render("declaration", later) != first


def test_metadata_carries_title_author_creator_and_the_generation_time():
    info = pdf_tool("pdfinfo", render("declaration", context(ward(bilingual=False))))
    assert "Title:           Declaration of result of poll: Caergybi / Holyhead ward" in info
    assert "Author:          Annest Ŵyn ROBERTS" in info
    assert "Creator:         countdesk 0.1.0" in info
    assert "CreationDate:    Sat May  8 13:02:00 2021 UTC" in info  # 14:02 at +01:00
    assert "Page size:       595.276 x 841.89 pts (A4)" in info


def test_app_version_given_by_the_caller_is_printed():
    from report_samples import pdf_raw_text

    ctx = replace(context(liverpool()), app_version="9.8.7-test")
    assert "countdesk 9.8.7-test" in pdf_raw_text(render("rejected", ctx))


def test_a_saved_copy_replaces_the_file_whole_and_leaves_no_temporary(tmp_path):
    from countdesk.services.document_events import write_document_copy
    from countdesk.services.documents import render_document

    target = tmp_path / "out" / "declaration.pdf"
    ctx = context(liverpool())
    declaration, provisional = render_document("declaration", ctx), render_document("provisional", ctx)
    assert write_document_copy(declaration, target) == target
    assert target.read_bytes() == declaration.data == render("declaration", ctx)
    write_document_copy(provisional, target)
    assert target.read_bytes() == provisional.data
    assert [p.name for p in target.parent.iterdir()] == ["declaration.pdf"]


def test_a_copy_refused_before_writing_keeps_the_previous_file(tmp_path):
    from countdesk.services.document_events import write_document_copy
    from countdesk.services.documents import render_document

    count = tmp_path / "count.countdesk"
    count.write_bytes(b"the count")
    with pytest.raises(CountdeskError, match="the count file count.countdesk"):
        write_document_copy(render_document("provisional", context(liverpool())), count, count_path=count)
    assert count.read_bytes() == b"the count"
    assert [p.name for p in tmp_path.iterdir()] == ["count.countdesk"]


def test_api_rejects_unknown_document_language_and_mismatched_result():
    ctx = context(liverpool())
    with pytest.raises(CountdeskError, match="unknown document"):
        render("ballot-paper", ctx)
    with pytest.raises(ValueError, match="lang"):
        render("declaration", replace(ctx, lang="cy"))
    other = ward().contests[0]
    with pytest.raises(ValueError, match="result is for contest"):
        render("declaration", replace(ctx, contest=other))


def test_document_not_ready_is_a_countdesk_error():
    with pytest.raises(CountdeskError) as caught:
        render("declaration", context(ward(with_lot=False)))
    assert "provisional result sheet" in str(caught.value)


def test_fonts_found_in_the_source_tree_and_in_a_frozen_bundle(tmp_path, monkeypatch):
    regular = resource_path("fonts", "LiberationSans-Regular.ttf")
    assert regular.is_file() and regular.parent.parent.name == "resources"
    assert resource_path("fonts", "LICENSE-LiberationSans.txt").is_file()
    bundled = tmp_path / "resources" / "fonts" / "LiberationSans-Regular.ttf"
    bundled.parent.mkdir(parents=True)
    bundled.write_bytes(b"frozen copy")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "LiberationSans-Regular.ttf") == bundled
    with pytest.raises(CountdeskError, match="resource not found"):
        resource_path("fonts", "NoSuchFont.ttf")


def test_renders_from_several_threads_match_a_single_render():
    from concurrent.futures import ThreadPoolExecutor

    contexts = {document: context(SAMPLE_FOR.get(document, ward)()) for document in DOCUMENTS}
    expected = {document: render(document, contexts[document]) for document in DOCUMENTS}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda d: (d, render(d, contexts[d])), list(DOCUMENTS) * 2))
    for document, pdf in results:
        assert pdf == expected[document], document

"""A supplementary-vote poll over three areas that needs a second round (export_builders has the
figures): the finalists come from the sum, never from one area; the instruction goes out only when
every area is in; each area counts round 2 for the instructed finalists; the collation declares."""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from export_builders import GENERATED_AT, SV_CONTEST_ID, SV_FIRST, area_session, paper_groups, round_two_sheet, sv_area

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.errors import CollationError, CountdeskError, ValidationError
from countdesk.exchange.round2 import read_round2_instruction
from countdesk.exchange.signing import generate_key
from countdesk.services.collation_progress import Stage
from countdesk.services.collation_session import CollationSession
from countdesk.services.collation_state import STATE_FILE
from countdesk.services.count_session import CountSession
from countdesk.services.export import export_bundle
from countdesk.services.round2_area import IMPORT_ACTION, import_round2_instruction, instruction_for_this_count

AREAS = tuple(SV_FIRST)  # North, South, West


@pytest.fixture
def world(tmp_path):
    """Three area laptops (own count file and key), one stick, one collation."""
    stick = tmp_path / "stick"
    stick.mkdir()
    laptops = {area: (area_session(tmp_path, sv_area(area)), generate_key()) for area in AREAS}
    collation = CollationSession.create(tmp_path / "collation", "Testshire Combined Authority", AREAS)
    yield stick, laptops, collation
    for session, _ in laptops.values():
        session.close()


def send(collation, laptops, stick, area, *, again=False):
    """The area exports to the stick; the collating officer imports it, typing from the paper."""
    session, key = laptops[area]
    report = export_bundle(session, stick, signing_key=key, generated_at=GENERATED_AT)
    pending = collation.open_bundle(report.path)
    return collation.accept_bundle(pending, paper_groups(report.paper_fingerprints[SV_CONTEST_ID], pending.positions),
                                   typed_key=paper_groups(report.key_fingerprint, pending.key_positions),
                                   replace=again)


def test_no_area_alone_has_the_finalists_the_sum_gives(world):
    stick, laptops, collation = world
    for area in AREAS:  # each area's own first preferences would pick other finalists
        own = laptops[area][0].tally(SV_CONTEST_ID)
        assert set(own.finalists) != {"a", "c"}
    for area in AREAS:
        send(collation, laptops, stick, area)
    progress = collation.progress(SV_CONTEST_ID)
    assert progress.stage is Stage.ROUND2_TO_ISSUE
    assert dict(progress.result.first) == {"a": 98, "b": 90, "c": 100, "d": 50}
    assert set(progress.finalists) == {"a", "c"}
    assert "finalists are Cy COOPER and Ann ARCHER" in progress.message


def test_the_instruction_waits_for_every_expected_area(world):
    stick, laptops, collation = world
    send(collation, laptops, stick, "North")
    send(collation, laptops, stick, "South")
    # North and South alone would give c and a too, by chance; the instruction still waits for West.
    with pytest.raises(CollationError, match="only once every expected area has reported: waiting for West"):
        collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="CARO", issued_at=GENERATED_AT)
    assert collation.instruction(SV_CONTEST_ID) is None
    assert not list(stick.glob("round2-*"))


def test_the_whole_second_round_across_areas(world, tmp_path):
    stick, laptops, collation = world
    for area in AREAS:
        send(collation, laptops, stick, area)
    path = collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="Combined Authority Returning Officer",
                                              issued_at=GENERATED_AT)
    instruction = read_round2_instruction(path)
    assert set(instruction.finalists) == {"a", "c"} and instruction.areas == AREAS
    assert dict(instruction.first_preferences) == {"a": 98, "b": 90, "c": 100, "d": 50}
    assert collation.progress(SV_CONTEST_ID).stage is Stage.ROUND2_WAITING

    for number, area in enumerate(AREAS, start=1):
        session, _ = laptops[area]
        import_round2_instruction(session, path)
        session.sheets.confirm(SV_CONTEST_ID, round_two_sheet(area, ("a", "c")))
        assert set(session.tally(SV_CONTEST_ID).finalists) == {"a", "c"}
        send(collation, laptops, stick, area, again=True)
        progress = collation.progress(SV_CONTEST_ID)
        if number < len(AREAS):
            assert progress.stage is Stage.ROUND2_WAITING
            assert progress.waiting_for == AREAS[number:]

    progress = collation.progress(SV_CONTEST_ID)
    assert progress.final and progress.result.elected == ("a",)
    assert dict(progress.result.second) == {"c": 45, "a": 60}
    assert dict(progress.result.final) == {"c": 145, "a": 158}
    assert progress.result.non_transferable == 35
    assert progress.message == "Every area has reported: Ann ARCHER elected."

    # The collating officer declares in their own name, never the first area's returning officer.
    with pytest.raises(CountdeskError, match="no officer is named"):
        collation.render_document("declaration", SV_CONTEST_ID, generated_at=GENERATED_AT, place="Town Hall")
    with pytest.raises(ValidationError, match="collating officer's name"):
        collation.set_officer("   ")
    collation.set_officer("Cara COLLATOR", deputy=False)
    pdf = collation.render_document("declaration", SV_CONTEST_ID, generated_at=GENERATED_AT, place="Town Hall").data
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    assert b"ARCHER" in text and b"Testshire Combined Authority" in text
    assert b"I, Cara COLLATOR, being the" in text
    assert collation.collation_fingerprint(SV_CONTEST_ID).encode() in text
    # Saved as every copy is (rendered once, written whole, read back), and journalled.
    with pytest.raises(CountdeskError, match="writing here would destroy it"):
        collation.save_document("declaration", SV_CONTEST_ID, collation.folder / STATE_FILE,
                                generated_at=GENERATED_AT)
    saved = collation.save_document("declaration", SV_CONTEST_ID, tmp_path / "declaration.pdf",
                                    generated_at=GENERATED_AT, place="Town Hall")
    assert saved.read_bytes() == pdf  # the same inputs, the same paper
    entry = collation.history[-1]
    assert entry.event == "document_saved"
    fingerprint, digest = collation.collation_fingerprint(SV_CONTEST_ID), hashlib.sha256(pdf).hexdigest()
    assert entry.detail == (f"{SV_CONTEST_ID}: declaration of result saved as {saved} (1 page, fingerprint "
                            f"{fingerprint}, SHA-256 {digest})")
    reopened = CollationSession.open(collation.folder)
    assert reopened.officer == "Cara COLLATOR"
    events = [e.event for e in reopened.history]
    assert events == ["created", "expected_areas", *["area_imported"] * 3, "round2_issued", *["area_replaced"] * 3,
                      "officer", "document_saved"]


def test_an_area_that_counted_round_two_for_its_own_finalists_is_refused(world):
    stick, laptops, collation = world
    for area in AREAS:
        send(collation, laptops, stick, area)
    collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="CARO", issued_at=GENERATED_AT)
    north, _ = laptops["North"]
    # Its own finalists (a, b), no instruction: c's and d's 15 papers, as the area's figures allow.
    north.sheets.confirm(SV_CONTEST_ID, CountSheet("N1-R2", 2, frozen_map({"a": 5, "b": 5}), non_transferable=5))
    with pytest.raises(CollationError, match="round-2 sheet N1-R2 was counted for a, b, but the round-2 "
                                             "instruction names c, a"):
        send(collation, laptops, stick, "North", again=True)
    assert collation.progress(SV_CONTEST_ID).stage is Stage.ROUND2_WAITING


def test_round_two_figures_before_any_instruction_are_refused(world):
    stick, laptops, collation = world
    west, _ = laptops["West"]
    # Its own finalists (b, c) and a's and d's 43 papers, before any instruction.
    west.sheets.confirm(SV_CONTEST_ID, CountSheet("W1-R2", 2, frozen_map({"b": 20, "c": 10}), non_transferable=13))
    with pytest.raises(CollationError, match="no round-2 instruction has been issued"):
        send(collation, laptops, stick, "West")


def test_a_replacement_must_come_when_asked_and_keep_the_issued_finalists(world, tmp_path):
    stick, laptops, collation = world
    for area in AREAS:
        send(collation, laptops, stick, area)
    collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="CARO", issued_at=GENERATED_AT)
    with pytest.raises(CollationError, match='area "South" has already been imported'):
        send(collation, laptops, stick, "South")
    # A recount in South that would change the finalists cannot slip in after the instruction.
    south, _ = laptops["South"]
    recount = CountSheet("S1-R1", 1, frozen_map({"a": 10, "b": 30, "c": 50, "d": 15}))
    south.sheets.confirm(SV_CONTEST_ID, recount, reason="recount")
    with pytest.raises(CollationError, match="finalists would be b, c, but the round-2 instruction already issued"):
        send(collation, laptops, stick, "South", again=True)


def test_the_area_refuses_an_instruction_that_is_not_for_it(world, tmp_path):
    stick, laptops, collation = world
    for area in AREAS:
        send(collation, laptops, stick, area)
    path = collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="CARO", issued_at=GENERATED_AT)
    document = json.loads(path.read_text())

    east = sv_area("North")
    east = replace(east, election=replace(east.election, area="East"))
    (tmp_path / "elsewhere").mkdir()
    with area_session(tmp_path / "elsewhere", east) as stranger:
        with pytest.raises(ValidationError, match='does not name this counting area, "East"'):
            import_round2_instruction(stranger, path)
        assert stranger.instructions.stored(SV_CONTEST_ID) is None

    north, _ = laptops["North"]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps({**document, "finalists": ["a", "b"]}))
    with pytest.raises(ValidationError, match="make the finalists c, a, not a, b"):
        import_round2_instruction(north, edited)
    assert north.instructions.stored(SV_CONTEST_ID) is None
    assert north.audit_rows(action=IMPORT_ACTION) == []

    import_round2_instruction(north, path)
    import_round2_instruction(north, path)  # the same instruction again changes nothing
    rows = north.audit_rows(action=IMPORT_ACTION)
    assert len(rows) == 1 and set(rows[0].after["finalists"]) == {"a", "c"} and rows[0].contest_id == SV_CONTEST_ID


def test_the_dialog_reads_an_instruction_checked_as_its_import_checks_it(world, tmp_path):
    """What the area's dialog shows before anything is imported (instruction_for_this_count): the
    import's own checks, refused with the import's sentence, and nothing written either way."""
    stick, laptops, collation = world
    for area in AREAS:
        send(collation, laptops, stick, area)
    path = collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="CARO", issued_at=GENERATED_AT)
    document = json.loads(path.read_text())
    north, _ = laptops["North"]
    for name, changed, refusal in (
        ("edited.json", {"finalists": ["a", "b"]}, "make the finalists c, a, not a, b"),
        ("other-contest.json", {"contest_id": "mayor.nowhere"}, 'this count has no contest "mayor.nowhere"'),
        ("other-election.json", {"election_id": "local.2099-05-04"}, 'is for election "local.2099-05-04"'),
    ):
        wrong = tmp_path / name
        wrong.write_text(json.dumps({**document, **changed}))
        for read_or_import in (instruction_for_this_count, import_round2_instruction):
            with pytest.raises(ValidationError, match=refusal):
                read_or_import(north, wrong)

    instruction = instruction_for_this_count(north, path)
    assert instruction == read_round2_instruction(path) and set(instruction.finalists) == {"a", "c"}
    assert north.instructions.stored(SV_CONTEST_ID) is None and north.audit_rows(action=IMPORT_ACTION) == []
    with CountSession.open(laptops["West"][0].path, "Viewer", read_only=True) as viewer:
        assert instruction_for_this_count(viewer, path) == instruction  # shown; only its import is refused


def test_the_area_bundle_reports_round_two_for_the_instructed_finalists(world):
    stick, laptops, collation = world
    for area in AREAS:
        send(collation, laptops, stick, area)
    path = collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="CARO", issued_at=GENERATED_AT)
    north, key = laptops["North"]
    import_round2_instruction(north, path)
    north.sheets.confirm(SV_CONTEST_ID, round_two_sheet("North", ("a", "c")))
    report = export_bundle(north, stick, signing_key=key, generated_at=GENERATED_AT)
    result = json.loads((report.path / "results.json").read_text())["contests"][0]
    assert set(result["finalists"]) == {"a", "c"}  # not North's own a and b
    assert result["final"] == {"a": 70, "c": 25}
    log = json.loads((report.path / "audit-log.json").read_text())
    assert set(log["round2_instructions"][SV_CONTEST_ID]) == {"a", "c"}
    assert any(row["action"] == IMPORT_ACTION for row in log["rows"])


def test_a_read_only_area_count_cannot_import_an_instruction(world):
    stick, laptops, collation = world
    for area in AREAS:
        send(collation, laptops, stick, area)
    path = collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="CARO", issued_at=GENERATED_AT)
    with CountSession.open(laptops["West"][0].path, "Viewer", read_only=True) as viewer:
        with pytest.raises(CountdeskError, match="open read-only"):
            import_round2_instruction(viewer, path)
    assert laptops["West"][0].instructions.stored(SV_CONTEST_ID) is None


def test_expected_areas_cannot_drop_an_area_already_in(world):
    stick, laptops, collation = world
    send(collation, laptops, stick, "North")
    with pytest.raises(ValidationError, match="already imported, so it must stay on the list: North"):
        collation.set_expected_areas(["South", "West"])
    with pytest.raises(ValidationError, match='area "West" is listed twice'):
        collation.set_expected_areas(["North", "West", "west"])
    collation.set_expected_areas(["North", "South", "West", "East"])
    assert collation.missing_areas() == ["South", "West", "East"]


def test_the_declaration_waits_for_the_final_result(world):
    stick, laptops, collation = world
    send(collation, laptops, stick, "North")
    with pytest.raises(CollationError, match="cannot be declared yet: Provisional"):
        collation.render_document("declaration", SV_CONTEST_ID, generated_at=GENERATED_AT)
    assert collation.render_document("provisional", SV_CONTEST_ID, generated_at=GENERATED_AT).data.startswith(b"%PDF")


def test_issuing_to_a_missing_stick_says_so(world, tmp_path):
    stick, laptops, collation = world
    for area in AREAS:
        send(collation, laptops, stick, area)
    with pytest.raises(CountdeskError, match="removed or stopped responding"):
        collation.issue_round2_instruction(SV_CONTEST_ID, tmp_path / "gone", issued_by="CARO",
                                           issued_at=GENERATED_AT)
    assert collation.instruction(SV_CONTEST_ID) is None
    assert Path(collation.issue_round2_instruction(SV_CONTEST_ID, stick, issued_by="CARO",
                                                   issued_at=GENERATED_AT)).exists()

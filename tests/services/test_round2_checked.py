"""An area count's result follows the round-2 instruction the count holds, as imported, and never its
own finalists in place of one it cannot use (the session's instructions.checked, services/instructions.py).

North (export_builders) counts 50 / 40 / 10 / 5 first preferences for a, b, c, d: left to itself
it would take a and b. The collating officer's instruction, from the sum of the three areas
(a 98, b 90, c 100, d 50), names c and a. Round 2 in North (the papers of b and d, 40 + 5 = 45):
a 20, c 15, non-transferable 10, so a 50 + 20 = 70 and c 10 + 15 = 25.

The instruction lives inside the count (store/instructions.py). A count written by an older
countdesk kept it in a file beside the count file: the upgrade moves that file in when it is the one
the trail recorded, and otherwise records it lost, to be imported again.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from export_builders import GENERATED_AT, SV_CONTEST_ID, area_session, round_two_sheet, sv_area
from round2_builders import INSTRUCTED, OWN_FINALISTS
from round2_older_counts import alter_stored_instruction, as_written_before_m0006, old_side_file

from countdesk.cli import main
from countdesk.errors import CountdeskError, ValidationError
from countdesk.exchange.signing import generate_key
from countdesk.services import CountSession
from countdesk.services.export import EXPORT_ACTION, export_bundle
from countdesk.services.integrity import verify_count
from countdesk.services.round2_area import IMPORT_ACTION, InstructionUnusable, import_round2_instruction
from countdesk.store.instructions import LOST_ACTION
from countdesk.store.migrations import UPGRADE_OPERATOR

WHERE = f"contests[{SV_CONTEST_ID}]"


@pytest.fixture
def north(tmp_path):
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    opened = [area_session(laptop, sv_area("North"))]
    yield opened
    for session in opened:
        if not session.closed:
            session.close()


@pytest.fixture
def counted(north, issued):
    """North with the instruction imported and its round-2 sheet entered for c and a."""
    import_round2_instruction(north[0], issued)
    north[0].sheets.confirm(SV_CONTEST_ID, round_two_sheet("North", ("a", "c")))
    return north


def upgraded(opened: list[CountSession], side_file: bytes | None) -> CountSession:
    """The count closed, made what an older countdesk left (the instruction beside it, or lost), and
    opened again: the upgrade runs."""
    path = opened[0].path
    opened[0].close()
    as_written_before_m0006(path, SV_CONTEST_ID, side_file)
    opened.append(CountSession.open(path, "Area Clerk"))
    return opened[-1]


def refused(session, kind: str) -> InstructionUnusable:
    """Every result path refuses alike, located at the contest; the error they raise."""
    with pytest.raises(InstructionUnusable) as caught:
        session.tally(SV_CONTEST_ID)
    assert caught.value.kind == kind and caught.value.where == WHERE
    for path in (lambda: session.instructions.checked(SV_CONTEST_ID),
                 lambda: session.result(SV_CONTEST_ID), lambda: session.results.of(session.load())):
        with pytest.raises(InstructionUnusable) as again:
            path()
        assert again.value.message == caught.value.message
    return caught.value


def test_with_its_instruction_the_area_counts_for_the_instructed_finalists(counted, issued):
    session = counted[0]
    result = session.tally(SV_CONTEST_ID)
    assert set(result.finalists) == INSTRUCTED
    assert dict(result.final) == {"a": 70, "c": 25} and result.non_transferable == 10
    assert result.elected == ("a",)
    assert session.result(SV_CONTEST_ID).instructed_finalists == ("c", "a")
    stored = session.instructions.stored(SV_CONTEST_ID)
    assert stored.content.encode("utf-8") == issued.read_bytes() and stored.source == issued.name
    assert not old_side_file(session.path, SV_CONTEST_ID).exists()  # nothing is kept beside the count any more
    row = session.audit_rows(action=IMPORT_ACTION)[-1]
    assert row.after["sha256"] == stored.sha256 and row.after["finalists"] == ["c", "a"]
    assert verify_count(session).ok  # the replay knows the instruction


def test_without_any_instruction_the_area_counts_for_its_own_finalists(north):
    assert north[0].instructions.checked(SV_CONTEST_ID) is None
    assert set(north[0].tally(SV_CONTEST_ID).finalists) == OWN_FINALISTS
    assert north[0].result(SV_CONTEST_ID).instructed_finalists is None


def test_an_older_count_has_its_instruction_file_moved_in_when_it_is_the_one_recorded(counted, issued):
    session = upgraded(counted, issued.read_bytes())
    assert dict(session.tally(SV_CONTEST_ID).final) == {"a": 70, "c": 25}
    row = session.audit_rows(action=IMPORT_ACTION)[-1]
    assert row.operator == UPGRADE_OPERATOR
    assert row.after["moved_from"] == old_side_file(session.path, SV_CONTEST_ID).name
    assert session.instructions.stored(SV_CONTEST_ID).content.encode("utf-8") == issued.read_bytes()
    assert verify_count(session).ok


@pytest.mark.parametrize("beside", ["nothing", "another instruction"])
def test_an_instruction_lost_before_the_upgrade_stops_the_result_until_imported_again(
        counted, issued, corrected, beside):
    session = upgraded(counted, None if beside == "nothing" else corrected.read_bytes())
    error = refused(session, "missing")
    assert error.message.startswith(f"the round-2 instruction for contest {SV_CONTEST_ID} is missing")
    assert error.message.endswith("import the instruction file again") and "\n" not in str(error)
    lost = session.audit_rows(action=LOST_ACTION)
    assert len(lost) == 1 and lost[0].operator == UPGRADE_OPERATOR
    assert verify_count(session).ok  # the upgrade recorded what it found: the trail still accounts for all

    change = import_round2_instruction(session, issued)  # the same file again: no reason needed
    last = session.audit_rows(action=IMPORT_ACTION)[-1]
    assert change.instruction and change.contest_id == SV_CONTEST_ID and change.audit_id == last.id
    assert last.reason is None and last.after["found"] == "missing" and set(last.after["replaced"]) == INSTRUCTED
    assert dict(session.tally(SV_CONTEST_ID).final) == {"a": 70, "c": 25}
    assert verify_count(session).ok


def test_putting_another_instruction_in_place_of_a_lost_one_still_needs_a_reason(north, issued, corrected):
    import_round2_instruction(north[0], issued)  # no round-2 sheet yet: a corrected instruction may still come
    session = upgraded(north, None)
    with pytest.raises(ValidationError, match="a reason is required: an instruction naming c, a is already recorded"):
        import_round2_instruction(session, corrected)
    assert len(session.audit_rows(action=IMPORT_ACTION)) == 1
    import_round2_instruction(session, corrected, reason="the collating officer corrected the sum")
    last = session.audit_rows(action=IMPORT_ACTION)[-1]
    assert last.after["found"] == "missing" and set(last.after["replaced"]) == INSTRUCTED
    assert set(session.tally(SV_CONTEST_ID).finalists) == {"b", "c"}


def test_an_instruction_altered_outside_the_app_is_refused_and_shown_by_the_audit_check(counted, issued, corrected):
    session = counted[0]
    alter_stored_instruction(session.path, SV_CONTEST_ID, corrected.read_text(encoding="utf-8"))
    error = refused(session, "altered")
    assert "has been altered outside countdesk" in error.message and error.message.endswith(
        "import the instruction file again")
    verdict = verify_count(session)
    assert not verdict.ok and any("round2_instruction.content_sha256" in d for d in verdict.differences)

    import_round2_instruction(session, issued)  # put back what the trail records: no reason needed
    last = session.audit_rows(action=IMPORT_ACTION)[-1]
    assert last.after["found"] == "altered" and last.reason is None
    assert set(session.tally(SV_CONTEST_ID).finalists) == INSTRUCTED
    assert verify_count(session).ok


def test_the_same_instruction_again_changes_nothing(counted, issued):
    session = counted[0]
    rows = len(session.audit_rows())
    assert not import_round2_instruction(session, issued)
    assert len(session.audit_rows()) == rows


def test_the_export_refuses_while_the_instruction_is_lost_and_writes_nothing(counted, issued, stick):
    session = upgraded(counted, None)
    key = generate_key()
    before = sorted(p.name for p in stick.iterdir())
    with pytest.raises(CountdeskError) as caught:
        export_bundle(session, stick, signing_key=key, generated_at=GENERATED_AT)
    assert caught.value.where == WHERE and "is missing" in caught.value.message
    assert sorted(p.name for p in stick.iterdir()) == before
    assert session.audit_rows(action=EXPORT_ACTION) == []

    import_round2_instruction(session, issued)
    report = export_bundle(session, stick, signing_key=key, generated_at=GENERATED_AT)
    result = json.loads((report.path / "results.json").read_text())["contests"][0]
    assert set(result["finalists"]) == INSTRUCTED and result["final"] == {"a": 70, "c": 25}


@pytest.mark.parametrize("command", [
    ["declare", "--document", "provisional", "--contest", SV_CONTEST_ID],
    ["tally", "--json"],
])
def test_the_command_line_refuses_with_one_located_line(counted, issued, tmp_path, capsys, command):
    session = upgraded(counted, None)
    db, out = str(session.path), tmp_path / "provisional.pdf"
    arguments = [*command, "--db", db] + (["--out", str(out)] if command[0] == "declare" else [])
    session.close()
    capsys.readouterr()

    assert main(arguments) == 2
    said = capsys.readouterr()
    assert said.out == "" and said.err.count("\n") == 1
    assert said.err.startswith(f"countdesk: {WHERE}: the round-2 instruction for contest {SV_CONTEST_ID} is missing")
    assert not out.exists()

    with CountSession.open(db, "Area Clerk") as again:
        import_round2_instruction(again, issued)
    assert main(arguments) == 0
    if command[0] == "declare":
        assert out.read_bytes().startswith(b"%PDF")
    else:
        result = json.loads(capsys.readouterr().out)["contests"][0]
        assert set(result["finalists"]) == INSTRUCTED and result["final"] == {"a": 70, "c": 25}


PASSPHRASE = "correct horse battery staple"


def test_the_area_declares_on_the_instructed_finalists_and_records_who_was_elected(counted):
    session = counted[0]
    session.passphrase.set(PASSPHRASE)
    assert session.declaring.declare(SV_CONTEST_ID, PASSPHRASE).declaration
    result = session.tally(SV_CONTEST_ID)
    assert set(result.finalists) == INSTRUCTED and result.elected == ("a",)
    row = session.audit_rows(contest_id=SV_CONTEST_ID, action="contest.declare")[-1]
    assert row.after["elected"] == ["a"]
    assert session.contest_state(SV_CONTEST_ID).declared
    with pytest.raises(CountdeskError, match="is declared: unlock it before importing an instruction"):
        import_round2_instruction(session, session.path.parent.parent / "USBSTICK" / "round2-issued.json")


def test_the_area_cannot_declare_while_its_instruction_is_lost(counted):
    counted[0].passphrase.set(PASSPHRASE)
    session = upgraded(counted, None)
    with pytest.raises(CountdeskError, match="was not declared") as caught:
        session.declaring.declare(SV_CONTEST_ID, PASSPHRASE)
    assert "import the instruction file again" in caught.value.message
    assert not session.contest_state(SV_CONTEST_ID).declared
    refusal = session.audit_rows(contest_id=SV_CONTEST_ID, action="contest.declare_refused")[-1]
    assert "round-2 instruction for contest" in refusal.reason


def test_a_read_only_view_reads_the_instruction_but_cannot_import_one(counted, issued):
    with CountSession.open(counted[0].path, "Observer", read_only=True) as viewer:
        assert set(viewer.tally(SV_CONTEST_ID).finalists) == INSTRUCTED
        with pytest.raises(CountdeskError, match="read-only"):
            import_round2_instruction(viewer, issued)


def test_an_instruction_removed_outside_the_app_is_caught_by_the_replay_and_nothing_is_declared(counted):
    """Like a sheet deleted with the sqlite3 shell: the trail records the import, the count no
    longer holds it; what is signed (declaration, export, documents) checks the replay first."""
    session = counted[0]
    session.passphrase.set(PASSPHRASE)
    conn = sqlite3.connect(session.path)
    with conn:
        conn.execute("DELETE FROM round2_instruction")
    conn.close()
    verdict = verify_count(session)
    assert f"{WHERE}.round2_instruction: missing from the file, but the audit trail records it" in verdict.differences
    with pytest.raises(CountdeskError, match="was not declared: the figures do not replay from the audit trail"):
        session.declaring.declare(SV_CONTEST_ID, PASSPHRASE)

"""An area count's result follows the round-2 instruction its audit trail records, never a file
that merely lies beside it, and never its own finalists in place of a lost one
(services/round2_area.py: checked_instruction).

North (export_builders) counts 50 / 40 / 10 / 5 first preferences for a, b, c, d: left to itself
it would take a and b. The collating officer's instruction, from the sum of the three areas
(a 98, b 90, c 100, d 50), names c and a. Round 2 in North (the papers of b and d, 40 + 5 = 45):
a 20, c 15, non-transferable 10, so a 50 + 20 = 70 and c 10 + 15 = 25.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from countdesk.cli import main
from countdesk.errors import CountdeskError, ValidationError
from countdesk.exchange.signing import generate_key
from countdesk.services.export import EXPORT_ACTION, export_bundle
from countdesk.services.round2_area import (
    IMPORT_ACTION, InstructionFileError, area_tally, checked_instruction, import_round2_instruction,
    instructed_finalists, instruction_file, stored_instruction,
)
from export_builders import GENERATED_AT, SV_CONTEST_ID, area_session, round_two_sheet, sv_area
from round2_builders import INSTRUCTED, OWN_FINALISTS

@pytest.fixture
def north(tmp_path):
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    session = area_session(laptop, sv_area("North"))
    yield session
    if not session.closed:
        session.close()


@pytest.fixture
def counted(north, issued):
    """North with the instruction imported and its round-2 sheet entered for c and a."""
    import_round2_instruction(north, issued)
    north.save_sheet(SV_CONTEST_ID, round_two_sheet("North", ("a", "c")))
    return north


def side_file(session) -> Path:
    return instruction_file(session.path, SV_CONTEST_ID)


def refused(session, kind: str) -> InstructionFileError:
    """Every result path refuses alike, located at the side file; the error they raise."""
    with pytest.raises(InstructionFileError) as caught:
        area_tally(session, SV_CONTEST_ID)
    assert caught.value.kind == kind and caught.value.where == str(side_file(session))
    for path in (lambda: checked_instruction(session, SV_CONTEST_ID),
                 lambda: instructed_finalists(session, [SV_CONTEST_ID])):
        with pytest.raises(InstructionFileError) as again:
            path()
        assert again.value.message == caught.value.message
    return caught.value


def test_with_its_instruction_intact_the_area_counts_for_the_instructed_finalists(counted):
    result = area_tally(counted, SV_CONTEST_ID)
    assert set(result.finalists) == INSTRUCTED
    assert dict(result.final) == {"a": 70, "c": 25} and result.non_transferable == 10
    assert result.elected == ("a",)
    assert instructed_finalists(counted, [SV_CONTEST_ID]) == {SV_CONTEST_ID: ("c", "a")}


def test_without_any_instruction_the_area_counts_for_its_own_finalists(north):
    assert checked_instruction(north, SV_CONTEST_ID) is None
    assert set(area_tally(north, SV_CONTEST_ID).finalists) == OWN_FINALISTS
    assert instructed_finalists(north, [SV_CONTEST_ID]) == {}


def test_a_deleted_instruction_stops_the_result_instead_of_falling_back_to_its_own_finalists(counted, issued):
    side_file(counted).unlink()
    error = refused(counted, "missing")
    assert error.message.startswith(f"{side_file(counted).name} is missing")
    assert error.message.endswith("import the instruction file again")
    assert "\n" not in str(error)

    row = import_round2_instruction(counted, issued)  # the same file again: no reason needed
    assert set(row.finalists) == INSTRUCTED
    assert side_file(counted).read_bytes() == issued.read_bytes()
    rows = counted.audit_rows(contest_id=SV_CONTEST_ID, action=IMPORT_ACTION)
    assert len(rows) == 2 and rows[-1].reason is None
    assert rows[-1].after["found"] == "missing" and set(rows[-1].after["replaced"]) == INSTRUCTED
    assert dict(area_tally(counted, SV_CONTEST_ID).final) == {"a": 70, "c": 25}


def test_an_instruction_swapped_for_another_valid_one_is_refused_as_altered(counted, issued, corrected):
    shutil.copyfile(corrected, side_file(counted))
    assert set(stored_instruction(counted.path, SV_CONTEST_ID).finalists) == {"b", "c"}  # a valid file, read raw
    error = refused(counted, "altered")
    assert "has been altered" in error.message and "import the instruction file again" in error.message

    import_round2_instruction(counted, issued)  # put back what the trail records: no reason needed
    assert side_file(counted).read_bytes() == issued.read_bytes()
    last = counted.audit_rows(action=IMPORT_ACTION)[-1]
    assert last.after["found"] == "altered" and last.reason is None
    assert set(area_tally(counted, SV_CONTEST_ID).finalists) == INSTRUCTED


def test_putting_another_instruction_in_place_of_a_lost_one_still_needs_a_reason(north, issued, corrected):
    import_round2_instruction(north, issued)  # no round-2 sheet yet: a corrected instruction may still come
    side_file(north).unlink()
    with pytest.raises(ValidationError, match="a reason is required: an instruction naming c, a is already recorded"):
        import_round2_instruction(north, corrected)
    assert not side_file(north).exists()
    assert len(north.audit_rows(action=IMPORT_ACTION)) == 1
    import_round2_instruction(north, corrected, reason="the collating officer corrected the sum")
    last = north.audit_rows(action=IMPORT_ACTION)[-1]
    assert last.after["found"] == "missing" and set(last.after["replaced"]) == INSTRUCTED
    assert set(area_tally(north, SV_CONTEST_ID).finalists) == {"b", "c"}


def test_a_file_present_without_a_recorded_import_is_refused_and_a_re_import_records_it(north, issued):
    # As an import interrupted between writing the file and recording the row would leave it.
    shutil.copyfile(issued, side_file(north))
    error = refused(north, "unrecorded")
    assert "the audit trail records no import" in error.message
    assert error.message.endswith("import it through countdesk")

    import_round2_instruction(north, issued)  # not a no-op: the row is what makes the file count
    rows = north.audit_rows(action=IMPORT_ACTION)
    assert len(rows) == 1 and rows[0].after["found"] == "unrecorded" and rows[0].after["replaced"] is None
    assert checked_instruction(north, SV_CONTEST_ID).finalists == ("c", "a")
    import_round2_instruction(north, issued)  # now recorded and intact: the same file again changes nothing
    assert len(north.audit_rows(action=IMPORT_ACTION)) == 1


def test_the_export_refuses_while_the_instruction_is_lost_and_writes_nothing(counted, issued, stick):
    side_file(counted).unlink()
    key = generate_key()
    before = sorted(p.name for p in stick.iterdir())
    with pytest.raises(CountdeskError) as caught:
        export_bundle(counted, stick, signing_key=key, generated_at=GENERATED_AT)
    assert caught.value.where == str(side_file(counted)) and "is missing" in caught.value.message
    assert sorted(p.name for p in stick.iterdir()) == before
    assert counted.audit_rows(action=EXPORT_ACTION) == []

    import_round2_instruction(counted, issued)
    report = export_bundle(counted, stick, signing_key=key, generated_at=GENERATED_AT)
    result = json.loads((report.path / "results.json").read_text())["contests"][0]
    assert set(result["finalists"]) == INSTRUCTED and result["final"] == {"a": 70, "c": 25}


@pytest.mark.parametrize("command", [
    ["declare", "--document", "provisional", "--contest", SV_CONTEST_ID],
    ["tally", "--json"],
])
def test_the_command_line_refuses_with_one_located_line(counted, issued, corrected, tmp_path, capsys, command):
    db, out = str(counted.path), tmp_path / "provisional.pdf"
    arguments = [*command, "--db", db] + (["--out", str(out)] if command[0] == "declare" else [])
    counted.close()
    side = instruction_file(Path(db), SV_CONTEST_ID)
    shutil.copyfile(corrected, side)
    capsys.readouterr()

    assert main(arguments) == 2
    said = capsys.readouterr()
    assert said.out == "" and said.err.count("\n") == 1
    assert said.err.startswith(f"countdesk: {side}: {side.name} has been altered")
    assert not out.exists()

    shutil.copyfile(issued, side)  # the recorded file back, byte for byte
    assert main(arguments) == 0
    if command[0] == "declare":
        assert out.read_bytes().startswith(b"%PDF")
    else:
        result = json.loads(capsys.readouterr().out)["contests"][0]
        assert set(result["finalists"]) == INSTRUCTED and result["final"] == {"a": 70, "c": 25}


PASSPHRASE = "correct horse battery staple"


def test_the_area_declares_on_the_instructed_finalists_and_records_who_was_elected(counted):
    counted.set_ro_passphrase(PASSPHRASE)
    assert counted.declare(SV_CONTEST_ID, PASSPHRASE).declaration
    result = counted.tally(SV_CONTEST_ID)
    assert set(result.finalists) == INSTRUCTED and result.elected == ("a",)
    row = counted.audit_rows(contest_id=SV_CONTEST_ID, action="contest.declare")[-1]
    assert row.after["elected"] == ["a"]
    assert counted.contest_state(SV_CONTEST_ID).declared


def test_the_area_cannot_declare_while_its_instruction_is_lost(counted):
    counted.set_ro_passphrase(PASSPHRASE)
    side_file(counted).unlink()
    with pytest.raises(CountdeskError, match="was not declared") as caught:
        counted.declare(SV_CONTEST_ID, PASSPHRASE)
    assert side_file(counted).name in caught.value.message
    assert not counted.contest_state(SV_CONTEST_ID).declared
    refusal = counted.audit_rows(contest_id=SV_CONTEST_ID, action="contest.declare_refused")[-1]
    assert side_file(counted).name in refusal.reason


def test_the_session_tally_counts_as_the_area_must(counted):
    assert counted.tally(SV_CONTEST_ID) == area_tally(counted, SV_CONTEST_ID)
    side_file(counted).unlink()
    with pytest.raises(InstructionFileError):
        counted.tally(SV_CONTEST_ID)

"""Issue 14 items 4, 5, 6, 9: a collation folder edited consistently, areas that describe the same
ids differently, one area under two spellings, a contest some areas lack, and the signing key's
fingerprint printed by collate and typed at the desk (test_collation_bundles.py has the desk's key tests)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import pytest
from export_builders import quick_bundle
from session_builders import LCR_AREAS, load_example
from test_collation_bundles import AREAS, CONTEST, accept, lcr_bundles  # noqa: F401 - the module's bundles fixture

from countdesk.cli import main
from countdesk.errors import CollationError
from countdesk.exchange.signing import generate_key
from countdesk.services.bundle_content import paper_fingerprints
from countdesk.services.collation import collate
from countdesk.services.collation_session import CollationSession


def test_a_collation_folder_edited_consistently_is_refused_on_reopening(lcr_bundles, tmp_path):  # noqa: F811
    collation = CollationSession.create(tmp_path / "c", "LCR", AREAS)
    for area in ("Halton", "Knowsley"):
        accept(collation, *lcr_bundles[area])
    genuine = collation.collation_fingerprint(CONTEST)
    state_path = collation.folder / "collation.json"
    state = json.loads(state_path.read_text())
    record = state["areas"][0]
    copy = collation.folder / record["count_file"]
    forged = copy.read_bytes().replace(b'"rotheram-s": 1', b'"rotheram-s": 9', 1)
    assert forged != copy.read_bytes()
    copy.write_bytes(forged)
    record["count_sha256"] = hashlib.sha256(forged).hexdigest()  # the copy's hash edited with it
    state_path.write_text(json.dumps(state))
    with pytest.raises(CollationError, match="no longer gives the fingerprint"):
        CollationSession.open(collation.folder)
    # and with the recorded paper fingerprint edited too: the area's signature gives it away
    from countdesk.exchange.countfile import parse_count_bytes

    record["paper_fingerprints"] = paper_fingerprints(parse_count_bytes(forged, "x"))
    state_path.write_text(json.dumps(state))
    with pytest.raises(CollationError, match="not the count file the area signed"):
        CollationSession.open(collation.folder)
    assert genuine != record["paper_fingerprints"][CONTEST]


def test_the_collation_fingerprint_is_recomputed_from_the_figures(lcr_bundles, tmp_path):  # noqa: F811
    collation = CollationSession.create(tmp_path / "c", "LCR", AREAS)
    accept(collation, *lcr_bundles["Halton"])
    before = collation.collation_fingerprint(CONTEST)
    state_path = collation.folder / "collation.json"
    state = json.loads(state_path.read_text())
    state["areas"][0]["paper_fingerprints"] = {CONTEST: "0000 " * 7 + "0000"}  # a recorded value, edited
    state_path.write_text(json.dumps(state))
    with pytest.raises(CollationError):
        CollationSession.open(collation.folder)
    state["areas"][0]["paper_fingerprints"] = {CONTEST: lcr_bundles["Halton"][1]}
    state_path.write_text(json.dumps(state))
    assert CollationSession.open(collation.folder).collation_fingerprint(CONTEST) == before


def _renamed_candidate(count, new_name):
    contest = count.contests[0]
    first = contest.candidates[0]
    candidates = (replace(first, name=new_name), *contest.candidates[1:])
    return replace(count, contests=(replace(contest, candidates=candidates),))


def test_same_ids_other_names_are_refused_by_collate_and_at_the_desk(lcr_bundles, tmp_path, capsys):  # noqa: F811
    knowsley = _renamed_candidate(load_example(LCR_AREAS[1]), "Someone ELSE")
    with pytest.raises(CollationError, match="votes are added by id"):
        collate([load_example(LCR_AREAS[0]), knowsley])
    knowsley_key = generate_key()
    bundle, printed = quick_bundle(tmp_path, knowsley, knowsley_key)
    collation = CollationSession.create(tmp_path / "c", "LCR", AREAS)
    accept(collation, *lcr_bundles["Halton"])
    with pytest.raises(CollationError, match="Someone ELSE"):
        accept(collation, bundle, printed, knowsley_key)
    assert [r.area for r in collation.areas] == ["Halton"]
    code = main(["collate", str(lcr_bundles["Halton"][0]), str(bundle)])
    assert code == 2 and "votes are added by id" in capsys.readouterr().err


@pytest.mark.parametrize("spelling", ["halton", "Halton ", " HALTON", "HALTON  ", "Halton\u00a0"])
def test_one_area_under_two_spellings_is_counted_once(tmp_path, capsys, spelling):
    halton = load_example(LCR_AREAS[0])
    again = replace(halton, election=replace(halton.election, area=spelling))
    with pytest.raises(CollationError, match="given twice"):
        collate([halton, again])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, _ = quick_bundle(tmp_path / "a", halton, generate_key())
    second, _ = quick_bundle(tmp_path / "b", again, generate_key())
    assert main(["collate", str(first), str(second)]) == 2
    assert "given twice" in capsys.readouterr().err


def test_decomposed_and_composed_area_names_are_one_area():
    halton = load_example(LCR_AREAS[0])
    composed = replace(halton, election=replace(halton.election, area="Ynys M\u00f4n"))
    decomposed = replace(halton, election=replace(halton.election, area="Ynys Mo\u0302n"))
    with pytest.raises(CollationError, match="given twice"):
        collate([composed, decomposed])


@pytest.mark.parametrize("field,value", [("title", "Another election"), ("poll_date", None)])
def test_one_election_described_differently_is_refused(field, value):
    from datetime import date

    halton, knowsley = load_example(LCR_AREAS[0]), load_example(LCR_AREAS[1])
    value = date(2021, 5, 7) if value is None else value
    knowsley = replace(knowsley, election=replace(knowsley.election, **{field: value}))
    with pytest.raises(CollationError, match=field.replace("_", " ")):
        collate([halton, knowsley])


def test_a_contest_title_that_differs_is_refused():
    halton, knowsley = load_example(LCR_AREAS[0]), load_example(LCR_AREAS[1])
    contest = replace(knowsley.contests[0], title="Mayor of Somewhere Else")
    with pytest.raises(CollationError, match="title"):
        collate([halton, replace(knowsley, contests=(contest,))])


def test_collate_says_which_key_signed_each_bundle_and_which_contests_some_areas_lack(
        lcr_bundles, tmp_path, capsys):  # noqa: F811
    from countdesk.domain.model import Contest, VotingSystem

    halton_bundle = lcr_bundles["Halton"][0]
    knowsley = load_example(LCR_AREAS[1])
    extra = Contest("pcc.merseyside.2021-05-06", "Police and Crime Commissioner", VotingSystem.SV, 1,
                    knowsley.contests[0].candidates)
    key = generate_key()
    bundle, _ = quick_bundle(tmp_path, replace(knowsley, contests=(*knowsley.contests, extra)), key)
    assert main(["collate", str(halton_bundle), str(bundle)]) == 0
    said = capsys.readouterr().out
    assert f"area Knowsley: bundle signed by key {key.fingerprint}" in said
    assert f"area Halton: bundle signed by key {lcr_bundles['Halton'][2].fingerprint}" in said
    assert 'contest "pcc.merseyside.2021-05-06" is only in area(s) Knowsley; not in Halton' in said
    assert main(["collate", str(halton_bundle), str(bundle), "--json"]) == 0
    both = capsys.readouterr()
    json.loads(both.out)  # the JSON stays pure
    assert "signed by key" in both.err and "only in area(s)" in both.err


def test_the_desk_says_which_contests_only_some_areas_report(lcr_bundles, tmp_path, qtbot):  # noqa: F811
    from PySide6.QtWidgets import QLabel

    from countdesk.domain.model import Contest, VotingSystem
    from countdesk.gui.dialogs.paper_binding_dialog import PaperBindingDialog

    collation = CollationSession.create(tmp_path / "c", "LCR", AREAS)
    accept(collation, *lcr_bundles["Halton"])
    knowsley = load_example(LCR_AREAS[1])
    extra = Contest("pcc.merseyside.2021-05-06", "Police and Crime Commissioner", VotingSystem.SV, 1,
                    knowsley.contests[0].candidates)
    bundle, _ = quick_bundle(tmp_path, replace(knowsley, contests=(*knowsley.contests, extra)), generate_key())
    pending = collation.open_bundle(bundle)
    notes = collation.contest_notes(pending)
    assert notes == ['contest "pcc.merseyside.2021-05-06" is only in area(s) Knowsley; not in Halton: its sum '
                     "covers those areas only"]
    dialog = PaperBindingDialog(pending, notes=notes)
    qtbot.addWidget(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.objectName() == "contestNote"]
    assert shown == [f"Note: {notes[0]}."]
    # The signing key is asked for, never shown: shown, it would be copied from the screen.
    assert not any(pending.key_fingerprint in label.text() for label in dialog.findChildren(QLabel))
    assert len(dialog.key_edits) == 2

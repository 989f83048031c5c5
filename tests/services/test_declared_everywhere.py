"""Declared or provisional, the same in every file of a bundle (issue 12 items 5 and 6): the count
file's `declared`, the results JSON, the CSV, the EML 510 and the NIST report all read the count's
own record of the declaration, so they never disagree: for a declared count, a provisional one,
one unlocked again, and a count imported from a declared count file (which comes in locked, as a
declared contest is, so that no figure changes under the declaration it carries)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from export_builders import GENERATED_AT

from countdesk.errors import CountdeskError
from countdesk.exchange.countfile import parse_count_bytes
from countdesk.services import CountSession
from countdesk.services.export import export_bundle
from countdesk.services.integrity import verify_count

PASSPHRASE = "correct horse battery"
CONTEST = "mayor.liverpool.2021-05-06"


def what_each_file_says(bundle: Path) -> dict[str, bool]:
    """Declared (True) or not, as each file of the bundle says it for the contest."""
    count = parse_count_bytes((bundle / "count.json").read_bytes())
    results = json.loads((bundle / "results.json").read_text())["contests"][0]
    row = next(csv.DictReader(io.StringIO((bundle / "results.csv").read_text())))
    nist = json.loads((bundle / "results-nist.json").read_text())
    winner = next(c for c in nist["Election"][0]["Candidate"] if c.get("PostElectionStatus") in
                  ("winner", "projected-winner"))
    stage = next(e.text for e in ET.parse(bundle / "results-eml510.xml").iter() if e.tag.endswith("ResultStage"))
    return {
        "count.json": count.contest(CONTEST).declared is not None,
        "results.json": results["declared"],
        "results.csv": {"yes": True, "no": False}[row["declared"]],
        "results-nist.json status": {"certified": True, "unofficial-partial": False}[nist["Status"]],
        "results-nist.json winner": winner["PostElectionStatus"] == "winner",
        "results-eml510.xml": stage == "declared",
    }


def export(session: CountSession, folder: Path, key) -> Path:
    folder.mkdir()
    return export_bundle(session, folder, signing_key=key, generated_at=GENERATED_AT).path


@pytest.mark.parametrize("declare,unlock", [(False, False), (True, False), (True, True)])
def test_every_file_of_the_bundle_says_the_same(liverpool, key, tmp_path, declare, unlock):
    liverpool.passphrase.set(PASSPHRASE)
    if declare:
        liverpool.declaring.declare(CONTEST, PASSPHRASE)
    if unlock:
        liverpool.declaring.unlock(CONTEST, PASSPHRASE, reason="agents asked for a recount")
    said = what_each_file_says(export(liverpool, tmp_path / "stick", key))
    assert set(said.values()) == {declare and not unlock}, said


def test_a_count_imported_from_a_declared_count_file_says_declared_in_every_file(liverpool, key, tmp_path):
    liverpool.passphrase.set(PASSPHRASE)
    liverpool.declaring.declare(CONTEST, PASSPHRASE)
    bundle = export(liverpool, tmp_path / "stick", key)
    count = parse_count_bytes((bundle / "count.json").read_bytes())
    with CountSession.create(tmp_path / "again.countdesk", "Returning Officer", count.election) as again:
        again.import_count(count)
        said = what_each_file_says(export(again, tmp_path / "stick2", key))
        assert set(said.values()) == {True}, said
        # Locked as a declared contest is: no figure changes under the declaration it carries.
        sheet = again.contest(CONTEST).count_sheets[0]
        with pytest.raises(CountdeskError, match="is declared: unlock it first"):
            again.sheets.confirm(CONTEST, sheet, reason="keyed again")
        assert verify_count(again).ok
        again.passphrase.set(PASSPHRASE)
        again.declaring.unlock(CONTEST, PASSPHRASE, reason="a recount was asked for")
        said = what_each_file_says(export(again, tmp_path / "stick3", key))
    assert set(said.values()) == {False}, said

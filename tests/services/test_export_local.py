"""A counting area of a collated poll carries its statements to the collating officer in its
bundle (SI 2017/67 Sch 1 r.54 and r.56(2)), and never a declaration."""

from __future__ import annotations

import subprocess
from pathlib import Path

from export_builders import GENERATED_AT

from countdesk.exchange.countfile import load_count_file
from countdesk.services.count_session import CountSession
from countdesk.services.export import export_bundle

ROOT = Path(__file__).resolve().parents[2]
AREA = ROOT / "tests" / "golden" / "regime-ca-mayor-sv-2021-local-area" / "count.json"


def test_a_local_area_bundle_carries_its_first_count_statement(tmp_path, stick, key):
    count = load_count_file(AREA)
    contest = count.contests[0]
    session = CountSession.create(tmp_path / "area.countdesk", "Local Returning Officer", count.election)
    try:
        session.import_count(count)
        report = export_bundle(session, stick, signing_key=key, generated_at=GENERATED_AT)
    finally:
        session.close()
    folder = next(name.split("/")[1] for name in report.files if name.startswith("reports/"))
    statement = f"reports/{folder}/first_count.pdf"
    assert statement in report.files
    assert f"reports/{folder}/declaration.pdf" not in report.files
    assert f"reports/{folder}/second_count.pdf" not in report.files  # no second preferences counted here
    text = subprocess.run(["pdftotext", "-raw", str(report.path / statement), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = " ".join(text.split())
    assert "being the Local Returning Officer" in text and "elected" not in text.lower()
    assert contest.candidates[0].name in text

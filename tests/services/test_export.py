"""Export to USB: the bundle holds the whole count in every format, the paper fingerprint binds the
PDFs to the data files, the bundle is checked on the stick, and only then audited."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from export_builders import GENERATED_AT

from countdesk.exchange.bundle import verify_bundle
from countdesk.exchange.countfile import parse_count_bytes
from countdesk.exchange.fingerprint import contest_fingerprint, format_fingerprint
from countdesk.services import bundle_content
from countdesk.services.bundle_content import read_bundle_data
from countdesk.services.count_session import CountSession
from countdesk.services.export import (
    EXPORT_ACTION,
    READING_BACK_LABEL,
    WRITING_LABEL,
    BundleWriteError,
    ExportCancelled,
    export_bundle,
    take_snapshot,
)
from countdesk.store.audit import row_hash

PASSPHRASE = "correct horse battery"
CONTEST = "mayor.liverpool.2021-05-06"
FOLDER = "mayor.liverpool.2021-05-06_liverpool"


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, check=True,
                          capture_output=True).stdout.decode()


def test_a_declared_count_exports_every_file_and_the_paper_carries_the_paper_fingerprint(liverpool, stick, key):
    liverpool.passphrase.set(PASSPHRASE)
    liverpool.declaring.declare(CONTEST, PASSPHRASE)
    report = export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT, place="Exhibition Centre")

    assert report.path == stick / FOLDER
    reports = [f"reports/{CONTEST}/{doc}.pdf" for doc in ("declaration", "provisional", "rejected", "verification")]
    assert set(report.files) == {"count.json", "results.json", "results.csv", "results-nist.json",
                                 "results-eml510.xml", "audit-log.json", "signing-key.pub", *reports}
    verdict = verify_bundle(report.path, expected_public_key=key.public_key)
    assert verdict.ok and verdict.fingerprint == report.bundle_fingerprint
    assert report.key_fingerprint == key.fingerprint

    # The count file is the whole count; results.json the published Liverpool figures.
    assert parse_count_bytes((report.path / "count.json").read_bytes()) == liverpool.load()
    result = json.loads((report.path / "results.json").read_text())["contests"][0]
    assert result["first"]["anderson-j"] == 38_958 and result["final"] == {"anderson-j": 46_493, "yip-s": 32_079}
    assert result["non_transferable"] == 22_601 and result["ballot_papers_verified"] == 102_600
    assert result["rejected"]["total"] == 1_427 and result["turnout_percent"] == 30.51

    # The fingerprint on the paper is the contest's: the same `countdesk declare` prints; for a
    # count of one contest it is the count file's, and `sha256sum` of the canonical text (the file
    # without its final newline) gives it by hand.
    count_text = (report.path / "count.json").read_bytes()
    assert count_text.endswith(b"}\n")
    printed = report.paper_fingerprints[CONTEST]
    assert list(report.paper_fingerprints) == [CONTEST]
    assert printed == format_fingerprint(hashlib.sha256(count_text[:-1]).hexdigest())
    assert printed == contest_fingerprint(liverpool.load(), CONTEST)
    assert read_bundle_data(report.path, verdict.files).paper_fingerprints == report.paper_fingerprints
    assert printed != report.bundle_fingerprint

    # ... and it is what the paper shows, on the declaration and on the provisional sheet.
    for document in ("declaration", "provisional"):
        text = pdf_text((report.path / f"reports/{CONTEST}/{document}.pdf").read_bytes())
        assert printed in text
    assert "ANDERSON" in pdf_text((report.path / f"reports/{CONTEST}/declaration.pdf").read_bytes())
    assert report.documents_skipped == ()


def test_an_undeclared_count_gets_no_declaration_and_says_so(liverpool, stick, key):
    report = export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    assert f"reports/{CONTEST}/declaration.pdf" not in report.files
    assert f"reports/{CONTEST}/provisional.pdf" in report.files
    assert report.documents_skipped == (f"{CONTEST} declaration: not declared in the app",)


def test_the_export_is_audited_after_the_bundle_and_the_bundle_carries_the_chain(liverpool, stick, key):
    head_before = liverpool.audit_head()
    report = export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)

    # The bundle's audit log ends where the count stood; the export row comes after it.
    assert report.audit_head == head_before and report.audit_chain_ok
    log = json.loads((report.path / "audit-log.json").read_text())
    assert log["chain"]["ok"] is True and log["head"] == {"id": head_before[0], "hash": head_before[1]}
    rows = log["rows"]
    assert [r["id"] for r in rows] == list(range(1, head_before[0] + 1))
    previous = "0" * 64
    for r in rows:  # anyone can recompute the chain from the exported rows
        assert r["prev_hash"] == previous
        assert row_hash(r["id"], r["at"], r["operator"], r["action"], r["entity"], r["contest_id"], r["key"],
                        r["before_json"], r["after_json"], r["reason"], r["prev_hash"]) == r["hash"]
        previous = r["hash"]

    export_row = liverpool.audit_rows()[-1]
    assert export_row.id == report.audit_row_id == head_before[0] + 1
    assert export_row.action == EXPORT_ACTION and export_row.key == FOLDER
    assert export_row.after["paper_fingerprints"] == report.paper_fingerprints
    assert export_row.after["bundle_fingerprint"] == report.bundle_fingerprint
    assert export_row.after["audit_head"] == list(head_before)
    assert liverpool.verify_audit().ok


def test_progress_is_reported_step_by_step_up_to_the_total(liverpool, stick, key):
    seen: list[tuple[int, int, str]] = []
    export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT,
                  progress=lambda done, total, label: seen.append((done, total, label)))
    labels = [label for _, _, label in seen]
    assert labels[0] == "Reading the count" and WRITING_LABEL in labels and READING_BACK_LABEL in labels
    assert [done for done, _, _ in seen] == list(range(len(seen)))
    total = seen[-1][1]
    assert seen[-1][0] == total and total == len(seen) - 1  # 3 documents + 4 other steps = 7
    assert total == 7


@pytest.mark.parametrize("stop_at", ["Reading the count", "Making the results files", "Printing", WRITING_LABEL,
                                     READING_BACK_LABEL])
def test_cancelling_at_any_step_leaves_nothing_and_writes_nothing(liverpool, stick, key, stop_at):
    """Cancel pressed as the step begins. Once writing has begun the bundle is finished, then removed."""
    stop = {"now": False}

    def progress(done, total, label):
        if label.startswith(stop_at):
            stop["now"] = True

    head = liverpool.audit_head()
    if stop_at == READING_BACK_LABEL:  # too late to cancel: the bundle is complete and kept
        report = export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT, progress=progress,
                               cancelled=lambda: stop["now"])
        assert report.audit_row_id == head[0] + 1
        return
    with pytest.raises(ExportCancelled):
        export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT, progress=progress,
                      cancelled=lambda: stop["now"])
    assert list(stick.iterdir()) == []
    assert liverpool.audit_head() == head
    report = export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    assert [p.name for p in stick.iterdir()] == [FOLDER] and report.audit_row_id == head[0] + 1


def test_a_read_only_session_exports_with_a_warning_and_no_audit_row(liverpool, stick, key):
    with CountSession.open(liverpool.path, "Observer", read_only=True) as viewer:
        report = export_bundle(viewer, stick, signing_key=key, generated_at=GENERATED_AT)
    assert verify_bundle(report.path, expected_public_key=key.public_key).ok
    assert report.audit_row_id is None
    assert report.warnings == ("the export is not in the count's audit trail: the count is open read-only here",)
    assert liverpool.audit_rows(action=EXPORT_ACTION) == []


def test_a_naive_time_is_refused_before_anything_is_read(liverpool, stick, key):
    with pytest.raises(ValueError, match="time zone"):
        export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT.replace(tzinfo=None))
    assert list(stick.iterdir()) == []


def test_a_bundle_that_reads_back_with_other_data_is_removed_not_reported_safe(liverpool, stick, key, monkeypatch):
    real = bundle_content.read_file_uncached

    def failing_device(path):
        data = real(path)
        return data[:-2] + b"9\n" if Path(path).name == "count.json" else data

    monkeypatch.setattr(bundle_content, "read_file_uncached", failing_device)
    head = liverpool.audit_head()
    with pytest.raises(BundleWriteError, match=r"did not read back correctly .*count.json"):
        export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    assert [p for p in stick.iterdir() if not p.name.startswith(".")] == []
    assert liverpool.audit_head() == head
    monkeypatch.undo()
    assert export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT).audit_row_id == head[0] + 1


class _ChangingOnce:
    """A session whose file gets a new audit row (another writer) while the first reading is made."""

    def __init__(self, session, writer):
        self._session, self._writer, self._calls = session, writer, 0

    def __getattr__(self, name):
        return getattr(self._session, name)

    def load(self):
        self._calls += 1
        count = self._session.load()
        if self._calls == 1:
            self._writer()
        return count


def test_a_reading_that_a_writer_overtook_is_made_again(liverpool):
    box = liverpool.load().contests[0].boxes[0]

    def write():
        liverpool.verification.verify(CONTEST, box.id, box.verified, "recounted at the table", reason="recount")

    with CountSession.open(liverpool.path, "Exporter", read_only=True) as reader:
        snapshot = take_snapshot(_ChangingOnce(reader, write))
    assert snapshot.audit_head == liverpool.audit_head()
    assert snapshot.count.contests[0].boxes[0].note == "recounted at the table"
    assert snapshot.audit_rows[-1].id == snapshot.audit_head[0]


def test_the_count_file_is_only_read(liverpool, stick, key):
    before = hashlib.sha256(liverpool.path.read_bytes()).hexdigest()
    head = liverpool.audit_head()
    with CountSession.open(liverpool.path, "Observer", read_only=True) as viewer:
        export_bundle(viewer, stick, signing_key=key, generated_at=GENERATED_AT)
    assert hashlib.sha256(liverpool.path.read_bytes()).hexdigest() == before
    assert liverpool.audit_head() == head

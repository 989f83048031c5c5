"""Export to USB: an area's results bundle, gathered, signed, written, read back, then audited.

The order matters, and is what lets the app say "safe to remove the USB stick":

1. the count is read through its own read-only connection, so nothing the stick does can touch
   the count database, and the GUI can run the export on a worker thread;
2. the count file and the results files are made; each contest's PDFs are rendered with that
   contest's fingerprint printed on them (bundle_content.py explains why not the whole bundle's);
3. write_bundle writes into a hidden partial folder, reads it back from the device, verifies it,
   and renames it into place; this module then reads the final folder back once more and checks
   the contests' fingerprints recomputed from its count file against the ones on the documents;
4. only then is the export recorded in the count's audit trail ("bundle.export", with the
   fingerprints), because an audit row for a bundle that never reached the stick would be false.

Long work reports `progress(done, total, label)` and stops at the next step once `cancelled()`
is true; a cancelled export leaves nothing that looks like a bundle.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..domain.model import Counting
from ..errors import CountdeskError
from ..exchange.bundle import BundleWriteError, bundle_name, verify_bundle, write_bundle
from ..exchange.signing import SigningKey
from ..output_guard import refuse_folder_holding_inputs
from ..reports import DocumentContext, DocumentNotReady, default_lang
from .bundle_content import (
    REPORTS_FOLDER,
    CountSnapshot,
    data_files,
    paper_fingerprints,
    read_bundle_data,
    report_names,
)
from .count_session import CountSession
from .document_registry import Bundled, DocumentKind, Stage, documents_for
from .integrity import require_trail_matches

__all__ = [
    "EXPORT_ACTION", "WRITING_LABEL", "BundleWriteError", "ExportCancelled", "ExportReport", "export_bundle",
    "record_export", "take_snapshot", "write_export_bundle",
]

EXPORT_ACTION = "bundle.export"
#: The progress label while the bundle is written: from here on the export is too far along to
#: cancel halfway (the GUI greys out Cancel); a cancel is then honoured by removing the bundle.
WRITING_LABEL = "Writing the bundle to the USB stick"
READING_BACK_LABEL = "Reading the bundle back from the USB stick"
_SNAPSHOT_ATTEMPTS = 5

Progress = Callable[[int, int, str], None]


class ExportCancelled(CountdeskError):
    """The operator cancelled; nothing that looks like a bundle was left on the stick."""


@dataclass(frozen=True)
class ExportReport:
    """What was written, for the screen, the CLI and the audit row."""

    path: Path
    #: Each contest's fingerprint by contest id, printed on its documents; typed back at collation.
    paper_fingerprints: dict[str, str]
    #: SHA-256 of SHA256SUMS: identifies this exact bundle, PDFs included.
    bundle_fingerprint: str
    #: The installation's signing key, as printed for comparison at collation.
    key_fingerprint: str
    files: tuple[str, ...]
    #: Documents not made, each with why ("mayor.x declaration: not declared in the app").
    documents_skipped: tuple[str, ...]
    audit_head: tuple[int, str]
    audit_chain_ok: bool
    #: The "bundle.export" audit row's id, once record_export has written it.
    audit_row_id: int | None = None
    warnings: tuple[str, ...] = ()


def export_bundle(
    session: CountSession, target_dir: Path, *, signing_key: SigningKey, generated_at: datetime, place: str = "",
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> ExportReport:
    """Write, verify and audit the bundle of `session`'s count in `target_dir` (one thread: the CLI).

    Raises BundleWriteError (stick full, read-only, removed) with nothing complete-looking left
    and the count untouched, ExportCancelled, or CountdeskError. A session open read-only gets
    its bundle, with a warning that the export could not be recorded in its audit trail.
    """
    report = write_export_bundle(
        session.location, target_dir, operator=session.operator, signing_key=signing_key,
        generated_at=generated_at, place=place, progress=progress, cancelled=cancelled,
    )
    if session.read_only:
        return replace(report, warnings=(*report.warnings, "the export is not in the count's audit trail: "
                                         "the count is open read-only here"))
    return record_export(session, report)


def write_export_bundle(
    count_path: Path | str, target_dir: Path, *, operator: str, signing_key: SigningKey, generated_at: datetime,
    place: str = "", progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> ExportReport:
    """Steps 1-3 (safe on a worker thread: it opens its own read-only connection to the count).
    Call record_export on the thread that owns the writable session afterwards."""
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise ValueError("generated_at needs a time zone (the results formats require one)")
    refuse_folder_holding_inputs(target_dir, count=count_path)
    steps = _Steps(progress, cancelled)
    steps.advance("Reading the count")
    with CountSession.open(count_path, operator, read_only=True) as reader:
        snapshot = take_snapshot(reader)
    # Nothing changed outside the app leaves signed: the figures must replay from the trail.
    require_trail_matches(count_path, "the export")
    election = snapshot.election
    name = bundle_name(election.id, election.area)
    contexts = _document_plan(snapshot, generated_at, place)
    steps.total = 4 + len(contexts)
    steps.advance("Making the results files")
    files = data_files(snapshot, generated_at, transaction_id=f"{name}-{generated_at:%Y%m%dT%H%M%S}")
    fingerprints = paper_fingerprints(snapshot.count)
    skipped = [f"{cid} declaration: not declared in the app" for cid, declared in snapshot.declared.items()
               if not declared]
    folders = report_names([c.id for c in snapshot.count.contests])
    for kind, ctx in contexts:
        steps.advance(f"Printing the {kind.phrase} for {ctx.contest.title}")
        try:
            pdf = kind.render(replace(ctx, fingerprint=fingerprints[ctx.contest.id]))
        except DocumentNotReady as error:
            skipped.append(f"{ctx.contest.id} {kind.name}: {error.message}")
            continue
        files[f"{REPORTS_FOLDER}/{folders[ctx.contest.id]}/{kind.name}.pdf"] = pdf.data
    steps.advance(WRITING_LABEL)
    final = write_bundle(Path(target_dir), name, files, signing_key)
    if steps.was_cancelled():
        _discard(final)
        raise ExportCancelled("the export was cancelled: the bundle was removed from the USB stick",
                              str(target_dir))
    steps.advance(READING_BACK_LABEL)
    bundle_fingerprint, written = _read_back(final, signing_key, fingerprints)
    steps.finish()
    return ExportReport(
        path=final, paper_fingerprints=fingerprints, bundle_fingerprint=bundle_fingerprint,
        key_fingerprint=signing_key.fingerprint, files=written, documents_skipped=tuple(skipped),
        audit_head=snapshot.audit_head,
        audit_chain_ok=snapshot.audit_verdict.ok,
        warnings=_key_change(snapshot, signing_key.fingerprint),
    )


def _key_change(snapshot: CountSnapshot, fingerprint: str) -> tuple[str, ...]:
    """The signing key's identity is under the chain: each export's row records it. A bundle
    signed by another key than this count's last one is said, so the collating officer, who pinned
    the earlier key, is told before the bundle is refused there."""
    earlier = [row.after.get("key_fingerprint") for row in snapshot.audit_rows
               if row.action == EXPORT_ACTION and isinstance(row.after, dict)]
    if earlier and earlier[-1] and earlier[-1] != fingerprint:
        return (f"this bundle is signed by key {fingerprint}, but this count's last bundle was signed by key "
                f"{earlier[-1]}: tell the collating officer, who will be asked to accept the new key",)
    return ()


def record_export(session: CountSession, report: ExportReport) -> ExportReport:
    """Step 4: the "bundle.export" audit row, after the bundle was written and read back."""
    try:
        row = session.record(
            EXPORT_ACTION, "bundle", key=report.path.name,
            after={
                "folder": str(report.path), "paper_fingerprints": dict(report.paper_fingerprints),
                "bundle_fingerprint": report.bundle_fingerprint, "key_fingerprint": report.key_fingerprint,
                "files": len(report.files), "audit_head": list(report.audit_head),
                "documents_skipped": list(report.documents_skipped),
            },
        )
    except CountdeskError as error:
        raise CountdeskError(
            f"the bundle {report.path.name} was written and checked, but the export could not be recorded "
            f"in the audit trail: {error.message}", error.where,
        ) from error
    return replace(report, audit_row_id=row.id)


def take_snapshot(session: CountSession) -> CountSnapshot:
    """Everything the bundle is made from, read so that it is one consistent state: if a writer
    committed while we read (the audit head moved), read again."""
    for _ in range(_SNAPSHOT_ATTEMPTS):
        head = session.audit_head()
        count = session.load()
        declared = {state.id: state.declared for state in session.contest_states()}
        rows = tuple(session.audit_rows())
        verdict = session.verify_audit()
        # Checked against the imports the trail records: a lost or altered instruction stops the export.
        standing = session.results.of(count)
        if session.audit_head() == head and (not rows or rows[-1].id == head[0]):
            break
    else:
        raise CountdeskError("the count kept changing while it was being read: try the export again",
                             str(session.path))
    results = tuple(s.result for s in standing)
    finalists = {s.result.contest_id: s.instructed_finalists for s in standing if s.instructed_finalists is not None}
    return CountSnapshot(count, results, declared, rows, verdict, head, finalists)


def _document_plan(
    snapshot: CountSnapshot, generated_at: datetime, place: str
) -> list[tuple[DocumentKind, DocumentContext]]:
    """The documents the bundle carries for each contest (document_registry: `bundled`): the
    declaration only for a contest the RO declared in the app; a local count of a collated poll
    also its statements for the collating officer (SI 2017/67 Sch 1 r.54 and r.56(2)), the second
    only once second preferences were counted."""
    election = snapshot.election
    plan = []
    for contest, result in zip(snapshot.count.contests, snapshot.results, strict=True):
        ctx = DocumentContext(election, contest, result, generated_at, place=place, lang=default_lang(election),
                              trail_head=snapshot.audit_head,
                              app_version=__version__)
        local = contest.counting is Counting.LOCAL
        second_count = result.final is not None and not result.elected_on_first
        for kind in documents_for(contest):
            if kind.bundled is Bundled.DECLARED and not snapshot.declared.get(contest.id):
                continue
            if kind.bundled is Bundled.LOCAL_COUNT and not local:
                continue
            if kind.stage is Stage.SECOND_COUNT and not second_count:
                continue
            plan.append((kind, ctx))
    return plan


def _read_back(final: Path, signing_key: SigningKey, fingerprints: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """The last check before "safe to remove": the folder as it now is on the stick."""
    verdict = verify_bundle(final, expected_public_key=signing_key.public_key)
    problem = "; ".join(verdict.problems)
    if verdict.ok:
        try:
            if read_bundle_data(final, verdict.files).paper_fingerprints != fingerprints:
                problem = "its count file's fingerprints differ from the ones printed on the documents"
        except CountdeskError as error:
            problem = error.message
    if problem or verdict.fingerprint is None:
        _discard(final)
        raise BundleWriteError(
            f"The bundle did not read back correctly from the USB stick ({problem}). The stick may be "
            "failing: use another one and export again.", str(final.parent),
        )
    return verdict.fingerprint, verdict.files


def _discard(final: Path) -> None:
    """Hide the folder first (one rename), then remove it: a half-removed folder never keeps its name."""
    hidden = final.with_name(f".{final.name}.discarded-{secrets.token_hex(4)}")
    try:
        os.rename(final, hidden)
    except OSError:
        hidden = final
    shutil.rmtree(hidden, ignore_errors=True)


class _Steps:
    """Progress and cancellation between steps (never inside one: each step is short)."""

    def __init__(self, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self.done = 0
        self.total = 4

    def was_cancelled(self) -> bool:
        return bool(self._cancelled and self._cancelled())

    def advance(self, label: str) -> None:
        if label != READING_BACK_LABEL and self.was_cancelled():
            raise ExportCancelled("the export was cancelled before the bundle was written: nothing was left "
                                  "on the USB stick")
        if self._progress is not None:
            self._progress(self.done, self.total, label)
        self.done += 1

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total, self.total, "Bundle written and checked")

"""What goes into an area's results bundle, and the fingerprints that bind it to paper.

Every document printed for a contest (the provisional sheet, the statements, and the declaration
where the RO declared) prints that contest's fingerprint. It cannot be the whole bundle's: the
PDFs are in the bundle, so it would have to be known before the PDFs that print it were made. It
is the fingerprint of the **count file holding the election and that contest alone** instead
(exchange/fingerprint.py `contest_fingerprint`, the one `countdesk declare` prints too): the count
file holds every figure, and everything else in the bundle is rendered from it; and another
contest added to the count later never changes what was printed for this one. The PDFs are
rendered with it, then every file, PDFs included, is listed in SHA256SUMS and signed. At
collation the officer types two groups of each contest's fingerprint from its paper, and they are
compared with the fingerprints recomputed from the bundle's count file (docs/bundle.md, "Paper
binding").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.model import Count, Election
from ..domain.result import ContestResult
from ..errors import CollationError, ValidationError
from ..exchange.countfile import dump_count_json, parse_count_bytes
from ..exchange.eml import EmlContest, to_eml_510
from ..exchange.fingerprint import contest_fingerprints
from ..exchange.fsutil import read_file_uncached, safe_name
from ..exchange.nist import to_nist
from ..exchange.result_json import results_to_dict
from ..exchange.results_csv import results_to_csv
from ..store.audit import AuditRow, AuditVerdict

#: The count file's name inside a results bundle (services/export.py writes it).
BUNDLE_COUNT_FILE = "count.json"
RESULTS_JSON = "results.json"
RESULTS_CSV = "results.csv"
RESULTS_NIST = "results-nist.json"
RESULTS_EML = "results-eml510.xml"
AUDIT_LOG = "audit-log.json"
REPORTS_FOLDER = "reports"
AUDIT_LOG_FORMAT = "countdesk-audit-log/1"


@dataclass(frozen=True)
class CountSnapshot:
    """One consistent reading of a count file: what every file of the bundle is made from."""

    count: Count
    results: tuple[ContestResult, ...]
    declared: Mapping[str, bool]
    audit_rows: tuple[AuditRow, ...]
    audit_verdict: AuditVerdict
    audit_head: tuple[int, str]
    instructed_finalists: Mapping[str, tuple[str, ...]]

    @property
    def election(self) -> Election:
        return self.count.election


def data_files(snapshot: CountSnapshot, generated_at: datetime, transaction_id: str) -> dict[str, bytes]:
    """The files of the bundle beside the PDFs and the signing files: the count and its results."""
    count = snapshot.count
    election = count.election
    rows = list(zip(count.contests, snapshot.results, strict=True))
    results_json = json.dumps(results_to_dict(snapshot.results), indent=2, ensure_ascii=False) + "\n"
    nist = to_nist(election, rows, generated_at=generated_at)
    eml = to_eml_510(election, [EmlContest(c, r) for c, r in rows], issued_at=generated_at,
                     transaction_id=transaction_id)
    return {
        BUNDLE_COUNT_FILE: (dump_count_json(count) + "\n").encode("utf-8"),
        RESULTS_JSON: results_json.encode("utf-8"),
        RESULTS_CSV: results_to_csv([(election, c, r) for c, r in rows]).encode("utf-8"),
        RESULTS_NIST: (json.dumps(nist, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        RESULTS_EML: eml,
        AUDIT_LOG: audit_log_json(snapshot).encode("utf-8"),
    }


def audit_log_json(snapshot: CountSnapshot) -> str:
    """Every audit row with the exact JSON text its hash was computed over, so anyone can recompute
    the chain (store/audit.py `row_hash`), and the verdict of the check made at export."""
    verdict = snapshot.audit_verdict
    head_id, head_hash = snapshot.audit_head
    document: dict[str, Any] = {
        "format": AUDIT_LOG_FORMAT,
        "chain": {
            "ok": verdict.ok, "rows_checked": verdict.rows_checked, "last_hash": verdict.last_hash,
            "first_bad_id": verdict.first_bad_id, "problem": verdict.problem,
        },
        "head": {"id": head_id, "hash": head_hash},
        "rows": [_audit_row_json(r) for r in snapshot.audit_rows],
    }
    if snapshot.instructed_finalists:
        document["round2_instructions"] = {cid: list(f) for cid, f in snapshot.instructed_finalists.items()}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def _audit_row_json(r: AuditRow) -> dict[str, Any]:
    """A row as hashed: `station` (a count server's) is part of the hash when present, so it is
    given when present and left out otherwise (rows of a count file hash without it)."""
    row = {"id": r.id, "at": r.at, "operator": r.operator, "action": r.action, "entity": r.entity,
           "contest_id": r.contest_id, "key": r.key, "before_json": r.before_json,
           "after_json": r.after_json, "reason": r.reason, "prev_hash": r.prev_hash, "hash": r.hash}
    if r.station is not None:
        row["station"] = r.station
    return row


def paper_fingerprints(count: Count) -> dict[str, str]:
    """The fingerprint printed on each contest's documents, by contest id (the same one
    `countdesk declare` prints), in eight groups of four."""
    return contest_fingerprints(count)


def report_names(contest_ids: list[str]) -> dict[str, str]:
    """Each contest's folder under reports/: filesystem-safe and unique ignoring case."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for contest_id in contest_ids:
        base = safe_name(contest_id)
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        names[contest_id] = name
    return names


# ------------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class BundleData:
    """A verified bundle's count, read once from the device: the bytes parsed are the bytes
    fingerprinted, so a device that answers differently the second time gains nothing."""

    #: Each contest's fingerprint, as printed on its documents, by contest id.
    paper_fingerprints: dict[str, str]
    count: Count
    count_bytes: bytes


def read_bundle_data(bundle: Path, listed: tuple[str, ...]) -> BundleData:
    """The count of a bundle that verify_bundle passed (`listed` = its files) and its contests'
    fingerprints."""
    count, data = read_bundle_count(bundle, listed)
    return BundleData(paper_fingerprints(count), count, data)


def read_bundle_count(bundle: Path, listed: tuple[str, ...]) -> tuple[Count, bytes]:
    """The count of a verified bundle and the bytes it was parsed from (no fingerprint computed)."""
    bundle = Path(bundle)
    where = str(bundle)
    if BUNDLE_COUNT_FILE not in listed:
        raise CollationError(f"bundle refused: {BUNDLE_COUNT_FILE} missing (not a countdesk area bundle)", where)
    try:
        data = read_file_uncached(bundle / BUNDLE_COUNT_FILE)
    except OSError as exc:
        raise CollationError(f"bundle refused: {BUNDLE_COUNT_FILE} unreadable ({exc.strerror or exc})", where) from exc
    try:
        count = parse_count_bytes(data, f"{bundle.name}/{BUNDLE_COUNT_FILE}")
    except ValidationError as error:
        raise CollationError(f"bundle refused: {error}", where) from error
    return count, data


def check_bundle_trail(bundle: Path, listed: tuple[str, ...], count: Count) -> None:
    """The bundle's audit log must vouch for its count file: its chain intact up to the head it
    records, and every figure of the count file replayed from its rows (services/integrity.py).
    A count edited after export, or exported from a file changed outside the app, is refused."""
    from .integrity import verify_exported_trail

    where = str(bundle)
    if AUDIT_LOG not in listed:
        raise CollationError(f"bundle refused: {AUDIT_LOG} missing: nothing vouches for its figures", where)
    try:
        document = json.loads(read_file_uncached(Path(bundle) / AUDIT_LOG))
        head = (int(document["head"]["id"]), str(document["head"]["hash"]))
        rows = [AuditRow(int(r["id"]), r["at"], r["operator"], r["action"], r["entity"], r["contest_id"], r["key"],
                         r["before_json"], r["after_json"], r["reason"], r["prev_hash"], r["hash"],
                         r.get("station"))  # a count server's rows name their station, in the hash
                for r in document["rows"]]
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise CollationError(f"bundle refused: {AUDIT_LOG} cannot be read as an audit log ({exc})", where) from exc
    verdict = verify_exported_trail(rows, head, count)
    if not verdict.ok:
        raise CollationError(f"bundle refused: its figures do not replay from its own audit log: {verdict.summary()}",
                             where)

"""What goes into an area's results bundle, and the data fingerprint that binds it to paper.

The signed paper (the provisional statement, and the declaration where the RO declared) prints a
fingerprint of the bundle. The PDFs are themselves in the bundle, so the fingerprint cannot be
that of the whole bundle: it would have to be known before the PDFs that print it were made. It
is the **data fingerprint** instead: the SHA-256 of ``DATA-SHA256SUMS``, a sha256sum listing of
every file of the bundle outside ``reports/`` (the count file, the results in every format, the
audit log). The PDFs are rendered with it, then every file, PDFs included, is listed in
SHA256SUMS and signed. At collation the officer types two groups of the fingerprint from the
paper, and they are compared with the data fingerprint recomputed from the files themselves
(docs/bundle.md, "Paper binding").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping

from ..domain.model import Count, Election
from ..domain.result import ContestResult
from ..errors import CollationError
from ..exchange.bundle import PUBLIC_KEY_FILE, SIGNATURE_FILE, safe_name, sha256sums
from ..exchange.countfile import dump_count_json
from ..exchange.eml import EmlContest, to_eml_510
from ..exchange.fingerprint import SUMS_FILE, sums_fingerprint
from ..exchange.fsutil import read_file_uncached
from ..exchange.nist import to_nist
from ..exchange.result_json import results_to_dict
from ..exchange.results_csv import results_to_csv
from ..store.audit import AuditRow, AuditVerdict
from .collation import BUNDLE_COUNT_FILE

DATA_SUMS_FILE = "DATA-SHA256SUMS"
RESULTS_JSON = "results.json"
RESULTS_CSV = "results.csv"
RESULTS_NIST = "results-nist.json"
RESULTS_EML = "results-eml510.xml"
AUDIT_LOG = "audit-log.json"
REPORTS_FOLDER = "reports"
AUDIT_LOG_FORMAT = "countdesk-audit-log/1"

#: The files outside reports/ that are not data: the bundle's own signing files and the listing.
_NOT_DATA = frozenset({SUMS_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE, DATA_SUMS_FILE})


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
    """The data files of the bundle (everything but the PDFs and the signing files)."""
    count = snapshot.count
    election = count.election
    rows = list(zip(count.contests, snapshot.results))
    results_json = json.dumps(results_to_dict(snapshot.results), indent=2, ensure_ascii=False) + "\n"
    nist = to_nist(election, [(c, r, snapshot.declared.get(c.id, False)) for c, r in rows],
                   generated_at=generated_at)
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
        "rows": [
            {"id": r.id, "at": r.at, "operator": r.operator, "action": r.action, "entity": r.entity,
             "contest_id": r.contest_id, "key": r.key, "before_json": r.before_json,
             "after_json": r.after_json, "reason": r.reason, "prev_hash": r.prev_hash, "hash": r.hash}
            for r in snapshot.audit_rows
        ],
    }
    if snapshot.instructed_finalists:
        document["round2_instructions"] = {cid: list(f) for cid, f in snapshot.instructed_finalists.items()}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def data_sums(files: Mapping[str, bytes]) -> bytes:
    """DATA-SHA256SUMS for the data files given (sha256sum format, sorted by name)."""
    return sha256sums({name: data for name, data in files.items() if is_data_file(name)})


def data_fingerprint(data_sums_bytes: bytes) -> str:
    """The fingerprint printed on the paper: SHA-256 of DATA-SHA256SUMS, eight groups of four."""
    return sums_fingerprint(data_sums_bytes)


def is_data_file(name: str) -> bool:
    return name not in _NOT_DATA and not name.startswith(f"{REPORTS_FOLDER}/")


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
    """A verified bundle's data, as read once from the device (no second read to race)."""

    fingerprint: str
    files: Mapping[str, bytes]

    @property
    def count_bytes(self) -> bytes:
        return self.files[BUNDLE_COUNT_FILE]


def read_bundle_data(bundle: Path, listed: tuple[str, ...]) -> BundleData:
    """Recompute the data fingerprint of a bundle that verify_bundle passed (`listed` = its files).

    DATA-SHA256SUMS must list exactly the data files the bundle holds, each with its true hash;
    otherwise a bundle could show the paper's fingerprint while carrying other figures.
    """
    bundle = Path(bundle)
    where = str(bundle)
    if DATA_SUMS_FILE not in listed:
        raise CollationError(f"bundle refused: {DATA_SUMS_FILE} missing (not a countdesk area bundle)", where)
    if BUNDLE_COUNT_FILE not in listed:
        raise CollationError(f"bundle refused: {BUNDLE_COUNT_FILE} missing", where)
    try:
        sums = read_file_uncached(bundle / DATA_SUMS_FILE)
        files = {name: read_file_uncached(bundle / name) for name in listed if is_data_file(name)}
    except OSError as exc:
        raise CollationError(f"bundle refused: a file could not be read ({exc.strerror or exc})", where) from exc
    if sums != sha256sums(files):
        named = _listing_names(sums)
        extra = sorted(set(files) - named)
        absent = sorted(named - set(files))
        detail = (f"it does not list {', '.join(extra)}" if extra else
                  f"it lists {', '.join(absent)}, not in the bundle" if absent else "a file's hash differs")
        raise CollationError(f"bundle refused: {DATA_SUMS_FILE} does not match the data files ({detail})", where)
    return BundleData(data_fingerprint(sums), files)


def _listing_names(sums: bytes) -> set[str]:
    names = set()
    for line in sums.decode("utf-8", errors="replace").splitlines():
        if len(line) > 66:
            names.add(line[66:])
    return names


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

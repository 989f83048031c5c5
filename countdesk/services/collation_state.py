"""The collation folder: what the collating officer has accepted so far, kept on disk.

    <folder>/collation.json        the state below (written atomically after every change)
    <folder>/areas/<area>.json     each accepted area's count file, byte for byte as in its bundle
    <folder>/round2/<contest>.json each round-2 instruction issued, as written to the stick

The count files are copied in because the USB sticks go back to their areas; each copy's SHA-256
is in the state and checked when the folder is opened, so a copy changed behind the app's back
is refused rather than collated. Plain JSON, so that a scrutineer can read it without the app.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..domain.collation import area_key  # noqa: F401 - one rule for area names, imported from here too
from ..errors import CollationError, CountdeskError
from ..exchange.fsutil import read_file_uncached, write_file_durably

STATE_FILE = "collation.json"
STATE_FORMAT = "countdesk-collation/1"
AREAS_FOLDER = "areas"
ROUND2_FOLDER = "round2"
#: The key under which an area accepted before per-contest papers keeps the one fingerprint checked.
LEGACY_PAPER = ""


@dataclass(frozen=True)
class AreaRecord:
    """One accepted area bundle."""

    area: str
    election_id: str
    count_file: str  # relative to the collation folder
    count_sha256: str
    #: The fingerprint on each contest's signed paper, by contest id, as checked at the desk. A
    #: collation saved before papers were checked per contest holds {LEGACY_PAPER: the one checked}.
    paper_fingerprints: dict[str, str]
    bundle_fingerprint: str
    key_fingerprint: str
    public_key_pem: str  # pinned at the first import: a later bundle must be signed by the same key
    source: str
    imported_at: str
    check_positions: tuple[int, ...]
    round2_contests: tuple[str, ...] = ()  # contests for which this bundle carries round-2 sheets
    #: The bundle's SHA256SUMS kept beside the copy (and `<it>.sig`), relative to the folder:
    #: checked with the pinned key on every opening (collation_evidence.py).
    signed_sums: str = ""
    #: How the collating officer confirmed the signing key's fingerprint against the area's export
    #: ("groups 2 and 5 typed", "the whole fingerprint typed"); "" for areas accepted before the check.
    key_confirmed: str = ""

    def paper_fingerprint(self, contest_id: str) -> str:
        """The fingerprint checked against the contest's paper ("" if it had none)."""
        return self.paper_fingerprints.get(contest_id, self.paper_fingerprints.get(LEGACY_PAPER, ""))


@dataclass(frozen=True)
class IssuedInstruction:
    contest_id: str
    finalists: tuple[str, ...]
    areas: tuple[str, ...]
    issued_at: str
    issued_by: str
    file: str  # relative to the collation folder


@dataclass(frozen=True)
class HistoryEntry:
    """Every acceptance, refusal and instruction, in order: the collation's own journal."""

    at: str
    event: str  # "created", "expected_areas", "officer", "area_imported", "area_replaced", "bundle_refused",
    #             "round2_issued", "document_saved"
    detail: str
    area: str | None = None


@dataclass
class CollationState:
    name: str
    election_id: str | None = None
    expected_areas: list[str] = field(default_factory=list)
    areas: list[AreaRecord] = field(default_factory=list)
    instructions: dict[str, IssuedInstruction] = field(default_factory=dict)
    history: list[HistoryEntry] = field(default_factory=list)
    #: The collating officer, who declares: printed on the collated documents ("" until named).
    officer: str = ""
    #: The collated documents are signed by the collating officer's deputy.
    officer_deputy: bool = False

    def area(self, name: str) -> AreaRecord | None:
        key = area_key(name)
        return next((record for record in self.areas if area_key(record.area) == key), None)


# ------------------------------------------------------------------------------------ on disk


def save_state(folder: Path, state: CollationState) -> None:
    document = {
        "format": STATE_FORMAT,
        "name": state.name,
        "election_id": state.election_id,
        "expected_areas": list(state.expected_areas),
        "areas": [asdict(record) for record in state.areas],
        "instructions": {cid: asdict(item) for cid, item in state.instructions.items()},
        "history": [asdict(entry) for entry in state.history],
        "officer": state.officer,
        "officer_deputy": state.officer_deputy,
    }
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    try:
        write_file_durably(Path(folder) / STATE_FILE, text.encode("utf-8"))
    except OSError as exc:
        raise CountdeskError(f"the collation could not be saved: {exc.strerror or exc}", str(folder)) from exc


def load_state(folder: Path) -> CollationState:
    path = Path(folder) / STATE_FILE
    try:
        document = json.loads(read_file_uncached(path).decode("utf-8"))
    except FileNotFoundError as exc:
        raise CountdeskError("this folder holds no collation (no collation.json)", str(folder)) from exc
    except OSError as exc:
        raise CountdeskError(f"the collation cannot be read: {exc.strerror or exc}", str(path)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CountdeskError("collation.json is damaged (not valid JSON)", str(path)) from exc
    if not isinstance(document, dict) or document.get("format") != STATE_FORMAT:
        raise CountdeskError(f'collation.json is not a "{STATE_FORMAT}" file', str(path))
    try:
        return CollationState(
            name=document["name"],
            election_id=document["election_id"],
            expected_areas=list(document["expected_areas"]),
            areas=[_area_record(item) for item in document["areas"]],
            instructions={cid: _instruction(item) for cid, item in document["instructions"].items()},
            history=[HistoryEntry(**item) for item in document["history"]],
            # A collation saved before the officer was kept names none yet.
            officer=str(document.get("officer", "")),
            officer_deputy=bool(document.get("officer_deputy", False)),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise CountdeskError(f"collation.json is damaged ({exc!r})", str(path)) from exc


def _area_record(item: dict[str, Any]) -> AreaRecord:
    item = dict(item)
    if "paper_fingerprint" in item:  # saved before each contest's paper was checked on its own
        item["paper_fingerprints"] = {LEGACY_PAPER: item.pop("paper_fingerprint")}
    return AreaRecord(**{**item, "check_positions": tuple(item["check_positions"]),
                         "round2_contests": tuple(item.get("round2_contests", ())),
                         "paper_fingerprints": {str(k): str(v) for k, v in item["paper_fingerprints"].items()}})


def _instruction(item: dict[str, Any]) -> IssuedInstruction:
    return IssuedInstruction(**{**item, "finalists": tuple(item["finalists"]), "areas": tuple(item["areas"])})


def read_area_copy(folder: Path, record: AreaRecord) -> bytes:
    """An accepted area's count file, refused if it no longer matches what was accepted."""
    path = Path(folder) / record.count_file
    try:
        data = read_file_uncached(path)
    except OSError as exc:
        raise CollationError(f"the accepted count file is missing or unreadable ({exc.strerror or exc}): "
                             "import the area's bundle again", f'area "{record.area}"') from exc
    if hashlib.sha256(data).hexdigest() != record.count_sha256:
        raise CollationError(f"the accepted count file {record.count_file} was changed after it was accepted: "
                             "import the area's bundle again", f'area "{record.area}"')
    return data


def write_copy(folder: Path, relative: str, data: bytes) -> None:
    path = Path(folder) / relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file_durably(path, data)
    except OSError as exc:
        raise CountdeskError(f"the collation could not be saved: {exc.strerror or exc}", str(path)) from exc

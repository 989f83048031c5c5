"""Figures changed outside the app: the audit trail replayed and compared with the tables.

The hash chain (store/audit.py) shows when the trail itself was altered. It cannot show a figure
changed with the sqlite3 shell and no audit row written: for that, every audit row's `after` is
applied in order to an empty count, and the count this builds must be the count the tables hold,
figure for figure. A difference is a change made outside countdesk. What this cannot catch is a
forger who rewrites the tables AND appends well-formed audit rows (re-chaining from there on):
the audit head printed on the declaration and carried in the bundle is the anchor against that.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from ..domain.model import Contest, Count
from ..errors import CountdeskError
from ..store.audit import AuditRow, AuditVerdict, audit_rows, audit_trigger_problems, verify_audit_chain, verify_rows
from ..store.database import open_database
from ..store.instructions import IMPORT_ACTION, LOST_ACTION, replayed_record, stored_instructions
from ..store.keyings import keyings
from ..store.locations import is_server_url, open_store
from ..store.records import (
    CONTEST_DETAIL_DEFAULTS,
    CONTEST_DETAIL_FIELDS,
    ELECTION_RECORD_DEFAULTS,
    accepted_difference_record,
    box_record,
    candidate_record,
    contest_details,
    election_record,
    lot_record,
    sheet_record,
    upgrade_sheet_record,
)
from ..store.repository import contest_states, load_count
from ..store.sql import CountStore
from ..store.state import RECORD_DIGEST, setting_digest
from .trail_anchor import trail_cut_problem

#: Rows that record an event but change no count data.
EVENT_ACTIONS = frozenset({
    "session.open", "ro.passphrase_set", "ro.passphrase_change", "ro.passphrase_refused",
    "contest.declare_refused", "contest.unlock_refused", "contest.accept_difference_refused", "setting.carry_over",
    "backup.restore", "backup.restore_refused", "backup.restore_without_passphrase",
    "bundle.export",
    "document.printed", "document.saved",  # services/document_events.py
    "audit.triggers_restored",  # store/state.py restore_audit_protection
    "schema.upgrade",  # store/server_upgrade.py: a server count's schema brought up to date
})
_STAGE_ACTIONS = frozenset({"contest.stage", "contest.declare", "contest.unlock"})


@dataclass
class _ContestReplay:
    details: dict[str, Any]
    stage: str
    stage_audited: bool = False
    double_entry: int = 0
    candidates: list[dict[str, Any]] = field(default_factory=list)
    boxes: list[dict[str, Any]] = field(default_factory=list)
    sheets: dict[str, dict[str, Any]] = field(default_factory=dict)
    lots: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: Sheet id -> (operator, figures) of each keying held for a second operator, in order.
    keyings: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    accepted_differences: list[dict[str, Any]] = field(default_factory=list)
    declared: dict[str, Any] | None = None
    #: The round-2 instruction the count must hold (store/instructions.py `record`), if any.
    instruction: dict[str, Any] | None = None


@dataclass(frozen=True)
class IntegrityVerdict:
    """`ok` when the chain is intact and the tables hold exactly what the trail says."""

    ok: bool
    audit: AuditVerdict
    differences: tuple[str, ...] = ()
    #: Actions this version does not know how to replay (from a newer countdesk): not checked.
    unknown_actions: tuple[str, ...] = ()
    #: The trail is shorter than, or differs from, what its newest backup remembers (trail_anchor.py).
    cut: str | None = None

    def __bool__(self) -> bool:
        return self.ok

    def summary(self) -> str:
        if self.cut:
            return f"audit log CUT: {self.cut}"
        if not self.audit.ok:
            return f"audit log ALTERED: row {self.audit.first_bad_id}: {self.audit.problem}"
        if self.differences:
            n = len(self.differences)
            return f"{n} figure{'s' if n > 1 else ''} changed outside the app: {self.differences[0]}"
        return f"audit log intact and matching the count: {self.audit.rows_checked} rows"


class OpenCount(Protocol):
    """What the check needs of an open count (count_session.CountSession is one): where it is."""

    @property
    def location(self) -> str | Path: ...


def verify_count(session: OpenCount) -> IntegrityVerdict:
    """Check the chain of the session's file, then replay it against the tables."""
    return verify_count_file(session.location)


def verify_count_file(path: str | Path) -> IntegrityVerdict:
    """The same, for a count file or server: read through a connection of its own, in one read
    transaction, so a writer confirming sheets meanwhile cannot make the trail and the tables seem
    to differ."""
    if is_server_url(path):
        store = open_store(path, read_only=True)
        try:
            with store.snapshot():
                return _verify(store)
        finally:
            store.close()
    cdb = open_database(path, read_only=True)
    try:
        with cdb.guard():
            cdb.db.execute("BEGIN")  # one snapshot for every read below
            try:
                verdict = _verify(cdb)
                cut = trail_cut_problem(cdb, Path(path))  # the newest backup remembers the trail's length
                return replace(verdict, ok=False, cut=cut) if cut else verdict
            finally:
                cdb.db.conn.rollback()
    finally:
        cdb.close()


def _verify(cdb: CountStore) -> IntegrityVerdict:
    audit = verify_audit_chain(cdb.db)
    if not audit.ok:
        return IntegrityVerdict(False, audit)  # a broken trail cannot vouch for any figure
    replay = _Replay()
    replay.apply(audit_rows(cdb.db))
    differences = audit_trigger_problems(cdb.db) + replay.compare(cdb) + replay.compare_settings(cdb)
    return IntegrityVerdict(not differences, audit, tuple(differences), tuple(sorted(replay.unknown)))


def trail_problem(path: str | Path) -> str | None:
    """Why the figures in the count file at `path` cannot be vouched for by its audit trail (the
    full check: chain, replay, settings, triggers), in one sentence; None when they can."""
    verdict = verify_count_file(path)
    return None if verdict.ok else verdict.summary()


def require_trail_matches(path: str | Path, doing: str) -> None:
    """Refuse `doing` ("the declaration", "the export") unless the figures replay from the trail:
    nothing changed outside the app is signed, printed as final, declared or exported."""
    problem = trail_problem(path)
    if problem is not None:
        raise TrailMismatchError(f"{doing} was refused: {problem}; run `countdesk audit --verify` for every "
                                 "difference, and restore the last good backup", str(path))


class TrailMismatchError(CountdeskError):
    """The count's figures are not the ones its audit trail records: nothing is signed from it."""


def verify_exported_trail(rows: Sequence[AuditRow], head: tuple[int, str], count: Count) -> IntegrityVerdict:
    """A bundle's audit log against the bundle's count file: the chain of its rows up to its head,
    then every figure replayed (stages, keyings and settings are not in a count file)."""
    audit = verify_rows(iter(rows), lambda: head)
    if not audit.ok:
        return IntegrityVerdict(False, audit)
    replay = _Replay()
    replay.apply(rows)
    differences = replay.compare_figures(count)
    return IntegrityVerdict(not differences, audit, tuple(differences), tuple(sorted(replay.unknown)))


def _stage_from_record(record: dict[str, Any]) -> str:
    """The stage store.contests.stage_from_data gives a contest added with these entries."""
    if record.get("count_sheets"):
        return "count"
    if any(box.get("verified") is not None for box in record.get("boxes", ())):
        return "verification"
    return "setup"


def _by_id(items: list[dict[str, Any]], item_id: str) -> int:
    return next(i for i, item in enumerate(items) if item["id"] == item_id)


class _Replay:
    """The count as the audit trail tells it."""

    def __init__(self) -> None:
        self.election: dict[str, Any] | None = None
        self.contests: dict[str, _ContestReplay] = {}
        self.unknown: set[str] = set()
        self.faults: list[str] = []
        #: Setting key -> SHA-256 of the record last stored (None: stored before digests were kept).
        self.settings: dict[str, str | None] = {}

    def apply(self, rows: Iterable[AuditRow]) -> None:
        for row in rows:
            try:
                self._apply(row)
            except (KeyError, IndexError, StopIteration, TypeError, ValueError, AttributeError):
                self.faults.append(f"audit row {row.id} ({row.action}) does not fit the count before it")

    def _apply(self, row: AuditRow) -> None:
        action, after, key = row.action, row.after, row.key
        if row.entity == "setting" and key is not None and not action.endswith("_refused"):
            digest = after.get(RECORD_DIGEST) if isinstance(after, dict) else None
            self.settings[key] = digest if isinstance(digest, str) else None
        if action in EVENT_ACTIONS:
            return
        if action in ("election.create", "election.update"):
            self.election = {**ELECTION_RECORD_DEFAULTS, **after}
            return
        if action in ("contest.add", "contest.import"):
            self.contests[after["id"]] = _ContestReplay(
                {"id": after["id"], **_details_of(after)}, _stage_from_record(after),
                candidates=list(after["candidates"]), boxes=list(after["boxes"]),
                sheets={s["id"]: upgrade_sheet_record(s) for s in after["count_sheets"]},
                lots={n: lot for n, lot in enumerate(after["lots"], 1)},
                accepted_differences=list(after.get("accepted_differences", ())),
                declared=after.get("declared"),
            )
            return
        if action == "contest.remove":
            del self.contests[_need(row.contest_id)]
            return
        if action not in _CONTEST_ACTIONS:
            self.unknown.add(action)
            return
        _CONTEST_ACTIONS[action](self.contests[_need(row.contest_id)], after, key, row)

    def compare_settings(self, cdb: CountStore) -> list[str]:
        """Every stored setting must be the record the trail last stored (authority: the RO passphrase)."""
        held = {key: setting_digest(json.loads(value))
                for key, value in cdb.db.execute("SELECT key, value FROM setting ORDER BY key")}
        found = [f"setting {key}: in the file, but the audit trail never records it being stored"
                 for key in held if key not in self.settings]
        for key, digest in self.settings.items():
            if digest is None:
                continue  # stored by a countdesk that kept no digest: it cannot be checked
            if key not in held:
                found.append(f"setting {key}: removed from the file outside the app")
            elif held[key] != digest:
                found.append(f"setting {key}: the record in the file is not the one the audit trail records "
                             "(replaced outside the app)")
        return found

    def compare_figures(self, count: Count, states: dict[str, Any] | None = None,
                        held: dict[str, dict[str, list[tuple[str, dict[str, Any]]]]] | None = None,
                        instructions: dict[str, dict[str, Any]] | None = None) -> list[str]:
        """The count against the replay. Without `states`, `held` and `instructions` (a bundle's
        count file holds none of them) stages, double entry, waiting keyings and round-2
        instructions are not compared."""
        found = list(self.faults)
        if self.election is None:
            found.append("election: the audit trail never records it")
        else:
            found += _field_differences("election", election_record(count.election), self.election)
        actual_ids = [c.id for c in count.contests]
        for cid in self.contests.keys() - set(actual_ids):
            found.append(f"contests[{cid}]: missing from the file, but the audit trail records it")
        for contest in count.contests:
            replay = self.contests.get(contest.id)
            if replay is None:
                found.append(f"contests[{contest.id}]: in the file, but the audit trail never added it")
                continue
            state = states[contest.id] if states is not None else None
            found += _contest_differences(
                contest, str(state.stage) if state else None, int(state.double_entry) if state else None,
                held.get(contest.id, {}) if held is not None else None, replay)
            if instructions is not None:
                found += _instruction_differences(contest.id, instructions.get(contest.id), replay.instruction)
        if not found and actual_ids != [cid for cid in self.contests if cid in actual_ids]:
            found.append("contests: their order differs from the order the audit trail records")
        return found

    def compare(self, cdb: CountStore) -> list[str]:
        held: dict[str, dict[str, list[tuple[str, dict[str, Any]]]]] = {}
        for keying in sorted(keyings(cdb), key=lambda k: k.attempt):
            held.setdefault(keying.contest_id, {}).setdefault(keying.sheet_id, []).append(
                (keying.operator, sheet_record(keying.sheet)))
        instructions = {cid: stored.record() for cid, stored in stored_instructions(cdb).items()}
        return self.compare_figures(load_count(cdb), contest_states(cdb), held, instructions)


# One function per action that changes a contest -------------------------------------------------

def _need(key: str | None) -> str:
    """The row's key or contest, which this action cannot be replayed without: a row lacking it
    does not fit the count (the KeyError is reported as such)."""
    if key is None:
        raise KeyError("the audit row names no key")
    return key


def _details_of(record: dict[str, Any]) -> dict[str, Any]:
    """The contest's own fields in an audit record; one written before a field existed stands for
    its default (the office of a contest made before m0004 comes in that upgrade's own row)."""
    return {f: record.get(f, CONTEST_DETAIL_DEFAULTS.get(f)) for f in CONTEST_DETAIL_FIELDS}


def _details(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.details.update(_details_of(after))


def _stage(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.stage, c.stage_audited = after["stage"], True
    if row.action in ("contest.declare", "contest.unlock") and "declared" in after:
        c.declared = after["declared"]  # when and by whom (rows before countdesk/2 kept only the stage)


def _accept_difference(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.accepted_differences.append(after)


def _void_acceptance(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.accepted_differences.remove(row.before)  # ValueError: a row that does not fit the count


def _double_entry(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.double_entry = int(after["double_entry"])


def _candidate_add(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    record = {k: v for k, v in after.items() if k != "position"}
    c.candidates.insert(after["position"] - 1, record)


def _candidate_update(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.candidates[_by_id(c.candidates, _need(key))] = after


def _candidate_remove(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    del c.candidates[_by_id(c.candidates, _need(key))]


def _candidate_reorder(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    by_id = {cand["id"]: cand for cand in c.candidates}
    c.candidates = [by_id[cid] for cid in after["candidates"]]


def _box_add(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.boxes.append(after)


def _box_update(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.boxes[_by_id(c.boxes, _need(key))] = after


def _box_remove(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    del c.boxes[_by_id(c.boxes, _need(key))]


def _sheet_save(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.sheets[_need(key)] = upgrade_sheet_record(after)  # a replacement keeps its place, as in the table
    c.keyings.pop(_need(key), None)  # accepting a double-entered sheet clears its keyings


def _sheet_delete(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    del c.sheets[_need(key)]


def _lot_record(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.lots[int(_need(key))] = after


def _lot_delete(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    del c.lots[int(_need(key))]


def _keying_first(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.keyings[_need(key)] = [(row.operator, upgrade_sheet_record(after))]


def _keying_disagree(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.keyings[_need(key)].append((row.operator, upgrade_sheet_record(after["sheet"])))


def _keying_discard(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    del c.keyings[_need(key)]


def _instruction(c: _ContestReplay, after: dict[str, Any], key: str | None, row: AuditRow) -> None:
    c.instruction = replayed_record(row)


_CONTEST_ACTIONS = {
    "contest.update": _details,
    **{action: _stage for action in _STAGE_ACTIONS},
    "contest.double_entry": _double_entry,
    "contest.accept_difference": _accept_difference, "contest.void_acceptance": _void_acceptance,
    "candidate.add": _candidate_add, "candidate.update": _candidate_update,
    "candidate.remove": _candidate_remove, "candidate.reorder": _candidate_reorder,
    "box.add": _box_add, "box.update": _box_update, "box.verify": _box_update, "box.remove": _box_remove,
    "sheet.save": _sheet_save, "sheet.replace": _sheet_save, "sheet.delete": _sheet_delete,
    "lot.record": _lot_record, "lot.delete": _lot_delete,
    "keying.first": _keying_first, "keying.disagree": _keying_disagree, "keying.discard": _keying_discard,
    IMPORT_ACTION: _instruction, LOST_ACTION: _instruction,
}

#: Every action the replay understands: a test checks the store and services write no other.
KNOWN_ACTIONS = frozenset(EVENT_ACTIONS | set(_CONTEST_ACTIONS) | {
    "election.create", "election.update", "contest.add", "contest.import", "contest.remove",
})


# Comparing ----------------------------------------------------------------------------------------

def _flat(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in record.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{name}."))
        else:
            flat[f"{prefix}{name}"] = value
    return flat


def _field_differences(where: str, actual: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """One line per field that differs; a figure left out of a sheet record is absent, not 0."""
    have, want = _flat(actual), _flat(expected)
    return [
        f"{where}.{name}: the file says {have.get(name, '(nothing)')!r}, "
        f"the audit trail says {want.get(name, '(nothing)')!r}"
        for name in sorted(have.keys() | want.keys()) if have.get(name) != want.get(name)
    ]


def _listed_differences(where: str, actual: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[str]:
    """Items keyed by id: those missing or added, fields that differ, then the order."""
    have, want = {item["id"]: item for item in actual}, {item["id"]: item for item in expected}
    found = [f"{where}[{i}]: missing from the file, but the audit trail records it" for i in want if i not in have]
    found += [f"{where}[{i}]: in the file, but the audit trail never records it" for i in have if i not in want]
    for item_id in have.keys() & want.keys():
        found += _field_differences(f"{where}[{item_id}]", have[item_id], want[item_id])
    if not found and list(have) != list(want):
        found.append(f"{where}: the order differs from the order the audit trail records")
    return found


def _instruction_differences(contest_id: str, held: dict[str, Any] | None,
                             expected: dict[str, Any] | None) -> list[str]:
    """The round-2 instruction the count holds against the one its trail last recorded."""
    where = f"contests[{contest_id}].round2_instruction"
    if held is None and expected is None:
        return []
    if held is None:
        return [f"{where}: missing from the file, but the audit trail records it"]
    if expected is None:
        return [f"{where}: in the file, but the audit trail never records it"]
    return _field_differences(where, held, expected)


def _contest_differences(
    contest: Contest, stage: str | None, double_entry: int | None,
    held: dict[str, list[tuple[str, dict[str, Any]]]] | None, replay: _ContestReplay,
) -> list[str]:
    """`stage`, `double_entry` and `held` None: not in the source (a bundle's count file), not compared."""
    where = f"contests[{contest.id}]"
    found = _field_differences(where, contest_details(contest), replay.details)
    lenient = not replay.stage_audited and stage == _stage_from_record(
        {"count_sheets": contest.count_sheets, "boxes": [box_record(b) for b in contest.boxes]})
    if stage is not None and stage != replay.stage and not lenient:  # an upgraded old file: inferred stage
        found.append(f"{where}.stage: the file says {stage!r}, the audit trail says {replay.stage!r}")
    if double_entry is not None and double_entry != replay.double_entry:
        found.append(f"{where}.double_entry: the file says {double_entry}, the audit trail says {replay.double_entry}")
    found += _listed_differences(f"{where}.candidates", [candidate_record(c) for c in contest.candidates],
                                 replay.candidates)
    found += _listed_differences(f"{where}.boxes", [box_record(b) for b in contest.boxes], replay.boxes)
    found += _listed_differences(f"{where}.count_sheets", [sheet_record(s) for s in contest.count_sheets],
                                 list(replay.sheets.values()))
    differences = [accepted_difference_record(d) for d in contest.accepted_differences]
    if differences != replay.accepted_differences:
        found.append(f"{where}.accepted_differences: the file holds {len(differences)} that differ from the "
                     f"{len(replay.accepted_differences)} the audit trail records")
    declared = None if contest.declared is None else {"at": contest.declared.at, "by": contest.declared.by}
    if declared != replay.declared:
        found.append(f"{where}.declared: the file says {declared!r}, the audit trail says {replay.declared!r}")
    lots = [lot_record(lot) for lot in contest.lots]
    expected_lots = [replay.lots[n] for n in sorted(replay.lots)]
    if lots != expected_lots:
        found.append(f"{where}.lots: the file holds {len(lots)} lot(s) that differ from the "
                     f"{len(expected_lots)} the audit trail records")
    if held is None:
        return found
    for sheet_id in sorted(held.keys() | replay.keyings.keys()):
        if held.get(sheet_id) != replay.keyings.get(sheet_id):
            found.append(f"{where}.keyings[{sheet_id}]: the keying(s) waiting for a second operator differ "
                         "from the audit trail's")
    return found

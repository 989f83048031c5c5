"""Double entry: a sheet counts only when two different operators key the same figures.

The first keying is held; the second, by someone else, is compared field by field. Equal: the
sheet is accepted. Different: both are kept as a disagreement that a supervisor (a third person)
settles by entering the correct sheet with a reason. Every step is in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..domain.model import REJECTED_HEADS, CountSheet
from ..errors import CountdeskError, ValidationError
from ..store import keyings as store_keyings
from ..store import sheets as store_sheets
from ..store.contests import set_contest_field
from ..store.keyings import Keying
from ..store.records import sheet_record
from ..store.repository import ContestState, Stage
from .changes import NO_CHANGE, Change, SetUpPart
from .count_core import CountCore, UseCase, contest_where, serialised
from .sheets import Sheets, sheet_where
from .validation import require_id, require_reason


class KeyingStatus(StrEnum):
    HELD = "held"                    # first keying stored, waiting for a second operator
    ACCEPTED = "accepted"            # second keying agreed: the sheet is recorded
    DISAGREEMENT = "disagreement"    # second keying differs: a supervisor must resolve it


@dataclass(frozen=True)
class FieldDifference:
    field: str                       # "votes.anderson-j", "rejected.unmarked", "papers", ...
    first: int | None
    second: int | None


@dataclass(frozen=True)
class Disagreement:
    contest_id: str
    sheet_id: str
    first_operator: str
    second_operator: str
    first: CountSheet
    second: CountSheet
    differences: tuple[FieldDifference, ...]


@dataclass(frozen=True)
class KeyingOutcome:
    status: KeyingStatus
    sheet_id: str
    disagreement: Disagreement | None = None
    #: What the keying changed: a keying held, or (accepted) the sheet recorded in the count.
    change: Change = NO_CHANGE


@dataclass(frozen=True)
class PendingKeying:
    """A sheet not yet in the count. No figures here: the second operator keys blind."""

    contest_id: str
    sheet_id: str
    first_operator: str
    first_keyed_at: str
    second_operator: str | None

    @property
    def disputed(self) -> bool:
        return self.second_operator is not None


def sheet_differences(first: CountSheet, second: CountSheet) -> tuple[FieldDifference, ...]:
    """Every field the two keyings disagree on. A rejected head left out counts 0, as in the count file."""
    found: list[FieldDifference] = []

    def compare(name: str, a: int | None, b: int | None) -> None:
        if a != b:
            found.append(FieldDifference(name, a, b))

    compare("round", first.round, second.round)
    candidates = list(first.votes) + [cid for cid in second.votes if cid not in first.votes]
    for cid in candidates:
        compare(f"votes.{cid}", first.votes.get(cid), second.votes.get(cid))
    for head in REJECTED_HEADS:
        compare(f"rejected.{head}", first.rejected.get(head, 0), second.rejected.get(head, 0))
    for name in ("papers", "rejected_in_part", "non_transferable", "second_rejected"):
        compare(name, getattr(first, name), getattr(second, name))
    return tuple(found)


def _differences_record(differences: tuple[FieldDifference, ...]) -> list[dict[str, object]]:
    return [{"field": d.field, "first": d.first, "second": d.second} for d in differences]


@serialised
class DoubleEntry(UseCase):

    def __init__(self, core: CountCore, sheets: Sheets) -> None:
        super().__init__(core)
        self._sheets = sheets  # a keying is checked as a sheet is, and the agreed one recorded as one

    def set_enabled(self, contest_id: str, enabled: bool) -> Change:
        state = self._core.open_state(contest_id)
        if not isinstance(enabled, bool):
            raise ValidationError("enabled must be true or false", f"{contest_where(contest_id)}.double_entry")
        if enabled == state.double_entry:
            return NO_CHANGE
        if not enabled and store_keyings.keyings(self._core.store, contest_id):
            raise ValidationError("sheets are waiting for a second keying: accept, resolve or discard them first",
                                  f"{contest_where(contest_id)}.double_entry")
        audit_id = self._core.write(set_contest_field, contest_id, "double_entry", int(enabled),
                                    action="contest.double_entry")
        self._core.refresh(contest_id)
        return Change(contest_id, setup=frozenset({SetUpPart.CONTEST}), audit_id=audit_id)

    def submit(self, contest_id: str, sheet: CountSheet, *, reason: str | None = None) -> KeyingOutcome:
        """Key a sheet under double entry. Replacing a recorded sheet needs a reason on the first keying."""
        state = self._core.open_state(contest_id)
        if not state.double_entry:
            raise CountdeskError(f'contest "{contest_id}" does not use double entry: record sheets with sheets.confirm',
                                 contest_where(contest_id))
        self._sheets.validate(state, sheet)
        where = sheet_where(contest_id, sheet.id)
        self._core.check_unclaimed(contest_id, "sheet", sheet.id)  # on a server: not while another station keys it
        outcome = self._submit_keying(state, sheet, reason, where)
        self._core.release_done(contest_id, "sheet", sheet.id)
        return outcome

    def _submit_keying(self, state: ContestState, sheet: CountSheet, reason: str | None, where: str) -> KeyingOutcome:
        contest_id = state.id
        held = store_keyings.keyings(self._core.store, contest_id, sheet.id)
        if not held:
            _, reason = self._sheets.replacement_reason(contest_id, sheet.id, reason)
            audit_id = self._core.write(store_keyings.hold_keying, contest_id, sheet, 1, reason=reason,
                                        action="keying.first", audit_after=sheet_record(sheet))
            return KeyingOutcome(KeyingStatus.HELD, sheet.id,
                                 change=Change(contest_id, keyings=True, audit_id=audit_id))
        if len(held) > 1:
            raise ValidationError(f"sheet {sheet.id} has a disagreement waiting for a supervisor: resolve it first",
                                  where)
        first = held[0]
        if first.operator == self._core.operator:
            raise ValidationError(
                f"sheet {sheet.id} was keyed first by {first.operator}: the second keying must be by "
                "a different operator", where,
            )
        differences = sheet_differences(first.sheet, sheet)
        if not differences:
            note = f"double entry: keyed by {first.operator} and {self._core.operator}"
            change = self._accept(contest_id, first.sheet, f"{note}; {first.reason}" if first.reason else note)
            return KeyingOutcome(KeyingStatus.ACCEPTED, sheet.id, change=change)
        audit_id = self._core.write(
            store_keyings.hold_keying, contest_id, sheet, 2, reason=None, action="keying.disagree",
            audit_after={"first_keyed_by": first.operator, "differences": _differences_record(differences),
                         "sheet": sheet_record(sheet)},
        )
        return KeyingOutcome(KeyingStatus.DISAGREEMENT, sheet.id,
                             Disagreement(contest_id, sheet.id, first.operator, self._core.operator, first.sheet,
                                          sheet, differences),
                             change=Change(contest_id, keyings=True, audit_id=audit_id))

    def resolve(self, contest_id: str, sheet: CountSheet, *, reason: str) -> Change:
        """A supervisor, who keyed neither, records the correct sheet for a disagreement."""
        state = self._core.open_state(contest_id)
        self._sheets.validate(state, sheet)
        where = sheet_where(contest_id, sheet.id)
        reason = require_reason(reason, f"{where}.reason", "say how the disagreement was settled")
        held = store_keyings.keyings(self._core.store, contest_id, sheet.id)
        if len(held) < 2:
            raise ValidationError(f"sheet {sheet.id} has no disagreement to resolve", where)
        keyed_by = [k.operator for k in held]
        if self._core.operator in keyed_by:
            raise ValidationError(
                f"{self._core.operator} keyed this sheet: a supervisor who keyed neither version must resolve it", where
            )
        return self._accept(contest_id, sheet, f"double entry resolved (keyed by {' and '.join(keyed_by)}): {reason}")

    def discard(self, contest_id: str, sheet_id: str, *, reason: str) -> Change:
        """Drop a sheet's pending keyings (keyed against the wrong sheet id, say)."""
        self._core.open_state(contest_id)
        where = sheet_where(contest_id, sheet_id)
        require_id(sheet_id, where, "sheet id")
        reason = require_reason(reason, f"{where}.reason", "say why the keying is discarded")
        held = store_keyings.keyings(self._core.store, contest_id, sheet_id)
        if not held:
            raise ValidationError(f"sheet {sheet_id} has no keying waiting", where)
        before = [{"operator": k.operator, "keyed_at": k.keyed_at, "sheet": sheet_record(k.sheet)} for k in held]
        audit_id = self._core.write(store_keyings.discard_keyings, contest_id, sheet_id, reason=reason, before=before)
        return Change(contest_id, keyings=True, audit_id=audit_id)

    def pending(self, contest_id: str | None = None) -> list[PendingKeying]:
        if contest_id is not None:
            self._core.state(contest_id)
        by_sheet: dict[tuple[str, str], list[Keying]] = {}
        for k in store_keyings.keyings(self._core.store, contest_id):
            by_sheet.setdefault((k.contest_id, k.sheet_id), []).append(k)
        pending = []
        for (cid, sid), held in by_sheet.items():
            held.sort(key=lambda k: k.attempt)
            second = held[1].operator if len(held) > 1 else None
            pending.append(PendingKeying(cid, sid, held[0].operator, held[0].keyed_at, second))
        return pending

    def disagreement(self, contest_id: str, sheet_id: str) -> Disagreement | None:
        """Both versions of a disputed sheet, for the supervisor's screen."""
        self._core.state(contest_id)
        held = sorted(store_keyings.keyings(self._core.store, contest_id, sheet_id), key=lambda k: k.attempt)
        if len(held) < 2:
            return None
        first, second = held[0], held[1]
        return Disagreement(contest_id, sheet_id, first.operator, second.operator, first.sheet, second.sheet,
                            sheet_differences(first.sheet, second.sheet))

    def _accept(self, contest_id: str, sheet: CountSheet, reason: str) -> Change:
        """Record the agreed sheet and drop its keyings, in one transaction."""
        cdb = self._core.store
        replacing = store_sheets.sheet_exists(cdb, contest_id, sheet.id)

        def write() -> None:
            with cdb.transaction():
                store_keyings.clear_keyings_rows(cdb, contest_id, sheet.id)
                store_sheets.save_sheet(cdb, self._core.actor, contest_id, sheet, reason=reason,
                                        action="sheet.replace" if replacing else "sheet.save")

        state = self._core.state(contest_id)
        moved, audit_id = self._core.write_advancing(state, Stage.COUNT, "first count sheet recorded", write)
        return Change(contest_id, sheets_changed=(sheet.id,) if replacing else (),
                      sheets_added=() if replacing else (sheet.id,), keyings=True, stage=moved, audit_id=audit_id)

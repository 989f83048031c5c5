"""The count: confirming sheets, correcting or removing them (`Sheets`); the lots the RO drew (`Lots`).

This is the hot path of a count night. Validation uses the session's in-memory contest states, and
the store touches only the sheet's own rows, so a confirmation is a few statements and one commit.
"""

from __future__ import annotations

from ..domain.model import CountSheet, Lot
from ..domain.sheet_rules import SheetSetting, sheet_problems, sheet_setting
from ..errors import CountdeskError, ValidationError
from ..store import sheets as store
from ..store.entry_figures import round_one_figures
from ..store.repository import ContestState, Stage, load_contest
from .changes import Change
from .count_core import CountCore, UseCase, contest_where, serialised
from .results import Results
from .validation import optional_reason, require_id, require_reason, validate_lot, validate_sheet


def sheet_where(contest_id: str, sheet_id: object) -> str:
    return f"{contest_where(contest_id)}.count_sheets[{sheet_id}]"


@serialised
class Sheets(UseCase):

    def __init__(self, core: CountCore, results: Results) -> None:
        super().__init__(core)
        self._results = results  # a round-2 sheet is checked against the contest's result

    def confirm(self, contest_id: str, sheet: CountSheet, *, reason: str | None = None,
                unchanged_since: int | None = None, own: tuple[int, ...] = ()) -> Change:
        """Record a sheet, or replace the one with its id (a replacement needs a reason).

        An undo's optimistic check: `unchanged_since` is the `audit_id` of the Change it takes back,
        `own` those of the caller's later writes to the sheet (undone since). If anyone else changed
        the sheet after it (another station corrected it again), the write is refused, naming who,
        rather than putting the old figures over theirs (store.sheets.ChangedSince)."""
        state = self._core.open_state(contest_id, fresh=False)  # on a server, re-checked under the write lock
        if state.double_entry:
            raise CountdeskError(
                f'contest "{contest_id}" uses double entry: submit each sheet with double_entry.submit',
                contest_where(contest_id),
            )
        self.validate(state, sheet)
        replacing, reason = self.replacement_reason(contest_id, sheet.id, reason)

        def write() -> None:
            self._core.check_unclaimed(contest_id, "sheet", sheet.id)  # under the server's write lock
            if self._core.store.shared:
                # Checked again under the write lock: two stations keying the last sheets at once
                # each saw room for theirs before either wrote, and together would pass the papers
                # verified. A file has one writer, so what was checked above still stands.
                self.validate(state, sheet)
            store.save_sheet(self._core.store, self._core.actor, contest_id, sheet, reason=reason,
                             action="sheet.replace" if replacing else "sheet.save", replacing=replacing,
                             unchanged_since=unchanged_since, own=own)
            self._core.release_done(contest_id, "sheet", sheet.id)

        moved, audit_id = self._core.write_advancing(state, Stage.COUNT, "first count sheet recorded", write,
                                                     adds_acceptances=False)
        return Change(contest_id, sheets_changed=(sheet.id,) if replacing else (),
                      sheets_added=() if replacing else (sheet.id,), stage=moved, audit_id=audit_id)

    def delete(self, contest_id: str, sheet_id: str, *, reason: str, unchanged_since: int | None = None,
               own: tuple[int, ...] = ()) -> Change:
        """Remove a sheet, with a reason; `unchanged_since` and `own` as for `confirm` (an entry undone)."""
        self._core.open_state(contest_id)
        where = sheet_where(contest_id, sheet_id)
        require_id(sheet_id, where, "sheet id")
        reason = require_reason(reason, f"{where}.reason", "say why the sheet is removed")
        self._core.check_unclaimed(contest_id, "sheet", sheet_id)  # not while another station corrects it
        audit_id = self._core.write(store.delete_sheet, contest_id, sheet_id, reason=reason,
                                     unchanged_since=unchanged_since, own=own)
        return Change(contest_id, sheets_removed=(sheet_id,), audit_id=audit_id)

    def sheet(self, contest_id: str, sheet_id: str) -> CountSheet | None:
        """One recorded sheet (None if there is none with that id)."""
        self._core.state(contest_id)
        require_id(sheet_id, sheet_where(contest_id, sheet_id), "sheet id")
        return store.read_sheet(self._core.store, contest_id, sheet_id)

    def validate(self, state: ContestState, sheet: object) -> None:
        """The sheet's form (ids, figures, keys for its round), then the rule book's figure rules
        (domain/sheet_rules.py): the first problem is refused at its field."""
        where = sheet_where(state.id, getattr(sheet, "id", "?"))
        validate_sheet(sheet, state.system, state.seats, state.candidate_ids, where)
        if not isinstance(sheet, CountSheet):  # validate_sheet refuses anything else first
            raise ValidationError("must be a count sheet", where)
        problems = sheet_problems(sheet, self.setting(state.id, sheet.round, sheet.id))
        if problems:
            raise ValidationError(problems[0].message, f"{where}.{problems[0].where}")

    def setting(self, contest_id: str, round_number: int, sheet_id: str | None = None) -> SheetSetting:
        """What a sheet of this round (a new one, or `sheet_id` being corrected) is checked against:
        the same setting for the service's refusal and the form's live checks. Round 1 reads sums
        (the hot path); round 2 counts the contest as it stands, on the finalists an area was told."""
        state = self._core.state(contest_id)
        if round_number != 2:
            figures = round_one_figures(self._core.store, contest_id, sheet_id or "")
            return SheetSetting(1, state.system, state.seats, figures.verified_total, figures.papers, figures.votes)
        return sheet_setting(load_contest(self._core.store, contest_id), self._results.result(contest_id).result, 2,
                             sheet_id)

    def replacement_reason(self, contest_id: str, sheet_id: str, reason: str | None) -> tuple[bool, str | None]:
        """Whether a sheet with this id is already recorded, and the cleaned reason (required if so)."""
        where = f"{sheet_where(contest_id, sheet_id)}.reason"
        if store.sheet_exists(self._core.store, contest_id, sheet_id):
            return True, require_reason(reason, where, f"sheet {sheet_id} is already recorded")
        return False, optional_reason(reason, where)


@serialised
class Lots(UseCase):

    def record(self, contest_id: str, lot: Lot, *, reason: str | None = None) -> Change:
        """Record a lot drawn by hand: who was tied, who won, who drew it, when, and the witnesses."""
        state = self._core.open_state(contest_id, fresh=False)  # on a server, re-checked under the write lock
        validate_lot(lot, state.candidate_ids, f"{contest_where(contest_id)}.lots", entered=True)
        reason = optional_reason(reason, "reason")
        moved, audit_id = self._core.write_advancing(state, Stage.COUNT, "lot recorded", lambda: store.add_lot(
            self._core.store, self._core.actor, contest_id, lot, reason=reason))
        return Change(contest_id, lots=True, stage=moved, audit_id=audit_id)

    def withdraw(self, contest_id: str, lot: Lot | int | tuple[str, ...], *, reason: str) -> Change:
        """Withdraw a recorded lot: given as the Lot itself, its index in the contest's `lots`,
        or its tied candidates (then the last lot recorded between exactly them)."""
        self._core.open_state(contest_id)
        where = f"{contest_where(contest_id)}.lots"
        reason = require_reason(reason, f"{where}.reason", "say why the lot is withdrawn")
        lots = load_contest(self._core.store, contest_id).lots
        index = _lot_index(lots, lot, where)
        numbers = store.lot_numbers(self._core.store, contest_id)
        audit_id = self._core.write(store.delete_lot, contest_id, numbers[index], lots[index], reason=reason)
        return Change(contest_id, lots=True, audit_id=audit_id)


def _lot_index(lots: tuple[Lot, ...], wanted: object, where: str) -> int:
    if isinstance(wanted, Lot):
        matches = [i for i, lot in enumerate(lots) if lot == wanted]
    elif type(wanted) is int:
        matches = [wanted] if 0 <= wanted < len(lots) else []
    elif isinstance(wanted, tuple) and all(isinstance(cid, str) for cid in wanted):
        matches = [i for i, lot in enumerate(lots) if set(lot.tied) == set(wanted)]
    else:
        raise ValidationError("give the lot, its index, or its tied candidates", where)
    if not matches:
        raise ValidationError(f"no such lot among the {len(lots)} recorded", where)
    return matches[-1]

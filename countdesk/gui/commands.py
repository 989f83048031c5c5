"""Undo commands: each redo and each undo calls ONE use case and applies the Change it returned.

The services write an audit row for every call, so undoing an entry appends a compensating row
and never deletes history. The open count follows what the service committed (its `Change`), never
the command's own input. The first redo runs in `run_first` (called by OpenCount.push) so a
refusal raises to the caller before the command reaches the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..domain.model import CountSheet, Lot
from ..errors import CountdeskError
from ..services.changes import NO_CHANGE, Change


class ServiceCommand(QUndoCommand):
    """One change to the count, undoable. Subclasses implement `apply` and `revert`, each calling
    one use case and returning the Change it committed."""

    def __init__(self, open_count, contest_id: str, text: str) -> None:
        super().__init__(text)
        self.open_count = open_count
        self.contest_id = contest_id
        self._skip_next_redo = False
        self._skip_next_undo = False
        self._refusal: CountdeskError | None = None

    @property
    def session(self):
        """The open count's use cases (session.sheets, .lots, .set_up, .verification, ...)."""
        return self.open_count.session

    def run_first(self) -> None:
        change = self.apply()
        self._skip_next_redo = True
        self.open_count.apply(change)

    # A refusal is kept, not raised: an exception cannot pass back through QUndoStack (PySide
    # reports it later, from whatever Python code runs next), and Qt moves the stack regardless.
    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        if self._skip_next_undo:
            self._skip_next_undo = False
            return
        self._run(self.revert)

    def _run(self, step) -> None:
        try:
            change = step()
        except CountdeskError as refusal:
            self._refusal = refusal
            return
        self.open_count.apply(change)

    def take_refusal(self) -> CountdeskError | None:
        """Why the last undo or redo through the stack wrote nothing (None: it was done)."""
        refusal, self._refusal = self._refusal, None
        return refusal

    def step_back(self, stack, undoing: bool) -> None:
        """The use case refused this undo (or redo) inside the stack, which Qt has moved past the
        command all the same: move it back without running the command, so the stack again says
        what the count holds and the same step can be tried again."""
        if undoing:
            self._skip_next_redo = True
            stack.redo()
        else:
            self._skip_next_undo = True
            stack.undo()

    def apply(self) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError


def _find_sheet(open_count, contest_id: str, sheet_id: str) -> CountSheet | None:
    for sheet in open_count.contest(contest_id).count_sheets:
        if sheet.id == sheet_id:
            return sheet
    return None


class EntryCommand(ServiceCommand):
    """A change to one sheet or box. Its undo and redo expect nobody else to have changed it since
    this command's last step (the audit sequence of that step's Change): only this stack's later
    steps on it, undone since. On a count server another station may have corrected it meanwhile,
    and its figures are not to be silently replaced (store.sheets.ChangedSince names who)."""

    #: What the command changes, as the audit trail names it ("count_sheet" or "box").
    entity = "count_sheet"

    def __init__(self, open_count, contest_id: str, key: str, text: str) -> None:
        super().__init__(open_count, contest_id, text)
        self.key = key
        self.steps: list[int] = []  # the audit sequence of each step run, in order

    def _step(self, write) -> Change:
        since = self.steps[-1] if self.steps else None
        change = write(since, self._own_steps_after(since) if since is not None else ())
        if change.audit_id is not None:
            self.steps.append(change.audit_id)
        return change

    def _own_steps_after(self, since: int) -> tuple[int, ...]:
        stack, own = self.open_count.undo_stack, []
        for i in range(stack.count()):
            other = stack.command(i)
            if isinstance(other, EntryCommand) and (other.contest_id, other.entity, other.key) == (
                    self.contest_id, self.entity, self.key):
                own += [step for step in other.steps if step > since]
        return tuple(own)


class SheetCommand(EntryCommand):
    """A change to one count sheet (EntryCommand)."""

    def __init__(self, open_count, contest_id: str, sheet_id: str, text: str) -> None:
        super().__init__(open_count, contest_id, sheet_id, text)
        self.sheet_id = sheet_id


class SaveSheetCommand(SheetCommand):
    """A count sheet entered or corrected; undo restores the previous figures or removes it."""

    def __init__(self, open_count, contest_id: str, sheet: CountSheet, reason: str | None = None) -> None:
        self.before = _find_sheet(open_count, contest_id, sheet.id)
        text = (QCoreApplication.translate("Commands", "Correct sheet {0}") if self.before is not None
                else QCoreApplication.translate("Commands", "Enter sheet {0}"))
        super().__init__(open_count, contest_id, sheet.id, text.format(sheet.id))
        self.sheet = sheet
        self.reason = reason

    def apply(self) -> Change:
        return self._step(lambda since, own: self.session.sheets.confirm(
            self.contest_id, self.sheet, reason=self.reason, unchanged_since=since, own=own))

    def revert(self) -> Change:
        session, reason = self.session, f"undo: {self.text()}"
        if self.before is None:
            return self._step(lambda since, own: session.sheets.delete(
                self.contest_id, self.sheet.id, reason=reason, unchanged_since=since, own=own))
        return self._step(lambda since, own: session.sheets.confirm(
            self.contest_id, self.before, reason=reason, unchanged_since=since, own=own))


class DeleteSheetCommand(SheetCommand):
    """A sheet removed with a reason; undo puts the same figures back."""

    def __init__(self, open_count, contest_id: str, sheet_id: str, reason: str) -> None:
        super().__init__(open_count, contest_id, sheet_id,
                         QCoreApplication.translate("Commands", "Delete sheet {0}").format(sheet_id))
        before = _find_sheet(open_count, contest_id, sheet_id)
        if before is None:
            raise KeyError(sheet_id)
        self.before = before
        self.reason = reason

    def apply(self) -> Change:
        return self._step(lambda since, own: self.session.sheets.delete(
            self.contest_id, self.before.id, reason=self.reason, unchanged_since=since, own=own))

    def revert(self) -> Change:
        return self._step(lambda since, own: self.session.sheets.confirm(
            self.contest_id, self.before, reason=f"undo: {self.text()}", unchanged_since=since, own=own))


class RecordLotCommand(ServiceCommand):
    """A lot the returning officer drew; undo withdraws it (the audit keeps both)."""

    def __init__(self, open_count, contest_id: str, lot: Lot) -> None:
        super().__init__(open_count, contest_id,
                         QCoreApplication.translate("Commands", "Record lot between {0}").format(", ".join(lot.tied)))
        self.lot = lot

    def apply(self) -> Change:
        return self.session.lots.record(self.contest_id, self.lot)

    def revert(self) -> Change:
        # By the lot itself, found in the count as it stands: a place in this window's copy could
        # name another lot once another station has recorded or withdrawn one (a count server);
        # a lot withdrawn elsewhere meanwhile is refused, not replaced by its neighbour.
        return self.session.lots.withdraw(self.contest_id, self.lot, reason=f"undo: {self.text()}")


class CompositeCommand(QUndoCommand):
    """Several service commands undone as one step (a name correction that also reorders, a list of
    boxes imported). The open count applies their Changes once, combined, not once a part: an
    import of two thousand boxes re-reads its contest once.

    If a later part is refused on the first run, the parts already done are undone, so the
    count is as it was and nothing reaches the undo stack.
    """

    def __init__(self, text: str, parts: list[ServiceCommand]) -> None:
        super().__init__(text)
        self.parts = parts
        self._skip_next_redo = False

    def run_first(self) -> None:
        change, done = NO_CHANGE, []
        try:
            for part in self.parts:
                change |= part.apply()
                done.append(part)
        except BaseException:
            for part in reversed(done):
                change |= part.revert()
            self._open_count.apply(change)
            raise
        self._skip_next_redo = True
        self._open_count.apply(change)

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            return
        change = NO_CHANGE
        for part in self.parts:
            change |= part.apply()
        self._open_count.apply(change)

    def undo(self) -> None:
        change = NO_CHANGE
        for part in reversed(self.parts):
            change |= part.revert()
        self._open_count.apply(change)

    @property
    def _open_count(self):
        return self.parts[0].open_count

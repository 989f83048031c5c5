"""The open count as the GUI sees it: the store session, the undo stack, cached results.

Widgets never talk to the store themselves. They read `count()`/`result()` and change the count
by pushing QUndoCommands (gui/commands.py), each of which calls one service method. After a
change the caches are dropped and `changed` tells every view which contest to repaint.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.model import Contest, Count, CountSheet, Lot
from ..domain.result import ContestResult
from ..domain.incremental import IncrementalTally
from ..services.counts import CountSession
from ..errors import CountdeskError
from ..services.round2_area import checked_instruction


class OpenCount(QObject):
    """The open count as the GUI sees it: the store session, the undo stack, cached results."""

    #: A contest id whose data changed; "" means the election or everything.
    changed = Signal(str)
    #: The operator at the keyboard changed (double entry, a new shift).
    operator_changed = Signal(str)
    #: An audit row that changes no figure was written (a document printed or saved, a bundle
    #: exported): the audit log shows it, and nothing is redrawn.
    audited = Signal()

    def __init__(self, session: CountSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self._count: Count | None = None
        self._results: dict[str, ContestResult] = {}
        self._live: dict[str, IncrementalTally] = {}
        #: Round-2 instructions read from their side files (checked against the audit trail), or
        #: the problem that stops the result, kept until the contest is re-read.
        self._finalists: dict[str, tuple[str, ...] | CountdeskError | None] = {}

    # -- who and how --------------------------------------------------------------------------
    @property
    def operator(self) -> str:
        """The name stamped on every audit row this session writes."""
        return self.session.operator

    def change_operator(self, name: str) -> None:
        """Hand the keyboard to someone else: the file is reopened under their name, so the audit
        trail shows one session closing and the next opening. The undo stack is kept: an undo
        after the change is stamped with the new operator's name, who is the one doing it."""
        previous = self.session.operator
        if name == previous:
            return
        path, read_only = self.session.path, self.session.read_only
        self.session.close()
        try:
            self.session = CountSession.open(path, name, read_only=read_only)
        except BaseException:
            self.session = CountSession.open(path, previous, read_only=read_only)
            raise
        self.operator_changed.emit(name)

    @property
    def read_only(self) -> bool:
        return self.closed or self.session.read_only

    def locked(self, contest_id: str | None) -> bool:
        """Nothing in this contest can change: the file is read-only, or the result is declared."""
        if self.read_only or contest_id is None:
            return True
        try:
            return self.session.contest_state(contest_id).declared
        except Exception:  # noqa: BLE001 - a contest just removed is as good as locked
            return True

    @property
    def closed(self) -> bool:
        # getattr: the result widgets' tests drive the document over a small in-memory session.
        return bool(getattr(self.session, "closed", False))

    @property
    def path(self):
        return self.session.path

    def close(self) -> None:
        """Release the file; every confirmed entry is already on disk."""
        self.undo_stack.clear()
        self.session.close()
        self.blockSignals(True)  # queued repaints still on their way find nothing to read

    # -- reading ------------------------------------------------------------------------------
    def count(self) -> Count:
        """The whole count as stored, loaded once and kept until something changes."""
        if self._count is None:
            self._count = self.session.load()
        return self._count

    def contest(self, contest_id: str) -> Contest:
        return self.count().contest(contest_id)

    def find_contest(self, contest_id: str | None) -> Contest | None:
        """The contest, or None when none is chosen or it was removed meanwhile."""
        if contest_id is None:
            return None
        try:
            return self.contest(contest_id)
        except KeyError:
            return None

    def contest_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.count().contests)

    def contest_state(self, contest_id: str):
        """The contest's stage and double-entry flag (services' ContestState)."""
        return self.session.contest_state(contest_id)

    def result(self, contest_id: str) -> ContestResult:
        """The domain tally of one contest; views render it and never recompute anything.

        Raises CountdeskError (located at the side file) when an area's round-2 instruction is
        missing or is not the one its audit trail records: views show that sentence instead."""
        cached = self._results.get(contest_id)
        if cached is None:
            count = self.count()
            live = self._live.get(contest_id)
            if live is None:
                live = self._live[contest_id] = IncrementalTally(count.election, count.contest(contest_id))
            cached = live.result(self._instructed_finalists(contest_id))
            self._results[contest_id] = cached
        return cached

    # A confirmed sheet changes its own figures only: the cached count and the running totals are
    # adjusted by that sheet (O(candidates)) instead of reloading a thousand sheets from the file.
    def sheet_saved(self, contest_id: str, sheet: CountSheet) -> None:
        self._sheet_changed(contest_id, lambda live: live.save_sheet(sheet))

    def sheet_deleted(self, contest_id: str, sheet_id: str) -> None:
        self._sheet_changed(contest_id, lambda live: live.delete_sheet(sheet_id))

    def _sheet_changed(self, contest_id: str, change) -> None:
        live = self._live.get(contest_id)
        if self._count is None or live is None:
            self.notify(contest_id)
            return
        change(live)
        contest = live.contest
        self._count = replace(
            self._count, contests=tuple(contest if c.id == contest_id else c for c in self._count.contests)
        )
        self._results.pop(contest_id, None)
        self.changed.emit(contest_id)

    def _instructed_finalists(self, contest_id: str) -> tuple[str, ...] | None:
        """At a collated SV poll an area counts round 2 for the finalists the collating officer
        named (services.round2_area), never for its own: the screen must show the same result the
        area's exports report."""
        if contest_id not in self._finalists:
            path = getattr(self.session, "path", None)  # the result widgets' in-memory test session has none
            try:
                instruction = checked_instruction(self.session, contest_id) if path is not None else None
            except CountdeskError as problem:
                self._finalists[contest_id] = problem
            else:
                self._finalists[contest_id] = instruction.finalists if instruction is not None else None
        found = self._finalists[contest_id]
        if isinstance(found, CountdeskError):
            raise found.with_traceback(None)  # the same problem each time, not a growing traceback
        return found

    # -- changing -----------------------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        """Run the command (its redo calls one service method) and keep it for undo.

        A command that the service refuses raises its CountdeskError here, before it reaches the
        stack, so a refused entry can never be "undone" (see commands.ServiceCommand).
        """
        first_run = getattr(command, "run_first", None)
        if first_run is not None:
            first_run()
        self.undo_stack.push(command)

    def notify(self, contest_id: str = "") -> None:
        """Drop the cached count and results, then tell the views what changed."""
        self._count = None
        if contest_id:
            self._results.pop(contest_id, None)
            self._live.pop(contest_id, None)
            self._finalists.pop(contest_id, None)
        else:
            self._results.clear()
            self._live.clear()
            self._finalists.clear()
        self.changed.emit(contest_id)

    def refresh(self) -> None:
        """Re-read everything from the file (another reader's view, or after an import)."""
        self.notify("")

    # Double entry: keyings are not undo commands. A held keying is discarded with a reason, and an
    # accepted sheet is corrected like any other, so every step stays a deliberate, audited act.
    def submit_keying(self, contest_id: str, sheet: CountSheet, reason: str | None = None):
        outcome = self.session.submit_keying(contest_id, sheet, reason=reason)
        self.notify(contest_id)
        return outcome

    def resolve_double_entry(self, contest_id: str, sheet: CountSheet, reason: str) -> None:
        self.session.resolve_double_entry(contest_id, sheet, reason=reason)
        self.notify(contest_id)

    def discard_keying(self, contest_id: str, sheet_id: str, reason: str) -> None:
        self.session.discard_keying(contest_id, sheet_id, reason=reason)
        self.notify(contest_id)

    def record_lot(self, contest_id: str, lot: Lot) -> None:
        from .commands import RecordLotCommand

        self.push(RecordLotCommand(self, contest_id, lot))

    def save_sheet(self, contest_id: str, sheet: CountSheet, reason: str | None = None) -> None:
        from .commands import SaveSheetCommand

        self.push(SaveSheetCommand(self, contest_id, sheet, reason))

"""The open count as the GUI sees it: the store session, the undo stack, cached results.

Widgets never write to the count themselves. They read through the small API here (`count()`,
`result()`, `contest_state()`, ...) and change the count through a use case: an undoable change is a
QUndoCommand pushed here (gui/commands.py, gui/setup_commands.py), and the few acts that cannot be
undone (declaring, reopening, accepting a difference, a second keying, a printed copy recorded) are
named methods below. Every use case returns a `Change` (services/changes.py) saying what it
committed, and `apply` is the one place that follows it: it drops exactly the cached results the
change touches and tells the views by granular signals, so a table updates the rows that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.incremental import IncrementalTally
from ..domain.model import Contest, Count, CountSheet, Lot
from ..domain.result import ContestResult
from ..errors import CountdeskError
from ..services.changes import Change, SetUpPart
from ..services.counts import CountSession
from ..services.round2_area import checked_instruction, import_round2_instruction

T = TypeVar("T")

#: Set-up parts that change the list of contests or what every contest's result depends on.
_ELECTION_WIDE = frozenset({SetUpPart.ELECTION, SetUpPart.CONTESTS})
#: Set-up parts inside one contest: its details, candidates, boxes added or removed.
_CONTEST_SETUP = frozenset({SetUpPart.CONTEST, SetUpPart.CANDIDATES, SetUpPart.BOXES})


class OpenCount(QObject):
    """The open count as the GUI sees it: the store session, the undo stack, cached results."""

    #: Something in this contest changed ("" = the election, or everything): for the views that show
    #: a whole contest (its result, its stage, the hall screen). Emitted last, after the granular ones.
    changed = Signal(str)
    #: Sheets of a contest added, changed and removed (tuples of sheet ids, in the store's order).
    sheets_changed = Signal(str, object, object, object)
    #: Boxes of a contest whose verified figure or note changed (a tuple of box ids); boxes added,
    #: removed or with new details are a set-up change (`setup_changed`).
    boxes_changed = Signal(str, object)
    #: A contest's set-up changed (details, candidates, boxes added or removed, double entry), or
    #: with "" the election's details or the list of contests: tables re-read their rows and columns.
    setup_changed = Signal(str)
    #: A contest was declared or reopened: what may be edited changed.
    declaration_changed = Signal(str)
    #: A contest moved stage (set-up, verification, count, declared).
    stage_changed = Signal(str)
    #: Double entry: a keying held, disputed, settled or discarded in this contest.
    keyings_changed = Signal(str)
    #: The operator at the keyboard changed (double entry, a new shift).
    operator_changed = Signal(str)
    #: Audit rows were written (by any change, or alone: a document printed, a bundle exported).
    audited = Signal()

    def __init__(self, session: CountSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self._count: Count | None = None
        self._results: dict[str, ContestResult] = {}
        self._live: dict[str, IncrementalTally] = {}
        #: Round-2 finalists from the instructions the count holds (checked as on import), or
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
        self.apply(Change(None, operator=True, audit_id=self.session.audit_head()[0]))

    @property
    def read_only(self) -> bool:
        return self.closed or self.session.read_only

    @property
    def shared(self) -> bool:
        """A count on a server (other stations write to it too), not a file on this computer."""
        return bool(getattr(self.session, "shared", False))

    @property
    def lock_holder(self):
        """Who has the count open for writing when it is open read-only here (None if unknown)."""
        return getattr(self.session, "lock_holder", None)

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
        # getattr: the result widgets' tests drive the open count over a small in-memory session.
        return bool(getattr(self.session, "closed", False))

    @property
    def path(self) -> Path:
        return self.session.path

    @property
    def location(self) -> str | Path:
        """Where the count is: its file, or the server count's address."""
        return self.session.location

    def close(self) -> None:
        """Release the file; every confirmed entry is already on disk."""
        self.undo_stack.clear()
        self.session.close()
        self.blockSignals(True)  # queued repaints still on their way find nothing to read

    # -- reading ------------------------------------------------------------------------------
    def count(self) -> Count:
        """The whole count as stored, loaded once and kept up to date by `apply`."""
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

    def pending_keyings(self, contest_id: str):
        """Double entry: the sheets of the contest waiting for a second keying or a supervisor."""
        return self.session.pending_keyings(contest_id)

    def disagreement(self, contest_id: str, sheet_id: str):
        """Double entry: how two keyings of a sheet differ (None when they do not)."""
        return self.session.disagreement(contest_id, sheet_id)

    def has_ro_passphrase(self) -> bool:
        return self.session.has_ro_passphrase()

    def audit_rows(self, after_id: int = 0):
        """The audit trail, oldest first (only the rows after `after_id` when given)."""
        return self.session.audit_rows(after_id=after_id)

    def audit_head(self) -> tuple[int, str]:
        """The last audit row's number and hash: what a printed paper was made from."""
        return self.session.audit_head()

    def verify_integrity(self):
        """The full check `countdesk audit --verify` makes: the audit chain, then every figure
        replayed from it (services.integrity's verdict)."""
        from ..services.integrity import verify_count

        return verify_count(self.session)

    def result(self, contest_id: str) -> ContestResult:
        """The domain tally of one contest; views render it and never recompute anything.

        Raises CountdeskError (located at the contest) when an area's round-2 instruction is
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

    # -- the one apply point ------------------------------------------------------------------
    def apply(self, change: Change) -> None:
        """Follow a committed write: drop exactly the cached results it touched, then tell the views
        what changed, the granular signals first and `changed` last. Every command, named operation
        and announcement from another station comes here with the Change its use case returned."""
        if not change:
            return
        contest_id = change.contest_id or ""
        if change.whole_count or change.setup & _ELECTION_WIDE or (change.contest_scoped and not contest_id):
            self._forget("")
            self.setup_changed.emit("")
            self.changed.emit("")
        elif contest_id:
            self._apply_to_contest(contest_id, change)
        if change.operator:
            self.operator_changed.emit(self.session.operator)
        self.audited.emit()  # every committed write is in the audit trail

    def _apply_to_contest(self, contest_id: str, change: Change) -> None:
        reread = bool(change.setup & _CONTEST_SETUP or change.boxes_changed or change.lots or change.acceptance
                      or change.declaration or (change.sheets and self._holds_acceptance(contest_id)))
        if reread or change.instruction:
            self._forget(contest_id, reread_contest=reread)
        elif change.sheets:
            self._follow_sheets(contest_id, change)
        if change.setup & _CONTEST_SETUP:
            self.setup_changed.emit(contest_id)
        if change.sheets:
            self.sheets_changed.emit(contest_id, change.sheets_added, change.sheets_changed, change.sheets_removed)
        if change.boxes_changed and SetUpPart.BOXES not in change.setup:  # added or removed: set-up
            self.boxes_changed.emit(contest_id, change.boxes_changed)
        if change.declaration:
            self.declaration_changed.emit(contest_id)
        if change.stage:
            self.stage_changed.emit(contest_id)
        if change.keyings:
            self.keyings_changed.emit(contest_id)
        if change.contest_scoped:
            self.changed.emit(contest_id)

    def _holds_acceptance(self, contest_id: str) -> bool:
        """The cached contest holds an accepted difference: a sheet changed may have voided it (the
        write removes it in the store, services/acceptance.py), so the contest is read again rather
        than followed sheet by sheet with an acceptance the count no longer holds."""
        contest = self.find_contest(contest_id) if self._count is not None else None
        return contest is not None and bool(contest.accepted_differences)

    def _follow_sheets(self, contest_id: str, change: Change) -> None:
        """Sheets changed their own figures only: the running totals and the cached contest are
        adjusted by those sheets, each read back as committed (O(candidates) a sheet), instead of
        reloading thousands of sheets from the file."""
        if self._count is None:
            self._forget(contest_id)
            return
        live = self._live.get(contest_id)
        if live is None:  # no result asked for yet: the running totals start from the cached contest
            contest = self.find_contest(contest_id)
            if contest is None:  # a contest this copy has not seen: read the count again
                self._forget("")
                return
            live = self._live[contest_id] = IncrementalTally(self._count.election, contest)
        for sheet_id in (*change.sheets_added, *change.sheets_changed):
            sheet = self.session.sheet(contest_id, sheet_id)
            if sheet is None:  # removed again since (another station): as the store has it
                live.delete_sheet(sheet_id)
            else:
                live.save_sheet(sheet)
        for sheet_id in change.sheets_removed:
            live.delete_sheet(sheet_id)
        sheets = live.contest.count_sheets
        self._count = replace(self._count, contests=tuple(
            replace(c, count_sheets=sheets) if c.id == contest_id else c for c in self._count.contests))
        self._results.pop(contest_id, None)

    def _forget(self, contest_id: str, reread_contest: bool = True) -> None:
        """Drop what is cached of one contest ("" = everything), to be read again when next asked for."""
        if not contest_id:
            self._count = None
            self._results.clear()
            self._live.clear()
            self._finalists.clear()
            return
        self._results.pop(contest_id, None)
        self._live.pop(contest_id, None)
        self._finalists.pop(contest_id, None)
        if reread_contest and self._count is not None:
            try:
                fresh = self.session.contest(contest_id)
            except (CountdeskError, KeyError):
                self._count = None  # removed meanwhile: the whole count is read again
                return
            self._count = replace(self._count, contests=tuple(
                fresh if c.id == contest_id else c for c in self._count.contests))

    def reload(self, contest_id: str = "") -> None:
        """Read the count (or one contest) again from the file: it was changed outside this app's
        use cases (a reconnection after missed announcements, a restore, a test writing directly)."""
        if contest_id:
            self.apply(Change(contest_id, setup=_CONTEST_SETUP, lots=True, stage=True, declaration=True,
                              keyings=True, instruction=True))
        else:
            self.apply(Change(None, whole_count=True))

    # -- changing: undoable use cases ---------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        """Run the command (its redo calls one use case and applies its Change) and keep it for undo.

        A command that the service refuses raises its CountdeskError here, before it reaches the
        stack, so a refused entry can never be "undone" (see commands.ServiceCommand).
        """
        first_run = getattr(command, "run_first", None)
        if first_run is not None:
            first_run()
        self.undo_stack.push(command)

    def record_lot(self, contest_id: str, lot: Lot) -> None:
        from .commands import RecordLotCommand

        self.push(RecordLotCommand(self, contest_id, lot))

    def save_sheet(self, contest_id: str, sheet: CountSheet, reason: str | None = None) -> None:
        from .commands import SaveSheetCommand

        self.push(SaveSheetCommand(self, contest_id, sheet, reason))

    # -- changing: named operations that cannot be undone --------------------------------------
    def _run(self, write: Callable[[], Change]) -> None:
        """Run one use case and apply what it committed. A refusal may itself be audited (a wrong
        passphrase is recorded before it is refused): the audit log is told, then the error raised."""
        try:
            change = write()
        except CountdeskError:
            self.audited.emit()
            raise
        self.apply(change)

    # Double entry: keyings are not undo commands. A held keying is discarded with a reason, and an
    # accepted sheet is corrected like any other, so every step stays a deliberate, audited act.
    def submit_keying(self, contest_id: str, sheet: CountSheet, reason: str | None = None):
        outcome = self.session.submit_keying(contest_id, sheet, reason=reason)
        self.apply(outcome.change)
        return outcome

    def resolve_double_entry(self, contest_id: str, sheet: CountSheet, reason: str) -> None:
        self._run(lambda: self.session.resolve_double_entry(contest_id, sheet, reason=reason))

    def discard_keying(self, contest_id: str, sheet_id: str, reason: str) -> None:
        self._run(lambda: self.session.discard_keying(contest_id, sheet_id, reason=reason))

    # The returning officer's acts, each checked against the RO passphrase by the services.
    def set_ro_passphrase(self, passphrase: str, *, current: str | None = None) -> None:
        self._run(lambda: self.session.set_ro_passphrase(passphrase, current=current))

    def declare(self, contest_id: str, passphrase: str) -> None:
        self._run(lambda: self.session.declare(contest_id, passphrase))

    def unlock(self, contest_id: str, passphrase: str, reason: str) -> None:
        self._run(lambda: self.session.unlock(contest_id, passphrase, reason=reason))

    def accept_difference(self, contest_id: str, passphrase: str, *, stage: str, counted: int, expected: int,
                          reason: str) -> None:
        self._run(lambda: self.session.accept_difference(contest_id, passphrase, stage=stage, counted=counted,
                                                         expected=expected, reason=reason))

    def import_round2_instruction(self, source: Path, reason: str | None):
        """An area's round-2 instruction from its collating officer: the contest counts round 2 for
        the finalists it names. Returns what changed (nothing for the instruction held already)."""
        change = import_round2_instruction(self.session, source, reason=reason)
        self.apply(change)
        return change

    def record(self, write: Callable[[CountSession], T]) -> T:
        """Record an event that changes no figure (a copy printed or saved, a bundle exported) with
        a services recorder given the session; returns what it returns (its audit row, its report)."""
        try:
            return write(self.session)
        finally:
            self.audited.emit()  # written, or its refusal recorded: the audit log reads what is there

    # A count on a server ------------------------------------------------------------------------
    def heartbeat(self) -> Any:
        """Tell the server this station is still here (its claims stay held)."""
        return self.session.heartbeat()

    def claim(self, contest_id: str, kind: str, key: str) -> Any:
        """Claim a box or sheet for this station (gui/claims.py); ClaimedError names who has it."""
        return self.session.claim(contest_id, kind, key)

    def release_claim(self, contest_id: str, kind: str, key: str) -> None:
        self.session.release_claim(contest_id, kind, key)

    def server_reachable(self) -> bool:
        """Whether the count's server answers again (after the connection was lost)."""
        ping = getattr(self.session._require_open(), "ping", None)
        return bool(ping is not None and ping())

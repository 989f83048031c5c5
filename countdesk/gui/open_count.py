"""The open count as the GUI sees it: the store session, the undo stack, cached results.

Widgets never write to the count themselves. They read through the small API here (`count()`,
`result()`, `contest_state()`, ...) and change the count through a use case: an undoable change is a
QUndoCommand pushed here (gui/commands.py, gui/setup_commands.py), and the few acts that cannot be
undone (declaring, reopening, accepting a difference, a second keying, a printed copy recorded) are
named methods below. Every use case returns a `Change` (services/changes.py) saying what it
committed, and `apply` is the one place that follows it: its cached copy (gui/count_cache.py) drops
or adjusts exactly what the change touched, and the views are told by granular signals, so a table
updates the rows that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.model import Contest, Count, CountSheet, Lot
from ..domain.result import ContestResult
from ..errors import CountdeskError
from ..services.changes import Change, SetUpPart
from ..services.count_session import CountSession
from .count_cache import CONTEST_SETUP, CountCache, touches_everything

T = TypeVar("T")


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
        self._cache = CountCache(session)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")

    @property
    def session(self) -> CountSession:
        """The store session: the use cases the commands and named operations below call."""
        return self._cache.session

    @session.setter
    def session(self, session: CountSession) -> None:
        self._cache.session = session

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
        return self._cache.count()

    def contest(self, contest_id: str) -> Contest:
        return self._cache.contest(contest_id)

    def find_contest(self, contest_id: str | None) -> Contest | None:
        """The contest, or None when none is chosen or it was removed meanwhile."""
        return self._cache.find_contest(contest_id)

    def result(self, contest_id: str) -> ContestResult:
        """The domain tally of one contest; views render it and never recompute anything.

        Raises CountdeskError (located at the contest) when an area's round-2 instruction is
        missing or is not the one its audit trail records: views show that sentence instead."""
        return self._cache.result(contest_id)

    def contest_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.count().contests)

    def contest_state(self, contest_id: str):
        """The contest's stage and double-entry flag (services' ContestState)."""
        return self.session.contest_state(contest_id)

    def pending_keyings(self, contest_id: str):
        """Double entry: the sheets of the contest waiting for a second keying or a supervisor."""
        return self.session.double_entry.pending(contest_id)

    def disagreement(self, contest_id: str, sheet_id: str):
        """Double entry: how two keyings of a sheet differ (None when they do not)."""
        return self.session.double_entry.disagreement(contest_id, sheet_id)

    def has_ro_passphrase(self) -> bool:
        return self.session.passphrase.is_set()

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

    # -- the one apply point ------------------------------------------------------------------
    def apply(self, change: Change) -> None:
        """Follow a committed write: drop exactly the cached results it touched, then tell the views
        what changed, the granular signals first and `changed` last. Every command, named operation
        and announcement from another station comes here with the Change its use case returned."""
        if not change:
            return
        self._cache.follow(change)
        contest_id = change.contest_id or ""
        if touches_everything(change):
            self.setup_changed.emit("")
            self.changed.emit("")
        elif contest_id:
            self._tell_contest(contest_id, change)
        if change.operator:
            self.operator_changed.emit(self.session.operator)
        self.audited.emit()  # every committed write is in the audit trail

    def _tell_contest(self, contest_id: str, change: Change) -> None:
        if change.setup & CONTEST_SETUP:
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

    def reload(self, contest_id: str = "") -> None:
        """Read the count (or one contest) again from the file: it was changed outside this app's
        use cases (a reconnection after missed announcements, a restore, a test writing directly)."""
        if contest_id:
            self.apply(Change(contest_id, setup=CONTEST_SETUP, lots=True, stage=True, declaration=True,
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
        outcome = self.session.double_entry.submit(contest_id, sheet, reason=reason)
        self.apply(outcome.change)
        return outcome

    def resolve_double_entry(self, contest_id: str, sheet: CountSheet, reason: str) -> None:
        self._run(lambda: self.session.double_entry.resolve(contest_id, sheet, reason=reason))

    def discard_keying(self, contest_id: str, sheet_id: str, reason: str) -> None:
        self._run(lambda: self.session.double_entry.discard(contest_id, sheet_id, reason=reason))

    # The returning officer's acts, each checked against the RO passphrase by the services.
    def set_ro_passphrase(self, passphrase: str, *, current: str | None = None) -> None:
        self._run(lambda: self.session.passphrase.set(passphrase, current=current))

    def declare(self, contest_id: str, passphrase: str) -> None:
        self._run(lambda: self.session.declaring.declare(contest_id, passphrase))

    def unlock(self, contest_id: str, passphrase: str, reason: str) -> None:
        self._run(lambda: self.session.declaring.unlock(contest_id, passphrase, reason=reason))

    def accept_difference(self, contest_id: str, passphrase: str, *, stage: str, counted: int, expected: int,
                          reason: str) -> None:
        self._run(lambda: self.session.acceptances.accept(contest_id, passphrase, stage=stage, counted=counted,
                                                         expected=expected, reason=reason))

    def round2_instruction(self, contest_id: str):
        """The round-2 instruction the count holds for the contest (None), checked as on import;
        raises the CountdeskError that says what is wrong with one lost or altered."""
        return self.session.results.instruction(contest_id)

    def round2_replacement_question(self, source: Path) -> str | None:
        """Why importing the instruction file `source` needs a reason, or None."""
        from ..services.round2_area import replacement_question  # with the menu's action, not at start

        return replacement_question(self.session, source)

    def read_round2_instruction(self, source: Path):
        """The instruction in the file `source`, checked against this count as its import checks it;
        raises the CountdeskError that says why it does not apply. Nothing is written."""
        from ..services.round2_area import instruction_for_this_count  # with the menu's action, not at start

        return instruction_for_this_count(self.session, source)

    def import_round2_instruction(self, source: Path, reason: str | None):
        """An area's round-2 instruction from its collating officer: the contest counts round 2 for
        the finalists it names. Returns what changed (nothing for the instruction held already)."""
        from ..services.round2_area import import_round2_instruction

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
        return self.session.claims.heartbeat()

    def claim(self, contest_id: str, kind: str, key: str) -> Any:
        """Claim a box or sheet for this station (gui/claims.py); ClaimedError names who has it."""
        return self.session.claims.take(contest_id, kind, key)

    def release_claim(self, contest_id: str, kind: str, key: str) -> None:
        self.session.claims.release(contest_id, kind, key)

    def live_feed(self):
        """Other stations' changes to this server count as the server announces them (services.live);
        raises CountdeskError for a count file (no other station) or a server that cannot be reached."""
        from ..services.live import LiveFeed  # a server count's only: not imported for a count file

        return LiveFeed(self.session)

    def server_reachable(self) -> bool:
        """Whether the count's server answers again (after the connection was lost)."""
        return self.session.shared and self.session.reachable()

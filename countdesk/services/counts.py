"""An open count file: the one object the GUI and the command line both drive (no Qt here).

`CountSession.create` / `CountSession.open` take the file's write lock, check the file and bring
its schema up to date; every method validates its input first (a refused call writes nothing),
then makes its change and the audit row in one durable transaction before returning.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from ..domain.completeness import impossible_figures
from ..domain.model import Contest, Count, Election
from ..domain.result import ContestResult
from ..domain.tally import tally_contest
from ..errors import CountdeskError, ValidationError
from ..exchange.countfile_legacy import ReadNote, contest_note_summary, inferred_contests
from ..exchange.round2 import check_round2_sheets
from ..store import audit as store_audit
from ..store.audit import Actor, AuditRow, AuditVerdict, utc_now
from ..store.claims import release as release_claims
from ..store.contests import add_contest, remove_contest, save_election
from ..store.database import COUNT_FILE_SUFFIX, CountDatabase, create_database, open_database, require_regular_file
from ..store.instructions import StoredInstruction, save_instruction, stored_instruction
from ..store.locations import Store, create_store, is_server_url, open_store
from ..store.lock import CountLock, LockHolder, acquire_lock, read_lock_holder
from ..store.repository import ContestState, load_contest, load_count, load_election
from ..store.state import SessionRecord, end_session, restore_audit_protection, sessions, start_session
from .acceptance import AcceptanceMixin
from .changes import NO_CHANGE, Change
from .claiming import ClaimsMixin
from .double_entry import DoubleEntryMixin
from .round2_area import checked_instruction
from .session_core import serialised
from .setup import SetupMixin
from .validation import optional_reason, validate_count, validate_election, validate_operator


@serialised
class CountSession(SetupMixin, DoubleEntryMixin, AcceptanceMixin, ClaimsMixin):
    """One open count file, for one operator. Close it (or use `with`) to release the lock."""

    def __init__(self, cdb: CountDatabase, actor: Actor, lock: CountLock | None) -> None:
        super().__init__(cdb, actor, lock)
        self._session_id: int | None = None
        #: The trail is shorter than its newest backup remembers (said on opening), or None.
        self.trail_warning: str | None = None
        #: For a read-only session: who holds the write lock, if anyone (shown in the title bar).
        self.lock_holder: LockHolder | None = None if lock or cdb.shared else read_lock_holder(cdb.path)

    # Opening and closing -----------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: str | Path, operator: str, election: Election, *, clock: Callable[[], str] = utc_now,
    ) -> CountSession:
        """A new count file for `election` (refuses an existing file and a name not ending .countdesk),
        or a new count in an empty server database given as a postgresql:// URL."""
        actor = Actor(validate_operator(operator), clock)
        validate_election(election)
        if is_server_url(path):
            return cls._open_shared(str(path), actor, create_store, lambda cdb, who: save_election(cdb, who, election))
        path = Path(path)
        if path.suffix != COUNT_FILE_SUFFIX:
            raise CountdeskError(f"a count file's name ends in {COUNT_FILE_SUFFIX}: {path.name}", str(path))
        if path.exists():
            raise CountdeskError(f"{path.name} already exists: open it, or choose another name", str(path))
        return cls._open_locked(path, actor, create_database, lambda cdb: save_election(cdb, actor, election))

    @classmethod
    def open(
        cls, path: str | Path, operator: str, *, read_only: bool = False, clock: Callable[[], str] = utc_now,
    ) -> CountSession:
        """An existing count file: for writing (taking the lock), or read-only (alongside a writer);
        or a count on a server (postgresql:// URL), which any number of stations write at once."""
        actor = Actor(validate_operator(operator), clock)
        if is_server_url(path):
            if read_only:
                return cls(open_store(str(path), read_only=True), actor, None)
            return cls._open_shared(str(path), actor, open_store)
        path = Path(path)
        if read_only:
            session = cls(open_database(path, read_only=True), actor, None)
        else:
            require_regular_file(path)
            session = cls._open_locked(path, actor, open_database)
        session.check_trail_length()
        return session

    def check_trail_length(self, backup_dir: Path | None = None) -> str | None:
        """The newest backup in `backup_dir` (default: the folder beside the count) remembers how
        long the trail was (trail_anchor.py): why this trail is shorter or different, or None.
        Kept in `trail_warning` (a problem found earlier is not forgotten)."""
        from .trail_anchor import trail_cut_problem  # it builds on the backups, which build on this

        if getattr(self._cdb, "shared", False):
            return None  # a count server keeps no backup files beside a count file
        with self._cdb.guard():
            problem = trail_cut_problem(self._cdb, self.path, backup_dir)
        self.trail_warning = self.trail_warning or problem
        return problem

    @classmethod
    def _open_shared(
        cls, url: str, actor: Actor, connect: Callable[[str], Store],
        prepare: Callable[[Store, Actor], None] | None = None,
    ) -> CountSession:
        """A server count: no lock file (the server serialises writes); every audit row names the
        station, the role the server authenticated this connection as."""
        cdb = connect(url)
        try:
            actor = replace(actor, station=cdb.station)
            if prepare is not None:
                prepare(cdb, actor)
            session = cls(cdb, actor, None)
            session._start()
            return session
        except BaseException:
            cdb.close()
            raise

    @classmethod
    def _open_locked(
        cls, path: Path, actor: Actor, connect: Callable[[Path], CountDatabase],
        prepare: Callable[[CountDatabase], None] | None = None,
    ) -> CountSession:
        """Take the write lock, connect, prepare the file, record the opening: a failure at any step
        lets go of whatever the earlier steps took (the lock, the connection)."""
        lock = acquire_lock(path, actor.operator)
        try:
            cdb = connect(path)
        except BaseException:
            lock.release()
            raise
        try:
            if prepare is not None:
                prepare(cdb)
            session = cls(cdb, actor, lock)
            session._start()
            return session
        except BaseException:
            cdb.close()
            lock.release()
            raise

    def _start(self) -> None:
        """Record who opened the file, and any stale lock taken over from a writer that crashed."""
        details: dict[str, object] = {}
        if self._file_lock is not None and self._file_lock.took_over is not None:
            details["took_over_stale_lock"] = self._file_lock.took_over.to_json()
        restore_audit_protection(self._cdb, self._actor)
        self._session_id = start_session(self._cdb, self._actor, socket.gethostname(), os.getpid(), details)

    def change_operator(self, operator: str) -> Change:
        """Hand the open file to another operator at the same desk (double entry needs two people).
        Their rows are stamped with the new name from now on; the hand-over is itself audited."""
        cdb = self._require_writable()
        new = validate_operator(operator)
        if new == self._actor.operator:
            return NO_CHANGE
        actor = replace(self._actor, operator=new)
        with cdb.transaction():  # one hand-over: the old session ends and the new one starts, or neither
            end_session(cdb, self._actor, self._session_id)
            session_id = start_session(cdb, actor, socket.gethostname(), os.getpid(),
                                       {"handed_over_by": self._actor.operator})
            audit_id = self._audit_end()
        self._actor, self._session_id = actor, session_id
        return Change(None, operator=True, audit_id=audit_id)

    def close(self) -> None:
        """Release everything; every confirmed write is already on disk. Safe to call twice."""
        cdb, self._cdb = self._cdb, None
        if cdb is None:
            return
        try:
            if self._session_id is not None and not cdb.read_only:
                release_claims(cdb, self._session_id)
                end_session(cdb, self._actor, self._session_id)
        finally:
            cdb.close()
            if self._file_lock is not None:
                self._file_lock.release()

    def __enter__(self) -> CountSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        """The count file; for a server count, its location (`.name` says which count on which server)."""
        return self._require_open().path

    @property
    def location(self) -> str | Path:
        """What opens this count again elsewhere (another connection, a worker thread): the file's
        path, or the server's URL as it was given."""
        return self._require_open().location

    @property
    def shared(self) -> bool:
        """On a count server, where other stations write the same count at the same time."""
        return self._require_open().shared

    # Reading -----------------------------------------------------------------------------------

    def load(self) -> Count:
        """The whole count as domain objects (one query per table)."""
        return load_count(self._require_open())

    def election(self) -> Election:
        return load_election(self._require_open())

    def contest(self, contest_id: str) -> Contest:
        self._state(contest_id)
        return load_contest(self._cdb, contest_id)

    def contest_states(self) -> list[ContestState]:
        cdb = self._require_open()
        if cdb.read_only:
            self._refresh()
        return list(self._states.values())

    def contest_state(self, contest_id: str) -> ContestState:
        return self._state(contest_id)

    def tally(self, contest_id: str) -> ContestResult:
        """The contest's result; an area of a collated SV poll counts round 2 for the finalists the
        collating officer named (round2_area checks the instruction the count holds)."""
        self._state(contest_id)
        instruction = checked_instruction(self, contest_id)
        finalists = instruction.finalists if instruction is not None else None
        return tally_contest(load_election(self._cdb), load_contest(self._cdb, contest_id), finalists)

    def sessions(self) -> list[SessionRecord]:
        return sessions(self._require_open())

    # The round-2 instruction an area received (services/round2_area.py checks and reads it) ------

    def stored_round2_instruction(self, contest_id: str) -> StoredInstruction | None:
        """The instruction the count holds for the contest, as stored (unchecked); None for a
        contest without one (or an id no contest has: the caller names the contest it asks about)."""
        return stored_instruction(self._require_open(), contest_id)

    def save_round2_instruction(
        self, contest_id: str, content: str, finalists: tuple[str, ...], source: str, *,
        audit_after: dict[str, object], reason: str | None = None,
    ) -> Change:
        """Keep the instruction (already checked) in the count with its audit row, in one
        transaction; refused for a declared contest. On a server, where another station may have
        entered a round-2 sheet since the instruction was checked, the sheets are checked again
        against its finalists under the write lock, with the declaration."""
        state = self._open_state(contest_id)

        def write() -> None:
            if self._cdb.shared:
                check_round2_sheets(load_contest(self._cdb, contest_id), finalists)
            save_instruction(self._cdb, self._actor, contest_id, content, finalists, source,
                             audit_after=audit_after, reason=reason)

        _, audit_id = self._write_advancing(state, state.stage, "", write)
        return Change(contest_id, instruction=True, audit_id=audit_id)

    # Import ------------------------------------------------------------------------------------

    def import_count(
        self, count: Count, *, reason: str = "imported", replace: bool = False, notes: Sequence[ReadNote] = (),
    ) -> Change:
        """Load a whole count (a parsed count file) in one transaction: all of it or nothing.

        A file that already holds contests is refused unless `replace`; then its contests are
        removed (each audited with everything it held) and the imported ones put in their place.
        `notes`: what the reader inferred (a `countdesk/1` file's office), kept in each contest's
        audit reason.
        """
        cdb = self._require_writable()
        validate_count(count, inferred_offices=inferred_contests(list(notes)))
        _refuse_impossible_figures(count)
        reason = optional_reason(reason, "reason") or "imported"
        existing = list(self._states.values())
        if existing and not replace:
            raise CountdeskError(
                f"the count already holds {len(existing)} contest(s) ({', '.join(s.id for s in existing)}): "
                "import again with --replace (countdesk import FILE --db COUNT --replace) to overwrite them",
                str(cdb.path),
            )
        declared = [s.id for s in existing if s.declared]
        if declared:
            raise CountdeskError(f'contest "{declared[0]}" is declared: unlock it first', f"contests[{declared[0]}]")
        try:
            with cdb.transaction():
                save_election(cdb, self._actor, count.election, reason=reason)
                for state in existing:
                    remove_contest(cdb, self._actor, state.id, reason=f"replaced by an import: {reason}")
                for index, contest in enumerate(count.contests):
                    inferred = contest_note_summary(list(notes), index)
                    add_contest(cdb, self._actor, contest, action="contest.import",
                                reason=f"{reason}; {inferred}" if inferred else reason)
                audit_id = self._audit_end()
        finally:
            self._refresh()
        return Change(None, whole_count=True, audit_id=audit_id)

    # Audit -------------------------------------------------------------------------------------

    def audit_rows(
        self, *, contest_id: str | None = None, action: str | None = None, entity: str | None = None,
        key: str | None = None, operator: str | None = None, after_id: int = 0, limit: int | None = None,
    ) -> list[AuditRow]:
        """Audit rows in order; `action` ending in "." selects a family, e.g. "sheet."."""
        cdb = self._require_open()
        with cdb.guard():
            return store_audit.audit_rows(cdb.db, contest_id=contest_id, action=action, entity=entity, key=key,
                                          operator=operator, after_id=after_id, limit=limit)

    def verify_audit(self) -> AuditVerdict:
        cdb = self._require_open()
        with cdb.snapshot():  # the rows and the recorded end, read as of one moment
            return store_audit.verify_audit_chain(cdb.db)

    def audit_head(self) -> tuple[int, str]:
        """(last row id, its hash): print it on the declaration, carry it in exports."""
        cdb = self._require_open()
        with cdb.guard():
            return store_audit.audit_head(cdb.db)


def _refuse_impossible_figures(count: Count) -> None:
    """A file whose round-2 figures cannot be (completeness.impossible_figures) is refused at the
    first of them, located in the file; a local count of a collated poll counts round 2 for the
    collating officer's finalists, which the file does not carry, so its own are not checked."""
    for index, contest in enumerate(count.contests):
        if getattr(contest, "counting", "whole") == "local":
            continue
        found = impossible_figures(tally_contest(count.election, contest).gaps)
        if found:
            raise ValidationError(found[0].message, f"contests[{index}].{found[0].where}")

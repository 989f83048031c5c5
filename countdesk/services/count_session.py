"""An open count: the one object the GUI and the command line both drive (no Qt here).

`CountSession.create` / `CountSession.open` take the file's write lock, check the file and bring
its schema up to date. The use cases are named objects over the open count's core (count_core.py):
`session.sheets`, `.lots`, `.verification`, `.set_up`, `.passphrase`, `.declaring`,
`.double_entry`, `.acceptances`, `.claims`, `.instructions`, and `session.result(contest_id)` for a contest's
result. Every write validates its input first (a refused call writes nothing), then makes its
change and the audit row in one durable transaction, and returns the `Change` it committed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.completeness import impossible_figures
from ..domain.model import Contest, Count, Election
from ..domain.result import ContestResult
from ..domain.tally import tally_contest
from ..errors import CountdeskError, ValidationError
from ..store import audit as store_audit
from ..store.audit import Actor, AuditRow, AuditVerdict, utc_now
from ..store.database import COUNT_FILE_SUFFIX, CountDatabase, create_database, open_database, require_regular_file
from ..store.locations import is_server_url, open_store
from ..store.lock import CountLock, LockHolder, acquire_lock, host_name, read_lock_holder
from ..store.repository import ContestState, load_contest, load_count, load_election
from ..store.sql import CountStore, Named
from ..store.state import SessionRecord, end_session, restore_audit_protection, sessions, start_session
from .changes import NO_CHANGE, Change
from .count_core import CountCore, serialised
from .results import Results, StandingResult
from .validation import optional_reason, validate_count, validate_election, validate_operator

if TYPE_CHECKING:  # types only: each module loads when first used (see CountSession)
    from ..exchange.countfile_legacy import ReadNote
    from ..exchange.round2 import Round2Instruction
    from ..store.server import ServerDatabase  # psycopg loads when a server is named
    from .acceptances import Acceptances
    from .claims import Claims
    from .declaring import Declaring, RoPassphrase
    from .double_entry import DoubleEntry
    from .instructions import Instructions
    from .set_up import SetUp, Verification
    from .sheets import Lots, Sheets


@serialised
class CountSession:
    """One open count, for one operator. Close it (or use `with`) to release the lock."""

    def __init__(self, cdb: CountStore, actor: Actor, lock: CountLock | None) -> None:
        self._core = core = CountCore(cdb, actor, lock)
        self._call_lock = core.call_lock
        self.results = Results(core, self._instruction_of)
        core.keep_consistent = self._keep_consistent
        #: The trail is shorter than its newest backup remembers (said on opening), or None.
        self.trail_warning: str | None = None
        #: For a read-only session: who holds the write lock, if anyone (shown in the title bar).
        self.lock_holder: LockHolder | None = None if lock or cdb.shared else read_lock_holder(cdb.location)

    @property
    def operator(self) -> str:
        return self._core.operator

    @property
    def read_only(self) -> bool:
        return self._core.read_only

    @property
    def closed(self) -> bool:
        return self._core.closed

    # The use cases ------------------------------------------------------------------------------
    # Each is made, and its module imported, the first time it is asked for: opening a count and
    # showing its result needs few of them, and each module costs start-up time. A use case holds
    # nothing but the core and the use cases it builds on, so it is made once and kept (were two
    # threads to race on the first use, either object would do the same).

    @cached_property
    def sheets(self) -> Sheets:
        """Count sheets: confirm, correct, delete, read (services/sheets.py)."""
        from .sheets import Sheets

        return Sheets(self._core, self.results)

    @cached_property
    def lots(self) -> Lots:
        """Lots drawn to break ties: record, withdraw (services/sheets.py)."""
        from .sheets import Lots

        return Lots(self._core)

    @cached_property
    def verification(self) -> Verification:
        """Boxes verified against their ballot paper accounts (services/set_up.py)."""
        from .set_up import Verification

        return Verification(self._core)

    @cached_property
    def set_up(self) -> SetUp:
        """The election, contests, candidates and boxes (services/set_up.py)."""
        from .set_up import SetUp

        return SetUp(self._core)

    @cached_property
    def passphrase(self) -> RoPassphrase:
        """The returning officer's passphrase (services/declaring.py)."""
        from .declaring import RoPassphrase

        return RoPassphrase(self._core)

    @cached_property
    def declaring(self) -> Declaring:
        """Stages, declaring and unlocking a result (services/declaring.py)."""
        from .declaring import Declaring

        return Declaring(self._core, self.passphrase, self.results)

    @cached_property
    def double_entry(self) -> DoubleEntry:
        """Keyings by two operators, their disagreements and resolution (services/double_entry.py)."""
        from .double_entry import DoubleEntry

        return DoubleEntry(self._core, self.sheets)

    @cached_property
    def acceptances(self) -> Acceptances:
        """Differences the returning officer accepts (services/acceptances.py)."""
        from .acceptances import Acceptances

        return Acceptances(self._core, self.passphrase, self.results)

    @cached_property
    def claims(self) -> Claims:
        """On a count server: what each station is working on (services/claims.py)."""
        from .claims import Claims

        return Claims(self._core)

    @cached_property
    def instructions(self) -> Instructions:
        """Round-2 instructions the count holds (services/instructions.py)."""
        from .instructions import Instructions

        return Instructions(self._core)

    def _keep_consistent(self) -> bool:
        """Run inside every write's transaction (count_core): a void acceptance stays void."""
        return self.acceptances.void_stale()

    # Opening and closing -----------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: str | Path, operator: str, election: Election, *, clock: Callable[[], str] = utc_now,
    ) -> CountSession:
        """A new count file for `election` (refuses an existing file and a name not ending .countdesk),
        or a new count in an empty server database given as a postgresql:// URL."""
        from ..store.contests import save_election  # the contests' writer: not needed to open a count

        actor = Actor(validate_operator(operator), clock)
        validate_election(election)
        if is_server_url(path):
            from ..store.server import create_server_count  # psycopg loads only when a server is named

            return cls._open_shared(str(path), actor, create_server_count,
                                    lambda cdb, who: save_election(cdb, who, election))
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
            from ..store.server import open_server_count

            return cls._open_shared(str(path), actor, open_server_count)
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

        if self._core.store.shared:
            return None  # a count server keeps no backup files beside a count file
        with self._core.store.guard():
            problem = trail_cut_problem(self._core.store, self.file_path, backup_dir)
        self.trail_warning = self.trail_warning or problem
        return problem

    @classmethod
    def _open_shared(
        cls, url: str, actor: Actor, connect: Callable[[str], ServerDatabase],
        prepare: Callable[[ServerDatabase, Actor], None] | None = None,
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
        if self._core.file_lock is not None and self._core.file_lock.took_over is not None:
            details["took_over_stale_lock"] = self._core.file_lock.took_over.to_json()
        cdb = self._core.store
        restore_audit_protection(cdb, self._core.actor)
        self._core.session_id = start_session(cdb, self._core.actor, host_name(), os.getpid(), details)

    def change_operator(self, operator: str) -> Change:
        """Hand the open file to another operator at the same desk (double entry needs two people).
        Their rows are stamped with the new name from now on; the hand-over is itself audited."""
        cdb = self._core.writable()
        new = validate_operator(operator)
        if new == self._core.actor.operator:
            return NO_CHANGE
        actor = replace(self._core.actor, operator=new)
        with cdb.transaction():  # one hand-over: the old session ends and the new one starts, or neither
            end_session(cdb, self._core.actor, self._core.live_session_id())
            session_id = start_session(cdb, actor, host_name(), os.getpid(),
                                       {"handed_over_by": self._core.actor.operator})
            audit_id = self._core.audit_end()
        self._core.actor, self._core.session_id = actor, session_id
        return Change(None, operator=True, audit_id=audit_id)

    def close(self) -> None:
        """Release everything; every confirmed write is already on disk. Safe to call twice."""
        cdb = self._core.detach()
        if cdb is None:
            return
        try:
            if self._core.session_id is not None and not cdb.read_only:
                from ..store.claims import release as release_claims

                release_claims(cdb, self._core.session_id)
                end_session(cdb, self._core.actor, self._core.live_session_id())
        finally:
            cdb.close()
            if self._core.file_lock is not None:
                self._core.file_lock.release()

    def __enter__(self) -> CountSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Named:
        """The count file; for a server count, its location (`.name` says which count on which server)."""
        return self._core.store.path

    @property
    def file_path(self) -> Path:
        """The count file, for what only a file has (backups, the trail's anchor in them); a count on a
        server has none."""
        location = self._core.store.location
        if not isinstance(location, Path):
            raise CountdeskError(f"{self.path.name} is a count on a server: it has no file here", str(location))
        return location

    @property
    def location(self) -> str | Path:
        """What opens this count again elsewhere (another connection, a worker thread): the file's
        path, or the server's URL as it was given."""
        return self._core.store.location

    @property
    def shared(self) -> bool:
        """On a count server, where other stations write the same count at the same time."""
        return self._core.store.shared

    def reachable(self) -> bool:
        """Whether the count's store answers now: a server is asked (reconnecting if the connection
        was lost); an open file always answers."""
        ping = getattr(self._core.store, "ping", None)
        return True if ping is None else bool(ping())

    def server_process(self) -> int | None:
        """On a server, this connection's server process (a listener skips the changes this session
        announced itself; it changes when the session reconnects); None for a file."""
        cdb = self._core.store
        if not cdb.shared:
            return None
        from ..store.server import ServerDatabase, backend_pid

        return backend_pid(cdb) if isinstance(cdb, ServerDatabase) else None

    # Reading -----------------------------------------------------------------------------------

    def load(self) -> Count:
        """The whole count as domain objects (one query per table)."""
        return load_count(self._core.store)

    def election(self) -> Election:
        return load_election(self._core.store)

    def contest(self, contest_id: str) -> Contest:
        self._core.state(contest_id)
        return load_contest(self._core.store, contest_id)

    def contest_states(self) -> list[ContestState]:
        return self._core.states()

    def contest_state(self, contest_id: str) -> ContestState:
        return self._core.state(contest_id)

    def result(self, contest_id: str) -> StandingResult:
        """The contest's result as it stands (`.result`), with the round-2 instruction it counts on
        where this is an area of a collated SV poll (`.instruction`, `.finalists`): what every
        screen, document, export and command shows."""
        return self.results.result(contest_id)

    def tally(self, contest_id: str) -> ContestResult:
        """The contest's result alone (`result(contest_id).result`)."""
        return self.results.result(contest_id).result

    def _instruction_of(self, contest_id: str) -> Round2Instruction | None:
        """The one way to the round-2 instruction a contest counts on: the one the count holds,
        checked (services/instructions.py)."""
        return self.instructions.checked(contest_id)

    def sessions(self) -> list[SessionRecord]:
        return sessions(self._core.store)

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
        from ..exchange.countfile_legacy import contest_note_summary, inferred_contests
        from ..store.contests import add_contest, remove_contest, save_election

        cdb = self._core.writable()
        validate_count(count, inferred_offices=inferred_contests(list(notes)))
        _refuse_impossible_figures(count)
        reason = optional_reason(reason, "reason") or "imported"
        existing = self._core.states()
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
                save_election(cdb, self._core.actor, count.election, reason=reason)
                for state in existing:
                    remove_contest(cdb, self._core.actor, state.id, reason=f"replaced by an import: {reason}")
                for index, contest in enumerate(count.contests):
                    inferred = contest_note_summary(list(notes), index)
                    add_contest(cdb, self._core.actor, contest, action="contest.import",
                                reason=f"{reason}; {inferred}" if inferred else reason)
                audit_id = self._core.audit_end()
        finally:
            self._core.refresh()
        return Change(None, whole_count=True, audit_id=audit_id)

    # Audit -------------------------------------------------------------------------------------

    def record(
        self, action: str, entity: str, *, contest_id: str | None = None, key: str | None = None,
        after: Any = None, reason: str | None = None,
    ) -> AuditRow:
        """Record an act that changes no figure (a bundle exported, a round-2 instruction received, a
        document saved): one audit row in its own durable transaction, returned."""
        return self._core.record(action, entity, contest_id=contest_id, key=key, after=after, reason=reason)

    def audit_rows(
        self, *, contest_id: str | None = None, action: str | None = None, entity: str | None = None,
        key: str | None = None, operator: str | None = None, after_id: int = 0, limit: int | None = None,
    ) -> list[AuditRow]:
        """Audit rows in order; `action` ending in "." selects a family, e.g. "sheet."."""
        cdb = self._core.store
        with cdb.guard():
            return store_audit.audit_rows(cdb.db, contest_id=contest_id, action=action, entity=entity, key=key,
                                          operator=operator, after_id=after_id, limit=limit)

    def verify_audit(self) -> AuditVerdict:
        cdb = self._core.store
        with cdb.snapshot():  # the rows and the recorded end, read as of one moment
            return store_audit.verify_audit_chain(cdb.db)

    def audit_head(self) -> tuple[int, str]:
        """(last row id, its hash): print it on the declaration, carry it in exports."""
        cdb = self._core.store
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

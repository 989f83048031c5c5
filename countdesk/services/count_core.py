"""The open count's core: its store, its operator, its contests' states, and the one way to write.

The use cases (sheets.py, set_up.py, declaring.py, double_entry.py, acceptances.py, claims.py,
results.py) are objects over one `CountCore`; `CountSession` (count_session.py) opens the count
and holds them. The states are kept in memory so that confirming a sheet validates against them
without a query; one writer per file (store.lock) is what makes that cache trustworthy.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from ..errors import CountdeskError, ValidationError
from ..store.acceptance import contests_with_acceptances
from ..store.audit import Actor, AuditRow, append_audit, audit_head
from ..store.lock import CountLock
from ..store.repository import ContestState, Stage, contest_state, contest_states
from ..store.sql import CountStore
from .validation import require_id

_STAGE_ORDER = {stage: n for n, stage in enumerate(Stage)}


def contest_where(contest_id: str) -> str:
    return f"contests[{contest_id}]"


class CountCore:
    """One open count for one operator: what every use case shares, and the guards they all apply.
    Public, so that a use case (or a service such as the export) writes through it instead of
    reaching into another object's private parts."""

    def __init__(self, cdb: CountStore, actor: Actor, lock: CountLock | None) -> None:
        self._cdb: CountStore | None = cdb
        self.actor = actor
        #: The count file's write lock (None on a server or read-only).
        self.file_lock = lock
        #: Held by every public method of the session and its use cases (see `serialised`).
        self.call_lock = threading.RLock()
        self._call_lock = self.call_lock
        #: This operator's row in the sessions table, once opened for writing.
        self.session_id: int | None = None
        self._states: dict[str, ContestState] = contest_states(cdb)
        #: Run inside every write's transaction, before and after it (the session sets it: a void
        #: acceptance stays void, acceptances.py); None: nothing to keep.
        self.keep_consistent: Callable[[], bool] | None = None

    @property
    def operator(self) -> str:
        return self.actor.operator

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def closed(self) -> bool:
        return self._cdb is None

    @property
    def store(self) -> CountStore:
        """The open store (a count file or a server count); refused once closed."""
        if self._cdb is None:
            raise CountdeskError("the count file has been closed")
        return self._cdb

    def writable(self) -> CountStore:
        """The store, refused when it is open read-only."""
        cdb = self.store
        if cdb.read_only:
            raise CountdeskError(f"{cdb.path.name} is open read-only: nothing can be changed", str(cdb.path))
        return cdb

    def detach(self) -> CountStore | None:
        """Hand over the store for closing (None if it already was): every later call is refused."""
        cdb, self._cdb = self._cdb, None
        return cdb

    def states(self) -> list[ContestState]:
        """Every contest's state, in the file's order (re-read when open read-only beside a writer)."""
        cdb = self.store
        if cdb.read_only:
            self._states = contest_states(cdb)
        return list(self._states.values())

    def state(self, contest_id: str, *, fresh: bool = True) -> ContestState:
        """The contest's state; re-read first where a writer elsewhere may have changed it (read-only
        or on a server), unless `fresh` is False: a write that re-checks it under the server's write
        lock (`write_advancing`) need not read it twice."""
        cdb = self.store
        require_id(contest_id, "contest_id", "contest id")
        if (cdb.read_only or cdb.shared) and (fresh or contest_id not in self._states):
            self._states = contest_states(cdb)  # a writer elsewhere may have changed them
        state = self._states.get(contest_id)
        if state is None:
            raise ValidationError(f'no contest "{contest_id}"', contest_where(contest_id))
        return state

    def open_state(self, contest_id: str, *, fresh: bool = True) -> ContestState:
        """A contest that may take an entry: the file is writable and the contest not declared."""
        self.writable()
        state = self.state(contest_id, fresh=fresh)
        if state.declared:
            raise CountdeskError(f'contest "{contest_id}" is declared: unlock it first', contest_where(contest_id))
        return state

    def live_session_id(self) -> int:
        """This operator's row in the sessions table: a count open for writing has one."""
        if self.session_id is None:
            raise CountdeskError("this count is open read-only: open it for writing first", str(self.store.path))
        return self.session_id

    def check_unclaimed(self, contest_id: str, kind: str, key: str) -> None:
        """On a server: refuse to write what another station's live session is working on (a file
        has one writer, so nothing to check)."""
        if self.store.shared:
            from ..store.claims import check_unclaimed  # claims are a count server's: not loaded for a file

            check_unclaimed(self.store, self.live_session_id(), contest_id, kind, key, self.actor.clock())

    def release_done(self, contest_id: str, kind: str, key: str) -> None:
        """The entry is recorded: this session's claim on it (if any) goes in the same transaction."""
        if self.store.shared and self.session_id is not None:
            from ..store.claims import release as release_claim

            release_claim(self.store, self.session_id, contest_id, kind, key)

    def refresh(self, contest_id: str | None = None) -> None:
        """Reread the states after a set-up change (one contest, or all)."""
        cdb = self.store
        if contest_id is None:
            self._states = contest_states(cdb)
            return
        state = contest_state(cdb, contest_id)
        if state is None:
            self._states.pop(contest_id, None)
        else:
            self._states[contest_id] = state  # a new contest goes last, as it does in the file

    def record(
        self, action: str, entity: str, *, contest_id: str | None = None, key: str | None = None,
        after: Any = None, reason: str | None = None,
    ) -> AuditRow:
        """Record an act that changes no figure (a bundle exported, a document saved): one audit row
        in its own durable transaction, returned. Refused for a count open read-only or closed."""
        cdb = self.writable()
        with cdb.transaction() as db:
            return append_audit(db, self.actor, action, entity, contest_id=contest_id, key=key, after=after,
                                reason=reason)

    def audit_end(self) -> int | None:
        """The last audit row's id; inside a write's transaction, the last row that write appended."""
        return audit_head(self.store.db)[0] or None

    def commit(self, write: Callable[[], object], *, several: bool = False) -> int | None:
        """Run `write` (each store call is its own durable transaction; `several`: the store calls
        it makes are one transaction together); the id of the last audit row it appended. A file
        has one writer (its lock), so the trail's end after the commit is this write's; on a server
        it is read in the write's own transaction, before any other station's next row."""
        if self.store.shared:
            with self.store.transaction():
                self._consistently(write)
                return self.audit_end()
        if several or contests_with_acceptances(self.store):
            with self.store.transaction():
                self._consistently(write)
        else:
            write()  # no savepoint around the store's own transaction: the hot path stays short
        with self.store.guard():
            return self.audit_end()

    def _consistently(self, write: Callable[[], object], *, adds_acceptances: bool = True) -> None:
        """`write`, inside the caller's transaction, with `keep_consistent` run before and after it
        (a void acceptance stays void: acceptances.py). After it only if an acceptance was there
        before, or the write may bring one (`adds_acceptances`; a sheet or a lot never does): the
        hot path on a server holds the write lock for one round trip fewer."""
        held = self.keep_consistent() if self.keep_consistent is not None else False
        write()
        if self.keep_consistent is not None and (held or adds_acceptances):
            self.keep_consistent()

    def write(self, store_write: Callable[..., object], *args: Any, **kwargs: Any) -> int | None:
        """`store_write(store, actor, *args, **kwargs)`: one store write as this operator, committed
        (see `commit`); the id of its last audit row."""
        return self.commit(lambda: store_write(self.store, self.actor, *args, **kwargs))

    def write_advancing(
        self, state: ContestState, stage: Stage, why: str, write: Callable[[], object], *,
        adds_acceptances: bool = True,
    ) -> tuple[bool, int | None]:
        """Run `write`; if it is the contest's first entry of a later stage, move the contest on to
        that stage in the same transaction (audited). Stages never move back this way. Returns
        whether the stage moved, and the id of the last audit row written."""
        if self.store.shared:
            return self._write_shared(state.id, stage, why, write, adds_acceptances)
        advance = _STAGE_ORDER[state.stage] < _STAGE_ORDER[stage]

        def write_and_advance() -> None:
            write()
            if advance:
                _record_stage(self.store, self.actor, state.id, stage, why)

        audit_id = self.commit(write_and_advance, several=advance)
        if advance:
            self.refresh(state.id)
        return advance, audit_id

    def _write_shared(
        self, contest_id: str, stage: Stage, why: str, write: Callable[[], object], adds_acceptances: bool = True,
    ) -> tuple[bool, int | None]:
        """On a server another station may have declared the contest, or moved it on, since it was
        read: read it again under the write lock, in the transaction that writes."""
        with self.store.transaction():
            fresh = contest_state(self.store, contest_id)
            if fresh is None:
                raise ValidationError(f'no contest "{contest_id}"', contest_where(contest_id))
            if fresh.declared:
                raise CountdeskError(f'contest "{contest_id}" is declared: unlock it first', contest_where(contest_id))
            seen = self._states.get(contest_id)
            if seen is not None and replace(fresh, stage=seen.stage) != seen:
                self._states[contest_id] = fresh  # checked against what another station changed
                raise ValidationError(f'contest "{contest_id}" was just changed at another station (its '
                                      "candidates, seats or double entry): check the entry again",
                                      contest_where(contest_id))
            self._consistently(write, adds_acceptances=adds_acceptances)
            advance = _STAGE_ORDER[fresh.stage] < _STAGE_ORDER[stage]
            if advance:
                _record_stage(self.store, self.actor, contest_id, stage, why)
                fresh = replace(fresh, stage=stage)
            audit_id = self.audit_end()
        # As read under the lock, with this write's stage; "moved" also when another station's
        # move had not been seen here yet, so the caller's views catch up.
        moved = advance or (seen is not None and seen.stage != fresh.stage)
        self._states[contest_id] = fresh
        return moved, audit_id


def _record_stage(cdb: CountStore, actor: Actor, contest_id: str, stage: Stage, why: str) -> None:
    """Move the contest on to `stage`, audited, inside the caller's transaction. The contests'
    writer loads with the first write that moves a stage, not with opening the count."""
    from ..store.contests import set_contest_field

    set_contest_field(cdb, actor, contest_id, "stage", str(stage), action="contest.stage", reason=why)


class UseCase:
    """A group of use cases over one open count (its store, operator and states through `core`);
    every public method holds the count's call lock (`serialised`)."""

    def __init__(self, core: CountCore) -> None:
        self._core = core
        self._call_lock = core.call_lock


_Serialised = TypeVar("_Serialised", bound=type)


def serialised(cls: _Serialised) -> _Serialised:
    """Make every public method hold the open count's call lock (the class has a `_call_lock`, the
    core's): a session opened on a worker thread can be used from the GUI thread, and two threads'
    calls never interleave inside one use case."""
    for name in dir(cls):
        member = inspect.getattr_static(cls, name)
        if name.startswith("_") or not inspect.isfunction(member) or getattr(member, "_serialised", False):
            continue  # private helpers, properties, classmethods (create/open) stay as they are
        setattr(cls, name, _locked(member))
    return cls


def _locked(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        with self._call_lock:
            return method(self, *args, **kwargs)

    call._serialised = True  # type: ignore[attr-defined]
    return call


serialised(CountCore)  # what other services call on the core (record) holds the lock too

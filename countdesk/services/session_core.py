"""What every part of a count session shares: the open file, the operator, the contests' states.

The states are kept in memory so that confirming a sheet validates against them without a query;
one writer per file (store.lock) is what makes that cache trustworthy.
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
from ..store.audit import Actor, audit_head
from ..store.claims import check_unclaimed
from ..store.claims import release as release_claim
from ..store.contests import set_contest_field
from ..store.database import CountDatabase
from ..store.lock import CountLock
from ..store.repository import ContestState, Stage, contest_state, contest_states
from .validation import require_id

_STAGE_ORDER = {stage: n for n, stage in enumerate(Stage)}


def contest_where(contest_id: str) -> str:
    return f"contests[{contest_id}]"


class SessionCore:
    """Shared state and guards; the use cases live in the mixins that CountSession combines."""

    def __init__(self, cdb: CountDatabase, actor: Actor, lock: CountLock | None) -> None:
        self._cdb: CountDatabase | None = cdb
        self._actor = actor
        self._file_lock = lock
        self._call_lock = threading.RLock()
        self._states: dict[str, ContestState] = contest_states(cdb)

    @property
    def operator(self) -> str:
        return self._actor.operator

    @property
    def read_only(self) -> bool:
        return self._require_open().read_only

    @property
    def closed(self) -> bool:
        return self._cdb is None

    def _require_open(self) -> CountDatabase:
        if self._cdb is None:
            raise CountdeskError("the count file has been closed")
        return self._cdb

    def _require_writable(self) -> CountDatabase:
        cdb = self._require_open()
        if cdb.read_only:
            raise CountdeskError(f"{cdb.path.name} is open read-only: nothing can be changed", str(cdb.path))
        return cdb

    def _state(self, contest_id: str, *, fresh: bool = True) -> ContestState:
        """The contest's state; re-read first where a writer elsewhere may have changed it (read-only
        or on a server), unless `fresh` is False: a write that re-checks it under the server's write
        lock (`_write_shared`) need not read it twice."""
        self._require_open()
        require_id(contest_id, "contest_id", "contest id")
        if (self._cdb.read_only or self._cdb.shared) and (fresh or contest_id not in self._states):
            self._states = contest_states(self._cdb)  # a writer elsewhere may have changed them
        state = self._states.get(contest_id)
        if state is None:
            raise ValidationError(f'no contest "{contest_id}"', contest_where(contest_id))
        return state

    def _open_state(self, contest_id: str, *, fresh: bool = True) -> ContestState:
        """A contest that may take an entry: the file is writable and the contest not declared."""
        self._require_writable()
        state = self._state(contest_id, fresh=fresh)
        if state.declared:
            raise CountdeskError(f'contest "{contest_id}" is declared: unlock it first', contest_where(contest_id))
        return state

    def _check_unclaimed(self, contest_id: str, kind: str, key: str) -> None:
        """On a server: refuse to write what another station's live session is working on (a file
        has one writer, so nothing to check)."""
        if self._cdb.shared:
            check_unclaimed(self._cdb, getattr(self, "_session_id", None), contest_id, kind, key, self._actor.clock())

    def _release_done(self, contest_id: str, kind: str, key: str) -> None:
        """The entry is recorded: this session's claim on it (if any) goes in the same transaction."""
        if self._cdb.shared and getattr(self, "_session_id", None) is not None:
            release_claim(self._cdb, self._session_id, contest_id, kind, key)

    def _refresh(self, contest_id: str | None = None) -> None:
        """Reread the states after a set-up change (one contest, or all)."""
        cdb = self._require_open()
        if contest_id is None:
            self._states = contest_states(cdb)
            return
        state = contest_state(cdb, contest_id)
        if state is None:
            self._states.pop(contest_id, None)
        else:
            self._states[contest_id] = state  # a new contest goes last, as it does in the file

    def _audit_end(self) -> int | None:
        """The last audit row's id; inside a write's transaction, the last row that write appended."""
        return audit_head(self._cdb.db)[0] or None

    def _commit(self, write: Callable[[], object], *, several: bool = False) -> int | None:
        """Run `write` (each store call is its own durable transaction; `several`: the store calls
        it makes are one transaction together); the id of the last audit row it appended. A file
        has one writer (its lock), so the trail's end after the commit is this write's; on a server
        it is read in the write's own transaction, before any other station's next row."""
        if self._cdb.shared:
            with self._cdb.transaction():
                self._keep_void_acceptances_void(write)
                return self._audit_end()
        if several or contests_with_acceptances(self._cdb):
            with self._cdb.transaction():
                self._keep_void_acceptances_void(write)
        else:
            write()  # no savepoint around the store's own transaction: the hot path stays short
        with self._cdb.guard():
            return self._audit_end()

    def _keep_void_acceptances_void(self, write: Callable[[], object]) -> None:
        """`write`, inside the caller's transaction, with every accepted difference that no longer
        stands removed (audited) before and after it: a void acceptance stays void (acceptance.py)."""
        from .acceptance import void_stale_acceptances  # acceptance builds on this module

        void_stale_acceptances(self)
        write()
        void_stale_acceptances(self)

    def _write_advancing(
        self, state: ContestState, stage: Stage, why: str, write: Callable[[], object],
    ) -> tuple[bool, int | None]:
        """Run `write`; if it is the contest's first entry of a later stage, move the contest on to
        that stage in the same transaction (audited). Stages never move back this way. Returns
        whether the stage moved, and the id of the last audit row written."""
        if self._cdb.shared:
            return self._write_shared(state.id, stage, why, write)
        advance = _STAGE_ORDER[state.stage] < _STAGE_ORDER[stage]

        def write_and_advance() -> None:
            write()
            if advance:
                set_contest_field(self._cdb, self._actor, state.id, "stage", str(stage), action="contest.stage",
                                  reason=why)

        audit_id = self._commit(write_and_advance, several=advance)
        if advance:
            self._refresh(state.id)
        return advance, audit_id

    def _write_shared(
        self, contest_id: str, stage: Stage, why: str, write: Callable[[], object],
    ) -> tuple[bool, int | None]:
        """On a server another station may have declared the contest, or moved it on, since it was
        read: read it again under the write lock, in the transaction that writes."""
        with self._cdb.transaction():
            fresh = contest_state(self._cdb, contest_id)
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
            self._keep_void_acceptances_void(write)
            advance = _STAGE_ORDER[fresh.stage] < _STAGE_ORDER[stage]
            if advance:
                set_contest_field(self._cdb, self._actor, contest_id, "stage", str(stage), action="contest.stage",
                                  reason=why)
                fresh = replace(fresh, stage=stage)
            audit_id = self._audit_end()
        # As read under the lock, with this write's stage; "moved" also when another station's
        # move had not been seen here yet, so the caller's views catch up.
        moved = advance or (seen is not None and seen.stage != fresh.stage)
        self._states[contest_id] = fresh
        return moved, audit_id


_Session = TypeVar("_Session", bound=type)


def serialised(cls: _Session) -> _Session:
    """Make every public method hold the session's lock: a session opened on a worker thread can be
    used from the GUI thread, and two threads' calls never interleave inside one use case."""
    for name in dir(cls):
        member = inspect.getattr_static(cls, name)
        if name.startswith("_") or not inspect.isfunction(member) or getattr(member, "_serialised", False):
            continue  # private helpers, properties, classmethods (create/open) stay as they are
        setattr(cls, name, _locked(member))
    return cls


def _locked(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(self: SessionCore, *args: Any, **kwargs: Any) -> Any:
        with self._call_lock:
            return method(self, *args, **kwargs)

    call._serialised = True  # type: ignore[attr-defined]
    return call

"""Live changes on a count server: what other stations confirmed, as it commits.

The server announces every audit row it commits (store/server.py, LISTEN/NOTIFY): which contest,
which row, which station and operator. A station reads just that row again (one sheet, not the
count) and its screens move on. Its own writes are skipped: it already applied them.
"""

from __future__ import annotations

import time

from ..domain.model import CountSheet
from ..errors import CountdeskError
from ..store.server import Change
from .count_session import CountSession


class LiveFeed:
    """The changes other stations make to `session`'s server count."""

    def __init__(self, session: CountSession) -> None:
        if not session.shared:
            raise CountdeskError("only a count on a server has other stations to follow")
        from ..store.server import ChangeListener

        self._session = session
        self._listener = ChangeListener(str(session.location))

    def fileno(self) -> int:
        return self._listener.fileno()

    def poll(self, timeout: float = 0.0) -> list[Change]:
        """Other stations' changes announced since the last poll (waiting up to `timeout` s)."""
        deadline = time.monotonic() + timeout
        while True:
            changes = self._listener.wait(max(0.0, deadline - time.monotonic()))
            own = self._session.server_process()  # it changes when the session reconnects
            theirs = [c for c in changes if c.sender != own]
            if theirs or not changes or time.monotonic() >= deadline:
                return theirs  # only its own so far: wait on for others' until the time is up

    def sheet_now(self, contest_id: str, sheet_id: str) -> CountSheet | None:
        """The sheet as it stands now (None: it was removed), for a count_sheet change."""
        return self._session.sheets.sheet(contest_id, sheet_id)

    def close(self) -> None:
        self._listener.close()

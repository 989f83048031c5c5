"""Following the other stations of a count on a server, as they confirm.

The server announces each change as it commits (services.live). This reads the announcement when
its socket has data (a QSocketNotifier: no thread, no polling) and applies it to the open count as
the Change the other station's use case made: the open count reads again just the row it names —
one sheet, never the whole count — adjusts its running totals and tells the views what moved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from ..errors import CountdeskError
from ..services.changes import Change, SetUpPart
from ..services.live import LiveFeed
from .open_count import OpenCount

#: Announced actions that change a contest's stage or flags only (store.contests.set_contest_field),
#: as the Change the use case returned to the station that made it.
_CONTEST_FLAGS = {
    "contest.stage": {"stage": True},
    "contest.declare": {"declaration": True, "stage": True},
    "contest.unlock": {"declaration": True, "stage": True},
    "contest.double_entry": {"setup": {SetUpPart.CONTEST}},
}
#: What a sheet's announced action did to it (the open count reads the sheet back as it stands).
_SHEET_ACTIONS = {"sheet.save": "sheets_added", "sheet.replace": "sheets_changed", "sheet.delete": "sheets_removed"}


class LiveUpdates(QObject):
    """Applies other stations' changes to `open_count` as the server announces them."""

    #: False when the announcements stopped (the server went away); True again once reconnected.
    connected_changed = Signal(bool)

    def __init__(self, open_count: OpenCount, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else open_count)
        self.open_count = open_count
        self._feed: LiveFeed | None = None
        self._notifier: QSocketNotifier | None = None
        self.applied = 0
        self.start()

    @property
    def connected(self) -> bool:
        return self._feed is not None

    def start(self) -> bool:
        """Listen (again); True when listening. A station that was cut off calls this to rejoin,
        then re-reads the count once, as it may have missed announcements meanwhile."""
        if self._feed is not None:
            return True
        try:
            self._feed = self.open_count.live_feed()
        except CountdeskError:
            return False
        self._notifier = QSocketNotifier(self._feed.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self.connected_changed.emit(True)
        return True

    def stop(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._feed is not None:
            self._feed.close()
            self._feed = None

    def _read(self) -> None:
        if self._feed is None or self.open_count.closed:
            return
        try:
            changes = self._feed.poll(0)
            for change in changes:
                self._apply(change)
        except CountdeskError:
            self.stop()
            self.connected_changed.emit(False)

    def _apply(self, announced) -> None:
        """One row another station committed, applied to the open count as the Change it made."""
        contest_id = announced.contest_id or None
        audit_id = announced.audit_id
        if announced.entity == "count_sheet" and contest_id and announced.key:
            how = _SHEET_ACTIONS.get(announced.action, "sheets_changed")
            self.open_count.apply(Change(contest_id, audit_id=audit_id, **{how: (announced.key,)}))
        elif announced.action in _CONTEST_FLAGS and contest_id:
            self.open_count.apply(Change(contest_id, audit_id=audit_id, **_CONTEST_FLAGS[announced.action]))
        elif announced.entity in ("session", "document", "bundle"):
            self.open_count.apply(Change(None, audit_id=audit_id))  # the audit log shows it; no figure moved
        else:
            self.open_count.reload(contest_id or "")  # set-up, keyings, lots: re-read that contest
        self.applied += 1

"""Following the other stations of a count on a server, as they confirm.

The server announces each change as it commits (services.live). This reads the announcement when
its socket has data (a QSocketNotifier: no thread, no polling), reads again just the row it names
— one sheet, never the whole count — and hands it to the document, which adjusts its running
totals and tells every view (the tabs, the hall screen) which contest moved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from ..errors import CountdeskError
from ..services.live import LiveFeed
from .open_count import OpenCount


#: Changes of a contest's stage or double-entry flag only (store.contests.set_contest_field): the
#: document reads those from the session every time, so its figures and totals stay as they are.
_CONTEST_FLAGS = {"contest.stage", "contest.declare", "contest.unlock", "contest.double_entry"}


class LiveUpdates(QObject):
    """Applies other stations' changes to `document` as the server announces them."""

    #: False when the announcements stopped (the server went away); True again once reconnected.
    connected_changed = Signal(bool)

    def __init__(self, document: OpenCount, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else document)
        self.document = document
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
            self._feed = LiveFeed(self.document.session)
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
        if self._feed is None or self.document.closed:
            return
        try:
            changes = self._feed.poll(0)
            for change in changes:
                self._apply(change)
        except CountdeskError:
            self.stop()
            self.connected_changed.emit(False)

    def _apply(self, change) -> None:
        contest_id = change.contest_id or ""
        if change.entity == "count_sheet" and contest_id and change.key:
            sheet = self._feed.sheet_now(contest_id, change.key)
            if sheet is None:
                self.document.sheet_deleted(contest_id, change.key)
            else:
                self.document.sheet_saved(contest_id, sheet)
        elif change.action in _CONTEST_FLAGS:
            self.document.changed.emit(contest_id)  # no figure moved: the views re-read the state
        elif change.entity in ("session", "document", "bundle"):
            self.document.audited.emit()  # the audit log shows it; no figure moved
        else:
            self.document.notify(contest_id)  # set-up, stages, keyings, lots: re-read that contest
        self.applied += 1

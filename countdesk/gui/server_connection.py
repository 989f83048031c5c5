"""A station on a count server: asking for the server's address, and saying in the status bar
which server and count this window is on and whether it is connected.

While the server cannot be reached the status bar says so in words (entry is paused: a sheet
confirmed now is refused and stays typed in its form); the station tries again every few seconds
by itself and, once back, re-reads the count once, since it may have missed others' changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

from ..errors import CountdeskError
from ..services import is_server_url
from .live_updates import LiveUpdates
from .open_count import OpenCount
from .worker import run_in_background

RETRY_MS = 3000
HEARTBEAT_MS = 10_000  # a third of the claims' lapse (store.claims.HEARTBEAT_LAPSE)


def ask_server_address(parent: QWidget) -> str | None:
    """The server's address, as whoever set the server up gave it; None when cancelled."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("ServerConnection", "Connect to a count server"),
        QCoreApplication.translate(
            "ServerConnection", "The count server's address, as given for this station\n"
            "(postgresql://STATION@HOST:PORT/COUNT?sslmode=verify-full&sslrootcert=venue-ca.crt).\n"
            "Its password is read from this computer's ~/.pgpass file."),
        QLineEdit.EchoMode.Normal, "")
    text = text.strip()
    if not ok or not text:
        return None
    if not is_server_url(text):
        from .count_files import show_error

        show_error(parent, QCoreApplication.translate("ServerConnection", "Not a count server's address"),
                   QCoreApplication.translate("ServerConnection", "A count server's address starts postgresql://"))
        return None
    return text


class ServerStatus(QLabel):
    """"Count server: night on host:5432 — connected" in the status bar, kept true."""

    def __init__(self, open_count: OpenCount, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverStatus")
        self.open_count = open_count
        self.where = open_count.path.name
        self.live = LiveUpdates(open_count, self)
        self.live.connected_changed.connect(self._connection_changed)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_again)
        self._beating = None
        self._heartbeat = QTimer(self)  # keeps this station's claims alive while it is open
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._beat)
        if not open_count.read_only:
            self._heartbeat.start()
        self._show(self.live.connected)

    def _show(self, connected: bool) -> None:
        if connected:
            text = self.tr("Count server: {0} — connected").format(self.where)
        else:
            text = self.tr("Count server: {0} — DISCONNECTED: entry paused, typed figures are kept; "
                           "reconnecting…").format(self.where)
        self.setText(text)
        self.setAccessibleName(text)

    def _connection_changed(self, connected: bool) -> None:
        self._show(connected)
        if connected:
            self._retry.stop()
        else:
            self._retry.start()

    def _try_again(self) -> None:
        if self.open_count.server_reachable() and self.live.start():
            self.open_count.reload()  # announcements made while away were missed: read the count once

    def _beat(self) -> None:
        """Renew this station's claims on a pool thread: a server slow to answer, or cut off (a
        connection attempt waits up to its timeout), never holds up the keyboard."""
        if self._beating is not None and not self._beating.done:
            return
        open_count = self.open_count

        def failed(error: BaseException) -> None:
            if isinstance(error, CountdeskError) and not open_count.closed:
                self._connection_changed(False)

        self._beating = run_in_background(lambda _token: open_count.heartbeat(), lambda _held: None, failed)

    def stop(self) -> None:
        self._heartbeat.stop()
        if self._beating is not None:
            self._beating.cancel()
        self._retry.stop()
        self.live.stop()

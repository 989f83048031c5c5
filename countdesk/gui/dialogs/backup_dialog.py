"""Backups in the app: where they go (a setting), the timer that makes them, and the Backups dialog.

`AutoBackup` is started when a count opens for writing: every half minute it asks the services
whether a backup is due (every five minutes of change, and at once at every stage change) on the
GUI thread, which owns the session, and writes it on the worker pool (a snapshot of a big count
on a slow stick, with its fsync and read-back, must not freeze the entry form). A failure (the
stick pulled out) is reported once, then retried quietly until it works again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import CountdeskError
from ...services.backups import (
    DEFAULT_INTERVAL,
    BackupFile,
    DueBackup,
    backup_due,
    backup_made,
    backup_now,
    default_backup_dir,
    find_good_backups,
    on_same_device,
)
from ...services.count_session import CountSession
from .. import settings
from ..translation import month_name, weekday_name
from ..worker import Task, run_in_background

BACKUP_FOLDER_KEY = settings.BACKUP_FOLDER_KEY
BACKUP_INTERVAL_KEY = "backups/interval_minutes"
CHECK_EVERY_MS = 30_000
_KIND_WORDS = {"timed": QT_TRANSLATE_NOOP("BackupDialog", "scheduled"),
               "stage": QT_TRANSLATE_NOOP("BackupDialog", "stage change"),
               "manual": QT_TRANSLATE_NOOP("BackupDialog", "made by hand")}


def backup_folder(count_path: str | Path, store: QSettings | None = None) -> Path:
    """The folder chosen for backups (a USB stick, ideally), or the default beside the count."""
    return settings.chosen_backup_folder(store) or default_backup_dir(count_path)


def set_backup_folder(folder: str | Path | None, store: QSettings | None = None) -> None:
    """Remember the backup folder for every count (None: back to beside each count file)."""
    store = store or QSettings()
    if folder:
        store.setValue(BACKUP_FOLDER_KEY, str(Path(folder)))
    else:
        store.remove(BACKUP_FOLDER_KEY)
    store.sync()


def backup_interval(store: QSettings | None = None) -> timedelta:
    raw = (store or QSettings()).value(BACKUP_INTERVAL_KEY, None)
    try:
        minutes = int(raw) if raw is not None else 0
    except (TypeError, ValueError):
        minutes = 0
    return timedelta(minutes=minutes) if minutes > 0 else DEFAULT_INTERVAL


def describe(backup: BackupFile) -> str:
    local = backup.taken_at.astimezone()
    kind = str(backup.kind)
    words = QCoreApplication.translate("BackupDialog", _KIND_WORDS[kind]) if kind in _KIND_WORDS else kind
    return QCoreApplication.translate("BackupDialog", "{0} — {1} ({2})").format(
        f"{weekday_name(local, short=True)} {local:%d} {month_name(local, short=True)} {local:%H:%M:%S}",
        backup.stage, words)


class AutoBackup(QObject):
    """Backs up an open count when due. Create it with the session; it stops when the session closes.

    Each check is quick and runs on the GUI thread (the session's); the backup itself (SQLite's
    backup, fsync, read-back, rotation) runs on the worker pool, one at a time, and `backed_up` or
    `failed` says when it is done."""

    backed_up = Signal(str)   # the backup's path
    failed = Signal(str)      # a message for the status bar, once per new problem

    def __init__(self, session: CountSession, parent: QObject | None = None, *, store: QSettings | None = None,
                 clock: Callable[[], datetime] | None = None, check_every_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self.session = session
        self._store = store
        self._clock = clock or (lambda: datetime.now(UTC))
        self._last_problem = ""
        #: The backup being written on the pool, if any; the last one made.
        self.writing: Task | None = None
        self.last_backup: BackupFile | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.tick)
        if not session.read_only:
            self.timer.start()

    def tick(self) -> Task | None:
        """Start the backup that is due on the worker pool; None when none is due (or one is
        still being written)."""
        if self.session.closed:
            self.timer.stop()
            return None
        if self.writing is not None:
            return None
        try:
            due = backup_due(self.session, self._clock(), backup_dir=backup_folder(self.session.path, self._store),
                             interval=backup_interval(self._store))
        except CountdeskError as error:
            self._report(error.message)
            return None
        if due is None:
            return None
        self.writing = run_in_background(lambda _token: due.write(), lambda backup: self._written(due, backup),
                                         self._not_written)
        return self.writing

    def _written(self, due: DueBackup, backup: BackupFile) -> None:
        self.writing = None
        if not self.session.closed:
            backup_made(self.session, due)
        self._last_problem = ""
        self.last_backup = backup
        self.backed_up.emit(str(backup.path))

    def _not_written(self, error: BaseException) -> None:
        self.writing = None
        self._report(error.message if isinstance(error, CountdeskError) else str(error))  # still due: tried again

    def _report(self, message: str) -> None:
        if message != self._last_problem:
            self._last_problem = message
            self.failed.emit(self.tr("Backup failed: {0}").format(message))

    def stop(self) -> None:
        self.timer.stop()


class BackupDialog(QDialog):
    """Choose the backup folder, see the good backups there, back up now."""

    def __init__(self, session: CountSession, parent: QWidget | None = None, *, store: QSettings | None = None) -> None:
        super().__init__(parent)
        self.session, self._store = session, store
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.setAccessibleName(self.tr("Backups"))
        intro = QLabel(self.tr("A backup is made every five minutes while the count changes, and at once whenever a "
                               "contest moves on a stage. Keep them on a second device, such as a USB stick: a backup "
                               "on the same disk is lost with it."))
        intro.setWordWrap(True)
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("backupFolder")
        self.folder_edit.setAccessibleName(self.tr("Backup folder"))
        self.folder_edit.setReadOnly(True)
        choose = QPushButton(self.tr("&Choose folder…"))
        choose.setObjectName("chooseBackupFolder")
        choose.clicked.connect(self.choose_folder)
        folder_label = QLabel(self.tr("Backup &folder:"))
        folder_label.setBuddy(self.folder_edit)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        self.warning = QLabel("")
        self.warning.setObjectName("backupWarning")
        self.warning.setProperty("role", "fieldError")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.backups = QTreeWidget()
        self.backups.setObjectName("backupList")
        self.backups.setAccessibleName(self.tr("Good backups, newest first"))
        self.backups.setHeaderLabels([self.tr("Backup"), self.tr("Audit rows"), self.tr("File")])
        self.backups.setRootIsDecorated(False)
        self.status = QLabel("")
        self.status.setObjectName("backupStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.setObjectName("backUpNow")
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_button.setEnabled(not session.read_only)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.warning)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.refresh()

    @property
    def folder(self) -> Path:
        return backup_folder(self.session.path, self._store)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), str(self.folder))
        if chosen:
            self.use_folder(Path(chosen))

    def use_folder(self, folder: Path) -> None:
        set_backup_folder(folder, self._store)
        self.refresh()

    def refresh(self) -> None:
        folder = self.folder
        self.folder_edit.setText(str(folder))
        self.warning.setText(
            self.tr("These backups are on the same disk as the count: choose a USB stick or another drive.")
            if on_same_device(self.session.path, folder) else "")
        self.warning.setVisible(bool(self.warning.text()))
        self.backups.clear()
        for good in find_good_backups(self.session.path, folder):
            item = QTreeWidgetItem([describe(good.file), f"{good.audit_rows:,}", good.path.name])
            item.setData(0, Qt.ItemDataRole.UserRole, str(good.path))
            self.backups.addTopLevelItem(item)
        for column in range(3):
            self.backups.resizeColumnToContents(column)

    def back_up_now(self) -> BackupFile | None:
        try:
            backup = backup_now(self.session, self.folder)
        except CountdeskError as error:
            self.status.setText(self.tr("The backup was not made: {0}").format(error.message))
            return None
        self.status.setText(self.tr("Backed up to {0}").format(backup.path))
        self.refresh()
        return backup

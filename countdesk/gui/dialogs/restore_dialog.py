"""Restore a count from a backup: for an open count (File > Restore from backup…), or when a count
file will not open because it is damaged, in which case the newest good backup is offered.

Only backups that pass their checks (PRAGMA integrity_check, the audit chain) are offered. Those in
the folder that fail are listed apart, read only, each with why: on a bad night the RO looking for
the newest backup sees it and the reason it cannot be used, instead of finding it simply absent. The
RO passphrase and a reason are required; a refusal is shown here and is recorded: in the open
count's audit log, or, for a damaged file that cannot be written, in the restored file's log once a
restore succeeds. The file replaced is always kept beside the count, never deleted. """

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import CountdeskError
from ...services.backups import (
    BackupFile,
    RefusedRestore,
    RestoreRefused,
    VerifiedBackup,
    count_file_problem,
    find_good_backups,
    find_unusable_backups,
    restore_damaged_count,
    restore_open_count,
)
from ...services.count_session import CountSession
from .backup_dialog import backup_folder, describe

UNUSABLE_LIST_NAME = QT_TRANSLATE_NOOP("RestoreDialog", "Backups that cannot be used, newest first")
translate = QCoreApplication.translate


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class RestoreDialog(QDialog):
    """Build it with `for_open_count` or `for_damaged_count`; after exec() == Accepted,
    `restored_session` is the restored count, open for writing by the same operator."""

    def __init__(self, count_path: Path, explanation: str, backup_dir: Path, parent: QWidget | None = None, *,
                 session: CountSession | None = None, operator: str = "", reason: str = "") -> None:
        super().__init__(parent)
        self.count_path, self.session, self.operator = Path(count_path), session, operator
        self.restored_session: CountSession | None = None
        #: Refused attempts on a damaged file, written to the restored file's log on success.
        self.refusals: list[RefusedRestore] = []
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setAccessibleName(self.tr("Restore from a backup"))
        self.backups = QTreeWidget()
        self.backups.setObjectName("restoreBackupList")
        self.backups.setAccessibleName(self.tr("Good backups, newest first"))
        self.backups.setHeaderLabels([self.tr("Backup"), self.tr("Audit rows"), self.tr("File")])
        self.backups.setRootIsDecorated(False)
        self.folder_label = _plain("")
        self.unusable_summary = _plain("")
        self.unusable_summary.setObjectName("restoreUnusableSummary")
        self.unusable = _unusable_list()
        look_elsewhere = QPushButton(self.tr("Look in another &folder…"))
        look_elsewhere.setObjectName("restoreOtherFolder")
        look_elsewhere.clicked.connect(self.choose_folder)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("restorePassphrase")
        self.passphrase_edit.setAccessibleName(self.tr("RO passphrase"))
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason_edit = QLineEdit(reason)
        self.reason_edit.setObjectName("restoreReason")
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.error = _plain("")
        self.error.setObjectName("restoreError")
        self.error.setProperty("role", "fieldError")
        form = QFormLayout()
        form.addRow(self.tr("RO &passphrase:"), self.passphrase_edit)
        form.addRow(self.tr("Rea&son:"), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Restore this backup"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(explanation))
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.unusable_summary)
        layout.addWidget(self.unusable, 1)
        layout.addWidget(look_elsewhere, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(_plain(self.tr("The current count file is kept beside the restored one, not deleted.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.show_backups(backup_dir)
        self.resize(720, 600 if self.unusable.count() else 440)  # room to read why, when some cannot be used

    @classmethod
    def for_open_count(cls, session: CountSession, parent: QWidget | None = None, *,
                       backup_dir: Path | None = None) -> RestoreDialog:
        return cls(session.path, translate("RestoreDialog", "Replace the open count with a backup. Everything "
                                           "entered since the backup was taken will be in the file kept aside, "
                                           "not in the count."),
                   backup_dir or backup_folder(session.path), parent, session=session, operator=session.operator)

    @classmethod
    def for_damaged_count(cls, count_path: Path, operator: str, parent: QWidget | None = None, *,
                          backup_dir: Path | None = None, problem: str | None = None) -> RestoreDialog:
        problem = problem or count_file_problem(count_path) or translate("RestoreDialog", "it could not be opened")
        return cls(count_path, translate("RestoreDialog", "{0} cannot be used: {1}\n\nRestore the newest good "
                                         "backup, then re-enter what was confirmed after it was taken.").format(
                       Path(count_path).name, problem),
                   backup_dir or backup_folder(count_path), parent, operator=operator,
                   reason=translate("RestoreDialog", "the count file was damaged: {0}").format(problem))

    def show_backups(self, folder: Path) -> list[VerifiedBackup]:
        self.folder = Path(folder)
        self.backups.clear()
        good = find_good_backups(self.count_path, self.folder)
        for backup in good:
            item = QTreeWidgetItem([describe(backup.file), f"{backup.audit_rows:,}", backup.path.name])
            item.setData(0, Qt.ItemDataRole.UserRole, str(backup.path))
            self.backups.addTopLevelItem(item)
        for column in range(3):
            self.backups.resizeColumnToContents(column)
        if good:
            self.backups.setCurrentItem(self.backups.topLevelItem(0))  # the newest good one
        found = self.tr("{0} good backup(s) of {1} in {2}") if good else self.tr("No good backup of {1} in {2}")
        self.folder_label.setText(found.format(len(good), self.count_path.name, self.folder))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(good))
        self.show_unusable(find_unusable_backups(self.count_path, self.folder))
        return good

    def show_unusable(self, unusable: list[tuple[BackupFile, str]]) -> None:
        """List the backups in the folder that cannot be restored, with why; nothing when there are none."""
        self.unusable.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for backup, problem in unusable:
            self.unusable.addItem(_unusable_item(backup, problem, icon))
        summary = ""
        if unusable:
            summary = (self.tr("1 backup in this folder cannot be used (see below)") if len(unusable) == 1 else
                       self.tr("{0} backups in this folder cannot be used (see below)").format(len(unusable)))
        self.unusable_summary.setText(summary)
        self.unusable.setAccessibleDescription(summary)
        self.unusable_summary.setVisible(bool(unusable))
        self.unusable.setVisible(bool(unusable))

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder holding the backups"), str(self.folder))
        if chosen:
            self.show_backups(Path(chosen))

    def chosen_backup(self) -> Path | None:
        item = self.backups.currentItem()
        return Path(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def accept(self) -> None:
        backup = self.chosen_backup()
        if backup is None:
            self._show_error(self.tr("Choose a backup."))
            return
        passphrase, reason = self.passphrase_edit.text(), self.reason_edit.text().strip()
        if not passphrase or not reason:
            self._show_error(self.tr("The RO passphrase and a reason are both required."))
            return
        try:
            if self.session is not None:
                self.restored_session = restore_open_count(self.session, backup, passphrase, reason=reason)
            else:
                self.restored_session = restore_damaged_count(self.count_path, backup, self.operator, passphrase,
                                                              reason=reason, earlier_refusals=self.refusals)
        except RestoreRefused as refused:
            if self.session is None:
                self.refusals.append(refused.refusal)
            self.passphrase_edit.clear()
            self._show_error(self.tr("Not restored: {0}. This attempt is recorded.").format(refused.refusal.problem))
            return
        except CountdeskError as error:
            self._show_error(self.tr("Not restored: {0}").format(error.message))
            return
        self.passphrase_edit.clear()
        super().accept()

    @property
    def session_was_closed(self) -> bool:
        """True when the open count's session was closed (restored, or failed midway: reopen it)."""
        return self.session is not None and self.session.closed

    def _show_error(self, message: str) -> None:
        self.error.setText(message)


def _unusable_list() -> QListWidget:
    """Read only: its rows can be read (arrow keys, a screen reader) but not chosen, and Tab leaves it.
    One row a backup, the reason wrapped under its time across the whole width: a reason names a
    file and may quote SHA-256s, too long for a column of its own."""
    listing = QListWidget()
    listing.setObjectName("restoreUnusableList")
    listing.setAccessibleName(translate("RestoreDialog", UNUSABLE_LIST_NAME))
    listing.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    listing.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    listing.setTabKeyNavigation(False)
    listing.setWordWrap(True)
    listing.setUniformItemSizes(False)
    listing.setResizeMode(QListView.ResizeMode.Adjust)  # rewrap when the dialog is resized
    listing.setSpacing(2)
    listing.setVisible(False)
    return listing


def _unusable_item(backup: BackupFile, problem: str, icon: QIcon) -> QListWidgetItem:
    when = describe(backup)
    item = QListWidgetItem(icon, translate("RestoreDialog", "{0}: cannot be used\n{1}").format(when, problem))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable: nothing here can be restored
    item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
    item.setToolTip(translate("RestoreDialog", "{0}\n\nCannot be used: {1}").format(backup.path.name, problem))
    item.setData(Qt.ItemDataRole.AccessibleTextRole,
                 translate("RestoreDialog", "{0}, {1}: cannot be used: {2}").format(when, backup.path.name, problem))
    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                 translate("RestoreDialog", "Cannot be used: {0}").format(problem))
    return item

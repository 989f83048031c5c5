"""Export to USB: choose the stick, write the signed results bundle, read it back, say it is safe.

The export runs on a worker thread through its own read-only connection to the count file
(services/export.py); the "bundle.export" audit row is written afterwards, here on the GUI
thread, through the open session. The dialog only says "safe to remove" once the bundle has been
read back from the stick and verified.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PureWindowsPath

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QStandardPaths, QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import CountdeskError
from ...services.export import ExportCancelled, ExportReport, record_export, write_export_bundle
from ...services.settings_paths import key_folder, signing_key_in
from ..appearance import figure_font, set_style_flag
from ..settings import Setting
from ..worker import Task, run_in_background

PLACE: Setting[str] = Setting("export/place", str, "")
SAFE_TO_REMOVE = QT_TRANSLATE_NOOP("ExportDialog", "Bundle written and checked: safe to remove the USB stick")
_REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/Volumes/", "/mnt/")
_SUCCESS_STYLE = "QLabel { background: #e3f4e8; border: 1px solid #4a9a62; padding: 6px; color: #0f3d1f; }"


@dataclass(frozen=True)
class Volume:
    root: Path
    name: str
    free_bytes: int

    def describe(self) -> str:
        return QCoreApplication.translate("ExportDialog", "{0} — {1} GB free — {2}").format(
            self.name, f"{self.free_bytes / 1e9:.1f}", self.root)


def removable_volumes() -> list[Volume]:
    """Mounted, ready, writable volumes that are removable drives: the kernel says the disk is
    removable or on USB, or it is mounted where desktops mount sticks (/media, /run/media,
    /Volumes, /mnt), or it is a drive letter other than the system's."""
    system = QStorageInfo.root().rootPath()
    found = []
    for storage in QStorageInfo.mountedVolumes():
        if not (storage.isValid() and storage.isReady()) or storage.isReadOnly():
            continue
        root = storage.rootPath()
        if root == system:
            continue
        device = bytes(storage.device()).decode("utf-8", "replace")
        if looks_removable(root, system) or kernel_says_removable(device):
            name = storage.displayName() or storage.name() or root
            found.append(Volume(Path(root), name, storage.bytesAvailable()))
    return sorted(found, key=lambda v: str(v.root))


def looks_removable(root: str, system_root: str) -> bool:
    if root.startswith(_REMOVABLE_PREFIXES):
        return True
    drive = PureWindowsPath(root).drive
    return bool(drive) and drive.upper() != PureWindowsPath(system_root).drive.upper()


def kernel_says_removable(device: str, sys_block: Path = Path("/sys/class/block")) -> bool:
    """Linux: the partition's disk is flagged removable, or sits on a USB bus (wherever it is mounted)."""
    if not device.startswith("/dev/"):
        return False
    node = sys_block / Path(device).name
    try:
        resolved = node.resolve(strict=True)
    except OSError:
        return False
    disk = resolved.parent if (resolved / "partition").exists() else resolved
    try:
        removable = (disk / "removable").read_text().strip() == "1"
    except OSError:
        removable = False
    return removable or "/usb" in str(resolved)


def now_local() -> datetime:
    return datetime.now().astimezone()


class _Relay(QObject):
    """Carries progress from the worker thread to the dialog (a queued signal)."""

    progressed = Signal(int, int, str)


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportReport, once written, checked and audited

    def __init__(self, open_count, parent: QWidget | None = None, *, keys: Path | None = None,
                 volumes: Callable[[], list[Volume]] = removable_volumes,
                 clock: Callable[[], datetime] = now_local) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the results to USB"))
        self.setAccessibleName(self.tr("Export the results to USB"))
        self.setMinimumWidth(560)
        self._keys = keys or key_folder(Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppDataLocation)))
        self._volumes = volumes
        self._clock = clock
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._show_progress)
        self.report: ExportReport | None = None
        self._build()
        self.refresh_drives()

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(self.tr("The bundle holds the count file, the results in every format, the documents and the "
                               "audit log, signed by this laptop. It is read back from the stick and checked before "
                               "you are told it is safe to remove."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        drives_label = QLabel(self.tr("&USB drive:"))
        drives_label.setProperty("role", "heading")
        self.drives = QListWidget()
        self.drives.setObjectName("drives")
        self.drives.setAccessibleName(self.tr("USB drives"))
        self.drives.setMinimumHeight(90)
        drives_label.setBuddy(self.drives)
        self.drives.currentItemChanged.connect(self._target_changed)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Look for USB drives again"))
        self.refresh_button.clicked.connect(self.refresh_drives)
        self.folder_button = QPushButton(self.tr("Choose &folder…"))
        self.folder_button.setAccessibleName(self.tr("Choose a folder instead of a USB drive"))
        self.folder_button.clicked.connect(lambda _checked=False: self.choose_folder())  # not clicked's bool
        drive_buttons = QHBoxLayout()
        drive_buttons.addWidget(self.refresh_button)
        drive_buttons.addWidget(self.folder_button)
        drive_buttons.addStretch(1)

        self.place_edit = QLineEdit(PLACE.read())
        self.place_edit.setObjectName("place")
        self.place_edit.setAccessibleName(self.tr("Place of the count, printed on the documents"))
        self.place_edit.setPlaceholderText(self.tr("e.g. Exhibition Centre Liverpool"))
        form = QFormLayout()
        form.addRow(self.tr("&Place of the count:"), self.place_edit)

        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel("")
        self.status.setObjectName("exportStatus")
        self.status.setAccessibleName(self.tr("Export status"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel("")
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setAccessibleName(self.tr("Fingerprint printed on the documents"))
        self.fingerprint.setFont(figure_font(bold=True, scale=1.4))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.hide()
        # The key that signed the bundle: the collating officer types two of its groups at the desk.
        self.key_fingerprint = QLabel("")
        self.key_fingerprint.setObjectName("keyFingerprint")
        self.key_fingerprint.setAccessibleName(self.tr("Signing key fingerprint, to read out to the collating officer"))
        self.key_fingerprint.setWordWrap(True)
        self.key_fingerprint.setFont(figure_font(scale=1.0))
        self.key_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_fingerprint.hide()

        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(drives_label)
        layout.addWidget(self.drives)
        layout.addLayout(drive_buttons)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.key_fingerprint)
        layout.addLayout(buttons)
        self.setTabOrder(self.drives, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.folder_button)
        self.setTabOrder(self.folder_button, self.place_edit)
        self.setTabOrder(self.place_edit, self.export_button)
        self.setTabOrder(self.export_button, self.cancel_button)

    # -- where to ---------------------------------------------------------------------------------
    def refresh_drives(self) -> None:
        self.drives.clear()
        for volume in self._volumes():
            self._add_target(volume.root, volume.describe())
            self.drives.item(self.drives.count() - 1).setToolTip(str(volume.root))
        if self.drives.count() == 0:
            self._set_status(self.tr("No USB stick found. Put one in and press Refresh, or choose a folder."))
        else:
            self.drives.setCurrentRow(0)
            self._set_status("")
        self._update_buttons()

    def choose_folder(self, folder: Path | None = None) -> None:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export the bundle into this folder"))
            if not chosen:
                return
            folder = Path(chosen)
        self._add_target(Path(folder), self.tr("Folder — {0}").format(folder))
        self.drives.setCurrentRow(self.drives.count() - 1)

    def _add_target(self, root: Path, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, str(root))
        self.drives.addItem(item)

    def _target_changed(self, *_items) -> None:
        self._update_buttons()

    def target(self) -> Path | None:
        item = self.drives.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # -- exporting --------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None

    def start_export(self) -> None:
        target = self.target()
        if target is None or self.running:
            return
        place = self.place_edit.text().strip()
        PLACE.write(place)
        self._cancel.clear()
        self.report = None
        self.fingerprint.hide()
        self.key_fingerprint.hide()
        self.status.setStyleSheet("")
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_status(self.tr("Exporting to {0}…").format(target))
        path, operator, generated_at = self.open_count.path, self.open_count.operator, self._clock()
        keys, relay, cancel = self._keys, self._relay, self._cancel

        def work(_token) -> ExportReport:
            return write_export_bundle(
                path, target, operator=operator, signing_key=signing_key_in(keys), generated_at=generated_at,
                place=place, progress=relay.progressed.emit, cancelled=cancel.is_set)

        self._task = run_in_background(work, self._written, self._failed)
        self._update_buttons()

    def cancel_or_close(self) -> None:
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._set_status(self.tr("Cancelling: the partial bundle is being removed from the stick…"))
        else:
            self.reject()

    def _show_progress(self, done: int, total: int, label: str) -> None:
        if not self.running:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{0} (%v of %m)").format(label))
        if not self._cancel.is_set():
            self._set_status(self.tr("{0}…").format(label))

    def _written(self, report: ExportReport) -> None:
        """Back on the GUI thread: record the export in the audit trail, then say it is safe."""
        self._task = None
        warnings = list(report.warnings)
        if self.open_count.read_only:
            warnings.append(self.tr("the export is not in the count's audit trail: the count is open read-only here"))
        else:
            # Only an audit row is written (the bundle was read through its own connection): the
            # audit log shows it; no figure or stage changed, so nothing else is redrawn.
            try:
                report = self.open_count.record(lambda session: record_export(session, report))
            except CountdeskError as error:
                warnings.append(error.message)
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(self.tr("Done"))
        lines = [self.tr("{0}.").format(self.tr(SAFE_TO_REMOVE)), self.tr("Folder: {0}").format(report.path),
                 self.tr("Fingerprint printed on the documents (typed back at collation):")
                 if len(report.paper_fingerprints) == 1
                 else self.tr("Each contest's fingerprint, printed on its documents (typed back at collation):")]
        lines += [self.tr("Warning: {0}").format(w) for w in warnings]
        self.status.setStyleSheet(_SUCCESS_STYLE)
        self._set_status("\n".join(lines))  # plain text: a folder's name is never markup
        self.fingerprint.setText(self._papers_said(report.paper_fingerprints))
        self.fingerprint.show()
        self.key_fingerprint.setText(self.tr("Signing key fingerprint (keep it with the signed paper: the collating "
                                             "officer asks for it):\n{0}").format(report.key_fingerprint))
        self.key_fingerprint.show()
        self.cancel_button.setText(self.tr("Close"))
        self._update_buttons()
        self.exported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.status.setStyleSheet("")
        if isinstance(error, ExportCancelled):
            self._set_status(self.tr("Export cancelled: nothing was left on the USB stick."))
        elif isinstance(error, CountdeskError):
            self._set_status(error.message, problem=True)
        else:
            self._set_status(self.tr("The export failed: {0}").format(error), problem=True)
        self._update_buttons()

    def _papers_said(self, fingerprints: dict[str, str]) -> str:
        """The one contest's fingerprint, or each contest's on a line of its own after its title."""
        if len(fingerprints) == 1:
            return next(iter(fingerprints.values()))
        titles = {contest.id: contest.title for contest in self.open_count.count().contests}
        return "\n".join(f"{titles.get(cid, cid)}: {fingerprint}" for cid, fingerprint in fingerprints.items())

    # -- state --------------------------------------------------------------------------------------
    def _set_status(self, text: str, *, problem: bool = False) -> None:
        set_style_flag(self.status, "role", "fieldError" if problem else "")
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    def _update_buttons(self) -> None:
        running = self.running
        self.export_button.setEnabled(not running and self.target() is not None)
        self.export_button.setText(self.tr("Export &again") if self.report is not None else self.tr("&Export"))
        self.cancel_button.setEnabled(not running or not self._cancel.is_set())
        if running:
            self.cancel_button.setText(self.tr("Cancel"))
        for widget in (self.drives, self.refresh_button, self.folder_button, self.place_edit):
            widget.setEnabled(not running)

    def reject(self) -> None:
        if self.running:  # closing the window cancels the export; the worker finishes cleaning up
            self.cancel_or_close()
            return
        super().reject()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

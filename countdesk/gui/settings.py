"""Every setting the app keeps between runs, declared once with its type and default.

QSettings stores strings on some platforms and native types on others; `Setting.read` turns the
stored value back into the declared type, so the rest of the app never guesses.

Writing the settings file is not free: each write takes QSettings' lock file and replaces the file,
two fdatasync calls, a few milliseconds on a quiet disk and tens on a busy one. So a write that
changes nothing is not made, and where the user was (the recent counts, each count's tab and
contest, the window's place) is written behind: kept here, read back from here at once, and
written in one go a moment later (`WRITE_BEHIND_MS`), when the app quits, or on `flush()`. A crash
in that moment forgets only where the user was; nothing a count, its trail or its backups rely on
is written behind (the backup folder is synced at once, by the backup dialog).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QTimer

T = TypeVar("T")

ORGANISATION = "countdesk"
APPLICATION = "countdesk"
MAX_RECENT = 8
#: How long a write-behind setting waits to be written: writes made meanwhile go in the same write.
WRITE_BEHIND_MS = 1000

#: Written behind and not yet in the settings file: key -> value.
_unwritten: dict[str, Any] = {}
_flush_due = False
_quit_hooked: set[int] = set()


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    #: Where the user was, not what the count relies on: written behind (see the module's docstring).
    write_behind: bool = False

    def read(self, store: QSettings | None = None) -> T:
        if store is None and self.key in _unwritten:
            raw = _unwritten[self.key]
        else:
            raw = (store or QSettings()).value(self.key, None)
        if raw is None:
            return self.default
        return _coerce(raw, self.type, self.default)

    def write(self, value: T, store: QSettings | None = None) -> None:
        if self._holds(value, store):
            return  # already there: the file is not written for nothing
        if store is None and self.write_behind:
            _write_behind(self.key, value)
            return
        store = store or QSettings()
        store.setValue(self.key, value)
        store.sync()

    def _holds(self, value: T, store: QSettings | None) -> bool:
        if store is None and self.key in _unwritten:
            return self.read() == value
        store = store or QSettings()
        return store.contains(self.key) and self.read(store) == value


def _write_behind(key: str, value: Any) -> None:
    global _flush_due
    _unwritten[key] = value
    app = QCoreApplication.instance()
    if app is None:
        flush()  # no event loop to write it later
        return
    if id(app) not in _quit_hooked:
        _quit_hooked.add(id(app))
        app.aboutToQuit.connect(flush)
    if not _flush_due:
        _flush_due = True
        QTimer.singleShot(WRITE_BEHIND_MS, flush)


def flush() -> None:
    """Write the settings written behind now, all in one write of the settings file."""
    global _flush_due
    _flush_due = False
    if not _unwritten:
        return
    store = QSettings()
    for key, value in _unwritten.items():
        store.setValue(key, value)
    _unwritten.clear()
    store.sync()


def forget_unwritten() -> None:
    """Drop what is written behind and not yet written (tests starting from fresh settings)."""
    _unwritten.clear()


def _coerce(raw: Any, kind: type, default: Any) -> Any:
    try:
        if kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
        if kind is int:
            return int(raw)
        if kind is list:
            if isinstance(raw, str):
                return [raw] if raw else []
            return [str(item) for item in raw]
        if kind is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)
        return kind(raw)
    except (TypeError, ValueError):
        return default


RECENT_COUNTS: Setting[list] = Setting("files/recent", list, [], write_behind=True)
LAST_OPERATOR: Setting[str] = Setting("session/last_operator", str, "")
WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray(), write_behind=True)
FONT_SCALE: Setting[int] = Setting("window/font_scale_percent", int, 110)
#: The language of the app's own words ("cy" for Welsh); empty: the system's (gui/translation.py).
UI_LANGUAGE: Setting[str] = Setting("ui/language", str, "")


def _place_key(path: Path, what: str) -> str:
    """Per count file: where the user was, so reopening shows exactly where the count stood."""
    safe = str(path.resolve()).replace("\\", "/").replace("/", "|")
    return f"place/{safe}/{what}"


def last_tab(path: Path) -> str:
    return Setting(_place_key(path, "tab"), str, "").read()


def remember_tab(path: Path, tab_name: str) -> None:
    Setting(_place_key(path, "tab"), str, "", write_behind=True).write(tab_name)


def last_contest(path: Path) -> str:
    return Setting(_place_key(path, "contest"), str, "").read()


def remember_contest(path: Path, contest_id: str) -> None:
    Setting(_place_key(path, "contest"), str, "", write_behind=True).write(contest_id)


def recent_counts() -> list[Path]:
    """Recent count files that still exist, newest first."""
    return [Path(p) for p in RECENT_COUNTS.read() if Path(p).is_file()]


def add_recent_count(path: Path) -> None:
    resolved = str(Path(path).resolve())
    paths = [p for p in RECENT_COUNTS.read() if p != resolved]
    RECENT_COUNTS.write([resolved, *paths][:MAX_RECENT])


#: The backup folder chosen in the app (the backup dialog writes it), for every count.
BACKUP_FOLDER_KEY = "backups/folder"


def chosen_backup_folder(store: QSettings | None = None) -> Path | None:
    """The folder chosen for backups, or None when they go beside each count file."""
    chosen = (store or QSettings()).value(BACKUP_FOLDER_KEY, "")
    return Path(str(chosen)) if chosen else None

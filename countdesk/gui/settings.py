"""Every setting the app keeps between runs, declared once with its type and default.

QSettings stores strings on some platforms and native types on others; `Setting.read` turns the
stored value back into the declared type, so the rest of the app never guesses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANISATION = "countdesk"
APPLICATION = "countdesk"
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T

    def read(self, store: QSettings | None = None) -> T:
        store = store or QSettings()
        raw = store.value(self.key, None)
        if raw is None:
            return self.default
        return _coerce(raw, self.type, self.default)

    def write(self, value: T, store: QSettings | None = None) -> None:
        store = store or QSettings()
        store.setValue(self.key, value)
        store.sync()


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


RECENT_COUNTS: Setting[list] = Setting("files/recent", list, [])
LAST_OPERATOR: Setting[str] = Setting("session/last_operator", str, "")
WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray())
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
    Setting(_place_key(path, "tab"), str, "").write(tab_name)


def last_contest(path: Path) -> str:
    return Setting(_place_key(path, "contest"), str, "").read()


def remember_contest(path: Path, contest_id: str) -> None:
    Setting(_place_key(path, "contest"), str, "").write(contest_id)


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

"""Where this installation keeps its signing key (exchange/signing.py).

One key per installation signs every bundle it writes, so the command line and the app must find
the same folder: a second key would not match the fingerprints already printed on paper.
`$COUNTDESK_HOME/keys` wins when set (a portable installation, or tests). Otherwise it is
`keys/` in the application data folder docs/installing.md names, which is Qt's AppDataLocation
for the organisation and application "countdesk": the GUI passes Qt's own answer, and the command
line, which runs without Qt, computes the same folder here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from ..exchange.signing import SigningKey, load_or_create_key

KEYS_FOLDER = "keys"
HOME_VARIABLE = "COUNTDESK_HOME"
_ORGANISATION = _APPLICATION = "countdesk"


def app_data_folder(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> Path:
    """What Qt's QStandardPaths.AppDataLocation gives for countdesk, without Qt:
    Linux `$XDG_DATA_HOME/countdesk/countdesk` (`~/.local/share/…`), Windows
    `%APPDATA%\\countdesk\\countdesk`, macOS `~/Library/Application Support/countdesk/countdesk`."""
    environ = os.environ if environ is None else environ
    if platform == "win32":
        roaming = environ.get("APPDATA", "").strip()
        base = Path(roaming) if roaming else Path.home() / "AppData" / "Roaming"
    elif platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        data_home = environ.get("XDG_DATA_HOME", "").strip()
        base = Path(data_home).expanduser() if data_home else Path.home() / ".local" / "share"
    return base / _ORGANISATION / _APPLICATION


def key_folder(app_data: Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder holding the installation's signing key (it may not exist yet)."""
    environ = os.environ if environ is None else environ
    home = environ.get(HOME_VARIABLE, "").strip()
    if home:
        return Path(home).expanduser() / KEYS_FOLDER
    return Path(app_data if app_data is not None else app_data_folder(environ)) / KEYS_FOLDER


def installation_key(app_data: Path | None = None, environ: Mapping[str, str] | None = None) -> SigningKey:
    """The installation's signing key, created on first use (SigningKeyError if unreadable)."""
    return signing_key_in(key_folder(app_data, environ))


def signing_key_in(folder: Path) -> SigningKey:
    """The signing key kept in `folder` (`key_folder()` names the installation's), created there on
    first use (SigningKeyError if unreadable)."""
    return load_or_create_key(folder)

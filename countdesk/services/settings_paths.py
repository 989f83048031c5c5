"""Where this installation keeps its signing key (exchange/signing.py).

One key per installation signs every bundle it writes, so the command line and the app must find
the same folder. `$COUNTDESK_HOME/keys` wins when set (a portable installation, or tests); the
GUI otherwise passes its platform data folder (Qt's AppDataLocation); the command line, without
Qt, uses `$XDG_DATA_HOME/countdesk/keys`, i.e. `~/.local/share/countdesk/keys`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from ..exchange.signing import SigningKey, load_or_create_key

KEYS_FOLDER = "keys"
HOME_VARIABLE = "COUNTDESK_HOME"


def key_folder(app_data: Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder holding the installation's signing key (it may not exist yet)."""
    environ = os.environ if environ is None else environ
    home = environ.get(HOME_VARIABLE, "").strip()
    if home:
        return Path(home).expanduser() / KEYS_FOLDER
    if app_data is not None:
        return Path(app_data) / KEYS_FOLDER
    data_home = environ.get("XDG_DATA_HOME", "").strip()
    base = Path(data_home).expanduser() if data_home else Path.home() / ".local" / "share"
    return base / "countdesk" / KEYS_FOLDER


def installation_key(app_data: Path | None = None, environ: Mapping[str, str] | None = None) -> SigningKey:
    """The installation's signing key, created on first use (SigningKeyError if unreadable)."""
    return load_or_create_key(key_folder(app_data, environ))

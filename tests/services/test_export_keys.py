"""Where the installation's signing key lives: one folder for the command line and the app alike."""

from __future__ import annotations

from pathlib import Path

from countdesk.services.settings_paths import installation_key, key_folder


def test_countdesk_home_wins_over_everything(tmp_path):
    environ = {"COUNTDESK_HOME": str(tmp_path / "portable"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert key_folder(tmp_path / "appdata", environ) == tmp_path / "portable" / "keys"


def test_the_app_passes_its_data_folder(tmp_path):
    assert key_folder(tmp_path / "appdata", {}) == tmp_path / "appdata" / "keys"


def test_the_command_line_uses_the_xdg_data_folder(tmp_path):
    assert key_folder(None, {"XDG_DATA_HOME": str(tmp_path / "xdg")}) == tmp_path / "xdg" / "countdesk" / "keys"
    assert key_folder(None, {}) == Path.home() / ".local" / "share" / "countdesk" / "keys"


def test_the_key_is_made_once_and_then_reused(tmp_path):
    environ = {"COUNTDESK_HOME": str(tmp_path)}
    first = installation_key(environ=environ)
    again = installation_key(environ=environ)
    assert first.fingerprint == again.fingerprint
    assert (tmp_path / "keys" / "countdesk-signing-key.pem").stat().st_mode & 0o077 == 0

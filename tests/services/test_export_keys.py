"""Where the installation's signing key lives: one folder for the command line and the app alike."""

from __future__ import annotations

from pathlib import Path

from countdesk.services.settings_paths import app_data_folder, installation_key, key_folder


def test_countdesk_home_wins_over_everything(tmp_path):
    environ = {"COUNTDESK_HOME": str(tmp_path / "portable"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert key_folder(tmp_path / "appdata", environ) == tmp_path / "portable" / "keys"


def test_the_app_passes_its_data_folder(tmp_path):
    assert key_folder(tmp_path / "appdata", {}) == tmp_path / "appdata" / "keys"


def test_the_command_line_finds_the_folder_qt_gives_the_app(tmp_path):
    """docs/installing.md: the application data folder is <data>/countdesk/countdesk."""
    xdg = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert key_folder(None, xdg) == tmp_path / "xdg" / "countdesk" / "countdesk" / "keys"
    assert app_data_folder({}, "linux") == Path.home() / ".local" / "share" / "countdesk" / "countdesk"
    roaming = tmp_path / "Roaming"
    assert app_data_folder({"APPDATA": str(roaming)}, "win32") == roaming / "countdesk" / "countdesk"
    assert app_data_folder({}, "darwin") == Path.home() / "Library" / "Application Support" / "countdesk" / "countdesk"


def test_the_key_is_made_once_and_then_reused(tmp_path):
    environ = {"COUNTDESK_HOME": str(tmp_path)}
    first = installation_key(environ=environ)
    again = installation_key(environ=environ)
    assert first.fingerprint == again.fingerprint
    assert (tmp_path / "keys" / "countdesk-signing-key.pem").stat().st_mode & 0o077 == 0

"""The files that make countdesk a desktop program: menu entry, file type, icons, installer scripts."""

from __future__ import annotations

import configparser
import shlex
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtSvg import QSvgRenderer

from countdesk.cli import build_parser, main

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry(repo_root: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(repo_root / "packaging" / "countdesk.desktop", encoding="utf-8")
    return parser


def test_desktop_entry_is_an_office_application_for_count_files(repo_root):
    entry = desktop_entry(repo_root)["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "countdesk"
    assert "Office" in entry["Categories"].rstrip(";").split(";")
    assert entry["MimeType"].rstrip(";").split(";") == ["application/x-countdesk"]
    assert entry["Terminal"] == "false" and entry["Icon"] == "countdesk"
    assert (repo_root / "packaging" / "icons" / f"{entry['Icon']}.svg").is_file()


def test_desktop_commands_are_ones_the_program_accepts(repo_root):
    entry = desktop_entry(repo_root)
    program, *args = shlex.split(entry["Desktop Entry"]["Exec"].replace("%f", "/media/usb/ward.countdesk"))
    assert program == "countdesk"
    parsed = build_parser().parse_args(args)
    assert parsed.command == "gui" and parsed.db == "/media/usb/ward.countdesk"
    program, *args = shlex.split(entry["Desktop Action demo"]["Exec"])
    assert program == "countdesk" and build_parser().parse_args(args).command == "demo"


def test_mime_type_matches_the_files_countdesk_writes(repo_root, tmp_path):
    root = ET.parse(repo_root / "packaging" / "countdesk-mime.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-countdesk"
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.countdesk"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/vnd.sqlite3"
    # The sub-class claim holds: a count file countdesk makes is an SQLite 3 database.
    db = tmp_path / "liverpool.countdesk"
    demo = repo_root / "resources" / "demo" / "liverpool-mayor-2021.json"
    assert main(["import", str(demo), "--db", str(db), "--operator", "Packaging test"]) == 0
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_png_icons_are_square_and_the_size_they_say(repo_root, size):
    with Image.open(repo_root / "packaging" / "icons" / f"countdesk-{size}.png") as image:
        assert image.size == (size, size) and image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0  # a transparent corner: no square box on a dark panel
        assert image.getchannel("A").getbbox() is not None


def test_svg_icons_draw_and_platform_icons_hold_every_size(repo_root, qapp):
    icons = repo_root / "packaging" / "icons"
    for name in ("countdesk.svg", "countdesk-small.svg"):
        assert QSvgRenderer(str(icons / name)).isValid(), name
    with Image.open(icons / "countdesk.ico") as ico:
        assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(icons / "countdesk.icns") as icns:
        assert {(512, 512, 2), (256, 256, 1), (128, 128, 1), (16, 16, 2)} <= set(icns.info["sizes"])


def test_shell_scripts_parse(repo_root):
    for script in ("build.sh", "linux/install.sh", "macos/sign_and_notarize.sh"):
        run = subprocess.run(["bash", "-n", str(repo_root / "packaging" / script)], capture_output=True, text=True)
        assert run.returncode == 0, f"{script}: {run.stderr}"


def test_windows_installer_opens_count_files_with_a_command_the_program_accepts(repo_root):
    script = (repo_root / "packaging" / "windows" / "countdesk.iss").read_text(encoding="utf-8")
    assert 'Subkey: "Software\\Classes\\.countdesk"' in script
    assert 'ValueData: """{app}\\{#AppExe}"" gui ""%1"""' in script
    assert build_parser().parse_args(["gui", r"C:\Counts\ward.countdesk"]).command == "gui"
    assert "--self-test" in script and "GetCustomSetupExitCode" in script
    assert 'Source: "{#AppFolder}\\*"' in script and '#define AppFolder "..\\..\\dist\\countdesk"' in script

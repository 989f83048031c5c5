"""countdesk/licences.py: every bundled library and font, its version and licence, read from what is installed."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from PIL import ImageFont

from countdesk import licences


def requirement_name(text: str) -> str:
    return re.match(r"[A-Za-z0-9._-]+", text).group(0)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_declared_dependency_is_listed_with_its_installed_version(repo_root):
    declared = tomllib.loads((repo_root / "pyproject.toml").read_text())["project"]["dependencies"]
    listed = {canonical(c.name): c for c in licences.bundled_libraries() if c.kind == "library"}
    assert set(listed) == {canonical(requirement_name(d)) for d in declared}
    for name, component in listed.items():
        assert component.version == metadata.version(name)
        assert component.licence and component.licence != "not found in this installation"


def test_supporting_libraries_are_what_the_dependencies_pull_in():
    support = {canonical(c.name) for c in licences.bundled_libraries() if c.kind == "support"}
    # jsonschema needs referencing and rpds-py; sqlite-utils needs click; reportlab needs pillow.
    assert {"referencing", "rpds-py", "click", "pillow", "shiboken6"} <= support
    assert "pip" not in support  # declared by sqlite-utils for `sqlite-utils install`; never shipped
    assert not support & {"pytest", "hypothesis", "pyinstaller"}  # test and build tools are not bundled


def test_licence_texts_ship_with_the_components():
    by_name = {c.name: c for c in licences.all_components("6.12.0")}
    assert "Apache License" in by_name["sqlite-utils"].licence_text()
    assert "Permission is hereby granted" in by_name["jsonschema"].licence_text()
    qt_text = by_name["Qt"].licence_text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt_text and "GNU GENERAL PUBLIC LICENSE" in qt_text
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in by_name["Python"].licence_text()


def test_fonts_are_read_from_the_font_files(repo_root):
    fonts = licences.bundled_fonts()
    assert [f.name for f in fonts] == ["Liberation Sans"]
    font = fonts[0]
    regular = repo_root / "resources" / "fonts" / "LiberationSans-Regular.ttf"
    assert ImageFont.truetype(str(regular), 12).getname()[0] == font.name  # FreeType's reading, not ours
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", font.version)
    assert font.licence == "SIL Open Font License 1.1"
    assert "4 styles" in font.purpose
    assert "SIL OPEN FONT LICENSE Version 1.1" in font.licence_text()


def test_qt_is_listed_only_when_its_version_is_known():
    assert "Qt" not in {c.name for c in licences.runtime_components()}
    assert "Qt 6.12.0" in licences.licences_summary("6.12.0")
    assert "\n  Qt " not in licences.licences_summary(None)


@pytest.mark.parametrize("marker, holds", [
    ("python_full_version < '3.11'", False),
    ("python_version >= '3.11'", True),
    ("platform_python_implementation != 'PyPy'", True),
    ('implementation_name == "cpython"', True),
    ("extra == 'format'", False),
    ("python_version < '3.13' and sys_platform == 'no-such-platform'", False),
    ("(python_version < '3.9') or os_name == 'posix' or os_name == 'nt'", True),
])
def test_environment_markers(marker, holds):
    assert licences._marker_holds(marker) is holds

"""What countdesk ships besides its own code: the libraries and fonts, their versions and licences.

A packaged countdesk carries Qt, PySide6, reportlab and the rest inside it, so it must say which
versions it carries and under which licences (the LGPL asks this of Qt; the MIT, BSD and Apache
licences ask that their notices travel with the program). Versions and licences are read from the
installed packages' metadata and from the font files themselves, so the list cannot drift from
what was actually bundled. Qt is not imported here (only the GUI layer imports Qt): callers that
have Qt loaded pass its runtime version in.
"""

from __future__ import annotations

import operator
import platform
import re
import struct
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .resources import find_resource

#: <repo>/: countdesk/ and resources/, packaging/ are siblings in the source tree.
_SOURCE_ROOT = Path(__file__).resolve().parents[1]

#: Declared by sqlite-utils for its `install` subcommand only; countdesk never runs it, and the
#: packaged app does not contain these.
_NOT_SHIPPED = frozenset({"pip", "setuptools", "wheel"})

#: Licence texts that no wheel carries (Qt's, the Python interpreter's), shipped in `licences/`.
QT_LICENCE_FILES = ("LGPL-3.0.txt", "GPL-3.0.txt")
PYTHON_LICENCE_FILE = "Python-LICENSE.txt"

#: Used under: PySide6 and Qt are offered as LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only.
QT_USED_UNDER = "LGPL-3.0-only"

#: What the main libraries do for countdesk, shown beside them in About.
PURPOSES = {
    "pyside6-essentials": "user interface (Qt for Python)",
    "pyside6-pdf": "PDF preview (Qt for Python)",
    "shiboken6": "Qt for Python bindings runtime",
    "reportlab": "printed documents (PDF)",
    "rl-accel": "faster printed documents (reportlab's accelerator)",
    "sqlite-utils": "count database",
    "jsonschema": "count file checking",
    "cryptography": "results bundle signatures",
}

_LICENCE_NAMES = {
    "SIL-OFL-1.1": "SIL Open Font License 1.1",
    "OFL-1.1": "SIL Open Font License 1.1",
}


@dataclass(frozen=True)
class Component:
    """One thing bundled with countdesk: a library, the runtime or a font family."""

    name: str
    kind: str  # "runtime", "library" (a direct dependency), "support" (a library's own), "font"
    version: str
    licence: str
    purpose: str = ""
    licence_files: tuple[Path, ...] = ()
    note: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()

    def licence_text(self) -> str:
        """The licence texts shipped for this component, each under its file name ('' if none)."""
        texts = []
        for path in self.licence_files:
            try:
                body = path.read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                continue
            texts.append(f"== {path.name} ==\n\n{body}\n")
        return "\n".join(texts)


# -- where shipped files live -------------------------------------------------------------------
def _bundle_root() -> Path | None:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def licence_folder() -> Path:
    """The folder of licence texts no package carries: `licences/` in a frozen bundle,
    packaging/licences in the source tree."""
    bundle = _bundle_root()
    if bundle is not None and (bundle / "licences").is_dir():
        return bundle / "licences"
    return _SOURCE_ROOT / "packaging" / "licences"


def fonts_folder() -> Path:
    return find_resource("fonts") or _SOURCE_ROOT / "resources" / "fonts"


def _existing(*paths: Path) -> tuple[Path, ...]:
    return tuple(p for p in paths if p.is_file())


# -- libraries ----------------------------------------------------------------------------------
def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence_from_metadata(md: metadata.PackageMetadata) -> str:
    """SPDX expression if declared, else a short License field, else the trove classifiers."""
    expression = (md.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (md.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [c.split("::")[-1].strip() for c in md.get_all("Classifier") or [] if c.startswith("License ::")]
    classifiers = [c.removesuffix(" License").removesuffix(" license") for c in classifiers]
    if classifiers:
        return " / ".join(classifiers)
    return field.split("(")[0].split(",")[0].strip() or "see licence text"


def _licence_files(dist: metadata.Distribution) -> tuple[Path, ...]:
    found = []
    for entry in dist.files or ():
        parts = [p.lower() for p in entry.parts]
        if not parts[0].endswith(".dist-info"):
            continue
        name = parts[-1]
        if "licenses" in parts or name.startswith(("license", "licence", "copying", "notice")):
            if name.endswith((".json", ".pyc")):
                continue
            found.append(Path(str(dist.locate_file(entry))))
    return _existing(*found)


_MARKER_ATOM = re.compile(r"""(\w+)\s*(==|!=|<=|>=|<|>)\s*['"]([^'"]*)['"]""")
_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt,
            ">=": operator.ge}


def _marker_environment() -> dict[str, str]:
    return {
        "python_version": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "python_full_version": platform.python_version(),
        "implementation_name": sys.implementation.name,
        "platform_python_implementation": platform.python_implementation(),
        "sys_platform": sys.platform,
        "platform_system": platform.system(),
        "os_name": __import__("os").name,
        "extra": "",
    }


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)[:4])


def _marker_holds(marker: str) -> bool:
    """The environment markers wheels declare (PEP 508 comparisons joined by and/or), evaluated
    for this interpreter; anything not understood counts as true, so nothing shipped goes unlisted."""
    env = _marker_environment()

    def atom(match: re.Match) -> str:
        name, op, value = match.groups()
        if name not in env:
            return "True"
        here = env[name]
        if name.endswith("version") and op not in ("==", "!="):
            return str(_COMPARE[op](_version_key(here), _version_key(value)))
        return str(_COMPARE[op](here, value))

    expression = _MARKER_ATOM.sub(atom, marker)
    if not re.fullmatch(r"[\s()]*((True|False|and|or)[\s()]*)*", expression):
        return True
    return bool(eval(expression, {"__builtins__": {}}, {}))  # noqa: S307 - only True/False/and/or/()


def _runtime_requirements(dist: metadata.Distribution) -> list[str]:
    """The names of what `dist` needs to run here (extras and other platforms' needs left out)."""
    names = []
    for text in dist.requires or ():
        name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", text)
        if name is None:
            continue
        marker = text.split(";", 1)[1] if ";" in text else ""
        if marker and not _marker_holds(marker):
            continue
        names.append(name.group(1))
    return names


def _dependency_closure(root: str) -> tuple[list[str], list[str]]:
    """The direct requirements of `root`, then every distribution they pull in, in a stable order."""
    try:
        direct = [n for n in _runtime_requirements(metadata.distribution(root)) if _canonical(n) not in _NOT_SHIPPED]
    except metadata.PackageNotFoundError:
        direct = list(PURPOSES)
    seen = {_canonical(n) for n in direct}
    support: list[str] = []
    queue = list(direct)
    while queue:
        name = queue.pop(0)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for needed in _runtime_requirements(dist):
            key = _canonical(needed)
            if key in seen or key in _NOT_SHIPPED:
                continue
            seen.add(key)
            support.append(needed)
            queue.append(needed)
    return direct, sorted(support, key=_canonical)


def _library(name: str, kind: str) -> Component:
    key = _canonical(name)
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return Component(name, kind, "", "not found in this installation", PURPOSES.get(key, ""))
    md = dist.metadata
    licence = _licence_from_metadata(md)
    files = _licence_files(dist)
    note = ""
    if key.startswith(("pyside6", "shiboken6")):
        if licence != QT_USED_UNDER:
            note = f"Offered as {licence}; countdesk uses it under {QT_USED_UNDER}."
            licence = QT_USED_UNDER
        files = files + _existing(*(licence_folder() / f for f in QT_LICENCE_FILES))
    return Component(md.get("Name") or name, kind, md.get("Version") or "", licence, PURPOSES.get(key, ""),
                     files, note)


@lru_cache(maxsize=1)
def _libraries() -> tuple[Component, ...]:
    """Direct dependencies always appear (a missing one is a broken installation, and says so);
    supporting libraries only when present, since a packaged app leaves out what is not needed."""
    direct, support = _dependency_closure("countdesk")
    libraries = [_library(n, "library") for n in sorted(direct, key=_canonical)]
    libraries += [c for c in (_library(n, "support") for n in support) if c.version]
    return tuple(libraries)


def runtime_components(qt_version: str | None = None) -> tuple[Component, ...]:
    """Python, SQLite and (when its version is known) Qt itself: what every library runs on."""
    import sqlite3

    python_files = _existing(licence_folder() / PYTHON_LICENCE_FILE,
                             Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
                             / "LICENSE.txt")
    parts = [Component("Python", "runtime", sys.version.split()[0], "PSF-2.0", "the interpreter", python_files[:1]),
             Component("SQLite", "runtime", sqlite3.sqlite_version, "public domain", "the count file's database")]
    if qt_version:
        parts.insert(1, Component("Qt", "runtime", qt_version, QT_USED_UNDER, "the Qt libraries",
                                  _existing(*(licence_folder() / f for f in QT_LICENCE_FILES)),
                                  "Dynamically linked and replaceable: the Qt libraries are separate files in "
                                  "the installation folder. Source: https://download.qt.io/official_releases/qt/"))
    return tuple(parts)


def bundled_libraries() -> tuple[Component, ...]:
    """countdesk's direct dependencies (kind "library"), then what they in turn need ("support")."""
    return _libraries()


# -- fonts --------------------------------------------------------------------------------------
def _font_names(path: Path) -> dict[int, str]:
    """The TrueType `name` table (family = 1, version = 5), Windows Unicode or Mac Roman records."""
    data = path.read_bytes()
    num_tables = struct.unpack_from(">H", data, 4)[0]
    for i in range(num_tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sLLL", data, 12 + 16 * i)
        if tag != b"name":
            continue
        _fmt, count, strings = struct.unpack_from(">HHH", data, offset)
        names: dict[int, str] = {}
        for r in range(count):
            platform, encoding, _lang, name_id, length, start = struct.unpack_from(">6H", data, offset + 6 + 12 * r)
            raw = data[offset + strings + start: offset + strings + start + length]
            if platform == 3 and encoding in (0, 1, 10):
                names.setdefault(name_id, raw.decode("utf-16-be", errors="replace"))
            elif platform == 1 and encoding == 0:
                names.setdefault(name_id, raw.decode("mac_roman", errors="replace"))
        return names
    return {}


def _font_licence(folder: Path, family: str) -> tuple[str, tuple[Path, ...]]:
    compact = family.replace(" ", "")
    candidates = sorted(folder.glob(f"LICEN[SC]E-{compact}*.txt")) + sorted(folder.glob(f"OFL-{compact}*.txt"))
    if not candidates:
        return "licence file missing", ()
    text = candidates[0].read_text(encoding="utf-8", errors="replace")
    declared = re.search(r"^License:\s*(\S+)", text, re.MULTILINE)
    if declared:
        return _LICENCE_NAMES.get(declared.group(1), declared.group(1)), tuple(candidates)
    if "SIL OPEN FONT LICENSE" in text.upper():
        version = re.search(r"Version\s+(\d+\.\d+)", text)
        return f"SIL Open Font License {version.group(1) if version else ''}".strip(), tuple(candidates)
    return "see licence text", tuple(candidates)


@lru_cache(maxsize=1)
def bundled_fonts() -> tuple[Component, ...]:
    """One entry per font family in resources/fonts, its version read from the font file."""
    folder = fonts_folder()
    families: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.[to]tf")):
        try:
            names = _font_names(path)
        except (OSError, struct.error):
            continue
        family = names.get(1, path.stem.split("-")[0])
        version = re.sub(r"^Version\s*", "", names.get(5, "")).split(";")[0].strip()
        families.setdefault(family, []).append(version)
    fonts = []
    for family, versions in families.items():
        licence, files = _font_licence(folder, family)
        fonts.append(Component(family, "font", max(versions), licence,
                               f"screen and printed documents ({len(versions)} styles)", files))
    return tuple(fonts)


# -- everything ---------------------------------------------------------------------------------
def all_components(qt_version: str | None = None) -> tuple[Component, ...]:
    return runtime_components(qt_version) + bundled_libraries() + bundled_fonts()


def licences_summary(qt_version: str | None = None) -> str:
    """A few lines for `countdesk --version`: the main components and their licences."""
    shown = [c for c in all_components(qt_version) if c.kind != "support"]
    others = [c for c in bundled_libraries() if c.kind == "support"]
    width = max(len(c.label) for c in shown)
    lines = [f"  {c.label:<{width}}  {c.licence}" for c in shown]
    if others:
        lines.append(f"  and {len(others)} supporting libraries: "
                     + ", ".join(f"{c.name} ({c.licence})" for c in others))
    return "\n".join(lines)

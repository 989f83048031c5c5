"""Finding shipped resources (fonts, icons, the demo count) both in a source checkout and in a
PyInstaller build. Pure standard library, so every layer (reports, gui, licences) uses this one."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import CountdeskError

#: <repo>/resources: countdesk/ and resources/ are siblings in the source tree.
_SOURCE_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resource_roots() -> tuple[Path, ...]:
    """Where resources may live, most specific first: a frozen bundle, then the source tree."""
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "resources")
    roots.append(_SOURCE_RESOURCES)
    return tuple(roots)


def find_resource(*parts: str) -> Path | None:
    """The path of a shipped resource, or None if no root has it."""
    for root in resource_roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return None


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. resource_path("fonts", "LiberationSans-Regular.ttf").

    Raises CountdeskError naming every place looked in, so a broken install says what is missing."""
    found = find_resource(*parts)
    if found is not None:
        return found
    looked = ", ".join(str(root.joinpath(*parts)) for root in resource_roots())
    raise CountdeskError(f"resource not found (looked in {looked})", "/".join(parts))

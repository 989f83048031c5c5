"""Starting the app: the QApplication, its look, and the count files it opens or creates.

The functions that make a new count file from a count file (JSON) run on a worker thread, so
they open their own session, write and close it; the GUI thread then opens the file itself
(a SQLite connection belongs to the thread that made it).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from ..errors import CountdeskError
from . import settings
from .appearance import apply_appearance, resource_file
from .collector import collect_on_gui_thread_only
from .translation import install_translations
from .worker import CancelToken

#: Set on the QApplication once its translators are installed (create_application may run twice).
_TRANSLATED = "countdeskTranslationsInstalled"
DEMO_FILE = ("demo", "liverpool-mayor-2021.json")
DEMO_OPERATOR = "Demo operator"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so QSettings and QStandardPaths find our folders."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("countdesk")
    app.setDesktopFileName("countdesk")  # docks match packaging/countdesk.desktop and its icon
    icon = resource_file("icons", "countdesk.svg")
    if icon is not None:
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    if not app.property(_TRANSLATED):  # once per application, before any window: every tr() finds the language
        install_translations(app)
        app.setProperty(_TRANSLATED, True)
    apply_appearance(app, settings.FONT_SCALE.read())
    # No label or tooltip reads a count's text as markup (gui/plain_text.py): the plain-text rules
    # came with the style sheet; the event filter goes on with the first window's first paint.
    collect_on_gui_thread_only()  # no garbage collection on a worker thread, ever (gui/collector.py)
    return app


def user_data_folder() -> Path:
    """Where countdesk keeps its own files (the demo copies): the platform's app-data folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(location) if location else Path.home() / ".countdesk"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_count_folder() -> Path:
    """Where count files are offered to be opened or saved: countdesk in the user's documents."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "countdesk"


def demo_source() -> Path:
    path = resource_file(*DEMO_FILE)
    if path is None:
        raise CountdeskError("the demo count file is missing from this installation", "/".join(DEMO_FILE))
    return path


def fresh_demo_path(folder: Path | None = None) -> Path:
    """A new file name for a demo copy, so each demo starts from the published figures."""
    folder = folder or user_data_folder() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"liverpool-mayor-2021-{stamp}.countdesk"
    n = 2
    while path.exists():
        path = folder / f"liverpool-mayor-2021-{stamp}-{n}.countdesk"
        n += 1
    return path


#: The demo file's pristine key by (file, size, modification time): read and hashed once per run,
#: not once for the question "is there a pristine copy?" and again for the copy itself.
_demo_keys: dict[tuple[str, int, int], str] = {}


def pristine_demo_path(folder: Path | None = None) -> Path:
    """Where the demo count, imported once, waits to be copied: named by what it depends on (the
    demo file and this version's schema), so an upgrade or another demo file makes a new one."""
    from ..services.new_count import pristine_key

    source = demo_source()
    found = source.stat()
    stamp = (str(source), found.st_size, found.st_mtime_ns)
    key = _demo_keys.get(stamp)
    if key is None:
        key = _demo_keys[stamp] = pristine_key(source.read_bytes())
    folder = folder or user_data_folder() / "demo-pristine"
    return folder / f"liverpool-mayor-2021-{key}.countdesk"


def fresh_demo_count(token: CancelToken | None = None, folder: Path | None = None) -> Path:
    """A new copy of the demo count in the demo folder. The demo file is imported (checked and
    written, a third of a second) only the first time; every demo after that is a copy of that
    pristine count, which is what importing it again would give."""
    from ..services.new_count import copy_pristine_count

    pristine = pristine_demo_path()
    if not pristine.exists():
        pristine.parent.mkdir(parents=True, exist_ok=True)
        for older in pristine.parent.glob("*.countdesk"):  # made by another version: never used again
            older.unlink(missing_ok=True)
        create_count_from_file(demo_source(), pristine, DEMO_OPERATOR, token,
                               reason="demo: Mayor of Liverpool 2021 as published")
    return copy_pristine_count(pristine, fresh_demo_path(folder))


def create_count_from_file(source: Path, target: Path, operator: str, token: CancelToken | None = None,
                           reason: str | None = None, notes: list | None = None) -> Path:
    """Read and check a count file, then write it into a new count database at `target`.

    Runs on a worker thread. A cancellation or a failure leaves no half-made file behind. What the
    reader inferred (a countdesk/1 file's office) is added to `notes`, when given, for the user.
    """
    from ..services.new_count import import_count_file

    token = token or CancelToken()
    return import_count_file(source, target, operator, reason=reason, check=token.check, notes=notes)

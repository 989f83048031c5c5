"""Opening and making count files from the GUI: the lock refusal, read-only opening, imports.

Making a count from a count file (the demo, an import) reads and writes on a worker thread with a
progress indicator; the finished file is then opened on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import CountdeskError
from ..services import CountLockedError, describe_location
from ..services.count_session import CountSession
from .application import create_count_from_file, default_count_folder, fresh_demo_count, pristine_demo_path
from .worker import Task, run_with_progress

if TYPE_CHECKING:
    from .dialogs.new_count_wizard import NewCountPlan

translate = QCoreApplication.translate
#: File dialog filters, marked for translation: show them through translate("CountFiles", …).
COUNT_FILTER = QT_TRANSLATE_NOOP("CountFiles", "Count files (*.countdesk)")
JSON_FILTER = QT_TRANSLATE_NOOP("CountFiles", "Count files, JSON (*.json)")
CSV_FILTER = QT_TRANSLATE_NOOP("CountFiles", "CSV files (*.csv)")


def open_session(parent: QWidget, path: Path, operator: str, *, read_only: bool = False) -> CountSession | None:
    """Open for writing; if another countdesk has the file, say who and offer read-only."""
    try:
        return CountSession.open(path, operator, read_only=read_only)
    except CountLockedError as error:
        box = QMessageBox(QMessageBox.Icon.Warning, translate("CountFiles", "Count file already open"),
                          translate("CountFiles", "{0} is already open for writing in another countdesk.").format(
                              path.name), parent=parent)
        box.setObjectName("lockedMessage")
        holder = error.holder.describe() if error.holder else translate("CountFiles", "another countdesk")
        box.setInformativeText(translate("CountFiles", "It is held by {0}.\n\nYou can open it read-only to look at "
                                                       "the count: nothing can be changed, and the title bar says "
                                                       "so.").format(holder))
        read_only_button = box.addButton(translate("CountFiles", "Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only_button)
        box.exec()
        if box.clickedButton() is not read_only_button:
            return None
        return open_session(parent, path, operator, read_only=True)
    except CountdeskError as error:
        show_error(parent, translate("CountFiles", "{0} could not be opened").format(describe_location(path)),
                   error.message)
        return None


def create_session(parent: QWidget, plan: NewCountPlan, operator: str) -> CountSession | None:
    """The new count file from the wizard: the election, then its first contest."""

    try:
        session = CountSession.create(plan.path, operator, plan.election)
    except CountdeskError as error:
        show_error(parent, translate("CountFiles", "The count file could not be created"), error.message)
        return None
    details = plan.contest
    try:
        session.set_up.add_contest(details.new_contest())
        if details.double_entry:
            session.double_entry.set_enabled(details.id, True)
    except CountdeskError as error:
        show_error(parent, translate("CountFiles", "The contest could not be added"), error.message)
    return session


def choose_count_file(parent: QWidget) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # its Python type is made when first needed, not at start
    chosen, _ = QFileDialog.getOpenFileName(parent, translate("CountFiles", "Open a count"),
                                            str(default_count_folder()),
                                            translate("CountFiles", COUNT_FILTER))
    return Path(chosen) if chosen else None


def choose_file(parent: QWidget, title: str, file_filter: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # its Python type is made when first needed, not at start
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), file_filter)
    return Path(chosen) if chosen else None


def make_demo(parent: QWidget, on_ready: Callable[[Path], None]) -> Task | None:
    """A fresh copy of the Liverpool 2021 demo in the user's data folder: at once when the demo was
    imported before (a file copy), otherwise imported first off the GUI thread, with progress."""
    if pristine_demo_path().exists():
        try:
            path = fresh_demo_count()
        except (CountdeskError, OSError) as error:
            _failed(parent, translate("CountFiles", "The demo count could not be prepared"), error)
        else:
            on_ready(path)
        return None
    return run_with_progress(
        parent, translate("CountFiles", "Preparing the demo count…"), lambda token: fresh_demo_count(token),
        on_ready, lambda error: _failed(parent, translate("CountFiles", "The demo count could not be prepared"), error))


def import_as_new_count(parent: QWidget, operator: str, on_ready: Callable[[Path], None]) -> Task | None:
    """Ask for a count file (JSON) and where to save the count, then import it off the GUI thread."""
    source = choose_file(parent, translate("CountFiles", "Import a count file"), translate("CountFiles", JSON_FILTER))
    if source is None:
        return None
    suggested = default_count_folder() / f"{source.stem}.countdesk"
    from PySide6.QtWidgets import QFileDialog  # its Python type is made when first needed, not at start
    chosen, _ = QFileDialog.getSaveFileName(parent, translate("CountFiles", "Save the count as"), str(suggested),
                                            translate("CountFiles", COUNT_FILTER))
    if not chosen:
        return None
    target = Path(chosen) if chosen.endswith(".countdesk") else Path(chosen + ".countdesk")
    target.parent.mkdir(parents=True, exist_ok=True)
    notes: list = []  # filled on the worker thread, read here once it has finished

    def ready(path: Path) -> None:
        on_ready(path)
        if notes:
            show_import_notes(parent, source.name, notes)

    return run_with_progress(
        parent, translate("CountFiles", "Importing {0}…").format(source.name),
        lambda token: create_count_from_file(source, target, operator, token, notes=notes), ready,
        lambda error: _failed(parent, translate("CountFiles", "{0} was not imported").format(source.name), error))


def show_import_notes(parent: QWidget, file_name: str, notes: list) -> QMessageBox:
    """What the reader inferred from an older count file (the office of a countdesk/1 contest), said
    as the command line says it: the count is imported, but the RO should check what was guessed.
    Shown without blocking, over the count it concerns."""
    title = translate("CountFiles", "Check what was inferred from {0}").format(file_name)
    box = QMessageBox(QMessageBox.Icon.Warning, title, title, parent=parent)
    box.setObjectName("importNotes")
    box.setAccessibleName(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names in the notes are never markup
    box.setInformativeText("\n".join(translate("CountFiles", "Warning: {0}").format(note) for note in notes))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def read_csv_in_background(parent: QWidget, kind: str, path: Path, on_ready: Callable[[tuple], None]) -> Task:
    """Candidates or boxes from a CSV file, read and checked off the GUI thread."""
    from ..services.setup_files import read_setup_csv

    return run_with_progress(parent, translate("CountFiles", "Reading {0}…").format(path.name),
                             lambda token: read_setup_csv(kind, path),
                             on_ready, lambda error: _failed(
                                 parent, translate("CountFiles", "{0} was not imported").format(path.name), error))


def _failed(parent: QWidget, title: str, error: BaseException) -> None:
    message = error.message if isinstance(error, CountdeskError) else str(error) or type(error).__name__
    if isinstance(error, CountdeskError) and error.where:
        message = translate("CountFiles", "{0}: {1}").format(error.where, error.message)
    show_error(parent, title, message)


def show_error(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, title, parent=parent)
    box.setObjectName("errorMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)  # names in the message are never markup
    box.setInformativeText(message)
    box.exec()

"""Screenshots for the user guide, taken from the real app offscreen:

    python tests/gui/make_screenshots.py              # into test-artifacts/guide-screenshots/ to look at
    python tests/gui/make_screenshots.py --update-docs  # replace the guide's docs/screenshots/*.png

Each screen is set up through the same services and widgets the operators use, grabbed, and
scaled to 1,000 pixels wide. The committed PNGs change only when asked (--update-docs): run it
after a visible change, look, then commit them (a few tens of kilobytes each). Any `python` will
do: without Qt it starts again with the project's own .venv/bin/python.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
try:
    import PySide6  # noqa: F401
except ImportError:  # the system's python: run again with the project's virtual environment
    VENV_PYTHON = ROOT / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), __file__, *sys.argv[1:]])
    raise SystemExit("make_screenshots: Qt (PySide6) is not installed here: run `bash scripts/bootstrap.sh` "
                     "first, then `python tests/gui/make_screenshots.py` again") from None

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="countdesk-screenshots-"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
sys.path.insert(0, str(Path(__file__).parent))

from gui_helpers import DEMO, make_count_file, round_one, small_sv_contest  # noqa: E402
from PySide6.QtCore import QDate, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from countdesk.gui import settings  # noqa: E402
from countdesk.gui.application import create_application, create_count_from_file  # noqa: E402
from countdesk.gui.dialogs.double_entry_dialog import DoubleEntryDialog  # noqa: E402
from countdesk.gui.dialogs.new_count_wizard import NewCountWizard  # noqa: E402
from countdesk.gui.dialogs.reason_dialog import ReasonDialog  # noqa: E402
from countdesk.gui.main_window import MainWindow  # noqa: E402
from countdesk.services.count_session import CountSession  # noqa: E402

DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
#: Where they go unless --update-docs: beside the tests' own screenshots, never committed.
OUT = DOCS_SCREENSHOTS if "--update-docs" in sys.argv[1:] else ROOT / "test-artifacts" / "guide-screenshots"
WIDTH = 1000
WINDOW = (1180, 800)
CONTEST = "mayor.testshire"


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def save(widget: QWidget, name: str) -> Path:
    """Grab, scale to WIDTH (never up), and write a small PNG."""
    settle()
    image: QImage = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    path = OUT / f"{name}.png"
    if not image.save(str(path), "PNG", 9):
        raise SystemExit(f"could not write {path}")
    _shrink(path)
    print(f"{path.relative_to(ROOT)}  {image.width()}x{image.height()}  {path.stat().st_size // 1024} KB")
    return path


def _shrink(path: Path) -> None:
    """A screen has few colours: a 256-colour palette (median cut, no dithering) keeps text crisp
    and makes the file a third of the size. Pillow comes with reportlab."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                              dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def window() -> MainWindow:
    main = MainWindow(operator="Alice Keyer")
    main.resize(*WINDOW)
    main.show()
    main.activateWindow()
    settle()
    return main


def main() -> None:
    create_application([])
    QSettings().clear()
    OUT.mkdir(parents=True, exist_ok=True)
    work = _SANDBOX / "counts"
    work.mkdir()

    # A count that has been set up and verified, with one box different from its account.
    setup_only = make_count_file(work / "testshire-2021.countdesk", (small_sv_contest(verified=False),))
    with CountSession.open(setup_only, "Alice Keyer") as session:
        session.verification.verify(CONTEST, "B1", 100, None)
        session.verification.verify(CONTEST, "B2", 101, "Recounted twice: one paper more than the account")
    demo = create_count_from_file(DEMO, work / "liverpool-mayor-2021.countdesk", "Alice Keyer")
    settings.add_recent_count(demo)
    settings.add_recent_count(setup_only)

    app_window = window()
    save(app_window, "01-start-page")

    wizard = NewCountWizard(app_window)
    form = wizard.election_page.form
    form.title_edit.setText("Local elections 6 May 2021")
    form.date_edit.setDate(QDate(2021, 5, 6))
    form.area_edit.setText("Testshire")
    form.area_edit.textEdited.emit("Testshire")
    form.ro_edit.setText("Pat Officer")
    wizard.resize(640, 480)
    wizard.show()
    save(wizard, "02-new-count-wizard")
    wizard.close()

    app_window.open_count(setup_only)
    workspace = app_window.workspace
    workspace.select_tab("setup")
    save(app_window, "03-set-up")

    workspace.select_tab("verification")
    save(app_window, "04-verification")
    box = workspace.verification_view.model.box(1)
    note = ReasonDialog("A difference needs a note", f"Box {box.id} ({box.label}): 101 papers verified, the ballot "
                        "paper account says 100 (difference +1). Say what was checked and why the figures differ.",
                        app_window, field_name="Note", ok_text="Accept with this note")
    note.text_edit.setText("Recounted twice: one paper more than the account")
    note.show()
    save(note, "05-difference-note")
    note.close()

    workspace.select_tab("count")
    sheets = workspace.sheets_view
    figures = sheets.form
    for field, value in zip(figures.fields, ("40", "30", "20", "8", "", "", "", "3"), strict=False):
        field.edit.setText(value)
    figures.fields[7].edit.textEdited.emit("3")
    figures.request_save()
    save(app_window, "06-count-sheet-blanks")
    figures.request_save()
    settle()
    figures.fields[0].edit.setFocus()
    QTest.keyClicks(figures.fields[0].edit, "150")
    QTest.keyClicks(figures.fields[1].edit, "9x")
    save(app_window, "07-count-sheet-refused")
    figures.cancel()
    app_window.current_count.save_sheet(CONTEST, round_one("T02-R1", 35, 30, 20, 13, 2))
    settle()
    sheets.set_round(2)
    for field, value in zip(figures.fields, ("10", "25", "5"), strict=False):
        field.edit.setText(value)
    figures.fields[2].edit.textEdited.emit("30")
    save(app_window, "08-count-round-two")
    figures.request_save()
    settle()
    app_window.current_count.save_sheet(CONTEST, _round_two("T02-R2", 5, 10, 6))
    settle()
    workspace.select_tab("result")
    save(app_window, "09-result")
    workspace.select_tab("audit")
    save(app_window, "10-audit-log")

    app_window.close_count()
    double = make_count_file(work / "double.countdesk", (small_sv_contest(),))
    with CountSession.open(double, "Bob Second") as session:
        session.double_entry.set_enabled(CONTEST, True)
        session.double_entry.submit(CONTEST, round_one("T01-R1", 45, 25, 15, 13, 2))
    with CountSession.open(double, "Alice Keyer") as session:
        outcome = session.double_entry.submit(CONTEST, round_one("T01-R1", 45, 25, 16, 12, 2))
        dialog = DoubleEntryDialog(session.contest(CONTEST), outcome.disagreement)
        dialog.show()
        save(dialog, "11-double-entry")
        dialog.close()

    app_window.open_count(demo)
    app_window.workspace.select_tab("result")
    save(app_window, "12-demo-result")
    app_window.close()


def _round_two(sheet_id: str, adams: int, brown: int, non_transferable: int):
    from countdesk.domain.model import CountSheet, frozen_map

    return CountSheet(sheet_id, 2, frozen_map({"adams-a": adams, "brown-b": brown}), non_transferable=non_transferable)


if __name__ == "__main__":
    main()

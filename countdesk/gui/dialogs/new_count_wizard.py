"""New count: the election, its first contest, and where the count file is kept.

The wizard only gathers and checks; the main window creates the file from the `NewCountPlan`,
so a cancelled wizard leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...domain.model import Election
from ..application import default_count_folder
from ..controls.contest_form import ContestDetails, ContestForm
from ..controls.election_form import ElectionForm
from ..controls.field_errors import FieldError

COUNT_SUFFIX = ".countdesk"


@dataclass(frozen=True)
class NewCountPlan:
    path: Path
    election: Election
    contest: ContestDetails


class ElectionPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The election"))
        self.setSubTitle(self.tr("As it will be printed on the declaration of result."))
        self.form = ElectionForm(require_ro=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.form.election() is not None


class ContestPage(QWizardPage):
    def __init__(self, election_page: ElectionPage) -> None:
        super().__init__()
        self.setTitle(self.tr("The first contest"))
        self.setSubTitle(self.tr("More contests (wards, PCC) can be added afterwards in Set-up."))
        self._election_page = election_page
        self.form = ContestForm()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.form.set_poll_date(self._election_page.form.poll_date())
        self.form.title_edit.setFocus()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.form.details() is not None


class FilePage(QWizardPage):
    def __init__(self, election_page: ElectionPage) -> None:
        super().__init__()
        self.setTitle(self.tr("Where to keep the count"))
        self.setSubTitle(self.tr("One file holds the whole count; every confirmed entry is saved in it at once."))
        self._election_page = election_page
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("countFilePath")
        self.path_edit.setAccessibleName(self.tr("Count file"))
        self.browse_button = QPushButton(self.tr("B&rowse…"))
        self.browse_button.setAccessibleName(self.tr("Choose where to save the count file"))
        self.browse_button.clicked.connect(self._browse)
        self.error = FieldError(self.path_edit, self.tr("Count file"))
        self.path_edit.textEdited.connect(lambda _t: self.error.clear_error())
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        hint = QLabel(self.tr("Keep it on this computer's disk, not on a USB stick: export results bundles for that."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Count fi&le:"))
        label.setBuddy(self.path_edit)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        if not self.path_edit.text():
            election = self._election_page.form.election()
            name = election.id if election else "count"
            self.path_edit.setText(str(default_count_folder() / f"{name}{COUNT_SUFFIX}"))

    def path(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser()
        if path.suffix != COUNT_SUFFIX:
            path = path.with_name(path.name + COUNT_SUFFIX)
        return path

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if not self.path_edit.text().strip():
            self.error.show_error(self.tr("Choose where to save the count file"))
            return False
        path = self.path()
        if path.exists():
            self.error.show_error(
                self.tr("{0} already exists: choose another name, or open it instead").format(path.name))
            return False
        if not path.parent.is_dir() and path.parent != default_count_folder():
            self.error.show_error(self.tr("The folder {0} does not exist").format(path.parent))
            return False
        return True

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the count as"), self.path_edit.text(),
                                                self.tr("Count files (*{0})").format(COUNT_SUFFIX))
        if chosen:
            self.path_edit.setText(chosen)
            self.error.clear_error()


class NewCountWizard(QWizard):
    """Gathers a NewCountPlan; `plan()` after exec() returns Accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCountWizard")
        self.setWindowTitle(self.tr("New count"))
        self.setAccessibleName(self.tr("New count"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.election_page = ElectionPage()
        self.contest_page = ContestPage(self.election_page)
        self.file_page = FilePage(self.election_page)
        for page in (self.election_page, self.contest_page, self.file_page):
            self.addPage(page)
        self.resize(640, 520)

    def plan(self) -> NewCountPlan | None:
        election = self.election_page.form.election()
        contest = self.contest_page.form.details()
        if election is None or contest is None:
            return None
        path = self.file_page.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return NewCountPlan(path, election, contest)

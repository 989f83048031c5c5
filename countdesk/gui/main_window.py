"""The main window: the start page or an open count, the menus, the title bar, undo and redo.

The tabs live in CountWorkspace (workspace.py) and the file operations in count_files.py; this
window only wires them together and remembers where the count stood.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QStackedWidget, QWidget

from ..errors import CountdeskError
from ..services import is_server_url
from . import count_files, settings
from .application import DEMO_OPERATOR
from .discard_guard import confirm_discard
from .open_count import OpenCount
from .plain_text import guard_until_first_paint
from .workspace import TAB_NAMES, TAB_TITLES, CountWorkspace

if TYPE_CHECKING:  # loaded when first needed: a count opened at start-up shows neither
    from .start_page import StartPage

STATUS_TIMEOUT_MS = 8000
AUTO_BACKUP_START_MS = 1000


class MainWindow(QMainWindow):
    def __init__(self, operator: str | None = None) -> None:
        super().__init__()
        guard_until_first_paint(self)  # also when a test or an embedding app made the QApplication
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("countdesk"))
        #: The operator's name, asked once per session (per run of the app) and stamped on every change.
        self.operator = operator
        self.current_count: OpenCount | None = None
        self.workspace: CountWorkspace | None = None
        self.projector = None
        self.help_window = None
        self.auto_backup = None
        self._tasks = []
        self._start_page: StartPage | None = None  # made when first needed (gui/start_page.py)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.server_status = None
        self.operator_status = QLabel("")
        self.operator_status.setAccessibleName(self.tr("Operator"))
        self.statusBar().addPermanentWidget(self.operator_status)
        self._build_menus()
        geometry = settings.WINDOW_GEOMETRY.read()
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        self._update_state()

    @property
    def start_page(self) -> StartPage:
        """The page shown while no count is open. Made when first shown, not with the window: a
        window opening a count at start-up never shows it, and building it (the recent counts, the
        server address, a dozen buttons) was a tenth of the time to the count's first paint."""
        if self._start_page is None:
            from .start_page import StartPage

            page = StartPage()
            page.new_requested.connect(self.new_count)
            page.open_requested.connect(self.open_count_dialog)
            page.import_requested.connect(self.import_count_file)
            page.demo_requested.connect(self.open_demo)
            page.recent_requested.connect(self.open_count)
            page.server_requested.connect(self.connect_to_server)
            self.stack.insertWidget(0, page)
            self._start_page = page
            if self.current_count is None:
                self.stack.setCurrentWidget(page)
                page.refresh()
        return self._start_page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self.current_count is None:
            self.stack.setCurrentWidget(self.start_page)
            self.start_page.focus_first()
        super().showEvent(event)

    # -- menus ----------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding (Close is Ctrl+F4 and Ctrl+W), not only the first
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        action.setObjectName(name or text)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New count…"), self.new_count, QKeySequence.StandardKey.New, "newCount")
        self._action(file_menu, self.tr("&Open count…"),
                     self.open_count_dialog, QKeySequence.StandardKey.Open, "openCount")
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file_menu, self.tr("Open the &demo count"), self.open_demo, None, "openDemo")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Import a count file as a new count…"),
                     self.import_count_file, None, "importCount")
        self.import_candidates_action = self._action(file_menu, self.tr("Import candida&tes from CSV…"),
                                                     lambda: self.import_csv("candidates"), None, "importCandidates")
        self.import_boxes_action = self._action(file_menu, self.tr("Import bo&xes from CSV…"),
                                                lambda: self.import_csv("boxes"), None, "importBoxes")
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, self.tr("&Export the results to USB…"), self.export_results,
                                          QKeySequence("Ctrl+Shift+E"), "exportBundle")
        self._action(file_menu, self.tr("Co&llate area bundles…"), self.collate_areas, None, "collation")
        self.backups_action = self._action(file_menu, self.tr("&Backups…"), self.show_backups, None, "backups")
        self.restore_action = self._action(file_menu, self.tr("Restore from a bac&kup…"),
                                           self.restore_backup, None, "restore")
        self.close_action = self._action(file_menu, self.tr("&Close count"), self.close_count_asking,
                                         QKeySequence.StandardKey.Close, "closeCount")
        # StandardKey.Quit is empty on Windows
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence("Ctrl+Q"), "quit")

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(edit_menu, self.tr("&Undo"), self.undo, QKeySequence("Ctrl+Z"), "undo")
        self.redo_action = self._action(edit_menu, self.tr("&Redo"), self.redo, QKeySequence("Ctrl+Shift+Z"), "redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addSeparator()
        self.operator_action = self._action(edit_menu, self.tr("Change &operator…"), self.change_operator,
                                            QKeySequence("Ctrl+Shift+O"), "changeOperator")

        count_menu = bar.addMenu(self.tr("&Count"))
        self.tab_actions = []
        for index, (name, title) in enumerate(zip(TAB_NAMES, TAB_TITLES, strict=True), start=1):
            title = QCoreApplication.translate("CountWorkspace", title).replace("&", "")
            self.tab_actions.append(self._action(count_menu, title, lambda n=name: self.show_tab(n),
                                                 QKeySequence(f"Ctrl+{index}"), f"tab:{name}"))
        count_menu.addSeparator()
        self.election_details_action = self._action(count_menu, self.tr("&Election details…"),
                                                    self.edit_election_details, None, "electionDetails")
        self.declare_action = self._action(count_menu, self.tr("Dec&lare the result…"),
                                           self.declare_result, None, "declare")
        self.passphrase_action = self._action(count_menu, self.tr("Set the RO &passphrase…"), self.set_passphrase,
                                              None, "roPassphrase")
        self.unlock_action = self._action(count_menu, self.tr("&Unlock a declared result…"), self.unlock_result, None,
                                          "unlock")
        self.round2_action = self._action(count_menu, self.tr("Import the &round-2 instruction…"),
                                          self.import_round2_instruction, None, "importRound2")
        self.documents_action = self._action(count_menu, self.tr("&Documents…"), self.show_documents,
                                             QKeySequence.StandardKey.Print, "documents")
        view_menu = bar.addMenu(self.tr("&View"))
        self.projector_action = self._action(view_menu, self.tr("&Results screen"), self.show_projector,
                                             QKeySequence("F11"), "projector")
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&User guide"),
                     self.show_user_guide, QKeySequence.StandardKey.HelpContents, "guide")
        self._action(help_menu, self.tr("&About countdesk"), self.show_about, None, "about")
        self.count_actions = [self.import_candidates_action, self.import_boxes_action, self.close_action,
                              self.operator_action, *self.tab_actions, self.declare_action, self.unlock_action,
                              self.projector_action, self.export_action, self.round2_action,
                              self.documents_action, self.backups_action, self.restore_action,
                              self.passphrase_action, self.election_details_action]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_counts():
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_count(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent counts")).setEnabled(False)

    # -- the operator -------------------------------------------------------------------------
    def ask_operator_once(self) -> str | None:
        """The operator's name: asked the first time a count is opened in this session."""
        from .dialogs.operator_dialog import ask_operator

        if not self.operator:
            name = ask_operator(self, settings.LAST_OPERATOR.read())
            if name is None:
                return None
            self.operator = name
            settings.LAST_OPERATOR.write(name)
        return self.operator

    def change_operator(self) -> None:
        from .dialogs.operator_dialog import ask_operator

        if self.current_count is None:
            return
        name = ask_operator(self, "", title=self.tr("Change operator"),
                            explanation=self.tr("{0} is handing over. Who is entering figures now?").format(
                                self.current_count.operator))
        if name is None:
            return
        try:
            self.current_count.change_operator(name)
        except CountdeskError as error:
            count_files.show_error(self, self.tr("The operator was not changed"), error.message)
            return
        self.operator = name
        settings.LAST_OPERATOR.write(name)
        self.show_status(self.tr("{0} is now the operator: every change is stamped with this name.").format(name))

    # -- opening and closing --------------------------------------------------------------------
    def may_drop_typing(self, doing: str) -> bool:
        """True when no figure typed in the open count is unconfirmed, or the user lets it go."""
        if self.workspace is None:
            return True
        return confirm_discard(self, self.workspace.unconfirmed_work(), doing)

    def close_count_asking(self) -> bool:
        """File ▸ Close count: asks first when typed figures are not confirmed."""
        return self.may_drop_typing(self.tr("close the count")) and self.close_count()

    def new_count(self) -> None:
        from .dialogs.new_count_wizard import NewCountWizard

        if not self.may_drop_typing(self.tr("start a new count")):
            return
        wizard = NewCountWizard(self)
        if wizard.exec() != NewCountWizard.DialogCode.Accepted:
            return
        plan = wizard.plan()
        operator = self.ask_operator_once() if plan else None
        if plan is None or operator is None:
            return
        session = count_files.create_session(self, plan, operator)
        if session is not None:
            self.close_count()
            self._show_count(OpenCount(session), default_tab="setup")

    def open_count_dialog(self) -> None:
        path = count_files.choose_count_file(self)
        if path is not None:
            self.open_count(path)

    def connect_to_server(self) -> None:
        """Start page ▸ Connect to a count server…: the count on the venue's server."""
        from .server_connection import ask_server_address

        url = ask_server_address(self)
        if url is not None:
            self.open_count(url)

    def open_count(self, path: Path | str, *, operator: str | None = None, default_tab: str | None = None,
                   asked: bool = False) -> bool:
        """Open `path` (a count file, or a count server's postgresql:// address) in place of the count
        open now (`asked`: the caller has already checked for unconfirmed figures)."""
        if is_server_url(path):
            if self.current_count is not None and str(self.current_count.location) == path:
                return True  # already open here
        else:
            path = Path(path)
            if self.current_count is not None and not self.current_count.shared \
                    and self.current_count.path.resolve() == path.resolve():
                return True  # already open here
        if not asked and not self.may_drop_typing(self.tr("open another count")):
            return False
        operator = operator or self.ask_operator_once()
        if operator is None:
            return False
        session = count_files.open_session(self, path, operator)
        if session is None:
            return False  # the count already open stays open
        self.close_count()
        self._show_count(OpenCount(session), default_tab=default_tab)
        chosen = settings.chosen_backup_folder()
        if chosen is not None:
            session.check_trail_length(chosen)  # the backup folder chosen here, on another device
        if session.trail_warning:  # the newest backup remembers a longer trail: say so, and where
            count_files.show_error(self, self.tr("The audit trail of %1 has been cut").replace("%1", path.name),
                                   session.trail_warning + self.tr(
                                       ". Restore the last good backup; the Audit log tab's Check the audit trail "
                                       "names what differs."))
        return True

    def open_demo(self) -> None:
        """The Liverpool 2021 demo, fresh: no set-up, no name asked (it is not a real count)."""
        if not self.may_drop_typing(self.tr("open the demo count")):
            return
        operator = self.operator or DEMO_OPERATOR
        task = count_files.make_demo(
            self, lambda path: self.open_count(path, operator=operator, default_tab="result", asked=True))
        if task is not None:
            self._tasks.append(task)

    def import_count_file(self) -> None:
        if not self.may_drop_typing(self.tr("import another count")):
            return
        operator = self.ask_operator_once()
        if operator is None:
            return
        task = count_files.import_as_new_count(self, operator, lambda path: self.open_count(path, asked=True))
        if task is not None:
            self._tasks.append(task)

    def import_csv(self, kind: str) -> None:
        if self.workspace is None or self.workspace.current_contest() is None:
            return
        title = self.tr("Import candidates from CSV") if kind == "candidates" else self.tr("Import boxes from CSV")
        path = count_files.choose_file(self, title, QCoreApplication.translate("CountFiles", count_files.CSV_FILTER))
        if path is None:
            return
        editor = self.workspace.setup_view.candidates if kind == "candidates" else self.workspace.setup_view.boxes

        def add(items: tuple) -> None:
            self.show_tab("setup")
            editor.add_many(items, path.name)

        self._tasks.append(count_files.read_csv_in_background(self, kind, path, add))

    def _show_count(self, open_count: OpenCount, default_tab: str | None = None) -> None:
        self.current_count = open_count
        self._start_auto_backup(open_count)
        # Made inside the stack, not apart and added to it afterwards: under the app's style sheet,
        # moving a built tree of widgets into the window styles every widget in it once more.
        self.workspace = CountWorkspace(open_count, self.stack)
        self.workspace.status_message.connect(self.show_status)
        self.workspace.contest_changed.connect(self._remember_place)
        self.workspace.tab_changed.connect(self._remember_place)
        # Bound methods, not lambdas: a lambda holding `self` kept the window alive from every count
        # closed in this session, and Python then destroyed it after Qt at exit (a crash on quitting).
        open_count.undo_stack.canUndoChanged.connect(self._state_changed)
        open_count.undo_stack.canRedoChanged.connect(self._state_changed)
        open_count.undo_stack.indexChanged.connect(self._state_changed)
        open_count.operator_changed.connect(self._state_changed)
        open_count.setup_changed.connect(self._title_changed)  # the election's name
        path = open_count.path
        contest = tab = None
        if open_count.shared:  # a server count: no file to remember; others' changes followed live
            from .server_connection import ServerStatus

            self.server_status = ServerStatus(open_count, self)
            self.statusBar().addPermanentWidget(self.server_status)
        else:
            if not open_count.read_only:
                settings.add_recent_count(path)
            # Both read before anything is selected: selecting the contest records the place (the
            # Set-up tab, still current then), which overwrote the tab remembered from last time.
            contest, tab = settings.last_contest(path), settings.last_tab(path)
        if contest:
            self.workspace.select_contest(contest)
        # The tab is chosen before the workspace is shown, so only that tab's view is built.
        self.workspace.select_tab(tab or default_tab or self.workspace.suggested_tab())
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self._update_state()
        self.workspace.tabs.setFocus()
        if open_count.read_only:
            self.show_status(self.tr("Opened read-only: nothing can be changed in this window."))

    def close_count(self) -> bool:
        """Close the open count (everything confirmed is already saved). True if none is open now."""
        if self.current_count is None:
            return True
        self._remember_place()
        if self.projector is not None:
            self.projector.close()
            self.projector = None
        open_count, workspace = self.current_count, self.workspace
        self.current_count, self.workspace = None, None
        if self.server_status is not None:
            self.server_status.stop()
            self.statusBar().removeWidget(self.server_status)
            self.server_status.deleteLater()
            self.server_status = None
        if self.auto_backup is not None:
            self.auto_backup.stop()
            self.auto_backup = None
        self.stack.setCurrentWidget(self.start_page)
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        open_count.close()
        self.start_page.refresh()
        self._update_state()
        return True

    def _remember_place(self, *_args: object) -> None:
        if self.current_count is None or self.workspace is None or self.current_count.closed \
                or self.current_count.shared:
            return
        settings.remember_tab(self.current_count.path, self.workspace.tab_name())
        contest = self.workspace.current_contest()
        if contest:
            settings.remember_contest(self.current_count.path, contest)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.may_drop_typing(self.tr("quit")):
            event.ignore()
            return
        settings.WINDOW_GEOMETRY.write(self.saveGeometry())
        if self.help_window is not None:
            self.help_window.close()
        self.close_count()
        settings.flush()  # where the user was, written now rather than a moment later (gui/settings.py)
        event.accept()

    # -- state shown ----------------------------------------------------------------------------
    def _state_changed(self, *_args: object) -> None:
        self._update_state()

    def _title_changed(self, *_args: object) -> None:
        self._update_title()

    def _update_state(self) -> None:
        has_count = self.current_count is not None
        writable = has_count and not self.current_count.read_only
        for action in self.count_actions:
            action.setEnabled(has_count)
        for action in (self.import_candidates_action, self.import_boxes_action, self.declare_action,
                       self.unlock_action):
            action.setEnabled(writable)
        stack = self.current_count.undo_stack if has_count else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()) and writable)
        self.redo_action.setEnabled(bool(stack and stack.canRedo()) and writable)
        undo_text = self.tr("&Undo {0}").format(stack.undoText()) if stack and stack.canUndo() else self.tr("&Undo")
        redo_text = self.tr("&Redo {0}").format(stack.redoText()) if stack and stack.canRedo() else self.tr("&Redo")
        self.undo_action.setText(undo_text)
        self.redo_action.setText(redo_text)
        self.operator_status.setText(self.tr("Operator: {0}").format(self.current_count.operator) if has_count else "")
        if not has_count and (self._start_page is not None or self.isVisible()):
            self.start_page.refresh()
            self.start_page.focus_first()
        self._update_title()

    def _update_title(self) -> None:
        if self.current_count is None or self.current_count.closed:
            self.setWindowTitle(self.tr("countdesk"))
            return
        election = self.current_count.count().election
        where = self.current_count.path.name
        if self.current_count.shared:
            where = self.tr("{0} (count server)").format(where)
        title = self.tr("{0} — {1}").format(election.title, where)
        if self.current_count.read_only:
            holder = self.current_count.lock_holder
            if holder:
                title = self.tr("{0} — READ-ONLY, open for writing by {1} on {2}").format(
                    title, holder.operator or holder.user, holder.host)
            else:
                title = self.tr("{0} — READ-ONLY").format(title)
        self.setWindowTitle(self.tr("{0} — countdesk").format(title))

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def show_tab(self, name: str) -> None:
        if self.workspace is not None:
            self.workspace.select_tab(name)

    # -- undo -----------------------------------------------------------------------------------
    def undo(self) -> None:
        self._step(lambda stack: stack.undo(), undoing=True)

    def redo(self) -> None:
        self._step(lambda stack: stack.redo(), undoing=False)

    def _step(self, act, *, undoing: bool) -> None:
        if self.current_count is None or self.current_count.read_only:
            return
        stack = self.current_count.undo_stack
        text = stack.undoText() if undoing else stack.redoText()
        refused = self.tr("Undo refused") if undoing else self.tr("Redo refused")
        # Refuse before Qt runs the command: a command that fails inside QUndoStack still moves the
        # stack, and the screen would then disagree with the file.
        command = stack.command(stack.index() - 1 if undoing else stack.index())
        contest_id = getattr(command, "contest_id", None)
        if contest_id and self.current_count.locked(contest_id):
            count_files.show_error(self, refused, self.tr('"{0}" belongs to a declared result: unlock it first '
                                                          '(Count > Unlock).').format(text))
            return
        try:
            act(stack)
        except CountdeskError as error:
            count_files.show_error(self, refused, error.message)
            return
        refusal = command.take_refusal() if hasattr(command, "take_refusal") else None
        if refusal is not None:  # refused by the use case: nothing written, the stack moved back
            command.step_back(stack, undoing)
            count_files.show_error(self, refused, refusal.message)
            return
        self.show_status((self.tr("Undone: {0}") if undoing else self.tr("Redone: {0}")).format(text))

    # -- declaring ------------------------------------------------------------------------------
    def declare_result(self) -> None:
        from .dialogs.passphrase_dialog import PassphraseDialog

        contest_id = self.workspace.current_contest() if self.workspace else None
        if contest_id is None or self.current_count is None:
            return
        try:  # the result the screen would declare must be counted (an area's round-2 instruction checked)
            self.current_count.result(contest_id)
        except CountdeskError as error:
            count_files.show_error(self, self.tr("The result cannot be declared"), error.message)
            return
        from ..services.declaring import regime_refusal

        refusal = regime_refusal(self.current_count.count().election, self.current_count.contest(contest_id))
        if refusal is not None:  # the service refuses it too: no passphrase is asked for nothing
            count_files.show_error(self, self.tr("The result cannot be declared"), refusal)
            return
        open_count = self.current_count
        if not open_count.has_ro_passphrase():
            dialog = PassphraseDialog(self.tr("Set the RO passphrase"),
                                      self.tr("Only the returning officer declares. Choose the passphrase that will be "
                                              "asked to declare or reopen a result."), self,
                                      confirm=True, ok_text=self.tr("Set passphrase"))
            if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
                return
            open_count.set_ro_passphrase(dialog.passphrase())
        title = self.current_count.contest(contest_id).title
        dialog = PassphraseDialog(self.tr("Declare the result"),
                                  self.tr("Declare the result of {0}? The contest is then locked: no figure can change "
                                          "unless the RO reopens it.").format(title), self, ok_text=self.tr("Declare"))
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return
        self._guarded(lambda: open_count.declare(contest_id, dialog.passphrase()),
                      self.tr("{0}: result declared.").format(title), self.tr("The result was not declared"))

    def unlock_result(self) -> None:
        from .dialogs.passphrase_dialog import PassphraseDialog

        contest_id = self.workspace.current_contest() if self.workspace else None
        if contest_id is None or self.current_count is None:
            return
        dialog = PassphraseDialog(self.tr("Reopen a declared result"),
                                  self.tr("Reopen the declared result for correction? The result becomes provisional "
                                          "again."), self, with_reason=True, ok_text=self.tr("Reopen"))
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return
        self._guarded(lambda: self.current_count.unlock(contest_id, dialog.passphrase(), dialog.reason()),
                      self.tr("The result is provisional again."), self.tr("The result was not reopened"))

    def _guarded(self, act, done: str, failed: str) -> None:
        """Run a returning officer's act on the open count (it applies what was committed)."""
        try:
            act()
        except CountdeskError as error:
            count_files.show_error(self, failed, error.message)
            return
        self.show_status(done)

    # -- other windows --------------------------------------------------------------------------
    def show_projector(self) -> None:
        contest_id = self.workspace.current_contest() if self.workspace else None
        if contest_id is None:
            return
        from .projector import ProjectorScreen

        if self.projector is None:
            self.projector = ProjectorScreen(self.current_count, contest_id)
        else:
            self.projector.set_contest(contest_id)
        self.projector.present()

    # The dialogs below are imported when first used: start-up pays only for what it shows.
    def _start_auto_backup(self, open_count: OpenCount) -> None:
        """Snapshots every few minutes and at each stage change, to the folder chosen in Backups.

        Started a second after the count is shown (its first check is half a minute away anyway),
        so the backup machinery does not delay the first sight of the count."""
        if open_count.read_only or open_count.shared:  # a server count is backed up by `countdesk copy`
            return
        QTimer.singleShot(AUTO_BACKUP_START_MS, self, lambda: self._begin_auto_backup(open_count))

    def _begin_auto_backup(self, open_count: OpenCount) -> None:
        if self.current_count is not open_count or self.auto_backup is not None or open_count.closed:
            return  # closed, or another count opened, in the meantime
        from .dialogs.backup_dialog import AutoBackup

        self.auto_backup = AutoBackup(open_count.session, self)
        self.auto_backup.failed.connect(self.show_status)
        self.auto_backup.backed_up.connect(self._backed_up)

    def _backed_up(self, path: object) -> None:
        self.show_status(self.tr("Backed up: {0}").format(Path(str(path)).name))

    def show_backups(self) -> None:
        from .dialogs.backup_dialog import BackupDialog

        BackupDialog(self.current_count.session, self).exec()

    def restore_backup(self) -> None:
        from .dialogs.restore_dialog import RestoreDialog

        path = self.current_count.path
        dialog = RestoreDialog.for_open_count(self.current_count.session, self)
        dialog.exec()
        if dialog.restored_session is not None:
            self.close_count()
            self._show_count(OpenCount(dialog.restored_session))
        elif dialog.session_was_closed:
            self.close_count()
            self.open_count(path, operator=self.operator)

    def set_passphrase(self) -> None:
        from .dialogs.ro_passphrase_dialog import set_ro_passphrase

        set_ro_passphrase(self, self.current_count)

    def export_results(self) -> None:
        from .dialogs.export_dialog import ExportDialog

        ExportDialog(self.current_count, self).exec()

    def collate_areas(self) -> None:
        from .collation_window import start_collation

        start_collation(self)

    def import_round2_instruction(self) -> None:
        from .dialogs.round2_instruction_dialog import Round2InstructionDialog

        Round2InstructionDialog(self.current_count, self).exec()

    def edit_election_details(self) -> None:
        """Nation, deputy and the Welsh titles (the Set-up form has no room left for them)."""
        if self.current_count is None:
            return
        from .dialogs.election_details_dialog import ElectionDetailsDialog

        contest_id = self.workspace.current_contest() if self.workspace else None
        dialog = ElectionDetailsDialog(self.current_count, contest_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_status(self.tr("Election details saved."))
        dialog.deleteLater()

    def show_documents(self) -> None:
        contest_id = self.workspace.current_contest() if self.workspace else None
        if contest_id is None or self.current_count is None:
            return
        from .dialogs.documents_dialog import DocumentsDialog

        dialog = DocumentsDialog(self.current_count, contest_id, self)
        dialog.exec()
        dialog.deleteLater()

    def show_user_guide(self) -> None:
        """F1: the guide inside the app, open at the section for the tab in use."""
        from .help_window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show()  # shown first: a hidden view has no scroll range to move in
        self.help_window.show_section(self.workspace.tab_name() if self.workspace is not None else "start")
        self.help_window.raise_()
        self.help_window.activateWindow()

    def show_about(self) -> None:
        from .dialogs.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def current_view(self) -> QWidget | None:
        return self.workspace.view(self.workspace.tab_name()) if self.workspace else None

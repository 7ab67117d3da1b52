"""The main window: structure dock, editor tabs, findings dock, menus and status bar."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from govplanner.gui import actions as menus
from govplanner.gui import settings_keys as keys
from govplanner.gui.editing import EditOps
from govplanner.gui.file_ops import FileOps, example_files
from govplanner.gui.findings_summary import FindingsSummary
from govplanner.gui.messages import show_problem
from govplanner.gui.plan_locks import Claim, LockKeeper, ReadOnlyBanner
from govplanner.gui.recent_files import RecentFiles
from govplanner.gui.welcome import WelcomePage
from govplanner.gui.window_frame import default_size, make_dock

if TYPE_CHECKING:
    from govplanner.analysis.result import Analysis
    from govplanner.domain.document import PlanDocument
    from govplanner.domain.model import Plan
    from govplanner.files.recovery import RecoveryStore
    from govplanner.gui.autosave import Autosaver
    from govplanner.gui.crash_handler import CrashHandler
    from govplanner.gui.diagram import DiagramView
    from govplanner.gui.live_analysis import LiveAnalysis
    from govplanner.gui.models.lookup import Lookup
    from govplanner.gui.planning.wiring import Planning
    from govplanner.gui.restructure.wiring import Restructure
    from govplanner.gui.wording import UiWords

APP_TITLE = "govplanner"


class MainWindow(QMainWindow):
    """One window over one document and its undo stack.

    ``recovery``: where unsaved work is autosaved (None: no autosave), every ``autosave_ms``
    (default: QSettings ``autosave/minutes``, 3). ``locking``: take a lock on opened files.
    With ``document=None`` the window is only its welcome page and menus until
    :meth:`attach` gives it the document (the app does this just after the first paint).
    """

    document: PlanDocument
    live: LiveAnalysis
    lookup: Lookup
    words: UiWords  # the plan's words for committee, tier and role (set by attach)
    planning: Planning  # set by gui.planning.install
    restructure: Restructure  # set by gui.restructure.install

    def __init__(
        self,
        document: PlanDocument | None,
        undo_stack: QUndoStack,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        recovery: RecoveryStore | None = None,
        autosave_ms: int | None = None,
        locking: bool = True,
    ) -> None:
        super().__init__(parent)
        self.undo_stack, self.settings = undo_stack, settings
        self.plan_open = self.attached = self.editor_built = False
        self._editor_waiting: list[Callable[[QTabWidget], None]] = []
        self.locks = LockKeeper(self, locking)
        self.crash_handler: CrashHandler | None = None  # set when installed by the app
        self.autosave: Autosaver | None = None
        self.recent_files = RecentFiles(settings, self)
        self.files = FileOps(self, self, undo_stack, self.locks, self.recent_files)
        self.edits = EditOps(self, self, undo_stack, self)
        self._build_menus()
        self._build_centre()
        self.summary = FindingsSummary(self)
        self.statusBar().addPermanentWidget(self.summary)
        self._connect_parts()
        default_size(self)
        geometry = self.settings.value(keys.WINDOW_GEOMETRY.key)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.recent_changed()
        self._set_plan_ui(False)
        self.update_title()
        if document is not None:
            self.attach(document, recovery=recovery, autosave_ms=autosave_ms)

    def attach(
        self,
        document: PlanDocument,
        *,
        recovery: RecoveryStore | None = None,
        autosave_ms: int | None = None,
    ) -> None:
        """Connect the window to its document: live analysis, look-ups, autosave, planning."""
        from govplanner.gui.live_analysis import LiveAnalysis
        from govplanner.gui.models.lookup import Lookup
        from govplanner.gui.wording import ui_words

        self.document = document
        self.words = ui_words(document)
        menus.bind_words(self.menu_actions, self.menu_book, self.words)
        self.live = LiveAnalysis(document, self)
        self.files.follow_analysis(self.live)  # exports use it while it is current
        self.lookup = Lookup(document)
        self.live.updated.connect(self._analysis_updated)
        self.live.failed.connect(lambda message: self.show_status(message, 15000))
        if recovery is not None:
            self._autosave_to(recovery, autosave_ms)
        from govplanner.gui import planning  # compare, term timeline, principles, plan words

        planning.install(self)
        self.attached = True

    def _build_menus(self) -> None:
        """The menus as gui.actions declares them, each action doing what its part does."""
        from govplanner.gui.help_menu import install_help_menu  # the help loads the domain

        slots = menus.window_slots(self.files, self.edits, self.close)
        self.menu_actions = menus.build_actions(self, slots, self.undo_stack)
        self.menu_book = menus.build_menus(self.menuBar(), self.menu_actions)
        self.view_menu = self.menu_book.menu("view")
        install_help_menu(self, self.menu_book.menu("help"))
        menus.fill_examples(self.menu_actions.examples_menu, self.files.open_example)

    def _connect_parts(self) -> None:
        """The parts report back here: every signal between them and the window, in one place."""
        files, welcome = self.files, self.welcome
        files.status_shown.connect(self.show_status)
        files.unexpected_error.connect(self._unexpected_error)
        self.edits.refused.connect(self.show_refusal)
        self.recent_files.changed.connect(self.recent_changed)
        self.undo_stack.cleanChanged.connect(lambda _clean: self.update_title())
        welcome.new_requested.connect(files.new_plan)
        welcome.open_requested.connect(files.open_dialog)
        welcome.path_chosen.connect(files.open_path)
        welcome.example_chosen.connect(files.open_example)
        self.read_only_banner.save_as_requested.connect(files.save_as)

    def _autosave_to(self, store: RecoveryStore, interval_ms: int | None) -> None:
        from govplanner.gui.autosave import Autosaver, interval_from

        interval = interval_ms if interval_ms is not None else interval_from(self.settings)
        active = lambda: self.plan_open  # noqa: E731 - read at each tick
        self.autosave = Autosaver(self.document, self.undo_stack, store, interval, self, active)
        self.autosave.failed.connect(lambda message: self.show_status(message, 15000))
        self.files.autosave = self.autosave

    def new_window(self) -> MainWindow:
        """Another window, built as the app builds its first (the same autosave store)."""
        from govplanner.domain.document import PlanDocument

        store = self.autosave.store if self.autosave is not None else None
        return MainWindow(PlanDocument(), QUndoStack(), QSettings(), recovery=store)

    def _ensure_editor(self) -> None:
        """Build the editor the first time a plan opens: the welcome page paints sooner."""
        if self.editor_built:
            return
        self.editor_built = True
        self._build_editor()
        for then in self._editor_waiting:
            then(self.tabs)
        self._build_docks()
        docks = {self.structure_dock: "Ctrl+Alt+1", self.findings_dock: "Ctrl+Alt+2"}
        worded, a = self.worded_tabs(), self.menu_actions
        menus.build_view_menu(self.view_menu, self.tabs, docks, worded, self.words, a)
        from govplanner.gui.keyboard import install_editor_keys

        install_editor_keys(self)
        self.centre.updateGeometry()  # its minimum is now the editor's, not the welcome page's
        state = self.settings.value(keys.WINDOW_STATE.key)
        if state is not None:
            self.restoreState(state)

    def when_editor_built(self, then: Callable[[QTabWidget], None]) -> None:
        """Call ``then`` with the editor's tabs once they exist (at once if they do)."""
        if self.editor_built:
            then(self.tabs)
        else:
            self._editor_waiting.append(then)

    def _build_centre(self) -> None:
        self.welcome = WelcomePage(self)
        self.welcome.set_examples([str(p) for p in example_files()])
        self.centre = QStackedWidget(self)
        # The welcome page is shown alone; its width must not set the editor's minimum.
        self.welcome.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.centre.addWidget(self.welcome)
        self.read_only_banner = ReadOnlyBanner(self)
        self.setCentralWidget(self.read_only_banner.above(self.centre))

    def _build_editor(self) -> None:
        from govplanner.gui.coverage_view import CoverageView
        from govplanner.gui.diagram import DiagramView
        from govplanner.gui.editor_pages import build_pages

        d = self.document
        self.pages = build_pages(self, d, self.undo_stack, self.lookup, self.menu_actions)
        p = self.pages
        self.committees, self.roles, self.people = p.committees, p.roles, p.people
        self.organisations, self.groups, self.bodies = p.organisations, p.groups, p.bodies
        self.coverage = CoverageView(d, self.live, self)
        self.diagram: DiagramView = DiagramView(d, self.live, self)
        self.files.diagram = self.diagram
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.coverage, "Covera&ge")
        self.tabs.addTab(self.committees, "")
        self.tabs.addTab(self.roles, "")
        self.tabs.addTab(self.people, "&People")
        self.tabs.addTab(self.bodies, "&Organisations")
        for page, text in self.worded_tabs().items():
            self.words.bind(self.tabs, "setTabText", f"&{text}", self.tabs.indexOf(page))
        self.tabs.addTab(self.diagram, "&Diagram")
        self.centre.addWidget(self.tabs)
        self._connect_editor()

    def _connect_editor(self) -> None:
        """The editor's parts report back here, as the window's own parts do."""
        show_committee = lambda cid: self.select_subject("committee", cid)  # noqa: E731
        for page in self.pages.all():
            page.model.edit_refused.connect(self.show_refusal)
            page.form.edit_refused.connect(self.show_refusal)
            page.form.navigate.connect(self.select_subject)
        self.pages.committee_form().add_role_requested.connect(lambda c: self.edits.add_role(on=c))
        self.coverage.committee_activated.connect(show_committee)
        self.diagram.committee_activated.connect(show_committee)

    def worded_tabs(self) -> dict[QWidget, str]:
        """Tabs titled in the plan's words (templates, see :mod:`govplanner.gui.wording`)."""
        return {self.committees: "{Committees}", self.roles: "{Roles}"}

    def _build_docks(self) -> None:
        from govplanner.gui.findings_panel import FindingsPanel
        from govplanner.gui.structure_view import StructureView

        a = self.menu_actions
        tree_actions = [a.add_committee, a.delete, a.tiers_stages]
        self.structure = StructureView(self.document, self.undo_stack, tree_actions, self)
        from govplanner.gui.routing import Router

        shared: dict[QWidget, QWidget] = {self.organisations: self.bodies, self.groups: self.bodies}
        self.router = Router(self.tabs, self.pages.by_kind(), shared, self.structure, self.diagram)
        self.structure.current_changed.connect(self.router.structure_selected)
        self.structure_dock = make_dock(self, "", "structureDock", self.structure)
        self.words.bind(self.structure_dock, "setWindowTitle", "{Tiers} and {committees}")
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.structure_dock)
        self.findings = FindingsPanel(self.document, self.undo_stack, self.live, self)
        self.findings.subject_activated.connect(self.select_subject)
        self.findings_dock = make_dock(self, "Findings", "findingsDock", self.findings)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        tree, findings = min(300, self.width() // 4), min(230, self.height() // 3)  # laptops
        self.resizeDocks([self.structure_dock], [tree], Qt.Orientation.Horizontal)
        self.resizeDocks([self.findings_dock], [findings], Qt.Orientation.Vertical)

    # -- plan state ------------------------------------------------------------------------

    def show_plan(self, plan: Plan, path: Path | None, claim: Claim | None = None) -> None:
        """Make ``plan`` the open plan (a fresh undo history, clean).

        ``claim``: the lock (or read-only note) ``path`` was opened with; None releases any.
        """
        self._ensure_editor()
        if self.autosave is not None:
            self.autosave.discard()
        self.locks.adopt(claim)
        gc.unfreeze()  # let the previous plan's objects be collected
        self.document.reset(plan, path)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.plan_open = True
        self.centre.setCurrentWidget(self.tabs)
        self._set_plan_ui(True)
        self.live.refresh()
        self.update_title()
        # The open plan lives as long as it is open: moving it out of the collector's view
        # stops full collections (triggered by an export on a worker thread) from walking
        # hundreds of thousands of objects while holding the GIL, which froze the window.
        gc.freeze()

    def show_welcome(self) -> None:
        from govplanner.domain.model import Plan

        if self.autosave is not None:
            self.autosave.discard()
        self.locks.release()
        gc.unfreeze()
        self.document.reset(Plan(), None)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.plan_open = False
        self.centre.setCurrentWidget(self.welcome)
        self._set_plan_ui(False)
        self.live.clear()
        self.summary.clear()
        self.update_title()

    def _set_plan_ui(self, on: bool) -> None:
        for action in self.menu_actions.plan_actions():
            action.setEnabled(on)
        self._show_read_only()
        if self.editor_built:
            for dock in (self.structure_dock, self.findings_dock):
                dock.setVisible(on)

    def document_name(self) -> str:
        path = self.document.path
        return path.name if path is not None else self.document.plan.name

    def update_title(self) -> None:
        self._show_read_only()
        if not self.plan_open:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
        note = " (read-only)" if self.locks.read_only else ""
        self.setWindowTitle(f"{self.document_name()}{note}[*] — {APP_TITLE}")
        self.setWindowModified(not self.undo_stack.isClean())

    def _show_read_only(self) -> None:
        """Read-only: Save is off (Save As works) and the banner says whose file it is."""
        read_only = self.plan_open and self.locks.read_only
        self.menu_actions.save.setEnabled(self.plan_open and not read_only)
        if read_only:
            self.read_only_banner.show_for(self.document.path, self.locks.owner)
        else:
            self.read_only_banner.hide()

    def recent_changed(self) -> None:
        recent, files = self.recent_files.paths(), self.files
        menus.fill_recent(
            self.menu_actions.recent_menu, recent, files.open_path, files.clear_recent
        )
        self.welcome.set_recent(recent)

    def _analysis_updated(self, analysis: Analysis) -> None:
        if self.plan_open:
            self.summary.show_analysis(analysis)

    def show_status(self, message: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def _unexpected_error(self, title: str, exc: BaseException) -> None:
        """A bug met by a part: the crash dialog (with the log), or at least a message."""
        if self.crash_handler is not None:
            self.crash_handler.report_exception(exc)
            return
        show_problem(self, title, f"Unexpected problem: {exc}")

    def show_refusal(self, message: str) -> None:
        self.statusBar().showMessage(f"Not changed: {message}", 10000)
        QApplication.beep()

    # -- selection routing (gui/routing.py) ----------------------------------------------------

    def selected_in_tree(self) -> tuple[str, str] | None:
        return self.structure.current()

    def select_subject(self, kind: str, item_id: str, focus_form: bool = False) -> None:
        self.router.select(kind, item_id, focus_form)

    def current_committee_id(self) -> str | None:
        return self.router.current_committee_id()

    def selection_for_delete(self) -> tuple[str, list[str]]:
        return self.router.selection_for_delete()

    # -- closing and layout ------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.plan_open:  # dock visibility is only meaningful with a plan showing
            self.settings.setValue(keys.WINDOW_STATE.key, self.saveState())
        self.settings.setValue(keys.WINDOW_GEOMETRY.key, self.saveGeometry())
        if self.attached:
            self.live.detach()
        if self.autosave is not None:  # a clean close: the work is saved or was let go
            self.autosave.discard()
            self.autosave.shutdown()
        self.locks.release()
        if self.crash_handler is not None:
            self.crash_handler.uninstall()
        event.accept()

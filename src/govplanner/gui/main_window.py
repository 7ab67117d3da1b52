"""The main window: structure dock, editor tabs, findings dock, menus and status bar."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from govplanner.gui import actions as menus
from govplanner.gui import settings_keys as keys
from govplanner.gui.editing import EditOps, optional_class
from govplanner.gui.file_ops import FileOps, example_files
from govplanner.gui.plan_locks import Claim, LockKeeper, ReadOnlyBanner
from govplanner.gui.welcome import WelcomePage

if TYPE_CHECKING:
    from govplanner.analysis.result import Analysis
    from govplanner.domain.document import PlanDocument
    from govplanner.domain.model import Plan
    from govplanner.files.recovery import RecoveryStore
    from govplanner.gui.autosave import Autosaver
    from govplanner.gui.crash_handler import CrashHandler
    from govplanner.gui.live_analysis import LiveAnalysis
    from govplanner.gui.models.lookup import Lookup
    from govplanner.gui.table_page import TablePage
    from govplanner.gui.wording import UiWords

APP_TITLE = "govplanner"
MIN_SIZE = (800, 480)


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
    role_descriptions_menu: QMenu

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
        self.plan_open = self.attached = False
        self.locks = LockKeeper(self, locking)
        self.crash_handler: CrashHandler | None = None  # set when installed by the app
        self.autosave: Autosaver | None = None
        self.files = FileOps(self, settings)
        self.edits = EditOps(self)
        self.menu_actions = menus.build_actions(self)
        self.view_menu: Any = None
        self.editor_built = False
        menus.build_menus(self, self.menu_actions)
        self._build_centre()
        self._build_status_bar()
        undo_stack.cleanChanged.connect(lambda _clean: self.update_title())
        # Small enough for a 1366x768 laptop at 125 % (1093x614 logical, less the task bar
        # and title bar): panes scroll inside.
        self.setMinimumSize(*MIN_SIZE)
        self._default_size()
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
        menus.bind_words(self, self.words)
        self.live = LiveAnalysis(document, self)
        self.lookup = Lookup(document)
        self.live.updated.connect(self._analysis_updated)
        self.live.failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        if recovery is not None:
            from govplanner.gui.autosave import autosave_window

            self.autosave = autosave_window(self, recovery, autosave_ms)
        from govplanner.gui import planning  # compare, term timeline, principles, plan words

        planning.install(self)
        self.attached = True

    def _default_size(self) -> None:
        """1440×900, or less on a small laptop screen (never larger than the screen)."""
        screen = QApplication.primaryScreen()
        width, height = 1440, 900
        # The offscreen platform's pretend 800×600 screen is no reason to shrink the window.
        if screen is not None and QApplication.platformName() != "offscreen":
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.95))
            height = min(height, int(available.height() * 0.95))
        self.resize(max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1]))

    def _ensure_editor(self) -> None:
        """Build the editor the first time a plan opens: the welcome page paints sooner."""
        if self.editor_built:
            return
        self.editor_built = True
        self._build_editor()
        self._build_docks()
        menus.build_view_menu(self)
        self.centre.updateGeometry()  # its minimum is now the editor's, not the welcome page's
        state = self.settings.value(keys.WINDOW_STATE.key)
        if state is not None:
            self.restoreState(state)

    # -- building --------------------------------------------------------------------------

    def _page(self, noun: str, model: Any, form: Any, add: QAction) -> TablePage:
        from govplanner.gui.table_page import TablePage

        page = TablePage(noun, model, form, add, self.menu_actions.delete, self)
        model.edit_refused.connect(self.show_refusal)
        form.edit_refused.connect(self.show_refusal)
        form.navigate.connect(self.select_subject)
        return page

    def _build_centre(self) -> None:
        self.welcome = WelcomePage(self)
        self.welcome.new_requested.connect(self.files.new_plan)
        self.welcome.open_requested.connect(self.files.open_dialog)
        self.welcome.path_chosen.connect(self.files.open_path)
        self.welcome.example_chosen.connect(self.files.open_example)
        self.welcome.set_examples([str(p) for p in example_files()])
        self.centre = QStackedWidget(self)
        # The welcome page is shown alone; its width must not set the editor's minimum.
        self.welcome.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.centre.addWidget(self.welcome)
        self.read_only_banner = ReadOnlyBanner(self)
        self.read_only_banner.save_as_requested.connect(self.files.save_as)
        self.setCentralWidget(self.read_only_banner.above(self.centre))

    def _build_editor(self) -> None:
        from govplanner.gui.coverage_view import CoverageView
        from govplanner.gui.forms.committee_form import CommitteeForm
        from govplanner.gui.forms.person_form import PersonForm
        from govplanner.gui.forms.role_form import RoleForm
        from govplanner.gui.models import collections as tables

        d, s, lk, a = self.document, self.undo_stack, self.lookup, self.menu_actions
        committees = tables.committees_model(d, s, lk, self)
        committee_form = CommitteeForm(d, s, lk)
        committee_form.add_role_requested.connect(lambda cid: self.edits.add_role(on=cid))
        self.committees = self._page("{committees}", committees, committee_form, a.add_committee)
        roles = tables.roles_model(d, s, lk, self)
        self.roles = self._page("{roles}", roles, RoleForm(d, s, lk), a.add_role)
        people = tables.people_model(d, s, lk, self)
        self.people = self._page("people", people, PersonForm(d, s, lk), a.add_person)
        self.coverage = CoverageView(d, self.live, self)
        self.coverage.committee_activated.connect(lambda cid: self.select_subject("committee", cid))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.coverage, "Covera&ge")
        self.tabs.addTab(self.committees, "")
        self.tabs.addTab(self.roles, "")
        self.tabs.addTab(self.people, "&People")
        self.bodies = self._bodies_tab()
        self.tabs.addTab(self.bodies, "&Organisations")
        for page, text in self.worded_tabs().items():
            self.words.bind(self.tabs, "setTabText", f"&{text}", self.tabs.indexOf(page))
        self.diagram: Any = None
        diagram_class = optional_class("govplanner.gui.diagram", "DiagramView")
        if diagram_class is not None:
            self.diagram = diagram_class(d, self.live, self)
            self.diagram.committee_activated.connect(
                lambda cid: self.select_subject("committee", cid)
            )
            self.tabs.addTab(self.diagram, "&Diagram")
        self.centre.addWidget(self.tabs)

    def _bodies_tab(self) -> QWidget:
        """Organisations above, committees-in-common groups below: both small tables."""
        from govplanner.gui.forms.organisation_form import GroupForm, OrganisationForm
        from govplanner.gui.models import collections as tables
        from govplanner.gui.table_page import stacked_pages

        d, s, lk, a = self.document, self.undo_stack, self.lookup, self.menu_actions
        organisations = tables.organisations_model(d, s, lk, self)
        form = OrganisationForm(d, s, lk)
        self.organisations = self._page("organisations", organisations, form, a.add_organisation)
        groups = tables.groups_model(d, s, lk, self)
        noun = "{committees}-in-common groups"
        self.groups = self._page(noun, groups, GroupForm(d, s, lk), a.add_group)
        return stacked_pages(self, self.organisations, self.groups)

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

        pages = {p.model.kind: p for p in (self.committees, self.roles, self.people)}
        pages |= {p.model.kind: p for p in (self.organisations, self.groups)}
        shared = {self.organisations: self.bodies, self.groups: self.bodies}
        self.router = Router(self.tabs, pages, shared, self.structure, self.diagram)
        self.structure.current_changed.connect(self.router.structure_selected)
        self.structure_dock = self._dock("", "structureDock", self.structure)
        self.words.bind(self.structure_dock, "setWindowTitle", "{Tiers} and {committees}")
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.structure_dock)
        self.findings = FindingsPanel(self.document, self.undo_stack, self.live, self)
        self.findings.subject_activated.connect(self.select_subject)
        self.findings_dock = self._dock("Findings", "findingsDock", self.findings)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        tree, findings = min(300, self.width() // 4), min(230, self.height() // 3)  # laptops
        self.resizeDocks([self.structure_dock], [tree], Qt.Orientation.Horizontal)
        self.resizeDocks([self.findings_dock], [findings], Qt.Orientation.Vertical)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        return dock

    def _build_status_bar(self) -> None:
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Findings summary")
        self.statusBar().addPermanentWidget(self.summary)

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
        recent = self.files.recent()
        menus.fill_recent(self, self.menu_actions.recent_menu, recent)
        self.welcome.set_recent(recent)

    def _analysis_updated(self, analysis: Analysis) -> None:
        if not self.plan_open:
            return
        s = analysis.summary
        self.summary.setText(
            f"Open findings: {s.get('critical', 0)} critical · {s.get('warning', 0)} warning · "
            f"{s.get('info', 0)} info   |   {s.get('accepted', 0)} accepted"
        )

    def show_refusal(self, message: str) -> None:
        self.statusBar().showMessage(f"Not changed: {message}", 10000)
        QApplication.beep()

    def show_about(self) -> None:
        from govplanner.gui.dialogs import show_about

        show_about(self)

    # -- selection routing (gui/routing.py) ----------------------------------------------------

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

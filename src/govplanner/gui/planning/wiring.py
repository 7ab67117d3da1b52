"""Wires the planning views into a main window through its public attributes.

The menu entries are added at once; the tabs are added when the window builds its editor (the
first time a plan opens), so they join its View menu and Ctrl+number shortcuts like the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QTabWidget, QWidget

from govplanner.domain.errors import GovplannerError
from govplanner.gui.actions import ActionSpec, make_action
from govplanner.gui.commands import try_execute

if TYPE_CHECKING:
    from govplanner.gui.planning.compare_view import CompareView
    from govplanner.gui.planning.principles_view import PrinciplesView
    from govplanner.gui.planning.terms_view import TermsView
    from govplanner.gui.shell import ExtensionHost

PLAN_FILTER = "govplanner plans (*.govplan);;All files (*)"
XLSX_FILTER = "Excel workbooks (*.xlsx)"


def install_planning(window: ExtensionHost) -> Planning:
    """Add the planning tabs and menu entries; the result is kept as ``window.planning``."""
    existing = getattr(window, "planning", None)
    if isinstance(existing, Planning):
        return existing
    planning = Planning(window)
    window.planning = planning  # type: ignore[attr-defined]
    return planning


#: Planning's menu entries, declared as the window's own are (gui.actions).
ACTIONS = (
    ActionSpec("scenario", "Sa&ve as scenario…", "file", "save", needs_plan=True,
               tip="Save a copy of this plan to change as a proposal, and compare it with "
               "this one"),
    ActionSpec("compare_with", "Compare &with plan…", "file", "save", needs_plan=True,
               tip="Compare the open plan with another plan file"),
    ActionSpec("export_comparison", "&Comparison with another plan…", "file.export", "reports",
               needs_plan=True, tip="A workbook of coverage gains and losses and structural "
               "changes, for a board paper"),
    ActionSpec("words", "Plan &words and terms…", "edit", "plan", needs_plan=True,
               tip="Rename committee, tier and role for this plan; set the term warning window"),
)  # fmt: skip


class Planning(QObject):
    """The compare, terms and principles tabs and the menu entries of one window."""

    def __init__(self, window: ExtensionHost) -> None:
        super().__init__(window.window())
        self.window = window
        self._tabs: QTabWidget | None = None
        self.compare: CompareView | None = None
        self.terms: TermsView | None = None
        self.principles: PrinciplesView | None = None
        self.actions = self._make_actions()
        for spec in ACTIONS:  # each joins the actions that need an open plan
            window.menu_book.add(spec, self.actions[spec.id], window.menu_actions)
            self.actions[spec.id].setEnabled(window.plan_open)
        window.when_editor_built(self._add_tabs)

    def _make_actions(self) -> dict[str, QAction]:
        slots = {
            "scenario": self.save_scenario, "compare_with": self.choose_compare_target,
            "export_comparison": self.export_comparison, "words": self.edit_words,
        }  # fmt: skip
        parent = self.window.window()
        return {spec.id: make_action(spec, parent, slots[spec.id]) for spec in ACTIONS}

    # -- tabs ---------------------------------------------------------------------------------

    def _add_tabs(self, tabs: QTabWidget) -> None:
        from govplanner.gui.planning.compare_view import CompareView
        from govplanner.gui.planning.principles_view import PrinciplesView
        from govplanner.gui.planning.terms_view import TermsView

        window, self._tabs = self.window, tabs
        self.terms = TermsView(window.document, tabs)
        self.terms.role_activated.connect(lambda rid: window.select_subject("role", rid))
        self.principles = PrinciplesView(window.document, window.live, tabs)
        self.compare = CompareView(window.document, tabs)
        self.compare.subject_activated.connect(window.select_subject)
        self.compare.export_requested.connect(self.export_comparison)
        self.compare.choose_requested.connect(self.choose_compare_target)
        window.live.updated.connect(self.terms.plan_changed)
        window.live.updated.connect(self.compare.plan_changed)
        tabs.addTab(self.terms, "&Terms")
        tabs.addTab(self.principles, "Pri&nciples")
        tabs.addTab(self.compare, "Co&mpare")

    def show_tab(self, widget: QWidget | None) -> None:
        if widget is not None and self._tabs is not None:
            self._tabs.setCurrentWidget(widget)

    # -- actions ------------------------------------------------------------------------------

    def save_scenario(self) -> Path | None:
        from govplanner.gui.planning.scenario import ask_and_save_scenario

        return ask_and_save_scenario(self.window)

    def choose_compare_target(self) -> bool:
        if self.compare is None:
            return False
        document = self.window.document
        folder = str(document.path.parent) if document.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window.window(), "Compare with plan", folder, PLAN_FILTER
        )
        if not path:
            return False
        try:
            self.compare.set_target(path)
        except GovplannerError as exc:
            self.window.files.error("Cannot compare with that plan", exc)
            return False
        self.show_tab(self.compare)
        return True

    def export_comparison(self) -> Any:
        if self.compare is None:
            return None
        self.show_tab(self.compare)
        if self.compare.target is None and not self.choose_compare_target():
            return None
        comparison = self.compare.comparison
        if comparison is None:
            return None
        return self._export(comparison)

    def _export(self, comparison: Any) -> Any:
        from govplanner.domain.vocabulary import words
        from govplanner.export.filenames import safe_stem
        from govplanner.gui.export_prompts import export_file
        from govplanner.gui.workers import run_with_progress

        document = self.window.document
        folder = document.path.parent if document.path else Path.home()
        name = f"{safe_stem(document.plan.name, fallback='plan')} comparison.xlsx"
        other = self.compare.target.path if self.compare and self.compare.target else None
        path = export_file(  # checked as the command line checks: never a plan, never open
            self.window.window(),
            "Export comparison",
            folder / name,
            XLSX_FILTER,
            inputs=[document.path, other],
            what="comparison",
        )
        if path is None:
            return None
        return self.export_to(comparison, str(path), words(document.plan), run_with_progress)

    def export_to(self, comparison: Any, path: str, w: Any, runner: Any) -> Any:
        """Write the workbook in the background; the status bar says when it is done."""

        def work(_progress: Any, _cancelled: Any) -> Path:
            from govplanner.export.compare_report import export_comparison
            from govplanner.files.output_safety import export_writes

            with export_writes():  # a replaced workbook is kept as .bak
                return export_comparison(comparison, path, w)

        def done(written: Path, _cancelled: bool) -> None:
            self.window.show_status(f"Wrote {Path(written).name}", 6000)

        def failed(exc: BaseException) -> None:
            self.window.files.error("Cannot export the comparison", exc)

        return runner(
            self.window.window(), "Export comparison", "Writing the comparison…", work, done, failed
        )

    def edit_words(self) -> bool:
        """Show the plan words dialog; its change lands on the undo stack as one command."""
        from govplanner.gui.planning.words_dialog import PlanWordsDialog

        dialog = PlanWordsDialog(self.window.document, self.window.window())
        if not dialog.exec():
            return False
        command = dialog.command()
        if command is None:
            return False
        refusal = try_execute(self.window.undo_stack, command)
        if refusal is not None:
            self.window.show_refusal(refusal)
            return False
        return True

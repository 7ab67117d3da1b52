"""The restructuring menu entries of one window, and what happens when their dialogs finish."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from govplanner.domain.errors import GovplannerError
from govplanner.gui.actions import MenuSpec

if TYPE_CHECKING:
    from govplanner.domain.model import Plan
    from govplanner.gui.restructure.report_dialog import ReportDialog
    from govplanner.gui.shell import ExtensionHost

PLAN_FILTER = "govplanner plans (*.govplan);;All files (*)"
REDUCE_TIP = "Propose which {roles} to retire within a budget of sessions, keeping essential cover"


def _stem(name: str) -> str:
    from govplanner.export.filenames import safe_stem

    return safe_stem(name, fallback="plan")


class Restructure(QObject):
    """File ▸ Merge plans…, Plan ▸ Propose a reduction…, Plan ▸ Timeline…."""

    def __init__(self, window: ExtensionHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.dialog: Any = None
        self.report: ReportDialog | None = None
        self.opened: Any = None  # the proposal's window
        self.merge_action = self._action(
            "&Merge plans…",
            self.merge,
            "Merge two or more plans (the ICBs of a cluster) into one, with a report",
        )
        self.reduce_action = self._action(
            "&Propose a reduction…",
            self.reduce,
            REDUCE_TIP.format(roles="roles"),
        )
        self.timeline_action = self._action(
            "&Timeline…",
            self.timeline,
            "Coverage, findings, cost and changes at each step of a transition, by date",
        )
        self.merge_report_action = self._action(
            "The last &merge report…",
            self.show_merge_report,
            "Show again the report of the last merge made in this window, to check or save it",
        )
        self.merge_report_action.setEnabled(False)
        self.last_merge: tuple[str, Any] | None = None
        self._add_menus()
        words = getattr(window, "words", None)
        if words is not None:  # the plan's words for roles
            for setter in ("setStatusTip", "setToolTip"):
                words.bind(self.reduce_action, setter, REDUCE_TIP)
        window.menu_actions.extra.append(self.reduce_action)
        self.reduce_action.setEnabled(bool(getattr(window, "plan_open", False)))

    def _action(self, text: str, slot: Any, tip: str) -> QAction:
        action = QAction(text, self.window.window())
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _add_menus(self) -> None:
        """By menu id (gui.actions): Merge after Import register, a Plan menu before View."""
        book, a = self.window.menu_book, self.window.menu_actions
        book.place(self.merge_action, "file", "exchange", after=a.import_register)
        # no mnemonic: every letter of Plan is taken (People, Add line, Name, Principles)
        self.plan_menu = book.add_menu(MenuSpec("plan", "Plan"), before="view")
        book.place(self.reduce_action, "plan", "propose")
        book.place(self.timeline_action, "plan", "propose")
        book.place(self.merge_report_action, "plan", "reports")

    def _folder(self) -> str:
        path = self.window.document.path if getattr(self.window, "attached", False) else None
        return str(path.parent) if path is not None else ""

    # -- merge --------------------------------------------------------------------------------

    def merge(self) -> Any:
        from govplanner.gui.restructure.merge_dialog import MergeDialog

        if getattr(self.window, "plan_open", False) and not self.window.files.maybe_save():
            return None
        dialog = MergeDialog(self.window.window(), self._folder())
        dialog.accepted.connect(lambda: self.open_merged(*dialog.merged) if dialog.merged else None)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_merged(self, plan: Plan, report: Any) -> None:
        """The merged plan, unsaved, in this window; its report beside it to check and keep."""
        self.window.show_plan(plan, None)
        self.window.undo_stack.resetClean()  # never saved: closing it must ask
        self.window.update_title()
        self.last_merge = (plan.name, report)
        self.merge_report_action.setEnabled(True)
        n = len(report.to_check)
        self.show_merge_report()
        self.window.show_status(
            f"Merged {len(report.sources)} plans into '{plan.name}'; {n} "
            f"{'item asks' if n == 1 else 'items ask'} for a check. Save it as a plan.",
            10000,
        )

    def show_merge_report(self) -> None:
        """The last merge's report, to read and save as a workbook, text or JSON."""
        from govplanner.files.atomic import atomic_write_text

        if self.last_merge is None:
            return
        name, report = self.last_merge
        writers = {
            "xlsx": ("Excel workbooks (*.xlsx)", report.write_xlsx),
            "txt": ("Text files (*.txt)", lambda p: atomic_write_text(p, report.text(name))),
            "json": (
                "JSON files (*.json)",
                lambda p: atomic_write_text(
                    p, json.dumps(report.as_json(name), indent=2, ensure_ascii=False) + "\n"
                ),
            ),
        }
        self._show_report(
            "Merge report",
            f"How '{name}' was put together: every alignment "
            "and conflict; lines marked '!' ask for a check.",
            report.text(name),
            writers,
            f"{_stem(name)} merge report.xlsx",
        )

    def _show_report(self, title: str, intro: str, text: str, writers: Any, name: str) -> None:
        from govplanner.gui.restructure.report_dialog import ReportDialog

        folder = Path(self._folder()) if self._folder() else Path.home()
        self.report = ReportDialog(self.window.window(), title, intro, text, writers, folder / name)
        self.report.show()

    # -- reduce -------------------------------------------------------------------------------

    def reduce(self) -> Any:
        from govplanner.gui.restructure.reduce_dialog import ReduceDialog

        if not getattr(self.window, "plan_open", False):
            return None
        dialog = ReduceDialog(self.window.window(), self.window.document.plan)
        dialog.save_requested.connect(self.proposal_ready)  # the result is shown first
        self.dialog = dialog
        dialog.open()
        return dialog

    def proposal_ready(self, reduction: Any) -> None:
        plan = self.window.document.plan
        folder = Path(self._folder()) if self._folder() else Path.home()
        suggested = folder / f"{_stem(plan.name)} proposed reduction.govplan"
        parent = self.dialog if self.dialog is not None else self.window.window()
        chosen, _ = QFileDialog.getSaveFileName(
            parent, "Save the proposal as a scenario", str(suggested), PLAN_FILTER
        )
        if chosen:
            self.save_proposal(reduction, Path(chosen))

    def save_proposal(self, reduction: Any, path: Path) -> Path | None:
        """Save the proposal as a scenario, compare it here and open it beside this plan."""
        from govplanner.gui.planning.scenario import open_in_new_window, save_scenario
        from govplanner.restructure.proposal import proposal_plan

        proposal = proposal_plan(reduction)
        date = getattr(self.dialog, "effective_date", lambda: None)()
        if date is not None:
            proposal.effective_date = date
        try:
            saved = save_scenario(proposal, proposal.name, path, self.window.document.path)
        except (GovplannerError, OSError) as exc:
            QMessageBox.warning(self.window.window(), "Cannot save the proposal", str(exc))
            return None
        if self.dialog is not None:
            self.dialog.accept()
        planning = getattr(self.window, "planning", None)
        if planning is not None and planning.compare is not None:
            with contextlib.suppress(GovplannerError):
                planning.compare.set_target(saved, swapped=True)
        self.opened = open_in_new_window(saved, self.window, compare_with=self.window.document.path)
        self._show_rationale(reduction, saved)
        return saved

    def _show_rationale(self, reduction: Any, saved: Path) -> None:
        from govplanner.gui.restructure.reduce_words import plain_words
        from govplanner.restructure.proposal import reduction_text
        from govplanner.restructure.rationale import reduction_json

        text = plain_words(reduction_text(reduction))
        data = reduction_json(reduction, str(saved))
        writers = {
            "txt": ("Text files (*.txt)", lambda p: _write(p, text)),
            "json": (
                "JSON files (*.json)",
                lambda p: _write(
                    p, json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
                ),
            ),
        }
        self._show_report(
            "Reduction rationale",
            f"The proposal is saved as {saved.name} and open "
            "in a new window; this window's Compare tab shows what it changes.",
            text,
            writers,
            f"{saved.stem} rationale.txt",
        )

    # -- timeline -----------------------------------------------------------------------------

    def timeline(self) -> Any:
        from govplanner.gui.restructure.timeline_dialog import TimelineDialog

        path = self.window.document.path if getattr(self.window, "plan_open", False) else None
        dialog = TimelineDialog(
            self.window.window(), [path] if path is not None else [], self._folder()
        )
        self.dialog = dialog
        dialog.open()
        return dialog


def _write(path: Path, text: str) -> None:
    from govplanner.files.atomic import atomic_write_text

    atomic_write_text(path, text)

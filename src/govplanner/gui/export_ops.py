"""Importing a register and the exports (register, gap report, role descriptions, diagram),
each off the GUI thread behind a progress dialog with Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from govplanner.domain.errors import GovplannerError
from govplanner.gui.workers import BackgroundTask, Cancelled, Progress, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from govplanner.domain.model import Plan
    from govplanner.files.register_import import RegisterImport
    from govplanner.gui.shell import DiagramExport, PlanHost

REGISTER_FILTER = "Excel workbooks (*.xlsx)"
#: what a piece of background work returns to its ``done``
Result = TypeVar("Result")

#: Role description formats offered in File ▸ Export, with their menu words.
ROLE_FORMATS = {
    "docx": "&Word documents…",
    "pdf": "&PDF documents…",
    "html": "&HTML pages…",
    "md": "&Markdown text…",
}
ROLE_FORMAT_NOUNS = {
    "docx": "Word document",
    "pdf": "PDF document",
    "html": "web page",
    "md": "Markdown file",
}


def _stem(name: str) -> str:
    """A plan name as a file name Windows accepts (a name may hold '/' or ':')."""
    from govplanner.export.filenames import safe_stem

    return safe_stem(name, fallback="plan")


class ExportOps:
    """The import and export half of the File menu (mixed into :class:`FileOps`)."""

    window: QWidget  # the parent of its dialogs
    host: PlanHost
    undo_stack: QUndoStack
    diagram: DiagramExport | None

    def error(self, title: str, exc: BaseException) -> None:
        raise NotImplementedError

    def show_status(self, message: str, timeout_ms: int) -> None:
        raise NotImplementedError

    def maybe_save(self) -> bool:
        raise NotImplementedError

    def _start_folder(self) -> str:
        path = self.host.document.path
        if path is not None:
            return str(path.parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    # -- import (in the background) --------------------------------------------------------

    def import_register(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import register", self._start_folder(), REGISTER_FILTER
        )
        if path:
            self.import_register_from(path)

    def import_register_from(self, path: str) -> BackgroundTask:
        def work(progress: Progress, cancelled: Cancelled) -> RegisterImport:
            from govplanner.files.register_import import read_register

            return read_register(path)

        def done(result: RegisterImport, cancelled: bool) -> None:
            if cancelled:
                return
            plan = result.plan
            plan.name = plan.name if plan.name != "Untitled plan" else Path(path).stem
            self.host.show_plan(plan, None)
            # Never saved: closing it must ask, as for any unsaved work.
            self.undo_stack.resetClean()
            self.host.update_title()
            from govplanner.analysis.rules.common import counted  # pydantic: not at start-up
            from govplanner.domain.vocabulary import words

            w = words(plan)
            self.show_status(
                f"Imported {counted(len(plan.committees), w.committee, w.committees)}, "
                f"{counted(len(plan.roles), w.role, w.roles)} and "
                f"{counted(len(plan.people), 'person', 'people')} from {Path(path).name}. "
                "Save it as a plan.",
                8000,
            )
            if result.notices:
                self._show_notices(Path(path).name, list(result.notices))

        return self._background("Import register", f"Reading {Path(path).name}…", work, done)

    def _show_notices(self, name: str, notices: list[str]) -> None:
        """What the import assumed (kinds inferred from names...), without blocking the window."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Imported with notes")
        box.setText(f"{name} was imported. Please check:")
        box.setInformativeText("\n\n".join(f"• {n}" for n in notices[:8]))
        if len(notices) > 8:
            box.setDetailedText("\n".join(notices))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()  # not exec(): the plan is already open behind it
        self.notices_box = box

    def _background(
        self,
        title: str,
        label: str,
        work: Callable[[Progress, Cancelled], Result],
        done: Callable[[Result, bool], None],
    ) -> BackgroundTask:
        return run_with_progress(
            self.window, title, label, work, done, lambda exc: self.error(title, exc)
        )

    def _plan_for_export(self) -> Plan:
        """The plan as it is: exports run behind a window-modal progress dialog, so nothing
        can edit it until they finish, and a copy (a second at national scale) is not needed.
        """
        return self.host.document.plan

    def _export_target(self, title: str, name: str, file_filter: str, what: str) -> Path | None:
        """The file to write, checked as the command line checks it (never the open plan,
        a plan file or a plan open anywhere); None if cancelled or refused."""
        from govplanner.gui.export_prompts import export_file

        suggested = Path(self._start_folder()) / name
        source = self.host.document.path
        return export_file(self.window, title, suggested, file_filter, inputs=[source], what=what)

    def export_register(self) -> BackgroundTask | None:
        plan = self._plan_for_export()
        name = f"{_stem(plan.name)} register.xlsx"
        path = self._export_target("Export register", name, REGISTER_FILTER, "register")
        if path is None:
            return None
        replacing = path.exists()

        def work(progress: Progress, cancelled: Cancelled) -> None:
            from govplanner.files.output_safety import export_writes
            from govplanner.files.register_export import export_register

            with export_writes():  # on this thread: a replaced file keeps a .bak
                export_register(plan, path)

        done = self._wrote(path, replacing)
        return self._background("Export register", "Writing the register…", work, done)

    def export_gap_report(self) -> BackgroundTask | None:
        plan = self._plan_for_export()
        name = f"{_stem(plan.name)} gap report.xlsx"
        path = self._export_target("Gap report", name, REGISTER_FILTER, "gap report")
        if path is None:
            return None
        replacing = path.exists()

        def work(progress: Progress, cancelled: Cancelled) -> Path | None:
            from govplanner.analysis import analyse
            from govplanner.export.gap_report import export_gap_report
            from govplanner.files.output_safety import export_writes

            with export_writes():
                return export_gap_report(
                    plan, analyse(plan), path, progress=progress, cancel=cancelled
                )

        def done(written: Path | None, _cancelled: bool) -> None:
            # Cancelled means nothing was written at all (the old file, if any, is untouched).
            from govplanner.gui.export_prompts import replaced_note

            message = "Gap report cancelled: nothing written."
            if written:
                message = f"Wrote {path.name}.{replaced_note(path, replacing)}"
            self.show_status(message, 8000)

        return self._background("Gap report", "Writing the gap report…", work, done)

    def export_role_descriptions(self, fmt: str = "docx") -> BackgroundTask | None:
        from govplanner.domain.vocabulary import words  # pydantic: not at start-up

        plan = self._plan_for_export()
        w = words(plan)
        folder = QFileDialog.getExistingDirectory(
            self.window, f"Folder for the {w.role} descriptions", self._start_folder()
        )
        if not folder:
            return None
        from govplanner.gui import export_prompts as prompts  # never replace without asking

        title = f"{w.cap('role')} descriptions"
        target = prompts.choose_role_folder(self.window, plan, fmt, Path(folder), title, title)
        if target is None:
            return None

        def work(progress: Progress, cancelled: Cancelled) -> list[Path]:
            from govplanner.export.roles import export_role_descriptions
            from govplanner.files.output_safety import export_writes

            with export_writes():  # "Replace" still keeps each replaced document as .bak
                return export_role_descriptions(
                    plan, target, fmt=fmt, progress=progress, cancel=cancelled
                )

        def done(written: list[Path], cancelled: bool) -> None:
            from govplanner.analysis.rules.common import counted

            stopped = " (stopped early)" if cancelled else ""
            many = f"{w.role} descriptions"
            text = f"Wrote {counted(len(written), f'{w.role} description', many)} to {target}"
            self.show_status(f"{text}{stopped}.", 8000)
            if written:
                self.opened_folder_box = prompts.offer_to_open(
                    self.window, target, f"{text}{stopped}."
                )

        return self._background(title, f"Writing {w.role} descriptions…", work, done)

    def export_diagram(self, fmt: str = "png") -> bool:
        """Save the governance diagram as a PNG picture or an SVG drawing."""
        diagram = self.diagram
        if diagram is None:
            return False
        kind = "PNG pictures (*.png)" if fmt == "png" else "SVG drawings (*.svg)"
        name = f"{_stem(self.host.document.plan.name)} diagram.{fmt}"
        path = self._export_target("Export diagram", name, kind, "diagram")
        if path is None:
            return False
        from govplanner.files.atomic import backups_kept

        try:
            with backups_kept():
                (diagram.export_png if fmt == "png" else diagram.export_svg)(path)
        except (GovplannerError, OSError) as exc:
            self.error("Cannot export the diagram", exc)
            return False
        self.show_status(f"Wrote {path.name}", 6000)
        return True

    def _wrote(self, path: Path, replacing: bool) -> Callable[[object, bool], None]:
        def done(_result: object, _cancelled: bool) -> None:
            from govplanner.gui.export_prompts import replaced_note

            note = replaced_note(path, replacing)
            self.show_status(f"Wrote {path.name}.{note}", 8000)

        return done

"""Opening, saving, importing and exporting plans from the window, with recent files.

Every file problem is shown as the same plain-English message the command line prints
(``str()`` of a GovplannerError); the window stays usable afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Plan
from govplanner.gui.dialogs import NewPlanDialog
from govplanner.gui.workers import BackgroundTask, run_with_progress

if TYPE_CHECKING:
    from govplanner.gui.main_window import MainWindow

PLAN_FILTER = "govplanner plans (*.govplan);;All files (*)"
REGISTER_FILTER = "Excel workbooks (*.xlsx)"
MAX_RECENT = 8


def _stem(name: str) -> str:
    """A plan name as a file name Windows accepts (a name may hold '/' or ':')."""
    from govplanner.export.filenames import safe_stem

    return safe_stem(name, fallback="plan")


def examples_folder() -> Path | None:
    """The bundled examples: next to the package when installed, else the repository's."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_examples", here / "examples", here.parent.parent / "examples"):
        if candidate.is_dir() and any(candidate.glob("*.govplan")):
            return candidate
    return None


def example_files() -> list[Path]:
    folder = examples_folder()
    return sorted(folder.glob("*.govplan")) if folder else []


def example_title(path: Path) -> tuple[str, str]:
    """An example's plan name and description, read cheaply (the file name if unreadable)."""
    import json

    try:
        plan = json.loads(path.read_text(encoding="utf-8")).get("plan", {})
        return str(plan["name"]), str(plan.get("description", ""))
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return path.stem.replace("-", " ").replace("_", " "), ""


class FileOps:
    """The File menu's work, for one window."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        self.window, self.settings = window, settings

    # -- prompts ---------------------------------------------------------------------------

    def error(self, title: str, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, GovplannerError) else f"Unexpected problem: {exc}"
        QMessageBox.warning(self.window, title, text)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to throw the current plan away."""
        if not self.window.plan_open or self.window.undo_stack.isClean():
            return True
        name = self.window.document_name()
        answer = QMessageBox.question(
            self.window,
            "Unsaved changes",
            f"Save the changes to '{name}' before closing it?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _start_folder(self) -> str:
        path = self.window.document.path
        if path is not None:
            return str(path.parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    # -- new, open, close ------------------------------------------------------------------

    def new_plan(self, preset: str = "ics") -> bool:
        if not self.maybe_save():
            return False
        dialog = NewPlanDialog(self.window, preset)
        if not dialog.exec():
            return False
        from govplanner.domain.presets import new_plan

        key, name = dialog.choice()
        self.window.show_plan(new_plan(key, name), None)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open plan", self._start_folder(), PLAN_FILTER
        )
        return bool(path) and self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a plan file; on a bad file show why and keep the current plan."""
        if ask and not self.maybe_save():
            return False
        from govplanner.files.planfile import load_plan

        try:
            plan = load_plan(path)
        except GovplannerError as exc:
            self.error("Cannot open the plan", exc)
            if not Path(path).exists():
                self.forget_recent(str(Path(path).resolve()))
            return False
        self.window.show_plan(plan, Path(path))
        self.add_recent(str(Path(path).resolve()))
        return True

    def open_example(self, path: str | Path) -> bool:
        """Open a shipped example as a new, unsaved plan, so Save never overwrites it."""
        if not self.maybe_save():
            return False
        from govplanner.files.planfile import load_plan

        try:
            plan = load_plan(path)
        except GovplannerError as exc:
            self.error("Cannot open the example", exc)
            return False
        self.window.show_plan(plan, None)
        self.window.statusBar().showMessage(
            "This is a copy of an example: save it under a name of your own.", 8000
        )
        return True

    def close_plan(self) -> bool:
        if not self.maybe_save():
            return False
        self.window.show_welcome()
        return True

    # -- save ------------------------------------------------------------------------------

    def save(self) -> bool:
        path = self.window.document.path
        return self.save_as() if path is None else self._save_to(path)

    def save_as(self) -> bool:
        suggested = self.window.document.path or Path(self._start_folder()) / (
            f"{_stem(self.window.document.plan.name)}.govplan"
        )
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Save plan as", str(suggested), PLAN_FILTER
        )
        if not path:
            return False
        if not path.lower().endswith(".govplan"):
            path += ".govplan"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        from govplanner.files.planfile import save_plan

        try:
            save_plan(self.window.document.plan, path)
        except GovplannerError as exc:
            self.error("Cannot save the plan", exc)
            return False
        self.window.document.path = path
        self.window.undo_stack.setClean()
        self.window.update_title()
        self.add_recent(str(path.resolve()))
        self.window.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    # -- recent files ----------------------------------------------------------------------

    def recent(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(p) for p in items if p]

    def add_recent(self, path: str) -> None:
        items = [path] + [p for p in self.recent() if p != path]
        self.settings.setValue("recentFiles", items[:MAX_RECENT])
        self.window.recent_changed()

    def forget_recent(self, path: str) -> None:
        self.settings.setValue("recentFiles", [p for p in self.recent() if p != path])
        self.window.recent_changed()

    def clear_recent(self) -> None:
        self.settings.setValue("recentFiles", [])
        self.window.recent_changed()

    # -- import and export (in the background) ---------------------------------------------

    def import_register(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import register", self._start_folder(), REGISTER_FILTER
        )
        if path:
            self.import_register_from(path)

    def import_register_from(self, path: str) -> BackgroundTask:
        def work(progress: Any, cancelled: Any) -> Plan:
            from govplanner.files.register_import import import_register

            return import_register(path)

        def done(plan: Plan, cancelled: bool) -> None:
            if not cancelled:
                plan.name = plan.name if plan.name != "Untitled plan" else Path(path).stem
                self.window.show_plan(plan, None)
                self.window.statusBar().showMessage(
                    f"Imported {len(plan.committees)} committees, {len(plan.roles)} roles and "
                    f"{len(plan.people)} people from {Path(path).name}. Save it as a plan.",
                    8000,
                )

        return self._background("Import register", f"Reading {Path(path).name}…", work, done)

    def _background(
        self, title: str, label: str, work: Any, done: Callable[[Any, bool], None]
    ) -> BackgroundTask:
        return run_with_progress(
            self.window, title, label, work, done, lambda exc: self.error(title, exc)
        )

    def _plan_for_export(self) -> Plan:
        """The plan as it is: exports run behind a window-modal progress dialog, so nothing
        can edit it until they finish, and a copy (a second at national scale) is not needed.
        """
        return self.window.document.plan

    def _export_target(self, title: str, name: str, file_filter: str) -> str:
        suggested = str(Path(self._start_folder()) / name)
        path, _ = QFileDialog.getSaveFileName(self.window, title, suggested, file_filter)
        return path

    def export_register(self) -> BackgroundTask | None:
        plan = self._plan_for_export()
        name = f"{_stem(plan.name)} register.xlsx"
        path = self._export_target("Export register", name, REGISTER_FILTER)
        if not path:
            return None

        def work(progress: Any, cancelled: Any) -> None:
            from govplanner.files.register_export import export_register

            export_register(plan, path)

        return self._background("Export register", "Writing the register…", work, self._wrote(path))

    def export_gap_report(self) -> BackgroundTask | None:
        plan = self._plan_for_export()
        name = f"{_stem(plan.name)} gap report.xlsx"
        path = self._export_target("Gap report", name, REGISTER_FILTER)
        if not path:
            return None

        def work(progress: Any, cancelled: Any) -> None:
            from govplanner.analysis import analyse
            from govplanner.export.gap_report import export_gap_report

            export_gap_report(plan, analyse(plan), path)

        return self._background("Gap report", "Writing the gap report…", work, self._wrote(path))

    def export_role_descriptions(self, fmt: str = "docx") -> BackgroundTask | None:
        plan = self._plan_for_export()
        folder = QFileDialog.getExistingDirectory(
            self.window, "Folder for the role descriptions", self._start_folder()
        )
        if not folder:
            return None

        def work(progress: Any, cancelled: Any) -> list[Path]:
            from govplanner.export.roles import export_role_descriptions

            return export_role_descriptions(
                plan, Path(folder), fmt=fmt, progress=progress, cancel=cancelled
            )

        def done(written: list[Path], cancelled: bool) -> None:
            stopped = " (stopped early)" if cancelled else ""
            self.window.statusBar().showMessage(
                f"Wrote {len(written)} role description(s) to {folder}{stopped}.", 8000
            )

        return self._background("Role descriptions", "Writing role descriptions…", work, done)

    def export_diagram(self, fmt: str = "png") -> bool:
        """Save the governance diagram as a PNG picture or an SVG drawing."""
        diagram = getattr(self.window, "diagram", None)
        if diagram is None:
            return False
        kind = "PNG pictures (*.png)" if fmt == "png" else "SVG drawings (*.svg)"
        name = f"{_stem(self.window.document.plan.name)} diagram.{fmt}"
        path = self._export_target("Export diagram", name, kind)
        if not path:
            return False
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        try:
            (diagram.export_png if fmt == "png" else diagram.export_svg)(path)
        except (GovplannerError, OSError) as exc:
            self.error("Cannot export the diagram", exc)
            return False
        self.window.statusBar().showMessage(f"Wrote {Path(path).name}", 6000)
        return True

    def _wrote(self, path: str) -> Callable[[Any, bool], None]:
        def done(_result: Any, _cancelled: bool) -> None:
            self.window.statusBar().showMessage(f"Wrote {Path(path).name}", 6000)

        return done

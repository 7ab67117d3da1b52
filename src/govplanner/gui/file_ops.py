"""Opening, saving and recovering plans from the window, with recent files and file locks.

Every file problem is shown as the same plain-English message the command line prints
(``str()`` of a GovplannerError); the window stays usable afterwards, and a plan that could not
be saved stays modified, so nothing is lost. Imports and exports are in :mod:`export_ops`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from govplanner.domain.errors import GovplannerError
from govplanner.files.lock import PlanLockedError
from govplanner.gui import settings_keys as keys
from govplanner.gui.dialogs import NewPlanDialog
from govplanner.gui.export_ops import REGISTER_FILTER, ExportOps, _stem
from govplanner.gui.plan_locks import Claim, who

if TYPE_CHECKING:
    from govplanner.files.recovery import RecoveryEntry, RecoveryStore
    from govplanner.gui.main_window import MainWindow

__all__ = ["PLAN_FILTER", "REGISTER_FILTER", "FileOps", "example_files", "example_title"]

PLAN_FILTER = "govplanner plans (*.govplan);;All files (*)"
MAX_RECENT = 8


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


class FileOps(ExportOps):
    """The File menu's work, for one window."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        self.window, self.settings = window, settings

    # -- prompts ---------------------------------------------------------------------------

    def error(self, title: str, exc: BaseException) -> None:
        """Show a file problem; a bug (any other error) goes to the log and the crash dialog."""
        if isinstance(exc, GovplannerError):
            text = str(exc)
        elif isinstance(exc, OSError):
            text = f"The file system refused: {exc.strerror or exc}."
        elif self.window.crash_handler is not None:
            self.window.crash_handler.report_exception(exc)
            return
        else:
            text = f"Unexpected problem: {exc}"
        from govplanner.gui.messages import show_problem  # long lists scroll, paths in Details

        show_problem(self.window, title, text)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to throw the current plan away."""
        if not self.window.plan_open or self.window.undo_stack.isClean():
            return True
        name = self.window.document_name()
        question = (
            f"Save the changes to '{name}' before closing it?"
            if self.window.document.path is not None
            else f"'{name}' has never been saved. Save it before closing it?"
        )
        answer = QMessageBox.question(
            self.window,
            "Unsaved changes",
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- new, open, close ------------------------------------------------------------------

    def new_plan(self, preset: str = "ics") -> bool:
        if not self.maybe_save():
            return False
        vocabulary = self.window.document.plan.vocabulary if self.window.plan_open else None
        dialog = NewPlanDialog(self.window, preset, vocabulary)
        if not dialog.exec():
            return False
        from govplanner.domain.presets import new_plan

        key, name = dialog.choice()
        plan = new_plan(key, name)
        plan.vocabulary = dialog.vocabulary() or plan.vocabulary
        self.window.show_plan(plan, None)
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
            from govplanner.gui.messages import show_open_problem

            show_open_problem(self, path, exc)
            if not Path(path).exists():
                self.forget_recent(str(Path(path).resolve()))
            return False
        claim = self.window.locks.claim(Path(path))
        if claim is None:
            return False
        self.window.show_plan(plan, Path(path), claim)
        self.add_recent(str(Path(path).resolve()))
        return True

    def recover(self, entry: RecoveryEntry, store: RecoveryStore) -> bool:
        """Open an autosaved copy as unsaved work whose Save goes to its original file."""
        try:
            plan = entry.load()
        except GovplannerError as exc:
            self.error("Cannot recover the plan", exc)
            return False
        path = entry.original_path
        claim = self.window.locks.claim(path) if path is not None else None
        if path is not None and claim is None:
            return False
        self.window.show_plan(plan, path, claim)
        self.window.undo_stack.resetClean()  # never clean: it differs from the file on disk
        self.window.update_title()
        autosave = self.window.autosave
        # Copy it under this session first, so there is never a moment without a copy.
        if autosave is not None and autosave.write_now() and autosave.flush():
            store.discard_entry(entry)
        self.window.statusBar().showMessage(
            f"Recovered '{plan.name}' from its autosaved copy. Save it to keep it.", 10000
        )
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
        if path is None or self.window.locks.read_only:
            return self.save_as()  # a read-only plan is saved as a copy, never over theirs
        return self._save_to(path)

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
        """Save; on any failure say why and keep the plan modified (nothing is lost)."""
        from govplanner.files.planfile import save_plan

        try:
            new_lock = self.window.locks.lock_for_save(path)
        except PlanLockedError as exc:
            QMessageBox.warning(
                self.window, "Cannot save the plan",
                f"{path.name} is open by {who(exc.owner)}, so it cannot be saved over. "
                "Save under another name, or ask them to close it.",
            )  # fmt: skip
            return False
        try:
            save_plan(self.window.document.plan, path)
        except (GovplannerError, OSError) as exc:
            if new_lock is not None:
                new_lock.release()
            self._save_failed(path, exc)
            return False
        if new_lock is not None:
            self.window.locks.adopt(Claim(new_lock))
        self.window.document.path = path
        self.window.undo_stack.setClean()
        self.window.update_title()
        self.add_recent(str(path.resolve()))
        self.window.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def _save_failed(self, path: Path, exc: GovplannerError | OSError) -> None:
        reason = str(exc) if isinstance(exc, GovplannerError) else (
            f"Could not save {path.name} in {path.parent}: {exc.strerror or exc}."
        )  # fmt: skip
        QMessageBox.warning(
            self.window, "Cannot save the plan",
            f"{reason}\n\nNothing is lost: your changes are still open. Try again, or use "
            "Save As to save them somewhere else.",
        )  # fmt: skip

    # -- recent files ----------------------------------------------------------------------

    def recent(self) -> list[str]:
        value = self.settings.value(keys.RECENT_FILES.key, keys.RECENT_FILES.default)
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(p) for p in items if p]

    def add_recent(self, path: str) -> None:
        items = [path] + [p for p in self.recent() if p != path]
        self.settings.setValue(keys.RECENT_FILES.key, items[:MAX_RECENT])
        self.window.recent_changed()

    def forget_recent(self, path: str) -> None:
        self.settings.setValue(keys.RECENT_FILES.key, [p for p in self.recent() if p != path])
        self.window.recent_changed()

    def clear_recent(self) -> None:
        self.settings.setValue(keys.RECENT_FILES.key, [])
        self.window.recent_changed()

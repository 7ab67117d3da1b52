"""Opening, saving and recovering plans from the window, with recent files and file locks.

Every file problem is shown as the same plain-English message the command line prints
(``str()`` of a GovplannerError); the window stays usable afterwards, and a plan that could not
be saved stays modified, so nothing is lost. Imports and exports are in :mod:`export_ops`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from govplanner.domain.errors import GovplannerError
from govplanner.files.lock import PlanLockedError
from govplanner.gui.dialogs import NewPlanDialog
from govplanner.gui.export_ops import REGISTER_FILTER, ExportOps, _stem
from govplanner.gui.plan_locks import Claim, LockKeeper, who
from govplanner.gui.recent_files import RecentFiles

if TYPE_CHECKING:
    from govplanner.files.recovery import RecoveryEntry, RecoveryStore
    from govplanner.gui.autosave import Autosaver
    from govplanner.gui.shell import DiagramExport, PlanHost

__all__ = ["PLAN_FILTER", "REGISTER_FILTER", "FileOps", "example_files", "example_title"]

PLAN_FILTER = "govplanner plans (*.govplan);;All files (*)"


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


class FileOps(QObject, ExportOps):
    """The File menu's work, over the open plan, its undo stack, file locks and recent files.

    ``window`` is the parent of its dialogs; what it has to say goes out as signals.
    """

    status_shown = Signal(str, int)  # a message for the status bar, and for how long (ms)
    #: a bug, not a file problem (the title of what failed, the exception): for the crash dialog
    unexpected_error = Signal(str, object)

    def __init__(
        self,
        window: QWidget,
        host: PlanHost,
        undo_stack: QUndoStack,
        locks: LockKeeper,
        recent_files: RecentFiles,
    ) -> None:
        super().__init__(window)
        self.window, self.host, self.undo_stack = window, host, undo_stack
        self.locks, self.recent_files = locks, recent_files
        self.autosave: Autosaver | None = None  # set when the window has a document
        self.diagram: DiagramExport | None = None  # set when the window builds its editor

    def show_status(self, message: str, timeout_ms: int) -> None:
        self.status_shown.emit(message, timeout_ms)

    # -- prompts ---------------------------------------------------------------------------

    def error(self, title: str, exc: BaseException) -> None:
        """Show a file problem; a bug (any other error) goes to the log and the crash dialog."""
        if isinstance(exc, GovplannerError):
            text = str(exc)
        elif isinstance(exc, OSError):
            text = f"The file system refused: {exc.strerror or exc}."
        else:
            self.unexpected_error.emit(title, exc)
            return
        from govplanner.gui.messages import show_problem  # long lists scroll, paths in Details

        show_problem(self.window, title, text)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to throw the current plan away."""
        if not self.host.plan_open or self.undo_stack.isClean():
            return True
        name = self.host.document_name()
        question = (
            f"Save the changes to '{name}' before closing it?"
            if self.host.document.path is not None
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
        vocabulary = self.host.document.plan.vocabulary if self.host.plan_open else None
        dialog = NewPlanDialog(self.window, preset, vocabulary)
        if not dialog.exec():
            return False
        from govplanner.domain.presets import new_plan

        key, name = dialog.choice()
        plan = new_plan(key, name)
        plan.vocabulary = dialog.vocabulary() or plan.vocabulary
        self.host.show_plan(plan, None)
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
        from govplanner.files.collector import collector_paused
        from govplanner.files.planfile import load_plan

        # Paused from reading the plan until the window has it (show_plan ends by freezing
        # it): else the first collections walk every new object, ~0.6 s at 50k seats.
        with collector_paused():
            try:
                plan = load_plan(path)
            except GovplannerError as exc:
                from govplanner.gui.messages import show_open_problem

                show_open_problem(self, path, exc)
                if not Path(path).exists():
                    self.forget_recent(str(Path(path).resolve()))
                return False
            claim = self.locks.claim(Path(path))
            if claim is None:
                return False
            self.host.show_plan(plan, Path(path), claim)
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
        claim = self.locks.claim(path) if path is not None else None
        if path is not None and claim is None:
            return False
        self.host.show_plan(plan, path, claim)
        self.undo_stack.resetClean()  # never clean: it differs from the file on disk
        self.host.update_title()
        autosave = self.autosave
        # Copy it under this session first, so there is never a moment without a copy.
        if autosave is not None and autosave.write_now() and autosave.flush():
            store.discard_entry(entry)
        self.show_status(
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
        self.host.show_plan(plan, None)
        self.show_status("This is a copy of an example: save it under a name of your own.", 8000)
        return True

    def close_plan(self) -> bool:
        if not self.maybe_save():
            return False
        self.host.show_welcome()
        return True

    # -- save ------------------------------------------------------------------------------

    def save(self) -> bool:
        path = self.host.document.path
        if path is None or self.locks.read_only:
            return self.save_as()  # a read-only plan is saved as a copy, never over theirs
        return self._save_to(path)

    def save_as(self) -> bool:
        suggested = self.host.document.path or Path(self._start_folder()) / (
            f"{_stem(self.host.document.plan.name)}.govplan"
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
            new_lock = self.locks.lock_for_save(path)
        except PlanLockedError as exc:
            QMessageBox.warning(
                self.window, "Cannot save the plan",
                f"{path.name} is open by {who(exc.owner)}, so it cannot be saved over. "
                "Save under another name, or ask them to close it.",
            )  # fmt: skip
            return False
        try:
            save_plan(self.host.document.plan, path)
        except (GovplannerError, OSError) as exc:
            if new_lock is not None:
                new_lock.release()
            self._save_failed(path, exc)
            return False
        if new_lock is not None:
            self.locks.adopt(Claim(new_lock))
        self.host.document.path = path
        self.undo_stack.setClean()
        self.host.update_title()
        self.add_recent(str(path.resolve()))
        self.show_status(f"Saved {path.name}", 4000)
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
        return self.recent_files.paths()

    def add_recent(self, path: str) -> None:
        self.recent_files.add(path)

    def forget_recent(self, path: str) -> None:
        self.recent_files.forget(path)

    def clear_recent(self) -> None:
        self.recent_files.clear()

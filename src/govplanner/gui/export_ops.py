"""Importing a register and the exports (register, gap report, role descriptions, diagram),
each off the GUI thread behind a progress dialog with Cancel.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog

from govplanner.domain.errors import GovplannerError
from govplanner.gui.workers import BackgroundTask, Cancelled, Progress, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from govplanner.analysis.result import Analysis
    from govplanner.domain.model import Plan
    from govplanner.files.register_import import RegisterImport
    from govplanner.gui.live_analysis import LiveAnalysis
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


def _analyse(plan: Plan) -> Analysis:
    """A full analysis of ``plan`` as of today (on the worker thread)."""
    from govplanner.analysis import analyse

    return analyse(plan)


def _stem(name: str) -> str:
    """A plan name as a file name Windows accepts (a name may hold '/' or ':')."""
    from govplanner.export.filenames import safe_stem

    return safe_stem(name, fallback="plan")


class _Question(QObject):
    """A question put on the window's thread by work on another thread, which waits for the
    answer (made on the window's thread, so its slot runs there)."""

    asked = Signal(object)

    def __init__(self, answer: Callable[[list[str]], Path | None]) -> None:
        super().__init__()
        self._answer = answer
        self._answered = threading.Event()
        self._result: Path | None = None
        self.asked.connect(self._ask_here, Qt.ConnectionType.QueuedConnection)

    def _ask_here(self, names: list[str]) -> None:
        try:
            self._result = self._answer(names)
        finally:  # even if asking failed (None: write nothing), the work must not wait forever
            self._answered.set()

    def ask(self, names: list[str]) -> Path | None:
        """On the worker thread: the answer, once the user has given it (None, write
        nothing, if the app ends first)."""
        self.asked.emit(names)
        while not self._answered.wait(0.25):
            if QCoreApplication.closingDown():
                return None
        return self._result


RolesWritten = tuple[Path, list[Path]]  # the folder written into, and the files written


def _role_work(
    plan: Plan, fmt: str, folder: Path, question: _Question | None, analysis: Analysis | None
) -> Callable[[Progress, Cancelled], RolesWritten | None]:
    """The background work of a role description export: with a ``question``, first name
    every document and ask what to do about those already in ``folder``."""

    def work(progress: Progress, cancelled: Cancelled) -> RolesWritten | None:
        from govplanner.export.roles import export_role_descriptions, planned_file_names
        from govplanner.files.output_safety import export_writes

        target: Path | None = folder
        if question is not None:
            names = planned_file_names(plan, fmt)
            target = None if cancelled() else question.ask(names)
        if target is None:
            return None  # cancelled, or the user chose to write nothing
        with export_writes():  # "Replace" still keeps each replaced document as .bak
            written = export_role_descriptions(
                plan, target, analysis=analysis, fmt=fmt, progress=progress, cancel=cancelled
            )
        return target, written

    return work


class ExportOps:
    """The import and export half of the File menu (mixed into :class:`FileOps`)."""

    window: QWidget  # the parent of its dialogs
    host: PlanHost
    undo_stack: QUndoStack
    diagram: DiagramExport | None
    #: the window's live analysis (see :meth:`follow_analysis`); None: exports analyse afresh
    live: LiveAnalysis | None = None

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

    def follow_analysis(self, live: LiveAnalysis) -> None:
        """Let exports use ``live``'s analysis, kept current after every edit, instead of
        analysing the plan again (seconds at national scale)."""
        self.live = live

    def _current_analysis(self) -> Analysis | None:
        """The live analysis if it is of the plan as it is now, with term ends judged against
        today; None if the export must analyse the plan itself."""
        live = self.live
        if live is None or live.document is not self.host.document:
            return None
        if live.is_stale():
            return None  # an edit not analysed yet (or whose analysis failed)
        analysis = live.analysis
        return analysis if analysis.as_of == dt.date.today() else None

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
        current = self._current_analysis()

        def work(progress: Progress, cancelled: Cancelled) -> Path | None:
            from govplanner.export.gap_report import export_gap_report
            from govplanner.files.output_safety import export_writes

            analysis = current if current is not None else _analyse(plan)
            with export_writes():
                return export_gap_report(plan, analysis, path, progress=progress, cancel=cancelled)

        def done(written: Path | None, _cancelled: bool) -> None:
            # Cancelled means nothing was written at all (the old file, if any, is untouched).
            from govplanner.gui import export_prompts as prompts

            message = "Gap report cancelled: nothing written."
            if written:
                message = f"Wrote {path.name}.{prompts.replaced_note(path, replacing)}"
                text = f"Wrote the gap report {path.name} to {path.parent}."
                self.opened_folder_box = prompts.offer_to_open(self.window, path.parent, text)
            self.show_status(message, 8000)

        return self._background("Gap report", "Writing the gap report…", work, done)

    def export_role_descriptions(self, fmt: str = "docx") -> BackgroundTask | None:
        """One document per clinical role, into a folder the user picks. If the folder holds
        documents of the format, the work first names every document it is to write (half a
        second at national scale, so not on the window's thread) and asks, on the window's
        thread, what to do about those already there, before it writes anything."""
        from govplanner.domain.vocabulary import words  # pydantic: not at start-up

        plan = self._plan_for_export()
        w = words(plan)
        chosen = QFileDialog.getExistingDirectory(
            self.window, f"Folder for the {w.role} descriptions", self._start_folder()
        )
        if not chosen:
            return None
        from govplanner.gui import export_prompts as prompts  # never replace without asking

        folder, title = Path(chosen), f"{w.cap('role')} descriptions"
        check = prompts.holds_any(folder, f".{fmt}")  # one listing: else nothing to replace
        question = None
        if check:  # asked from the work, once it has named every document
            question = _Question(
                lambda names: prompts.choose_role_folder(
                    self.window, plan, fmt, folder, title, title, names=names
                )
            )
        work = _role_work(plan, fmt, folder, question, self._current_analysis())
        label = f"Writing {w.role} descriptions…"
        if check:
            label = f"Checking the folder, then writing the {w.role} descriptions…"
        return self._background(title, label, work, self._roles_written(title, w.role))

    def _roles_written(self, title: str, role: str) -> Callable[[RolesWritten | None, bool], None]:
        """What is said when a role description export ends."""
        from govplanner.gui import export_prompts as prompts

        def done(result: RolesWritten | None, cancelled: bool) -> None:
            from govplanner.analysis.rules.common import counted

            if result is None:
                if cancelled:
                    self.show_status(f"{title} cancelled: nothing written.", 8000)
                return
            target, written = result
            stopped = " (stopped early)" if cancelled else ""
            many = f"{role} descriptions"
            text = f"Wrote {counted(len(written), f'{role} description', many)} to {target}"
            self.show_status(f"{text}{stopped}.", 8000)
            if written:
                self.opened_folder_box = prompts.offer_to_open(
                    self.window, target, f"{text}{stopped}."
                )

        return done

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

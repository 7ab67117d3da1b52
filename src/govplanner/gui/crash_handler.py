"""Unexpected errors: written to the log, unsaved work autosaved, the user told in plain words.

Installed by the composition root as ``sys.excepthook`` (which PySide6 also calls for errors
in slots and event handlers) and ``threading.excepthook``. The app keeps running; the user
never sees a traceback, only where the details were written.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from govplanner.files.crash_log import write_crash_log

if TYPE_CHECKING:
    from govplanner.gui.shell import UnsavedWork


def crash_dialog(parent: QWidget | None, log: Path | None, work: str) -> QMessageBox:
    """The message shown after an unexpected error (no traceback: the log has it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Something went wrong")
    box.setText("<b>Something went wrong in govplanner.</b> What you were doing may not have "
                "finished, but you can carry on working.")  # fmt: skip
    where = (
        f"The details were written to:<br><code>{log}</code><br>Please attach that file to "
        "any problem report."
        if log is not None
        else "The details could not be written to the log file."
    )
    box.setInformativeText(f"{work}<br><br>{where}")
    if log is not None:
        folder = box.addButton("Show &log folder", QMessageBox.ButtonRole.ActionRole)
        folder.clicked.disconnect()  # keep the message open after showing the folder
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log.parent)))
        )
    box.addButton(QMessageBox.StandardButton.Ok)
    return box


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
ThreadHook = Callable[[threading.ExceptHookArgs], object]


def _no_work() -> UnsavedWork | None:
    return None


class CrashHandler(QObject):
    """Handles exceptions nobody caught, on any thread, for one main window.

    ``unsaved``: the autosaver of the window's unsaved work, if it has one yet (it comes with
    the document, after the handler is installed).
    """

    _thread_error = Signal(object, object)  # (exception, log path): to the GUI thread

    def __init__(
        self,
        window: QWidget,
        log_dir: Path | None = None,
        unsaved: Callable[[], UnsavedWork | None] = _no_work,
    ) -> None:
        super().__init__(window)
        self.window, self.log_dir, self.unsaved = window, log_dir, unsaved
        self.dialog: QMessageBox | None = None
        self.last_log: Path | None = None
        self._previous: tuple[ExceptHook, ThreadHook] | None = None
        self._thread_error.connect(self._after_thread_error)

    def install(self) -> CrashHandler:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _log(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> Path | None:
        try:
            self.last_log = write_crash_log(exc_type, exc, tb, self.log_dir)
        except OSError:
            sys.__excepthook__(exc_type, exc, tb)  # stderr is all that is left
            self.last_log = None
        return self.last_log

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: on the GUI thread."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc, self._log(exc_type, exc, tb))

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: log on that thread, then tell the GUI thread."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        log = self._log(args.exc_type, args.exc_value, args.exc_traceback)
        if shiboken6.isValid(self):
            self._thread_error.emit(args.exc_value, log)

    def report_exception(self, exc: BaseException) -> None:
        """An error caught elsewhere (a background task) that is a bug, not a file problem."""
        self.report(exc, self._log(type(exc), exc, exc.__traceback__))

    def _after_thread_error(self, exc: BaseException, log: Path | None) -> None:
        self.report(exc, log)

    def report(self, _exc: BaseException, log: Path | None) -> None:
        """Autosave unsaved work at once, then show the message (one at a time)."""
        work = self._autosave_now()
        if not shiboken6.isValid(self.window):
            return
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            return  # errors in a burst (a paint handler) would stack dialogs: one is enough
        # Over any modal dialog that is open, or that dialog would block the message.
        parent = QApplication.activeModalWidget() or self.window
        self.dialog = crash_dialog(parent, log, work)
        self.dialog.open()

    def _autosave_now(self) -> str:
        autosave = self.unsaved()
        if autosave is None or not autosave.needs_saving():
            return "Your plan had no unsaved changes."
        try:
            autosave.write_now()
            saved = autosave.flush(timeout=10)
        except Exception:
            saved = False
        if not saved:
            return "<b>Your unsaved changes could not be autosaved: save now (or Save As).</b>"
        return (
            "Your unsaved changes have just been autosaved; if govplanner has to close, it "
            "will offer them back when it next starts. Saving now is still the safest step."
        )

"""Long work (import, export) off the GUI thread, behind a progress dialog with Cancel.

The work function never touches widgets: it reports progress through a callback and checks a
cancel flag; results and errors come back to the GUI thread as queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from govplanner.gui.responsive import background_work

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]

_RUNNING: set[BackgroundTask] = set()
#: how long after its progress dialog appears a piece of work starts
START_AFTER_MS = 30


class BackgroundTask(QObject):
    """One piece of work on the thread pool; ``done(result, cancelled)`` or ``failed(exc)``."""

    progressed = Signal(int, int)
    done = Signal(object, bool)
    failed = Signal(object)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        _RUNNING.add(self)
        self.done.connect(self._finished)
        self.failed.connect(self._finished)
        QThreadPool.globalInstance().start(_Runnable(self))

    def _finished(self, *_args: Any) -> None:
        _RUNNING.discard(self)

    def _run(self) -> None:  # on a pool thread
        try:
            with background_work():
                result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # handed to the GUI thread, which shows it
            self.failed.emit(exc)
        else:
            self.done.emit(result, self._cancel.is_set())


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


def _progress_dialog(parent: QWidget, title: str, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    # Shown at once: the dialog is window-modal, so no edit can change the plan while the
    # work (which reads it on another thread) runs.
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)


def run_with_progress(
    parent: QWidget,
    title: str,
    label: str,
    work: Work,
    on_done: Callable[[Any, bool], None],
    on_error: Callable[[BaseException], None],
) -> BackgroundTask:
    """Start ``work`` in the background with a modal progress dialog offering Cancel."""
    dialog = _progress_dialog(parent, title, label)
    task = BackgroundTask(work)

    def cancel() -> None:
        task.cancel()
        dialog.setLabelText("Cancelling…")

    def finish() -> None:
        dialog.canceled.disconnect(cancel)
        dialog.close()
        dialog.deleteLater()

    task.progressed.connect(lambda done, total: _show_progress(dialog, done, total))
    dialog.canceled.connect(cancel)

    def done(result: Any, cancelled: bool) -> None:
        finish()
        on_done(result, cancelled)

    def failed(exc: BaseException) -> None:
        finish()
        on_error(exc)

    task.done.connect(done)
    task.failed.connect(failed)
    dialog.show()
    # The dialog first, the work a moment later: the dialog's first paint (tens of ms) then
    # has the interpreter to itself instead of waiting on the work's thread for it.
    QTimer.singleShot(START_AFTER_MS, dialog, task.start)
    return task

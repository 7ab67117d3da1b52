"""Exports started from the running app's menu: how long the window freezes, and Cancel.

A 10 ms timer runs on the GUI thread throughout; the longest gap between its ticks is the
longest time the window could not respond. File dialogs are skipped (the target is given).
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any


class Ticker:
    """Records when a 10 ms timer on the GUI thread actually fires."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.timer.start()

    def longest_gap(self, start: float, end: float) -> float:
        self.timer.stop()
        marks = [start, *(t for t in self.ticks if start <= t <= end), end]
        return max(b - a for a, b in itertools.pairwise(marks))


def _press_cancel(window: Any) -> None:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    for dialog in window.findChildren(QProgressDialog):
        for button in dialog.findChildren(QPushButton):
            button.click()  # the progress dialog's only button is Cancel


def _wait_for(task: Any, window: Any, cancel: bool = False) -> tuple[bool, bool, float | None]:
    """Run the event loop until ``task`` ends; with ``cancel``, click Cancel as soon as the
    first document is written (while more are to come).

    Returns (succeeded, was cancelled, seconds from the click to the end, or None).
    """
    from PySide6.QtCore import QCoreApplication

    ended: list[tuple[bool, bool]] = []
    written: list[tuple[int, int]] = []
    task.done.connect(lambda _result, cancelled: ended.append((True, bool(cancelled))))
    task.failed.connect(lambda _exc: ended.append((False, False)))
    task.progressed.connect(lambda done, total: written.append((done, total)))
    start, pressed = time.perf_counter(), None
    while not ended and time.perf_counter() < start + 600:
        QCoreApplication.processEvents()
        time.sleep(0.001)
        if cancel and pressed is None and written and written[-1][0] < written[-1][1]:
            _press_cancel(window)
            pressed = time.perf_counter()
    ok, cancelled = ended[0] if ended else (False, False)
    latency = None if pressed is None else time.perf_counter() - pressed
    return ok, cancelled, latency


def gap_export(window: Any, target: str) -> dict[str, float]:
    """File ▸ Export gap report to ``target``: freeze, time to return, total time."""
    window.files._export_target = lambda *_args: Path(target)
    ticker = Ticker()
    start = time.perf_counter()
    task = window.files.export_gap_report()
    returned = time.perf_counter() - start
    if task is None:
        return {}
    ok, _cancelled, _latency = _wait_for(task, window)
    end = time.perf_counter()
    return {
        "stall": ticker.longest_gap(start, end),
        "call_returned": returned,
        "total": end - start,
        "ok": float(ok),
    }


def cancelled_role_export(window: Any, folder: str) -> dict[str, float]:
    """Export role descriptions (Word), click Cancel once the first is written: how soon it
    stops, and how long the window froze meanwhile."""
    from PySide6.QtWidgets import QFileDialog

    real = QFileDialog.getExistingDirectory
    QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: folder)  # type: ignore[method-assign]
    try:
        ticker = Ticker()
        start = time.perf_counter()
        task = window.files.export_role_descriptions("docx")
        if task is None:
            return {}
        ok, cancelled, latency = _wait_for(task, window, cancel=True)
        end = time.perf_counter()
    finally:
        QFileDialog.getExistingDirectory = real  # type: ignore[method-assign]
    if latency is None:  # the export ended before a second document: nothing to cancel
        return {}
    return {
        "stall": ticker.longest_gap(start, end),
        "latency": latency,
        "cancelled": float(cancelled),
        "ok": float(ok),
    }

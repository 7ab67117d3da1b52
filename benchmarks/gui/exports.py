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


def _hold_one_document(window: Any, folder: str) -> None:
    """Put a document named as the export's first into ``folder``: the export must then name
    every document (half a second at 50k) and ask before replacing it."""
    from govplanner.export.roles import planned_file_names

    first = planned_file_names(window.document.plan, "docx")[0]
    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / first).write_bytes(b"a description written before")


def cancelled_role_export(window: Any, folder: str) -> dict[str, float]:
    """Export role descriptions (Word) into a folder already holding one of them, answer
    Replace when asked, click Cancel once the first is written: how soon it stops, how long
    the window froze meanwhile (naming the documents and asking included), and how long the
    question took to come."""
    from PySide6.QtWidgets import QFileDialog

    from govplanner.gui import export_prompts

    _hold_one_document(window, folder)
    asked: list[float] = []

    def replace(*_args: Any) -> str:
        asked.append(time.perf_counter())
        return "replace"

    real, real_ask = QFileDialog.getExistingDirectory, export_prompts.ask_about_existing
    QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: folder)  # type: ignore[method-assign]
    export_prompts.ask_about_existing = replace  # type: ignore[assignment]
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
        export_prompts.ask_about_existing = real_ask
    if latency is None:  # the export ended before a second document: nothing to cancel
        return {}
    return {
        "stall": ticker.longest_gap(start, end),
        "latency": latency,
        "asked_after": asked[0] - start if asked else float("nan"),
        "cancelled": float(cancelled),
        "ok": float(ok),
    }

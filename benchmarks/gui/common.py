"""What every GUI benchmark script shares: waiting for a paint and printing one result line."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject

#: The runner reads the line that starts with this.
RESULT = "BENCH-RESULT "


class PaintWatch(QObject):
    """Notes when a widget has been painted (the event filter runs just before the paint)."""

    def __init__(self, widget: Any, *, inside: bool = False) -> None:
        """Watch ``widget``; with ``inside``, also the viewports of the scroll areas in it
        (a table or a diagram repaints its viewport, not the page that holds it)."""
        super().__init__()
        self.painted = 0
        self.widget = widget
        self.watched = [widget]
        if inside:
            from PySide6.QtWidgets import QAbstractScrollArea

            self.watched += [a.viewport() for a in widget.findChildren(QAbstractScrollArea)]
            if isinstance(widget, QAbstractScrollArea):
                self.watched.append(widget.viewport())
        for watched in self.watched:
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False

    def wait(self, timeout_s: float = 60.0) -> None:
        """Process events until the widget has painted (once more than when called)."""
        target = self.painted + 1
        deadline = time.perf_counter() + timeout_s
        while self.painted < target and time.perf_counter() < deadline:
            QCoreApplication.processEvents()
        QCoreApplication.processEvents()  # finish the paint's own event batch


def settle(rounds: int = 3) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB.

    On Linux this is ``VmHWM`` of the process's own memory: ``ru_maxrss`` there keeps the
    high-water mark of the process that started it (the runner, holding the big plans), so a
    small plan would seem to use as much memory as the runner.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def heavy_modules() -> list[str]:
    """Libraries that should load only when used, and are loaded now."""
    wanted = (
        "pydantic", "openpyxl", "docx", "jinja2", "lxml",
        "govplanner.export", "govplanner.analysis",
    )  # fmt: skip
    return [m for m in wanted if m in sys.modules]


def report(**values: Any) -> None:
    print(RESULT + json.dumps(values), flush=True)

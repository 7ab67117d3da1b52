"""The whole app with a big plan: open to painted window, each tab, edits, peak memory.

``python -m benchmarks.gui.session PLAN.govplan EDITS [GAPS.xlsx]``. Builds the window through
govplanner's composition root helpers, opens the plan the way File ▸ Open does
(``FileOps.open_path``), shows each tab, then makes ``EDITS`` edits the way a table edit does
(an undo command on the stack), each followed by the live analysis refresh and the repaint it
causes (the 150 ms typing pause the app waits is left out); with ``GAPS.xlsx``, exports the
gap report from the menu while timing how long the window stops responding. Reports peak
resident memory last.
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time
from typing import Any

from benchmarks.gui import common


def _window() -> tuple[Any, Any]:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from govplanner.domain.document import PlanDocument
    from govplanner.gui import app as gui_app
    from govplanner.gui.main_window import MainWindow

    application = gui_app._application()
    window = MainWindow(PlanDocument(), QUndoStack(), QSettings())
    window.show()
    common.settle()
    return application, window


def _tabs(window: Any) -> dict[str, float]:
    times = {}
    for n in range(window.tabs.count()):
        page = window.tabs.widget(n)
        watch = common.PaintWatch(page)
        start = time.perf_counter()
        window.tabs.setCurrentIndex(n)
        watch.wait()
        times[window.tabs.tabText(n).replace("&", "")] = time.perf_counter() - start
    window.tabs.setCurrentIndex(0)
    common.settle()
    return times


def _edits(window: Any, count: int) -> list[float]:
    """Vacate and refill one role, as a table edit does, timing edit → refreshed, repainted."""
    from govplanner.gui import commands

    document = window.document
    roles = document.plan.roles
    role = next(r for r in roles[len(roles) // 2 :] if r.holder_id is not None)
    holder, times = role.holder_id, []
    for n in range(count):
        value = None if n % 2 == 0 else holder
        watch = common.PaintWatch(window.tabs.currentWidget())
        start = time.perf_counter()
        command = commands.update_item(document, "role", role.id, holder_id=value)
        commands.execute(window.undo_stack, command)
        window.live.refresh()
        watch.wait(timeout_s=10)
        times.append(time.perf_counter() - start)
    return times


def _export_stall(window: Any, target: str) -> dict[str, float]:
    """Export the gap report the way the menu does; time the longest pause of the GUI thread.

    A 10 ms timer runs throughout: the longest gap between its ticks is the longest time the
    window could not respond. The save dialog is skipped (the target is given).
    """
    from PySide6.QtCore import QCoreApplication, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    window.files._export_target = lambda *_args: target
    finished: list[bool] = []
    timer.start()
    common.settle()
    start = time.perf_counter()
    task = window.files.export_gap_report()
    returned = time.perf_counter() - start
    if task is None:
        return {}
    task.done.connect(lambda *_a: finished.append(True))
    task.failed.connect(lambda *_a: finished.append(False))
    deadline = start + 600
    while not finished and time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.001)
    total = time.perf_counter() - start
    timer.stop()
    marks = [start, *(t for t in ticks if t >= start), start + total]
    stall = max(b - a for a, b in itertools.pairwise(marks))
    return {"stall": stall, "call_returned": returned, "total": total, "ok": float(all(finished))}


def main(path: str, edits: int, export_to: str | None = None) -> int:
    application, window = _window()
    watch = common.PaintWatch(window)
    start = time.perf_counter()
    opened = window.files.open_path(path, ask=False)
    watch.wait()
    open_to_paint = time.perf_counter() - start
    tabs = _tabs(window) if opened else {}
    edit_times = _edits(window, edits) if opened and edits else []
    export = _export_stall(window, export_to) if opened and export_to else {}
    common.report(
        export=export,
        opened=opened,
        open_to_paint=open_to_paint,
        tabs=tabs,
        edit_median=statistics.median(edit_times) if edit_times else None,
        edits=edit_times,
        rss_mb=common.peak_rss_mb(),
    )
    window.undo_stack.setClean()
    window.close()
    application.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None))

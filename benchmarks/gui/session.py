"""The whole app with a big plan: open to painted window, each tab, edits, peak memory.

``python -m benchmarks.gui.session PLAN.govplan EDITS [GAPS.xlsx]``. Builds the window through
govplanner's composition root helpers, opens the plan the way File ▸ Open does
(``FileOps.open_path``), shows each tab, then makes ``EDITS`` edits the way a table edit does
(an undo command on the stack), each followed by the live analysis refresh and everything
the window does about it, with the heatmap, the Roles table and the diagram shown in turn
(the 150 ms typing pause the app waits is left out); with ``GAPS.xlsx``, exports the
gap report from the menu while timing how long the window stops responding, then starts a
role-description export and presses Cancel (:mod:`benchmarks.gui.exports`). Reports peak
resident memory last.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.gui import common, exports


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


#: The tabs edits are timed on: the heatmap (the first tab), the table an edit is usually
#: made in, and the diagram (thousands of cards at national scale).
EDIT_TABS = ("Coverage", "Roles", "Diagram")


def _edits(window: Any, count: int) -> list[float]:
    """Vacate and refill one role, as a table edit does, timing edit → the whole window
    refreshed: the undo command, the live analysis, every view's reaction (the findings panel,
    the current tab, follow-ups queued for the next event-loop turn) and the repaint."""
    from govplanner.gui import commands

    document = window.document
    roles = document.plan.roles
    role = next(r for r in roles[len(roles) // 2 :] if r.holder_id is not None)
    holder, times = role.holder_id, []
    for n in range(count):
        value = None if n % 2 == 0 else holder
        watch = common.PaintWatch(window, inside=True)  # the findings panel repaints at least
        start = time.perf_counter()
        command = commands.update_item(document, "role", role.id, holder_id=value)
        commands.execute(window.undo_stack, command)
        window.live.refresh()
        watch.wait(timeout_s=10)
        common.settle()  # whatever the repaint queued
        times.append(time.perf_counter() - start)
    return times


def _edits_by_tab(window: Any, count: int) -> dict[str, list[float]]:
    """:func:`_edits` with each of :data:`EDIT_TABS` shown (an even count leaves the plan as
    it was); the first edit on each tab is left out (it pays for the tab's first paint)."""
    names = [window.tabs.tabText(n).replace("&", "") for n in range(window.tabs.count())]
    times = {}
    for name in EDIT_TABS:
        if name in names:
            window.tabs.setCurrentIndex(names.index(name))
            common.settle()
            times[name] = _edits(window, count + 1)[1:]
    window.tabs.setCurrentIndex(0)
    common.settle()
    return times


def main(path: str, edits: int, export_to: str | None = None) -> int:
    application, window = _window()
    watch = common.PaintWatch(window)
    start = time.perf_counter()
    opened = window.files.open_path(path, ask=False)
    watch.wait()
    open_to_paint = time.perf_counter() - start
    tabs = _tabs(window) if opened else {}
    by_tab = _edits_by_tab(window, edits) if opened and edits else {}
    medians = {name: statistics.median(t) for name, t in by_tab.items()}
    export, cancel = {}, {}
    if opened and export_to:
        export = exports.gap_export(window, export_to)
        cancel = exports.cancelled_role_export(window, str(Path(export_to).with_suffix("")))
    common.report(
        export=export,
        cancel=cancel,
        opened=opened,
        open_to_paint=open_to_paint,
        tabs=tabs,
        edit_median=max(medians.values()) if medians else None,
        edit_medians=medians,
        edits=by_tab,
        rss_mb=common.peak_rss_mb(),
    )
    window.undo_stack.setClean()
    window.close()
    application.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None))

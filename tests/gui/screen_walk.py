"""Walk the app on the screen this process was given and list what does not fit it.

Run by ``test_screen_geometry`` as ``python -m tests.gui.screen_walk OUT_DIR`` under Xvfb
(``QT_QPA_PLATFORM=xcb``, a ``QT_SCALE_FACTOR``): it opens the main window on the cluster
example, shows every tab (a row selected, so the forms show) and each window and dialog, saves
a picture of each in OUT_DIR and prints one JSON object: ``{"screen": [w, h], "problems":
[...], "shots": [...]}``. A problem is a window or dialog outside the screen's available
geometry, a widget a layout placed outside its parent or over its neighbour, a scroll area
whose content runs off its right edge, or a sideways scroll bar where none may be.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLayout,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cluster-example.govplan"
TOLERANCE = 1  # px: rounding at fractional scales


def settle(rounds: int = 6) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)


def describe(widget: QWidget) -> str:
    """A widget as a reader finds it: its kind and its name or text."""
    name = widget.accessibleName() or widget.objectName()
    text = getattr(widget, "text", None)
    if not name and callable(text):
        try:
            name = str(text())[:40]
        except TypeError:
            name = ""
    return f"{type(widget).__name__} '{name}'" if name else type(widget).__name__


def _managed(layout: QLayout) -> Iterator[QWidget]:
    """The widgets ``layout`` places, its nested layouts included."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            yield widget
        elif inner is not None:
            yield from _managed(inner)


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.isWindow()


def _scrolls(widget: QWidget) -> bool:
    """A view, or a panel that scrolls inside: it may be shorter than its content."""
    return isinstance(widget, QAbstractScrollArea) or bool(widget.findChildren(QScrollArea))


def layout_problems(top: QWidget, where: str) -> list[str]:
    """Widgets a layout put outside their parent, or on top of a neighbour."""
    found = []
    for parent in [top, *top.findChildren(QWidget)]:
        layout = parent.layout()
        if not parent.isVisible() or layout is None:
            continue
        inner = parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
        placed = [w for w in _managed(layout) if _shown(w)]
        for n, widget in enumerate(placed):
            box = widget.geometry()
            if not inner.contains(box):
                found.append(
                    f"{where}: {describe(widget)} at {_rect(box)} is cut off by "
                    f"{describe(parent)} ({parent.width()}x{parent.height()})"
                )
            hint = widget.minimumSizeHint()
            if widget.width() + TOLERANCE < hint.width() or (
                widget.height() + TOLERANCE < hint.height() and not _scrolls(widget)
            ):
                found.append(
                    f"{where}: {describe(widget)} is squeezed to "
                    f"{widget.width()}x{widget.height()}, below the "
                    f"{hint.width()}x{hint.height()} its text needs"
                )
            for other in placed[n + 1 :]:
                overlap = box.intersected(other.geometry())
                if overlap.width() > TOLERANCE and overlap.height() > TOLERANCE:
                    found.append(f"{where}: {describe(widget)} and {describe(other)} overlap")
    return found


def scroll_problems(top: QWidget, where: str) -> list[str]:
    """Scroll areas whose content runs off the right (they may only scroll down)."""
    found = []
    for area in top.findChildren(QScrollArea):
        content = area.widget()
        if not area.isVisible() or content is None:
            continue
        if content.width() > area.viewport().width() + TOLERANCE:
            found.append(
                f"{where}: {describe(content)} in {describe(area)} is "
                f"{content.width()} px wide in a {area.viewport().width()} px view"
            )
        if area.horizontalScrollBar().isVisible():
            found.append(f"{where}: {describe(area)} scrolls sideways")
    return found


def sideways(view: QAbstractScrollArea, where: str) -> list[str]:
    if view.isVisible() and view.horizontalScrollBar().isVisible():
        return [f"{where}: {describe(view)} needs a sideways scroll bar"]
    return []


def _rect(r: QRect) -> str:
    return f"{r.x()},{r.y()} {r.width()}x{r.height()}"


class Walk:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.problems: list[str] = []
        self.shots: list[str] = []
        screen = QApplication.primaryScreen()
        self.available = screen.availableGeometry()

    def check(self, top: QWidget, where: str) -> None:
        settle()
        frame = top.frameGeometry()
        if not self.available.contains(frame):
            self.problems.append(
                f"{where}: the window {_rect(frame)} is outside the screen {_rect(self.available)}"
            )
        self.problems += layout_problems(top, where)
        self.problems += scroll_problems(top, where)
        for view in top.findChildren(QAbstractItemView):
            if not isinstance(view, QTableView):  # a wide table may scroll, as a spreadsheet
                self.problems += sideways(view, where)
        name = "".join(c if c.isalnum() else "-" for c in where.lower()).strip("-")
        path = self.out / f"{len(self.shots):02d}-{name}.png"
        top.grab().save(str(path), "PNG")
        self.shots.append(str(path))

    def dialog(self, make: Callable[[], QWidget], where: str, then: Any = None) -> QWidget:
        widget = make()
        widget.show()
        settle()
        if then is not None:
            then(widget)
            settle()
        self.check(widget, where)
        for tabs in widget.findChildren(QTabWidget):  # each page of a tabbed dialog
            shown = tabs.currentIndex()
            for index in range(tabs.count()):
                if index != shown:
                    tabs.setCurrentIndex(index)
                    self.check(widget, f"{where}, {tabs.tabText(index).replace('&', '')}")
        widget.close()
        return widget


def open_window() -> Any:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from govplanner.domain.document import PlanDocument
    from govplanner.files.planfile import load_plan
    from govplanner.gui.main_window import MainWindow

    window = MainWindow(PlanDocument(), QUndoStack(), QSettings(), locking=False)
    window.show_plan(load_plan(EXAMPLE), EXAMPLE)
    window.show()
    settle()
    window.live.refresh()
    return window


def walk_tabs(walk: Walk, window: Any) -> None:
    from govplanner.gui.table_page import TablePage

    tabs = window.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        for table_page in [page, *page.findChildren(TablePage)]:
            if isinstance(table_page, TablePage) and table_page.model.rowCount() > 0:
                table_page.view.selectRow(0)
        settle()
        where = f"tab {tabs.tabText(index).replace('&', '')}"
        walk.check(window, where)
        if page is window.coverage:
            walk.problems += sideways(window.coverage.table, where)
    from govplanner.gui.findings_panel import FindingsPanel

    for panel in window.findChildren(FindingsPanel):
        if panel.model.rowCount() > 0:
            panel.view.selectRow(0)
        walk.check(window, "findings")
        walk.problems += sideways(panel.view, "findings")


def walk_dialogs(walk: Walk, window: Any) -> None:
    from govplanner.gui.help_window import HelpWindow, guide_html
    from govplanner.gui.planning.words_dialog import PlanWordsDialog
    from govplanner.gui.restructure.merge_dialog import MergeDialog
    from govplanner.gui.restructure.reduce_dialog import ReduceDialog
    from govplanner.gui.restructure.timeline_dialog import TimelineDialog
    from govplanner.gui.settings_dialog import SettingsDialog
    from govplanner.gui.tiers_stages_dialog import TiersStagesDialog

    d, s = window.document, window.undo_stack
    walk.dialog(lambda: SettingsDialog(d, s, window), "plan settings")
    walk.dialog(lambda: TiersStagesDialog(d, s, window), "tiers and stages")
    walk.dialog(lambda: PlanWordsDialog(d, window), "plan words")
    walk.dialog(lambda: HelpWindow(guide_html(), window), "help")
    walk.dialog(lambda: MergeDialog(window, str(EXAMPLE.parent)), "merge plans")
    walk.dialog(lambda: TimelineDialog(window, [EXAMPLE], str(EXAMPLE.parent)), "timeline")
    walk.dialog(lambda: ReduceDialog(window, d.plan), "propose a reduction", solve)
    walk_messages(walk, window)


def solve(dialog: Any) -> None:
    """Propose a 20 % cut, so the picture shows the result and its Save button."""
    dialog.set_budget(20, percent=True)
    dialog.propose()
    while dialog.task is not None:
        settle(1)
    if dialog.save_button.isHidden():
        raise AssertionError(dialog.outcome_text.toPlainText())


def walk_messages(walk: Walk, window: Any) -> None:
    """The smaller dialogs: a long list of problems, accepting a finding, a new plan, a report."""
    from govplanner.gui.dialogs import AcceptDialog, NewPlanDialog
    from govplanner.gui.messages import ProblemDialog
    from govplanner.gui.restructure.report_dialog import ReportDialog

    problems = "\n".join(
        f"- Row {n}: the tier 'Sytem' is not one of the plan's tiers" for n in range(2, 62)
    )
    text = f"The register has 60 problems:\n{problems}\n(stopped after 50 problems)"
    walk.dialog(
        lambda: ProblemDialog(window, "Cannot import the register", text, "details"), "problems"
    )
    finding = window.live.analysis.findings[0]
    walk.dialog(lambda: AcceptDialog(finding, window), "accept a finding")
    walk.dialog(lambda: NewPlanDialog(window), "new plan")
    report = "\n".join(
        f"Line {n} of the report, long enough to need wrapping or scrolling "
        "in a dialog on a small screen"
        for n in range(200)
    )
    walk.dialog(
        lambda: ReportDialog(window, "Merge report", "How it was put together.", report, {}),
        "report",
    )


def walk_scenario(walk: Walk, window: Any) -> None:
    """A scenario opened beside the plan: a second main window, placed on the screen."""
    from govplanner.gui.planning.scenario import open_in_new_window

    second: Any = open_in_new_window(EXAMPLE, window)
    if second is None:
        walk.problems.append("the scenario window did not open")
        return
    settle()
    walk.check(second.window(), "scenario window")
    second.undo_stack.setClean()
    second.window().close()


def main(out_dir: str) -> int:
    from govplanner.gui.app import _application

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _application()
    walk = Walk(out)
    window = open_window()
    walk.check(window, "main window")
    walk_tabs(walk, window)
    walk_dialogs(walk, window)
    walk_scenario(walk, window)
    size = [walk.available.width(), walk.available.height()]
    print(json.dumps({"screen": size, "problems": walk.problems, "shots": walk.shots}))
    window.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    sys.exit(main(sys.argv[1]))

"""``govplanner --screenshot OUT.png [PLAN]``: the window, offscreen, saved as a picture."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize
from PySide6.QtWidgets import QWidget

from govplanner.domain.errors import GovplannerError

if TYPE_CHECKING:
    from govplanner.domain.model import Plan
    from govplanner.gui.coverage_view import CoverageView

#: The smallest picture the README and support requests rely on.
MIN_SIZE = QSize(1280, 800)
SIZE = QSize(1440, 900)


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def take_screenshot(
    window: QWidget,
    show_coverage: Callable[[Plan, Path], CoverageView],
    refresh: Callable[[], object],
    plan_path: str | None,
    out: Path,
) -> int:
    """Show the plan at a fixed size, grab ``window`` and write a PNG; 0 on success.

    ``show_coverage`` opens the plan on the coverage tab and returns that tab; ``refresh``
    brings the analysis up to date.
    """
    if plan_path is not None:
        from govplanner.files.planfile import load_plan

        try:
            plan = load_plan(plan_path)
        except GovplannerError as exc:
            print(f"govplanner: {exc}", file=sys.stderr)
            return 2
        coverage = show_coverage(plan, Path(plan_path))
        refresh()
        _select_worst_cell(coverage)
    window.resize(SIZE.expandedTo(MIN_SIZE))
    window.show()
    _settle()
    refresh()
    _settle()
    image = window.grab().toImage()
    if not image.save(str(out), "PNG"):  # type: ignore[call-overload]
        print(f"govplanner: cannot write the screenshot to {out}.", file=sys.stderr)
        return 2
    window.hide()
    return 0


def _select_worst_cell(coverage: CoverageView) -> None:
    """Open the first gap in the heatmap, so the picture shows the drill-down too."""
    model = coverage.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            cell = model.cell(row, column)
            if cell.required and cell.covered < cell.required:
                coverage.table.setCurrentIndex(model.index(row, column))
                return

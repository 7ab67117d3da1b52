"""Alternative text for charts in a workbook (openpyxl writes none of its own)."""

from __future__ import annotations

from typing import Any

from openpyxl.chart._chart import ChartBase
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

__all__ = ["set_alt_text", "with_alt_text"]

#: Where a chart keeps its alternative text until the sheet's drawing is written.
_ALT_TEXT = "_gp_alt_text"


def set_alt_text(chart: ChartBase, text: str) -> None:
    """Give a chart alternative text (read out by screen readers, shown in Excel's Alt Text)."""
    setattr(chart, _ALT_TEXT, text)


def with_alt_text(drawing: SpreadsheetDrawing, frame: Any, idx: int) -> Any:
    """The chart frame openpyxl made, with the chart's description filled in."""
    charts = drawing.charts
    text = getattr(charts[idx - 1], _ALT_TEXT, None) if 0 < idx <= len(charts) else None
    if text:
        frame.nvGraphicFramePr.cNvPr.descr = text
    return frame

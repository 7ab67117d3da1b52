"""Rows streamed to a write-only sheet keep their wrapped-text heights in the file, but the
writer holds on to nothing per row (a national report has ~50,000 tall rows, and everything
held is walked by every full garbage collection while the window waits)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from govplanner.export.xlsx_style import RowWriter, Styles


def test_tall_rows_are_written_with_their_height_and_not_kept(tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    styles = Styles(workbook)
    ws = workbook.create_sheet("Rows")
    out = RowWriter(ws, [10, 10])
    for n in range(50):
        long = " ".join(["several words that wrap"] * (1 + n % 3))
        out.append(styles.row(ws, [f"R{n}", long], ["gp text", "gp text"]))
    assert len(ws.row_dimensions) == 0
    workbook.save(tmp_path / "rows.xlsx")
    back = load_workbook(tmp_path / "rows.xlsx")["Rows"]
    heights = [back.row_dimensions[n].height for n in (1, 2, 3)]
    assert heights[0] is not None
    assert heights[0] < heights[1] < heights[2]


def test_an_ordinary_sheet_keeps_its_heights(tmp_path: Path) -> None:
    workbook = Workbook()
    styles = Styles(workbook)
    ws = workbook.active
    RowWriter(ws, [10]).append(styles.row(ws, ["words that wrap " * 4], ["gp text"]))
    assert ws.row_dimensions[1].height is not None  # not streamed: kept until saved

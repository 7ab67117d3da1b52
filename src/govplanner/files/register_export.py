"""Exporting a plan as a register workbook in the layout the importer reads (DOMAIN.md).

Every field of every item and every setting is written (the settings on sheets of their own),
so importing the export gives back the same plan, ids included. Board-tidy: bold frozen
headers, filters and sensible widths. Every cell holding user text is a typed string cell
(see :mod:`govplanner.files.cells`), so nothing is ever a formula. The workbook is streamed
row by row (openpyxl's write-only mode): a 50,000-seat plan writes in seconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from govplanner.domain.model import Plan
from govplanner.files.atomic import atomic_write_with
from govplanner.files.cells import MAX_CELL_TEXT
from govplanner.files.collector import collector_paused
from govplanner.files.register_rows import Row, Rows, Value, plan_rows
from govplanner.files.scratch import scratch_space
from govplanner.files.text_safety import UNSAFE

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_WRAP = Alignment(wrap_text=True, vertical="top")
_DATE_FORMAT = "dd mmm yyyy"
_WRAPPED = {
    "Purpose",
    "Committees",
    "Professions",
    "Functions",
    "Sources",
    "Notes",
    "Description",
    "Rationale",
    "Reports to",
    "Advises",
    "Membership",
    "Activities",
}
#: What a workbook cannot hold (XML forbids control characters other than tab and line
#: breaks, unpaired surrogates and U+FFFE/U+FFFF) or the importer refuses (DEL, the C1
#: controls, bidi overrides: see :mod:`govplanner.files.text_safety`).
_UNWRITABLE = re.compile(UNSAFE.pattern[:-1] + "\ud800-\udfff\ufffe\uffff]")


def export_register(plan: Plan, path: str | Path) -> list[str]:
    """Write ``plan`` to ``path`` as a register workbook, atomically.

    Returns what the register could not carry exactly, each naming the item and field
    (nothing, for any plan the product itself makes).
    """
    # The streaming writer keeps a temporary file per sheet: in a private folder, removed
    # (quietly, should the write fail part-way) when the export ends.
    with scratch_space(), collector_paused():
        workbook, losses = build_register_with_losses(plan)

        def save(stream: IO[bytes]) -> None:
            workbook.save(stream)

        atomic_write_with(path, save)
    return losses


def build_register(plan: Plan) -> Workbook:
    """The register workbook for ``plan``, not yet saved (a write-only workbook)."""
    return build_register_with_losses(plan)[0]


def build_register_with_losses(plan: Plan) -> tuple[Workbook, list[str]]:
    rows = plan_rows(plan)
    workbook = Workbook(write_only=True)
    workbook.properties.title = _clean(plan.name)[:200]
    workbook.properties.description = _clean(plan.description) or None
    for name, sheet_rows in rows.sheets.items():
        _write_sheet(workbook, name, rows.headers[name], sheet_rows, rows)
    return workbook, rows.losses


def _clean(text: str) -> str:
    return _UNWRITABLE.sub("", text)


def _write_sheet(
    workbook: Workbook, name: str, headers: Sequence[str], data: list[Row], rows: Rows
) -> None:
    sheet = workbook.create_sheet(name)
    widths = [len(h) + 4 for h in headers]
    for values in data:
        for column, value in enumerate(values):
            if value is not None and value != "":
                widths[column] = max(widths[column], _width(value))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 10), 60)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    extent = f"A1:{last}{len(data) + 1}"
    sheet.auto_filter.ref = extent
    # A streamed sheet does not know its size, so openpyxl leaves out the <dimension>
    # element, and a reader (ours included) then scans the whole sheet once more to find it.
    sheet.calculate_dimension = lambda: extent
    header_cells = []
    for header in headers:
        cell = _text_cell(sheet, header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        header_cells.append(cell)
    sheet.append(header_cells)
    wrapped = [h in _WRAPPED for h in headers]
    for number, values in enumerate(data, start=2):
        cells: list[Any] = []
        for column, value in enumerate(values):
            cells.append(_cell(sheet, value, wrapped[column], rows, name, number, headers[column]))
        sheet.append(cells)


def _text_cell(sheet: Any, text: str) -> Any:
    cell: Any = WriteOnlyCell(sheet)
    # Set the stored value directly: openpyxl's setter would read a leading '=' as a
    # formula. A string cell is never evaluated; the '@' (text) format keeps it text if the
    # user edits it in Excel.
    cell._value = text
    cell.data_type = "s"
    cell.number_format = "@"
    return cell


def _cell(
    sheet: Any, value: Value, wrap: bool, rows: Rows, name: str, number: int, header: str
) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        if _UNWRITABLE.search(value) or len(value) > MAX_CELL_TEXT:
            rows.lost(
                f"sheet '{name}', row {number}, column '{header}': the text holds control or "
                "text-direction characters a register cannot carry, or is too long"
            )
            value = _clean(value)[:MAX_CELL_TEXT]
        cell = _text_cell(sheet, value)
        if wrap:
            cell.alignment = _WRAP
        return cell
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        if value.year < 1900:  # before Excel's calendar: written as text the importer reads
            return _text_cell(sheet, value.isoformat())
        cell = WriteOnlyCell(sheet, value)  # type: ignore[arg-type]  # dates are fine
        cell.number_format = _DATE_FORMAT
        return cell
    if isinstance(value, float) and float(f"{value:.16g}") != value:
        # openpyxl writes 16 significant digits: keep the exact value as text instead
        return _text_cell(sheet, repr(value))
    return value


def _width(value: Value) -> int:
    if isinstance(value, dt.date):
        return 12
    text = str(value)
    if len(text) > 200:
        return 60
    return max((len(line) for line in text.splitlines()), default=0) + 2

"""The gap report's look: named cell styles, RAG statuses and board-ready page set-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from copy import copy
from typing import Any, cast

from openpyxl.cell import Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from govplanner.analysis.result import CoverageCell
from govplanner.export.xlsx_charts import with_alt_text
from govplanner.files.cells import set_text

FONT = "Arial"
NHS_BLUE, DARK_BLUE, TEXT, GREY_TEXT = "005EB8", "003087", "212B32", "4C6272"
_THIN = Side(style="thin", color="AEB7BD")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP = Alignment(vertical="top", wrap_text=True)
_SPILL = Alignment(vertical="bottom")  # titles and notes run on over the empty cells beside
_CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)

#: RAG status -> (fill, text colour, label). Colour always comes with the label.
#: 'accepted': every committee not covered has its gap accepted (shown apart, never green).
RAG = {
    "green": ("C6EFCE", "006100", "covered"),
    "amber": ("FFEB9C", "7A4500", "partly covered"),
    "red": ("FFC7CE", "9C0006", "not covered"),
    "accepted": ("DDEBF7", "003087", "covered"),
    "grey": ("E8EDEE", "425563", "Not required"),
}
#: Severity -> (fill, text colour)
SEVERITY_LOOK = {
    "critical": ("FFC7CE", "9C0006"),
    "warning": ("FFEB9C", "7A4500"),
    "info": ("DDEBF7", "003087"),
}


def rag_status(cell: CoverageCell) -> tuple[str, str]:
    """The RAG status and the text shown with it, such as ('amber', '2/3 partly covered').

    Accepted gaps are shown apart, never as covered nor as open: '1/3 partly covered,
    1 accepted'; when every uncovered committee's gap is accepted the status is 'accepted'
    ('0/1 covered, 1 accepted'), its own colour.
    """
    if cell.required == 0:
        return "grey", RAG["grey"][2]
    if cell.covered >= cell.required:
        status = "green"
    elif cell.covered + cell.accepted >= cell.required:
        status = "accepted"
    elif cell.covered == 0:
        status = "red"
    else:
        status = "amber"
    text = f"{cell.covered}/{cell.required} {RAG[status][2]}"
    return status, text + (f", {cell.accepted} accepted" if cell.accepted else "")


def _style(
    name: str,
    *,
    size: float = 10,
    bold: bool = False,
    colour: str = TEXT,
    fill: str | None = None,
    align: Alignment = _TOP,
    border: bool = True,
    number_format: str = "General",
) -> NamedStyle:
    style = NamedStyle(name=name)
    style.font = Font(name=FONT, size=size, bold=bold, color=colour)
    if fill:
        style.fill = PatternFill("solid", start_color=fill, end_color=fill)
    style.alignment = align
    if border:
        style.border = _BOX
    style.number_format = number_format
    return style


def _named_styles() -> list[NamedStyle]:
    styles = [
        _style("gp title", size=16, bold=True, colour=DARK_BLUE, border=False, align=_SPILL),
        _style("gp subtitle", size=11, colour=GREY_TEXT, border=False, align=_SPILL),
        _style("gp section", size=12, bold=True, colour=NHS_BLUE, border=False, align=_SPILL),
        _style("gp note", size=9, colour=GREY_TEXT, border=False, align=_SPILL),
        _style("gp spill", border=False, align=_SPILL),
        _style("gp header", bold=True, colour="FFFFFF", fill=NHS_BLUE, number_format="@"),
        _style("gp text", number_format="@"),
        _style("gp label", bold=True, number_format="@"),
        _style("gp number", number_format="0.##"),
        _style("gp integer", number_format="0"),
        _style("gp date", number_format="d mmm yyyy"),
        _style("gp long date", number_format="d mmmm yyyy"),
    ]
    for status, (fill, colour, _) in RAG.items():
        styles.append(
            _style(f"gp rag {status}", colour=colour, fill=fill, align=_CENTRE, number_format="@")
        )
    for severity, (fill, colour) in SEVERITY_LOOK.items():
        styles.append(
            _style(
                f"gp severity {severity}", bold=True, colour=colour, fill=fill, number_format="@"
            )
        )
    return styles


class _Cell(Cell):
    """A write-only cell with a cheap repr.

    A write-only sheet first tries every appended item as a plain value, and the error it
    raises for a cell formats the cell's repr; on a 50,000-seat report that formatting alone
    costs about a tenth of the time.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "<Cell>"


def _new_cell(ws: Any) -> Any:
    # Row and column are set by the sheet when the cell is appended.
    return _Cell(ws, row=1, column=1)


class Styles:
    """Named styles registered once per workbook; cells copy a prepared style array.

    Copying the array is how openpyxl itself applies a named style, without looking the
    style up by name for every one of tens of thousands of cells.
    """

    def __init__(self, workbook: Workbook) -> None:
        self._arrays: dict[str, Any] = {}
        for style in _named_styles():
            workbook.add_named_style(style)
        self._workbook = workbook

    def cell(self, ws: Any, value: Any, style: str) -> Cell:
        """A write-only cell in ``style``: text through set_text, anything else as it is."""
        cell: Cell = _new_cell(ws)
        array = self._arrays.get(style)
        if array is None:
            cell.style = style
            self._arrays[style] = copy(cell._style)  # type: ignore[attr-defined]
        else:
            cell._style = copy(array)  # type: ignore[attr-defined]
        if isinstance(value, str):
            if value:
                set_text(cell, value)
        elif value is not None:
            cell.value = value
        return cell

    def row(self, ws: Any, values: Iterable[Any], styles: Sequence[str]) -> list[Cell]:
        return [self.cell(ws, v, s) for v, s in zip(values, styles, strict=False)]


class RowWriter:
    """Appends rows to a write-only sheet, giving rows with wrapped text a fitting height.

    Neither openpyxl nor every spreadsheet program sizes rows to wrapped text on opening, so
    the height is estimated from the text length and the column widths.
    """

    def __init__(self, ws: Any, widths: Sequence[float]) -> None:
        self.ws = ws
        self.widths = list(widths)
        self.count = 0

    def append(self, cells: list[Any]) -> None:
        self.write(cells, self.lines_of(cells))

    def lines_of(self, cells: list[Any]) -> int:
        """How many lines of wrapped text the row's tallest cell needs."""
        lines = 1
        for cell, width in zip(cells, self.widths, strict=False):
            value = getattr(cell, "value", None)
            if (
                isinstance(value, str)
                and (len(value) > width or "\n" in value)
                and cell.alignment.wrap_text
            ):
                lines = max(lines, line_count(value, width))
        return lines

    def height_of(self, cells: list[Any]) -> float:
        """The row's printed height in points (an estimate, as the height written is)."""
        lines = self.lines_of(cells)
        if lines > 1:
            return min(409.0, lines * LINE_HEIGHT + 3)
        sizes = [float(cell.font.sz or 10) for cell in cells if hasattr(cell, "font")]
        return max(LINE_HEIGHT, max(sizes, default=10.0) * 1.3)

    def write(self, cells: list[Any], lines: int) -> None:
        self.count += 1
        dimensions = self.ws.row_dimensions
        if lines > 1:
            dimensions[self.count].height = min(409.0, lines * LINE_HEIGHT + 3)
        self.ws.append(cells)
        if lines > 1 and isinstance(self.ws, WriteOnlyWorksheet):
            # A write-only sheet has written the row (and read its height) on append. Kept,
            # its height would be one of ~50,000 objects a national report holds to the end,
            # which every full garbage collection walks, pausing the window meanwhile.
            del dimensions[self.count]


class BodyWriter(RowWriter):
    """The fast path for many rows of one shape: one reusable styled cell per column.

    In write-only mode a row's cells are written out as soon as it is appended, so each
    column's cell can be filled again for the next row. A column whose look depends on the
    value (such as a severity colour) keeps one reusable cell per look; dates reuse the cell
    of a date column.
    """

    def __init__(
        self,
        ws: Any,
        widths: Sequence[float],
        styles: Styles,
        looks: Sequence[str | Callable[[Any], str]],
    ) -> None:
        super().__init__(ws, widths)
        self.styles = styles
        self.looks = list(looks)
        self.pool = [styles.cell(ws, None, k) if isinstance(k, str) else None for k in looks]
        #: Empty cells keep the column's look (borders), so the grid has no gaps.
        self.blanks = [styles.cell(ws, None, k if isinstance(k, str) else "gp text") for k in looks]
        self.wraps = [isinstance(k, str) and k not in NO_WRAP for k in looks]
        #: Per value-dependent column, its reusable cell for each look met so far.
        self.by_look: list[dict[str, Cell]] = [{} for _ in looks]
        self.pooled = [_POOLED_DATES if k in DATE_LOOKS else _POOLED_TYPES for k in looks]

    def add(self, values: Sequence[Any]) -> None:
        row: list[Any] = []
        lines = 1
        for i, value in enumerate(values):
            kind = type(value)
            cell = self.pool[i]
            if value is None or value == "":
                row.append(self.blanks[i])
            elif cell is None:
                row.append(self._by_look(i, value))
            elif kind not in self.pooled[i]:
                row.append(self.styles.cell(self.ws, value, cast(str, self.looks[i])))
            elif kind is str:
                set_text(cell, value)
                if self.wraps[i] and (len(value) > self.widths[i] or "\n" in value):
                    lines = max(lines, line_count(value, self.widths[i]))
                row.append(cell)
            else:
                cell.value = value
                row.append(cell)
        self.write(row, lines)

    def _by_look(self, column: int, value: Any) -> Cell:
        """The value in the column's reusable cell for the look the value calls for."""
        look = cast(Callable[[Any], str], self.looks[column])(value)
        cells = self.by_look[column]
        cell = cells.get(look)
        if cell is None:
            cell = cells[look] = self.styles.cell(self.ws, None, look)
        if isinstance(value, str):
            set_text(cell, value)
        else:
            cell.value = value
        return cell


#: Values a column's reusable cell takes; anything else gets a cell of its own.
_POOLED_TYPES = frozenset({str, int, float})
#: Date columns' cells take dates too (their style's number format is already a date's).
DATE_LOOKS = frozenset({"gp date", "gp long date"})
_POOLED_DATES = _POOLED_TYPES | {dt.date, dt.datetime}
#: Points per line of 10 pt Arial, and characters of it that fit in one unit of column width.
LINE_HEIGHT = 12.75
CHARS_PER_WIDTH = 1.3
#: Named styles whose text runs on rather than wrapping.
NO_WRAP = frozenset({"gp title", "gp subtitle", "gp section", "gp note", "gp spill"})


def line_count(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (an estimate)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH) - 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


class _CellRowSheet(WriteOnlyWorksheet):
    """A write-only sheet whose rows are ready-made cells (or None), as every row here is.

    openpyxl's write-only sheet first tries each appended item as a plain value, catches the
    error a cell raises, and makes a spare cell after every styled one: for rows made only of
    cells that is a third of the cost of a 50,000-seat report, so this sheet takes the cells
    as they are. (Only this one generator of openpyxl's is replaced; if a future openpyxl
    stops calling it, rows are still written correctly, by openpyxl's own path.)
    """

    def _values_to_row(self, values: Iterable[Cell | None], row_idx: int) -> Iterator[Cell]:
        for col_idx, cell in enumerate(values, 1):
            if cell is not None:
                cell.row, cell.column = row_idx, col_idx
                yield cell

    @property
    def _drawing(self) -> SpreadsheetDrawing | None:
        return self.__dict__.get("_gp_drawing")

    @_drawing.setter
    def _drawing(self, drawing: SpreadsheetDrawing | None) -> None:
        # openpyxl makes the sheet's drawing as it saves; ours writes each chart's alt text.
        if drawing is not None:
            plain = drawing._chart_frame  # type: ignore[attr-defined]
            drawing._chart_frame = lambda idx: with_alt_text(drawing, plain(idx), idx)  # type: ignore[attr-defined]
        self.__dict__["_gp_drawing"] = drawing


def new_sheet(workbook: Workbook, title: str) -> Any:
    """A write-only sheet for rows of cells from :class:`Styles` (see ``_CellRowSheet``)."""
    if not workbook.write_only:
        raise ValueError("The gap report writes a write-only workbook.")
    sheet = _CellRowSheet(parent=workbook, title=title)
    cast(Any, workbook)._add_sheet(sheet)  # openpyxl has no public way to add a sheet object
    return sheet


def set_widths(ws: Any, widths: Sequence[float]) -> None:
    """Column widths in characters (before any row is written, in write-only mode)."""
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def prepare_sheet(ws: Any, widths: Sequence[float], *, freeze: str | None) -> None:
    """What must be set before the first row: widths, frozen panes, no gridlines, fit to page.

    In write-only mode the sheet's properties and view are written with the first row.
    """
    set_widths(ws, widths)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.sheet_view.showGridLines = False
    ws.sheet_view.zoomScale = 90
    if freeze:
        ws.freeze_panes = freeze


#: Characters of column width printed across one landscape A4 page (at about 70 % or more).
PAGE_CHARS = 190


def pages_wide(widths: Sequence[float]) -> int:
    """How many pages wide a sheet prints so its text is not shrunk below about 70 %."""
    return max(1, -(-int(sum(widths)) // PAGE_CHARS))


def print_setup(
    ws: Any,
    *,
    plan_name: str,
    as_of: str,
    title_rows: str | None,
    widths: Sequence[float] = (),
) -> None:
    """A4 landscape, as many pages wide as the columns need to stay readable (the first
    column repeated on each), repeated header rows, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4 (ECMA-376 paper size code)
    wide = pages_wide(widths)
    ws.page_setup.fitToWidth = wide
    if wide > 1:
        ws.print_title_cols = "A:A"
        ws.page_setup.pageOrder = "overThenDown"  # a row's right-hand half follows it
    ws.page_setup.fitToHeight = 0
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = _header_text(plan_name)
    ws.oddHeader.right.text = _header_text(f"As of {as_of}")
    ws.oddFooter.left.text = "&A"  # the sheet's name
    ws.oddFooter.right.text = "Page &P of &N"
    for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.left, ws.oddFooter.right):
        part.size = 8


def _header_text(text: str) -> str:
    # '&' starts a code in Excel headers and footers; a literal one is written '&&'.
    return text.replace("&", "&&")[:120]

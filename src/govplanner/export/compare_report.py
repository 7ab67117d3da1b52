"""The comparison of two plans as a board-ready workbook: summary, coverage, structure, findings.

Colour always comes with words (RAG fills carry "2/3 partly covered", changes say "Gain");
every cell holding user text goes through :func:`govplanner.files.cells.set_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from govplanner.analysis.compare import (
    STATUSES,
    CellChange,
    Comparison,
    ItemChange,
    ItemKind,
    Merge,
)
from govplanner.analysis.result import CoverageCell, Finding
from govplanner.analysis.rules.common import long_date
from govplanner.domain.vocabulary import Words, capitalise, words
from govplanner.files.atomic import atomic_write_with
from govplanner.files.cells import set_text

SHEETS = ("Summary", "Coverage", "Structure changes", "Findings opened and closed")
_FONT = "Arial"
_HEADER_FILL, _HEADER_TEXT = "005EB8", "FFFFFF"
_TITLE_COLOUR = "003087"
#: status -> (fill, text colour, words shown with the colour)
RAG = {
    "green": ("C6EFCE", "006100", "covered"),
    "amber": ("FFEB9C", "7A4500", "partly covered"),
    "red": ("FFC7CE", "9C0006", "not covered"),
    "grey": ("E8EDEE", "425563", "not required"),
}
#: verdict -> (fill or None, text colour, label)
VERDICT: dict[str, tuple[str | None, str, str]] = {
    "gain": ("C6EFCE", "006100", "Gain"),
    "loss": ("FFC7CE", "9C0006", "Loss"),
    "same": (None, "212B32", "Same"),
}
_THIN = Side(style="thin", color="AEB7BD")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(vertical="top", wrap_text=True)


def export_comparison(comparison: Comparison, path: Path | str, w: Words | None = None) -> Path:
    """Write the comparison workbook to ``path`` atomically and return the path."""
    target = Path(path)
    workbook = build_comparison(comparison, w or words())

    def save(stream: IO[bytes]) -> None:
        workbook.save(stream)

    atomic_write_with(target, save)
    return target


def build_comparison(comparison: Comparison, w: Words) -> Workbook:
    """The four-sheet workbook, not yet saved."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    c = comparison
    workbook.properties.title = f"Comparison: {c.before_plan} → {c.after_plan}"[:200]
    workbook.properties.creator = "govplanner"
    _summary(workbook.create_sheet(SHEETS[0]), c, w)
    _coverage(workbook.create_sheet(SHEETS[1]), c, w)
    _structure(workbook.create_sheet(SHEETS[2]), c, w)
    _findings(workbook.create_sheet(SHEETS[3]), c, w)
    for ws in workbook.worksheets:
        _print_setup(ws, c)
    return workbook


# -- cells -------------------------------------------------------------------------------------


def _put(ws: Worksheet, row: int, column: int, value: Any, **look: Any) -> None:
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
    cell.font = Font(
        name=_FONT,
        size=look.get("size", 10),
        bold=look.get("bold", False),
        color=look.get("colour", "212B32"),
    )
    if look.get("fill"):
        cell.fill = PatternFill("solid", start_color=look["fill"], end_color=look["fill"])
    if look.get("boxed", True):
        cell.border = _BOX
        cell.alignment = _WRAP


def _header(ws: Worksheet, row: int, headers: Sequence[str], widths: Sequence[float]) -> None:
    for i, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        _put(ws, row, i, text, bold=True, colour=_HEADER_TEXT, fill=_HEADER_FILL)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = ws.cell(row=row + 1, column=1).coordinate
    ws.print_title_rows = f"{row}:{row}"


def _table(
    ws: Worksheet, headers: Sequence[str], widths: Sequence[float], rows: list[list[Any]]
) -> None:
    """A header row, then plain rows; an empty table says so."""
    _header(ws, 1, headers, widths)
    if not rows:
        rows = [["No changes.", *[""] * (len(headers) - 1)]]
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            _put(ws, r, col, value)
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"


def rag_of(cell: CoverageCell | None) -> tuple[str, str]:
    """('amber', '2/3 partly covered'); ('grey', 'no such tier') when the cell is absent."""
    if cell is None:
        return "grey", "no such tier"
    if cell.required == 0:
        return "grey", RAG["grey"][2]
    status = "green" if cell.covered >= cell.required else "red" if cell.covered == 0 else "amber"
    return status, f"{cell.covered}/{cell.required} {RAG[status][2]}"


# -- sheets ------------------------------------------------------------------------------------


def _summary(ws: Worksheet, c: Comparison, w: Words) -> None:
    _put(ws, 1, 1, "Comparison of two plans", size=16, bold=True, colour=_TITLE_COLOUR, boxed=False)
    _put(ws, 2, 1, f"Before: {_side(c.before_plan, c.before_source)}", boxed=False)
    _put(ws, 3, 1, f"After: {_side(c.after_plan, c.after_source)}", boxed=False)
    _put(ws, 4, 1, f"Findings judged as of {long_date(c.as_of)}", boxed=False)
    for i, width in enumerate((46, 22, 22, 14), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    row = _summary_header(ws, 6, ["Open findings", "Before", "After", "Change"])
    for label, key in _COUNTS:
        before, after = c.before_summary.get(key, 0), c.after_summary.get(key, 0)
        change = "gain" if after < before else "loss" if after > before else "same"
        if key == "accepted":  # accepting more is neither better nor worse cover
            change = "same"
        _summary_row(ws, row, [label, before, after], change, _difference(before, after))
        row += 1
    row = _summary_header(
        ws, row + 1, [f"Coverage that changes ({w.tier}: function)", "Before", "After", "Change"]
    )
    moved = [x for x in c.coverage if x.verdict != "same"]
    for x in sorted(moved, key=lambda x: x.verdict == "gain"):  # losses first
        _put(ws, row, 1, f"{x.tier}: {x.function.label}")
        for col, cell in ((2, x.before), (3, x.after)):
            status, text = rag_of(cell)
            _put(ws, row, col, text, fill=RAG[status][0], colour=RAG[status][1])
        fill, colour, label = VERDICT[x.verdict]
        _put(ws, row, 4, label, fill=fill, colour=colour, bold=True)
        row += 1
    if not moved:
        _summary_row(ws, row, ["No cell gains or loses cover.", "", ""], "same", "")
        row += 1
    row = _summary_header(ws, row + 1, ["What changed", "", "Number", "Change"])
    for label, count, change in _change_counts(c, w):
        text = VERDICT[change][2] if change != "same" else ""
        _summary_row(ws, row, [label, "", count], change, text)
        row += 1
    ws.freeze_panes = "A6"


def _side(plan: str, source: str) -> str:
    """'Partnership A — the file a.govplan in C:\\Plans, as saved at 14:02 on 2 December 2026'."""
    return f"{plan} — {source}" if source else plan


def _summary_header(ws: Worksheet, row: int, headers: list[str]) -> int:
    """A header row inside the summary; returns the row after it."""
    for i, text in enumerate(headers, start=1):
        _put(ws, row, i, text, bold=True, colour=_HEADER_TEXT, fill=_HEADER_FILL)
    return row + 1


_COUNTS = (
    ("Open critical findings", "critical"),
    ("Open warnings", "warning"),
    ("Open findings for information", "info"),
    ("Accepted findings", "accepted"),
)


def _change_counts(c: Comparison, w: Words) -> list[tuple[str, int, str]]:
    lines = [
        ("Findings opened", len(c.opened), "loss" if c.opened else "same"),
        ("Findings closed", len(c.closed), "gain" if c.closed else "same"),
        ("Findings now accepted", len(c.accepted), "same"),
    ]
    kinds: tuple[tuple[ItemKind, str], ...] = (
        ("committee", w.committees),
        ("role", w.roles),
        ("person", "people"),
        ("organisation", "organisations"),
    )
    for kind, plural in kinds:
        if kind == "organisation" and not c.organisations:
            continue  # most plans record no organisations: no rows of noughts
        for status in STATUSES:
            lines.append((f"{capitalise(plural)} {status}", c.count(kind, status), "same"))
        if kind == "committee":
            lines.append((f"{capitalise(plural)} merged into others", c.merged_count, "same"))
    lines.append(("Plan settings changed", len(c.settings), "same"))
    return lines


def _difference(before: int, after: int) -> str:
    if before == after:
        return "No change"
    return f"{'Up' if after > before else 'Down'} {abs(after - before)}"


def _summary_row(ws: Worksheet, row: int, values: list[Any], change: str, text: str) -> None:
    for col, value in enumerate(values, start=1):
        _put(ws, row, col, value)
    fill, colour, _ = VERDICT[change]
    _put(ws, row, 4, text, fill=fill, colour=colour)


def _coverage(ws: Worksheet, c: Comparison, w: Words) -> None:
    headers = [
        w.cap("tier"),
        "Function",
        "Before",
        "After",
        "Change",
        f"{w.cap('committees')} that lost cover",
    ]
    _header(ws, 1, headers, [26, 28, 24, 24, 12, 36])
    for r, x in enumerate(c.coverage, start=2):
        _coverage_row(ws, r, x)
    ws.auto_filter.ref = f"A1:F{len(c.coverage) + 1}"


def _coverage_row(ws: Worksheet, row: int, x: CellChange) -> None:
    _put(ws, row, 1, x.tier)
    _put(ws, row, 2, x.function.label)
    for col, cell in ((3, x.before), (4, x.after)):
        status, text = rag_of(cell)
        fill, colour, _ = RAG[status]
        _put(ws, row, col, text, fill=fill, colour=colour)
    change_fill, change_colour, label = VERDICT[x.verdict]
    _put(ws, row, 5, label, fill=change_fill, colour=change_colour, bold=x.verdict != "same")
    _put(ws, row, 6, "; ".join(x.lost or ()))


def _structure(ws: Worksheet, c: Comparison, w: Words) -> None:
    kinds = {
        "committee": w.cap("committee"),
        "role": w.cap("role"),
        "person": "Person",
        "organisation": "Organisation",
    }
    rows: list[list[Any]] = [_merge_row(w, m) for m in c.merges]
    for change in (*c.committees, *c.roles, *c.people, *c.organisations):
        rows += _change_rows(kinds[change.kind], change)
    rows += [
        ["Plan setting", "Changed", f.field, "", "", f.field, f.before, f.after] for f in c.settings
    ]
    headers = ["Kind", "Change", "Name", "Was called", "Where", "Field", "Before", "After"]
    _table(ws, headers, [12, 11, 30, 24, 28, 20, 32, 32], rows)


def _change_rows(kind: str, change: ItemChange) -> list[list[Any]]:
    was = "" if change.before_name in (None, change.name) else str(change.before_name)
    head = [kind, change.status.capitalize(), change.name, was, change.where]
    if change.why:  # a proposal said why: the reasons go where the new value would
        return [[*head, "Why", "", "\n".join(change.why)]]
    if not change.fields:
        return [[*head, "", "", ""]]
    return [[*head, f.field, f.before, f.after] for f in change.fields]


def _merge_row(w: Words, merge: Merge) -> list[Any]:
    """One row: 'Merged', the committee merged into, and the committees merged into it."""
    was = "; ".join(merge.sources)
    status = f"a new {w.committee}" if merge.target_is_new else f"an existing {w.committee}"
    return [
        w.cap("committee"),
        "Merged",
        merge.target,
        was,
        merge.where,
        "Merged into",
        was,
        f"{merge.sentence} ({status})",
    ]


def _findings(ws: Worksheet, c: Comparison, w: Words) -> None:
    rows = [_finding_row("Opened", f) for f in c.opened]
    rows += [_finding_row("Closed", f) for f in c.closed]
    rows += [_finding_row("Accepted", f) for f in c.accepted]
    headers = [
        "Change",
        "Severity",
        "Code",
        "Subject",
        w.cap("tier"),
        "Function",
        "Stage",
        "Message",
        "What to do",
    ]
    _table(ws, headers, [10, 10, 9, 26, 16, 22, 18, 50, 50], rows)


def _finding_row(change: str, f: Finding) -> list[Any]:
    return [
        change,
        f.severity.label,
        f.code,
        f.subject,
        f.tier or "",
        f.function.label if f.function else "",
        f.stage or "",
        f.message,
        f.remedy,
    ]


def _print_setup(ws: Any, c: Comparison) -> None:
    """A4 landscape, one page wide, page numbers; headers name both plans."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.sheet_view.showGridLines = False
    ws.oddHeader.left.text = _header_text(f"{c.before_plan} → {c.after_plan}")
    ws.oddHeader.right.text = _header_text(f"As of {long_date(c.as_of)}")
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = "Page &P of &N"


def _header_text(text: str) -> str:
    # '&' starts a code in Excel headers and footers; a literal one is written '&&'.
    return text.replace("&", "&&")[:120]

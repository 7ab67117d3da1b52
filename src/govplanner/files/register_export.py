"""Exporting a plan as a register workbook in the layout the importer reads (DOMAIN.md).

Board-tidy: bold frozen headers, filters and sensible widths. Every cell holding user text is
written through :func:`govplanner.files.cells.set_text`, so nothing is ever a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from govplanner.domain.errors import ExportError
from govplanner.domain.model import Plan
from govplanner.files import register_layout as layout
from govplanner.files.atomic import atomic_write_with
from govplanner.files.cells import set_text

Value = str | float | dt.date | None
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_DATE_FORMAT = "dd mmm yyyy"
_WRAPPED = {"Purpose", "Committees", "Professions", "Functions", "Sources"}


def export_register(plan: Plan, path: str | Path) -> None:
    """Write ``plan`` to ``path`` as a register workbook, atomically."""
    workbook = build_register(plan)

    def save(stream: IO[bytes]) -> None:
        workbook.save(stream)

    atomic_write_with(path, save)


def build_register(plan: Plan) -> Workbook:
    """The register workbook for ``plan`` (all six sheets), not yet saved."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    workbook.properties.title = plan.name
    workbook.properties.description = plan.description or None
    for name, rows in _sheet_rows(plan):
        _write_sheet(workbook.create_sheet(name), layout.HEADERS[name], rows)
    return workbook


def _sheet_rows(plan: Plan) -> list[tuple[str, list[Sequence[Value]]]]:
    content: dict[str, list[Sequence[Value]]] = {
        layout.COMMITTEES: _committee_rows(plan),
        layout.ROLES: _role_rows(plan),
        layout.PEOPLE: _people_rows(plan),
        layout.TIERS: [(t.name, t.level.value) for t in plan.tiers],
        layout.STAGES: [(s.name,) for s in plan.stages],
        layout.PROGRAMMES: [
            (p.name, _join_professions(p.name, p.professions)) for p in plan.programmes
        ],
    }
    return [(name, content[name]) for name in layout.SHEET_ORDER]


def _committee_rows(plan: Plan) -> list[Sequence[Value]]:
    tiers = {t.id: t.name for t in plan.tiers}
    stages = {s.id: s.name for s in plan.stages}
    names = {c.id: c.name for c in plan.committees}
    return [
        (
            c.name,
            tiers.get(c.tier_id, ""),
            names.get(c.reports_to_id or "", ""),
            stages.get(c.stage_id or "", ""),
            c.programme_area,
            c.purpose,
        )
        for c in plan.committees
    ]


def _role_rows(plan: Plan) -> list[Sequence[Value]]:
    committees = {c.id: c.name for c in plan.committees}
    people = {p.id: p.name for p in plan.people}
    return [
        (
            r.title,
            join_names(f"role '{r.title}'", [committees[c] for c in r.committee_ids]),
            r.profession,
            "yes" if r.clinical else "no",
            people.get(r.holder_id or "", ""),
            "; ".join(layout.FUNCTION_LABELS[f] for f in r.functions),
            r.sessions_per_week,
            r.term_start,
            r.term_end,
        )
        for r in plan.roles
    ]


def _people_rows(plan: Plan) -> list[Sequence[Value]]:
    rows: list[Sequence[Value]] = []
    for p in plan.people:
        if p.sources is None:
            sources = ""
        elif not p.sources:
            sources = layout.NO_SOURCES_WORD
        else:
            sources = "; ".join(layout.SOURCE_LABELS[s] for s in p.sources)
        rows.append((p.name, p.profession, p.capacity, sources))
    return rows


def join_names(owner: str, names: Sequence[str]) -> str:
    """Names for one cell: '; ' between them, or line breaks when a name has a ';'."""
    if not any(";" in n for n in names):
        return "; ".join(names)
    clash = next((n for n in names if "\n" in n or "\r" in n), None)
    if clash is not None:
        raise ExportError(
            f"The register cannot list the names for {owner}: '{clash}' contains a line break "
            "and another name contains ';'. Rename one of them and export again."
        )
    return "\n".join(names)


def _join_professions(programme: str, professions: Sequence[str]) -> str:
    for profession in professions:
        if ";" in profession or "\n" in profession or "\r" in profession:
            raise ExportError(
                f"Programme area '{programme}' has the profession '{profession}', which contains "
                "';' or a line break, the characters the register uses between professions. "
                "Split it into separate professions and export again."
            )
    return "; ".join(professions)


def _write_sheet(sheet: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[Value]]) -> None:
    widths = [len(h) + 4 for h in headers]
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        set_text(cell, header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    count = 0
    for count, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            _write_value(sheet, count, column, value, headers[column - 1])
            widths[column - 1] = max(widths[column - 1], _width(value))
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A1:{last}{max(count, 1)}"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 10), 60)


def _write_value(sheet: Worksheet, row: int, column: int, value: Value, header: str) -> None:
    if value is None or value == "":
        return
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        set_text(cell, value)
        if header in _WRAPPED:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = _DATE_FORMAT
    else:
        cell.value = value


def _width(value: Value) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 12
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0) + 2

"""The timeline as a workbook: one row per step, then coverage, uncovered functions and changes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, get_args

from govplanner.analysis.compare import ItemKind
from govplanner.restructure.timeline import Step, change_text

KINDS: tuple[ItemKind, ...] = get_args(ItemKind)


_HEADERS = {
    "Timeline": [
        "Date", "Plan", "File", "Open critical", "Open warnings", "Open info", "Accepted",
        "Essential uncovered", "Clinical sessions a week", "Cost a year", "Cost per 100,000",
        "Changes from the step before",
    ],
    "Coverage": ["Date", "Tier", "Function", "Needing", "Covered", "Accepted"],
    "Uncovered": ["Date", "Committee", "Function", "Finding", "What is wrong"],
    "Changes": ["Date", "Item", "Change", "Name", "Where", "Fields"],
}  # fmt: skip


def _step_row(s: Step) -> list[Any]:
    summary = s.analysis.summary
    return [
        s.date, s.plan.name, s.label, summary.get("critical", 0), summary.get("warning", 0),
        summary.get("info", 0), summary.get("accepted", 0), len(s.uncovered),
        s.cost.sessions, s.cost.cost, s.cost.cost_per_100k,
        "" if s.changes is None else change_text(s.changes),
    ]  # fmt: skip


def _rows(steps: Sequence[Step]) -> dict[str, list[list[Any]]]:
    rows: dict[str, list[list[Any]]] = {name: [list(h)] for name, h in _HEADERS.items()}
    for s in steps:
        rows["Timeline"].append(_step_row(s))
        for tier in s.analysis.coverage:
            for f, cell in tier.functions.items():
                rows["Coverage"].append(
                    [s.date, tier.tier, f.label, cell.required, cell.covered, cell.accepted]
                )
        for g in s.uncovered:
            function = g.function.label if g.function else ""
            rows["Uncovered"].append([s.date, g.subject, function, g.code, g.message])
        for kind in KINDS if s.changes is not None else ():
            assert s.changes is not None
            for change in s.changes.changes_of(kind):
                fields = "; ".join(f"{f.field}: {f.before} -> {f.after}" for f in change.fields)
                rows["Changes"].append(
                    [s.date, kind, change.status, change.name, change.where, fields]
                )
    return rows


def write_timeline(steps: Sequence[Step], path: Path) -> None:
    """Write the workbook atomically; text cells are text, never formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from govplanner.files.atomic import atomic_writer
    from govplanner.files.cells import set_text

    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for title, rows in _rows(steps).items():
        ws = wb.create_sheet(title)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=c)
                if isinstance(value, str):
                    set_text(cell, value)
                else:
                    cell.value = value
                    if hasattr(value, "isoformat"):
                        cell.number_format = "d mmmm yyyy"
                if r == 1:
                    cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for c in range(1, len(rows[0]) + 1):
            ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = 22
    with atomic_writer(path, "wb") as stream:
        wb.save(stream)

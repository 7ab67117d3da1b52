"""The gap report's Proposal sheet: for a proposal plan, what it changed from the plan it
came from and why, so the board reads the reasons beside the gaps (``Plan.proposal``)."""

from __future__ import annotations

from openpyxl.workbook import Workbook

from govplanner.domain.model import Plan
from govplanner.domain.proposal import Proposal
from govplanner.export.gap_sheets import Column, ReportMeta, write_table_sheet
from govplanner.export.wording import format_date
from govplanner.export.xlsx_style import Styles

TITLE = "Proposal"


def _figures(p: Proposal) -> list[str]:
    def sessions(value: float) -> str:
        return f"{value:,.6g}"

    lines = [
        f"Sessions a week in scope: {sessions(p.sessions_before)} before, "
        f"{sessions(p.sessions_after)} after (budget {sessions(p.budget_sessions)}).",
        f"Essential functions covered: {p.essential_covered_before:,} before, "
        f"{p.essential_covered_after:,} after.",
    ]
    if p.cost_before is not None and p.cost_after is not None:
        lines.append(f"Cost a year: £{p.cost_before:,.0f} before, £{p.cost_after:,.0f} after.")
    if p.solver_status:
        lines.append(f"Optimiser: {p.solver_status}.")
    return lines


def write_proposal(workbook: Workbook, styles: Styles, meta: ReportMeta, plan: Plan) -> int:
    """The Proposal sheet (nothing for a plan that is not a proposal); returns its rows."""
    p = plan.proposal
    if p is None:
        return 0
    source = f" from '{p.source_plan}'" if p.source_plan else ""
    intro = [
        (TITLE, "gp title"),
        (
            f"This plan is a proposal made by govplanner {p.method} on "
            f"{format_date(p.made_on)}{source}. Each change and its reasons are listed below.",
            "gp note",
        ),
        *((line, "gp spill") for line in _figures(p)),
        ("", ""),
    ]
    columns = (
        Column("Change", 20),
        Column("Item", 34),
        Column("Sessions a week", 12, "gp number"),
        Column("Held by", 22),
        Column("Why", 70),
    )
    rows = (
        [c.action.label, c.subject, c.sessions_per_week or None, c.holder, "\n".join(c.reasons)]
        for c in p.changes
    )
    return write_table_sheet(workbook, styles, meta, TITLE, columns, rows, intro=intro)

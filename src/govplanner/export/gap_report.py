"""The board gap report: an Excel workbook of coverage, findings and the registers behind them."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from openpyxl.workbook import Workbook

from govplanner.analysis.principles import assess_principles
from govplanner.analysis.result import Analysis
from govplanner.analysis.rules.terms import upcoming_term_ends
from govplanner.domain.enums import FUNCTIONS
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import words
from govplanner.export.gap_committees import write_committees
from govplanner.export.gap_findings import (
    cause_by_finding,
    write_acceptances,
    write_organisations,
    write_root_causes,
)
from govplanner.export.gap_planning import TERM_HORIZON_DAYS, write_principles, write_term_ends
from govplanner.export.gap_proposal import write_proposal
from govplanner.export.gap_sheets import (
    CancelledError,
    ReportMeta,
    Ticker,
    write_findings,
    write_people,
    write_roles,
)
from govplanner.export.gap_summary import rag_cell, write_summary
from govplanner.export.report_words import SHEETS
from govplanner.export.wording import format_date
from govplanner.export.xlsx_style import RowWriter, Styles, new_sheet, prepare_sheet, print_setup
from govplanner.files.atomic import atomic_writer

__all__ = ["SHEETS", "export_gap_report", "write_summary"]


def export_gap_report(
    plan: Plan,
    analysis: Analysis,
    path: Path | str,
    *,
    as_of: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path | None:
    """Write the gap report workbook to ``path`` atomically and return the path.

    Term ends are judged against ``as_of``, else the analysis's own date (``analysis.as_of``),
    else today. ``progress(done, total)`` is called every few hundred rows; when ``cancel()``
    returns True the export stops, nothing is written and None is returned.
    """
    target = Path(path)
    day = as_of or analysis.as_of or dt.date.today()
    rows = len(analysis.findings) + len(plan.committees) + len(plan.roles) + len(plan.people)
    ticker = Ticker(rows, progress, cancel)
    workbook = Workbook(write_only=True)
    try:
        _write_sheets(workbook, plan, analysis, day, ticker)
    except CancelledError:
        # Finish the half-written sheets into nothing: that closes and removes the temporary
        # files a write-only workbook streams into.
        workbook.save(io.BytesIO())
        return None
    workbook.properties.title = (
        f"Clinical and care professional leadership gap report: {plan.name}"[:200]
    )
    workbook.properties.creator = "govplanner"
    workbook.properties.lastModifiedBy = "govplanner"
    workbook.properties.subject = "Clinical and care professional leadership: gaps and findings"
    workbook.properties.keywords = f"{plan.name}; gap report; govplanner"[:200]
    with atomic_writer(target) as stream:
        workbook.save(stream)
    return target


def _write_sheets(
    workbook: Workbook, plan: Plan, analysis: Analysis, day: dt.date, ticker: Ticker
) -> None:
    """Every sheet, in the order of :data:`SHEETS`."""
    styles = Styles(workbook)
    meta = ReportMeta(plan.name, format_date(day), words(plan))
    principles = assess_principles(plan, analysis)
    terms = upcoming_term_ends(plan, day, horizon_days=TERM_HORIZON_DAYS)
    write_summary(workbook, styles, meta, plan, analysis, principles)
    write_principles(workbook, styles, meta, principles)
    write_root_causes(workbook, styles, meta, analysis)
    write_term_ends(workbook, styles, meta, plan, terms, day)
    write_coverage_by_stage(workbook, styles, meta, analysis)
    causes = cause_by_finding(analysis)
    write_findings(workbook, styles, meta, analysis, ticker, plan=plan, causes=causes)
    write_acceptances(workbook, styles, meta, plan, analysis, day)
    write_committees(workbook, styles, meta, plan, analysis, ticker)
    write_roles(workbook, styles, meta, plan, ticker)
    write_people(workbook, styles, meta, plan, ticker)
    write_organisations(workbook, styles, meta, plan)
    write_proposal(workbook, styles, meta, plan)
    ticker.report()


# -- Coverage by stage -------------------------------------------------------------------------


def write_coverage_by_stage(
    workbook: Workbook, styles: Styles, meta: ReportMeta, analysis: Analysis
) -> None:
    ws = new_sheet(workbook, "Coverage by stage")
    widths = [30, 26, 20, 20, 20, 20]
    prepare_sheet(ws, widths, freeze="C2")
    out = RowWriter(ws, widths)
    w = meta.words
    header = [w.cap("tier"), f"If every {w.committee} were at stage", *[f.label for f in FUNCTIONS]]
    out.append(styles.row(ws, header, ["gp header"] * len(header)))
    for entry in analysis.coverage_by_stage:
        cells = [styles.cell(ws, entry.tier, "gp label"), styles.cell(ws, entry.stage, "gp text")]
        for function in FUNCTIONS:
            cells.append(rag_cell(ws, styles, entry.functions.get(function)))
        out.append(cells)
    print_setup(ws, plan_name=meta.plan_name, as_of=meta.as_of, title_rows="1:1")

"""The board gap report: an Excel workbook of coverage, findings and the registers behind them."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.workbook import Workbook

from govplanner.analysis.principles import PrincipleResult, assess_principles
from govplanner.analysis.result import Analysis, CoverageCell
from govplanner.analysis.rules.terms import upcoming_term_ends
from govplanner.domain.enums import FUNCTIONS, Function, Severity
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import Words, words
from govplanner.export.gap_planning import TERM_HORIZON_DAYS, write_principles, write_term_ends
from govplanner.export.gap_sheets import (
    CancelledError,
    ReportMeta,
    Ticker,
    write_committees,
    write_findings,
    write_people,
    write_roles,
)
from govplanner.export.report_words import SHEETS, level_header
from govplanner.export.wording import format_date
from govplanner.export.xlsx_style import (
    RAG,
    RowWriter,
    Styles,
    new_sheet,
    prepare_sheet,
    print_setup,
    rag_status,
)
from govplanner.files.atomic import atomic_writer

__all__ = ["SHEETS", "export_gap_report"]

_SEVERITIES = tuple(Severity)
#: Rows the chart covers below the tables, and the most rows a one-page summary may have.
CHART_ROWS = 20
ONE_PAGE_ROWS = 80
#: One NHS palette colour per function for the chart (dark blue, aqua green, warm yellow, pink).
_CHART_COLOURS = {
    Function.ANALYTICAL: "003087",
    Function.REPRESENTATION: "00A499",
    Function.TRANSLATION: "FFB81C",
    Function.RELATIONAL: "AE2573",
}


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
    workbook.properties.title = f"Clinical leadership gap report: {plan.name}"[:200]
    workbook.properties.creator = "govplanner"
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
    write_term_ends(workbook, styles, meta, plan, terms, day)
    write_coverage_by_stage(workbook, styles, meta, analysis)
    write_findings(workbook, styles, meta, analysis, ticker)
    write_committees(workbook, styles, meta, plan, analysis, ticker)
    write_roles(workbook, styles, meta, plan, ticker)
    write_people(workbook, styles, meta, plan, ticker)
    ticker.report()


# -- Summary ---------------------------------------------------------------------------------


def write_summary(
    workbook: Workbook,
    styles: Styles,
    meta: ReportMeta,
    plan: Plan,
    analysis: Analysis,
    principles: list[PrincipleResult] | None = None,
) -> None:
    ws = new_sheet(workbook, "Summary")
    widths = [34, 18, 20, 20, 20, 20]
    prepare_sheet(ws, widths, freeze=None)
    out = RowWriter(ws, widths)
    rows: list[list[Any]] = []
    w = meta.words
    _heading(rows, ws, styles, plan, meta)
    _plan_counts(rows, ws, styles, plan, w)
    _severity_table(rows, ws, styles, analysis)
    _term_counts(rows, ws, styles, plan, analysis, meta)
    _coverage_matrix(rows, ws, styles, plan, analysis, w)
    if principles:
        _principles_table(rows, ws, styles, principles, meta)
    chart_data_at = len(rows) + 4  # first data row of the gaps table
    by_tier = _gaps_by_tier(rows, ws, styles, analysis, w)
    _findings_by_tier(rows, ws, styles, plan, analysis, w)
    for row in rows:
        out.append(row)
    if by_tier:
        _chart(ws, chart_data_at, by_tier, anchor=f"A{len(rows) + 2}", w=w)
    print_setup(ws, plan_name=meta.plan_name, as_of=meta.as_of, title_rows=None)
    last_row = len(rows) + (CHART_ROWS if by_tier else 0)
    ws.print_area = f"A1:F{last_row}"
    if last_row <= ONE_PAGE_ROWS:
        ws.page_setup.fitToHeight = 1  # a small plan's summary fits on one page, chart and all


def _heading(rows: list[list[Any]], ws: Any, styles: Styles, plan: Plan, meta: ReportMeta) -> None:
    rows.append([styles.cell(ws, "Clinical leadership gap report", "gp title")])
    rows.append([styles.cell(ws, plan.name, "gp subtitle")])
    rows.append([styles.cell(ws, f"As of {meta.as_of} · produced with govplanner", "gp note")])
    rows.append([])


def _plan_counts(rows: list[list[Any]], ws: Any, styles: Styles, plan: Plan, w: Words) -> None:
    clinical = [r for r in plan.roles if r.clinical]
    filled = sum(1 for r in clinical if r.holder_id is not None)
    rows.append([styles.cell(ws, "The plan", "gp section")])
    for label, value in (
        (w.cap("tiers"), len(plan.tiers)),
        (w.cap("committees"), len(plan.committees)),
        (f"Clinical {w.roles}", len(clinical)),
        ("  of which filled", filled),
        ("  of which vacant", len(clinical) - filled),
        (f"Other {w.roles}", len(plan.roles) - len(clinical)),
        ("People", len(plan.people)),
    ):
        rows.append([styles.cell(ws, label, "gp label"), styles.cell(ws, value, "gp integer")])
    rows.append([])


def _severity_table(rows: list[list[Any]], ws: Any, styles: Styles, analysis: Analysis) -> None:
    open_counts: Counter[Severity] = Counter()
    accepted: Counter[Severity] = Counter()
    for finding in analysis.findings:
        (accepted if finding.accepted else open_counts)[finding.severity] += 1
    rows.append([styles.cell(ws, "Findings", "gp section")])
    header = ["Severity", "Open", "Accepted", "Total"]
    rows.append(styles.row(ws, header, ["gp header"] * 4))
    for severity in _SEVERITIES:
        o, a = open_counts[severity], accepted[severity]
        look = f"gp severity {severity.value}"
        rows.append(styles.row(ws, [severity.label, o, a, o + a], [look, *["gp integer"] * 3]))
    o, a = sum(open_counts.values()), sum(accepted.values())
    rows.append(styles.row(ws, ["All findings", o, a, o + a], ["gp label", *["gp integer"] * 3]))
    rows.append(
        [styles.cell(ws, "Accepted findings stay in the report, marked as accepted, and do not "
                     "count as open.", "gp note")]
    )  # fmt: skip
    rows.append([])


def _coverage_matrix(
    rows: list[list[Any]], ws: Any, styles: Styles, plan: Plan, analysis: Analysis, w: Words
) -> None:
    rows.append([styles.cell(ws, "Coverage of the clinical leadership functions", "gp section")])
    rows.append(
        [styles.cell(ws, f"Per {w.tier}: {w.committees} that need each function at their current "
                     "stage, and how many of them have a filled post providing it.", "gp note")]
    )  # fmt: skip
    header = [w.cap("tier"), level_header(w), *[f.label for f in FUNCTIONS]]
    rows.append(styles.row(ws, header, ["gp header"] * len(header)))
    levels = {t.id: t.level.label for t in plan.tiers}
    for tier in analysis.coverage:
        cells = [
            styles.cell(ws, tier.tier, "gp label"),
            styles.cell(ws, levels.get(tier.tier_id, ""), "gp text"),
        ]
        for function in FUNCTIONS:
            cells.append(_rag_cell(ws, styles, tier.functions.get(function)))
        rows.append(cells)
    if not analysis.coverage:
        rows.append([styles.cell(ws, f"The plan has no {w.tiers} yet.", "gp note")])
    rows.append(_legend(ws, styles))
    rows.append([])


def _term_counts(
    rows: list[list[Any]],
    ws: Any,
    styles: Styles,
    plan: Plan,
    analysis: Analysis,
    meta: ReportMeta,
) -> None:
    """Open term findings: terms ended while still filled, and terms ending soon."""
    counts = Counter(f.code for f in analysis.open_findings)
    w, days = meta.words, plan.term_warning_days
    rows.append([styles.cell(ws, "Terms of office", "gp section")])
    for label, code in (
        ("Ended, still shown as filled", "TRM002"),
        (f"Ending within {days} days", "TRM001"),
    ):
        look = "gp label" if counts[code] == 0 else f"gp severity {_TERM_SEVERITY[code]}"
        rows.append([styles.cell(ws, f"{label} ({code})", look),
                     styles.cell(ws, counts[code], "gp integer")])  # fmt: skip
    rows.append(
        [styles.cell(ws, f"Open findings on filled {w.roles}, as of {meta.as_of}. The "
                     f"{meta.title('Term ends')} sheet lists every term ending within a year.",
                     "gp note")]
    )  # fmt: skip
    rows.append([])


_TERM_SEVERITY = {"TRM002": "critical", "TRM001": "warning"}


def _principles_table(
    rows: list[list[Any]],
    ws: Any,
    styles: Styles,
    principles: list[PrincipleResult],
    meta: ReportMeta,
) -> None:
    """Each CCPL principle with its RAG and label; the evidence is on the Principles sheet."""
    rows.append([styles.cell(ws, "CCPL principles self-assessment", "gp section")])
    rows.append(styles.row(ws, ["Principle", "Self-assessment"], ["gp header"] * 2))
    for result in principles:
        rows.append([styles.cell(ws, result.title, "gp label"),
                     styles.cell(ws, result.rag_label, f"gp rag {result.rag}")])  # fmt: skip
    rows.append(
        [styles.cell(ws, f"From the plan's data only; the evidence and what each check cannot "
                     f"show are on the {meta.title('Principles')} sheet.", "gp note")]
    )  # fmt: skip
    rows.append([])


def _rag_cell(ws: Any, styles: Styles, cell: CoverageCell | None) -> Any:
    status, text = rag_status(cell if cell is not None else CoverageCell(0, 0))
    return styles.cell(ws, text, f"gp rag {status}")


def _legend(ws: Any, styles: Styles) -> list[Any]:
    cells = [styles.cell(ws, "Key", "gp note"), styles.cell(ws, "", "gp note")]
    for status, text in (
        ("green", "All covered"),
        ("amber", "Partly covered"),
        ("red", "None covered"),
        ("grey", RAG["grey"][2]),
    ):
        cells.append(styles.cell(ws, text, f"gp rag {status}"))
    return cells


def _gaps_by_tier(
    rows: list[list[Any]], ws: Any, styles: Styles, analysis: Analysis, w: Words
) -> int:
    """Committees missing each function, per tier (the chart's data); returns the row count."""
    rows.append([styles.cell(ws, f"Coverage gaps by {w.tier}", "gp section")])
    rows.append(
        [styles.cell(ws, f"{w.cap('committees')} that need a function at their current stage "
                     "but have no filled post providing it.", "gp note")]
    )  # fmt: skip
    header = [w.cap("tier"), *[f.label for f in FUNCTIONS], "Total"]
    rows.append(styles.row(ws, header, ["gp header"] * len(header)))
    for tier in analysis.coverage:
        gaps = [tier.functions[f].gap if f in tier.functions else 0 for f in FUNCTIONS]
        looks = ["gp label", *["gp integer"] * (len(gaps) + 1)]
        rows.append(styles.row(ws, [tier.tier, *gaps, sum(gaps)], looks))
    rows.append([])
    return len(analysis.coverage)


def _findings_by_tier(
    rows: list[list[Any]], ws: Any, styles: Styles, plan: Plan, analysis: Analysis, w: Words
) -> None:
    """Open findings per tier and severity."""
    counts: dict[str, Counter[Severity]] = {t.name: Counter() for t in plan.tiers}
    for finding in analysis.open_findings:
        tier = finding.tier or f"Not tied to any {w.tier}"
        counts.setdefault(tier, Counter())[finding.severity] += 1
    rows.append([styles.cell(ws, f"Open findings by {w.tier}", "gp section")])
    header = [w.cap("tier"), *[s.label for s in _SEVERITIES], "Total"]
    rows.append(styles.row(ws, header, ["gp header"] * len(header)))
    for tier, by_severity in counts.items():
        values = [by_severity[s] for s in _SEVERITIES]
        rows.append(styles.row(ws, [tier, *values, sum(values)], ["gp label", *["gp integer"] * 4]))


def _chart(ws: Any, first_row: int, count: int, anchor: str, w: Words) -> None:
    """Coverage gaps per tier, one stacked colour per function."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = f"Coverage gaps by {w.tier}"
    chart.y_axis.title = f"{w.cap('committees')} missing the function"
    chart.y_axis.majorGridlines = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.height, chart.width = 8, 17  # cm
    last = first_row + count - 1
    data = Reference(ws, min_col=2, max_col=1 + len(FUNCTIONS), min_row=first_row - 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first_row, max_row=last))
    for series, function in zip(chart.series, FUNCTIONS, strict=True):
        series.graphicalProperties.solidFill = _CHART_COLOURS[function]
        series.graphicalProperties.line.solidFill = _CHART_COLOURS[function]
    chart.legend.position = "b"
    ws.add_chart(chart, anchor)


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
            cells.append(_rag_cell(ws, styles, entry.functions.get(function)))
        out.append(cells)
    print_setup(ws, plan_name=meta.plan_name, as_of=meta.as_of, title_rows="1:1")

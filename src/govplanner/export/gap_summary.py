"""The gap report's Summary sheet: the plan, findings, root causes, coverage and a chart.

The Summary is printed at full size, a section never split across pages: it is broken into
pages at section boundaries (rather than shrunk to fit one page, which made 80 rows about
5 pt high).
"""

from __future__ import annotations

import itertools
import textwrap
from collections import Counter
from typing import Any

from openpyxl.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break

from govplanner.analysis.principles import PrincipleResult
from govplanner.analysis.result import Analysis, CoverageCell
from govplanner.domain.enums import FUNCTIONS, CommitteeKind, Severity
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import Words
from govplanner.export.gap_chart import gaps_alt_text, gaps_chart
from govplanner.export.gap_findings import shared_causes, unjudged_note
from govplanner.export.gap_sheets import ReportMeta
from govplanner.export.report_words import level_header
from govplanner.export.wording import and_list, count
from govplanner.export.xlsx_charts import set_alt_text
from govplanner.export.xlsx_style import (
    RAG,
    RowWriter,
    Styles,
    new_sheet,
    prepare_sheet,
    print_setup,
    rag_status,
)

_SEVERITIES = tuple(Severity)
#: Rows the chart covers below the tables.
CHART_ROWS = 20
#: The chart's height in points (8 cm), and the printable height of a landscape A4 page
#: between the margins set by :func:`print_setup` (21 cm less 2 x 0.75 in), in points.
CHART_POINTS = 8 / 2.54 * 72
PAGE_POINTS = (21 / 2.54 - 1.5) * 72
#: Characters of 9 pt note text that fit across the Summary's printed columns.
NOTE_WIDTH = 150
#: Characters of a committees-in-common group's list that fit in columns B to F.
GROUP_WIDTH = 100
#: Root causes named on the Summary; the rest are on their own sheet.
CAUSES_LISTED = 8
Rows = list[list[Any]]


class _Sections:
    """Rows of the Summary, with where each section starts (pages break only there)."""

    def __init__(self) -> None:
        self.rows: Rows = []
        self.starts: list[int] = []

    def section(self) -> Rows:
        self.starts.append(len(self.rows))
        return self.rows

    def wrap_notes(self, ws: Any, styles: Styles) -> None:
        """Split long notes into rows that fit the printed width (a note spills over the
        empty cells beside it, and would otherwise run off the page)."""
        rows: Rows = []
        starts = set(self.starts)
        new_starts = []
        for i, row in enumerate(self.rows):
            if i in starts:
                new_starts.append(len(rows))
            text = row[0].value if len(row) == 1 else None
            if isinstance(text, str) and len(text) > NOTE_WIDTH and row[0].style == "gp note":
                lines = textwrap.wrap(
                    text, NOTE_WIDTH, subsequent_indent="  " * text.startswith("•")
                )
                rows.extend([styles.cell(ws, line, "gp note")] for line in lines)
            else:
                rows.append(row)
        self.rows, self.starts = rows, new_starts


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
    w = meta.words
    parts = _Sections()
    _heading(parts.section(), ws, styles, plan, meta)
    _plan_counts(parts.section(), ws, styles, plan, w)
    _severity_table(parts.section(), ws, styles, plan, analysis, meta)
    _root_causes(parts.section(), ws, styles, analysis, meta)
    _term_counts(parts.section(), ws, styles, plan, analysis, meta)
    _coverage_matrix(parts.section(), ws, styles, plan, analysis, w)
    if plan.groups:
        _groups(parts.section(), ws, styles, plan, w)
    if principles:
        _principles_table(parts.section(), ws, styles, principles, meta)
    by_tier = _gaps_by_tier(parts.section(), ws, styles, analysis, w)
    _findings_by_tier(parts.section(), ws, styles, plan, analysis, w)
    parts.wrap_notes(ws, styles)
    _write_out(ws, out, parts, analysis, w, chart=bool(by_tier))
    print_setup(ws, plan_name=meta.plan_name, as_of=meta.as_of, title_rows=None)
    ws.print_area = f"A1:F{len(parts.rows) + (CHART_ROWS if by_tier else 0)}"


def _write_out(
    ws: Any, out: RowWriter, parts: _Sections, analysis: Analysis, w: Words, *, chart: bool
) -> None:
    """The rows, the page breaks between sections and the chart below the last table."""
    header = next(
        i for i in range(parts.starts[-2], len(parts.rows))
        if parts.rows[i] and parts.rows[i][0].style == "gp header"
    )  # fmt: skip
    breaks = _paginate(out, parts, chart=chart)
    for row in parts.rows:
        out.append(row)
    for after in breaks:
        ws.row_breaks.append(Break(id=after))
    if chart:
        # The gaps table's first data row (1-based) is two below its header's index.
        bars = gaps_chart(ws, header + 2, len(analysis.coverage), w)
        set_alt_text(bars, gaps_alt_text(analysis, w))
        ws.add_chart(bars, f"A{len(parts.rows) + 2}")


def _paginate(out: RowWriter, parts: _Sections, *, chart: bool) -> list[int]:
    """Rows to break the page after, so no section (nor the chart) straddles two pages."""
    heights = [out.height_of(row) for row in parts.rows]
    bounds = [*parts.starts, len(parts.rows)]
    blocks = [sum(heights[a:b]) for a, b in itertools.pairwise(bounds)]
    if chart:
        bounds.append(len(parts.rows))
        blocks.append(CHART_POINTS + 2 * heights[-1] if heights else CHART_POINTS)
    breaks, used = [], 0.0
    for start, height in zip(bounds, blocks, strict=False):
        if used and used + height > PAGE_POINTS:
            breaks.append(start)  # break after the row before this block (1-based)
            used = 0.0
        used += height
    return [b for b in breaks if b > 0]


def _heading(rows: Rows, ws: Any, styles: Styles, plan: Plan, meta: ReportMeta) -> None:
    rows.append(
        [styles.cell(ws, "Clinical and care professional leadership gap report", "gp title")]
    )
    rows.append([styles.cell(ws, plan.name, "gp subtitle")])
    rows.append([styles.cell(ws, f"As of {meta.as_of} · produced with govplanner", "gp note")])
    rows.append([])


def _plan_counts(rows: Rows, ws: Any, styles: Styles, plan: Plan, w: Words) -> None:
    clinical = [r for r in plan.roles if r.clinical]
    filled = sum(1 for r in clinical if r.holder_id is not None)
    kinds = Counter(c.kind for c in plan.committees)
    rows.append([styles.cell(ws, "The plan", "gp section")])
    lines: list[tuple[str, int]] = [
        ("Organisations", len(plan.organisations)),
        (w.cap("tiers"), len(plan.tiers)),
        (w.cap("committees"), len(plan.committees)),
    ]
    lines += [(f"  {kind.label.lower()}", kinds[kind]) for kind in CommitteeKind if kinds[kind]]
    lines += [
        ("  joint (of several organisations)",
         sum(1 for c in plan.committees if len(c.organisation_ids) > 1)),
        ("  meeting in common", sum(1 for c in plan.committees if c.group_id)),
        (f"Clinical and care professional {w.roles}", len(clinical)),
        ("  of which filled", filled),
        ("  of which vacant", len(clinical) - filled),
        (f"Other {w.roles}", len(plan.roles) - len(clinical)),
        ("People", len(plan.people)),
    ]  # fmt: skip
    for label, value in lines:
        rows.append([styles.cell(ws, label, "gp label"), styles.cell(ws, value, "gp integer")])
    _cost_rows(rows, ws, styles, plan)
    rows.append([])


def _cost_rows(rows: Rows, ws: Any, styles: Styles, plan: Plan) -> None:
    """The yearly cost of clinical leadership, when the plan records a cost per session."""
    from govplanner.restructure.cost import cost_summary, money_text

    cost = cost_summary(plan)
    if cost.cost is not None:
        per = cost.cost_per_100k
        per_text = "population not recorded" if per is None else money_text(per)
        for label, text in (("Cost of clinical leadership a year", money_text(cost.cost)),
                            ("  per 100,000 people", per_text)):  # fmt: skip
            rows.append([styles.cell(ws, label, "gp label"), styles.cell(ws, text, "gp text")])


def _severity_table(
    rows: Rows, ws: Any, styles: Styles, plan: Plan, analysis: Analysis, meta: ReportMeta
) -> None:
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
    notes = [
        "Accepted findings stay in the report, marked as accepted, and do not count as open; "
        f"the {meta.title('Accepted findings')} sheet says who accepted each, when, and when "
        "to review it."
    ]
    stale = len(set(analysis.stale_acceptances))
    if stale:
        notes.append(
            f"{count(stale, 'acceptance')} no longer {'matches' if stale == 1 else 'match'} "
            f"any finding (stale): see the {meta.title('Accepted findings')} sheet."
        )
    unjudged = unjudged_note(plan, analysis, meta.words)
    if unjudged:
        notes.append(unjudged)
    for note in notes:
        rows.append([styles.cell(ws, note, "gp note")])
    rows.append([])


def _root_causes(rows: Rows, ws: Any, styles: Styles, analysis: Analysis, meta: ReportMeta) -> None:
    """The vacancies (or people) behind several findings each: one problem read as one."""
    causes = shared_causes(analysis)
    rows.append([styles.cell(ws, "Root causes", "gp section")])
    if not causes:
        rows.append([styles.cell(ws, "No vacancy lies behind more than one open finding.",
                                 "gp note")])  # fmt: skip
        rows.append([])
        return
    explained = len({k for c in causes for k in c.finding_keys})
    rows.append(
        [styles.cell(ws, f"{count(len(causes), 'root cause')} behind "
                     f"{count(explained, 'open finding')}:", "gp note")]
    )  # fmt: skip
    for cause in causes[:CAUSES_LISTED]:
        rows.append([styles.cell(ws, f"• {cause.summary}", "gp note")])
    if len(causes) > CAUSES_LISTED:
        rest = len(causes) - CAUSES_LISTED
        rows.append(
            [styles.cell(ws, f"and {count(rest, 'more')}, on the {meta.title('Root causes')} "
                         "sheet.", "gp note")]
        )  # fmt: skip
    rows.append([])


def _term_counts(
    rows: Rows, ws: Any, styles: Styles, plan: Plan, analysis: Analysis, meta: ReportMeta
) -> None:
    """Open term findings: terms ended while still filled, and terms ending soon."""
    counts = Counter(f.code for f in analysis.open_findings)
    w, days = meta.words, plan.term_warning_days
    rows.append([styles.cell(ws, "Terms of office", "gp section")])
    for label, code in (
        ("Ended, still shown as filled", "TRM002"),
        (f"Ending within {count(days, 'day')}", "TRM001"),
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


def _coverage_matrix(
    rows: Rows, ws: Any, styles: Styles, plan: Plan, analysis: Analysis, w: Words
) -> None:
    rows.append([styles.cell(ws, "Coverage of the clinical leadership functions", "gp section")])
    rows.append(
        [styles.cell(ws, f"Per {w.tier}: {w.committees} whose kind needs each function at their "
                     "current stage, and how many have a filled post providing it. Assurance "
                     f"{w.committees} (audit, remuneration and the like) need none by design "
                     "and are left out; accepted gaps are counted apart.", "gp note")]
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
            cells.append(rag_cell(ws, styles, tier.functions.get(function)))
        rows.append(cells)
    if not analysis.coverage:
        rows.append([styles.cell(ws, f"The plan has no {w.tiers} yet.", "gp note")])
    rows.append(_legend(ws, styles))
    rows.append([])


def _groups(rows: Rows, ws: Any, styles: Styles, plan: Plan, w: Words) -> None:
    """Each committees-in-common group with its committees, shown together."""
    rows.append([styles.cell(ws, "Committees in common", "gp section")])
    rows.append(
        [styles.cell(ws, f"{w.cap('committees')} of different organisations that meet together, "
                     "each still deciding for its own body; coverage is judged per "
                     f"{w.committee}.", "gp note")]
    )  # fmt: skip
    rows.append(styles.row(ws, ["Group", w.cap("committees")], ["gp header"] * 2))
    for group in plan.groups:
        names = [c.name for c in plan.committees if c.group_id == group.id]
        text = and_list(names) if names else f"No {w.committee} in it yet"
        for i, line in enumerate(textwrap.wrap(text, GROUP_WIDTH) or [text]):
            label = styles.cell(ws, group.name, "gp label") if i == 0 else None
            rows.append([label, styles.cell(ws, line, "gp spill")])
    rows.append([])


def _principles_table(
    rows: Rows, ws: Any, styles: Styles, principles: list[PrincipleResult], meta: ReportMeta
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


def rag_cell(ws: Any, styles: Styles, cell: CoverageCell | None) -> Any:
    status, text = rag_status(cell if cell is not None else CoverageCell(0, 0))
    return styles.cell(ws, text, f"gp rag {status}")


def _legend(ws: Any, styles: Styles) -> list[Any]:
    cells = [styles.cell(ws, "Key", "gp note")]
    for status, text in (
        ("green", "All covered"),
        ("amber", "Partly covered"),
        ("red", "None covered"),
        ("accepted", "Rest accepted"),
        ("grey", RAG["grey"][2]),
    ):
        cells.append(styles.cell(ws, text, f"gp rag {status}"))
    return cells


def _gaps_by_tier(rows: Rows, ws: Any, styles: Styles, analysis: Analysis, w: Words) -> int:
    """Open gaps per tier and function (the chart's data); returns the row count."""
    rows.append([styles.cell(ws, f"Coverage gaps by {w.tier}", "gp section")])
    accepted = sum(c.accepted for t in analysis.coverage for c in t.functions.values())
    rows.append(
        [styles.cell(ws, f"{w.cap('committees')} that need a function at their current stage "
                     "but have no filled post providing it, gaps accepted left out "
                     f"({count(accepted, 'accepted gap')}).", "gp note")]
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
    rows: Rows, ws: Any, styles: Styles, plan: Plan, analysis: Analysis, w: Words
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

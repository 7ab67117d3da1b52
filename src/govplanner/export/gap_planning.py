"""The gap report's planning sheets: the CCPL principles self-assessment and the term ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl.workbook import Workbook

from govplanner.analysis.principles import RAG_LABELS, SOURCE, PrincipleResult
from govplanner.analysis.rules.terms import TermEnd
from govplanner.domain.model import Plan
from govplanner.export.gap_sheets import Column, ReportMeta, write_table_sheet
from govplanner.export.wording import count, format_date
from govplanner.export.xlsx_style import RowWriter, Styles, new_sheet, prepare_sheet, print_setup

#: How far ahead the Term ends sheet looks (ended terms are always listed).
TERM_HORIZON_DAYS = 365
BULLET = "•"

# -- Principles --------------------------------------------------------------------------------

PRINCIPLE_HEADERS = (
    "Principle",
    "What it asks",
    "Self-assessment",
    "What the plan shows",
    "What this check cannot show",
)
_PRINCIPLE_WIDTHS = (26, 34, 15, 56, 40)


def write_principles(
    workbook: Workbook, styles: Styles, meta: ReportMeta, results: Sequence[PrincipleResult]
) -> None:
    """One row per principle: its RAG with the label, the evidence lines and the limits."""
    ws = new_sheet(workbook, meta.title("Principles"))
    widths = list(_PRINCIPLE_WIDTHS)
    intro = _principles_intro(ws, styles, meta)
    header = len(intro) + 1
    prepare_sheet(ws, widths, freeze=f"A{header + 1}")
    out = RowWriter(ws, widths)
    for cells in intro:
        out.append(cells)
    out.append(styles.row(ws, PRINCIPLE_HEADERS, ["gp header"] * len(PRINCIPLE_HEADERS)))
    for number, result in enumerate(results, start=1):
        out.append(
            [
                styles.cell(ws, f"{number}. {result.title}", "gp label"),
                styles.cell(ws, result.summary, "gp text"),
                styles.cell(ws, result.rag_label, f"gp rag {result.rag}"),
                styles.cell(ws, evidence_text(result.evidence), "gp text"),
                styles.cell(ws, result.limits, "gp text"),
            ]
        )
    out.append([])
    out.append([styles.cell(ws, "The findings behind the evidence (codes such as DEV001 or "
                            "TRM002) are listed on the Findings sheet.", "gp note")])  # fmt: skip
    print_setup(
        ws,
        plan_name=meta.plan_name,
        as_of=meta.as_of,
        title_rows=f"{header}:{header}",
        widths=widths,
    )


def _principles_intro(ws: Any, styles: Styles, meta: ReportMeta) -> list[list[Any]]:
    labels = RAG_LABELS
    return [
        [styles.cell(ws, "Clinical and care professional leadership: principles", "gp title")],
        [styles.cell(ws, f"{meta.plan_name} · self-assessment as of {meta.as_of}", "gp subtitle")],
        [
            styles.cell(
                ws,
                f"Source: {SOURCE}. The five principles are summarised in our own words.",
                "gp note",
            )
        ],
        [
            styles.cell(
                ws,
                "Each principle is judged only from what the plan records (who sits "
                "where, sessions, professions, sources of influence, terms), so each row "
                "also says what the check cannot show.",
                "gp note",
            )
        ],
        [
            styles.cell(
                ws,
                f"Self-assessment: {labels['green']} where the plan shows it throughout, "
                f"{labels['amber'].lower()} where it shows it in places, "
                f"{labels['red'].lower()} where it shows little or none of it, and "
                f"{labels['grey'].lower()} where there is nothing to judge yet.",
                "gp note",
            )
        ],
        [],
    ]


def evidence_text(evidence: Sequence[str]) -> str:
    """The evidence lines as one wrapped cell, a bullet per line."""
    return "\n".join(f"{BULLET} {line}" for line in evidence)


# -- Term ends ---------------------------------------------------------------------------------


def term_status_text(term: TermEnd, warning_days: int) -> str:
    """The words shown with a term's RAG colour."""
    if term.status == "ended":
        return "Ended — still shown as filled"
    if term.status == "ending":
        return f"Ends within {count(warning_days, 'day')}"
    return f"More than {count(warning_days, 'day')} left"


_TERM_LOOK = {"ended": "gp rag red", "ending": "gp rag amber", "later": "gp rag green"}


def write_term_ends(
    workbook: Workbook,
    styles: Styles,
    meta: ReportMeta,
    plan: Plan,
    terms: Sequence[TermEnd],
    as_of: dt.date,
) -> int:
    """The term ends timeline as an Excel table, soonest first; returns the row count."""
    w, days = meta.words, plan.term_warning_days
    looks = {term_status_text(t, days): _TERM_LOOK[t.status] for t in terms}
    columns = (
        Column(w.cap("role"), 30),
        Column("Holder", 22),
        Column(w.cap("committees"), 40),
        Column("Term ends", 17, "gp long date"),
        Column("Days left", 9, "gp integer"),
        Column("Status", 27, lambda text: looks[text]),
    )
    rows = (
        [
            t.role,
            t.holder,
            "; ".join(t.committees),
            t.term_end,
            t.days_left,
            term_status_text(t, days),
        ]
        for t in terms
    )
    return write_table_sheet(
        workbook,
        styles,
        meta,
        meta.title("Term ends"),
        columns,
        rows,
        table_name="TermEnds",
        intro=_terms_intro(meta, plan, terms, as_of),
    )


def _terms_intro(
    meta: ReportMeta, plan: Plan, terms: Sequence[TermEnd], as_of: dt.date
) -> list[tuple[str, str]]:
    w, days = meta.words, plan.term_warning_days
    until = format_date(as_of + dt.timedelta(days=TERM_HORIZON_DAYS))
    lines = [
        ("Term ends", "gp title"),
        (
            f"As of {format_date(as_of)}: filled {w.roles} whose term has ended or ends within "
            f"a year (by {until}), soonest first.",
            "gp note",
        ),
        (
            f"Red: the term has ended but the {w.role} is still shown as filled (finding "
            f"TRM002). Amber: it ends within the plan's warning window of {count(days, 'day')} "
            "(TRM001). "
            "Days left is negative once a term has ended.",
            "gp note",
        ),
    ]
    unrecorded = sum(1 for r in plan.roles if r.holder_id is not None and r.term_end is None)
    if unrecorded:
        many = unrecorded != 1
        lines.append(
            (
                f"{unrecorded} filled {w.roles if many else w.role} "
                f"{'have' if many else 'has'} no term end recorded, so "
                f"{'they do' if many else 'it does'} not appear here.",
                "gp note",
            )
        )
    if not terms:
        lines.append(
            (f"No filled {w.role} has a term that has ended or ends by {until}.", "gp note")
        )
    lines.append(("", ""))
    return lines

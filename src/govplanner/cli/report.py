"""The ``check`` command's output: a readable text report and the public JSON document."""

from __future__ import annotations

import datetime as dt
from typing import Any

from govplanner.analysis.principles import RAG_LABELS, SOURCE, PrincipleResult, assess_principles
from govplanner.analysis.result import Analysis, CoverageCell, Finding
from govplanner.analysis.rules.common import long_date
from govplanner.analysis.rules.terms import upcoming_term_ends
from govplanner.domain.enums import FUNCTIONS, Function, Severity
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import Words, words


def _functions_json(cells: dict[Function, CoverageCell]) -> dict[str, dict[str, int]]:
    return {
        f.value: {"required": cells[f].required, "covered": cells[f].covered} for f in FUNCTIONS
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding as the check and diff JSON documents show it."""
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "subject_kind": finding.subject_kind.value,
        "subject": finding.subject,
        "function": finding.function.value if finding.function else None,
        "stage": finding.stage,
        "message": finding.message,
        "remedy": finding.remedy,
        "accepted": finding.accepted,
    }


def check_json(
    plan: Plan, analysis: Analysis, principles: list[PrincipleResult] | None = None
) -> dict[str, Any]:
    """The document ``govplanner check --format json`` promises (issue 2, and issue 8's
    ``principles``)."""
    if principles is None:
        principles = assess_principles(plan, analysis)
    return {
        "plan": plan.name,
        "summary": {k: analysis.summary.get(k, 0) for k in ("critical", "warning", "info")}
        | {"accepted": analysis.summary.get("accepted", 0)},
        "findings": [finding_json(f) for f in analysis.findings],
        "coverage": [
            {"tier": row.tier, "functions": _functions_json(row.functions)}
            for row in analysis.coverage
        ],
        "coverage_by_stage": [
            {"tier": row.tier, "stage": row.stage, "functions": _functions_json(row.functions)}
            for row in analysis.coverage_by_stage
        ],
        "principles": [p.as_dict() for p in principles],
    }


def _cell_text(cell: CoverageCell) -> str:
    if cell.required == 0:
        return "n/a"
    status = "ok" if cell.covered == cell.required else ("GAP" if cell.covered == 0 else "part")
    return f"{cell.covered}/{cell.required} {status}"


def coverage_table(analysis: Analysis, w: Words | None = None) -> list[str]:
    """The tiers × functions matrix as aligned text lines ("covered/required status")."""
    headers = [(w or words()).cap("tier"), *(f.label for f in FUNCTIONS)]
    rows = [
        [row.tier, *(_cell_text(row.functions[f]) for f in FUNCTIONS)] for row in analysis.coverage
    ]
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return [line.rstrip() for line in lines]


def _finding_lines(finding: Finding) -> list[str]:
    mark = " [accepted]" if finding.accepted else ""
    lines = [f"  {finding.code}{mark}  {finding.message}", f"      What to do: {finding.remedy}"]
    if finding.accepted and finding.rationale:
        lines.append(f"      Accepted because: {finding.rationale}")
    return lines


def check_text(plan: Plan, analysis: Analysis) -> str:
    """A report an NHS reader can scan: summary, coverage, then findings by severity."""
    s, w = analysis.summary, words(plan)
    out = [
        f"Plan: {plan.name}",
        *([f"As of: {long_date(analysis.as_of)}"] if analysis.as_of else []),
        f"Open findings: {s.get('critical', 0)} critical, {s.get('warning', 0)} warnings, "
        f"{s.get('info', 0)} for information; {s.get('accepted', 0)} accepted.",
        "",
        f"Coverage ({w.committees} with a filled provider / {w.committees} that need the "
        "function):",
        *coverage_table(analysis, w),
    ]
    titles = {
        Severity.CRITICAL: "Critical",
        Severity.WARNING: "Warnings",
        Severity.INFO: "For information",
    }
    for severity in Severity:
        group = [f for f in analysis.findings if f.severity is severity]
        if group:
            out += ["", f"{titles[severity]} ({len(group)})"]
            for finding in group:
                out += _finding_lines(finding)
    if not analysis.findings:
        out += ["", "No findings: every required function is covered."]
    if analysis.as_of is not None:
        out += term_ends_text(plan, analysis.as_of)
    out += principles_text(assess_principles(plan, analysis))
    return "\n".join(out) + "\n"


_TERM_STATUS = {"ended": "ENDED", "ending": "ending soon", "later": "later"}


def term_ends_text(plan: Plan, as_of: dt.date) -> list[str]:
    """Filled roles whose term has ended or ends in the next 12 months, soonest first."""
    ends = upcoming_term_ends(plan, as_of, horizon_days=365)
    if not ends:
        return []
    out = ["", f"Term ends in the next 12 months ({len(ends)})"]
    for t in ends:
        days = abs(t.days_left)
        count = "1 day" if days == 1 else f"{days} days"
        when = f"{count} ago" if t.days_left < 0 else "today" if days == 0 else f"in {count}"
        out.append(
            f"  {long_date(t.term_end)}  {t.role} ({t.holder}): {_TERM_STATUS[t.status]}, {when}"
        )
    return out


def principles_text(principles: list[PrincipleResult]) -> list[str]:
    """A short section: each CCPL principle's RAG with its evidence and what it cannot show."""
    out = ["", f"CCPL principles: a self-assessment from the plan's data ({SOURCE})"]
    for number, p in enumerate(principles, start=1):
        out.append(f"  {number}. {p.title}: {p.rag.upper()} ({RAG_LABELS[p.rag].lower()})")
        out += [f"       - {line}" for line in p.evidence]
        out.append(f"       Limits: {p.limits}")
    return out

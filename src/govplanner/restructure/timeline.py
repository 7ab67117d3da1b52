"""A transition by date: each step's coverage, open findings, cost and what changed before it.

Each plan is one step, taking effect on its ``effective_date``; a step holds until the next
one. Findings are judged as of each step's own date (so a term that has ended by then counts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from govplanner.analysis.compare import Comparison, compare_plans
from govplanner.analysis.engine import analyse
from govplanner.analysis.result import Analysis, Finding
from govplanner.analysis.rules.common import long_date
from govplanner.domain.enums import FUNCTIONS, Function, Severity
from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Plan
from govplanner.restructure.cost import CostSummary, cost_summary

GAP_CODES = ("GAP001", "GAP002")


class TimelineError(GovplannerError):
    """Plans that cannot be put in order by date."""


@dataclass(frozen=True)
class Step:
    label: str  # the file name the step came from
    plan: Plan
    date: dt.date
    analysis: Analysis
    cost: CostSummary
    #: what changed from the step before (None for the first)
    changes: Comparison | None

    @property
    def uncovered(self) -> list[Finding]:
        """Open critical gaps: essential functions with no filled provider."""
        return [
            f
            for f in self.analysis.open_findings
            if f.code in GAP_CODES and f.severity is Severity.CRITICAL
        ]

    def coverage_totals(self) -> dict[Function, tuple[int, int]]:
        """Function -> (committees needing it, committees covered), over every tier."""
        totals = {f: (0, 0) for f in FUNCTIONS}
        for tier in self.analysis.coverage:
            for f, cell in tier.functions.items():
                r, c = totals[f]
                totals[f] = (r + cell.required, c + cell.covered)
        return totals


def build_timeline(plans: Sequence[tuple[str, Plan]]) -> list[Step]:
    """The steps in date order; every plan must carry an effective date, no two the same."""
    dated: list[tuple[dt.date, str, Plan]] = []
    seen: dict[dt.date, str] = {}
    for label, plan in plans:
        if plan.effective_date is None:
            raise TimelineError(
                f"{label}: the plan has no effective date; set the date this structure takes "
                "effect (Plan settings), so the timeline can place it."
            )
        if plan.effective_date in seen:
            raise TimelineError(
                f"{label} and {seen[plan.effective_date]} take effect on the same date "
                f"({plan.effective_date.isoformat()}); give each step its own date."
            )
        seen[plan.effective_date] = label
        dated.append((plan.effective_date, label, plan))
    dated.sort(key=lambda d: d[0])
    steps: list[Step] = []
    for date, label, plan in dated:
        previous = steps[-1].plan if steps else None
        steps.append(
            Step(
                label,
                plan,
                date,
                analyse(plan, as_of=date),
                cost_summary(plan),
                None if previous is None else compare_plans(previous, plan, as_of=date),
            )
        )
    return steps


def _plural(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def change_text(c: Comparison) -> str:
    """'2 committees added, 3 roles removed; coverage: 1 cell gained, 2 lost; ...'."""
    parts = []
    for kind, noun, plural in (
        ("committee", "committee", "committees"),
        ("role", "role", "roles"),
        ("person", "person", "people"),
    ):
        for status in ("added", "removed", "changed"):
            n = c.count(kind, status)  # type: ignore[arg-type]
            if n:
                parts.append(f"{_plural(n, noun, plural)} {status}")
    structure = ", ".join(parts) or "no structural change"
    return (
        f"{structure}; coverage: {_plural(c.coverage_count('gain'), 'cell')} gained, "
        f"{c.coverage_count('loss')} lost; findings: {len(c.opened)} opened, "
        f"{len(c.closed)} closed"
    )


def _findings_text(summary: dict[str, int]) -> str:
    return (
        f"{_plural(summary.get('critical', 0), 'critical')}".replace("criticals", "critical")
        + f", {_plural(summary.get('warning', 0), 'warning')}"
        + f", {summary.get('info', 0)} for information"
        + f" ({summary.get('accepted', 0)} accepted)"
    )


def timeline_text(steps: Sequence[Step]) -> str:
    lines = [f"Timeline of {_plural(len(steps), 'step')}"]
    for i, step in enumerate(steps):
        until = f" until {long_date(steps[i + 1].date)}" if i + 1 < len(steps) else " onwards"
        lines += ["", f"{long_date(step.date)}{until}: {step.plan.name} ({step.label})"]
        cover = ", ".join(f"{f.value} {c}/{r}" for f, (r, c) in step.coverage_totals().items())
        lines.append(f"  Coverage (committees covered/needing each function): {cover}")
        lines.append(f"  Open findings: {_findings_text(step.analysis.summary)}")
        gaps = step.uncovered
        if gaps:
            shown = "; ".join(
                f"{g.subject}: {g.function.value if g.function else '?'}" for g in gaps[:8]
            )
            more = f"; and {len(gaps) - 8} more" if len(gaps) > 8 else ""
            lines.append(f"  Essential functions uncovered: {len(gaps)} ({shown}{more})")
        else:
            lines.append("  Essential functions uncovered: none")
        lines.append(f"  Cost of clinical leadership: {step.cost.text()}")
        if step.changes is not None:
            lines.append(
                f"  Changes from {long_date(steps[i - 1].date)}: {change_text(step.changes)}"
            )
    bad = [s for s in steps if s.uncovered]
    lines.append("")
    if bad:
        dates = ", ".join(long_date(s.date) for s in bad)
        lines.append(f"Essential functions are uncovered at {_plural(len(bad), 'step')}: {dates}.")
    else:
        first, last = long_date(steps[0].date), long_date(steps[-1].date)
        lines.append(f"No essential function is uncovered at any step from {first} to {last}.")
    return "\n".join(lines) + "\n"


def timeline_json(steps: Sequence[Step]) -> dict[str, Any]:
    return {
        "steps": [
            {
                "date": s.date.isoformat(),
                "plan": s.plan.name,
                "file": s.label,
                "coverage": {
                    f.value: {"required": r, "covered": c}
                    for f, (r, c) in s.coverage_totals().items()
                },
                "summary": dict(s.analysis.summary),
                "uncovered": [
                    {"committee": g.subject, "function": g.function.value if g.function else None}
                    for g in s.uncovered
                ],
                "cost": s.cost.as_json(),
                "changes": None if s.changes is None else change_text(s.changes),
            }
            for s in steps
        ],
        "uncovered_steps": [s.date.isoformat() for s in steps if s.uncovered],
    }

"""The analysis: run every rule over one indexed plan, flag accepted findings, order, count,
and say what the findings come from (root causes) and what could not be judged."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterable, Iterator
from operator import attrgetter

from govplanner.analysis.context import AnalysisContext, build_context
from govplanner.analysis.coverage import stage_coverage, tier_coverage
from govplanner.analysis.result import Analysis, Finding
from govplanner.analysis.root_causes import closed_by, closing_roles, root_causes
from govplanner.analysis.rules import RULES
from govplanner.analysis.rules.clinical import unjudged_areas
from govplanner.domain.enums import FUNCTIONS, Severity
from govplanner.domain.model import Plan

_FUNCTION_ORDER = {f: i for i, f in enumerate(FUNCTIONS)}
_RANK = {s: s.rank for s in Severity}
_SEVERITY = attrgetter("severity")


def analyse(
    plan: Plan, context: AnalysisContext | None = None, *, as_of: dt.date | None = None
) -> Analysis:
    """Findings and coverage for a plan: a deterministic function of the plan and the date.

    ``as_of`` is the date term ends are judged against (today when None), so a check can be
    reproduced later. ``context`` may be a prebuilt :func:`build_context` of this same plan
    (for callers that also use the indexes); it is built here otherwise.
    """
    if context is not None:
        if context.plan is not plan:
            raise ValueError("The analysis context was built for a different plan.")
        if as_of is not None and context.as_of != as_of:
            raise ValueError("The analysis context was built for a different date.")
    with no_cyclic_gc():  # the context is freed before the collector resumes
        return _analysis(build_context(plan, as_of) if context is None else context)


def _analysis(ctx: AnalysisContext) -> Analysis:
    findings = order_findings(ctx, mark_accepted(ctx.plan, run_rules(ctx)))
    closing = closing_roles(ctx, findings)
    return Analysis(
        findings=findings,
        coverage=tier_coverage(ctx),
        coverage_by_stage=stage_coverage(ctx),
        summary=summarise(findings),
        as_of=ctx.as_of,
        root_causes=root_causes(ctx, closing),
        stale_acceptances=stale_acceptances(ctx.plan, findings),
        unjudged_areas=unjudged_areas(ctx),
        closed_by=closed_by(closing),
    )


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while the analysis allocates its results.

    The analysis makes tens of thousands of small objects and no reference cycles (refcounting
    frees whatever it drops), but each allocation burst makes Python's collector rescan every
    object of the open plan: at 50,000 seats that was about a fifth of the analysis's time.
    The collector's previous state is restored on the way out, even on error.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run_rules(ctx: AnalysisContext, codes: Iterable[str] | None = None) -> list[Finding]:
    """The findings of the given rules (all by default), unordered and not yet accepted."""
    chosen = RULES if codes is None else {code: RULES[code] for code in codes}
    findings: list[Finding] = []
    for rule in chosen.values():
        findings.extend(rule(ctx))
    return findings


def mark_accepted(plan: Plan, findings: list[Finding]) -> list[Finding]:
    """Flag findings the user has accepted (with their rationale); none are dropped."""
    if not plan.accepted:
        return findings
    accepted = {a.key: a for a in plan.accepted}
    marked = []
    for finding in findings:
        entry = accepted.get(finding.key)
        if entry is not None:
            finding = dataclasses.replace(finding, accepted=True, rationale=entry.rationale)
        marked.append(finding)
    return marked


def stale_acceptances(plan: Plan, findings: Iterable[Finding]) -> tuple[str, ...]:
    """Accepted keys that match no current finding (sorted): kept, and reported as stale."""
    if not plan.accepted:
        return ()
    matched = {f.key for f in findings if f.accepted}  # marked by their accepted key
    return tuple(sorted({a.key for a in plan.accepted} - matched))


def order_findings(ctx: AnalysisContext, findings: list[Finding]) -> tuple[Finding, ...]:
    """Worst first, then code, tier order, subject name, function order, subject id."""
    keys = order_keys(ctx, findings)
    ranked = sorted(range(len(findings)), key=keys.__getitem__)  # stable, as before
    return tuple([findings[i] for i in ranked])


#: what :func:`order_findings` sorts by
OrderKey = tuple[int, str, int, str, int, str]


def order_keys(ctx: AnalysisContext, findings: Iterable[Finding]) -> list[OrderKey]:
    """Each finding's place in the order: severity, code, tier, subject, function, id."""
    last_tier, tier_order, rank, order = len(ctx.tier_order), ctx.tier_order, _RANK, _FUNCTION_ORDER
    return [
        (
            rank[f.severity],
            f.code,
            tier_order.get(f.tier_id, last_tier),  # type: ignore[arg-type]  # None: last
            f.subject.casefold(),
            order.get(f.function, -1),  # type: ignore[arg-type]  # None: first
            f.subject_id,
        )
        for f in findings
    ]


def summarise(findings: Iterable[Finding]) -> dict[str, int]:
    """Open findings by severity, plus the number accepted (the check JSON's ``summary``)."""
    findings = list(findings)
    taken = sum(1 for f in findings if f.accepted)
    counts = Counter(  # thousands at national scale: counted in C when none is accepted
        [f.severity for f in findings if not f.accepted] if taken else map(_SEVERITY, findings)
    )
    summary = {severity.value: counts[severity] for severity in Severity}
    summary["accepted"] = taken
    return summary

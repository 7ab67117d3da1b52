"""Coverage: per tier and function, how many committees need it and how many have it filled."""

from __future__ import annotations

from govplanner.analysis.context import FUNCTION_BIT, NEEDED, AnalysisContext
from govplanner.analysis.result import CoverageCell, StageCoverage, TierCoverage
from govplanner.domain.enums import FUNCTIONS, Function
from govplanner.domain.model import Committee


def _cell(ctx: AnalysisContext, required: list[Committee], function: Function) -> CoverageCell:
    filled, bit = ctx.filled, FUNCTION_BIT[function]
    covered = tuple(c.id for c in required if filled[c.id] & bit)
    return CoverageCell(
        required=len(required),
        covered=len(covered),
        required_ids=tuple(c.id for c in required),
        covered_ids=covered,
    )


def tier_coverage(ctx: AnalysisContext) -> tuple[TierCoverage, ...]:
    """Per tier (plan order): committees needing each function now, and those covering it."""
    result = []
    needed = ctx.needed
    for tier in ctx.plan.tiers:
        committees = ctx.committees_by_tier.get(tier.id, [])
        cells = {}
        for function in FUNCTIONS:
            bit = FUNCTION_BIT[function]
            required = [c for c in committees if needed[c.id] & bit]
            cells[function] = _cell(ctx, required, function)
        result.append(TierCoverage(tier_id=tier.id, tier=tier.name, functions=cells))
    return tuple(result)


def stage_coverage(ctx: AnalysisContext) -> tuple[StageCoverage, ...]:
    """Per tier × stage (plan order): the same figures as if every committee were at that stage."""
    result = []
    for tier in ctx.plan.tiers:
        committees = ctx.committees_by_tier.get(tier.id, [])
        full = {f: _cell(ctx, committees, f) for f in FUNCTIONS}
        empty = CoverageCell(required=0, covered=0)
        for stage in ctx.plan.stages:
            row = ctx.requirements_at(tier.level, stage.id)
            cells = {f: full[f] if row[f] in NEEDED else empty for f in FUNCTIONS}
            result.append(
                StageCoverage(
                    tier_id=tier.id,
                    tier=tier.name,
                    stage_id=stage.id,
                    stage=stage.name,
                    functions=cells,
                )
            )
    return tuple(result)

"""Coverage: per tier and function, how many committees need it and how many have it filled."""

from __future__ import annotations

from govplanner.analysis.context import FUNCTION_BIT, NEEDED, AnalysisContext
from govplanner.analysis.result import CoverageCell, StageCoverage, TierCoverage
from govplanner.domain.enums import FUNCTIONS, Function


def _cell(filled: dict[str, int], required: tuple[str, ...], bit: int) -> CoverageCell:
    covered = tuple([cid for cid in required if filled[cid] & bit])
    return CoverageCell(
        required=len(required), covered=len(covered), required_ids=required, covered_ids=covered
    )


def _tier_ids(ctx: AnalysisContext, tier_id: str) -> list[str]:
    """The ids of a tier's committees, in the context's order (by name)."""
    return [c.id for c in ctx.committees_by_tier.get(tier_id, ())]


def tier_coverage(ctx: AnalysisContext) -> tuple[TierCoverage, ...]:
    """Per tier (plan order): committees needing each function now, and those covering it."""
    result = []
    needed, filled = ctx.needed, ctx.filled
    for tier in ctx.plan.tiers:
        ids = _tier_ids(ctx, tier.id)
        cells: dict[Function, CoverageCell] = {}
        for function in FUNCTIONS:
            bit = FUNCTION_BIT[function]
            cells[function] = _cell(filled, tuple([i for i in ids if needed[i] & bit]), bit)
        result.append(TierCoverage(tier_id=tier.id, tier=tier.name, functions=cells))
    return tuple(result)


def stage_coverage(ctx: AnalysisContext) -> tuple[StageCoverage, ...]:
    """Per tier × stage (plan order): the same figures as if every committee were at that stage."""
    result = []
    filled = ctx.filled
    for tier in ctx.plan.tiers:
        ids = tuple(_tier_ids(ctx, tier.id))
        full = {f: _cell(filled, ids, FUNCTION_BIT[f]) for f in FUNCTIONS}
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

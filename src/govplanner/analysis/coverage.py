"""Coverage: per tier and function, how many committees need it, have it filled, or accepted
its gap (DOMAIN.md, Coverage); and the same as if every committee were at each stage."""

from __future__ import annotations

from collections.abc import Collection

from govplanner.analysis.context import FUNCTION_BIT, AnalysisContext
from govplanner.analysis.result import (
    CoverageCell,
    StageCoverage,
    TierCoverage,
    finding_key,
)
from govplanner.domain.enums import FUNCTIONS, Function, SubjectKind
from govplanner.domain.model import Committee, Tier

_COMMITTEE = SubjectKind.COMMITTEE
_EMPTY = CoverageCell(required=0, covered=0)


def gap_code(ctx: AnalysisContext, committee_id: str, function: Function) -> str:
    """The finding a needed, uncovered function raises on a committee: GAP001 (no provider),
    DEP001 (only vacant providers, one held by a deputy) or GAP002 (only vacant providers)."""
    if not ctx.is_provided(committee_id, function):
        return "GAP001"
    return "DEP001" if ctx.covering_deputies(committee_id, function) else "GAP002"


def gap_accepted(
    ctx: AnalysisContext,
    accepted: Collection[str],
    committee_id: str,
    function: Function,
    stage_id: str | None,
) -> bool:
    """The user accepted the gap this uncovered function raises on the committee at the stage."""
    code = gap_code(ctx, committee_id, function)
    return finding_key(code, _COMMITTEE, committee_id, function, stage_id) in accepted


def _cell(
    ctx: AnalysisContext,
    accepted: Collection[str],
    required: tuple[str, ...],
    function: Function,
    stage_id: str | None = None,
) -> CoverageCell:
    """One cell; ``stage_id`` None means each committee at its current stage."""
    filled, bit = ctx.filled, FUNCTION_BIT[function]
    covered = tuple([cid for cid in required if filled[cid] & bit])
    waived: tuple[str, ...] = ()
    if accepted and len(covered) < len(required):
        current = ctx.current_stage
        waived = tuple(
            cid
            for cid in required
            if not filled[cid] & bit
            and gap_accepted(ctx, accepted, cid, function, stage_id or current[cid])
        )
    return CoverageCell(
        required=len(required),
        covered=len(covered),
        required_ids=required,
        covered_ids=covered,
        accepted=len(waived),
        accepted_ids=waived,
    )


def accepted_keys(ctx: AnalysisContext) -> frozenset[str]:
    """The keys of every accepted finding, for judging coverage cells."""
    return frozenset(a.key for a in ctx.plan.accepted)


def tier_coverage(ctx: AnalysisContext) -> tuple[TierCoverage, ...]:
    """Per tier (plan order): committees needing each function now, those covering it, and
    those whose gap in it the user accepted."""
    accepted = accepted_keys(ctx)
    return tuple(tier_row(ctx, tier, accepted) for tier in ctx.plan.tiers)


def tier_row(ctx: AnalysisContext, tier: Tier, accepted: Collection[str]) -> TierCoverage:
    """One tier's coverage now (each committee at its current stage)."""
    needed = ctx.needed
    ids = [c.id for c in ctx.committees_by_tier.get(tier.id, ())]
    cells: dict[Function, CoverageCell] = {}
    for function in FUNCTIONS:
        bit = FUNCTION_BIT[function]
        required = tuple([i for i in ids if needed[i] & bit])
        cells[function] = _cell(ctx, accepted, required, function)
    return TierCoverage(tier_id=tier.id, tier=tier.name, functions=cells)


def _alike(committees: list[Committee]) -> bool:
    """Every committee has the same kind and none overrides it: they need the same at a stage."""
    if not committees:
        return True
    kind = committees[0].kind
    return all(c.kind is kind and not c.requirements for c in committees)


def stage_coverage(ctx: AnalysisContext) -> tuple[StageCoverage, ...]:
    """Per tier x stage (plan order): the same figures as if every committee were at that
    stage; each committee needs what its kind (or its own override) asks at that stage."""
    accepted = accepted_keys(ctx)
    return tuple(row for tier in ctx.plan.tiers for row in stage_rows(ctx, tier, accepted))


def stage_rows(ctx: AnalysisContext, tier: Tier, accepted: Collection[str]) -> list[StageCoverage]:
    """One tier's rows of :func:`stage_coverage`, one per stage (plan order)."""
    result = []
    committees = ctx.committees_by_tier.get(tier.id, [])
    alike = _alike(committees)
    ids = tuple(c.id for c in committees)
    full: dict[Function, CoverageCell] = {}  # every committee needing f, built once
    for stage in ctx.plan.stages:
        if alike:
            mask = ctx.requirements_of(committees[0], tier.level, stage.id)[1] if ids else 0
            cells = {}
            for f in FUNCTIONS:
                if not mask & FUNCTION_BIT[f]:
                    cells[f] = _EMPTY
                elif accepted:  # acceptance is keyed on the stage: judged per stage
                    cells[f] = _cell(ctx, accepted, ids, f, stage.id)
                else:
                    cells[f] = full.get(f) or full.setdefault(f, _cell(ctx, accepted, ids, f))
        else:
            cells = _mixed_cells(ctx, accepted, tier, committees, stage.id)
        result.append(
            StageCoverage(
                tier_id=tier.id,
                tier=tier.name,
                stage_id=stage.id,
                stage=stage.name,
                functions=cells,
            )
        )
    return result


def _mixed_cells(
    ctx: AnalysisContext,
    accepted: Collection[str],
    tier: Tier,
    committees: list[Committee],
    stage_id: str,
) -> dict[Function, CoverageCell]:
    """Cells for a tier whose committees differ in kind or overrides: judged one by one."""
    masks = [(c.id, ctx.requirements_of(c, tier.level, stage_id)[1]) for c in committees]
    cells: dict[Function, CoverageCell] = {}
    for function in FUNCTIONS:
        bit = FUNCTION_BIT[function]
        required = tuple([cid for cid, mask in masks if mask & bit])
        cells[function] = _cell(ctx, accepted, required, function, stage_id) if required else _EMPTY
    return cells

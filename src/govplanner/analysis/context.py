"""The indexes every rule shares, built once per analysis in one linear pass over the plan."""

from __future__ import annotations

from dataclasses import dataclass

from govplanner.domain.catalogue import default_requirement
from govplanner.domain.enums import FUNCTIONS, Function, Level, Requirement
from govplanner.domain.model import Committee, Person, Plan, Role, Stage, Tier

#: Requirements that make a function "needed" (a gap when missing, counted in coverage).
NEEDED = frozenset((Requirement.ESSENTIAL, Requirement.EXPECTED))

Requirements = dict[Function, Requirement]


@dataclass(frozen=True, slots=True)
class AnalysisContext:
    """Read-only look-ups over one plan; rules must not change the plan or these indexes."""

    plan: Plan
    tiers: dict[str, Tier]
    tier_order: dict[str, int]
    stages: dict[str, Stage]
    stage_order: dict[str, int]
    committees: dict[str, Committee]
    committees_by_tier: dict[str, list[Committee]]
    people: dict[str, Person]
    #: committee id -> roles seated on it (plan order)
    seats: dict[str, list[Role]]
    #: committee id -> function -> clinical roles on it declaring that function (plan order)
    providers: dict[str, dict[Function, list[Role]]]
    #: person id -> roles they hold (plan order)
    held: dict[str, list[Role]]
    #: committee id -> its current stage id (None only when the plan has no stages)
    current_stage: dict[str, str | None]
    #: committee id -> function -> requirement at its current stage
    requirements: dict[str, Requirements]
    _profile_cache: dict[tuple[Level, str | None], Requirements]

    def level_of(self, committee: Committee) -> Level | None:
        tier = self.tiers.get(committee.tier_id)
        return None if tier is None else tier.level

    def stage_name(self, stage_id: str | None) -> str | None:
        stage = None if stage_id is None else self.stages.get(stage_id)
        return None if stage is None else stage.name

    def requirements_at(self, level: Level, stage_id: str | None) -> Requirements:
        """The profile row for a level at a stage (cached: there are few distinct rows)."""
        key = (level, stage_id)
        row = self._profile_cache.get(key)
        if row is None:
            row = _profile_row(self.plan, level, stage_id)
            self._profile_cache[key] = row
        return row

    def filled_providers(self, committee_id: str, function: Function) -> list[Role]:
        by_function = self.providers.get(committee_id)
        roles = by_function.get(function, []) if by_function else []
        return [r for r in roles if r.holder_id is not None]


def _profile_row(plan: Plan, level: Level, stage_id: str | None) -> Requirements:
    if stage_id is None:  # a plan without stages: the first default stage's row
        return {f: default_requirement(level, 0, 1, f) for f in FUNCTIONS}
    return {f: plan.requirement(level, stage_id, f) for f in FUNCTIONS}


def _index_roles(
    plan: Plan, committees: dict[str, Committee]
) -> tuple[dict[str, list[Role]], dict[str, dict[Function, list[Role]]], dict[str, list[Role]]]:
    seats: dict[str, list[Role]] = {cid: [] for cid in committees}
    providers: dict[str, dict[Function, list[Role]]] = {}
    held: dict[str, list[Role]] = {}
    for role in plan.roles:
        if role.holder_id is not None:
            held.setdefault(role.holder_id, []).append(role)
        functions = dict.fromkeys(role.functions) if role.clinical else ()
        for cid in dict.fromkeys(role.committee_ids):
            seated = seats.get(cid)
            if seated is None:  # a dangling seat: integrity reports it, the analysis skips it
                continue
            seated.append(role)
            if functions:
                by_function = providers.setdefault(cid, {})
                for f in functions:
                    by_function.setdefault(f, []).append(role)
    return seats, providers, held


def build_context(plan: Plan) -> AnalysisContext:
    """Index the plan for the rules: one pass over tiers, stages, committees, roles, people."""
    tiers = {t.id: t for t in plan.tiers}
    stages = {s.id: s for s in plan.stages}
    committees = {c.id: c for c in plan.committees}
    by_tier: dict[str, list[Committee]] = {t.id: [] for t in plan.tiers}
    for c in plan.committees:
        by_tier.setdefault(c.tier_id, []).append(c)
    seats, providers, held = _index_roles(plan, committees)
    first_stage = plan.stages[0].id if plan.stages else None
    ctx = AnalysisContext(
        plan=plan,
        tiers=tiers,
        tier_order={t.id: i for i, t in enumerate(plan.tiers)},
        stages=stages,
        stage_order={s.id: i for i, s in enumerate(plan.stages)},
        committees=committees,
        committees_by_tier=by_tier,
        people={p.id: p for p in plan.people},
        seats=seats,
        providers=providers,
        held=held,
        current_stage={},
        requirements={},
        _profile_cache={},
    )
    for c in plan.committees:
        stage = c.stage_id if c.stage_id is not None else first_stage
        ctx.current_stage[c.id] = stage
        tier = tiers.get(c.tier_id)
        if tier is not None:
            ctx.requirements[c.id] = ctx.requirements_at(tier.level, stage)
    return ctx

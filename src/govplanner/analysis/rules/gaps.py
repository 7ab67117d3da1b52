"""Gaps in cover: functions a committee needs with no provider, only vacant ones, or one person."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govplanner.analysis.context import FUNCTION_BIT, AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import (
    article,
    committee_finding,
    counted,
    function_text,
    name_list,
    tier_finding,
    tier_label,
)
from govplanner.domain.enums import FUNCTIONS, Function, Requirement, Severity
from govplanner.domain.model import Committee, Tier

_ESSENTIAL = Requirement.ESSENTIAL
_SEVERITY = {Requirement.ESSENTIAL: Severity.CRITICAL, Requirement.EXPECTED: Severity.WARNING}


def _when(ctx: AnalysisContext, committee: Committee, function: Function, req: Requirement) -> str:
    """Why the function is needed: 'essential at the Strategy setting stage' for a committee
    that follows the profile, else the committee's own setting or its kind's rule."""
    w = ctx.words
    if function in committee.requirements:
        return f"set as {req.value} for this {w.committee}"
    if ctx.plan.kind_rule(committee.kind, function).requirement is not None:
        return f"{req.value} for every {committee.kind.label.lower()} {w.committee}"
    stage = ctx.stage_name(ctx.current_stage.get(committee.id))
    if stage is not None:
        return f"{req.value} at the {stage} stage"
    level = ctx.levels.get(committee.id)
    where = level.value if level else "its"
    return f"{req.value} for {article(w.committee)} at the {where} level"


def _gaps(
    ctx: AnalysisContext, vacant: bool, committees: Iterable[Committee] | None = None
) -> Iterator[tuple[Committee, Function, Requirement]]:
    """Committee x needed function with no provider (or, if ``vacant``, only vacant ones)."""
    provided, filled, needed = ctx.roles.provided, ctx.roles.filled, ctx.needed
    for committee in ctx.plan.committees if committees is None else committees:
        cid = committee.id
        mask = needed.get(cid, 0)  # none on a tier that does not exist: integrity reports it
        if not mask:
            continue
        have = provided.get(cid, 0)
        mask &= have & ~filled.get(cid, 0) if vacant else ~have
        if not mask:
            continue
        row = ctx.requirements[cid]
        for function in FUNCTIONS:
            if mask & FUNCTION_BIT[function]:
                yield committee, function, row[function]


def gap001(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """A needed function that no clinical role on the committee provides at all (on every
    committee, or only on ``committees``, as for every committee-scoped rule)."""
    w = ctx.words
    for committee, function, req in _gaps(ctx, False, committees):
        what = function_text(function)
        yield committee_finding(
            ctx,
            "GAP001",
            _SEVERITY[req],
            committee,
            f"{committee.name} has no clinical leader providing {what}, which is "
            f"{_when(ctx, committee, function, req)}.",
            f"Give a clinical {w.role} on {committee.name} the {what} function, or seat a "
            "clinical leader who brings it.",
            function=function,
            stage_id=ctx.current_stage.get(committee.id),
        )


def gap002(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """A needed function whose providers on the committee are all vacant (and no deputy holds
    it for them: that is DEP001)."""
    w = ctx.words
    for committee, function, req in _gaps(ctx, True, committees):
        if ctx.covering_deputies(committee.id, function):
            continue
        roles = ctx.providers_of(committee.id, function)
        what = function_text(function)
        titles = name_list([r.title for r in roles])
        if len(roles) == 1:
            situation = (
                f"The only {w.role} on {committee.name} that provides {what}, {titles}, is vacant"
            )
        else:
            every = "Both" if len(roles) == 2 else f"All {len(roles)}"
            situation = (
                f"{every} {w.roles} on {committee.name} that provide {what} are vacant ({titles})"
            )
        yield committee_finding(
            ctx,
            "GAP002",
            _SEVERITY[req],
            committee,
            f"{situation}, and {what} is {_when(ctx, committee, function, req)}.",
            f"Appoint someone to {titles}, or give {what} to a filled clinical {w.role} on "
            f"{committee.name}.",
            function=function,
            stage_id=ctx.current_stage.get(committee.id),
        )


def dep001(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """A needed function whose providers are all vacant is held only by a filled deputy."""
    w = ctx.words
    for committee, function, _req in _gaps(ctx, True, committees):
        deputies = ctx.covering_deputies(committee.id, function)
        if not deputies:
            continue
        what = function_text(function)
        providers = {r.id: r for r in ctx.providers_of(committee.id, function)}
        covered = {d.deputy_for_id: providers[d.deputy_for_id or ""] for d in deputies}
        vacant = name_list([r.title for r in covered.values()])
        names = name_list([d.title for d in deputies])
        one, alone = len(covered) == 1, len(deputies) == 1
        yield committee_finding(
            ctx,
            "DEP001",
            Severity.INFO,
            committee,
            f"On {committee.name}, {what} is held only by a deputy: {vacant} "
            f"{'is' if one else 'are'} vacant, and {names} {'deputises' if alone else 'deputise'} "
            f"for {'it' if one else 'them'}.",
            f"Appoint someone to {vacant}, so {what} on {committee.name} does not rest on a "
            f"deputy; or give it to a filled clinical {w.role} that sits there as a member.",
            function=function,
            stage_id=ctx.current_stage.get(committee.id),
        )


def sole_holder(
    ctx: AnalysisContext, committees: list[Committee], function: Function
) -> str | None:
    """The one person holding every filled provider of the function across these committees."""
    holder: str | None = None
    for committee in committees:
        for role in ctx.providers_of(committee.id, function):
            if role.holder_id is None or role.holder_id == holder:
                continue
            if holder is not None:
                return None
            holder = role.holder_id
    return holder


def essential_on(ctx: AnalysisContext, tier: Tier, function: Function) -> list[Committee]:
    """The tier's committees (by name) on which the function is essential now."""
    key = (tier.id, function)
    found = ctx.essential_cache.get(key)
    if found is None:
        committees = ctx.committees_by_tier.get(tier.id, [])
        requirements = ctx.requirements
        found = [c for c in committees if requirements[c.id][function] is _ESSENTIAL]
        ctx.essential_cache[key] = found
    return found


def _single_point(
    ctx: AnalysisContext, tier: Tier, function: Function, essential: list[Committee], holder: str
) -> Finding:
    w = ctx.words
    person = ctx.people.get(holder)
    who = holder if person is None else person.name
    served = [
        c.name
        for c in essential
        if any(r.holder_id == holder for r in ctx.providers_of(c.id, function))
    ]
    what = function_text(function)
    return tier_finding(
        "GAP003",
        Severity.WARNING,
        tier,
        f"On the {tier_label(tier.name, w.tier)}, {what} is essential on "
        f"{counted(len(essential), w.committee, w.committees)}, and only one person in post "
        f"provides it on any of them: {who}, on {name_list(served)}. That is a single point "
        "of failure if they step down or are away.",
        f"Give {what} to a clinical {w.role} held by someone other than {who} on at least one "
        f"of the {counted(len(essential), w.committee, w.committees)} that need it, so the "
        "function does not rest on one person.",
        function=function,
    )


def gap003(ctx: AnalysisContext, tiers: Iterable[Tier] | None = None) -> Iterator[Finding]:
    """One person is the only provider of a function across a tier's committees that need it
    (on every tier, or only on ``tiers``)."""
    for tier in ctx.plan.tiers if tiers is None else tiers:
        for function in FUNCTIONS:
            essential = essential_on(ctx, tier, function)
            if len(essential) < 2:
                continue
            holder_id = sole_holder(ctx, essential, function)
            if holder_id is not None:
                yield _single_point(ctx, tier, function, essential, holder_id)

"""Gaps in cover: functions a committee needs with no provider, only vacant ones, or one person."""

from __future__ import annotations

from collections.abc import Iterator

from govplanner.analysis.context import FUNCTION_BIT, AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import (
    article,
    committee_finding,
    function_text,
    name_list,
    tier_finding,
    tier_label,
)
from govplanner.domain.enums import FUNCTIONS, Function, Requirement, Severity
from govplanner.domain.model import Committee, Tier
from govplanner.domain.vocabulary import Words

_ESSENTIAL = Requirement.ESSENTIAL
_SEVERITY = {Requirement.ESSENTIAL: Severity.CRITICAL, Requirement.EXPECTED: Severity.WARNING}


def _when(ctx: AnalysisContext, committee: Committee, req: Requirement) -> str:
    """'essential at the Strategy setting stage' (or at the committee's level, without stages)."""
    stage = ctx.stage_name(ctx.current_stage.get(committee.id))
    if stage is not None:
        return f"{req.value} at the {stage} stage"
    level = ctx.levels.get(committee.id)
    where = level.value if level else "its"
    return f"{req.value} for {article(ctx.words.committee)} at the {where} level"


def _gaps(ctx: AnalysisContext, vacant: bool) -> Iterator[tuple[Committee, Function, Requirement]]:
    """Committee × needed function with no provider (or, if ``vacant``, only vacant ones)."""
    provided, filled, needed = ctx.roles.provided, ctx.roles.filled, ctx.needed
    for committee in ctx.plan.committees:
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


def gap001(ctx: AnalysisContext) -> Iterator[Finding]:
    """A needed function that no clinical role on the committee provides at all."""
    w = ctx.words
    for committee, function, req in _gaps(ctx, vacant=False):
        what = function_text(function)
        yield committee_finding(
            ctx,
            "GAP001",
            _SEVERITY[req],
            committee,
            f"{committee.name} has no clinical leader providing {what}, which is "
            f"{_when(ctx, committee, req)}.",
            f"Give a clinical {w.role} on {committee.name} the {what} function, or seat a "
            "clinical leader who brings it.",
            function=function,
            stage_id=ctx.current_stage.get(committee.id),
        )


def gap002(ctx: AnalysisContext) -> Iterator[Finding]:
    """A needed function whose providers on the committee are all vacant."""
    w = ctx.words
    for committee, function, req in _gaps(ctx, vacant=True):
        roles = ctx.providers_of(committee.id, function)
        what = function_text(function)
        titles = name_list([r.title for r in roles])
        if len(roles) == 1:
            situation = (
                f"The only {w.role} on {committee.name} that provides {what}, {titles}, is vacant"
            )
        else:
            situation = (
                f"All {len(roles)} {w.roles} on {committee.name} that provide {what} are vacant "
                f"({titles})"
            )
        yield committee_finding(
            ctx,
            "GAP002",
            _SEVERITY[req],
            committee,
            f"{situation}, and {what} is {_when(ctx, committee, req)}.",
            f"Appoint someone to {titles}, or give {what} to a filled clinical {w.role} on "
            f"{committee.name}.",
            function=function,
            stage_id=ctx.current_stage.get(committee.id),
        )


def _sole_holder(
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


def _single_point(
    tier: Tier, function: Function, essential: list[Committee], who: str, w: Words
) -> Finding:
    what = function_text(function)
    names = name_list([c.name for c in essential])
    return tier_finding(
        "GAP003",
        Severity.WARNING,
        tier,
        f"On the {tier_label(tier.name, w.tier)}, {what} is essential on {len(essential)} "
        f"{w.committees} ({names}), and {who} is the only person providing it on any of them: "
        "a single point of failure if they step down or are away.",
        f"Give {what} to a clinical {w.role} held by someone other than {who} on at least one "
        f"of these {w.committees}, so the function does not rest on one person.",
        function=function,
    )


def gap003(ctx: AnalysisContext) -> Iterator[Finding]:
    """One person is the only provider of a function across a tier's committees that need it."""
    requirements = ctx.requirements
    for tier in ctx.plan.tiers:
        committees = ctx.committees_by_tier.get(tier.id, [])
        for function in FUNCTIONS:
            essential = [c for c in committees if requirements[c.id][function] is _ESSENTIAL]
            if len(essential) < 2:
                continue
            holder_id = _sole_holder(ctx, essential, function)
            if holder_id is None:
                continue
            person = ctx.people.get(holder_id)
            who = holder_id if person is None else person.name
            yield _single_point(tier, function, essential, who, ctx.words)

"""Keeping the analysis context's indexes right after one role or committee changed in place
(for :mod:`govplanner.analysis.incremental`): each update leaves what
:func:`govplanner.analysis.context.build_context` would build for the plan as it is now."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable

from govplanner.analysis.context import CLINICAL_BIT, AnalysisContext, RoleIndex, function_mask
from govplanner.domain.enums import Membership
from govplanner.domain.model import Committee, Role

_MEMBER, _PARTICIPANT, _DEPUTY = Membership.MEMBER, Membership.PARTICIPANT, Membership.DEPUTY


def role_mark(role: Role) -> tuple[tuple[str, ...], str | None]:
    """What a role looked like to the indexes: its committees and its holder."""
    return tuple(seat.committee_id for seat in role.seats), role.holder_id


def committee_mark(committee: Committee) -> tuple[str, tuple[str, ...]]:
    """What a committee looked like to the indexes: its tier and the targets of its lines."""
    return committee.tier_id, tuple(dict.fromkeys(line.to_id for line in committee.lines))


def drop(items: list[Role], role: Role, order: Callable[[Role], int]) -> None:
    """Remove the role (this very object) from a plan-ordered list, if it is there."""
    i = bisect_left(items, order(role), key=order)
    if i < len(items) and items[i] is role:
        del items[i]


def relist(items: list[Role], role: Role, order: Callable[[Role], int], keep: bool) -> None:
    """Keep the role in a plan-ordered list exactly when ``keep``."""
    drop(items, role, order)
    if keep:
        insort(items, role, key=order)


def rehold(
    index: RoleIndex, holder: str, role: Role, order: Callable[[Role], int], holds: bool
) -> None:
    """Update one person's roles and load after a role changed (or changed hands)."""
    mine = index.held.get(holder, [])
    drop(mine, role, order)
    if holds:
        insort(mine, role, key=order)
    if not mine:
        index.held.pop(holder, None)
        index.load.pop(holder, None)
        return
    index.held[holder] = mine
    total = 0.0
    for r in mine:  # summed in plan order, as the full index does, so the sum is the same
        total += r.sessions_per_week
    index.load[holder] = total


def reseat(index: RoleIndex, cid: str) -> None:
    """Recompute one committee's provided and filled functions and deputies from its roles,
    exactly as :func:`govplanner.analysis.context.index_roles` does."""
    provided = filled = 0
    deputies: list[Role] = []
    for role in index.seats[cid]:
        mask = function_mask(role.functions) | CLINICAL_BIT if role.clinical else 0
        for seat in role.seats:
            if seat.committee_id != cid:
                continue
            membership = seat.membership
            if membership is _MEMBER or membership is _PARTICIPANT:
                if mask:
                    provided |= mask
                    if role.holder_id is not None:
                        filled |= mask
                continue
            if mask:
                provided |= CLINICAL_BIT
            if membership is _DEPUTY and (not deputies or deputies[-1] is not role):
                deputies.append(role)
    index.provided[cid], index.filled[cid] = provided, filled
    if deputies:
        index.deputies[cid] = deputies
    else:
        index.deputies.pop(cid, None)


def reindex_committee(ctx: AnalysisContext, committee: Committee, old_tier: str) -> None:
    """One committee's tier list, stage, level, requirements and needed functions again."""
    cid = committee.id
    unlist(ctx, committee, old_tier)
    stages = ctx.plan.stages
    stage = committee.stage_id
    if stage is None:
        stage = stages[0].id if stages else None
    ctx.current_stage[cid] = stage
    ctx.levels.pop(cid, None)
    ctx.requirements.pop(cid, None)
    ctx.needed.pop(cid, None)
    tier = ctx.tiers.get(committee.tier_id)
    if tier is None:
        return
    insort(ctx.committees_by_tier[tier.id], committee, key=_by_name)
    level = ctx.levels[cid] = tier.level
    ctx.requirements[cid], ctx.needed[cid] = ctx.requirements_of(committee, level, stage)


def _by_name(committee: Committee) -> tuple[str, str]:
    return committee.name.casefold(), committee.id


def unlist(ctx: AnalysisContext, committee: Committee, tier_id: str) -> None:
    """Take the committee (this very object) out of its tier's list, if it is there.

    Every edited committee leaves its list before any goes back in: a renamed committee
    still in its list would leave it out of order for the others' bisection.
    """
    listed = ctx.committees_by_tier.get(tier_id)
    if listed is not None:
        for i, c in enumerate(listed):
            if c is committee:
                del listed[i]
                return

"""Committees in common become one joint committee (``reduce --combine-in-common``).

DOMAIN.md: committees in common are separate committees of separate bodies that meet together,
each still deciding for its own body; a joint committee is ONE committee that decides for all
of them. Combining a group replaces its committees with one joint committee: the bodies, seats,
lines in and out, chair and quorum of its members, and the group itself is gone.

A group can be combined only when its committees would need exactly what the joint committee
needs: the same tier, the same kind, the same requirement for every function and the same
programme areas. Then each function a member needs, the joint committee needs alike, so what
a reduction keeps covered is judged the same way before and after (see ``restructure.facts``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING

from govplanner.analysis.rules.common import function_text, name_list, number
from govplanner.domain.enums import FUNCTIONS, LineKind, Membership
from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Committee, InCommonGroup, Line, Plan, Seat
from govplanner.domain.names import name_key, new_id
from govplanner.domain.proposal import ChangeAction, ProposalChange

if TYPE_CHECKING:
    from govplanner.restructure.reduce import Reduction

#: The strongest membership a role keeps when it sat on several of the combined committees.
_STRENGTH = {
    Membership.MEMBER: 3,
    Membership.PARTICIPANT: 2,
    Membership.DEPUTY: 1,
    Membership.ATTENDEE: 0,
}
_IN_COMMON = re.compile(r"\s*\(in common(?: \d+)?\)\s*$", re.IGNORECASE)


class CombineError(GovplannerError):
    """A group that cannot become one joint committee."""


def _requirements(plan: Plan, committee: Committee) -> tuple[object, ...]:
    level = next((t.level for t in plan.tiers if t.id == committee.tier_id), None)
    if level is None:
        return ()
    stage = plan.current_stage_id(committee)
    return tuple(plan.committee_requirement(committee, level, stage, f) for f in FUNCTIONS)


def why_not_combinable(plan: Plan, committees: Sequence[Committee]) -> str:
    """Why these committees cannot become one joint committee ("" when they can)."""
    if len(committees) < 2:
        return "it has fewer than two committees"
    first = committees[0]
    if any(c.tier_id != first.tier_id for c in committees):
        return "its committees are on different tiers"
    if any(c.kind is not first.kind for c in committees):
        return "its committees are of different kinds"
    areas = {name_key(a) for a in first.programme_areas}
    if any({name_key(a) for a in c.programme_areas} != areas for c in committees):
        return "its committees serve different programme areas"
    need = _requirements(plan, first)
    if any(_requirements(plan, c) != need for c in committees):
        return "its committees need different functions (different stages or requirements)"
    return ""


def group_members(plan: Plan) -> dict[str, list[Committee]]:
    """Group id -> its committees, in plan order."""
    members: dict[str, list[Committee]] = {g.id: [] for g in plan.groups}
    for c in plan.committees:
        if c.group_id in members:
            members[c.group_id].append(c)
    return members


def combinable(
    plan: Plan,
) -> tuple[list[tuple[InCommonGroup, list[Committee]]], list[tuple[InCommonGroup, str]]]:
    """The groups that may be combined (with their committees), and the others with why not."""
    members = group_members(plan)
    ok, not_ok = [], []
    for group in plan.groups:
        why = why_not_combinable(plan, members[group.id])
        if why:
            not_ok.append((group, why))
        else:
            ok.append((group, members[group.id]))
    return ok, not_ok


def joint_name(plan: Plan, group: InCommonGroup) -> str:
    """'<group name> (joint committee)', without the merge's '(in common)', unique in the plan."""
    base = _IN_COMMON.sub("", group.name) or group.name
    used = {name_key(c.name) for c in plan.committees}
    name, n = f"{base} (joint committee)"[:200], 2
    while name_key(name) in used:
        name = f"{base} (joint committee {n})"[:200]
        n += 1
    return name


def _lines_out(members: Sequence[Committee]) -> list[Line]:
    """The members' lines out, less lines between them; one line per target (accountable first)."""
    ids = {c.id for c in members}
    lines: dict[str, Line] = {}
    for line in chain.from_iterable(c.lines for c in members):
        if line.to_id in ids:
            continue
        if line.to_id not in lines or line.kind is LineKind.ACCOUNTABLE:
            lines[line.to_id] = copy.copy(line)
    return list(lines.values())


def _bodies(members: Sequence[Committee]) -> list[str]:
    return list(dict.fromkeys(chain.from_iterable(c.organisation_ids for c in members)))


def _first(values: Sequence[str]) -> str:
    return next((v for v in values if v), "")


def joint_committee(plan: Plan, group: InCommonGroup, members: Sequence[Committee]) -> Committee:
    """The one committee that replaces ``members`` (not yet in the plan)."""
    first = members[0]
    quorums = [c.quorum for c in members if c.quorum is not None]
    origins = list(dict.fromkeys(c.origin for c in members if c.origin))
    return Committee(
        id=new_id("com"),
        name=joint_name(plan, group),
        tier_id=first.tier_id,
        kind=first.kind,
        organisation_ids=_bodies(members),
        lines=_lines_out(members),
        stage_id=first.stage_id,
        programme_area=first.programme_area,
        purpose=_first([c.purpose for c in members]),
        chair_role_id=next((c.chair_role_id for c in members if c.chair_role_id), None),
        quorum=max(quorums) if quorums else None,
        quorum_clinical=any(c.quorum_clinical for c in members),
        quorum_note=_first([c.quorum_note for c in members]),
        meeting_frequency=_first([c.meeting_frequency for c in members]),
        requirements=dict(first.requirements),
        origin="; ".join(origins)[:200],
    )


def _repoint(plan: Plan, members: Sequence[Committee], joint: Committee) -> None:
    """Lines and seats that named a member name the joint committee (each once)."""
    ids = {c.id for c in members}
    for committee in plan.committees:
        if committee.id == joint.id or not any(line.to_id in ids for line in committee.lines):
            continue
        lines: dict[str, Line] = {}
        for line in committee.lines:
            target = joint.id if line.to_id in ids else line.to_id
            if target not in lines or line.kind is LineKind.ACCOUNTABLE:
                lines[target] = Line(to_id=target, kind=line.kind)
        committee.lines = list(lines.values())
    for role in plan.roles:
        mine = [s for s in role.seats if s.committee_id in ids]
        if not mine:
            continue
        strongest = max((s.membership for s in mine), key=_STRENGTH.__getitem__)
        seats: list[Seat] = []
        for seat in role.seats:
            if seat.committee_id not in ids:
                seats.append(seat)
            elif seat is mine[0]:
                seats.append(Seat(committee_id=joint.id, membership=strongest))
        role.seats = seats


def _structure_reason(plan: Plan, members: Sequence[Committee], group: InCommonGroup) -> str:
    bodies = {o.id: o.name for o in plan.organisations}
    names = name_list([f"'{c.name}'" for c in members], limit=len(members))
    orgs = [bodies.get(o, o) for o in _bodies(members)]
    deciding = f" deciding for {name_list(orgs, limit=6)}" if orgs else ""
    return (
        f"{names} met in common as '{group.name}', each deciding for its own body; they "
        f"become one joint committee{deciding}, with the seats of all of them"
    )


def _replace(plan: Plan, group: InCommonGroup, members: Sequence[Committee]) -> Committee:
    """Put the joint committee where the first member was; the members and group go."""
    joint = joint_committee(plan, group, members)
    ids = {c.id for c in members}
    at = next(i for i, c in enumerate(plan.committees) if c.id in ids)
    rest = [c for c in plan.committees if c.id not in ids]
    plan.committees = [*rest[:at], joint, *rest[at:]]
    _repoint(plan, members, joint)
    plan.groups = [g for g in plan.groups if g.id != group.id]
    return joint


def combine_groups(
    plan: Plan, group_ids: Sequence[str], *, reasons: Mapping[str, Sequence[str]] | None = None
) -> tuple[Plan, list[ProposalChange]]:
    """A copy of ``plan`` where each group of ``group_ids`` is one joint committee.

    Returns the copy and one COMBINE_COMMITTEES change per group (``reasons`` adds, per group
    id, the reduction's own reasons to the structural one).
    """
    copy = plan.model_copy(deep=True)
    ok, not_ok = combinable(copy)
    members_of = {group.id: (group, members) for group, members in ok}
    refused = {group.id: why for group, why in not_ok}
    changes = []
    for gid in group_ids:
        if gid not in members_of:
            name = next((g.name for g in copy.groups if g.id == gid), gid)
            why = refused.get(gid, "it is not in the plan")
            raise CombineError(f"The committees in common '{name}' cannot be combined: {why}.")
        group, members = members_of[gid]
        joint = _replace(copy, group, members)
        said = [_structure_reason(copy, members, group), *(reasons or {}).get(gid, ())]
        changes.append(
            ProposalChange(
                action=ChangeAction.COMBINE_COMMITTEES,
                subject_id=joint.id,
                subject=joint.name,
                replaces=[c.id for c in members],
                reasons=[reason[:2_000] for reason in said],
            )
        )
    return copy, changes


# -- what a reduction's combining saved, in words ------------------------------------------


def _covered_jointly(r: Reduction, index: int) -> tuple[list[str], set[int], set[int]]:
    """Functions the group's committees keep only as one committee, the providers retired
    from them, and the providers on the joint committee that keep them."""
    functions: list[str] = []
    retired: set[int] = set()
    keeping: set[int] = set()
    for pair in (*r.facts.essential, *r.facts.expected):
        if pair.group != index or any(r.kept[i] for i in pair.providers):
            continue
        kept = [i for i in pair.joint if r.kept[i]]
        if not kept:
            continue
        text = function_text(pair.function)
        if text not in functions:
            functions.append(text)
        retired.update(pair.providers)
        keeping.update(kept)
    return functions, retired, keeping


def _voices_jointly(r: Reduction, index: int) -> list[str]:
    names = {c.id: c.name for c in r.plan.committees}
    found = []
    for voice in (*r.facts.voices, *r.facts.professions):
        if voice.group != index:
            continue
        if any(not any(r.kept[i] for i in g) for g in voice.groups):
            found.append(names.get(voice.committee_id, "?"))
    return list(dict.fromkeys(found))


def _single_points_dissolved(r: Reduction, index: int) -> list[str]:
    """GAP003s the joint committee avoids: the tier's committees that need f are the group's
    and one person would be left providing f across them."""
    by_tier: dict[str, list[str]] = {}
    for point in r.facts.single_points:
        providing = sum(1 for held in point.holders.values() if any(r.kept[i] for i in held))
        if point.group == index and providing == 1:
            by_tier.setdefault(point.tier_id, []).append(function_text(point.function))
    tiers = {t.id: t.name for t in r.facts.plan.tiers}
    return [
        f"kept as separate committees, the {tiers.get(tier, '?')} tier's "
        f"{name_list(functions, keep_order=True)} would rest on one person across them (a "
        "single point of failure, GAP003); as one joint committee that finding does not arise"
        for tier, functions in by_tier.items()
    ]


def reduction_reasons(r: Reduction, index: int) -> list[str]:
    """Why the reduction combined group ``index``: what one joint committee keeps."""
    facts, roles = r.facts, r.facts.roles
    reasons = []
    functions, retired, keeping = _covered_jointly(r, index)
    if functions:
        sessions = sum(roles[i].sessions_per_week for i in retired if facts.in_scope[i])
        gone = name_list([roles[i].title for i in sorted(retired)], limit=3)
        by = name_list([roles[i].title for i in sorted(keeping)], limit=3)
        reasons.append(
            f"one joint committee keeps {name_list(functions)} covered (by {by}) with "
            f"{number(round(sessions, 6))} fewer sessions a week ({gone} retired)"
        )
    voices = _voices_jointly(r, index)
    if voices:
        reasons.append(
            f"{name_list(voices)} keep{'s' if len(voices) == 1 else ''} the clinical and "
            "care professional roles they need only as one joint committee"
        )
    reasons += _single_points_dissolved(r, index)
    if not reasons:
        weight = r.request.weights.combined
        reasons.append(f"combining changes no cover here (the weight for combining is {weight:g})")
    return reasons


def combine_reduction(plan: Plan, r: Reduction) -> tuple[Plan, list[ProposalChange]]:
    """``plan`` (the reduction's, roles retired) with the groups the reduction combined made
    joint committees, and one change per group with its reasons."""
    chosen = [i for i, c in enumerate(r.combined) if c]
    if not chosen:
        return plan, []
    reasons = {r.facts.groups[i].group_id: reduction_reasons(r, i) for i in chosen}
    return combine_groups(plan, [r.facts.groups[i].group_id for i in chosen], reasons=reasons)


def combination_lines(r: Reduction) -> list[str]:
    """The committees in common in a few lines of the reduction's text report."""
    if not r.request.combine_in_common:
        return []
    if not r.facts.groups and not r.facts.not_combinable:
        return ["Committees in common combined: none (the plan has no committees in common)."]
    lines, combined = [], 0
    for i, group in enumerate(r.facts.groups):
        chosen = i < len(r.combined) and r.combined[i]
        if chosen and r.found:
            combined += 1
            lines.append(f"  - '{group.name}' becomes one joint committee: "
                         + "; ".join(reduction_reasons(r, i)))  # fmt: skip
        elif chosen and r.least_budget is not None:
            lines.append(f"  - '{group.name}' would become one joint committee at the least budget")
        elif r.found:
            lines.append(f"  - '{group.name}' stays committees in common: combining saves nothing")
    for name, why in r.facts.not_combinable:
        lines.append(f"  - '{name}' cannot be combined: {why}")
    return [f"Committees in common combined ({combined}):", *lines]


def combination_json(r: Reduction) -> list[dict[str, object]]:
    """Each group of committees in common: combined or not, and why."""
    names = {c.id: c.name for c in r.plan.committees}
    found = []
    for i, group in enumerate(r.facts.groups):
        combined = r.found and i < len(r.combined) and r.combined[i]
        found.append({
            "group": group.name,
            "group_id": group.group_id,
            "committees": [names.get(cid, cid) for cid in group.committee_ids],
            "combined": combined,
            "reasons": reduction_reasons(r, i) if combined else [],
        })  # fmt: skip
    for name, why in r.facts.not_combinable:
        found.append({"group": name, "combined": False, "cannot_combine": why})
    return found

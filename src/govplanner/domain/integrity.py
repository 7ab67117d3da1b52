"""The one place where a plan's referential integrity is checked."""

from __future__ import annotations

from collections.abc import Iterable

from govplanner.domain.catalogue import ACTIVITY_BY_CODE
from govplanner.domain.errors import PlanIntegrityError
from govplanner.domain.model import Plan
from govplanner.domain.names import name_key


def _duplicates(kind: str, names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    problems = []
    for name in names:
        key = name_key(name)
        if key in seen:
            problems.append(f"There are two {kind}s called '{name}' (names ignore case).")
        else:
            seen[key] = name
    return problems


def _duplicate_ids(plan: Plan) -> list[str]:
    seen: set[str] = set()
    problems = []
    groups: list[tuple[str, Iterable[str]]] = [
        ("tier", (t.id for t in plan.tiers)),
        ("stage", (s.id for s in plan.stages)),
        ("committee", (c.id for c in plan.committees)),
        ("role", (r.id for r in plan.roles)),
        ("person", (p.id for p in plan.people)),
    ]
    for kind, ids in groups:
        for item_id in ids:
            if item_id in seen:
                problems.append(f"The id '{item_id}' is used twice (a {kind}).")
            seen.add(item_id)
    return problems


def plan_problems(plan: Plan) -> list[str]:
    """Every integrity problem in the plan, each a sentence naming the item; [] if none."""
    problems = _duplicate_ids(plan)
    problems += _duplicates("tier", (t.name for t in plan.tiers))
    problems += _duplicates("stage", (s.name for s in plan.stages))
    problems += _duplicates("committee", (c.name for c in plan.committees))
    problems += _duplicates("person", (p.name for p in plan.people))
    problems += _duplicates("programme area", (p.name for p in plan.programmes))

    tiers = {t.id for t in plan.tiers}
    stages = {s.id for s in plan.stages}
    committees = {c.id for c in plan.committees}
    roles = {r.id for r in plan.roles}
    people = {p.id for p in plan.people}

    for c in plan.committees:
        if c.tier_id not in tiers:
            problems.append(f"Committee '{c.name}' is on a tier that does not exist.")
        if c.reports_to_id is not None and c.reports_to_id not in committees:
            problems.append(f"Committee '{c.name}' reports to a committee that does not exist.")
        if c.reports_to_id == c.id:
            problems.append(f"Committee '{c.name}' reports to itself.")
        if c.stage_id is not None and c.stage_id not in stages:
            problems.append(f"Committee '{c.name}' is at a stage that does not exist.")
        if c.chair_role_id is not None and c.chair_role_id not in roles:
            problems.append(f"Committee '{c.name}' has a chair role that does not exist.")
    for r in plan.roles:
        for cid in r.committee_ids:
            if cid not in committees:
                problems.append(f"Role '{r.title}' sits on a committee that does not exist.")
        if len(set(r.committee_ids)) != len(r.committee_ids):
            problems.append(f"Role '{r.title}' has the same committee seat twice.")
        if r.holder_id is not None and r.holder_id not in people:
            problems.append(f"Role '{r.title}' is held by a person who does not exist.")
        for code in r.activities:
            activity = ACTIVITY_BY_CODE.get(code)
            if activity is None:
                problems.append(f"Role '{r.title}' lists an unknown activity '{code}'.")
        if r.term_start and r.term_end and r.term_end < r.term_start:
            problems.append(f"Role '{r.title}' has a term that ends before it starts.")
    for level, by_stage in plan.profile.items():
        for stage_id in by_stage:
            if stage_id not in stages:
                problems.append(
                    f"The requirement profile for level {level.value} names a stage that "
                    "does not exist."
                )
    if not plan.tiers and plan.committees:
        problems.append("The plan has committees but no tiers.")
    return problems


def check_plan(plan: Plan) -> None:
    """Raise :class:`PlanIntegrityError` listing every problem, or return quietly."""
    problems = plan_problems(plan)
    if problems:
        raise PlanIntegrityError(problems)

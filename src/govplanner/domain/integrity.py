"""The one place where a plan's referential integrity is checked.

Ids and names come from the item kinds table, references from the references table: a new
kind or reference is checked here without a line of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from govplanner.domain.catalogue import ACTIVITY_BY_CODE
from govplanner.domain.errors import PlanIntegrityError
from govplanner.domain.items import ITEM_KINDS, KINDS, Kind, items_of, label_of
from govplanner.domain.model import Plan
from govplanner.domain.names import name_key
from govplanner.domain.references import REFERENCES, referenced_ids


def _duplicates(noun: str, names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for name in names:
        key = name_key(name)
        if key in seen:
            problems.append(f"There are two {noun}s called '{name}' (names ignore case).")
        seen.add(key)
    return problems


def _identity_problems(plan: Plan) -> list[str]:
    """Ids unique across the plan; names unique within each kind that needs it."""
    seen: set[str] = set()
    problems = []
    for kind in KINDS:
        info = ITEM_KINDS[kind]
        for item in items_of(plan, kind):
            if item.id in seen:
                problems.append(f"The id '{item.id}' is used twice (a {info.noun}).")
            seen.add(item.id)
        if info.unique_names:
            problems += _duplicates(info.noun, (label_of(i) for i in items_of(plan, kind)))
    return problems + _duplicates("programme area", (p.name for p in plan.programmes))


def _reference_problems(plan: Plan) -> list[str]:
    ids: dict[Kind, set[str]] = {k: {i.id for i in items_of(plan, k)} for k in KINDS}
    problems = []
    for ref in REFERENCES:
        noun = ITEM_KINDS[ref.source].noun.capitalize()
        known = ids[ref.target]
        for item in items_of(plan, ref.source):
            targets = referenced_ids(item, ref)
            if not targets or (  # the usual case, kept cheap: 50,000 seats at national scale
                known.issuperset(targets)
                and (ref.self_allowed or item.id not in targets)
                and (len(targets) == 1 or len(targets) == len(set(targets)))
            ):
                continue
            name = label_of(item)
            if any(t not in known for t in targets):
                problems.append(f"{noun} '{name}' {ref.what} that does not exist.")
            if not ref.self_allowed and item.id in targets:
                problems.append(f"{noun} '{name}' {ref.verb} itself.")
            if len(targets) != len(set(targets)):
                problems.append(f"{noun} '{name}' {ref.what} more than once.")
    return problems


def _value_problems(plan: Plan) -> list[str]:
    problems = []
    for r in plan.roles:
        for code in r.activities:
            if code not in ACTIVITY_BY_CODE:
                problems.append(f"Role '{r.title}' lists an unknown activity '{code}'.")
        if r.term_start and r.term_end and r.term_end < r.term_start:
            problems.append(f"Role '{r.title}' has a term that ends before it starts.")
    stages = {s.id for s in plan.stages}
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


def plan_problems(plan: Plan) -> list[str]:
    """Every integrity problem in the plan, each a sentence naming the item; [] if none."""
    return _identity_problems(plan) + _reference_problems(plan) + _value_problems(plan)


def check_plan(plan: Plan) -> None:
    """Raise :class:`PlanIntegrityError` listing every problem, or return quietly."""
    problems = plan_problems(plan)
    if problems:
        raise PlanIntegrityError(problems)

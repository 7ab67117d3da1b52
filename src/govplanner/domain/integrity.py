"""The one place where a plan's referential integrity is checked.

Ids and names come from the item kinds table, references from the references table: a new
kind or reference is checked here without a line of its own.

Opening a plan checks it, so the check must stay cheap at national scale (50,000 seats): each
part first asks, with whole-list operations, whether anything at all is wrong, and only then
walks the items one by one to name every problem (the walk says exactly what the quick test
found, in the plan's order).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

from govplanner.domain.catalogue import ACTIVITY_BY_CODE
from govplanner.domain.errors import PlanIntegrityError
from govplanner.domain.items import ITEM_KINDS, KINDS, Kind, items_of, label_of
from govplanner.domain.model import Plan, Role
from govplanner.domain.names import name_key
from govplanner.domain.references import REFERENCES, Reference, referenced_ids

_ID = attrgetter("id")


def _all_different(values: Sequence[Any]) -> bool:
    return len(set(values)) == len(values)


def _duplicates(noun: str, names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for name in names:
        key = name_key(name)
        if key in seen:
            problems.append(f"There are two {noun}s called '{name}' (names ignore case).")
        seen.add(key)
    return problems


def _identity_sound(plan: Plan, ids: dict[Kind, list[str]]) -> bool:
    """Whether every id is unique and no two names that must differ are the same."""
    if not _all_different(list(chain.from_iterable(ids.values()))):
        return False
    name_lists: list[Iterable[str]] = [
        map(attrgetter(ITEM_KINDS[kind].label_field), items_of(plan, kind))
        for kind in KINDS
        if ITEM_KINDS[kind].unique_names
    ]
    name_lists.append(p.name for p in plan.programmes)
    return all(_all_different(list(map(name_key, names))) for names in name_lists)


def _identity_problems(plan: Plan, ids: dict[Kind, list[str]]) -> list[str]:
    """Ids unique across the plan; names unique within each kind that needs it."""
    if _identity_sound(plan, ids):
        return []
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


def _references_sound(items: list[Any], refs: list[Reference], known: list[set[str]]) -> bool:
    """Whether every item's ids through each of ``refs`` (all from one kind) exist, none
    twice in one item, none its own where that is not allowed.

    One visit to each item reads all its references: at national scale that is several
    times faster than a pass over the items per reference.
    """
    checks = [
        (
            index,
            attrgetter(ref.entry_field) if ref.entry_field else None,
            ref.entry_field is None and not ref.many,  # one id or None
            ref.self_allowed,
            targets,
        )
        for index, (ref, targets) in enumerate(zip(refs, known, strict=True), start=1)
    ]
    for row in map(attrgetter("id", *(ref.field for ref in refs)), items):
        for index, entry, single, self_allowed, targets in checks:
            value = row[index]
            if single:
                if value is not None and (
                    value not in targets or (not self_allowed and value == row[0])
                ):
                    return False
            elif value:
                ids = list(map(entry, value)) if entry else value
                if not targets.issuperset(ids) or len(set(ids)) != len(ids):
                    return False
                if not self_allowed and row[0] in ids:
                    return False
    return True


def _reference_problems(plan: Plan, ids: dict[Kind, list[str]]) -> list[str]:
    known: dict[Kind, set[str]] = {kind: set(ids[kind]) for kind in KINDS}
    sound: dict[Kind, bool] = {}
    for kind in dict.fromkeys(ref.source for ref in REFERENCES):
        refs = [ref for ref in REFERENCES if ref.source == kind]
        targets = [known[ref.target] for ref in refs]
        sound[kind] = _references_sound(items_of(plan, kind), refs, targets)
    problems = []
    for ref in REFERENCES:  # in the table's order, as the walk has always reported them
        if not sound[ref.source]:
            problems += _problems_of_reference(items_of(plan, ref.source), ref, known[ref.target])
    return problems


def _problems_of_reference(items: list[Any], ref: Reference, known: set[str]) -> list[str]:
    """Each item's problems with ``ref``, in the plan's order, naming the item."""
    noun = ITEM_KINDS[ref.source].noun.capitalize()
    problems = []
    for item in items:
        targets = referenced_ids(item, ref)
        name = label_of(item)
        if any(t not in known for t in targets):
            problems.append(f"{noun} '{name}' {ref.what} that does not exist.")
        if not ref.self_allowed and item.id in targets:
            problems.append(f"{noun} '{name}' {ref.verb} itself.")
        if len(targets) != len(set(targets)):
            problems.append(f"{noun} '{name}' {ref.what} more than once.")
    return problems


def _roles_sound(roles: list[Role]) -> bool:
    """Whether every role's activities are known and no term ends before it starts."""
    activities = set(chain.from_iterable(map(attrgetter("activities"), roles)))
    if not ACTIVITY_BY_CODE.keys() >= activities:
        return False
    return not any(r.term_end < r.term_start for r in roles if r.term_start and r.term_end)


def _value_problems(plan: Plan) -> list[str]:
    problems = []
    for r in [] if _roles_sound(plan.roles) else plan.roles:
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
    ids = {kind: list(map(_ID, items_of(plan, kind))) for kind in KINDS}
    return _identity_problems(plan, ids) + _reference_problems(plan, ids) + _value_problems(plan)


def check_plan(plan: Plan) -> None:
    """Raise :class:`PlanIntegrityError` listing every problem, or return quietly."""
    problems = plan_problems(plan)
    if problems:
        raise PlanIntegrityError(problems)

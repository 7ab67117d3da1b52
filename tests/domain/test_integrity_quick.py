"""The integrity check's quick whole-list tests (issue 17) never miss what the item-by-item
walk finds: each problem alone is reported, word for word, and with the quick tests turned off
the result is the same, on sound plans and on plans broken in many ways at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from govplanner.domain import integrity
from govplanner.domain.integrity import plan_problems
from govplanner.domain.model import Person, Plan, Programme, Role, Seat, Tier
from govplanner.domain.references import REFERENCES
from tests.domain.test_references import full_plan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

Breakage = Callable[[Plan], str]


def _id_of_another_kind(plan: Plan) -> str:
    plan.people.append(Person(id=plan.committees[0].id, name="Bea"))
    return f"The id '{plan.committees[0].id}' is used twice (a person)."


def _id_within_a_kind(plan: Plan) -> str:
    plan.roles.append(Role(id=plan.roles[0].id, title="Another"))
    return f"The id '{plan.roles[0].id}' is used twice (a role)."


def _committee_name_in_other_case(plan: Plan) -> str:
    clone = plan.committees[0].model_copy(update={"id": "com_x", "name": " BOARD "})
    plan.committees.append(clone)
    return "There are two committees called ' BOARD ' (names ignore case)."  # as stored


def _tier_name(plan: Plan) -> str:
    plan.tiers.append(Tier(id="tier_two", name="system", level=plan.tiers[0].level))
    return "There are two tiers called 'system' (names ignore case)."


def _person_name(plan: Plan) -> str:
    plan.people.append(Person(id="per_two", name="ADA"))
    return "There are two persons called 'ADA' (names ignore case)."


def _programme_name(plan: Plan) -> str:
    plan.programmes = [Programme(name="Cancer"), Programme(name="cancer ")]
    return "There are two programme areas called 'cancer' (names ignore case)."


def _unknown_activity(plan: Plan) -> str:
    plan.roles[1].activities = ["Z9"]
    return "Role 'Deputy CMO' lists an unknown activity 'Z9'."


def _term_backwards(plan: Plan) -> str:
    plan.roles[0].term_start = dt.date(2026, 5, 1)
    plan.roles[0].term_end = dt.date(2026, 4, 30)
    return "Role 'CMO' has a term that ends before it starts."


def _seat_named_twice_by_one_role_only(plan: Plan) -> str:
    # two roles on one committee is fine; one role with two seats on it is not
    plan.roles[1].seats = [Seat(committee_id="com_board"), Seat(committee_id="com_board")]
    return "Role 'Deputy CMO' sits on a committee more than once."


BREAKAGES: list[Breakage] = [
    _id_of_another_kind,
    _id_within_a_kind,
    _committee_name_in_other_case,
    _tier_name,
    _person_name,
    _programme_name,
    _unknown_activity,
    _term_backwards,
    _seat_named_twice_by_one_role_only,
]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda b: b.__name__.strip("_"))
def test_each_problem_alone_is_reported_word_for_word(breakage: Breakage) -> None:
    plan = full_plan()
    assert plan_problems(plan) == []
    expected = breakage(plan)
    assert plan_problems(plan) == [expected]


def _walk_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn every quick test off: each part walks item by item."""
    monkeypatch.setattr(integrity, "_identity_sound", lambda *_: False)
    monkeypatch.setattr(integrity, "_reference_sound", lambda *_: False)
    monkeypatch.setattr(integrity, "_roles_sound", lambda *_: False)


def _dangle(plan: Plan, rng: random.Random) -> None:
    """Point a random reference of a random item at something that does not exist, at the
    item itself, or twice at one target."""
    ref = rng.choice(REFERENCES)
    items = getattr(plan, {"committee": "committees", "role": "roles"}[ref.source])
    item = rng.choice(items)
    value = getattr(item, ref.field)
    target = rng.choice(["gone", item.id])
    if ref.entry_field is not None and value:
        entry = dataclasses.replace(value[0], **{ref.entry_field: target})
        object.__setattr__(item, ref.field, [entry, *value] if rng.random() < 0.5 else [entry])
    elif ref.many:
        object.__setattr__(item, ref.field, [target, target] if rng.random() < 0.5 else [target])
    elif ref.entry_field is None:
        object.__setattr__(item, ref.field, target)


def test_the_quick_tests_change_nothing_on_plans_broken_at_random(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(17)
    cases: list[tuple[Plan, list[str]]] = []
    for _ in range(120):
        plan = full_plan()
        for breakage in rng.sample(BREAKAGES, rng.randint(0, 3)):
            breakage(plan)
        for _ in range(rng.randint(0, 3)):
            _dangle(plan, rng)
        cases.append((plan, plan_problems(plan)))
    assert sum(1 for _, problems in cases if not problems) >= 3  # sound plans are included
    _walk_only(monkeypatch)
    for plan, quick in cases:
        assert plan_problems(plan) == quick


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.govplan")))
def test_every_example_is_sound_either_way(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from govplanner.files.planfile import load_plan

    plan = load_plan(EXAMPLES / name)
    assert plan_problems(plan) == []
    _walk_only(monkeypatch)
    assert plan_problems(plan) == []

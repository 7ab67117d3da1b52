"""The integrity check's quick test and its item-by-item walk agree on randomly corrupted
plans (issue 17): the same problems, word for word and in the same order, whatever the chunk
size the quick test reads the items in, so it never calls a broken plan sound."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplanner.domain import integrity
from govplanner.domain.integrity import plan_problems
from govplanner.domain.items import ITEM_KINDS, KINDS, Kind, items_of
from govplanner.domain.model import Committee, Line, Person, Plan, Role, Seat
from govplanner.domain.names import name_key
from govplanner.domain.references import REFERENCES, Reference
from tests.domain.test_references import full_plan

#: a corruption of one item, chosen by the number it is given
Corruption = Callable[[Plan, int], None]
LISTS = [ref for ref in REFERENCES if ref.many or ref.entry_field]
NOT_SELF = [ref for ref in REFERENCES if not ref.self_allowed]
NAMED: list[Kind] = [kind for kind in KINDS if ITEM_KINDS[kind].unique_names]


def _plan(extra: int) -> Plan:
    """``full_plan`` (every reference used) and ``extra`` more of the large kinds."""
    plan = full_plan()
    for i in range(extra):
        plan.committees.append(
            Committee(
                id=f"com_{i}",
                name=f"Committee {i}",
                tier_id="tier_sys",
                organisation_ids=["org_icb"],
                lines=[Line(to_id="com_board")],
                chair_role_id=f"rol_{i}",
            )
        )
        plan.people.append(Person(id=f"per_{i}", name=f"Person {i}"))
        plan.roles.append(
            Role(
                id=f"rol_{i}",
                title="Clinical lead",  # role titles may repeat
                seats=[Seat(committee_id=f"com_{i}"), Seat(committee_id="com_board")],
                organisation_ids=["org_la"],
                deputy_for_id="rol_cmo",
                holder_id=f"per_{i}",
                activities=["A1", "R2"],
                term_start=dt.date(2025, 4, 1),
                term_end=dt.date(2028, 3, 31),
            )
        )
    return plan


def _pick(items: list[Any], n: int) -> Any:
    return items[n % len(items)]


def _point(plan: Plan, ref: Reference, item: Any, target: str, twice: bool = False) -> None:
    """Make ``item`` refer to ``target`` through ``ref`` (once more, or twice more)."""
    value = getattr(item, ref.field)
    if ref.entry_field is None and not ref.many:
        object.__setattr__(item, ref.field, target)
        return
    if ref.entry_field is not None:
        model = next(e for i in items_of(plan, ref.source) for e in getattr(i, ref.field))
        new = [dataclasses.replace(model, **{ref.entry_field: target})]
    else:
        new = [target]
    object.__setattr__(item, ref.field, [*value, *new * (2 if twice else 1)])


def _dangling(plan: Plan, n: int) -> None:
    ref = _pick(list(REFERENCES), n)
    _point(plan, ref, _pick(items_of(plan, ref.source), n // 7), "gone")


def _id_twice(plan: Plan, n: int) -> None:
    kind = _pick(list(KINDS), n)
    other = _pick([k for k in KINDS if items_of(plan, k)], n // 7)  # the same kind or another
    item = _pick(items_of(plan, kind), n // 3)
    copy = _pick(items_of(plan, other), n // 11).model_copy(update={"id": item.id})
    if ITEM_KINDS[other].unique_names:
        object.__setattr__(copy, "name", f"{copy.name} copy {n}")
    items_of(plan, other).append(copy)


def _self_reference(plan: Plan, n: int) -> None:
    ref = _pick(NOT_SELF, n)
    item = _pick(items_of(plan, ref.source), n // 5)
    _point(plan, ref, item, item.id)


def _name_in_other_case(plan: Plan, n: int) -> None:
    kind = _pick(NAMED, n)
    item = _pick(items_of(plan, kind), n // 7)
    twin = item.model_copy(update={"id": f"{item.id}_twin{n}"})
    object.__setattr__(twin, "name", f" {item.name.swapcase()} ")
    items_of(plan, kind).append(twin)


def _listed_twice(plan: Plan, n: int) -> None:
    ref = _pick(LISTS, n)
    target = _pick(items_of(plan, ref.target), n // 3).id
    _point(plan, ref, _pick(items_of(plan, ref.source), n // 5), target, twice=True)


def _unknown_activity(plan: Plan, n: int) -> None:
    role = _pick(plan.roles, n)
    object.__setattr__(role, "activities", [*role.activities, "Z9"])


def _reversed_term(plan: Plan, n: int) -> None:
    role = _pick(plan.roles, n)
    object.__setattr__(role, "term_start", dt.date(2027, 1, 2))
    object.__setattr__(role, "term_end", dt.date(2027, 1, 1))


CORRUPTIONS: list[Corruption] = [
    _dangling,
    _id_twice,
    _self_reference,
    _name_in_other_case,
    _listed_twice,
    _unknown_activity,
    _reversed_term,
]


def _walked(plan: Plan) -> list[str]:
    """The problems with every quick test turned off: each part walks item by item."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(integrity, "_identity_sound", lambda *_: False)
        patch.setattr(integrity, "_reference_sound", lambda *_: False)
        patch.setattr(integrity, "_roles_sound", lambda *_: False)
        return plan_problems(plan)


@settings(max_examples=300, deadline=None)
@given(
    extra=st.integers(0, 6),
    chunk=st.sampled_from([1, 2, 3, 1024]),
    corruptions=st.lists(
        st.tuples(st.sampled_from(CORRUPTIONS), st.integers(0, 10_000)), max_size=4
    ),
)
def test_the_quick_test_and_the_walk_agree_on_corrupted_plans(
    extra: int, chunk: int, corruptions: list[tuple[Corruption, int]]
) -> None:
    plan = _plan(extra)
    for corrupt, n in corruptions:
        corrupt(plan, n)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(integrity, "_CHUNK", chunk)
        quick = plan_problems(plan)
    walked = _walked(plan)
    assert quick == walked
    assert bool(walked) == bool(corruptions)  # every corruption is a problem; none, none


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda c: c.__name__.strip("_"))
def test_each_corruption_alone_is_found_at_every_chunk_size(corrupt: Corruption) -> None:
    for n in range(0, 60, 7):
        for chunk in (1, 2, 1024):
            plan = _plan(3)
            corrupt(plan, n)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(integrity, "_CHUNK", chunk)
                quick = plan_problems(plan)
            assert quick, (corrupt.__name__, n, chunk)
            assert quick == _walked(plan)


@pytest.mark.parametrize("chunk", [1, 2, 1024])
def test_the_quick_test_finds_a_sound_plan_sound_so_nothing_is_walked(chunk: int) -> None:
    # a reference is tested once all its targets' ids are known, never against a part
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(integrity, "_CHUNK", chunk)
        for plan in (full_plan(), _plan(5)):
            survey = integrity._Survey(plan)
            assert survey.unsound == set()
            assert survey.roles_sound
            assert integrity._identity_sound(plan, survey)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=8), max_size=6))
def test_the_quick_name_keys_are_name_key(names: list[str]) -> None:
    # any text: outer spaces of every kind, letters whose case folds to two (ß), newlines
    assert list(integrity._keys(names)) == [name_key(n) for n in names]

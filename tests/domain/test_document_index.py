"""PlanDocument finds items by id through an index that stays right whatever happens to the
lists: the mutators' inserts, removes and moves (and their undo), a new plan, and changes
made behind its back."""

from __future__ import annotations

import random

import pytest

from govplanner.domain.document import EditError, PlanDocument
from govplanner.domain.model import Committee, Plan
from tests.builders import PlanBuilder, tier_id


def _document(count: int = 6) -> PlanDocument:
    builder = PlanBuilder()
    for n in range(count):
        builder.committee(f"Committee {n}", tier="system")
    return PlanDocument(builder.build())


def _agrees(document: PlanDocument) -> None:
    """Every committee is found where it is, and an id no longer there is not found."""
    for i, committee in enumerate(document.plan.committees):
        assert document.index_of("committee", committee.id) == i
        assert document.get("committee", committee.id) is committee


def _new(name: str) -> Committee:
    return Committee(name=name, tier_id=tier_id("system"))


def test_insert_in_the_middle_renumbers_what_follows() -> None:
    document = _document()
    _agrees(document)  # the index is built
    document.insert("committee", _new("Inserted"), 2)
    _agrees(document)
    document.insert("committee", _new("Appended"))
    _agrees(document)


def test_remove_and_its_undo_keep_every_position() -> None:
    document = _document()
    victim = document.plan.committees[1]
    item, at = document.remove("committee", victim.id)
    _agrees(document)
    with pytest.raises(EditError, match="There is no committee"):
        document.index_of("committee", victim.id)
    document.insert("committee", item, at)  # what an undo does
    _agrees(document)
    assert document.index_of("committee", victim.id) == 1


def test_moves_both_ways_and_their_undo() -> None:
    document = _document()
    moving = document.plan.committees[4]
    old = document.move("committee", moving.id, 1)
    _agrees(document)
    document.move("committee", moving.id, old)
    _agrees(document)
    document.move("committee", document.plan.committees[0].id, 5)
    _agrees(document)


def test_a_new_plan_is_indexed_afresh() -> None:
    document = _document()
    _agrees(document)
    fresh = _document(3).plan
    document.reset(fresh)
    _agrees(document)
    assert document.index_of("committee", fresh.committees[2].id) == 2


def test_lists_changed_behind_its_back_are_still_answered_right() -> None:
    document = _document()
    _agrees(document)
    late = _new("Appended directly")
    document.plan.committees.append(late)  # not through the mutators
    assert document.index_of("committee", late.id) == 6
    document.plan.committees.reverse()
    _agrees(document)
    document.plan = Plan()  # a new plan object without reset
    with pytest.raises(EditError):
        document.index_of("committee", late.id)


def test_a_refused_insert_of_a_present_id_leaves_the_index_right() -> None:
    document = _document()
    with pytest.raises(EditError, match="already in the plan"):
        document.insert("committee", document.plan.committees[3])
    _agrees(document)


def test_random_edits_and_undos_agree_with_a_search() -> None:
    """200 random inserts, removes, moves and their undos: every look-up matches a search."""
    rng = random.Random(17)
    document = _document(10)
    undo: list[tuple[str, object, int]] = []
    for step in range(200):
        committees = document.plan.committees
        choice = rng.random()
        if undo and choice < 0.25:
            action, item, at = undo.pop()
            if action == "insert":
                document.remove("committee", item.id)  # type: ignore[attr-defined]
            elif action == "remove":
                document.insert("committee", item, at)  # type: ignore[arg-type]
            else:
                document.move("committee", item.id, at)  # type: ignore[attr-defined]
        elif choice < 0.5 or len(committees) < 3:
            new = _new(f"New {step}")
            undo.append(("insert", new, document.insert("committee", new, rng.randrange(12))))
        elif choice < 0.75:
            item, at = document.remove("committee", rng.choice(committees).id)
            undo.append(("remove", item, at))
        else:
            moving = rng.choice(committees)
            undo.append(("move", moving, document.move("committee", moving.id, rng.randrange(12))))
        _agrees(document)

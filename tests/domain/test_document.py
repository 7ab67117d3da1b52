"""PlanDocument: each mutator changes the plan, tells listeners before and after, undoes."""

from __future__ import annotations

import datetime as dt

import pytest

from govplanner.domain.document import Change, EditError, PlanDocument
from govplanner.domain.enums import Function, Level, Requirement
from govplanner.domain.model import AcceptedFinding, Committee, Plan, Role
from tests.builders import PlanBuilder, committee_id, role_id, tier_id


@pytest.fixture
def document() -> PlanDocument:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Quality Committee", tier="system", reports_to="ICB Board")
        .role("Medical Director", on=["ICB Board"], holder="Dr Ada")
        .build()
    )
    return PlanDocument(plan)


@pytest.fixture
def heard(document: PlanDocument) -> list[tuple[str, Change, int]]:
    """Every notification as (when, change, number of committees at that moment)."""
    log: list[tuple[str, Change, int]] = []
    document.subscribe(
        lambda c: log.append(("after", c, len(document.plan.committees))),
        lambda c: log.append(("before", c, len(document.plan.committees))),
    )
    return log


def test_insert_notifies_before_and_after_with_the_index(
    document: PlanDocument, heard: list[tuple[str, Change, int]]
) -> None:
    new = Committee(name="Finance", tier_id=tier_id("system"))
    assert document.insert("committee", new, 1) == 1
    assert document.plan.committees[1] is new
    change = Change("added", "committee", new.id, 1)
    assert heard == [("before", change, 2), ("after", change, 3)]
    assert document.revision == 1


def test_insert_clamps_the_index_and_refuses_a_duplicate_id(document: PlanDocument) -> None:
    new = Committee(name="Finance", tier_id=tier_id("system"))
    assert document.insert("committee", new, 99) == 2
    with pytest.raises(EditError, match="already in the plan"):
        document.insert("committee", new)


def test_remove_returns_item_and_index_for_undo(
    document: PlanDocument, heard: list[tuple[str, Change, int]]
) -> None:
    item, at = document.remove("committee", committee_id("ICB Board"))
    assert (item.name, at) == ("ICB Board", 0)
    assert [h[0] for h in heard] == ["before", "after"]
    assert heard[0][2] == 2
    assert heard[1][2] == 1
    document.insert("committee", item, at)
    assert document.plan.committees[0].name == "ICB Board"


def test_remove_unknown_is_an_error_naming_it(document: PlanDocument) -> None:
    with pytest.raises(EditError, match="no committee with id 'nope'"):
        document.remove("committee", "nope")


def test_update_validates_and_returns_old_values(
    document: PlanDocument, heard: list[tuple[str, Change, int]]
) -> None:
    old = document.update("role", role_id("Medical Director"), sessions_per_week="2.5")
    role = document.get("role", role_id("Medical Director"))
    assert role.sessions_per_week == 2.5
    assert old == {"sessions_per_week": 0.0}
    assert heard[-1][1] == Change("updated", "role", role.id, 0, ("sessions_per_week",))


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"sessions_per_week": -1}, "sessions_per_week"),
        ({"title": "   "}, "title"),
        ({"colour": "red"}, "no field"),
        ({"id": "x"}, "no field"),
    ],
)
def test_refused_update_changes_nothing_and_says_nothing(
    document: PlanDocument, heard: list[tuple[str, Change, int]], values: dict, message: str
) -> None:
    before = document.plan.model_dump()
    with pytest.raises(EditError, match=message):
        document.update("role", role_id("Medical Director"), **values)
    assert document.plan.model_dump() == before
    assert heard == []
    assert document.revision == 0


def test_move_returns_old_index(document: PlanDocument) -> None:
    assert document.move("committee", committee_id("Quality Committee"), 0) == 1
    assert document.plan.committees[0].name == "Quality Committee"


def test_plan_fields_are_validated_and_restored_on_refusal(document: PlanDocument) -> None:
    old = document.set_plan_fields(name="Renamed", default_capacity=6)
    assert old == {"name": "Test plan", "default_capacity": 4.0}
    with pytest.raises(EditError):
        document.set_plan_fields(default_capacity=-2)
    assert document.plan.default_capacity == 6
    with pytest.raises(EditError, match="no setting"):
        document.set_plan_fields(tiers=[])


def test_set_requirement_and_clear_it(document: PlanDocument) -> None:
    stage = document.plan.stages[0].id
    old = document.set_requirement(Level.PROJECT, stage, Function.RELATIONAL, Requirement.ESSENTIAL)
    assert old == Requirement.OPTIONAL
    assert document.plan.requirement(Level.PROJECT, stage, Function.RELATIONAL) == "essential"
    document.set_requirement(Level.PROJECT, stage, Function.RELATIONAL, None)
    assert document.plan.requirement(Level.PROJECT, stage, Function.RELATIONAL) == "optional"


def test_accept_replaces_and_unaccept_returns(
    document: PlanDocument, heard: list[tuple[str, Change, int]]
) -> None:
    first = AcceptedFinding(key="K", rationale="one")
    second = AcceptedFinding(key="K", rationale="two", review_on=dt.date(2030, 1, 1))
    assert document.accept(first) is None
    assert document.accept(second) is first
    assert document.plan.accepted == [second]
    assert document.unaccept("K") is second
    assert document.unaccept("K") is None
    assert [h[1].action for h in heard] == ["accepted"] * 6


def test_reset_replaces_plan_and_path(
    document: PlanDocument, heard: list[tuple[str, Change, int]]
) -> None:
    from pathlib import Path

    document.reset(Plan(name="Other"), Path("other.govplan"))
    assert document.plan.name == "Other"
    assert document.path == Path("other.govplan")
    assert [h[1].action for h in heard] == ["reset", "reset"]


def test_unsubscribe_stops_notifications(document: PlanDocument) -> None:
    seen: list[Change] = []
    unsubscribe = document.subscribe(seen.append, seen.append)
    document.insert("role", Role(title="A"))
    unsubscribe()
    document.insert("role", Role(title="B"))
    assert len(seen) == 2


def test_items_are_the_plans_own_lists(document: PlanDocument) -> None:
    assert document.items("committee") is document.plan.committees
    assert document.index_of("committee", committee_id("Quality Committee")) == 1

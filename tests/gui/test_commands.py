"""Every undo command: do, undo and redo leave the plan exactly as expected."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Committee, Person, Role
from govplanner.gui import commands as cmd
from tests.builders import PlanBuilder, committee_id, person_id, role_id, tier_id


@pytest.fixture
def document() -> PlanDocument:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Quality Committee", tier="system", reports_to="ICB Board")
        .committee("Mental Health Board", tier="programme", reports_to="ICB Board")
        .committee("Crisis Group", tier="neighbourhood", reports_to="Mental Health Board")
        .role("Medical Director", on=["ICB Board", "Quality Committee"], holder="Dr Ada")
        .role("MH Lead", on=["Mental Health Board"], holder="Dr Ada", functions=["analytical"])
        .build()
    )
    plan.committees[0].chair_role_id = role_id("Medical Director")
    return PlanDocument(plan)


def _round_trip(document: PlanDocument, command: cmd.DocumentCommand) -> tuple[str, str]:
    """Run do → undo → redo; return the plan JSON after 'do' and after 'undo'."""
    stack = QUndoStack()
    before = document.plan.model_dump_json()
    cmd.execute(stack, command)
    after = document.plan.model_dump_json()
    assert after != before
    assert stack.undoText() == command.text()
    stack.undo()
    assert document.plan.model_dump_json() == before
    stack.redo()
    assert document.plan.model_dump_json() == after
    stack.undo()
    assert document.plan.model_dump_json() == before
    return before, after


CASES: dict[str, tuple[Callable[[PlanDocument], cmd.DocumentCommand], str]] = {
    "add committee": (
        lambda d: cmd.add_item(
            d, "committee", Committee(name="Finance Committee", tier_id=tier_id("system"))
        ),
        "Add committee 'Finance Committee'",
    ),
    "rename committee": (
        lambda d: cmd.update_item(d, "committee", committee_id("ICB Board"), name="NHS Board"),
        "Rename committee 'ICB Board' to 'NHS Board'",
    ),
    "change fields": (
        lambda d: cmd.update_item(d, "committee", committee_id("ICB Board"), quorum="Five"),
        "Change quorum of committee 'ICB Board'",
    ),
    "delete committee": (
        lambda d: cmd.delete_committee(d, committee_id("Mental Health Board")),
        "Delete committee 'Mental Health Board'",
    ),
    "delete role": (
        lambda d: cmd.delete_role(d, role_id("Medical Director")),
        "Delete role 'Medical Director'",
    ),
    "delete person": (
        lambda d: cmd.delete_person(d, person_id("Dr Ada")),
        "Delete person 'Dr Ada'",
    ),
    "delete several": (
        lambda d: cmd.delete_items(
            d, "committee", [committee_id("ICB Board"), committee_id("Mental Health Board")]
        ),
        "Delete 2 committees",
    ),
    "remove tier": (
        lambda d: cmd.remove_item(d, "stage", d.plan.stages[2].id),
        "Delete stage 'Sustaining collaboration'",
    ),
    "vacate role": (
        lambda d: cmd.fill_role(d, role_id("MH Lead"), None),
        "Make role 'MH Lead' vacant",
    ),
    "fill role new person": (
        lambda d: cmd.fill_role_with_new_person(d, role_id("MH Lead"), Person(name="Dr Bea")),
        "Fill role 'MH Lead' with new person 'Dr Bea'",
    ),
    "move to tier": (
        lambda d: cmd.move_committee(d, committee_id("Crisis Group"), tier_id=tier_id("place")),
        "Move committee 'Crisis Group' to tier 'Place'",
    ),
    "report to": (
        lambda d: cmd.move_committee(
            d, committee_id("Crisis Group"), reports_to=committee_id("ICB Board")
        ),
        "Make committee 'Crisis Group' report to 'ICB Board'",
    ),
    "accept": (
        lambda d: cmd.accept_finding(d, "CLN001|committee|x||", "Agreed at board", "X"),
        "Accept finding on 'X'",
    ),
}


@pytest.fixture(autouse=True)
def _place_tier(document: PlanDocument) -> None:
    from govplanner.domain.enums import Level
    from govplanner.domain.model import Tier

    document.plan.tiers.append(Tier(id=tier_id("place"), name="Place", level=Level.THEMATIC))


@pytest.mark.parametrize("case", list(CASES))
def test_command_do_undo_redo(qapp: object, document: PlanDocument, case: str) -> None:
    factory, text = CASES[case]
    command = factory(document)
    assert command.text() == text
    _round_trip(document, command)


def test_delete_committee_unseats_roles_and_reparents_children(
    qapp: object, document: PlanDocument
) -> None:
    cmd.execute(QUndoStack(), cmd.delete_committee(document, committee_id("Mental Health Board")))
    crisis = document.get("committee", committee_id("Crisis Group"))
    assert crisis.reports_to_id == committee_id("ICB Board")
    assert document.get("role", role_id("MH Lead")).committee_ids == []


def test_delete_role_clears_chair(qapp: object, document: PlanDocument) -> None:
    cmd.execute(QUndoStack(), cmd.delete_role(document, role_id("Medical Director")))
    assert document.get("committee", committee_id("ICB Board")).chair_role_id is None


def test_delete_person_leaves_roles_vacant(qapp: object, document: PlanDocument) -> None:
    cmd.execute(QUndoStack(), cmd.delete_person(document, person_id("Dr Ada")))
    assert all(r.holder_id is None for r in document.plan.roles)


def test_fill_role_with_existing_person(qapp: object, document: PlanDocument) -> None:
    document.plan.people.append(Person(id="per_bea", name="Dr Bea"))
    command = cmd.fill_role(document, role_id("MH Lead"), "per_bea")
    assert command.text() == "Fill role 'MH Lead' with 'Dr Bea'"
    _round_trip(document, command)


def test_unaccept_round_trip(qapp: object, document: PlanDocument) -> None:
    stack = QUndoStack()
    cmd.execute(stack, cmd.accept_finding(document, "K|committee|x||", "Reason", "X"))
    command = cmd.unaccept_finding(document, "K|committee|x||", "X")
    assert command.text() == "Withdraw acceptance on 'X'"
    _round_trip(document, command)


def test_refused_edit_is_not_pushed(qapp: object, document: PlanDocument) -> None:
    stack = QUndoStack()
    before = document.plan.model_dump_json()
    bad = cmd.update_item(document, "role", role_id("MH Lead"), sessions_per_week=-3)
    with pytest.raises(GovplannerError):
        cmd.execute(stack, bad)
    assert stack.count() == 0
    assert document.plan.model_dump_json() == before
    message = cmd.try_execute(stack, bad)
    assert message is not None
    assert "sessions_per_week" in message


def test_compound_refusal_reverts_earlier_steps(qapp: object, document: PlanDocument) -> None:
    from govplanner.gui.edits import UpdateEdit

    before = document.plan.model_dump_json()
    command = cmd.DocumentCommand(
        document,
        "Two steps",
        [
            UpdateEdit("committee", committee_id("ICB Board"), {"quorum": "3"}),
            UpdateEdit("role", role_id("MH Lead"), {"title": ""}),
        ],
    )
    assert cmd.try_execute(QUndoStack(), command) is not None
    assert document.plan.model_dump_json() == before


def test_new_role_is_added(qapp: object, document: PlanDocument) -> None:
    _round_trip(document, cmd.add_item(document, "role", Role(title="GP Lead")))

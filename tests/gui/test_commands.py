"""Every undo command: do, undo and redo leave the plan exactly as expected."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import LineKind, Membership
from govplanner.domain.errors import GovplannerError
from govplanner.domain.integrity import check_plan
from govplanner.domain.items import items_of
from govplanner.domain.model import Committee, InCommonGroup, Line, Organisation, Person, Role
from govplanner.domain.references import REFERENCES, OnDelete, Reference, referenced_ids
from govplanner.gui import commands as cmd
from govplanner.gui import settings_commands as sc
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
    # v2 references: bodies, a group, an advisory line, a stage, a deputy, organisations.
    plan.organisations = [
        Organisation(id="org_icb", name="North ICB"),
        Organisation(id="org_council", name="North Council"),
    ]
    plan.groups = [InCommonGroup(id="grp_cic", name="North committees in common")]
    board, quality = plan.committees[0], plan.committees[1]
    board.organisation_ids = ["org_icb", "org_council"]
    board.group_id = "grp_cic"
    board.stage_id = plan.stages[1].id
    quality.lines = [*quality.lines, Line(to_id=committee_id("Mental Health Board"),
                                         kind=LineKind.ADVISES)]  # fmt: skip
    deputy = Role(id="rol_deputy", title="Deputy MD", deputy_for_id=role_id("Medical Director"))
    deputy.organisation_ids = ["org_icb"]
    plan.roles.append(deputy)
    check_plan(plan)
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
        lambda d: cmd.update_item(d, "committee", committee_id("ICB Board"), quorum=5),
        "Change quorum of committee 'ICB Board'",
    ),
    "delete committee": (
        lambda d: cmd.delete_item(d, "committee", committee_id("Mental Health Board")),
        "Delete committee 'Mental Health Board'",
    ),
    "delete role": (
        lambda d: cmd.delete_item(d, "role", role_id("Medical Director")),
        "Delete role 'Medical Director'",
    ),
    "delete person": (
        lambda d: cmd.delete_item(d, "person", person_id("Dr Ada")),
        "Delete person 'Dr Ada'",
    ),
    "delete organisation": (
        lambda d: cmd.delete_item(d, "organisation", "org_icb"),
        "Delete organisation 'North ICB'",
    ),
    "delete group": (
        lambda d: cmd.delete_item(d, "group", "grp_cic"),
        "Delete committees-in-common group 'North committees in common'",
    ),
    "add organisation": (
        lambda d: cmd.add_item(d, "organisation", Organisation(name="South Trust")),
        "Add organisation 'South Trust'",
    ),
    "seat membership": (
        lambda d: cmd.update_item(
            d,
            "role",
            role_id("MH Lead"),
            seats=[
                {
                    "committee_id": committee_id("Mental Health Board"),
                    "membership": Membership.PARTICIPANT,
                }
            ],
        ),
        "Change seats of role 'MH Lead'",
    ),
    "lines": (
        lambda d: cmd.update_item(
            d,
            "committee",
            committee_id("Crisis Group"),
            lines=[Line(to_id=committee_id("ICB Board"), kind=LineKind.ADVISES)],
        ),
        "Change lines of committee 'Crisis Group'",
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
        "Make committee 'Crisis Group' accountable to 'ICB Board'",
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


def _referrer(document: PlanDocument, ref: Reference) -> tuple[str, str]:
    """(referrer id, target id) of the fixture's last item using ``ref`` (the lowest, so a
    deleted line target has its own line to re-parent to)."""
    for item in reversed(items_of(document.plan, ref.source)):
        targets = referenced_ids(item, ref)
        if targets:
            return item.id, targets[0]
    raise AssertionError(f"the fixture has no {ref.source} using {ref.field}")


def _ref_id(ref: Reference) -> str:
    return f"{ref.source}.{ref.field}->{ref.target}"


@pytest.mark.parametrize("ref", REFERENCES, ids=_ref_id)
def test_delete_follows_every_reference(
    qapp: object, document: PlanDocument, ref: Reference
) -> None:
    """Delete each reference's target: the referrer is updated as the table says, undo and
    redo restore exactly (dict order aside); a refused delete changes nothing, pushes nothing."""
    referrer_id, target_id = _referrer(document, ref)
    if ref.target == "stage":  # the app deletes stages with their profile entries
        command = sc.remove_stage(document, target_id)
    else:
        command = cmd.delete_item(document, ref.target, target_id)
    stack = QUndoStack()
    if ref.on_delete is OnDelete.REFUSE:
        before = document.plan.model_dump()
        message = cmd.try_execute(stack, command)
        assert message is not None
        assert "first" in message
        assert stack.count() == 0
        assert document.plan.model_dump() == before
        return
    before = document.plan.model_dump()
    cmd.execute(stack, command)
    after = document.plan.model_dump()
    referrer = document.get(ref.source, referrer_id)
    assert target_id not in referenced_ids(referrer, ref)
    if ref.on_delete is OnDelete.CLEAR:
        assert getattr(referrer, ref.field) is None
    if ref.on_delete is OnDelete.REPARENT:  # answers to the deleted committee's own boards
        assert committee_id("ICB Board") in referrer.accountable_to_ids
    check_plan(document.plan)
    stack.undo()
    assert document.plan.model_dump() == before
    assert target_id in referenced_ids(document.get(ref.source, referrer_id), ref)
    stack.redo()
    assert document.plan.model_dump() == after


def test_delete_committee_unseats_roles_and_reparents_children(
    qapp: object, document: PlanDocument
) -> None:
    mh_board = committee_id("Mental Health Board")
    cmd.execute(QUndoStack(), cmd.delete_item(document, "committee", mh_board))
    crisis = document.get("committee", committee_id("Crisis Group"))
    assert crisis.accountable_to_ids == [committee_id("ICB Board")]
    assert document.get("role", role_id("MH Lead")).seats == []
    quality = document.get("committee", committee_id("Quality Committee"))
    assert quality.advises_ids == []  # the advisory line went with it


def test_delete_role_clears_chair_and_deputy(qapp: object, document: PlanDocument) -> None:
    cmd.execute(QUndoStack(), cmd.delete_item(document, "role", role_id("Medical Director")))
    assert document.get("committee", committee_id("ICB Board")).chair_role_id is None
    assert document.get("role", "rol_deputy").deputy_for_id is None


def test_delete_person_leaves_roles_vacant(qapp: object, document: PlanDocument) -> None:
    cmd.execute(QUndoStack(), cmd.delete_item(document, "person", person_id("Dr Ada")))
    assert all(r.holder_id is None for r in document.plan.roles)


def test_delete_tier_with_committees_is_refused_plainly(
    qapp: object, document: PlanDocument
) -> None:
    stack = QUndoStack()
    message = cmd.try_execute(stack, cmd.delete_item(document, "tier", tier_id("system")))
    assert message is not None
    assert "tier 'System'" in message
    assert "ICB Board" in message
    assert stack.count() == 0


def test_delete_several_is_one_step(qapp: object, document: PlanDocument) -> None:
    ids = ["org_icb", "org_council"]
    command = cmd.delete_items(document, "organisation", ids)
    assert command.text() == "Delete 2 organisations"
    _round_trip(document, command)


def test_typing_merges_into_one_command_per_field(qapp: object, document: PlanDocument) -> None:
    stack = QUndoStack()
    board = committee_id("ICB Board")
    for text in ("N", "NH", "NHS Board"):
        cmd.execute(stack, cmd.update_item(document, "committee", board, merge_key=("name", 0),
                                           name=text))  # fmt: skip
    cmd.execute(stack, cmd.update_item(document, "committee", board, merge_key=("purpose", 0),
                                       purpose="Runs it"))  # fmt: skip
    assert stack.count() == 2
    assert stack.text(0) == "Rename committee 'ICB Board' to 'NHS Board'"
    stack.undo()
    stack.undo()
    assert document.get("committee", board).name == "ICB Board"
    stack.redo()
    assert document.get("committee", board).name == "NHS Board"
    # A new typing session (the field was left) is a new command.
    cmd.execute(stack, cmd.update_item(document, "committee", board, merge_key=("name", 1),
                                       name="NHS Board X"))  # fmt: skip
    assert stack.count() == 2
    assert stack.index() == 2


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
            UpdateEdit("committee", committee_id("ICB Board"), {"quorum": 3}),
            UpdateEdit("role", role_id("MH Lead"), {"title": ""}),
        ],
    )
    assert cmd.try_execute(QUndoStack(), command) is not None
    assert document.plan.model_dump_json() == before


def test_new_role_is_added(qapp: object, document: PlanDocument) -> None:
    _round_trip(document, cmd.add_item(document, "role", Role(title="GP Lead")))

"""The committees, roles and people tables: Qt model contract, edits, sorting, filtering."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import OrganisationType
from govplanner.domain.model import Committee, InCommonGroup, Organisation, Role
from govplanner.gui import commands as cmd
from govplanner.gui.models.collections import (
    VACANT,
    committees_model,
    groups_model,
    organisations_model,
    people_model,
    roles_model,
)
from govplanner.gui.models.lookup import Lookup
from govplanner.gui.models.table import ItemTableModel
from tests.builders import committee_id, person_id, role_id, tier_id

FACTORIES = {"committee": committees_model, "role": roles_model, "person": people_model}


def _model(document: PlanDocument, stack: QUndoStack, kind: str) -> ItemTableModel:
    return FACTORIES[kind](document, stack, Lookup(document))


def _column(model: ItemTableModel, header: str) -> int:
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(len(model.columns))]
    return headers.index(header)


def _texts(model: ItemTableModel, header: str) -> list[str]:
    col = _column(model, header)
    return [model.index(r, col).data() for r in range(model.rowCount())]


@pytest.mark.parametrize("kind", list(FACTORIES))
def test_model_contract_through_edits(
    qtmodeltester: Any, document: PlanDocument, stack: QUndoStack, kind: str
) -> None:
    model = _model(document, stack, kind)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    new = Committee(name="A", tier_id=tier_id("system"))
    cmd.execute(stack, cmd.add_item(document, "committee", new))
    cmd.execute(stack, cmd.add_item(document, "role", Role(title="B")))
    cmd.execute(stack, cmd.delete_item(document, "person", person_id("Dr Ada")))
    stack.undo()
    stack.undo()
    qtmodeltester.check(model)
    model.set_filter(lambda item: True)
    qtmodeltester.check(model)


def test_committee_rows_show_names_not_ids(document: PlanDocument, stack: QUndoStack) -> None:
    model = _model(document, stack, "committee")
    assert _texts(model, "Committee") == [
        "ICB Board",
        "Quality Committee",
        "Mental Health Board",
        "Crisis Group",
    ]
    assert _texts(model, "Accountable to")[1] == "ICB Board"
    assert _texts(model, "Tier")[2] == "Programme"
    assert _texts(model, "Stage")[0] == "Strategy setting"
    assert _texts(model, "Seats") == ["1", "1", "1", "1"]


def test_vacant_role_says_so(document: PlanDocument, stack: QUndoStack) -> None:
    model = _model(document, stack, "role")
    assert _texts(model, "Holder") == ["Dr Ada", "Dr Ada", VACANT]
    assert _texts(model, "Functions") == ["A T", "A", "R"]
    col = _column(model, "Holder")
    assert model.index(2, col).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_people_load_is_sessions_over_capacity(document: PlanDocument, stack: QUndoStack) -> None:
    model = _model(document, stack, "person")
    names = _texts(model, "Name")
    loads = dict(zip(names, _texts(model, "Load"), strict=True))
    assert loads == {"Dr Bea": "0/2 (0%)", "Dr Ada": "5/4 (125%) · over"}
    assert dict(zip(names, _texts(model, "Capacity"), strict=True))["Dr Ada"] == "4 (default)"


def test_editing_a_cell_is_one_undoable_command(document: PlanDocument, stack: QUndoStack) -> None:
    model = _model(document, stack, "committee")
    index = model.index(0, _column(model, "Committee"))
    assert model.setData(index, "  NHS Board ")
    assert document.get("committee", committee_id("ICB Board")).name == "NHS Board"
    assert stack.undoText() == "Rename committee 'ICB Board' to 'NHS Board'"
    stack.undo()
    assert index.data() == "ICB Board"


def test_refused_cell_edit_reports_why(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    model = _model(document, stack, "role")
    index = model.index(0, _column(model, "Sessions"))
    with qtbot.waitSignal(model.edit_refused) as blocker:
        assert not model.setData(index, "lots")
    assert "number" in blocker.args[0]
    with qtbot.waitSignal(model.edit_refused):
        assert not model.setData(index, "-1")
    assert stack.count() == 0


def test_clinical_checkbox_edits(document: PlanDocument, stack: QUndoStack) -> None:
    model = _model(document, stack, "role")
    index = model.index(0, _column(model, "Clinical"))
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not document.get("role", role_id("Medical Director")).clinical
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_sort_in_python_keeps_selection_rows(document: PlanDocument, stack: QUndoStack) -> None:
    model = _model(document, stack, "committee")
    model.sort(_column(model, "Committee"))
    assert _texts(model, "Committee") == [
        "Crisis Group",
        "ICB Board",
        "Mental Health Board",
        "Quality Committee",
    ]
    model.sort(_column(model, "Tier"), Qt.SortOrder.DescendingOrder)
    assert _texts(model, "Tier")[0] == "Neighbourhood"
    assert model.row_of(committee_id("Crisis Group")) == 0


def test_filter_then_add_and_remove(document: PlanDocument, stack: QUndoStack) -> None:
    model = _model(document, stack, "committee")
    model.set_filter(lambda c: "board" in c.name.lower())
    assert _texts(model, "Committee") == ["ICB Board", "Mental Health Board"]
    assert model.row_of(committee_id("Crisis Group")) == -1
    new = Committee(name="Zeta", tier_id=tier_id("system"))
    cmd.execute(stack, cmd.add_item(document, "committee", new, index=0))
    assert _texts(model, "Committee") == ["ICB Board", "Mental Health Board", "Zeta"]
    cmd.execute(stack, cmd.delete_item(document, "committee", committee_id("ICB Board")))
    assert _texts(model, "Committee") == ["Mental Health Board", "Zeta"]
    stack.undo()
    stack.undo()
    assert "Zeta" not in _texts(model, "Committee")


def test_related_rename_refreshes_other_tables(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    model = _model(document, stack, "role")
    with qtbot.waitSignal(model.dataChanged):
        cmd.execute(stack, cmd.update_item(document, "person", person_id("Dr Ada"), name="Dr A"))
    assert _texts(model, "Holder")[0] == "Dr A"


def test_reset_replaces_rows(document: PlanDocument, stack: QUndoStack) -> None:
    from govplanner.domain.presets import new_plan

    model = _model(document, stack, "committee")
    model.sort(0)
    document.reset(new_plan("ics"))
    assert model.rowCount() == 0


# -- organisations and committees-in-common groups ------------------------------------------


@pytest.fixture
def bodies(document: PlanDocument) -> PlanDocument:
    plan = document.plan
    plan.organisations = [
        Organisation(id="org_icb", name="North ICB", type=OrganisationType.ICB, population=600000),
        Organisation(id="org_council", name="North Council"),
    ]
    plan.groups = [InCommonGroup(id="grp_cic", name="Cluster in common")]
    plan.committees[0].organisation_ids = ["org_icb", "org_council"]
    plan.committees[1].group_id = "grp_cic"
    return document


@pytest.mark.parametrize("factory", [organisations_model, groups_model])
def test_organisation_and_group_models_pass_the_contract(
    qtmodeltester: Any, bodies: PlanDocument, stack: QUndoStack, factory: Any
) -> None:
    model = factory(bodies, stack, Lookup(bodies))
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    cmd.execute(stack, cmd.add_item(bodies, "organisation", Organisation(name="South Trust")))
    cmd.execute(stack, cmd.add_item(bodies, "group", InCommonGroup(name="Another group")))
    cmd.execute(stack, cmd.delete_item(bodies, "organisation", "org_icb"))
    cmd.execute(stack, cmd.delete_item(bodies, "group", "grp_cic"))
    qtmodeltester.check(model)
    stack.undo()
    stack.undo()
    model.set_filter(lambda item: "north" in item.name.lower())
    qtmodeltester.check(model)


def test_organisation_rows_say_type_population_and_committees(
    bodies: PlanDocument, stack: QUndoStack
) -> None:
    model = organisations_model(bodies, stack, Lookup(bodies))
    assert _texts(model, "Organisation") == ["North ICB", "North Council"]
    assert _texts(model, "Type") == ["Integrated care board", "Other"]
    assert _texts(model, "Population") == ["600,000", ""]
    assert _texts(model, "Committees") == ["ICB Board", "ICB Board"]
    index = model.index(1, _column(model, "Population"))
    assert model.setData(index, "250,000")
    assert bodies.plan.organisations[1].population == 250000
    assert stack.undoText() == "Change population of organisation 'North Council'"
    assert not model.setData(index, "2.5")  # half a person is refused, nothing pushed
    assert stack.count() == 1
    groups = groups_model(bodies, stack, Lookup(bodies))
    assert _texts(groups, "Committees meeting in common") == ["Quality Committee"]
    committees = committees_model(bodies, stack, Lookup(bodies))
    assert _texts(committees, "Organisations")[0] == "North ICB; North Council (joint)"
    assert _texts(committees, "Kind")[0] == "Decision-making"


def test_same_titled_roles_are_told_apart(document: PlanDocument, stack: QUndoStack) -> None:
    from govplanner.domain.model import Seat

    twin = Role(id="rol_md2", title="Medical Director",
                seats=[Seat(committee_id=committee_id("Crisis Group"))])  # fmt: skip
    cmd.execute(stack, cmd.add_item(document, "role", twin))
    roles = _model(document, stack, "role")
    col = _column(roles, "Role")
    tips = [roles.index(r, col).data(Qt.ItemDataRole.ToolTipRole) for r in range(roles.rowCount())]
    assert "Medical Director (ICB Board, Quality Committee)" in tips
    assert "Medical Director (Crisis Group)" in tips
    assert "MH Lead" in tips  # a unique title needs nothing more
    board = document.get("committee", committee_id("ICB Board"))
    cmd.execute(stack, cmd.update_item(document, "committee", board.id, chair_role_id="rol_md2"))
    committees = _model(document, stack, "committee")
    assert _texts(committees, "Chair")[0] == "Medical Director (Crisis Group)"

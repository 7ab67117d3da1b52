"""The undo commands' edges: merging only like with like, empty and refused steps, re-acceptance."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import LineKind
from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Committee, Line, Role
from govplanner.gui import commands as cmd
from govplanner.gui.edits import DeleteEdit, InsertEdit, UpdateEdit
from tests.builders import committee_id, person_id, role_id, tier_id

KEY = "K|committee|x||"


def _typing(document: PlanDocument, edits: list[Any]) -> cmd.DocumentCommand:
    """A command that merges with others of its key, as typing in one field does."""
    return cmd.DocumentCommand(document, "Typing", edits, merge_key=("field",))


def test_typing_merges_only_single_field_updates(qapp: object, document: PlanDocument) -> None:
    stack = QUndoStack()
    board = committee_id("ICB Board")
    cmd.execute(stack, _typing(document, [UpdateEdit("committee", board, {"quorum": 2})]))
    added = Role(title="Typed Role")
    cmd.execute(stack, _typing(document, [InsertEdit("role", added)]))
    assert stack.count() == 2  # not an update: kept as its own step
    two = [
        UpdateEdit("committee", board, {"quorum": 3}),
        UpdateEdit("committee", board, {"quorum": 4}),
    ]
    cmd.execute(stack, _typing(document, two))
    assert stack.count() == 3  # two edits in one command never fold into the one before
    stack.undo()
    stack.undo()
    assert document.plan.role(added.id) is None
    assert document.plan.committee(board).quorum == 2  # type: ignore[union-attr]


def test_a_command_with_no_edits_is_not_pushed(qapp: object, document: PlanDocument) -> None:
    stack = QUndoStack()
    before = document.plan.model_dump_json()
    assert cmd.try_execute(stack, cmd.DocumentCommand(document, "Nothing", [])) is None
    assert stack.count() == 0
    assert document.plan.model_dump_json() == before


def test_try_execute_pushes_an_accepted_edit(qapp: object, document: PlanDocument) -> None:
    stack = QUndoStack()
    board = committee_id("ICB Board")
    command = cmd.update_item(document, "committee", board, quorum=5)
    assert cmd.try_execute(stack, command) is None
    assert stack.count() == 1
    assert document.plan.committee(board).quorum == 5  # type: ignore[union-attr]


def test_deleting_one_of_a_list_reads_as_one_delete(qapp: object, document: PlanDocument) -> None:
    command = cmd.delete_items(document, "role", [role_id("Crisis Lead")] * 2)
    assert command.text() == "Delete role 'Crisis Lead'"
    stack = QUndoStack()
    cmd.execute(stack, command)
    assert document.plan.role(role_id("Crisis Lead")) is None
    stack.undo()
    assert document.plan.role(role_id("Crisis Lead")) is not None


def test_first_line_to_nothing_drops_only_the_accountable_line() -> None:
    committee = Committee(
        name="Quality Committee",
        tier_id=tier_id("system"),
        lines=[Line(to_id="com_a"), Line(to_id="com_b", kind=LineKind.ADVISES)],
    )
    lines = cmd.first_line_to(committee, None)
    assert [(line.to_id, line.kind) for line in lines] == [("com_b", LineKind.ADVISES)]


def test_a_delete_refused_half_way_puts_back_what_it_changed(
    qapp: object, document: PlanDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dr Ada holds two roles: the cascade vacates them, then the removal itself fails."""
    before = document.plan.model_dump_json()

    def refuse(*_args: object) -> None:
        raise GovplannerError("The person cannot be removed.")

    monkeypatch.setattr(document, "remove", refuse)
    edit = DeleteEdit("person", person_id("Dr Ada"))
    with pytest.raises(GovplannerError):
        edit.apply(document)
    assert document.plan.model_dump_json() == before
    assert edit.steps == []


def test_undoing_a_second_acceptance_brings_back_the_first(
    qapp: object, document: PlanDocument
) -> None:
    stack = QUndoStack()
    cmd.execute(stack, cmd.accept_finding(document, KEY, "First reason", "X"))
    cmd.execute(stack, cmd.accept_finding(document, KEY, "Second reason", "X"))
    assert [a.rationale for a in document.plan.accepted] == ["Second reason"]
    stack.undo()
    assert [a.rationale for a in document.plan.accepted] == ["First reason"]
    stack.redo()
    assert [a.rationale for a in document.plan.accepted] == ["Second reason"]

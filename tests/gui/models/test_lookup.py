"""The shared look-ups drop only the indexes a change makes stale, and after any edits, undo
and redo answer exactly as look-ups built afresh on the same plan."""

from __future__ import annotations

import random
from typing import Any

from benchmarks.generate import plan_for_seats
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from govplanner.domain.model import Person, Role, Seat
from govplanner.gui import commands as cmd
from govplanner.gui.models.lookup import Lookup


def _answers(lookup: Lookup, document: PlanDocument) -> dict[str, Any]:
    plan = document.plan
    answers: dict[str, Any] = {
        "role_choices": lookup.role_choices(),
        "person_choices": lookup.person_choices(),
        "held": {k: [r.id for r in v] for k, v in lookup.held().items()},
    }
    for c in plan.committees:
        answers[f"on {c.id}"] = [r.id for r in lookup.roles_on(c.id)]
        answers[f"committee {c.id}"] = lookup.committee(c.id)
    for o in plan.organisations:
        answers[f"bodies {o.id}"] = [c.id for c in lookup.committees_of(o.id)]
    for g in plan.groups:
        answers[f"group {g.id}"] = [c.id for c in lookup.committees_in(g.id)]
    for kind in ("committee", "role", "person", "organisation", "tier", "group"):
        answers[f"names {kind}"] = lookup.names(kind)
    for r in plan.roles:
        answers[f"label {r.id}"] = lookup.role_label(r)
        answers[f"role {r.id}"] = lookup.role(r.id)
    for p in plan.people:
        answers[f"sessions {p.id}"] = lookup.sessions_held(p.id)
        answers[f"person {p.id}"] = lookup.person(p.id)
    return answers


def _edit(document: PlanDocument, stack: QUndoStack, rng: random.Random, step: int) -> None:
    plan = document.plan
    role, committee = rng.choice(plan.roles), rng.choice(plan.committees)
    choice = rng.random()
    if choice < 0.15 and stack.canUndo():
        stack.undo()
    elif choice < 0.2 and stack.canRedo():
        stack.redo()
    elif choice < 0.35:
        holder = None if role.holder_id else rng.choice(plan.people).id
        cmd.execute(stack, cmd.fill_role(document, role.id, holder))
    elif choice < 0.45:
        cmd.execute(stack, cmd.update_item(document, "role", role.id, title=f"Lead {step % 3}"))
    elif choice < 0.55:
        seats = [Seat(committee_id=committee.id)]
        cmd.execute(stack, cmd.update_item(document, "role", role.id, seats=seats))
    elif choice < 0.65:
        cmd.execute(stack, cmd.update_item(document, "committee", committee.id, name=f"C {step}"))
    elif choice < 0.72:
        groups = [None, *(g.id for g in plan.groups)]
        change = cmd.update_item(document, "committee", committee.id, group_id=rng.choice(groups))
        cmd.execute(stack, change)
    elif choice < 0.8:
        new = Role(title=f"Lead {step % 3}", seats=[Seat(committee_id=committee.id)])
        cmd.execute(stack, cmd.add_item(document, "role", new, rng.randrange(len(plan.roles))))
    elif choice < 0.87:
        cmd.execute(stack, cmd.add_item(document, "person", Person(name=f"A {step}")))
    elif choice < 0.93:
        cmd.execute(stack, cmd.delete_item(document, "role", role.id))
    else:
        cmd.execute(
            stack, cmd.update_item(document, "person", rng.choice(plan.people).id, name=f"Z {step}")
        )


def test_after_edits_undo_and_redo_the_answers_are_those_of_fresh_look_ups(qapp: Any) -> None:
    document = PlanDocument(plan_for_seats(150, seed=2))
    stack = QUndoStack()
    lookup = Lookup(document)
    rng = random.Random(11)
    for step in range(120):
        _edit(document, stack, rng, step)
        if step % 3 == 0:
            assert _answers(lookup, document) == _answers(Lookup(document), document)
    assert _answers(lookup, document) == _answers(Lookup(document), document)


def test_a_holder_change_keeps_the_role_picker_and_a_new_plan_drops_everything(
    qapp: Any,
) -> None:
    document = PlanDocument(plan_for_seats(150, seed=2))
    lookup = Lookup(document)
    choices = lookup.role_choices()
    role = next(r for r in document.plan.roles if r.holder_id is not None)
    document.update("role", role.id, holder_id=None)
    assert lookup.role_choices() is choices  # kept: holders are not in the labels
    assert role not in lookup.roles_held(role.holder_id or "")
    document.update("role", role.id, title="A quite new title")
    assert lookup.role_choices() is not choices
    document.reset(plan_for_seats(100, seed=4))
    assert lookup.role_choices() == Lookup(document).role_choices()

"""Reversible steps over the document's mutators; undo commands are lists of these.

Each edit records what it needs to revert itself the first time it is applied, so a command
built from edits can be undone and redone any number of times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from govplanner.domain.document import Item, Kind, PlanDocument
from govplanner.domain.enums import Function, Level, Requirement
from govplanner.domain.model import AcceptedFinding
from govplanner.domain.references import cascade


class Edit(Protocol):
    """One reversible change to the document."""

    def apply(self, document: PlanDocument) -> None: ...

    def revert(self, document: PlanDocument) -> None: ...


@dataclass
class InsertEdit:
    kind: Kind
    item: Item
    index: int | None = None

    def apply(self, document: PlanDocument) -> None:
        self.index = document.insert(self.kind, self.item, self.index)

    def revert(self, document: PlanDocument) -> None:
        document.remove(self.kind, self.item.id)


@dataclass
class RemoveEdit:
    kind: Kind
    item_id: str
    item: Any = None
    index: int = 0

    def apply(self, document: PlanDocument) -> None:
        self.item, self.index = document.remove(self.kind, self.item_id)

    def revert(self, document: PlanDocument) -> None:
        document.insert(self.kind, self.item, self.index)


@dataclass
class DeleteEdit:
    """Delete an item after the updates the domain's cascade says its referrers need.

    The cascade is worked out when applied, so several deletes in one command each see the
    plan as the one before left it; a refused delete raises ``DeleteRefusedError``.
    """

    kind: Kind
    item_id: str
    steps: list[UpdateEdit | RemoveEdit] = field(default_factory=list)

    def apply(self, document: PlanDocument) -> None:
        updates = cascade(document.plan, self.kind, self.item_id)
        steps: list[UpdateEdit | RemoveEdit] = [
            UpdateEdit(u.kind, u.item_id, u.values) for u in updates
        ]
        steps.append(RemoveEdit(self.kind, self.item_id))
        done: list[UpdateEdit | RemoveEdit] = []
        try:
            for step in steps:
                step.apply(document)
                done.append(step)
        except Exception:
            for step in reversed(done):
                step.revert(document)
            raise
        self.steps = steps

    def revert(self, document: PlanDocument) -> None:
        for step in reversed(self.steps):
            step.revert(document)


@dataclass
class UpdateEdit:
    kind: Kind
    item_id: str
    values: dict[str, Any]
    old: dict[str, Any] = field(default_factory=dict)

    def apply(self, document: PlanDocument) -> None:
        self.old = document.update(self.kind, self.item_id, **self.values)

    def revert(self, document: PlanDocument) -> None:
        document.update(self.kind, self.item_id, **self.old)


@dataclass
class MoveEdit:
    kind: Kind
    item_id: str
    new_index: int
    old_index: int = 0

    def apply(self, document: PlanDocument) -> None:
        self.old_index = document.move(self.kind, self.item_id, self.new_index)

    def revert(self, document: PlanDocument) -> None:
        document.move(self.kind, self.item_id, self.old_index)


@dataclass
class PlanFieldsEdit:
    values: dict[str, Any]
    old: dict[str, Any] = field(default_factory=dict)

    def apply(self, document: PlanDocument) -> None:
        self.old = document.set_plan_fields(**self.values)

    def revert(self, document: PlanDocument) -> None:
        document.set_plan_fields(**self.old)


@dataclass
class RequirementEdit:
    level: Level
    stage_id: str
    function: Function
    requirement: Requirement | None
    old: Requirement | None = None

    def apply(self, document: PlanDocument) -> None:
        self.old = document.set_requirement(
            self.level, self.stage_id, self.function, self.requirement
        )

    def revert(self, document: PlanDocument) -> None:
        document.set_requirement(self.level, self.stage_id, self.function, self.old)


@dataclass
class AcceptEdit:
    accepted: AcceptedFinding
    replaced: AcceptedFinding | None = None

    def apply(self, document: PlanDocument) -> None:
        self.replaced = document.accept(self.accepted)

    def revert(self, document: PlanDocument) -> None:
        document.unaccept(self.accepted.key)
        if self.replaced is not None:
            document.accept(self.replaced)


@dataclass
class UnacceptEdit:
    key: str
    removed: AcceptedFinding | None = None

    def apply(self, document: PlanDocument) -> None:
        self.removed = document.unaccept(self.key)

    def revert(self, document: PlanDocument) -> None:
        if self.removed is not None:
            document.accept(self.removed)

"""Every user edit as a QUndoCommand with a readable text, built from reversible edits.

Use :func:`execute` to run a command: it applies the edits first and pushes the command only
when the document accepted them, so a refused edit never lands on the undo stack.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from govplanner.domain.document import Item, Kind, PlanDocument
from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import AcceptedFinding, Committee, Person, Role
from govplanner.domain.vocabulary import words
from govplanner.gui.edits import (
    AcceptEdit,
    Edit,
    InsertEdit,
    RemoveEdit,
    UnacceptEdit,
    UpdateEdit,
)

_NOUNS: dict[str, str] = {
    "tier": "tier",
    "stage": "stage",
    "committee": "committee",
    "role": "role",
    "person": "person",
}


def noun(document: PlanDocument, kind: str, plural: bool = False) -> str:
    """What the plan calls an item of ``kind`` ('forum' for a committee, 'posts' for roles)."""
    if kind == "person":
        return "people" if plural else "person"
    if kind in ("committee", "tier", "role"):
        return str(getattr(words(document.plan), f"{kind}s" if plural else kind))
    return f"{_NOUNS[kind]}s" if plural else _NOUNS[kind]


class DocumentCommand(QUndoCommand):
    """An undoable list of edits, applied in order and reverted in reverse order."""

    def __init__(self, document: PlanDocument, text: str, edits: Sequence[Edit]) -> None:
        super().__init__(text)
        self.document = document
        self.edits = list(edits)
        self._skip_next_redo = False

    def apply(self) -> None:
        """Apply every edit; on a refusal revert those already applied and re-raise."""
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit.apply(self.document)
                done.append(edit)
        except Exception:
            for edit in reversed(done):
                edit.revert(self.document)
            raise

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            return
        self.apply()

    def undo(self) -> None:
        for edit in reversed(self.edits):
            edit.revert(self.document)


def execute(stack: QUndoStack, command: DocumentCommand) -> None:
    """Apply ``command`` and push it; raises the document's error (nothing pushed) if refused."""
    if not command.edits:
        return
    command.apply()
    command._skip_next_redo = True
    stack.push(command)


def try_execute(stack: QUndoStack, command: DocumentCommand) -> str | None:
    """Like :func:`execute` but returns the refusal's plain-English message (None if done)."""
    try:
        execute(stack, command)
    except GovplannerError as exc:
        return str(exc)
    return None


# -- names ------------------------------------------------------------------------------------


def label_of(item: Any) -> str:
    """The name a user knows an item by (roles have titles, the rest names)."""
    return str(getattr(item, "title", None) or getattr(item, "name", ""))


# -- single edits ------------------------------------------------------------------------------


def add_item(document: PlanDocument, kind: Kind, item: Item, index: int | None = None) -> Any:
    return DocumentCommand(
        document, f"Add {noun(document, kind)} '{label_of(item)}'", [InsertEdit(kind, item, index)]
    )


def update_item(
    document: PlanDocument, kind: Kind, item_id: str, *, text: str | None = None, **values: Any
) -> DocumentCommand:
    """Set fields of an item; the text says 'Rename …' for names and 'Change …' otherwise."""
    item = document.get(kind, item_id)
    if text is None:
        text = _update_text(noun(document, kind), item, values)
    return DocumentCommand(document, text, [UpdateEdit(kind, item_id, dict(values))])


def _update_text(noun: str, item: Any, values: dict[str, Any]) -> str:
    name = label_of(item)
    new_name = values.get("title", values.get("name"))
    if new_name is not None and len(values) == 1:
        return f"Rename {noun} '{name}' to '{new_name}'"
    fields = ", ".join(f.replace("_id", "").replace("_", " ") for f in values)
    return f"Change {fields} of {noun} '{name}'"


def remove_item(document: PlanDocument, kind: Kind, item_id: str) -> DocumentCommand:
    item = document.get(kind, item_id)
    return DocumentCommand(
        document, f"Delete {noun(document, kind)} '{label_of(item)}'", [RemoveEdit(kind, item_id)]
    )


# -- compound edits -----------------------------------------------------------------------------


def delete_committee(document: PlanDocument, committee_id: str) -> DocumentCommand:
    """Delete a committee: unseat its roles, re-parent its reporting children, then remove it."""
    committee: Committee = document.get("committee", committee_id)
    edits: list[Edit] = []
    for role in document.plan.roles:
        if committee_id in role.committee_ids:
            seats = [c for c in role.committee_ids if c != committee_id]
            edits.append(UpdateEdit("role", role.id, {"committee_ids": seats}))
    for child in document.plan.committees:
        if child.reports_to_id == committee_id:
            edits.append(
                UpdateEdit("committee", child.id, {"reports_to_id": committee.reports_to_id})
            )
    edits.append(RemoveEdit("committee", committee_id))
    return DocumentCommand(
        document, f"Delete {noun(document, 'committee')} '{committee.name}'", edits
    )


def delete_role(document: PlanDocument, role_id: str) -> DocumentCommand:
    """Delete a role, first clearing it as chair of any committee."""
    role: Role = document.get("role", role_id)
    edits: list[Edit] = [
        UpdateEdit("committee", c.id, {"chair_role_id": None})
        for c in document.plan.committees
        if c.chair_role_id == role_id
    ]
    edits.append(RemoveEdit("role", role_id))
    return DocumentCommand(document, f"Delete {noun(document, 'role')} '{role.title}'", edits)


def delete_person(document: PlanDocument, person_id: str) -> DocumentCommand:
    """Delete a person, leaving the roles they held vacant."""
    person: Person = document.get("person", person_id)
    edits: list[Edit] = [
        UpdateEdit("role", r.id, {"holder_id": None})
        for r in document.plan.roles
        if r.holder_id == person_id
    ]
    edits.append(RemoveEdit("person", person_id))
    return DocumentCommand(document, f"Delete person '{person.name}'", edits)


def delete_items(document: PlanDocument, kind: Kind, item_ids: Iterable[str]) -> DocumentCommand:
    """Delete one or more items of a kind as one command (compound where needed)."""
    single = {"committee": delete_committee, "role": delete_role, "person": delete_person}
    ids = list(dict.fromkeys(item_ids))
    if len(ids) == 1:
        return single.get(kind, lambda d, i: remove_item(d, kind, i))(document, ids[0])
    command = DocumentCommand(
        document, f"Delete {len(ids)} {noun(document, kind, plural=True)}", []
    )
    command.edits = [_LazyEdit(kind, i, single.get(kind)) for i in ids]
    return command


class _LazyEdit:
    """Builds a compound deletion when applied, so each sees the plan as the previous left it."""

    def __init__(self, kind: Kind, item_id: str, factory: Any) -> None:
        self.kind, self.item_id, self.factory = kind, item_id, factory
        self.inner: DocumentCommand | None = None

    def apply(self, document: PlanDocument) -> None:
        if self.inner is None:
            factory = self.factory or (lambda d, i: remove_item(d, self.kind, i))
            self.inner = factory(document, self.item_id)
        self.inner.apply()

    def revert(self, document: PlanDocument) -> None:
        assert self.inner is not None
        self.inner.undo()


def fill_role(document: PlanDocument, role_id: str, person_id: str | None) -> DocumentCommand:
    """Put a person into a role, or make it vacant (None)."""
    role: Role = document.get("role", role_id)
    if person_id is None:
        text = f"Make {noun(document, 'role')} '{role.title}' vacant"
    else:
        who = document.get("person", person_id).name
        text = f"Fill {noun(document, 'role')} '{role.title}' with '{who}'"
    return DocumentCommand(document, text, [UpdateEdit("role", role_id, {"holder_id": person_id})])


def fill_role_with_new_person(
    document: PlanDocument, role_id: str, person: Person
) -> DocumentCommand:
    """Create a person and put them into a role, as one command."""
    role: Role = document.get("role", role_id)
    return DocumentCommand(
        document,
        f"Fill {noun(document, 'role')} '{role.title}' with new person '{person.name}'",
        [InsertEdit("person", person), UpdateEdit("role", role_id, {"holder_id": person.id})],
    )


def move_committee(
    document: PlanDocument, committee_id: str, *, tier_id: str | None = None, reports_to: str = ""
) -> DocumentCommand:
    """A drag in the structure tree: to another tier, or to report to another committee."""
    committee: Committee = document.get("committee", committee_id)
    values: dict[str, Any] = {}
    text = ""
    if tier_id is not None and tier_id != committee.tier_id:
        values["tier_id"] = tier_id
        tier = document.get("tier", tier_id).name
        text = (
            f"Move {noun(document, 'committee')} '{committee.name}' "
            f"to {noun(document, 'tier')} '{tier}'"
        )
    if reports_to not in ("", committee.reports_to_id):
        parent = document.get("committee", reports_to)
        values["reports_to_id"] = reports_to
        text = f"Make {noun(document, 'committee')} '{committee.name}' report to '{parent.name}'"
    edits: list[Edit] = [UpdateEdit("committee", committee_id, values)] if values else []
    return DocumentCommand(document, text, edits)


def accept_finding(
    document: PlanDocument, key: str, rationale: str, subject: str, accepted_by: str = ""
) -> DocumentCommand:
    accepted = AcceptedFinding(key=key, rationale=rationale, accepted_by=accepted_by)
    return DocumentCommand(document, f"Accept finding on '{subject}'", [AcceptEdit(accepted)])


def unaccept_finding(document: PlanDocument, key: str, subject: str) -> DocumentCommand:
    return DocumentCommand(document, f"Withdraw acceptance on '{subject}'", [UnacceptEdit(key)])

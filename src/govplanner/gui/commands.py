"""Every user edit as a QUndoCommand with a readable text, built from reversible edits.

Use :func:`execute` to run a command: it applies the edits first and pushes the command only
when the document accepted them, so a refused edit never lands on the undo stack.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from govplanner.domain.document import Item, Kind, PlanDocument
from govplanner.domain.enums import LineKind
from govplanner.domain.errors import GovplannerError
from govplanner.domain.items import ITEM_KINDS, label_of
from govplanner.domain.model import AcceptedFinding, Committee, Line, Person, Role
from govplanner.domain.vocabulary import words
from govplanner.gui.edits import (
    AcceptEdit,
    DeleteEdit,
    Edit,
    InsertEdit,
    UnacceptEdit,
    UpdateEdit,
)


def noun(document: PlanDocument, kind: str, plural: bool = False) -> str:
    """What the plan calls an item of ``kind`` ('forum' for a committee, 'posts' for roles)."""
    info = ITEM_KINDS[kind]  # type: ignore[index]
    if info.renamable:
        return str(getattr(words(document.plan), f"{kind}s" if plural else kind))
    return info.plural if plural else info.noun


class DocumentCommand(QUndoCommand):
    """An undoable list of edits, applied in order and reverted in reverse order.

    A command with a ``merge_key`` (typing into one field) merges with the command before it
    when that has the same key, so a word typed letter by letter is one undo step.
    """

    def __init__(
        self,
        document: PlanDocument,
        text: str,
        edits: Sequence[Edit],
        merge_key: tuple[Any, ...] | None = None,
        retitle: Callable[[dict[str, Any]], str] | None = None,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.edits = list(edits)
        self.merge_key = merge_key
        #: the text of the merged command, from its newest values
        self.retitle = retitle
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

    def id(self) -> int:
        return -1 if self.merge_key is None else _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DocumentCommand) or other.merge_key != self.merge_key:
            return False
        mine, theirs = self.edits, other.edits
        if not (len(mine) == len(theirs) == 1):
            return False
        first, last = mine[0], theirs[0]
        if not (isinstance(first, UpdateEdit) and isinstance(last, UpdateEdit)):
            return False
        first.values = dict(last.values)
        self.setText(self.retitle(first.values) if self.retitle else other.text())
        # Typed back to where it started: the stack drops the command altogether.
        self.setObsolete(first.values == first.old)
        return True


#: Qt merges only commands of one id; merge keys tell ours apart.
_MERGE_ID = 1


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


# -- single edits ------------------------------------------------------------------------------


def add_item(document: PlanDocument, kind: Kind, item: Item, index: int | None = None) -> Any:
    return DocumentCommand(
        document, f"Add {noun(document, kind)} '{label_of(item)}'", [InsertEdit(kind, item, index)]
    )


def update_item(
    document: PlanDocument,
    kind: Kind,
    item_id: str,
    /,
    *,
    text: str | None = None,
    merge_key: tuple[Any, ...] | None = None,
    **values: Any,
) -> DocumentCommand:
    """Set fields of an item; the text says 'Rename …' for names and 'Change …' otherwise.

    With ``merge_key`` (typing), later commands of the same key merge into this one.
    """
    item = document.get(kind, item_id)
    word, label = noun(document, kind), label_of(item)

    def retitle(new: dict[str, Any]) -> str:
        return text if text is not None else _update_text(word, label, new)

    return DocumentCommand(
        document,
        retitle(values),
        [UpdateEdit(kind, item_id, dict(values))],
        merge_key=None if merge_key is None else (kind, item_id, *merge_key),
        retitle=retitle,
    )


def _update_text(noun: str, name: str, values: dict[str, Any]) -> str:
    new_name = values.get("title", values.get("name"))
    if new_name is not None and len(values) == 1:
        return f"Rename {noun} '{name}' to '{new_name}'"
    fields = ", ".join(f.replace("_ids", "s").replace("_id", "").replace("_", " ") for f in values)
    return f"Change {fields} of {noun} '{name}'"


# -- deleting: the domain's cascade, one command -----------------------------------------------


def delete_item(document: PlanDocument, kind: Kind, item_id: str) -> DocumentCommand:
    """Delete an item and update what refers to it, per the domain's table of references.

    A refused delete (a tier that still has committees) raises when the command is run,
    with a message that says what to do first.
    """
    item = document.get(kind, item_id)
    return DocumentCommand(
        document, f"Delete {noun(document, kind)} '{label_of(item)}'", [DeleteEdit(kind, item_id)]
    )


#: The older name: every delete now goes through the cascade.
remove_item = delete_item


def delete_items(document: PlanDocument, kind: Kind, item_ids: Iterable[str]) -> DocumentCommand:
    """Delete one or more items of a kind as one command; each sees the plan the last left."""
    ids = list(dict.fromkeys(item_ids))
    if len(ids) == 1:
        return delete_item(document, kind, ids[0])
    text = f"Delete {len(ids)} {noun(document, kind, plural=True)}"
    return DocumentCommand(document, text, [DeleteEdit(kind, i) for i in ids])


# -- compound edits -----------------------------------------------------------------------------


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
    """A drag in the structure tree: to another tier, or to be accountable to another committee.

    Being made accountable to a committee replaces the first accountable line (the one the
    tree nests by); other lines, advisory ones included, stay.
    """
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
        values["lines"] = first_line_to(committee, reports_to)
        text = (
            f"Make {noun(document, 'committee')} '{committee.name}' accountable to '{parent.name}'"
        )
    edits: list[Edit] = [UpdateEdit("committee", committee_id, values)] if values else []
    return DocumentCommand(document, text, edits)


def first_line_to(committee: Committee, target: str | None) -> list[Line]:
    """The committee's lines with its first accountable line pointing at ``target`` (None: gone).

    A line to ``target`` of either kind is dropped first, so no two lines join the same pair.
    """
    lines = [copy.copy(line) for line in committee.lines if line.to_id != target]
    at = next((n for n, line in enumerate(lines) if line.kind is LineKind.ACCOUNTABLE), None)
    if at is not None:
        del lines[at]
    if target is None:
        return lines
    return (
        [Line(to_id=target), *lines]
        if at is None
        else [*lines[:at], Line(to_id=target), *lines[at:]]
    )


def accept_finding(
    document: PlanDocument, key: str, rationale: str, subject: str, accepted_by: str = ""
) -> DocumentCommand:
    accepted = AcceptedFinding(key=key, rationale=rationale, accepted_by=accepted_by)
    return DocumentCommand(document, f"Accept finding on '{subject}'", [AcceptEdit(accepted)])


def unaccept_finding(document: PlanDocument, key: str, subject: str) -> DocumentCommand:
    return DocumentCommand(document, f"Withdraw acceptance on '{subject}'", [UnacceptEdit(key)])

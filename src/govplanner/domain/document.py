"""The open plan and the only way to change it: small mutators that notify listeners.

The GUI wraps each user edit in an undo command that calls these mutators; listeners (item
models, the diagram, the live analysis) hear about every change before and after it happens.
Plain Python callbacks keep the domain free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from govplanner.domain.enums import Function, Level, Requirement
from govplanner.domain.errors import GovplannerError
from govplanner.domain.items import ITEM_KINDS, Item, Kind
from govplanner.domain.model import AcceptedFinding, Plan

__all__ = ["Change", "EditError", "Item", "Kind", "PlanDocument"]

Action = Literal["added", "removed", "updated", "moved", "reset", "plan", "profile", "accepted"]

#: Plan-level fields set through :meth:`PlanDocument.set_plan_fields`.
PLAN_FIELDS = frozenset(
    {
        "name",
        "description",
        "default_capacity",
        "programmes",
        "profession_synonyms",
        "vocabulary",
        "term_warning_days",
        "kind_rules",
        "cost_per_session",
        "profession_costs",
        "effective_date",
    }
)


@dataclass(frozen=True)
class Change:
    """One change to the document. ``kind`` is None for plan-wide changes."""

    action: Action
    kind: Kind | None = None
    item_id: str | None = None
    index: int | None = None
    fields: tuple[str, ...] = ()


Listener = Callable[[Change], None]


class EditError(GovplannerError):
    """An edit the document refused (unknown item, invalid value); nothing was changed."""


@dataclass
class PlanDocument:
    """The plan being edited, the file it came from, and who listens to its changes."""

    plan: Plan = field(default_factory=Plan)
    path: Path | None = None
    revision: int = 0
    _before: list[Listener] = field(default_factory=list, repr=False)
    _after: list[Listener] = field(default_factory=list, repr=False)
    #: per kind: the list indexed and each id's position in it (see :meth:`_position`)
    _index: dict[Kind, tuple[list[Any], dict[str, int]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    # -- listeners -------------------------------------------------------------------------

    def subscribe(self, after: Listener, before: Listener | None = None) -> Callable[[], None]:
        """Call ``after`` (and ``before``) around every change; returns an unsubscribe."""
        self._after.append(after)
        if before is not None:
            self._before.append(before)

        def unsubscribe() -> None:
            if after in self._after:
                self._after.remove(after)
            if before is not None and before in self._before:
                self._before.remove(before)

        return unsubscribe

    def _notify_before(self, change: Change) -> None:
        for listener in list(self._before):
            listener(change)

    def _notify_after(self, change: Change) -> None:
        self.revision += 1
        for listener in list(self._after):
            listener(change)

    # -- reading ---------------------------------------------------------------------------

    def items(self, kind: Kind) -> list[Any]:
        """The plan's own list for ``kind`` (read it; change it only through the mutators)."""
        items: list[Any] = getattr(self.plan, ITEM_KINDS[kind].list_name)
        return items

    def index_of(self, kind: Kind, item_id: str) -> int:
        at = self._position(kind, item_id)
        if at is None:
            raise EditError(f"There is no {kind} with id '{item_id}' in the plan.")
        return at

    def _position(self, kind: Kind, item_id: str) -> int | None:
        """Where ``item_id`` is in its list, or None: a dict look-up, not a search.

        The index is checked on every use (the item found must have the id asked for, the
        list must be the one indexed) and built afresh when it is wrong or has no answer, so
        a list changed behind the mutators' back (a new plan, a direct append) is still
        answered correctly; the mutators keep it right so that this is rare.
        """
        items = self.items(kind)
        indexed = self._index.get(kind)
        if indexed is not None and indexed[0] is items:
            at = indexed[1].get(item_id)
            if at is not None and at < len(items) and items[at].id == item_id:
                return at
        positions: dict[str, int] = {}
        for i, item in enumerate(items):
            positions.setdefault(item.id, i)  # the first of any repeated id, as a search finds
        self._index[kind] = (items, positions)
        return positions.get(item_id)

    def _moved(self, kind: Kind, start: int) -> None:
        """Positions from ``start`` on have shifted: re-number them in the index (which the
        mutator's own look-up has just made sure is of this list)."""
        items, positions = self._index[kind]
        for i in range(start, len(items)):
            positions[items[i].id] = i

    def get(self, kind: Kind, item_id: str) -> Any:
        return self.items(kind)[self.index_of(kind, item_id)]

    # -- item mutators ---------------------------------------------------------------------

    def insert(self, kind: Kind, item: Item, index: int | None = None) -> int:
        """Insert ``item`` at ``index`` (default: the end); returns where it went."""
        items = self.items(kind)
        if self._position(kind, item.id) is not None:
            raise EditError(f"A {kind} with id '{item.id}' is already in the plan.")
        at = len(items) if index is None else max(0, min(index, len(items)))
        change = Change("added", kind, item.id, at)
        self._notify_before(change)
        items.insert(at, item)
        self._moved(kind, at)
        self._notify_after(change)
        return at

    def remove(self, kind: Kind, item_id: str) -> tuple[Any, int]:
        """Remove an item; returns it and its index so an undo can put it back."""
        at = self.index_of(kind, item_id)
        change = Change("removed", kind, item_id, at)
        self._notify_before(change)
        item = self.items(kind).pop(at)
        del self._index[kind][1][item_id]
        self._moved(kind, at)
        self._notify_after(change)
        return item, at

    def update(self, kind: Kind, item_id: str, /, **values: Any) -> dict[str, Any]:
        """Set fields of an item (validated); returns the old values, for undo.

        ``kind`` and ``item_id`` are positional only, so a committee's own ``kind`` field can
        be set too: ``update("committee", cid, kind=CommitteeKind.ASSURANCE)``.
        """
        at = self.index_of(kind, item_id)
        item = self.items(kind)[at]
        unknown = set(values) - set(type(item).model_fields) - {"id"}
        if unknown or "id" in values:
            raise EditError(f"A {kind} has no field(s) {', '.join(sorted(unknown or {'id'}))}.")
        old = {name: getattr(item, name) for name in values}
        candidate = item.model_dump()
        candidate.update(values)
        try:
            validated = type(item).model_validate(candidate)
        except ValidationError as exc:
            raise EditError(_plain_validation_message(kind, exc)) from None
        change = Change("updated", kind, item_id, at, tuple(values))
        self._notify_before(change)
        for name in values:
            # Assign the validated value (already coerced) without validating twice.
            object.__setattr__(item, name, getattr(validated, name))
        self._notify_after(change)
        return old

    def move(self, kind: Kind, item_id: str, new_index: int) -> int:
        """Move an item within its list; returns its old index."""
        items = self.items(kind)
        old_index = self.index_of(kind, item_id)
        new_index = max(0, min(new_index, len(items) - 1))
        change = Change("moved", kind, item_id, new_index)
        self._notify_before(change)
        items.insert(new_index, items.pop(old_index))
        self._moved(kind, min(old_index, new_index))
        self._notify_after(change)
        return old_index

    # -- plan-wide mutators ------------------------------------------------------------------

    def set_plan_fields(self, **values: Any) -> dict[str, Any]:
        """Set plan-level settings (name, description, default capacity, tables)."""
        unknown = set(values) - PLAN_FIELDS
        if unknown:
            raise EditError(f"The plan has no setting(s) {', '.join(sorted(unknown))}.")
        old = {name: getattr(self.plan, name) for name in values}
        change = Change("plan", fields=tuple(values))
        self._notify_before(change)
        try:
            for name, value in values.items():
                setattr(self.plan, name, value)
        except ValidationError as exc:
            for name, value in old.items():
                object.__setattr__(self.plan, name, value)
            raise EditError(_plain_validation_message("plan", exc)) from None
        self._notify_after(change)
        return old

    def set_requirement(
        self, level: Level, stage_id: str, function: Function, requirement: Requirement | None
    ) -> Requirement | None:
        """Set one profile entry (None removes it, falling back to the default)."""
        by_function = self.plan.profile.setdefault(level, {}).setdefault(stage_id, {})
        old = by_function.get(function)
        change = Change("profile", fields=(level.value, stage_id, function.value))
        self._notify_before(change)
        if requirement is None:
            by_function.pop(function, None)
            # Leave no empty entries behind: a stage key without entries would outlive a
            # deleted stage and fail the integrity check.
            if not by_function:
                by_stage = self.plan.profile[level]
                del by_stage[stage_id]
                if not by_stage:
                    del self.plan.profile[level]
        else:
            by_function[function] = requirement
        self._notify_after(change)
        return old

    def accept(self, accepted: AcceptedFinding) -> AcceptedFinding | None:
        """Record that a finding is accepted; returns any acceptance it replaces."""
        old = self.unaccept(accepted.key, notify=False)
        change = Change("accepted", item_id=accepted.key)
        self._notify_before(change)
        self.plan.accepted.append(accepted)
        self._notify_after(change)
        return old

    def unaccept(self, key: str, *, notify: bool = True) -> AcceptedFinding | None:
        """Withdraw an acceptance; returns it (or None if the finding was not accepted)."""
        found = next((a for a in self.plan.accepted if a.key == key), None)
        if found is None:
            return None
        change = Change("accepted", item_id=key)
        if notify:
            self._notify_before(change)
        self.plan.accepted.remove(found)
        if notify:
            self._notify_after(change)
        return found

    def reset(self, plan: Plan, path: Path | None = None) -> None:
        """Replace the whole plan (open, new, import)."""
        change = Change("reset")
        self._notify_before(change)
        self.plan = plan
        self.path = path
        self._notify_after(change)


def _plain_validation_message(kind: str, exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"That value is not valid for the {kind}'s {where or 'field'}: {first.get('msg', '')}."

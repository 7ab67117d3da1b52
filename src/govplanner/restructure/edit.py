"""Remove committees or roles from a copy of a plan, following the references table's cascades."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from govplanner.domain.items import Kind, items_of
from govplanner.domain.model import Plan
from govplanner.domain.references import REFERENCES, OnDelete, cascade


def _apply(plan: Plan, kind: Kind, item_id: str, values: dict[str, Any]) -> None:
    item = next(i for i in items_of(plan, kind) if i.id == item_id)
    for name, value in values.items():
        setattr(item, name, value)


def remove_committees(plan: Plan, committee_ids: Collection[str]) -> Plan:
    """A copy without these committees: lines re-parented, seats dropped, as a delete does."""
    copy = plan.model_copy(deep=True)
    for cid in committee_ids:
        for update in cascade(copy, "committee", cid):
            _apply(copy, update.kind, update.item_id, update.values)
        copy.committees = [c for c in copy.committees if c.id != cid]
    return copy


def remove_roles(plan: Plan, role_ids: Collection[str]) -> Plan:
    """A copy without these roles; chairs and deputies that named them are cleared.

    One pass per reference to a role (not one per role), so retiring thousands of roles of a
    national plan stays linear.
    """
    gone = set(role_ids)
    copy = plan.model_copy(deep=True)
    copy.roles = [r for r in copy.roles if r.id not in gone]
    for ref in REFERENCES:
        if ref.target != "role":
            continue
        if ref.on_delete not in (OnDelete.CLEAR, OnDelete.DROP):
            raise NotImplementedError(f"a reference to roles that {ref.on_delete.value}s")
        for item in items_of(copy, ref.source):
            value = getattr(item, ref.field)
            if ref.on_delete is OnDelete.CLEAR:
                if value in gone:
                    setattr(item, ref.field, None)
            elif ref.entry_field is not None:
                kept = [e for e in value if getattr(e, ref.entry_field) not in gone]
                if len(kept) != len(value):
                    setattr(item, ref.field, kept)
            elif any(v in gone for v in value):
                setattr(item, ref.field, [v for v in value if v not in gone])
    return copy

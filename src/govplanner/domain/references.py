"""The one table of references between items, and what deleting a target does to each.

Integrity checks (:mod:`govplanner.domain.integrity`) and delete cascades (here) both come
from :data:`REFERENCES`, so a new reference cannot land unchecked or leave a dangling id
behind a delete. The GUI wraps :func:`cascade` in one undo command.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from govplanner.domain.errors import GovplannerError
from govplanner.domain.items import Kind, items_of, label_of
from govplanner.domain.model import Line, Plan


class OnDelete(StrEnum):
    """What deleting the target does to a reference."""

    CLEAR = "clear"  # set the field to None
    DROP = "drop"  # remove the id (or the entry holding it) from the list
    REPARENT = "reparent"  # lines: point at the deleted committee's own targets instead
    REFUSE = "refuse"  # the delete is refused while anything refers to the target


@dataclass(frozen=True)
class Reference:
    source: Kind
    #: the field holding the id, a list of ids, or a list of entries
    field: str
    target: Kind
    on_delete: OnDelete
    #: for a list of entries: the entry's attribute holding the id
    entry_field: str | None = None
    #: a list of plain ids
    many: bool = False
    #: how a problem reads: "{source} '{name}' {what} that does not exist."
    what: str = ""
    #: may an item refer to itself through this reference?
    self_allowed: bool = True

    @property
    def verb(self) -> str:
        """``what`` without its object: 'has a line to', 'deputises for', 'is on'."""
        return self.what.rsplit(" a ", 1)[0].rsplit(" an ", 1)[0]


REFERENCES: tuple[Reference, ...] = (
    Reference("committee", "tier_id", "tier", OnDelete.REFUSE, what="is on a tier"),
    Reference("committee", "stage_id", "stage", OnDelete.CLEAR, what="is at a stage"),
    Reference(
        "committee",
        "organisation_ids",
        "organisation",
        OnDelete.DROP,
        many=True,
        what="belongs to an organisation",
    ),
    Reference("committee", "group_id", "group", OnDelete.CLEAR, what="meets in a group"),
    Reference(
        "committee",
        "lines",
        "committee",
        OnDelete.REPARENT,
        entry_field="to_id",
        what="has a line to a committee",
        self_allowed=False,
    ),
    Reference("committee", "chair_role_id", "role", OnDelete.CLEAR, what="is chaired by a role"),
    Reference(
        "role",
        "seats",
        "committee",
        OnDelete.DROP,
        entry_field="committee_id",
        what="sits on a committee",
    ),
    Reference(
        "role",
        "organisation_ids",
        "organisation",
        OnDelete.DROP,
        many=True,
        what="comes from an organisation",
    ),
    Reference(
        "role",
        "deputy_for_id",
        "role",
        OnDelete.CLEAR,
        what="deputises for a role",
        self_allowed=False,
    ),
    Reference("role", "holder_id", "person", OnDelete.CLEAR, what="is held by a person"),
)


def referenced_ids(item: Any, ref: Reference) -> list[str]:
    """The ids ``item`` holds through ``ref`` (none, one or several)."""
    value = getattr(item, ref.field)
    if ref.entry_field is not None:
        return [getattr(entry, ref.entry_field) for entry in value]
    if ref.many:
        return list(value)
    return [] if value is None else [value]


def referrers(plan: Plan, kind: Kind, item_id: str) -> Iterator[tuple[Reference, Any]]:
    """Every (reference, item) pair that points at the item."""
    for ref in REFERENCES:
        if ref.target != kind:
            continue
        for item in items_of(plan, ref.source):
            if item.id != item_id and item_id in referenced_ids(item, ref):
                yield ref, item


class DeleteRefusedError(GovplannerError):
    """A delete that would leave items without a required target (a tier with committees)."""


@dataclass(frozen=True)
class Update:
    """One field change a cascade makes: item ``kind``/``item_id`` gets ``values``."""

    kind: Kind
    item_id: str
    values: dict[str, Any]


def cascade(plan: Plan, kind: Kind, item_id: str) -> list[Update]:
    """The updates that deleting the item needs first, per :data:`REFERENCES`.

    Raises :class:`DeleteRefusedError` when a ``REFUSE`` reference points at it. Several
    references of one item are merged into one update per item.
    """
    deleted = next(i for i in items_of(plan, kind) if i.id == item_id)
    merged: dict[tuple[Kind, str], dict[str, Any]] = {}
    for ref, item in referrers(plan, kind, item_id):
        if ref.on_delete is OnDelete.REFUSE:
            raise DeleteRefusedError(
                f"The {kind} '{label_of(deleted)}' cannot be deleted while "
                f"{ref.source} '{label_of(item)}' {ref.verb} it: move or "
                f"delete that {ref.source} first."
            )
        values = merged.setdefault((ref.source, item.id), {})
        values[ref.field] = _without(item, ref, item_id, deleted)
    return [Update(k, i, v) for (k, i), v in merged.items()]


def _without(item: Any, ref: Reference, target_id: str, deleted: Any) -> Any:
    if ref.on_delete is OnDelete.CLEAR:
        return None
    value = getattr(item, ref.field)
    if ref.entry_field is None:  # a list of plain ids
        return [v for v in value if v != target_id]
    kept = [e for e in value if getattr(e, ref.entry_field) != target_id]
    if ref.on_delete is OnDelete.REPARENT:
        kept = _reparent(item, value, kept, target_id, deleted)
    return [copy.copy(e) for e in kept]  # entries: models (lines) or dataclasses (seats)


def _reparent(
    item: Any, lines: list[Line], kept: list[Line], gone: str, deleted: Any
) -> list[Line]:
    """A committee whose accountable line pointed at a deleted one answers to its targets."""
    if not any(line.to_id == gone and line.kind == "accountable" for line in lines):
        return kept
    have = {(line.to_id, line.kind) for line in kept}
    for line in deleted.lines:
        key = (line.to_id, line.kind)
        if line.kind == "accountable" and line.to_id != item.id and key not in have:
            kept.append(Line(to_id=line.to_id))
            have.add(key)
    return kept

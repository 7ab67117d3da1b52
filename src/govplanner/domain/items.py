"""The one table of item kinds: model, list on the plan, id prefix and the nouns for each.

Everything that walks "every kind of item" (the document, integrity, the register, the GUI's
tables and undo commands) reads this table instead of spelling the kinds out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from govplanner.domain.model import (
    Committee,
    InCommonGroup,
    Organisation,
    Person,
    Plan,
    Role,
    Stage,
    Tier,
)

Kind = Literal["tier", "stage", "organisation", "group", "committee", "role", "person"]
Item = Tier | Stage | Organisation | InCommonGroup | Committee | Role | Person


@dataclass(frozen=True)
class ItemKind:
    key: Kind
    #: its class: a pydantic model, or a slotted pydantic dataclass (roles, people)
    model: type[Item]
    #: the plan's list attribute holding items of this kind
    list_name: str
    #: the id prefix of new items
    prefix: str
    noun: str
    plural: str
    #: the attribute a user knows an item by
    label_field: str = "name"
    #: names must be unique (ignoring case)
    unique_names: bool = True
    #: the plan's vocabulary can rename it ("forum" for committee)
    renamable: bool = False


ITEM_KINDS: dict[Kind, ItemKind] = {
    "tier": ItemKind("tier", Tier, "tiers", "tier", "tier", "tiers", renamable=True),
    "stage": ItemKind("stage", Stage, "stages", "stg", "stage", "stages"),
    "organisation": ItemKind(
        "organisation", Organisation, "organisations", "org", "organisation", "organisations"
    ),
    "group": ItemKind(
        "group",
        InCommonGroup,
        "groups",
        "grp",
        "committees-in-common group",
        "committees-in-common groups",
    ),
    "committee": ItemKind(
        "committee", Committee, "committees", "com", "committee", "committees", renamable=True
    ),
    "role": ItemKind(
        "role",
        Role,
        "roles",
        "rol",
        "role",
        "roles",
        "title",
        unique_names=False,
        renamable=True,
    ),
    "person": ItemKind("person", Person, "people", "per", "person", "people"),
}

KINDS: tuple[Kind, ...] = tuple(ITEM_KINDS)


def items_of(plan: Plan, kind: Kind) -> list[Any]:
    """The plan's own list of items of ``kind``."""
    items: list[Any] = getattr(plan, ITEM_KINDS[kind].list_name)
    return items


def label_of(item: Any) -> str:
    """The name a user knows an item by (roles have titles, the rest names)."""
    return str(getattr(item, "title", None) or getattr(item, "name", ""))


def kind_of(item: Any) -> Kind:
    for kind in KINDS:
        if type(item) is ITEM_KINDS[kind].model:
            return kind
    raise TypeError(f"{type(item).__name__} is not an item of a plan")

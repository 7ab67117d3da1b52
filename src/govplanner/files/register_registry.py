"""Names and ids resolved across the register's sheets: one :class:`Registry` per import.

A reference is looked up by name (case and surrounding spaces ignored) and then by id, so a
cell may name an item either way (govplanner writes ids only where names cannot be listed
unambiguously).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from govplanner.domain.model import (
    Committee,
    InCommonGroup,
    Organisation,
    Person,
    Programme,
    Role,
    Stage,
    Tier,
)
from govplanner.domain.names import name_key, new_id
from govplanner.files.register_problems import Problems
from govplanner.files.register_values import RowValues, split_list

T = TypeVar("T")


@dataclass
class Named(Generic[T]):
    """Items of one kind by name (``name_key``) and by id."""

    by_name: dict[str, T] = field(default_factory=dict)
    by_id: dict[str, T] = field(default_factory=dict)
    #: Id as written -> the id given to the item, where another sheet had used it already
    aliases: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, item_id: str, item: T) -> None:
        self.by_name[name_key(name)] = item
        self.by_id[item_id] = item

    def find(self, text: str) -> T | None:
        """By name first, then by id (as written on its sheet)."""
        found = self.by_name.get(name_key(text))
        if found is not None:
            return found
        written = text.strip()
        return self.by_id.get(self.aliases.get(written, written))

    def values(self) -> list[T]:
        return list(self.by_id.values())


@dataclass
class Registry:
    """Everything named so far, and where each name and id was first used."""

    problems: Problems
    #: the workbook was written by govplanner (it has a Settings sheet): text kept exactly
    exact: bool = False
    tiers: Named[Tier] = field(default_factory=Named)
    tiers_derived: bool = False
    stages: Named[Stage] = field(default_factory=Named)
    organisations: Named[Organisation] = field(default_factory=Named)
    organisations_listed: bool = False
    organisations_made: list[str] = field(default_factory=list)
    groups: Named[InCommonGroup] = field(default_factory=Named)
    groups_listed: bool = False
    committees: Named[Committee] = field(default_factory=Named)
    people: Named[Person] = field(default_factory=Named)
    roles: list[Role] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    #: Id as written on the Roles sheet -> the role's id, where they differ
    role_aliases: dict[str, str] = field(default_factory=dict)
    #: sheet -> how many of its Ids were prefixed because another sheet used them
    renamed_ids: dict[str, int] = field(default_factory=dict)
    _first_row: dict[tuple[str, str], int] = field(default_factory=dict)
    _ids: set[str] = field(default_factory=set)
    _sheet_ids: dict[tuple[str, str], int] = field(default_factory=dict)

    def claim(self, kind: str, name: str, row: RowValues, header: str) -> bool:
        """Record ``name`` as a new ``kind``; report a duplicate (names ignore case)."""
        key = (kind, name_key(name))
        first = self._first_row.get(key)
        if first is not None:
            row.error(
                header,
                f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} with this name is already on row "
                f"{first} (names ignore case)",
                name,
            )
            return False
        self._first_row[key] = row.row
        return True

    def item_id(self, row: RowValues, prefix: str, aliases: dict[str, str]) -> str:
        """The row's Id, or a new id when it has none.

        Ids are unique within their sheet (a repeat is an error). A plan needs them unique
        across all its items, so an Id another sheet already used (Committees and Roles
        both numbered from 1) becomes ``<prefix>_<Id>``; ``aliases`` maps the Id as written
        to it, so references on other sheets still find it.
        """
        given = row.ident("Id")
        if not given:
            return new_id(prefix)
        sheet = row.sheet.title
        first = self._sheet_ids.get((sheet, given))
        if first is not None:
            row.error(
                "Id",
                f"this id is already used on row {first} (ids are unique within their sheet)",
                given,
            )
            return new_id(prefix)
        self._sheet_ids[(sheet, given)] = row.row
        actual = given
        if given in self._ids:
            actual = f"{prefix}_{given}"
            while actual in self._ids:
                actual += "_"
            aliases[given] = actual
            self.renamed_ids.setdefault(sheet, 0)
            self.renamed_ids[sheet] += 1
        self._ids.add(actual)
        return actual


def resolve_list(
    row: RowValues, header: str, find: Callable[[str], T | None], what: str
) -> list[T]:
    """The items a list cell names, in order; each unknown name is an error."""
    return [item for _, item in resolve_named(row, header, find, what)]


def resolve_named(
    row: RowValues, header: str, find: Callable[[str], T | None], what: str
) -> list[tuple[str, T]]:
    """(name as written, item) for each item a list cell names; a repeat counts once."""
    value = row.text(header, limit=1_000_000)
    if not value:
        return []
    found: list[tuple[str, T]] = []
    for name in split_list(value, lambda n: find(n) is not None):
        item = find(name)
        if item is None:
            row.error(header, f"no {what} with this name", name)
        elif all(item is not other for _, other in found):
            found.append((name, item))
    return found

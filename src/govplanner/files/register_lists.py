"""List cells of the exported register, written so that the importer reads them back exactly.

Each list cell is checked against the importer's own reading rule (:func:`split_list`, names
before ids): a name that holds a separator is listed one per line, and where even that could
be misread the items' ids are written instead. Whatever still cannot be written exactly is
named in :attr:`Rows.losses`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from govplanner.domain.model import Role
from govplanner.domain.names import name_key
from govplanner.files.register_values import split_list

Value = str | float | int | dt.date | None
Row = Sequence[Value]
SEPARATORS = (";", "\n", "\r")


class Finder:
    """The importer's look-up for one kind of item: by name (ignoring case), then by id."""

    def __init__(self, items: Sequence[Any], label: Callable[[Any], str]) -> None:
        self.names: dict[str, str] = {item.id: label(item) for item in items}
        self.by_name: dict[str, str] = {name_key(label(item)): item.id for item in items}
        self.ids = set(self.names)
        #: no name holds a separator: joining names with '; ' always reads back
        self.plain = not any(s in n for n in self.names.values() for s in SEPARATORS)

    def find(self, text: str) -> str | None:
        found = self.by_name.get(name_key(text))
        if found is not None:
            return found
        text = text.strip()
        return text if text in self.ids else None

    def read(self, cell: str) -> list[str]:
        """The ids a list cell gives back on import (unknown names dropped)."""
        found: list[str] = []
        for name in split_list(cell, lambda n: self.find(n) is not None):
            item = self.find(name)
            if item is not None and item not in found:
                found.append(item)
        return found


@dataclass
class Rows:
    """Every sheet's rows, and what the register cannot carry exactly (ideally nothing)."""

    sheets: dict[str, list[Row]] = field(default_factory=dict)
    headers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    losses: list[str] = field(default_factory=list)

    def lost(self, what: str) -> None:
        self.losses.append(what)

    def list_cell(self, ids: Sequence[str], finder: Finder, where: str) -> str:
        """Names for one cell, read back exactly; ids where names would be misread."""
        names = [finder.names[i] for i in ids]
        if finder.plain:
            return "; ".join(names)
        for candidate in ("; ".join(names), "\n".join(names), "; ".join(ids), "\n".join(ids)):
            if finder.read(candidate) == list(ids):
                return candidate
        self.lost(where)
        return "; ".join(names)


class DeputyNames:
    """'Deputy for': the deputised role's title where only it has that title, else its Id."""

    def __init__(self, roles: list[Role]) -> None:
        self.roles = {r.id: r for r in roles}
        self.titles: dict[str, int] = {}
        for r in roles:
            self.titles[name_key(r.title)] = self.titles.get(name_key(r.title), 0) + 1

    def cell(self, role_id: str | None) -> str:
        if role_id is None:
            return ""
        role = self.roles[role_id]
        title = role.title
        if self.titles[name_key(title)] == 1 and title.strip() not in self.roles:
            return title
        return role_id

    def subject(self, role_id: str) -> str:
        return self.cell(role_id)

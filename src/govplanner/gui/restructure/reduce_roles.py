"""The roles of a reduction, each to keep, retire or leave to the optimiser: a table model, so
tens of thousands of roles show at once (a widget per cell would take seconds)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from govplanner.domain.model import Plan, Role

HEADERS = ("Keep", "Retire", "Role", "Committees", "Held by", "Sessions")
KEEP_COL, RETIRE_COL = 0, 1
Index = QModelIndex | QPersistentModelIndex


class RoleChoices(QAbstractTableModel):
    """One row per role in scope; the choice of each role is kept when the scope changes."""

    def __init__(self, plan: Plan, parent: Any = None) -> None:
        super().__init__(parent)
        self._committees = {c.id: c.name for c in plan.committees}
        self._people = {p.id: p.name for p in plan.people}
        self.rows: list[tuple[str, str, str, str, str]] = []
        #: role id -> True (keep) or False (retire); absent: the optimiser chooses
        self.choice: dict[str, bool] = {}

    def set_roles(self, roles: Sequence[Role]) -> None:
        self.beginResetModel()
        self.rows = [self._row(r) for r in roles]
        self.endResetModel()

    def _row(self, role: Role) -> tuple[str, str, str, str, str]:
        seats = ", ".join(self._committees.get(s.committee_id, "?") for s in role.seats)
        held = self._people.get(role.holder_id or "", "vacant")
        return (role.id, role.title, seats or "no committee", held, f"{role.sessions_per_week:g}")

    def chosen(self, keep: bool) -> tuple[str, ...]:
        """Ids of the roles in scope marked to keep (or to retire), in plan order."""
        return tuple(row[0] for row in self.rows if self.choice.get(row[0]) is keep)

    def set_choice(self, role_id: str, keep: bool | None) -> None:
        if keep is None:
            self.choice.pop(role_id, None)
        else:
            self.choice[role_id] = keep
        for r, row in enumerate(self.rows):
            if row[0] == role_id:
                self.dataChanged.emit(self.index(r, KEEP_COL), self.index(r, RETIRE_COL))

    # -- the model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (KEEP_COL, RETIRE_COL):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if col in (KEEP_COL, RETIRE_COL):
            if role == Qt.ItemDataRole.CheckStateRole:
                on = self.choice.get(row[0]) is (col == KEEP_COL)
                return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{HEADERS[col]} {row[1]} ({row[2]})"
            if role == Qt.ItemDataRole.DisplayRole:
                return ""
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[col - 1]
        return None

    def setData(self, index: Index, value: Any, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() not in (KEEP_COL, RETIRE_COL):
            return False
        role_id = self.rows[index.row()][0]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_choice(role_id, (index.column() == KEEP_COL) if checked else None)
        return True

"""Upcoming term ends as a two-level tree: ended, ending within the warning window, later."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from govplanner.analysis.rules.common import long_date
from govplanner.analysis.rules.terms import TermEnd, TermStatus, upcoming_term_ends
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import words
from govplanner.gui.planning.common import RAG_FILL
from govplanner.gui.rag import TEXT_ON_FILL

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
RoleIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2

STATUSES: tuple[TermStatus, ...] = ("ended", "ending", "later")
STATUS_RAG = {"ended": "red", "ending": "amber", "later": "green"}
COLUMNS = ("Status", "Term ends", "Role", "Held by", "Committees")


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def when_text(term: TermEnd) -> str:
    """'Ended 12 days ago', 'Ends today', 'Ends in 35 days' — the RAG in words."""
    if term.days_left < 0:
        return f"Ended {_days(-term.days_left)} ago"
    if term.days_left == 0:
        return "Ends today"
    return f"Ends in {_days(term.days_left)}"


def group_title(status: TermStatus, count: int, warning_days: int, horizon_months: int) -> str:
    text = {
        "ended": "Ended — still shown as filled",
        "ending": f"Ending within {_days(warning_days)} (the plan's warning window)",
        "later": f"Ending later, within {horizon_months} months",
    }[status]
    return f"{text} ({count})"


class TermsModel(QAbstractItemModel):
    """Groups (one per status) with the term ends beneath, soonest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: dict[TermStatus, list[TermEnd]] = {s: [] for s in STATUSES}
        self.warning_days = 90
        self.horizon_months = 12
        self.as_of = dt.date.today()
        self.columns = COLUMNS

    def load(self, plan: Plan, as_of: dt.date, horizon_months: int = 12) -> None:
        horizon = add_months(as_of, horizon_months) - as_of
        terms = upcoming_term_ends(plan, as_of, horizon_days=horizon.days)
        self.beginResetModel()
        self.as_of, self.horizon_months = as_of, horizon_months
        self.warning_days = plan.term_warning_days
        w = words(plan)
        self.columns = ("Status", "Term ends", w.cap("role"), "Held by", w.cap("committees"))
        self._groups = {s: [t for t in terms if t.status == s] for s in STATUSES}
        self.endResetModel()

    def terms(self, status: TermStatus | None = None) -> list[TermEnd]:
        if status is not None:
            return list(self._groups[status])
        return [t for s in STATUSES for t in self._groups[s]]

    def term_at(self, index: AnyIndex) -> TermEnd | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[STATUSES[index.internalId() - 1]][index.row()]

    # -- structure --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _NO_INDEX) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = _NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        if not parent.isValid():
            return len(STATUSES)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[STATUSES[parent.row()]])
        return 0

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return len(COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section] if 0 <= section < len(self.columns) else None
        return None

    # -- data -------------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        term = self.term_at(index)
        assert term is not None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell_text(term, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            end = long_date(term.term_end)
            return f"{term.role}, held by {term.holder}: {when_text(term)} ({end})"
        if index.column() == 0 and role == Qt.ItemDataRole.BackgroundRole:
            return RAG_FILL[STATUS_RAG[term.status]]
        if index.column() == 0 and role == Qt.ItemDataRole.ForegroundRole:
            return TEXT_ON_FILL
        if role == RoleIdRole:
            return term.role_id
        if role == StatusRole:
            return term.status
        return None

    def _cell_text(self, term: TermEnd, column: int) -> str:
        return (
            when_text(term),
            long_date(term.term_end),
            term.role,
            term.holder,
            "; ".join(term.committees) or "(none)",
        )[column]

    def _group_data(self, index: AnyIndex, role: int) -> Any:
        status = STATUSES[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            count = len(self._groups[status])
            return group_title(status, count, self.warning_days, self.horizon_months)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == StatusRole:
            return status
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has 28 days

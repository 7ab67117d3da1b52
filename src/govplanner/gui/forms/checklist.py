"""A filterable list of checkable entries (a role's seats), cheap with thousands of entries.

A thin list model over ``(text, id)`` pairs and a set of checked ids: Qt asks only for the
rows it paints, so a national plan's 4,000 committees load at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class CheckListModel(QAbstractListModel):
    """Rows are the entries passing the filter; checked ones first, then by name."""

    toggled = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[tuple[str, str]] = []
        self._checked: set[str] = set()
        self._rows: list[tuple[str, str]] = []
        self._needle = ""

    def set_entries(self, entries: list[tuple[str, str]], checked: set[str]) -> None:
        if entries == self._entries and checked == self._checked:
            return  # nothing to redraw (a reload after an unrelated edit)
        self.beginResetModel()
        self._entries, self._checked = list(entries), set(checked)
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._needle = text.strip().casefold()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[tuple[str, str]]:
        checked, needle = self._checked, self._needle
        rows = [e for e in self._entries if not needle or needle in e[0].casefold()]
        return sorted(rows, key=lambda e: (e[1] not in checked, e[0].casefold()))

    def checked_ids(self) -> set[str]:
        return set(self._checked)

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text, item_id = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text  # the whole name in the tooltip, where the list elides it
        if role == Qt.ItemDataRole.CheckStateRole:
            on = item_id in self._checked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return item_id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        item_id = self._rows[index.row()][1]
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        if on:
            self._checked.add(item_id)
        else:
            self._checked.discard(item_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(item_id, on)
        return True


class CheckList(QWidget):
    """A filter box over a checkable list; ``toggled(id, checked)`` on each click or Space."""

    toggled = Signal(str, bool)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.model = CheckListModel(self)
        self.model.toggled.connect(self.toggled)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        # A narrow pane shortens long names in the middle, not by scrolling sideways.
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        # Its label's Alt+letter lands in the filter box (a label gives focus only to a buddy
        # that takes focus; Tab skips a widget with a proxy, so this adds no Tab stop).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.filter)
        self.filter.textChanged.connect(self.model.set_filter)
        self.set_what(what)

    def set_what(self, what: str) -> None:
        """Name what is listed ('committees', or the plan's word for them)."""
        self.filter.setPlaceholderText(f"Filter {what}…")
        self.filter.setAccessibleName(f"Filter {what}")
        self.list.setAccessibleName(what[:1].upper() + what[1:])

    def set_entries(self, entries: list[tuple[str, str]], checked: set[str]) -> None:
        """Entries are (text, id); checked ones come first so seats are visible at a glance."""
        self.model.set_entries(entries, checked)

    def visible_texts(self) -> list[str]:
        return [self.model.index(r).data() for r in range(self.model.rowCount())]

"""A table model over one of the plan's lists, sorted and filtered in Python by row index."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QUndoStack

from govplanner.domain.document import Change, Kind, PlanDocument
from govplanner.gui import commands
from govplanner.gui.wording import ui_words

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


@dataclass(frozen=True)
class Column:
    """How one column shows (and optionally edits) a field of an item."""

    header: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    #: makes a sort key once per sort (for keys needing look-up tables built up front)
    sort_key_factory: Callable[[], Callable[[Any], Any]] | None = None
    #: (item, edited value) -> fields to set; None makes the column read-only
    edit: Callable[[Any, Any], dict[str, Any]] | None = None
    #: the value an editor starts from (default: the displayed text)
    edit_value: Callable[[Any], Any] | None = None
    #: a checkbox column: item -> checked, and the field it sets
    check: Callable[[Any], bool] | None = None
    check_field: str = ""
    foreground: Callable[[Any], Any] | None = None
    italic: Callable[[Any], bool] | None = None
    tooltip: Callable[[Any], str] | None = None
    numeric: bool = False
    width: int = 140


class ItemTableModel(QAbstractTableModel):
    """Rows are the document's items of one kind; holds only a list of row indices."""

    edit_refused = Signal(str)

    def __init__(
        self,
        document: PlanDocument,
        kind: Kind,
        columns: list[Column],
        undo_stack: QUndoStack,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.kind, self.columns = document, kind, columns
        self.undo_stack = undo_stack
        self._order: list[int] | None = None  # None: every item, in plan order
        self._filter: Callable[[Any], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._pending_row = -1
        self._unsubscribe = document.subscribe(self._after, self._before)
        self.words = ui_words(document)
        self.words.changed.connect(self._words_changed)

    # -- reading ---------------------------------------------------------------------------

    def _items(self) -> list[Any]:
        return self.document.items(self.kind)

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        if parent.isValid():
            return 0
        return len(self._items()) if self._order is None else len(self._order)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def item_at(self, row: int) -> Any:
        items = self._items()
        return items[row] if self._order is None else items[self._order[row]]

    def row_of(self, item_id: str) -> int:
        """The view row showing this item, or -1 (unknown, or hidden by the filter)."""
        try:
            at = self.document.index_of(self.kind, item_id)
        except Exception:
            return -1
        if self._order is None:
            return at
        try:
            return self._order.index(at)
        except ValueError:
            return -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        item = self.item_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(item)
        if role == Qt.ItemDataRole.EditRole:
            return (column.edit_value or column.display)(item)
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            return Qt.CheckState.Checked if column.check(item) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(item)
        if role == Qt.ItemDataRole.FontRole and column.italic is not None and column.italic(item):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            return self.words.text(self.columns[section].header)  # "{Tier}" → "Level"
        return section + 1

    def _words_changed(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column.check is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # -- editing ---------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column, item = self.columns[index.column()], self.item_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            values: dict[str, Any] = {
                column.check_field: Qt.CheckState(value) == Qt.CheckState.Checked
            }
        elif role == Qt.ItemDataRole.EditRole and column.edit is not None:
            try:
                values = column.edit(item, value)
            except ValueError as exc:
                self.edit_refused.emit(str(exc))
                return False
        else:
            return False
        if all(getattr(item, k) == v for k, v in values.items()):
            return False
        command = commands.update_item(self.document, self.kind, item.id, **values)
        message = commands.try_execute(self.undo_stack, command)
        if message is not None:
            self.edit_refused.emit(message)
            return False
        return True

    # -- sorting and filtering (in Python, over row indices) --------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        ids = [self.item_at(i.row()).id for i in self.persistentIndexList()]
        old = self.persistentIndexList()
        self._order = self._computed_order()
        new_rows = {self.item_at(r).id: r for r in range(self.rowCount())} if old else {}
        self.changePersistentIndexList(
            old,
            [
                self.index(new_rows[i], p.column()) if i in new_rows else QModelIndex()
                for i, p in zip(ids, old, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def set_filter(self, predicate: Callable[[Any], bool] | None) -> None:
        """Show only items for which ``predicate`` is true (None shows every item)."""
        self.beginResetModel()
        self._filter = predicate
        self._order = self._computed_order()
        self.endResetModel()

    def _computed_order(self) -> list[int] | None:
        items = self._items()
        rows = range(len(items))
        if self._filter is not None:
            keep = self._filter
            rows = [i for i in rows if keep(items[i])]  # type: ignore[assignment]
        if self._sort is None:
            return None if self._filter is None else list(rows)
        column = self.columns[self._sort[0]]
        if column.sort_key_factory is not None:
            key = column.sort_key_factory()
        else:
            key = column.sort_key or (lambda item: column.display(item).casefold())
        keys = [key(items[i]) for i in rows]  # one key per row, then a C-level sort
        order = sorted(
            range(len(keys)),
            key=keys.__getitem__,
            reverse=self._sort[1] == Qt.SortOrder.DescendingOrder,
        )
        return [rows[i] for i in order]

    # -- following the document -------------------------------------------------------------

    def _before(self, change: Change) -> None:
        if not shiboken6.isValid(self):  # the window that owned this model is gone
            self._unsubscribe()
            return
        if change.action == "reset" or (change.kind == self.kind and change.action == "moved"):
            self.beginResetModel()
        elif change.kind == self.kind and change.action == "added" and self._order is None:
            at = change.index or 0
            self.beginInsertRows(QModelIndex(), at, at)
        elif change.kind == self.kind and change.action == "removed":
            self._pending_row = self.row_of(change.item_id or "")
            if self._pending_row >= 0:
                self.beginRemoveRows(QModelIndex(), self._pending_row, self._pending_row)

    def _after(self, change: Change) -> None:
        if not shiboken6.isValid(self):
            return
        if change.action == "reset" or (change.kind == self.kind and change.action == "moved"):
            self._order = self._computed_order()
            self.endResetModel()
        elif change.kind == self.kind and change.action == "added":
            self._added(change.index or 0)
        elif change.kind == self.kind and change.action == "removed":
            self._removed(change.index or 0)
        elif change.kind == self.kind and change.action == "updated":
            row = self.row_of(change.item_id or "")
            if row >= 0:
                last = self.index(row, len(self.columns) - 1)
                self.dataChanged.emit(self.index(row, 0), last)
        elif self.rowCount() > 0:  # names or settings other rows show may have changed
            last = self.index(self.rowCount() - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _added(self, at: int) -> None:
        if self._order is None:
            self.endInsertRows()
            return
        # Sorted or filtered: the new item goes at the bottom, where the user can see it.
        self._order = [i + 1 if i >= at else i for i in self._order]
        end = len(self._order)
        self.beginInsertRows(QModelIndex(), end, end)
        self._order.append(at)
        self.endInsertRows()

    def _removed(self, at: int) -> None:
        if self._order is not None:
            if self._pending_row >= 0:
                del self._order[self._pending_row]
            self._order = [i - 1 if i > at else i for i in self._order]
        if self._pending_row >= 0:
            self.endRemoveRows()
        self._pending_row = -1

    def detach(self) -> None:
        self._unsubscribe()

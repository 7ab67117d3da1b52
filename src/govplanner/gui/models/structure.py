"""The structure tree: tiers, and under each its committees nested by accountable line.

A committee nests under the first committee it is accountable to when both sit in the same
tier; one accountable across tiers sits at the top of its own tier (its tooltip names every
line out, advisory ones too). Dropping a committee on a tier moves it to that tier; dropping it
on a committee makes it accountable to that committee. Either is one undo command.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QUndoStack

from govplanner.domain.document import Change, PlanDocument
from govplanner.gui import commands
from govplanner.gui.models.lookup import Lookup
from govplanner.gui.wording import ui_words

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
MIME_TYPE = "application/x-govplanner-committees"
KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole

#: Committee fields whose change moves a node in the tree.
_STRUCTURAL = {"tier_id", "lines"}


class _Node:
    __slots__ = ("children", "item_id", "kind", "number", "parent", "row")

    def __init__(self, kind: str, item_id: str, parent: _Node | None, number: int) -> None:
        self.kind, self.item_id, self.parent, self.number = kind, item_id, parent, number
        self.children: list[_Node] = []
        self.row = 0


class StructureModel(QAbstractItemModel):
    """Tiers → committees; nodes are addressed by a number stored in the index's internal id."""

    def __init__(self, document: PlanDocument, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.document, self.undo_stack = document, undo_stack
        self._lookup = Lookup(document)
        self._nodes: list[_Node] = []
        self._root = _Node("root", "", None, -1)
        self._by_id: dict[str, _Node] = {}
        self._rebuild()
        self._unsubscribe = document.subscribe(self._after, self._before)
        self.words = ui_words(document)
        self.words.changed.connect(self._words_changed)

    def _words_changed(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    # -- the tree --------------------------------------------------------------------------

    def _new(self, kind: str, item_id: str, parent: _Node) -> _Node:
        node = _Node(kind, item_id, parent, len(self._nodes))
        node.row = len(parent.children)
        parent.children.append(node)
        self._nodes.append(node)
        self._by_id[item_id] = node
        return node

    def _rebuild(self) -> None:
        plan = self.document.plan
        self._nodes, self._by_id = [], {}
        self._root = _Node("root", "", None, -1)
        tiers = {t.id: self._new("tier", t.id, self._root) for t in plan.tiers}
        by_id = {c.id: c for c in plan.committees}
        children: dict[str, list[str]] = {}
        tops: list[tuple[str, str]] = []
        for c in plan.committees:
            parent = by_id.get(c.reports_to_id or "")
            if parent is not None and parent.tier_id == c.tier_id and parent.id != c.id:
                children.setdefault(parent.id, []).append(c.id)
            elif c.tier_id in tiers:
                tops.append((c.tier_id, c.id))
        placed: set[str] = set()
        for tier_id, committee_id in tops:
            self._place(committee_id, tiers[tier_id], children, placed)
        # Committees on a same-tier reporting cycle have no top: show them under their tier.
        for c in plan.committees:
            if c.id not in placed and c.tier_id in tiers:
                self._place(c.id, tiers[c.tier_id], children, placed)

    def _place(
        self, committee_id: str, parent: _Node, children: dict[str, list[str]], placed: set[str]
    ) -> None:
        stack = [(committee_id, parent)]
        while stack:
            cid, under = stack.pop()
            if cid in placed:
                continue
            placed.add(cid)
            node = self._new("committee", cid, under)
            stack.extend((child, node) for child in reversed(children.get(cid, [])))

    def _node(self, index: AnyIndex) -> _Node:
        return self._nodes[index.internalId()] if index.isValid() else self._root

    def index_of(self, item_id: str) -> QModelIndex:
        """The index of a tier or committee by id (invalid if not shown)."""
        node = self._by_id.get(item_id)
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node.number)

    def kind_and_id(self, index: AnyIndex) -> tuple[str, str]:
        node = self._node(index)
        return node.kind, node.item_id

    # -- following the document -------------------------------------------------------------

    def _is_structural(self, change: Change) -> bool:
        if change.action in ("reset", "moved") or change.kind == "tier":
            return True
        if change.kind != "committee":
            return False
        return change.action != "updated" or bool(_STRUCTURAL & set(change.fields))

    def _before(self, change: Change) -> None:
        if not shiboken6.isValid(self):  # the window that owned this model is gone
            self._unsubscribe()
            return
        if self._is_structural(change):
            self.beginResetModel()

    def _after(self, change: Change) -> None:
        if not shiboken6.isValid(self):
            return
        if self._is_structural(change):
            self._rebuild()
            self.endResetModel()
        elif change.kind == "committee" and change.action == "updated":
            index = self.index_of(change.item_id or "")
            if index.isValid():
                self.dataChanged.emit(index, index)

    def detach(self) -> None:
        self._unsubscribe()

    # -- Qt model --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _NO_INDEX) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row].number)

    def parent(self, index: AnyIndex = _NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up.number)

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        item = getattr(self._lookup, node.kind)(node.item_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, item)
        if role == Qt.ItemDataRole.FontRole and node.kind == "tier":
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return node.item_id
        if role == KindRole:
            return node.kind
        return None

    def _tooltip(self, node: _Node, item: Any) -> str:
        w = self.words.words
        if node.kind == "tier":
            return f"{w.cap('tier')} '{item.name}' ({item.level.value} level)"
        lines = [
            f"{line.kind.label.lower()} '{self._lookup.name('committee', line.to_id)}'"
            for line in item.lines
        ]
        reports = ", ".join(lines) if lines else f"accountable to no {w.committee}"
        return (
            f"{w.cap('committee')} '{item.name}': {reports}. "
            f"Drag onto a {w.tier} or {w.committee} to move it."
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.words.text("{Tiers} and {committees}") if section == 0 else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDropEnabled
            | Qt.ItemFlag.ItemIsEditable
        )
        if self._node(index).kind == "committee":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        node, name = self._node(index), str(value).strip()
        if not name or name == self.document.get(node.kind, node.item_id).name:  # type: ignore[arg-type]
            return False
        command = commands.update_item(self.document, node.kind, node.item_id, name=name)  # type: ignore[arg-type]
        return commands.try_execute(self.undo_stack, command) is None

    # -- drag and drop ---------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = [self._node(i).item_id for i in indexes if self._node(i).kind == "committee"]
        mime = QMimeData()
        mime.setData(MIME_TYPE, "\n".join(dict.fromkeys(ids)).encode())
        return mime

    def _dragged(self, data: QMimeData) -> list[str]:
        if not data.hasFormat(MIME_TYPE):
            return []
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        return [i for i in raw.split("\n") if i and i in self._by_id]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        ids = self._dragged(data)
        if not ids or not parent.isValid():
            return False
        target = self._node(parent)
        return target.kind == "tier" or not any(self._reports_up_to(target.item_id, i) for i in ids)

    def _reports_up_to(self, committee_id: str, ancestor_id: str) -> bool:
        """True if ``committee_id`` is ``ancestor_id`` or accountable to it, however indirectly
        (along any accountable line: a drop must not make an accountability cycle)."""
        seen: set[str] = set()
        todo = [committee_id]
        while todo:
            current = todo.pop()
            if current == ancestor_id:
                return True
            if current in seen:
                continue
            seen.add(current)
            committee = self._lookup.committee(current)
            if committee is not None:
                todo.extend(committee.accountable_to_ids)
        return False

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._node(parent)
        moves = []
        for cid in self._dragged(data):
            if target.kind == "tier":
                moves.append(commands.move_committee(self.document, cid, tier_id=target.item_id))
            else:
                moves.append(commands.move_committee(self.document, cid, reports_to=target.item_id))
        moves = [m for m in moves if m.edits]
        if not moves:
            return False
        command = moves[0]
        if len(moves) > 1:
            edits = [e for m in moves for e in m.edits]
            text = f"Move {len(moves)} {self.words['committees']}"
            command = commands.DocumentCommand(self.document, text, edits)
        return commands.try_execute(self.undo_stack, command) is None

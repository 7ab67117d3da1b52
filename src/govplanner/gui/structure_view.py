"""The structure dock: the tree of tiers and committees, with drag and drop to reorganise."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.document import PlanDocument
from govplanner.gui.models.structure import IdRole, KindRole, StructureModel
from govplanner.gui.wording import ui_words


class StructureView(QWidget):
    """Tiers → committees; selecting one tells the window, dragging one moves it."""

    #: (kind, id) of the current tier or committee
    current_changed = Signal(str, str)

    def __init__(
        self,
        document: PlanDocument,
        undo_stack: QUndoStack,
        actions: list[QAction],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.model = StructureModel(document, undo_stack, self)
        self.tree = self._make_tree(actions)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self._collapsed: set[str] = set()
        self._current: str | None = None
        self._quiet = False
        self.tree.collapsed.connect(lambda i: self._collapsed.add(i.data(IdRole)))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(i.data(IdRole)))
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._restore)
        self.words = ui_words(document)
        hint = QLabel(self)
        self.words.bind(
            hint, "setText",
            "Drag a {committee} onto a {tier} to move it, or onto a {committee} to make it "
            "report there.",
        )  # fmt: skip
        hint.setWordWrap(True)
        hint.setEnabled(False)
        bar = QHBoxLayout()
        for n, action in enumerate(actions):
            if n == len(actions) - 1 and n > 1:
                bar.addStretch(1)  # the last (tiers and stages) sits apart, at the right
            button = QToolButton(self)
            button.setDefaultAction(action)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        self._restore()

    def _make_tree(self, actions: list[QAction]) -> QTreeView:
        tree = QTreeView(self)
        tree.setModel(self.model)
        ui_words(self.model.document).bind(tree, "setAccessibleName", "{Tiers} and {committees}")
        tree.setHeaderHidden(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in actions:
            tree.addAction(action)
        return tree

    def _remember(self) -> None:
        index = self.tree.currentIndex()
        self._current = index.data(IdRole) if index.isValid() else None

    def _restore(self) -> None:
        self.tree.blockSignals(True)
        self.tree.expandAll()
        for item_id in self._collapsed:
            self.tree.collapse(self.model.index_of(item_id))
        self.tree.blockSignals(False)
        if self._current is not None:
            self.select(self._current, notify=False)

    def _current_changed(self, current: QModelIndex, _previous: Any) -> None:
        if current.isValid() and not self._quiet:
            self.current_changed.emit(current.data(KindRole), current.data(IdRole))

    def current(self) -> tuple[str, str] | None:
        index = self.tree.currentIndex()
        return (index.data(KindRole), index.data(IdRole)) if index.isValid() else None

    def select(self, item_id: str, notify: bool = True) -> None:
        index = self.model.index_of(item_id)
        if not index.isValid():
            return
        self._quiet = not notify
        try:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._quiet = False
        self.tree.scrollTo(index)

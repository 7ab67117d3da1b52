"""One tab of the editor: a filterable, sortable table with the selected item's form beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.vocabulary import capitalise
from govplanner.gui.forms.base import DetailForm
from govplanner.gui.models.table import ItemTableModel


class TablePage(QWidget):
    """A table of one kind of item, a filter box, add/delete buttons and a detail form."""

    #: the current item changed: (kind, id or "")
    current_changed = Signal(str, str)

    def __init__(
        self,
        noun: str,
        model: ItemTableModel,
        form: DetailForm,
        add_action: QAction,
        delete_action: QAction,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.noun, self.model, self.form = noun, model, form
        self.view = self._make_view(model)
        self.view.addAction(delete_action)  # the Delete key works while the table has focus
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._make_bar(add_action, delete_action))
        left_layout.addWidget(self.view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_count)
        model.words.follow(self.retranslate)

    def retranslate(self) -> None:
        """The texts naming what the table lists, in the plan's words."""
        what = self.what()
        self.filter.setPlaceholderText(f"Filter {what}…")
        self.filter.setAccessibleName(f"Filter {what}")
        self.view.setAccessibleName(f"{capitalise(what)} table")
        self._update_count()

    def what(self) -> str:
        """What the rows are: the noun given ("{committees}", "people") in the plan's words."""
        return self.model.words.text(self.noun)

    def _make_bar(self, add_action: QAction, delete_action: QAction) -> QHBoxLayout:
        """The filter box (applied when typing pauses), the row count and the buttons."""
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setEnabled(False)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _text: self._filter_timer.start())
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        for action in (add_action, delete_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        return bar

    def _make_view(self, model: ItemTableModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)  # Tab leaves the table, so the form is reachable
        header = view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for n, column in enumerate(model.columns):
            header.resizeSection(n, column.width)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        rows.hide()
        view.setSortingEnabled(True)
        view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        return view

    # -- selection -------------------------------------------------------------------------

    def _current_row_changed(self, current: Any, _previous: Any) -> None:
        item_id = self.model.item_at(current.row()).id if current.isValid() else None
        self.form.set_item(item_id)
        self.current_changed.emit(self.model.kind, item_id or "")

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.item_at(index.row()).id if index.isValid() else None

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        ids = [self.model.item_at(r).id for r in rows]
        current = self.current_id()
        return ids or ([current] if current else [])

    def select(self, item_id: str) -> bool:
        """Make ``item_id`` the current, selected row (clearing a filter that hides it)."""
        row = self.model.row_of(item_id)
        if row < 0 and self.filter.text():
            self.filter.clear()
            self._apply_filter()
            row = self.model.row_of(item_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        if self.form.item_id != item_id:
            self.form.set_item(item_id)
        return True

    # -- filter ----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        needle = self.filter.text().strip().casefold()
        current = self.current_id()
        if not needle:
            self.model.set_filter(None)
        else:
            columns = self.model.columns
            self.model.set_filter(
                lambda item: any(needle in c.display(item).casefold() for c in columns)
            )
        # Keep the current row selected only while the filter shows it: select() would clear
        # a filter that hides it, wiping out what the user is typing.
        if current is not None and self.model.row_of(current) >= 0:
            self.select(current)
        self._update_count()

    def _update_count(self, *_args: Any) -> None:
        shown, total = self.model.rowCount(), len(self.model.document.items(self.model.kind))
        label = capitalise(self.what())
        self.count.setText(
            f"{label}: {total}" if shown == total else f"{label}: {shown} of {total}"
        )


def stacked_pages(parent: QWidget, top: TablePage, bottom: TablePage) -> QSplitter:
    """Two table pages on one tab, the first given more room (organisations over groups)."""
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setChildrenCollapsible(False)
    return splitter

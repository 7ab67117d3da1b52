"""What the plan's settings dialogs share: edits as undo commands, redraw after any change,
Undo/Redo/Close, tables of combo boxes, and a size that fits the screen."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from govplanner.domain.document import Change, EditError, PlanDocument
from govplanner.gui.commands import DocumentCommand, try_execute
from govplanner.gui.wording import ui_words


class PlanEditDialog(QDialog):
    """A dialog whose edits are undo commands; it redraws itself after every document change."""

    def __init__(self, document: PlanDocument, undo_stack: QUndoStack, parent: QWidget | None):
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.words = ui_words(document)  # the plan's words: words.text("{Tiers} and stages")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        unsubscribe = document.subscribe(self._on_change)
        self.destroyed.connect(lambda *_: unsubscribe())

    def _on_change(self, change: Change) -> None:
        # A hidden dialog catches up when it is shown again.
        if shiboken6.isValid(self) and self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Redraw every page from the plan (subclasses fill this in)."""
        self._timer.stop()

    def redraw_soon(self) -> None:
        """Redraw from the plan on the next event-loop turn (safe inside a table's signals)."""
        self._timer.start()

    def run(self, build: Callable[[], DocumentCommand], done: str = "") -> bool:
        """Build and execute a command; show its refusal (or ``done``) under the pages."""
        try:
            problem = try_execute(self.undo_stack, build())
        except (EditError, ValueError) as exc:  # ValueError: a value pydantic refused
            problem = str(exc)
        own = getattr(self, "own_undo", None)
        if problem is None and own is not None:
            own.record()  # the dialog's Undo button reaches only its own steps
        self.show_message(problem or done, problem is not None)
        self.redraw_soon()  # not now: this may run inside a table's own edit signal
        return problem is None

    def show_message(self, text: str, is_problem: bool = False) -> None:
        colour = self.palette().color(self.foregroundRole()).name()
        style = "color: #c62828; font-weight: 600;" if is_problem else f"color: {colour};"
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def bottom_row(self) -> QHBoxLayout:
        """Undo (Ctrl+Z) and Redo (Ctrl+Y, Ctrl+Shift+Z) of this dialog's own edits, and Close."""
        from govplanner.gui.dialog_undo import OwnUndo

        row = QHBoxLayout()
        self.undo_button = QPushButton("&Undo")
        self.redo_button = QPushButton("&Redo")
        for button in (self.undo_button, self.redo_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        self.own_undo = OwnUndo(self.undo_stack, self.undo_button, self.redo_button, self)
        row.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        row.addWidget(box)
        return row


def fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    """Open at ``width`` x ``height``, or smaller on a small screen (a laptop at 125 %)."""
    screen = dialog.screen() or QApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * 0.95))
        height = min(height, int(available.height() * 0.92))
    dialog.resize(width, height)


def make_table(headers: list[str], accessible: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    return table


def cell(text: str, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item

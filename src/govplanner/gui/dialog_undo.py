"""Undo and Redo buttons of a settings dialog that reach only the dialog's own edits.

The dialog's edits go on the document's one undo stack (Ctrl+Z in the main window undoes them
too), but the dialog's buttons must never undo something done elsewhere, such as a person
renamed on the People tab before the dialog opened: they are enabled only while the next step
to undo (or redo) is one the dialog made, and their tooltips say what that is.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget

ELSEWHERE = "The next step to undo was not made in this dialog; use Edit ▸ Undo in the window."
ELSEWHERE_REDO = "The next step to redo was not made in this dialog."


class OwnUndo(QObject):
    """Remembers the commands a dialog pushed and drives its Undo and Redo buttons."""

    def __init__(
        self, stack: QUndoStack, undo: QPushButton, redo: QPushButton, dialog: QWidget
    ) -> None:
        super().__init__(dialog)
        self.stack, self.undo_button, self.redo_button = stack, undo, redo
        self._own: list[QUndoCommand] = []
        undo.clicked.connect(self.undo)
        redo.clicked.connect(self.redo)
        # Keys on the dialog, not the buttons: a button's own shortcut would replace the Alt+U
        # and Alt+R its underlined letters promise.
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), dialog, self.undo)
        QShortcut(QKeySequence("Ctrl+Y"), dialog, self.redo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), dialog, self.redo)
        stack.indexChanged.connect(self._index_changed)
        self.update()

    def _index_changed(self, _index: int) -> None:
        # The stack clears itself as it is destroyed; by then there is nothing to show.
        if shiboken6.isValid(self.stack) and shiboken6.isValid(self.undo_button):
            self.update()

    def _is_own(self, command: QUndoCommand | None) -> bool:
        return command is not None and any(command is mine for mine in self._own)

    def record(self) -> None:
        """Call after the dialog pushed a command: the stack's newest step is the dialog's."""
        top = self.stack.command(self.stack.index() - 1) if self.stack.index() > 0 else None
        if top is not None and not self._is_own(top):
            self._own.append(top)
        self.update()

    def can_undo(self) -> bool:
        at = self.stack.index()
        return at > 0 and self._is_own(self.stack.command(at - 1))

    def can_redo(self) -> bool:
        at = self.stack.index()
        return at < self.stack.count() and self._is_own(self.stack.command(at))

    def undo(self) -> None:
        if self.can_undo():
            self.stack.undo()

    def redo(self) -> None:
        if self.can_redo():
            self.stack.redo()

    def update(self) -> None:
        """Enable each button only for the dialog's own step, and say what it will do."""
        self.undo_button.setEnabled(self.can_undo())
        self.redo_button.setEnabled(self.can_redo())
        if self.can_undo():
            self.undo_button.setToolTip(f"Undo: {self.stack.undoText()}")
        else:
            self.undo_button.setToolTip(ELSEWHERE if self.stack.canUndo() else "Nothing to undo")
        if self.can_redo():
            self.redo_button.setToolTip(f"Redo: {self.stack.redoText()}")
        else:
            self.redo_button.setToolTip(
                ELSEWHERE_REDO if self.stack.canRedo() else "Nothing to redo"
            )

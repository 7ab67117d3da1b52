"""Small input widgets the forms share: multi-line text, optional dates, checkable lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class IdComboBox(QComboBox):
    """A combo box of (text, id) entries, cheap to refill with tens of thousands of entries.

    Ids live in a Python list beside the items (not as item data), and refilling with the
    same entries only moves the selection: a role form over 20,000 people reloads at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Long names must not widen the form past a laptop screen: the box shrinks, the
        # popup still shows the whole name.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._entries: list[tuple[str, Any]] = []
        self._ids: list[Any] = []
        self._texts: list[str] = []
        self._positions: dict[Any, int] = {}

    def set_entries(self, entries: list[tuple[str, Any]], current: Any) -> None:
        if entries != self._entries:  # one C-level comparison; a refill only when new
            self._entries = list(entries)
            texts = [text for text, _ in entries]
            ids = [item_id for _, item_id in entries]
            self.clear()
            self.addItems(texts)
            self._texts, self._ids = texts, ids
            self._positions = {item_id: n for n, item_id in enumerate(ids)}
        self.setCurrentIndex(self._positions.get(current, 0) if self._ids else -1)

    def currentData(self, role: int = Qt.ItemDataRole.UserRole) -> Any:
        at = self.currentIndex()
        return self._ids[at] if 0 <= at < len(self._ids) else None

    def findData(self, data: Any, *_args: Any, **_kwargs: Any) -> int:
        return self._positions.get(data, -1)


class FormLineEdit(QLineEdit):
    """A line edit that lets Ctrl+Z reach the document's undo once its own text has none.

    Qt's line edit claims Undo and Redo for itself even with nothing to undo, so after a
    committed rename Ctrl+Z would do nothing; here it undoes the rename, as users expect.
    Finishing an edit (Return, Tab) ends the field's own history: the change is now a
    document command.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Connected first, so the history is gone before the form commits the change.
        self.editingFinished.connect(lambda: self.setText(self.text()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            own = (event.matches(QKeySequence.StandardKey.Undo) and self.isUndoAvailable()) or (
                event.matches(QKeySequence.StandardKey.Redo) and self.isRedoAvailable()
            )
            wants_document = event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            )
            if wants_document and not own:
                event.ignore()
                return False
        return super().event(event)


#: focus arriving by the keyboard, where typing should add to the text, not go before it
_KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text: ``typed(text)`` on every edit by the user, ``committed(text)`` when
    focus leaves and it changed."""

    committed = Signal(str)
    typed = Signal(str)
    #: focus left the box (ends a typing session)
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self._loaded = ""
        self._setting = False
        self.textChanged.connect(self._text_changed)

    def _text_changed(self) -> None:
        if not self._setting:
            self.typed.emit(self.toPlainText())

    def set_text(self, text: str) -> None:
        self._loaded = text
        if self.toPlainText() != text:
            self._setting = True
            try:
                self.setPlainText(text)
            finally:
                self._setting = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in _KEYBOARD_REASONS:  # Tab or Alt+letter: go on from the end
            self.moveCursor(QTextCursor.MoveOperation.End)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._loaded:
            self._loaded = self.toPlainText()
            self.committed.emit(self._loaded)
        self.left.emit()


_UNSET = QDate(1900, 1, 1)


class OptionalDate(QWidget):
    """A date that may be unset: a checkbox turns the date on and off."""

    changed = Signal(object)  # datetime.date | None

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy")
        # The lowest date stands for "no date", so an unset term never shows a made-up date.
        self.edit.setMinimumDate(_UNSET)
        self.edit.setSpecialValueText("Not set")
        self.edit.setEnabled(False)
        self.check.setAccessibleName(f"{label} set")
        self.edit.setAccessibleName(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self._toggled)
        self.edit.editingFinished.connect(self._emit)
        self._loading = False

    def value(self) -> dt.date | None:
        if not self.check.isChecked():
            return None
        value = self.edit.date().toPython()
        return value if isinstance(value, dt.date) else None

    def set_value(self, value: dt.date | None) -> None:
        self._loading = True
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.edit.setDate(QDate(value.year, value.month, value.day) if value else _UNSET)
        self._loading = False

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on and self.edit.date() == _UNSET:
            self.edit.setDate(QDate.currentDate())
        elif not on:
            self.edit.setDate(_UNSET)
        self._emit()

    def _emit(self) -> None:
        if not self._loading:
            self.changed.emit(self.value())

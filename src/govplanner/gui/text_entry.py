"""Control characters are taken out of text as it is typed or pasted into any box of the app.

A plan may not hold terminal controls (escape, bell), other C0 and C1 control characters or
bidi overrides (:mod:`govplanner.files.text_safety` says which; the list lives there only).
Before this, such a character pasted into a name was refused only when the plan was saved.
Now every single-line box (:class:`~PySide6.QtWidgets.QLineEdit`, an editable combo box's
too) has a validator that removes them, and line breaks become spaces; every multi-line box
(:class:`~PySide6.QtWidgets.QPlainTextEdit`, :class:`~PySide6.QtWidgets.QTextEdit`) removes
them as they arrive, keeping tabs and line breaks. The user is told what was removed, next to
the box and in the window's status bar, never silently.

:func:`install` guards every box of the application, form or dialog, as it first takes the
keyboard focus (which typing, pasting with the keyboard or a mouse click all need), at no cost
to any other event; :func:`guard_children` guards the boxes of a form or dialog at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QTextCursor, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

#: Set on a box once it is guarded (and on the application once :func:`install` ran).
GUARDED = "govplanner_text_guarded"
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029]")
#: Characters named in the explanation before "and others".
_NAMED = 3
_STATUS_MS = 8000


def cleaned(text: str, *, multiline: bool) -> tuple[str, list[str]]:
    """``text`` without the characters a plan may not hold, and those removed (in order).

    In a single-line box a line break becomes a space (it is not refused: pasting two lines
    into a name should give one line)."""
    from govplanner.files.text_safety import UNSAFE  # pydantic: not at start-up

    removed = UNSAFE.findall(text)
    text = UNSAFE.sub("", text) if removed else text
    if not multiline:
        text = _LINE_BREAKS.sub(" ", text)
    return text, removed


def explanation(removed: Sequence[str]) -> str:
    """'Removed 2 hidden control characters (U+001B (escape), U+0007 (bell)) …' in plain words."""
    from govplanner.files.text_safety import describe

    kinds = list(dict.fromkeys(removed))
    named = ", ".join(describe(c) for c in kinds[:_NAMED])
    more = " and others" if len(kinds) > _NAMED else ""
    what = "a hidden control character" if len(removed) == 1 else (
        f"{len(removed)} hidden control characters"
    )  # fmt: skip
    return (
        f"Removed {what} ({named}{more}) from the text typed or pasted here: a plan cannot "
        "keep them, since they can hide or disguise text in exported files."
    )


def tell(widget: QWidget, removed: Sequence[str]) -> str:
    """Say what was removed: a tip at the box and the main window's status bar."""
    message = explanation(removed)
    widget.setProperty("govplanner_text_cleaned", message)
    QToolTip.showText(widget.mapToGlobal(QPoint(0, widget.height())), message, widget)
    for candidate in (widget.window(), widget.window().parentWidget()):
        main = candidate.window() if candidate is not None else None
        if isinstance(main, QMainWindow):
            main.statusBar().showMessage(message, _STATUS_MS)
            break
    return message


class LineValidator(QValidator):
    """Accepts any text, with the characters a plan may not hold taken out (and told)."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        clean, removed = cleaned(text, multiline=False)
        if clean != text:
            pos = len(cleaned(text[:pos], multiline=False)[0])
            owner = self.parent()
            if removed and isinstance(owner, QWidget):
                tell(owner, removed)
        return QValidator.State.Acceptable, clean, pos


class TextGuard(QObject):
    """Takes out of a multi-line box what a plan may not hold, as soon as it arrives."""

    def __init__(self, edit: QPlainTextEdit | QTextEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self._busy = False
        edit.document().contentsChange.connect(self._changed)

    def _changed(self, position: int, _removed: int, added: int) -> None:
        if self._busy or added <= 0:
            return
        document = self.edit.document()
        end = min(position + added, document.characterCount() - 1)
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        from govplanner.files.text_safety import UNSAFE

        matches = list(UNSAFE.finditer(cursor.selectedText()))
        if not matches:
            return
        self._busy = True
        cursor.joinPreviousEditBlock()  # one undo step with the paste: undo takes both away
        try:
            for match in reversed(matches):  # from the end, so earlier positions hold
                cursor.setPosition(position + match.start())
                cursor.setPosition(position + match.end(), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
        finally:
            cursor.endEditBlock()
            self._busy = False
        tell(self.edit, [m.group() for m in matches])


def guard(widget: QWidget | None) -> bool:
    """Guard one text box (an editable combo box: its line); True if it is guarded now."""
    if isinstance(widget, QComboBox):
        widget = widget.lineEdit() if widget.isEditable() else None
    if widget is None:
        return False
    if widget.property(GUARDED):
        return True
    if isinstance(widget, QLineEdit):
        if widget.validator() is not None or isinstance(widget.parent(), QAbstractSpinBox):
            return False  # numbers and dates: their own validation allows no such character
        widget.setValidator(LineValidator(widget))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        TextGuard(widget)
    else:
        return False
    widget.setProperty(GUARDED, True)
    return True


def guard_children(root: QWidget) -> int:
    """Guard every text box inside ``root`` (a form or dialog); return how many are guarded."""
    boxes: list[QWidget] = [*root.findChildren(QLineEdit), *root.findChildren(QPlainTextEdit)]
    boxes += root.findChildren(QTextEdit)
    return sum(guard(box) for box in boxes)


def _focused(_old: QWidget | None, new: QWidget | None) -> None:
    if new is not None and not new.property(GUARDED):
        guard(new)


def install(app: QApplication) -> None:
    """Guard every text box of the application as it first takes the focus (once per app)."""
    if app.property(GUARDED):
        return
    app.focusChanged.connect(_focused)
    app.setProperty(GUARDED, True)


def installed(app: QApplication) -> bool:
    return bool(app.property(GUARDED))

"""A row of controls that wraps onto the next line when the window is too narrow for it.

A tool bar of buttons, boxes and chips in a :class:`FlowLayout` never runs off the right edge
of a small laptop screen, and never squeezes its buttons until their words are cut.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items left to right at their preferred widths, wrapping to new lines as needed.

    An item added with ``stretch=True`` takes the rest of its line; ``push_right`` items go
    to the right-hand end of their line (a tool bar's last button).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right: set[int] = set()
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def add(self, widget: QWidget, *, push_right: bool = False) -> None:
        """Add ``widget``; with ``push_right`` it sits at the right end of its line."""
        self.addWidget(widget)
        if push_right:
            self._right.add(id(self._items[-1]))

    # -- QLayout ---------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._right.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal & Qt.Orientation.Vertical  # neither

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        width = sum(self._hint(i).width() for i in self._shown()) + self.spacing() * max(
            len(self._shown()) - 1, 0
        )
        height = max((self._hint(i).height() for i in self._shown()), default=0)
        return _grow(QSize(width, height), self.contentsMargins())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(self._hint(item))
        return _grow(size, self.contentsMargins())

    # -- placing ---------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _hint(item: QLayoutItem) -> QSize:
        """The preferred size, never below the minimum (a button's whole text)."""
        return item.sizeHint().expandedTo(item.minimumSize())

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            w = self._hint(item).width()
            if lines[-1] and used + self.spacing() + w > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + w
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.marginsRemoved(margins)
        y = inner.y()
        for line in self._lines(inner.width()):
            height = max(self._hint(i).height() for i in line)
            if apply:
                self._place(line, inner, y, height)
            y += height + self.spacing()
        used = y - self.spacing() - inner.y() if self._shown() else 0
        return used + margins.top() + margins.bottom()

    def _place(self, line: list[QLayoutItem], inner: QRect, y: int, height: int) -> None:
        widths = [self._hint(i).width() for i in line]
        spare = inner.width() - sum(widths) - self.spacing() * (len(line) - 1)
        growing = [n for n, i in enumerate(line) if _grows(i)]
        if growing and spare > 0:
            for n in growing:
                widths[n] += spare // len(growing)
            spare = 0
        x = inner.x()
        for n, item in enumerate(line):
            if id(item) in self._right and spare > 0:
                x += spare
                spare = 0
            top = y + (height - self._hint(item).height()) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(widths[n], self._hint(item).height())))
            x += widths[n] + self.spacing()


def together(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets that stay on one line when a flow wraps (a label and its box)."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        widget.setParent(box)
        row.addWidget(widget)
    return box


def _grows(item: QLayoutItem) -> bool:
    widget: Any = item.widget()
    if widget is None:
        return False
    policy = widget.sizePolicy().horizontalPolicy()
    return policy in (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)


def _grow(size: QSize, margins: QMargins) -> QSize:
    return QSize(
        size.width() + margins.left() + margins.right(),
        size.height() + margins.top() + margins.bottom(),
    )

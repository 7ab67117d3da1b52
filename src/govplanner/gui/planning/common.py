"""Small pieces the planning views share: dates, RAG chips and cell painting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QDateEdit,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from govplanner.gui.rag import TEXT_ON_FILL, Rag, rag_fill

#: principle RAG -> the heatmap's fill of the same meaning
RAG_FILL: dict[str, QColor] = {
    "green": rag_fill(Rag.COVERED),
    "amber": rag_fill(Rag.PARTIAL),
    "red": rag_fill(Rag.GAP),
    "grey": rag_fill(Rag.NONE),
}
#: comparison verdict -> fill
VERDICT_FILL: dict[str, QColor] = {
    "gain": rag_fill(Rag.COVERED),
    "loss": rag_fill(Rag.GAP),
    "same": QColor("#eef1f3"),
}


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(parent: QWidget, accessible: str, day: dt.date | None = None) -> QDateEdit:
    """A date box with a calendar, showing dates as UK readers write them."""
    edit = QDateEdit(to_qdate(day or dt.date.today()), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setAccessibleName(accessible)
    edit.setMinimumWidth(150)
    return edit


def chip(text: str, fill: QColor, parent: QWidget | None = None) -> QLabel:
    """A rounded, coloured label: the colour never stands without its words."""
    label = QLabel(text, parent)
    set_chip(label, text, fill)
    return label


def set_chip(label: QLabel, text: str, fill: QColor) -> None:
    label.setText(text)
    label.setStyleSheet(
        f"QLabel {{ background: {fill.name()}; color: {TEXT_ON_FILL.name()}; "
        "border-radius: 4px; padding: 3px 10px; font-weight: 600; }"
    )


def hint_style() -> str:
    """A framed note (empty states and explanations) that follows the palette."""
    return "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 10px; }"


class FilledCellDelegate(QStyledItemDelegate):
    """Paints the cell's fill and centred text, keeping the fill when selected (a frame shows
    the selection instead)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        fill = index.data(Qt.ItemDataRole.BackgroundRole)
        if fill is not None:
            painter.fillRect(rect, fill)
        painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole) or TEXT_ON_FILL)
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data() or ""))
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


def place_beside(window: QWidget, beside: QWidget, offset: int = 48) -> None:
    """Put ``window`` down and right of ``beside`` (both stay in sight), shrunk and moved as
    needed to lie within the screen's available area (a full-screen window on a laptop)."""
    frame = beside.frameGeometry()
    extra = frame.size() - beside.size()  # the title bar and borders
    screen = beside.screen()
    free = screen.availableGeometry() if screen is not None else frame
    width = max(min(frame.width(), free.width() - offset), window.minimumWidth() + extra.width())
    height = max(
        min(frame.height(), free.height() - offset), window.minimumHeight() + extra.height()
    )
    x = min(frame.x() + offset, free.x() + free.width() - width)
    y = min(frame.y() + offset, free.y() + free.height() - height)
    window.resize(width - extra.width(), height - extra.height())
    window.move(max(x, free.x()), max(y, free.y()))

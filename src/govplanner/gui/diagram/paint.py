"""Drawing shared by the diagram's items: level of detail, status badges and arrowheads."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from govplanner.gui.diagram.theme import Status

DETAIL_LOD = 0.33  # below this zoom, items are drawn without text
PAD = 12.0


def lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def and_list(names: list[str] | tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def badge_size(font: QFont, text: str) -> tuple[float, float]:
    metrics = QFontMetricsF(font)
    height = metrics.height() + 4
    return metrics.horizontalAdvance(text) + height + 8, height


def paint_badge(
    painter: QPainter,
    corner: QPointF,
    font: QFont,
    status: Status,
    text: str,
    colour: QColor,
    ink: QColor,
) -> float:
    """A pill with a status shape and words at ``corner``; returns its width."""
    width, height = badge_size(font, text)
    pill = QRectF(corner.x(), corner.y(), width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    icon = QRectF(pill.left() + 5, pill.top() + 3, height - 6, height - 6)
    _draw_icon(painter, status, icon, ink)
    painter.setPen(ink)
    painter.setFont(font)
    text_rect = QRectF(icon.right() + 4, pill.top(), width - height, height)
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
    return width


def _draw_icon(painter: QPainter, status: Status, rect: QRectF, white: QColor) -> None:
    """A shape in the badge's ink that differs by status (diamond, triangle, circle, tick, ring)."""
    painter.save()
    c = rect.center()
    if status == "critical":
        painter.setBrush(white)
        painter.drawPolygon(
            QPolygonF([QPointF(c.x(), rect.top()), QPointF(rect.right(), c.y()),
                       QPointF(c.x(), rect.bottom()), QPointF(rect.left(), c.y())])
        )  # fmt: skip
    elif status == "warning":
        painter.setBrush(white)
        painter.drawPolygon(
            QPolygonF([QPointF(c.x(), rect.top()), rect.bottomRight(), rect.bottomLeft()])
        )
    elif status == "info":
        painter.setBrush(white)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
    elif status == "ok":
        pen = QPen(white, 1.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPolyline(
            QPolygonF([QPointF(rect.left(), c.y()), QPointF(c.x() - 1, rect.bottom() - 1),
                       QPointF(rect.right(), rect.top() + 1)])
        )  # fmt: skip
    else:
        painter.setPen(QPen(white, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
    painter.restore()


def paint_arrowhead(
    painter: QPainter,
    tip: QPointF,
    before: QPointF,
    colour: QColor,
    background: QColor,
    *,
    open_head: bool = False,
) -> None:
    """A filled head (or an open one, filled with the background) pointing at ``tip``."""
    line = QLineF(tip, before)
    line.setLength(10)
    left, right = QLineF(line), QLineF(line)
    left.setAngle(line.angle() + 25)
    right.setAngle(line.angle() - 25)
    head = QPolygonF([tip, left.p2(), right.p2()])
    if open_head:
        painter.setPen(QPen(colour, 1.4))
        painter.setBrush(background)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    painter.drawPolygon(head)

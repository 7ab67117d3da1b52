"""The diagram's lines: accountable (solid, filled arrowhead) and advisory (dashed, open)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from govplanner.domain.enums import LineKind
from govplanner.gui.diagram.geometry import Connector
from govplanner.gui.diagram.paint import paint_arrowhead
from govplanner.gui.diagram.theme import Theme

if TYPE_CHECKING:
    from govplanner.gui.diagram.scene import DiagramScene


class ConnectorItem(QGraphicsItem):
    """A line out of a committee, with an arrowhead at the committee it is accountable to
    (solid, filled head) or advises (dashed, open head)."""

    def __init__(self, connector: Connector) -> None:
        super().__init__()
        self.connector = connector
        self.points = [QPointF(x, y) for x, y in connector.points]
        self.path = QPainterPath(self.points[0])
        if connector.shape != "curve" or len(self.points) != 4:
            for point in self.points[1:]:
                self.path.lineTo(point)
        else:
            self.path.cubicTo(self.points[1], self.points[2], self.points[3])
        self._bounds = self.path.boundingRect().adjusted(-10, -10, 10, 10)
        self._shape: QPainterPath | None = None  # made when first hit-tested
        self.setZValue(1)

    @property
    def advisory(self) -> bool:
        return self.connector.kind is LineKind.ADVISES

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(8)
            self._shape = stroker.createStroke(self.path)
        return self._shape

    def pen(self, theme: Theme) -> QPen:
        """Accountable lines solid (in the warning colour when irregular), advice dashed."""
        if self.advisory:
            pen = QPen(theme.advisory, 1.6)
            pen.setStyle(Qt.PenStyle.DashLine)
        elif self.connector.irregular:
            pen = QPen(theme.irregular, 2.0)
        else:
            pen = QPen(theme.line, 1.4)
        return pen

    def describe(self, names: dict[str, str]) -> str:
        """'X is accountable to Y' or 'X advises Y', for the tooltip."""
        source = names.get(self.connector.from_id, "?")
        target = names.get(self.connector.to_id, "?")
        if self.advisory:
            return f"{source} advises {target}"
        text = f"{source} is accountable to {target}"
        return text + " (to a lower level, or in a loop)" if self.connector.irregular else text

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        pen = self.pen(scene.theme)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        paint_arrowhead(
            painter, self.points[-1], self.points[-2], pen.color(), scene.theme.background,
            open_head=self.advisory,
        )  # fmt: skip

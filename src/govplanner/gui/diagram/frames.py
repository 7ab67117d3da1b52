"""The frame round committees in common: one per group and band, named after the group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from govplanner.domain.vocabulary import Words
from govplanner.gui.diagram.geometry import FramePlace
from govplanner.gui.diagram.paint import DETAIL_LOD, PAD, and_list, lod

if TYPE_CHECKING:
    from govplanner.gui.diagram.scene import DiagramScene


class GroupFrameItem(QGraphicsItem):
    """A frame round committees in common on one band, named after their group."""

    def __init__(self, frame: FramePlace) -> None:
        super().__init__()
        self.frame = frame
        self.setPos(frame.x, frame.y)
        self.setZValue(0.5)

    @property
    def title(self) -> str:
        name = self.frame.name
        # A group is often named "... in common" already: do not say it twice.
        return name if "in common" in name.casefold() else f"In common: {name}"

    def boundingRect(self) -> QRectF:
        return QRectF(-1, -1, self.frame.width + 2, self.frame.height + 2)

    def describe(self, names: dict[str, str], words: Words) -> str:
        members = [names.get(cid, "?") for cid in self.frame.committee_ids]
        return (
            f"{words.cap('committees')} in common: {self.frame.name}. They meet together and "
            f"each decides for its own body: {and_list(members)}."
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        theme = scene.theme
        rect = QRectF(0, 0, self.frame.width, self.frame.height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.group, 1.6))
        painter.setBrush(theme.group_fill)
        painter.drawRoundedRect(rect, 10, 10)
        if lod(painter) < DETAIL_LOD:
            return
        font = QFont(scene.body_font)
        font.setBold(True)
        metrics = QFontMetricsF(font)
        width = self.frame.width - 2 * PAD
        text = metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, width)
        painter.setPen(theme.group)
        painter.setFont(font)
        label = QRectF(PAD, 0, width, scene.layout.sizes.frame_top)
        painter.drawText(label, Qt.AlignmentFlag.AlignVCenter, text)

"""The diagram's key: what the badges, lines and frames mean, in words beside each colour."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from govplanner.domain.enums import Severity
from govplanner.domain.vocabulary import Words
from govplanner.gui.diagram.geometry import MARGIN
from govplanner.gui.diagram.paint import DETAIL_LOD, badge_size, lod, paint_arrowhead, paint_badge
from govplanner.gui.diagram.theme import OK, UNKNOWN, Status, Theme

if TYPE_CHECKING:
    from govplanner.gui.diagram.scene import DiagramScene


EntryKind = Literal["heading", "badge", "accountable", "irregular", "advises", "frame", "note"]


@dataclass(frozen=True)
class LegendEntry:
    kind: EntryKind
    text: str
    status: Status = UNKNOWN


SWATCH = 38.0  # the width of a line or frame sample before its words
ENTRY_GAP = 18.0
ROW_GAP = 8.0


class LegendItem(QGraphicsItem):
    """The key above the bands: what the badges, lines and frames mean, in words and colours
    (it is part of the scene, so exports carry it too)."""

    BADGES = (
        (Severity.CRITICAL, "Critical"),
        (Severity.WARNING, "Warning"),
        (Severity.INFO, "Information"),
        (OK, "No issues"),
        (UNKNOWN, "Not checked yet"),
    )

    def __init__(self, words: Words, body: QFont, badge: QFont, width: float) -> None:
        super().__init__()
        self.words = words
        self.max_width = width
        self.entries = self.make_entries(words)
        self.placed = self._arrange(body, badge, width)
        self.width = max((x + w for x, _, w, _ in self._extents), default=0.0)
        self.height = max((y + h for _, y, _, h in self._extents), default=0.0)
        self.setPos(MARGIN - 8, MARGIN - 10)

    @classmethod
    def make_entries(cls, words: Words) -> list[list[LegendEntry]]:
        """Two sections: the badges, then the lines and frames."""
        badges = [LegendEntry("heading", "Badges (worst open finding):")]
        badges += [LegendEntry("badge", text, status) for status, text in cls.BADGES]
        lines = [
            LegendEntry("heading", "Lines:"),
            LegendEntry("accountable", "accountable to (solid)"),
            LegendEntry("irregular", "accountable to a lower level, or in a loop"),
            LegendEntry("advises", "advises (dashed)"),
            LegendEntry(
                "frame",
                f"{words.committees} in common: they meet together, each decides for its own body",
            ),
            LegendEntry("note", f"“Joint:” on a card: one {words.committee} of several bodies"),
        ]
        return [badges, lines]

    def texts(self) -> list[str]:
        return [entry.text for section in self.entries for entry in section]

    def _entry_size(self, entry: LegendEntry, body: QFont, badge: QFont) -> tuple[float, float]:
        font = QFont(body)
        font.setBold(entry.kind == "heading")
        metrics = QFontMetricsF(font)
        text = metrics.horizontalAdvance(entry.text)
        if entry.kind == "badge":
            return badge_size(badge, entry.text)
        if entry.kind in ("heading", "note"):
            return text, metrics.height()
        return SWATCH + 6 + text, metrics.height()

    def _arrange(
        self, body: QFont, badge: QFont, width: float
    ) -> list[tuple[QPointF, LegendEntry]]:
        """Flow each section's entries into rows no wider than ``width``."""
        placed: list[tuple[QPointF, LegendEntry]] = []
        self._extents: list[tuple[float, float, float, float]] = []
        row_height = max(badge_size(badge, "X")[1], QFontMetricsF(body).height()) + ROW_GAP
        y = 0.0
        for section in self.entries:
            x = 0.0
            for entry in section:
                w, _ = self._entry_size(entry, body, badge)
                if x > 0 and x + w > width:
                    x, y = 24.0, y + row_height  # a continuation row, indented
                placed.append((QPointF(x, y), entry))
                self._extents.append((x, y, w, row_height - ROW_GAP))
                x += w + (10 if entry.kind in ("heading", "badge") else ENTRY_GAP)
            y += row_height
        return placed

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, max(self.width, 1.0), max(self.height, 1.0))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if lod(painter) < DETAIL_LOD:
            return
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        theme = scene.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(scene.body_font)
        _, row = badge_size(scene.badge_font, "X")
        for corner, entry in self.placed:
            mid = corner.y() + row / 2
            baseline = mid + metrics.ascent() / 2 - metrics.descent() / 2
            x = corner.x()
            if entry.kind == "badge":
                colour = theme.status_colour(entry.status)
                paint_badge(
                    painter, corner, scene.badge_font, entry.status, entry.text, colour,
                    theme.badge_text,
                )  # fmt: skip
                continue
            if entry.kind in ("accountable", "irregular", "advises"):
                self._line_sample(painter, theme, entry.kind, x, mid)
                x += SWATCH + 6
            elif entry.kind == "frame":
                painter.setPen(QPen(theme.group, 1.6))
                painter.setBrush(theme.group_fill)
                painter.drawRoundedRect(QRectF(x, mid - row / 2 + 1, SWATCH, row - 2), 5, 5)
                x += SWATCH + 6
            font = QFont(scene.body_font)
            font.setBold(entry.kind == "heading")
            painter.setFont(font)
            painter.setPen(theme.text if entry.kind == "heading" else theme.muted)
            painter.drawText(QPointF(x, baseline), entry.text)

    @staticmethod
    def _line_sample(painter: QPainter, theme: Theme, kind: str, x: float, y: float) -> None:
        if kind == "advises":
            pen = QPen(theme.advisory, 1.6)
            pen.setStyle(Qt.PenStyle.DashLine)
        else:
            pen = QPen(theme.irregular if kind == "irregular" else theme.line, 2.0)
        painter.setPen(pen)
        painter.drawLine(QLineF(x, y, x + SWATCH - 4, y))
        paint_arrowhead(
            painter, QPointF(x + SWATCH, y), QPointF(x, y), pen.color(), theme.background,
            open_head=kind == "advises",
        )  # fmt: skip

"""The diagram's graphics items: committee boxes, tier bands and reporting-line connectors.

Items are cheap to build (plain attributes; text is wrapped lazily on first paint) and draw
less when zoomed far out, so a plan with thousands of committees stays responsive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from govplanner.domain.enums import Severity
from govplanner.domain.vocabulary import DEFAULT_WORDS, Words
from govplanner.gui.diagram.layout import BOX_HEIGHT, BOX_WIDTH, LABEL_WIDTH, MARGIN, BandPlace
from govplanner.gui.diagram.theme import OK, UNKNOWN, Status, Theme, badge_text

if TYPE_CHECKING:
    from govplanner.gui.diagram.scene import DiagramScene

DETAIL_LOD = 0.33  # below this zoom, boxes are drawn without text
PAD = 12.0
STRIPE = 6.0


def _lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


class CommitteeBox(QGraphicsItem):
    """One committee: name, programme area, seats and vacancies, and a status badge."""

    def __init__(self, committee_id: str) -> None:
        super().__init__()
        self.committee_id = committee_id
        self.name = ""
        self.programme = ""
        self.tier = ""
        self.seats = 0
        self.vacant = 0
        self.status: Status = UNKNOWN
        self.count = 0
        self._lines: list[str] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(False)
        self.setZValue(2)

    def set_text(self, name: str, programme: str, tier: str) -> None:
        self.name, self.programme, self.tier = name, programme, tier
        self._lines = None
        self.update()

    def set_seats(self, seats: int, vacant: int) -> None:
        if (seats, vacant) != (self.seats, self.vacant):
            self.seats, self.vacant = seats, vacant
            self.update()

    def set_status(self, status: Status, count: int) -> None:
        if (status, count) != (self.status, self.count):
            self.status, self.count = status, count
            self.update()

    @property
    def seats_text(self) -> str:
        if not self.seats:
            return "No seats"
        seats = f"{self.seats} seat" + ("" if self.seats == 1 else "s")
        return f"{seats} · {self.vacant} vacant" if self.vacant else seats

    def summary(self) -> str:
        """A sentence describing the box, for tooltips and screen readers."""
        tier = getattr(self.scene(), "words", DEFAULT_WORDS).tier
        parts = [f"{self.name} ({self.tier} {tier})"]
        if self.programme:
            parts.append(f"programme area {self.programme}")
        parts.append(self.seats_text)
        parts.append(badge_text(self.status, self.count))
        return ", ".join(parts)

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, BOX_WIDTH + 6, BOX_HEIGHT + 6)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, BOX_WIDTH, BOX_HEIGHT), 8, 8)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        theme = scene.theme
        colour = theme.status_colour(self.status)
        selected = bool(option.state & QStyle.StateFlag.State_Selected) and not scene.exporting
        rect = QRectF(0, 0, BOX_WIDTH, BOX_HEIGHT)
        border = QPen(theme.selection if selected else colour, 3.5 if selected else 1.4)
        if _lod(painter) < DETAIL_LOD:
            painter.setPen(border)
            painter.setBrush(theme.status_fill(self.status))
            painter.drawRect(rect)
            painter.fillRect(QRectF(0, 0, BOX_WIDTH, BOX_HEIGHT * 0.3), colour)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(border)
        painter.setBrush(theme.status_fill(self.status))
        painter.drawRoundedRect(rect, 8, 8)
        painter.save()
        painter.setClipPath(self.shape())
        painter.fillRect(QRectF(0, 0, STRIPE, BOX_HEIGHT), colour)
        painter.restore()
        self._paint_text(painter, scene, theme)
        self._paint_badge(painter, scene.badge_font, colour, theme.badge_text)

    def _paint_text(self, painter: QPainter, scene: DiagramScene, theme: Theme) -> None:
        left, width = STRIPE + PAD - 2, BOX_WIDTH - STRIPE - 2 * PAD + 2
        if self._lines is None:
            self._lines = wrap(self.name, QFontMetricsF(scene.title_font), width, 2)
        painter.setPen(theme.text)
        painter.setFont(scene.title_font)
        title_height = QFontMetricsF(scene.title_font).height()
        y = 9.0
        for line in self._lines:
            painter.drawText(QRectF(left, y, width, title_height), Qt.AlignmentFlag.AlignLeft, line)
            y += title_height
        body = QFontMetricsF(scene.body_font)
        painter.setFont(scene.body_font)
        if self.programme:
            painter.setPen(theme.muted)
            text = body.elidedText(self.programme, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRectF(left, y + 1, width, body.height()), text)
        painter.setPen(theme.text)
        bottom = BOX_HEIGHT - 9 - body.height()
        painter.drawText(QRectF(left, bottom, width, body.height()), self.seats_text)

    def _paint_badge(self, painter: QPainter, font: QFont, colour: QColor, ink: QColor) -> None:
        text = badge_text(self.status, self.count)
        width, height = badge_size(font, text)
        corner = QPointF(BOX_WIDTH - PAD - width + 4, BOX_HEIGHT - 7 - height)
        paint_badge(painter, corner, font, self.status, text, colour, ink)


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


def wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines; the last one is elided if needed."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if metrics.horizontalAdvance(line) > width:
            line = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        lines.append(line)
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return lines


class BandItem(QGraphicsItem):
    """A tier's horizontal band, labelled with the tier's name, level and committee count."""

    def __init__(self, band: BandPlace, width: float) -> None:
        super().__init__()
        self.band = band
        self.width = width
        self.setPos(0, band.y)
        self.setZValue(0)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.band.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        theme = scene.theme
        rect = self.boundingRect()
        painter.fillRect(rect, theme.band_alt if self.band.index % 2 else theme.band)
        painter.setPen(QPen(theme.band_line, 1))
        painter.drawLine(QLineF(LABEL_WIDTH, 0, LABEL_WIDTH, rect.height()))
        if _lod(painter) < DETAIL_LOD:
            return
        title = QFontMetricsF(scene.band_font)
        left, width = MARGIN - 8, LABEL_WIDTH - MARGIN
        painter.setPen(theme.text)
        painter.setFont(scene.band_font)
        name = title.elidedText(self.band.name, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(left, 22, width, title.height()), name)
        painter.setFont(scene.body_font)
        painter.setPen(theme.muted)
        body = QFontMetricsF(scene.body_font)
        y = 24 + title.height()
        for line in self.caption_lines(scene.words):
            painter.drawText(QRectF(left, y, width, body.height()), line)
            y += body.height()
        if self.band.committees == 0:
            empty = QRectF(LABEL_WIDTH + MARGIN, 0, self.width, rect.height())
            text = f"No {scene.words.committees} on this {scene.words.tier}"
            painter.drawText(empty, Qt.AlignmentFlag.AlignVCenter, text)

    def caption_lines(self, words: Words) -> tuple[str, str]:
        """Below the band's name: its framework level and how many committees it has."""
        count = self.band.committees
        noun = words.committee if count == 1 else words.committees
        return (f"{self.band.level.label} level", f"{count} {noun}")


class ConnectorItem(QGraphicsItem):
    """A reporting line with an arrowhead at the committee reported to."""

    def __init__(self, points: tuple[tuple[float, float], ...], regular: bool) -> None:
        super().__init__()
        self.points = [QPointF(x, y) for x, y in points]
        self.regular = regular
        self.path = QPainterPath(self.points[0])
        if regular or len(self.points) != 4:
            for point in self.points[1:]:
                self.path.lineTo(point)
        else:
            self.path.cubicTo(self.points[1], self.points[2], self.points[3])
        self._bounds = self.path.boundingRect().adjusted(-8, -8, 8, 8)
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        colour = scene.theme.line if self.regular else scene.theme.irregular
        pen = QPen(colour, 1.4 if self.regular else 1.8)
        if not self.regular:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        tip, before = self.points[-1], self.points[-2]
        line = QLineF(tip, before)
        line.setLength(9)
        left, right = QLineF(line), QLineF(line)
        left.setAngle(line.angle() + 24)
        right.setAngle(line.angle() - 24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([tip, left.p2(), right.p2()]))


class LegendItem(QGraphicsItem):
    """The key above the bands: what the colours, shapes and lines mean (exported too)."""

    ENTRIES = (
        (Severity.CRITICAL, "Critical"),
        (Severity.WARNING, "Warning"),
        (Severity.INFO, "Information"),
        (OK, "No issues"),
        (UNKNOWN, "Not checked yet"),
    )

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.setPos(MARGIN - 8, MARGIN - 10)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.width, 30)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if _lod(painter) < DETAIL_LOD:
            return
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        theme = scene.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(scene.body_font)
        painter.setFont(scene.body_font)
        painter.setPen(theme.muted)
        intro = "Worst open finding:"
        painter.drawText(QPointF(0, 15 + metrics.ascent() / 2 - 2), intro)
        x = metrics.horizontalAdvance(intro) + 10
        _, height = badge_size(scene.badge_font, "X")
        for status, text in self.ENTRIES:
            corner = QPointF(x, 15 - height / 2)
            colour = theme.status_colour(status)
            x += paint_badge(
                painter, corner, scene.badge_font, status, text, colour, theme.badge_text
            )
            x += 8
        x += 16
        for regular, text in (
            (True, "reports to"),
            (False, f"reports to a lower {scene.words.tier}, or in a loop"),
        ):
            colour = theme.line if regular else theme.irregular
            pen = QPen(colour, 1.6)
            if not regular:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QLineF(x, 15, x + 30, 15))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            tip = QPointF(x + 34, 15)
            painter.drawPolygon(QPolygonF([tip, QPointF(x + 26, 11), QPointF(x + 26, 19)]))
            painter.setPen(theme.muted)
            painter.setFont(scene.body_font)
            painter.drawText(QPointF(x + 40, 15 + metrics.ascent() / 2 - 2), text)
            x += 40 + metrics.horizontalAdvance(text) + 16

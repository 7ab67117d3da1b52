"""The diagram's graphics items: committee cards, tier bands, group frames, lines and the key.

Items are cheap to build (plain attributes; text is wrapped lazily on first paint) and draw
less when zoomed far out, so a plan with thousands of committees stays responsive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from govplanner.domain.enums import LineKind, Severity
from govplanner.domain.vocabulary import DEFAULT_WORDS, Words
from govplanner.gui.diagram.layout import (
    BOX_HEIGHT,
    BOX_WIDTH,
    LABEL_WIDTH,
    MARGIN,
    BandPlace,
    Connector,
    FramePlace,
)
from govplanner.gui.diagram.theme import OK, UNKNOWN, Status, Theme, badge_text

if TYPE_CHECKING:
    from govplanner.gui.diagram.scene import DiagramScene

DETAIL_LOD = 0.33  # below this zoom, boxes are drawn without text
PAD = 12.0
STRIPE = 6.0
TOP_PAD = 8.0  # above a card's name
BOTTOM_PAD = 7.0  # below its badge


def _lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def and_list(names: list[str] | tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class Card:
    """What a committee's card says, in words (names already looked up)."""

    name: str
    kind: str = ""
    programme: str = ""
    tier: str = ""
    #: the names of the bodies it belongs to (two or more: a joint committee)
    bodies: tuple[str, ...] = ()
    group: str = ""
    accountable_to: tuple[str, ...] = ()
    advises: tuple[str, ...] = ()

    @property
    def joint(self) -> bool:
        return len(self.bodies) > 1

    @property
    def caption(self) -> str:
        """The line under the name: its kind, then its programme area."""
        return " · ".join(part for part in (self.kind, self.programme) if part)

    @property
    def bodies_text(self) -> str:
        """'Joint: ICB A, Council B' for a joint committee, the body's name for one body."""
        if self.joint:
            return "Joint: " + ", ".join(self.bodies)
        return self.bodies[0] if self.bodies else ""


class CommitteeBox(QGraphicsItem):
    """One committee's card: name, kind, programme area, bodies, seats and a status badge."""

    def __init__(
        self, committee_id: str, width: float = BOX_WIDTH, height: float = BOX_HEIGHT
    ) -> None:
        super().__init__()
        self.committee_id = committee_id
        self.width, self.height = width, height
        self.card = Card(name="")
        self.seats = 0
        self.vacant = 0
        self.status: Status = UNKNOWN
        self.count = 0
        self._lines: list[str] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(False)
        self.setZValue(2)

    @property
    def name(self) -> str:
        return self.card.name

    @property
    def programme(self) -> str:
        return self.card.programme

    @property
    def tier(self) -> str:
        return self.card.tier

    def set_card(self, card: Card) -> None:
        if card != self.card:
            self.card = card
            self._lines = None
            self.update()

    def relayout_text(self) -> None:
        """Wrap the name again on the next paint (the fonts changed)."""
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
        """A sentence describing the card in full, for tooltips and screen readers."""
        words = getattr(self.scene(), "words", DEFAULT_WORDS)
        card = self.card
        parts = [f"{card.name} ({card.tier} {words.tier})"]
        if card.kind:
            kind = card.kind.lower()  # "clinical forum" names itself; the others need a noun
            parts.append(kind if kind.endswith("forum") else f"{kind} {words.committee}")
        if card.joint:
            parts.append(f"joint {words.committee} of {and_list(card.bodies)}")
        elif card.bodies:
            parts.append(f"of {card.bodies[0]}")
        if card.group:
            parts.append(f"meets in common as {card.group}")
        if card.accountable_to:
            parts.append(f"accountable to {and_list(card.accountable_to)}")
        if card.advises:
            parts.append(f"advises {and_list(card.advises)}")
        if card.programme:
            parts.append(f"programme area {card.programme}")
        parts.append(self.seats_text)
        parts.append(badge_text(self.status, self.count))
        return ", ".join(parts)

    def name_lines(self, font: QFont) -> list[str]:
        """The name as drawn: up to two lines, the second elided when it does not fit."""
        if self._lines is None:
            self._lines = wrap(self.card.name, QFontMetricsF(font), self._text_width(), 2)
        return self._lines

    def caption_rows(self, metrics: QFontMetricsF, width: float) -> tuple[str, str]:
        """The two rows under the name: kind and programme area, then the bodies; when the
        first row would be cut short and there are no bodies, the area takes the second."""
        card = self.card
        if (
            not card.bodies
            and card.kind
            and card.programme
            and metrics.horizontalAdvance(card.caption) > width
        ):
            return card.kind, card.programme
        return card.caption, card.bodies_text

    def _text_width(self) -> float:
        return self.width - STRIPE - 2 * PAD + 2

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, self.width + 6, self.height + 6)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, self.width, self.height), 8, 8)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        theme = scene.theme
        colour = theme.status_colour(self.status)
        selected = bool(option.state & QStyle.StateFlag.State_Selected) and not scene.exporting
        rect = QRectF(0, 0, self.width, self.height)
        border = QPen(theme.selection if selected else colour, 3.5 if selected else 1.4)
        if _lod(painter) < DETAIL_LOD:
            painter.setPen(border)
            painter.setBrush(theme.status_fill(self.status))
            painter.drawRect(rect)
            painter.fillRect(QRectF(0, 0, self.width, self.height * 0.3), colour)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(border)
        painter.setBrush(theme.status_fill(self.status))
        painter.drawRoundedRect(rect, 8, 8)
        painter.save()
        painter.setClipPath(self.shape())
        painter.fillRect(QRectF(0, 0, STRIPE, self.height), colour)
        painter.restore()
        self._paint_text(painter, scene, theme)

    def _paint_text(self, painter: QPainter, scene: DiagramScene, theme: Theme) -> None:
        left, width = STRIPE + PAD - 2, self._text_width()
        title = QFontMetricsF(scene.title_font)
        painter.setPen(theme.text)
        painter.setFont(scene.title_font)
        y = TOP_PAD
        for line in self.name_lines(scene.title_font):
            painter.drawText(
                QRectF(left, y, width, title.height()), Qt.AlignmentFlag.AlignLeft, line
            )
            y += title.height()
        y += 2
        body = QFontMetricsF(scene.body_font)
        painter.setFont(scene.body_font)
        painter.setPen(theme.muted)
        for text in self.caption_rows(body, width):
            if text:
                shown = body.elidedText(text, Qt.TextElideMode.ElideRight, width)
                painter.drawText(QRectF(left, y, width, body.height()), shown)
                y += body.height()
        # The bottom row: seats on the left, the status badge on the right.
        text = badge_text(self.status, self.count)
        badge_width, badge_height = badge_size(scene.badge_font, text)
        top = self.height - BOTTOM_PAD - badge_height
        corner = QPointF(left + width - badge_width, top)
        colour = theme.status_colour(self.status)
        paint_badge(painter, corner, scene.badge_font, self.status, text, colour, theme.badge_text)
        painter.setFont(scene.body_font)
        painter.setPen(theme.text)
        room = max(width - badge_width - 8, 0)
        seats = body.elidedText(self.seats_text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(
            QRectF(left, top, room, badge_height), Qt.AlignmentFlag.AlignVCenter, seats
        )


def card_height(title: QFont, body: QFont, badge: QFont) -> float:
    """The height a card needs: two name lines, kind, bodies and the seats and badge row."""
    lines = 2 * QFontMetricsF(title).height() + 2 + 2 * QFontMetricsF(body).height()
    return TOP_PAD + lines + 6 + badge_size(badge, "X")[1] + BOTTOM_PAD


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
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        self._shape = stroker.createStroke(self.path)
        self.setZValue(1)

    @property
    def advisory(self) -> bool:
        return self.connector.kind is LineKind.ADVISES

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
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


class GroupFrameItem(QGraphicsItem):
    """A frame round committees in common on one band, named after their group."""

    def __init__(self, frame: FramePlace) -> None:
        super().__init__()
        self.frame = frame
        self.setPos(frame.x, frame.y)
        self.setZValue(0.5)

    @property
    def title(self) -> str:
        return f"In common: {self.frame.name}"

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
        if _lod(painter) < DETAIL_LOD:
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
        if _lod(painter) < DETAIL_LOD:
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

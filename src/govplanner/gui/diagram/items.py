"""The diagram's boxes: committee cards and tier bands.

Items are cheap to build (plain attributes; text is wrapped lazily on first paint) and draw
less when zoomed far out, so a plan with thousands of committees stays responsive. Lines are
:mod:`~govplanner.gui.diagram.connectors`, group frames :mod:`~govplanner.gui.diagram.frames`
and the key :mod:`~govplanner.gui.diagram.legend`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from govplanner.domain.vocabulary import DEFAULT_WORDS, Words
from govplanner.gui.diagram.geometry import BOX_HEIGHT, BOX_WIDTH, LABEL_WIDTH, MARGIN, BandPlace
from govplanner.gui.diagram.paint import (
    DETAIL_LOD,
    PAD,
    and_list,
    badge_size,
    lod,
    paint_badge,
)
from govplanner.gui.diagram.theme import UNKNOWN, Status, Theme, badge_text

if TYPE_CHECKING:
    from govplanner.gui.diagram.scene import DiagramScene

STRIPE = 6.0
TOP_PAD = 8.0  # above a card's name
BOTTOM_PAD = 7.0  # below its badge


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
        if lod(painter) < DETAIL_LOD:
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
        if lod(painter) < DETAIL_LOD:
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

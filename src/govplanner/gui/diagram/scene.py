"""The diagram scene: items built from a plan and an analysis; it only reads the plan."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from govplanner.analysis.result import Analysis, Finding
from govplanner.domain.enums import Severity, SubjectKind
from govplanner.domain.model import Committee, Plan
from govplanner.domain.vocabulary import DEFAULT_WORDS, Words, words
from govplanner.gui.diagram.connectors import ConnectorItem
from govplanner.gui.diagram.frames import GroupFrameItem
from govplanner.gui.diagram.items import BandItem, Card, CommitteeBox, card_height
from govplanner.gui.diagram.layout import (
    BOX_HEIGHT,
    BOX_WIDTH,
    FRAME_TOP,
    MARGIN,
    Layout,
    Sizes,
    layout_plan,
)
from govplanner.gui.diagram.legend import LegendItem
from govplanner.gui.diagram.seats import SeatCounts
from govplanner.gui.diagram.theme import OK, UNKNOWN, Status, Theme, fonts

MAX_TOOLTIP_FINDINGS = 8
#: the body text height the default card width was drawn for; larger text widens the cards
REFERENCE_LINE = 16.0
LEGEND_MIN_WIDTH = 640.0
LEGEND_GAP = 20.0  # between the legend and the first band


class DiagramScene(QGraphicsScene):
    """Committee cards in tier bands; rebuilt or patched by :class:`DiagramView`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = Theme.light()
        self.exporting = False
        self.boxes: dict[str, CommitteeBox] = {}
        self.frames: list[GroupFrameItem] = []
        self.connectors: list[ConnectorItem] = []
        self.legend: LegendItem | None = None
        self.layout = Layout()
        #: each committee's open findings, as the last analysis applied found them
        self.findings: dict[str, list[Finding]] = {}
        self.seat_counts = SeatCounts()
        self.words: Words = DEFAULT_WORDS  # the plan's words for committee, tier, role
        self.set_fonts(QGuiApplication.font())

    def set_fonts(self, base: QFont) -> None:
        """Take the fonts from ``base``; a different size needs a :meth:`rebuild` to resize."""
        self.title_font, self.body_font, self.badge_font = fonts(base)
        self.band_font = QFont(self.title_font)
        self.band_font.setPointSizeF(self.title_font.pointSizeF() + 1)
        for box in self.boxes.values():
            box.relayout_text()

    def sizes(self) -> Sizes:
        """Card and frame measures for the current fonts (never smaller than the defaults)."""
        title, body, badge = self.title_font, self.body_font, self.badge_font
        line = QFontMetricsF(body).height()
        return Sizes(
            box_width=max(BOX_WIDTH, round(BOX_WIDTH * line / REFERENCE_LINE)),
            box_height=max(BOX_HEIGHT, math.ceil(card_height(title, body, badge))),
            frame_top=max(FRAME_TOP, round(line + 10)),
        )

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackgroundBrush(theme.background)
        self.update()

    # -- building --------------------------------------------------------------------------------

    def rebuild(self, plan: Plan, analysis: Analysis | None) -> None:
        """Throw every item away and lay the plan out afresh."""
        self.clear()
        self.boxes, self.frames, self.connectors = {}, [], []
        self.words = words(plan)
        # Lay out below the legend as it is on one row per section; only a plan narrower than
        # that wraps the legend, and is laid out again (cheaply: it is small) below it.
        sizes = replace(self.sizes(), top=self._below(self._legend(math.inf)))
        layout = layout_plan(plan, sizes)
        self.legend = legend = self._legend(max(layout.width - 2 * MARGIN, LEGEND_MIN_WIDTH))
        if self._below(legend) != sizes.top:
            layout = layout_plan(plan, replace(sizes, top=self._below(legend)))
        self.layout = layout
        width = max(layout.width, legend.x() + legend.width + MARGIN)
        self.addItem(legend)
        for band in layout.bands:
            self.addItem(BandItem(band, width))
        for frame in layout.frames:
            item = GroupFrameItem(frame)
            self.addItem(item)
            self.frames.append(item)
        for connector in layout.connectors:
            line = ConnectorItem(connector)
            self.addItem(line)
            self.connectors.append(line)
        cards = _cards(plan, layout.boxes)
        for committee_id, place in layout.boxes.items():
            box = CommitteeBox(committee_id, sizes.box_width, sizes.box_height)
            box.set_card(cards[committee_id])
            box.setPos(place.x, place.y)
            self.addItem(box)
            self.boxes[committee_id] = box
        self.refresh_seats(plan)
        self.apply_analysis(analysis)
        self.setSceneRect(QRectF(0, 0, width, max(layout.height, legend.height + MARGIN * 2)))

    def _legend(self, width: float) -> LegendItem:
        return LegendItem(self.words, self.body_font, self.badge_font, width)

    @staticmethod
    def _below(legend: LegendItem) -> float:
        return round(legend.y() + legend.height + LEGEND_GAP)

    def refresh_text(self, plan: Plan, committee_ids: Iterable[str] | None = None) -> None:
        """Rewrite the cards of these committees (every card for None)."""
        cards = _cards(plan, self.boxes)
        wanted = self.boxes if committee_ids is None else committee_ids
        for committee_id in wanted:
            box = self.boxes.get(committee_id)
            if box is not None and committee_id in cards:
                box.set_card(cards[committee_id])

    def refresh_seats(self, plan: Plan, committee_ids: Iterable[str] | None = None) -> None:
        """Show the seat counts on these committees' cards (None: count every role afresh
        and show them on every card). Between full counts, :attr:`seat_counts` is kept up to
        date by whoever changes the roles (the view, around each edit)."""
        if committee_ids is None:
            self.seat_counts.recount(plan.roles)
            committee_ids = self.boxes
        for committee_id in committee_ids:
            box = self.boxes.get(committee_id)
            if box is not None:
                box.set_seats(*self.seat_counts.of(committee_id))

    def apply_analysis(self, analysis: Analysis | None) -> None:
        """Colour each card by its worst open finding (or 'not checked' without an analysis)."""
        self.findings = defaultdict(list)
        if analysis is None:
            for box in self.boxes.values():
                box.set_status(UNKNOWN, 0)
            return
        counts: dict[str, Counter[Severity]] = defaultdict(Counter)
        committee = SubjectKind.COMMITTEE
        for finding in analysis.findings:  # the tooltip's words are made when it is shown
            if finding.subject_kind is committee and not finding.accepted:
                counts[finding.subject_id][finding.severity] += 1
                self.findings[finding.subject_id].append(finding)
        for committee_id, box in self.boxes.items():
            status, count = worst(counts.get(committee_id))
            box.set_status(status, count)

    # -- reading ---------------------------------------------------------------------------------

    def box_at_selection(self) -> CommitteeBox | None:
        selected = [i for i in self.selectedItems() if isinstance(i, CommitteeBox)]
        return selected[0] if selected else None

    def describe(self, *, analysed: bool) -> tuple[str, str]:
        """What's This help and the accessible description: counts, statuses, selection."""
        w = self.words
        whats_this = (
            f"{w.cap('committees')} by {w.tier} with their lines: accountable lines solid, "
            f"advisory lines dashed, {w.committees} in common framed together. Click a "
            f"{w.committee} to select it; arrow keys move between {w.committees} and Enter "
            "opens the selected one. Ctrl and the mouse wheel, Ctrl+= and Ctrl+- zoom; Ctrl+0 "
            "fits the whole diagram."
        )
        text = f"{len(self.boxes)} {w.committees} in {len(self.layout.bands)} {w.tiers}."
        if analysed:
            statuses = [str(b.status) for b in self.boxes.values()]
            counts = {s: statuses.count(s) for s in ("critical", "warning", "info", "ok")}
            text += (
                f" {counts['critical']} with critical findings, {counts['warning']} with "
                f"warnings, {counts['info']} with information only, {counts['ok']} with none."
            )
        box = self.box_at_selection()
        if box is not None:
            text += f" Selected: {box.summary()}."
        return whats_this, text

    def tooltip_for(self, item: QGraphicsItem) -> str:
        """The full story of a card, a line or a frame: names are never cut short here."""
        names = {cid: box.name for cid, box in self.boxes.items()}
        if isinstance(item, ConnectorItem):
            return item.describe(names)
        if isinstance(item, GroupFrameItem):
            return item.describe(names, self.words)
        if not isinstance(item, CommitteeBox):
            return ""
        lines = [item.summary()]
        found = self.findings.get(item.committee_id, [])
        lines += [
            f"• {f.severity.label} {f.code}: {f.message}" for f in found[:MAX_TOOLTIP_FINDINGS]
        ]
        if len(found) > MAX_TOOLTIP_FINDINGS:
            lines.append(f"… and {len(found) - MAX_TOOLTIP_FINDINGS} more")
        return "\n".join(lines)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        # Tooltips are made on demand: thousands of cards need no strings until hovered.
        views = self.views()
        transform = views[0].transform() if views else None
        found = self.items(event.scenePos(), deviceTransform=transform) if transform else []
        for item in found:  # topmost first: a card over a line over a frame
            if isinstance(item, CommitteeBox | ConnectorItem | GroupFrameItem):
                QToolTip.showText(event.screenPos(), self.tooltip_for(item), event.widget())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()


def _cards(plan: Plan, wanted: Iterable[str]) -> dict[str, Card]:
    """Each wanted committee's card, with names looked up once for all of them."""
    tiers = {t.id: t.name for t in plan.tiers}
    organisations = {o.id: o.name for o in plan.organisations}
    groups = {g.id: g.name for g in plan.groups}
    committees = {c.id: c for c in plan.committees}
    names = {cid: c.name for cid, c in committees.items()}
    cards = {}
    for committee_id in wanted:
        committee: Committee | None = committees.get(committee_id)
        if committee is None:
            continue
        cards[committee_id] = Card(
            name=committee.name,
            kind=committee.kind.label,
            programme=committee.programme_area,
            tier=tiers.get(committee.tier_id, ""),
            bodies=tuple(
                organisations[o] for o in committee.organisation_ids if o in organisations
            ),
            group=groups.get(committee.group_id or "", ""),
            accountable_to=tuple(names[t] for t in committee.accountable_to_ids if t in names),
            advises=tuple(names[t] for t in committee.advises_ids if t in names),
        )
    return cards


def worst(counts: Counter[Severity] | None) -> tuple[Status, int]:
    """The most serious severity present and how many findings have it; OK when none."""
    if not counts:
        return OK, 0
    severity = min(counts, key=lambda s: s.rank)
    return severity, counts[severity]

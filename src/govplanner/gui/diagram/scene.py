"""The diagram scene: items built from a plan and an analysis; it only reads the plan."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from govplanner.analysis.result import Analysis
from govplanner.domain.enums import Severity, SubjectKind
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import DEFAULT_WORDS, Words, words
from govplanner.gui.diagram.items import BandItem, CommitteeBox, ConnectorItem, LegendItem
from govplanner.gui.diagram.layout import MARGIN, Layout, layout_plan
from govplanner.gui.diagram.theme import OK, UNKNOWN, Status, Theme, fonts

MAX_TOOLTIP_FINDINGS = 8


class DiagramScene(QGraphicsScene):
    """Committee boxes in tier bands; rebuilt or patched by :class:`DiagramView`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = Theme.light()
        self.exporting = False
        self.boxes: dict[str, CommitteeBox] = {}
        self.layout = Layout()
        self.findings: dict[str, list[str]] = {}
        self.words: Words = DEFAULT_WORDS  # the plan's words for committee, tier, role
        self.set_fonts(QGuiApplication.font())

    def set_fonts(self, base: QFont) -> None:
        self.title_font, self.body_font, self.badge_font = fonts(base)
        self.band_font = QFont(self.title_font)
        self.band_font.setPointSizeF(self.title_font.pointSizeF() + 1)
        for box in self.boxes.values():
            box.set_text(box.name, box.programme, box.tier)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackgroundBrush(theme.background)
        self.update()

    # -- building --------------------------------------------------------------------------------

    def rebuild(self, plan: Plan, analysis: Analysis | None) -> None:
        """Throw every item away and lay the plan out afresh."""
        self.clear()
        self.boxes = {}
        self.words = words(plan)
        self.layout = layout = layout_plan(plan)
        self.addItem(LegendItem(layout.width))
        for band in layout.bands:
            self.addItem(BandItem(band, layout.width))
        for connector in layout.connectors:
            self.addItem(ConnectorItem(connector.points, connector.regular))
        tiers = {t.id: t.name for t in plan.tiers}
        for committee in plan.committees:
            place = layout.boxes.get(committee.id)
            if place is None:
                continue
            box = CommitteeBox(committee.id)
            box.set_text(committee.name, committee.programme_area, tiers[committee.tier_id])
            box.setPos(place.x, place.y)
            self.addItem(box)
            self.boxes[committee.id] = box
        self.refresh_seats(plan)
        self.apply_analysis(analysis)
        self.setSceneRect(QRectF(0, 0, layout.width, max(layout.height, MARGIN * 2)))

    def refresh_text(self, plan: Plan, committee_ids: Iterable[str]) -> None:
        tiers = {t.id: t.name for t in plan.tiers}
        for committee_id in committee_ids:
            box = self.boxes.get(committee_id)
            committee = plan.committee(committee_id)
            if box is not None and committee is not None:
                tier = tiers.get(committee.tier_id, "")
                box.set_text(committee.name, committee.programme_area, tier)

    def refresh_seats(self, plan: Plan) -> None:
        seats: Counter[str] = Counter()
        vacant: Counter[str] = Counter()
        for role in plan.roles:
            for committee_id in set(role.committee_ids):
                seats[committee_id] += 1
                if role.holder_id is None:
                    vacant[committee_id] += 1
        for committee_id, box in self.boxes.items():
            box.set_seats(seats[committee_id], vacant[committee_id])

    def apply_analysis(self, analysis: Analysis | None) -> None:
        """Colour each box by its worst open finding (or 'not checked' without an analysis)."""
        self.findings = defaultdict(list)
        if analysis is None:
            for box in self.boxes.values():
                box.set_status(UNKNOWN, 0)
            return
        counts: dict[str, Counter[Severity]] = defaultdict(Counter)
        for finding in analysis.open_findings:
            if finding.subject_kind is SubjectKind.COMMITTEE:
                counts[finding.subject_id][finding.severity] += 1
                self.findings[finding.subject_id].append(
                    f"{finding.severity.label} {finding.code}: {finding.message}"
                )
        for committee_id, box in self.boxes.items():
            status, count = worst(counts.get(committee_id))
            box.set_status(status, count)

    # -- reading ---------------------------------------------------------------------------------

    def box_at_selection(self) -> CommitteeBox | None:
        selected = [i for i in self.selectedItems() if isinstance(i, CommitteeBox)]
        return selected[0] if selected else None

    def tooltip_for(self, box: CommitteeBox) -> str:
        lines = [box.summary()]
        found = self.findings.get(box.committee_id, [])
        lines += [f"• {text}" for text in found[:MAX_TOOLTIP_FINDINGS]]
        if len(found) > MAX_TOOLTIP_FINDINGS:
            lines.append(f"… and {len(found) - MAX_TOOLTIP_FINDINGS} more")
        return "\n".join(lines)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        # Tooltips are made on demand: thousands of boxes need no strings until hovered.
        views = self.views()
        transform = views[0].transform() if views else None
        item = self.itemAt(event.scenePos(), transform) if transform is not None else None
        while item is not None and not isinstance(item, CommitteeBox):
            item = item.parentItem()
        if isinstance(item, CommitteeBox):
            QToolTip.showText(event.screenPos(), self.tooltip_for(item), event.widget())
            event.accept()
        else:
            QToolTip.hideText()
            event.ignore()


def worst(counts: Counter[Severity] | None) -> tuple[Status, int]:
    """The most serious severity present and how many findings have it; OK when none."""
    if not counts:
        return OK, 0
    severity = min(counts, key=lambda s: s.rank)
    return severity, counts[severity]

"""The Principles tab: a self-assessment against NHS England's five CCPL principles."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from govplanner.analysis.principles import RAG_LABELS, SOURCE, PrincipleResult, assess_principles
from govplanner.domain.document import PlanDocument
from govplanner.gui.forms.flow import FlowLayout, together
from govplanner.gui.planning.common import RAG_FILL, chip, set_chip

if TYPE_CHECKING:
    from govplanner.gui.live_analysis import LiveAnalysis

INTRO = (
    "How far the plan's own data can evidence each of the five principles for clinical and care "
    "professional leadership in integrated care systems. The principles are paraphrased; each "
    "result lists the evidence it rests on and says what the plan cannot show, so read it as a "
    "starting point for a self-assessment, not a verdict."
)


def overall_text(results: list[PrincipleResult]) -> str:
    """'1 evidenced · 4 partly evidenced · 0 not evidenced' (and any the plan cannot tell)."""
    counts = {rag: sum(1 for r in results if r.rag == rag) for rag in RAG_LABELS}
    parts = [f"{counts[rag]} {RAG_LABELS[rag].lower()}" for rag in ("green", "amber", "red")]
    if counts["grey"]:
        parts.append(f"{counts['grey']} cannot tell")
    return f"{len(results)} principles: " + " · ".join(parts)


class PrincipleCard(QFrame):
    """One principle: its RAG in colour and words, the summary, the evidence and the limits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("principleCard")
        self.setStyleSheet("#principleCard { border: 1px solid palette(mid); border-radius: 6px; }")
        self.rag = chip("", RAG_FILL["grey"], self)
        self.rag.setMinimumWidth(190)
        self.rag.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.summary, self.evidence, self.limits = QLabel(self), QLabel(self), QLabel(self)
        for label in (self.summary, self.evidence, self.limits):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.limits.setTextFormat(Qt.TextFormat.RichText)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.rag, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.evidence)
        layout.addWidget(self.limits)
        self.result: PrincipleResult | None = None

    def show_result(self, number: int, result: PrincipleResult) -> None:
        self.result = result
        self.title.setText(f"{number}. {result.title}")
        set_chip(self.rag, result.rag_label, RAG_FILL[result.rag])
        self.rag.setToolTip(f"{result.rag.capitalize()}: {result.rag_label}")
        self.summary.setText(result.summary)
        bullets = "".join(f"<li>{escape(e)}</li>" for e in result.evidence)
        self.evidence.setText(
            f"<b>What the plan shows</b><ul style='margin-top:2px'>{bullets}</ul>"
            if bullets
            else "<b>What the plan shows:</b> nothing yet."
        )
        self.limits.setText(f"<b>What this cannot show:</b> <i>{escape(result.limits)}</i>")
        self.setAccessibleName(f"Principle {number}: {result.title} — {result.rag_label}")


class PrinciplesView(QWidget):
    """Five cards, refreshed after each edit (when the tab is showing, else when next shown)."""

    def __init__(
        self, document: PlanDocument, live: LiveAnalysis, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document, self.live = document, live
        self._dirty = True
        self.results: list[PrincipleResult] = []
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.overall = QLabel(self)
        self.legend = FlowLayout()  # wraps on a narrow window rather than cutting the chips
        self.legend.add(self.overall)
        chips = [chip(label, RAG_FILL[rag], self) for rag, label in RAG_LABELS.items()]
        self.legend.add(together(self, *chips), push_right=True)
        self.cards = [PrincipleCard(self) for _ in range(5)]
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        for card in self.cards:
            column.addWidget(card)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.source = QLabel(f"Source: {SOURCE}. Principles paraphrased by govplanner.", self)
        self.source.setWordWrap(True)
        font = self.source.font()
        font.setItalic(True)
        self.source.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(intro)
        layout.addLayout(self.legend)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.source)
        live.updated.connect(self.plan_changed)

    def plan_changed(self, *_args: Any) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Assess the open plan against the principles, using the live analysis's findings."""
        self._dirty = False
        try:
            self.results = assess_principles(self.document.plan, self.live.analysis)
        except Exception as exc:  # a bug in one check must not break the window
            self.cards[0].summary.setText(f"The principles could not be assessed: {exc}")
            return
        for number, (card, result) in enumerate(zip(self.cards, self.results, strict=False), 1):
            card.show_result(number, result)
            card.setVisible(True)
        for card in self.cards[len(self.results) :]:
            card.setVisible(False)
        self.overall.setText(f"<b>{overall_text(self.results)}</b>")

"""The comparison at a glance: coverage cells, findings, and what changed, as three tiles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from govplanner.analysis.compare import COMPARED_KINDS, STATUSES, Comparison
from govplanner.domain.vocabulary import Words
from govplanner.gui.planning.common import VERDICT_FILL, chip, set_chip


class CompareSummary(QWidget):
    """Chips for cells gained, lost and the same, findings opened and closed, and a small
    table of items added, removed and changed (with merges beneath it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gained = chip("", VERDICT_FILL["gain"], self)
        self.lost = chip("", VERDICT_FILL["loss"], self)
        self.same = chip("", VERDICT_FILL["same"], self)
        self.opened = chip("", VERDICT_FILL["loss"], self)
        self.closed = chip("", VERDICT_FILL["gain"], self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._tile("Coverage cells", [self.gained, self.lost, self.same]))
        row.addWidget(self._tile("Findings", [self.opened, self.closed]))
        row.addWidget(self._structure_tile())
        row.addStretch(1)
        # As tall as the tiles need and no taller: the grid and the lists need the height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _structure_tile(self) -> QFrame:
        """Committees, roles, people (and organisations) × added, removed, changed."""
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(0)
        self.kind_labels: dict[str, QLabel] = {}
        self.counts: dict[tuple[str, str], QLabel] = {}
        for column, status in enumerate(STATUSES, start=1):
            grid.addWidget(QLabel(status, box), 0, column, Qt.AlignmentFlag.AlignRight)
        for row, kind in enumerate(COMPARED_KINDS, start=1):
            self.kind_labels[kind] = QLabel(box)
            grid.addWidget(self.kind_labels[kind], row, 0)
            for column, status in enumerate(STATUSES, start=1):
                label = QLabel("0", box)
                self.counts[(kind, status)] = label
                grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignRight)
        self.merged = QLabel(box)
        grid.addWidget(self.merged, len(COMPARED_KINDS) + 1, 0, 1, len(STATUSES) + 1)
        return self._tile("What changed", [box])

    def _tile(self, title: str, widgets: list[QWidget]) -> QFrame:
        tile = QFrame(self)
        tile.setObjectName("summaryTile")
        tile.setStyleSheet("#summaryTile { border: 1px solid palette(mid); border-radius: 6px; }")
        heading = QLabel(f"<b>{title}</b>", tile)
        inner = QHBoxLayout()
        inner.setSpacing(6)
        for widget in widgets:
            inner.addWidget(widget)
        inner.addStretch(1)
        layout = QVBoxLayout(tile)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addWidget(heading)
        layout.addLayout(inner)
        layout.addStretch(1)
        return tile

    def show_comparison(self, c: Comparison, w: Words) -> None:
        set_chip(self.gained, f"▲ {c.coverage_count('gain')} gained", VERDICT_FILL["gain"])
        set_chip(self.lost, f"▼ {c.coverage_count('loss')} lost", VERDICT_FILL["loss"])
        set_chip(self.same, f"= {c.coverage_count('same')} same", VERDICT_FILL["same"])
        set_chip(self.opened, f"{len(c.opened)} opened", VERDICT_FILL["loss"])
        set_chip(self.closed, f"{len(c.closed)} closed", VERDICT_FILL["gain"])
        titles = {
            "committee": w.cap("committees"),
            "role": w.cap("roles"),
            "person": "People",
            "organisation": "Organisations",
        }
        for kind in COMPARED_KINDS:
            # Most plans record no organisations: their row shows only when one changed.
            shown = kind != "organisation" or bool(c.organisations)
            self.kind_labels[kind].setText(titles[kind])
            self.kind_labels[kind].setVisible(shown)
            for status in STATUSES:
                count = self.counts[(kind, status)]
                count.setText(str(c.count(kind, status)))
                count.setVisible(shown)
        merged = c.merged_count
        self.merged.setText(
            f"{merged} {w.committee if merged == 1 else w.committees} merged into {len(c.merges)}"
        )
        self.merged.setVisible(bool(c.merges))

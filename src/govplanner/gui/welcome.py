"""The welcome page shown when no plan is open: start new, open, an example, or a recent file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.catalogue import PRESETS

INTRO = (
    "Design your governance tiers and committees, put clinical leadership roles on them, "
    "and see at a glance where analytical insight, representation, translation and "
    "relational work are covered — and where they are missing."
)


class WelcomePage(QWidget):
    """Buttons and lists that start work; the window connects the signals."""

    new_requested = Signal(str)  # preset key
    open_requested = Signal()
    path_chosen = Signal(str)
    example_chosen = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        card = QFrame(self)
        card.setMaximumWidth(1000)
        title = QLabel("govplanner", card)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(INTRO, card)
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.addWidget(QLabel("<b>Start a plan</b>", card), 0, 0)
        grid.addLayout(self._start_buttons(card), 1, 0)
        self.recent = self._list("Recent plans", card)
        self.examples = self._list("Examples", card)
        grid.addWidget(QLabel("<b>Recent plans</b>", card), 0, 1)
        grid.addWidget(self.recent, 1, 1)
        grid.addWidget(QLabel("<b>Examples</b> (double-click to open)", card), 0, 2)
        grid.addWidget(self.examples, 1, 2)
        inner = QVBoxLayout(card)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(12)
        inner.addLayout(grid)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _start_buttons(self, card: QWidget) -> QVBoxLayout:
        start = QVBoxLayout()
        for key, preset in PRESETS.items():
            button = QPushButton(f"New plan — {preset.label}", card)
            button.setMinimumWidth(button.sizeHint().width() + 24)
            button.setMinimumHeight(34)
            button.setToolTip(preset.basis)
            button.clicked.connect(lambda _=False, k=key: self.new_requested.emit(k))
            start.addWidget(button)
        self.open_button = QPushButton("Open a plan…", card)
        self.open_button.setMinimumHeight(34)
        self.open_button.clicked.connect(self.open_requested.emit)
        start.addWidget(self.open_button)
        start.addStretch(1)
        return start

    def _list(self, name: str, parent: QWidget) -> QListWidget:
        widget = QListWidget(parent)
        widget.setAccessibleName(name)
        widget.setMinimumWidth(240)
        widget.setMaximumHeight(200)
        widget.setSpacing(3)
        widget.itemActivated.connect(self._chosen)
        return widget

    def _chosen(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            chosen = self.example_chosen if item.listWidget() is self.examples else self.path_chosen
            chosen.emit(path)

    @staticmethod
    def _fill(widget: QListWidget, paths: list[str], empty: str) -> None:
        widget.clear()
        for path in paths:
            item = QListWidgetItem(Path(path).stem, widget)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
        if not paths:
            item = QListWidgetItem(empty, widget)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def set_recent(self, paths: list[str]) -> None:
        self._fill(self.recent, paths, "No recent plans yet.")

    def set_examples(self, paths: list[str]) -> None:
        from govplanner.gui.file_ops import example_title

        self._fill(self.examples, paths, "No examples found.")
        for n, path in enumerate(paths):
            title, description = example_title(Path(path))
            item = self.examples.item(n)
            item.setText(title)
            item.setToolTip(description or path)

"""The coverage tab: the heatmap, the stage selector, and the committees behind a cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govplanner.analysis.result import CoverageCell
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import FUNCTIONS
from govplanner.domain.vocabulary import DEFAULT_WORDS
from govplanner.gui.live_analysis import LiveAnalysis
from govplanner.gui.models.coverage import CellRole, CoverageModel
from govplanner.gui.rag import MEANING, TEXT_ON_FILL, Rag, rag_fill
from govplanner.gui.wording import UiWords, fill, ui_words

#: A template in the plan's words (see :mod:`govplanner.gui.wording`).
EXPLANATION = (
    "Each cell: of a {tier}'s {committees} that need a function (essential or expected at their "
    "stage), how many have a filled clinical {role} providing it. "
    + " · ".join(f"<b>{rag.value}</b>: {MEANING[rag]}" for rag in Rag)
    + "."
)
EMPTY_HINT = (
    "<b>No {committees} yet.</b> Add one with <i>Add {committee}</i> in the {Tiers} and "
    "{committees} panel (Ctrl+Shift+C); the heatmap fills in as you add {committees} and {roles}."
)
NO_CELL = "Select a cell to see the {committees} behind it."
NO_COMMITTEE = "No {committee} in this {tier} needs this function."


def _legend(parent: QWidget | None, words: UiWords | None = None) -> QWidget:
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for rag in Rag:
        chip = QLabel(rag.value, box)
        tip = f"{rag.value}: of the {{committees}} that need it, {MEANING[rag]}."
        if words is None:
            chip.setToolTip(fill(tip, DEFAULT_WORDS))
            chip.setAccessibleDescription(fill(MEANING[rag], DEFAULT_WORDS))
        else:
            words.bind(chip, "setToolTip", tip)
            words.bind(chip, "setAccessibleDescription", MEANING[rag])
        back, text = rag_fill(rag).name(), TEXT_ON_FILL.name()
        chip.setStyleSheet(
            f"QLabel {{ background: {back}; color: {text}; border-radius: 3px; padding: 2px 8px; }}"
        )
        layout.addWidget(chip)
    return box


class _CellDelegate(QStyledItemDelegate):
    """Keeps the RAG fill when a cell is selected, marking the selection with a frame."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        painter.fillRect(rect, index.data(Qt.ItemDataRole.BackgroundRole))
        painter.setPen(TEXT_ON_FILL)
        # Wrapped, never clipped: a narrow cell (drill-down open on a laptop) reads
        # "– · Not" above "required" rather than "– · Not requirec".
        wrapped = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(rect, wrapped, index.data())
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


class CoverageView(QWidget):
    """Tiers × functions; click a cell to list its committees, double-click one to open it."""

    committee_activated = Signal(str)

    def __init__(self, document: PlanDocument, live: LiveAnalysis, parent: Any = None) -> None:
        super().__init__(parent)
        self.document, self.live = document, live
        self.words = ui_words(document)
        self.model = CoverageModel(live, self)
        #: the detail list as last shown (title, entries): an unchanged list is left alone
        self._shown: tuple[str, tuple[tuple[str, str], ...], str] | None = None
        top = self._make_top()
        self.note = note = QLabel(self)
        note.setWordWrap(True)
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 8px; }"
        )
        self.table = self._make_table()
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self._make_detail())
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.empty_hint)
        layout.addWidget(split, 1)
        live.updated.connect(self._analysis_updated)
        self._fill_stages()
        self.words.follow(self.retranslate)

    def _make_top(self) -> QVBoxLayout:
        """The stage chooser, and the legend on a row of its own (beside the stage box it
        made the page wider than a laptop at 125 % leaves beside the tree)."""
        self.stage = QComboBox(self)
        self.stage.setAccessibleName("Stage to show coverage for")
        self.stage.activated.connect(lambda: self.model.set_stage(self.stage.currentData()))
        stage_label = QLabel("&Show coverage for:", self)
        stage_label.setBuddy(self.stage)
        row = QHBoxLayout()
        row.addWidget(stage_label)
        row.addWidget(self.stage, 1)
        legend = QHBoxLayout()
        legend.addWidget(_legend(self, self.words))
        legend.addStretch(1)
        top = QVBoxLayout()
        top.addLayout(row)
        top.addLayout(legend)
        return top

    def retranslate(self) -> None:
        """Every text here that carries the plan's words."""
        w = self.words
        self.note.setText(w.text(EXPLANATION))
        self.empty_hint.setText(w.text(EMPTY_HINT))
        self.detail.setAccessibleName(w.text("{Committees} behind the selected cell"))
        self.table.setAccessibleName(
            w.text("Coverage heatmap: {tiers} by clinical leadership function")
        )
        self._fill_stages()
        self._cell_chosen(self.table.currentIndex())

    def _make_detail(self) -> QWidget:
        """The list of committees behind the selected cell."""
        self.detail_title = QLabel(self)
        self.detail_title.setWordWrap(True)
        self.detail = QListWidget(self)
        self.detail.setWordWrap(True)
        self.detail.itemActivated.connect(self._activate)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_title)
        right_layout.addWidget(self.detail)
        # Hidden until a cell is chosen: on a small screen the heatmap comes first.
        right.setVisible(False)
        self.detail_pane = right
        return right

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setItemDelegate(_CellDelegate(table))
        font = table.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        table.setFont(font)
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        columns.setMinimumSectionSize(100)
        columns.setHighlightSections(False)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        columns.setMinimumHeight(2 * table.fontMetrics().height() + 12)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows.setMinimumSectionSize(36)  # four tiers fit a 1366x768 laptop at 125 %
        rows.setMaximumSectionSize(110)
        rows.setHighlightSections(False)
        rows.setMinimumWidth(100)
        table.selectionModel().currentChanged.connect(self._cell_chosen)
        return table

    def _fill_stages(self) -> None:
        w = self.words.words
        entries: list[tuple[str, str | None]] = [
            (f"Current stages (each {w.committee} at its own stage)", None)
        ]
        entries += [
            (f"What if every {w.committee} were at: {stage.name}", stage.id)
            for stage in self.document.plan.stages
        ]
        listed = [
            (self.stage.itemText(i), self.stage.itemData(i)) for i in range(self.stage.count())
        ]
        if entries != listed:  # most edits leave them: no rebuilding and laying out the box
            current = self.stage.currentData()
            self.stage.clear()
            for text, stage_id in entries:
                self.stage.addItem(text, stage_id)
            self.stage.setCurrentIndex(max(self.stage.findData(current), 0))
        if self.stage.currentData() != self.model.stage_id:
            self.model.set_stage(self.stage.currentData())

    def _analysis_updated(self, _analysis: Any) -> None:
        self.empty_hint.setVisible(not self.document.plan.committees)
        self._fill_stages()
        self._cell_chosen(self.table.currentIndex())

    def _cell_chosen(self, index: QModelIndex, _previous: Any = None) -> None:
        if not index.isValid():
            self._shown = None
            self.detail.clear()
            self.detail_title.setText(self.words.text(NO_CELL))
            return
        self.detail_pane.setVisible(True)
        cell: CoverageCell = index.data(CellRole)
        tier = self.model.headerData(index.row(), Qt.Orientation.Vertical)
        function = FUNCTIONS[index.column()].label
        w = self.words.words
        noun = w.committee if cell.required == 1 else w.committees
        title = f"<b>{tier} · {function}</b><br>{cell.covered} of {cell.required} {noun} covered"
        if cell.accepted_ids:
            title += f", {len(set(cell.accepted_ids))} with the gap accepted"
        entries = self._entries(cell)
        none = "" if cell.required_ids else self.words.text(NO_COMMITTEE)
        if (title, entries, none) == self._shown:
            return  # the same list: keep its selection and scroll position
        self._shown = (title, entries, none)
        self.detail_title.setText(title)
        self.detail.clear()
        for text, cid in entries:
            entry = QListWidgetItem(text, self.detail)
            entry.setData(Qt.ItemDataRole.UserRole, cid)
        if none:
            entry = QListWidgetItem(none, self.detail)
            entry.setFlags(Qt.ItemFlag.NoItemFlags)

    def _entries(self, cell: CoverageCell) -> tuple[tuple[str, str], ...]:
        """(text, committee id) for each committee behind ``cell``: open gaps first (they are
        what the user came to see), accepted ones apart, covered last."""
        covered, accepted = set(cell.covered_ids), set(cell.accepted_ids)
        order = sorted(cell.required_ids, key=lambda c: (c in covered, c in accepted))
        names = {c.id: c.name for c in self.document.plan.committees}  # one pass, not one each
        entries = []
        for cid in order:
            name = names.get(cid)
            if name is None:
                continue
            if cid in covered:
                mark = "✓ Covered"
            elif cid in accepted:
                mark = "◌ Not covered, gap accepted"
            else:
                mark = "✗ Not covered"
            entries.append((f"{name} — {mark}", cid))
        return tuple(entries)

    def _activate(self, entry: QListWidgetItem) -> None:
        cid = entry.data(Qt.ItemDataRole.UserRole)
        if cid:
            self.committee_activated.emit(cid)

"""The comparison's coverage grid: tiers × functions, each cell 'before → after' and its verdict."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QWidget

from govplanner.analysis.compare import CellChange, Comparison
from govplanner.analysis.result import CoverageCell
from govplanner.domain.enums import FUNCTIONS
from govplanner.domain.vocabulary import DEFAULT_WORDS, Words
from govplanner.gui.planning.common import VERDICT_FILL, FilledCellDelegate
from govplanner.gui.rag import TEXT_ON_FILL

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
ChangeRole = Qt.ItemDataRole.UserRole + 1

#: verdict -> the words and arrow shown under the numbers
VERDICT_TEXT = {"gain": "▲ Gain", "loss": "▼ Loss", "same": "= Same"}


def side_text(cell: CoverageCell | None) -> str:
    """'2/3' covered of required; '–' when nothing is required; 'none' without the tier."""
    if cell is None:
        return "none"
    if cell.required == 0:
        return "–"
    return f"{cell.covered}/{cell.required}"


def side_words(cell: CoverageCell | None, w: Words = DEFAULT_WORDS) -> str:
    if cell is None:
        return f"no such {w.tier}"
    if cell.required == 0:
        return "not required"
    return f"{cell.covered} of {cell.required} {w.committees} covered"


def change_text(change: CellChange) -> str:
    """Two lines: '2/3 → 3/3' and '▲ Gain'."""
    return f"{side_text(change.before)} → {side_text(change.after)}\n{VERDICT_TEXT[change.verdict]}"


def change_sentence(change: CellChange, w: Words = DEFAULT_WORDS) -> str:
    """The cell in a sentence, for tooltips and screen readers."""
    verdict = {"gain": "a gain", "loss": "a loss", "same": "no change"}[change.verdict]
    return (
        f"{change.tier}, {change.function.label}: before {side_words(change.before, w)}; "
        f"after {side_words(change.after, w)} ({verdict})."
    )


class CompareCoverageModel(QAbstractTableModel):
    """Read-only grid over a :class:`Comparison`'s coverage cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tiers: list[str] = []
        self._cells: dict[tuple[str, int], CellChange] = {}
        self.words = DEFAULT_WORDS

    def set_comparison(self, comparison: Comparison | None, w: Words = DEFAULT_WORDS) -> None:
        self.beginResetModel()
        self.words = w
        self._tiers, self._cells = [], {}
        for change in comparison.coverage if comparison else ():
            if change.tier not in self._tiers:
                self._tiers.append(change.tier)
            self._cells[(change.tier, FUNCTIONS.index(change.function))] = change
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._tiers)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(FUNCTIONS)

    def change(self, row: int, column: int) -> CellChange | None:
        return self._cells.get((self._tiers[row], column))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self.change(index.row(), index.column())
        if change is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return change_text(change)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return change_sentence(change, self.words)
        if role == Qt.ItemDataRole.BackgroundRole:
            return VERDICT_FILL[change.verdict]
        if role == Qt.ItemDataRole.ForegroundRole:
            return TEXT_ON_FILL
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ChangeRole:
            return change
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(FUNCTIONS):
                return FUNCTIONS[section].label
            return None
        if 0 <= section < len(self._tiers):
            return self._tiers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def coverage_table(model: CompareCoverageModel, parent: QWidget) -> QTableView:
    """A read-only grid over ``model``: cells share the width, rows tall enough for two lines."""
    table = QTableView(parent)
    table.setModel(model)
    table.setItemDelegate(FilledCellDelegate(table))
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    table.setFont(font)
    columns = table.horizontalHeader()
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    columns.setMinimumSectionSize(140)
    columns.setHighlightSections(False)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    rows.setMinimumSectionSize(2 * table.fontMetrics().height() + 14)
    rows.setMaximumSectionSize(90)
    rows.setHighlightSections(False)
    rows.setMinimumWidth(120)
    return table


def fit_rows(split: QSplitter, table: QTableView, *, keep: int = 140) -> None:
    """Give ``table`` (the splitter's first pane) the height its rows need, when the pane
    below can spare it and still keep ``keep`` pixels: every tier then shows at once."""
    sizes = split.sizes()
    if len(sizes) != 2 or not all(sizes):
        return
    rows = table.verticalHeader()
    frame = 2 * table.frameWidth()
    need = table.horizontalHeader().height() + frame
    need += rows.minimumSectionSize() * table.model().rowCount()
    if need <= sizes[0]:
        return
    total = sum(sizes)
    first = min(need, max(sizes[0], total - keep))
    split.setSizes([first, total - first])


class RowFitter(QObject):
    """Runs :func:`fit_rows` whenever the splitter is resized (first shown, window resized)."""

    def __init__(self, split: QSplitter, table: QTableView) -> None:
        super().__init__(split)
        self.split, self.table = split, table
        split.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.split and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.fit)
        return False

    def fit(self) -> None:
        fit_rows(self.split, self.table)

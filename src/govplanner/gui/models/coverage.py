"""The coverage heatmap: tiers × the four functions, at current stages or one what-if stage."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from govplanner.analysis.result import Analysis, CoverageCell
from govplanner.domain.enums import FUNCTIONS, Function
from govplanner.gui.live_analysis import LiveAnalysis
from govplanner.gui.rag import TEXT_ON_FILL, Rag, cell_text, rag_fill, rag_of
from govplanner.gui.wording import ui_words

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
CellRole = Qt.ItemDataRole.UserRole + 1
TierIdRole = Qt.ItemDataRole.UserRole + 2

_EMPTY = CoverageCell(required=0, covered=0)


class CoverageModel(QAbstractTableModel):
    """Each cell: covered/required with its state in words, filled with its RAG colour."""

    def __init__(self, live: LiveAnalysis, parent: Any = None) -> None:
        super().__init__(parent)
        self._live = live
        self._stage_id: str | None = None
        self._rows: list[tuple[str, str, dict[Function, CoverageCell]]] = self._computed()
        live.updated.connect(self._analysis_updated)
        self.words = ui_words(live.document)

    @property
    def stage_id(self) -> str | None:
        """None: every committee at its current stage; else the what-if stage."""
        return self._stage_id

    def set_stage(self, stage_id: str | None) -> None:
        self._stage_id = stage_id
        self._analysis_updated(self._live.analysis)

    def _computed(self) -> list[tuple[str, str, dict[Function, CoverageCell]]]:
        analysis = self._live.analysis
        if self._stage_id is None:
            return [(t.tier_id, t.tier, t.functions) for t in analysis.coverage]
        return [
            (s.tier_id, s.tier, s.functions)
            for s in analysis.coverage_by_stage
            if s.stage_id == self._stage_id
        ]

    def _analysis_updated(self, analysis: Analysis) -> None:
        rows = self._computed()
        if [r[0] for r in rows] == [r[0] for r in self._rows]:
            self._rows = rows  # same tiers: repaint in place, keeping the selected cell
            if rows:
                last = self.index(len(rows) - 1, len(FUNCTIONS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(rows) - 1)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(FUNCTIONS)

    def cell(self, row: int, column: int) -> CoverageCell:
        return self._rows[row][2].get(FUNCTIONS[column], _EMPTY)

    def tier_id(self, row: int) -> str:
        return self._rows[row][0]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        rag = rag_of(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return rag_fill(rag)
        if role == Qt.ItemDataRole.ForegroundRole:
            return TEXT_ON_FILL
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(index.row(), index.column(), cell, rag)
        if role == CellRole:
            return cell
        if role == TierIdRole:
            return self.tier_id(index.row())
        return None

    def _describe(self, row: int, column: int, cell: CoverageCell, rag: Rag) -> str:
        tier, function = self._rows[row][1], FUNCTIONS[column].label
        w = self.words.words
        if rag is Rag.NONE:
            return f"{tier}: no {w.committee} needs {function.lower()} here."
        text = (
            f"{tier}: {cell.covered} of {cell.required} {w.committees} that need "
            f"{function.lower()} have a filled clinical {w.role} providing it"
        )
        if cell.accepted:
            one = cell.accepted == 1
            text += (
                f"; {cell.accepted} more {w.committee if one else w.committees} "
                f"{'has' if one else 'have'} the gap accepted"
            )
        return f"{text} ({rag.value.lower()})."

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return FUNCTIONS[section].label if 0 <= section < len(FUNCTIONS) else None
        return self._rows[section][1] if 0 <= section < len(self._rows) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

"""The findings table over the live analysis, filtered and sorted in Python."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from govplanner.analysis.result import Analysis, Finding
from govplanner.domain.enums import Severity
from govplanner.gui.live_analysis import LiveAnalysis
from govplanner.gui.rag import severity_colour
from govplanner.gui.wording import ui_words

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
FindingRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class FindingColumn:
    header: str
    text: Callable[[Finding], str]
    sort_key: Callable[[Finding], Any]
    width: int


def _status(f: Finding) -> str:
    return "Accepted" if f.accepted else "Open"


COLUMNS: tuple[FindingColumn, ...] = (
    FindingColumn("Severity", lambda f: f.severity.label, lambda f: f.severity.rank, 90),
    FindingColumn("Code", lambda f: f.code, lambda f: f.code, 70),
    FindingColumn("Status", _status, lambda f: f.accepted, 80),
    FindingColumn("Subject", lambda f: f.subject, lambda f: f.subject.casefold(), 200),
    FindingColumn("{Tier}", lambda f: f.tier or "", lambda f: (f.tier or "").casefold(), 110),
    FindingColumn(
        "Function",
        lambda f: f.function.label if f.function else "",
        lambda f: f.function.label if f.function else "",
        150,
    ),
    FindingColumn("Message", lambda f: f.message, lambda f: f.message.casefold(), 420),
    FindingColumn("Remedy", lambda f: f.remedy, lambda f: f.remedy.casefold(), 360),
)


@dataclass(frozen=True)
class FindingFilter:
    """Which findings to show; None means any."""

    severities: frozenset[Severity] = frozenset(Severity)
    code: str | None = None
    tier_id: str | None = None
    show_accepted: bool = True

    def __call__(self, f: Finding) -> bool:
        return (
            f.severity in self.severities
            and (self.code is None or f.code == self.code)
            and (self.tier_id is None or f.tier_id == self.tier_id)
            and (self.show_accepted or not f.accepted)
        )


SHOW_ALL = FindingFilter()


class FindingsModel(QAbstractTableModel):
    """One row per finding of the latest analysis that passes the filter."""

    def __init__(self, live: LiveAnalysis, parent: Any = None) -> None:
        super().__init__(parent)
        self._live = live
        self._filter = FindingFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._rows: list[int] = self._computed_rows()
        live.updated.connect(self._analysis_updated)
        self.words = ui_words(live.document)
        self.words.changed.connect(self._words_changed)

    def _words_changed(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _findings(self) -> tuple[Finding, ...]:
        return self._live.analysis.findings

    def _computed_rows(self) -> list[int]:
        findings = self._findings()
        if self._filter == SHOW_ALL:  # as shown at first: no need to ask each finding
            rows = list(range(len(findings)))
        else:
            rows = [i for i, f in enumerate(findings) if self._filter(f)]
        if self._sort is not None:
            column = COLUMNS[self._sort[0]]
            rows.sort(
                key=lambda i: column.sort_key(findings[i]),
                reverse=self._sort[1] == Qt.SortOrder.DescendingOrder,
            )
        return rows

    def _analysis_updated(self, analysis: Analysis) -> None:
        self.beginResetModel()
        self._rows = self._computed_rows()
        self.endResetModel()

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def finding_at(self, row: int) -> Finding:
        return self._findings()[self._rows[row]]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self.finding_at(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(f)
        if role == Qt.ItemDataRole.ToolTipRole:
            if f.accepted:
                return f"Accepted: {f.rationale}"
            return column.text(f) if column.header in ("Message", "Remedy") else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return severity_colour(f.severity)
        if role == Qt.ItemDataRole.ForegroundRole and f.accepted:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.FontRole and f.accepted:
            font = QFont()
            font.setItalic(True)
            return font
        if role == FindingRole:
            return f
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(COLUMNS):
                return None
            return self.words.text(COLUMNS[section].header)
        return section + 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self._analysis_updated(self._live.analysis)

    # -- filtering -------------------------------------------------------------------------

    @property
    def filter(self) -> FindingFilter:
        return self._filter

    def set_filter(self, finding_filter: FindingFilter) -> None:
        self._filter = finding_filter
        self._analysis_updated(self._live.analysis)

    def row_of_key(self, key: str) -> int:
        findings = self._findings()
        return next((r for r, i in enumerate(self._rows) if findings[i].key == key), -1)

"""The Compare tab: another plan file against the open plan, as of a date, at a glance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govplanner.analysis.compare import STATUSES, Comparison, compare_plans
from govplanner.domain.document import PlanDocument
from govplanner.domain.errors import GovplannerError
from govplanner.domain.vocabulary import words
from govplanner.gui.planning.common import (
    VERDICT_FILL,
    FilledCellDelegate,
    chip,
    date_edit,
    hint_style,
    set_chip,
    to_date,
)
from govplanner.gui.planning.compare_lists import FindingChanges, StructureChanges
from govplanner.gui.planning.compare_model import CompareCoverageModel
from govplanner.gui.planning.compare_target import Target, load_target, modified_time
from govplanner.gui.wording import ui_words

if TYPE_CHECKING:
    from govplanner.domain.model import Plan

EMPTY_TEXT = (
    "<b>Compare the open plan with another plan.</b><br>Choose a plan file — for example "
    "today's structure, or a proposed restructure saved with <i>File ▸ Save as scenario…</i> — "
    "to see, cell by cell, where clinical leadership cover is gained or lost, which findings "
    "open or close, and what was added, removed or changed."
)
DIRECTIONS = (
    ("That file is before, the open plan after", False),
    ("The open plan is before, that file after", True),
)


class CompareView(QWidget):
    """Pick a plan file and a date; shows the comparison and refreshes as the open plan changes.

    ``subject_activated(kind, id)`` asks the window to show an item of the open plan.
    """

    subject_activated = Signal(str, str)
    export_requested = Signal()
    choose_requested = Signal()

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.target: Target | None = None
        self.swapped = False
        self.comparison: Comparison | None = None
        self._dirty = True
        # The other plan may be a scenario being edited and saved in a second window.
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.model = CompareCoverageModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._make_controls())
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        self.empty_hint = QLabel(EMPTY_TEXT, self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(hint_style())
        layout.addWidget(self.empty_hint)
        self.body = self._make_body()
        layout.addWidget(self.body, 1)
        self.filler = QWidget(self)  # keeps the hint at the top while there is no comparison
        layout.addWidget(self.filler, 1)
        self._show()

    # -- building --------------------------------------------------------------------------

    def _make_controls(self) -> QHBoxLayout:
        self.choose = QPushButton("&Choose plan…", self)
        self.choose.setToolTip("Choose the plan file to compare the open plan with")
        self.choose.clicked.connect(self.choose_requested)
        self.saved = QPushButton("Last &saved version", self)
        self.saved.setToolTip("Compare with this plan's file as it was last saved")
        self.saved.clicked.connect(self.compare_with_saved)
        self.direction = QComboBox(self)
        self.direction.setAccessibleName("Which plan is before and which after")
        for text, swapped in DIRECTIONS:
            self.direction.addItem(text, swapped)
        self.direction.activated.connect(lambda _i: self.set_swapped(self.direction.currentData()))
        self.as_of = date_edit(self, "Date the comparison judges term ends against")
        self.as_of.dateChanged.connect(lambda _d: self._invalidate())
        as_of_label = QLabel("&As of:", self)
        as_of_label.setBuddy(self.as_of)
        self.export = QPushButton("&Export comparison…", self)
        self.export.setToolTip("Write the comparison as an Excel workbook for a board paper")
        self.export.clicked.connect(self.export_requested)
        row = QHBoxLayout()
        for widget in (self.choose, self.saved, self.direction, as_of_label, self.as_of):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.export)
        return row

    def _make_body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._make_summary())
        split = QSplitter(Qt.Orientation.Vertical, body)
        split.addWidget(self._make_grid())
        self.lists = QTabWidget(split)
        self.structure = StructureChanges(self.lists)
        self.structure.item_activated.connect(self._item_activated)
        self.findings = FindingChanges(self.lists)
        self.findings.finding_activated.connect(self._finding_activated)
        self.lists.addTab(self.structure, "Structural changes")
        self.lists.addTab(self.findings, "Findings opened and closed")
        split.addWidget(self.lists)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        return body

    def _make_summary(self) -> QHBoxLayout:
        self.gained = chip("", VERDICT_FILL["gain"], self)
        self.lost = chip("", VERDICT_FILL["loss"], self)
        self.same = chip("", VERDICT_FILL["same"], self)
        self.opened = chip("", VERDICT_FILL["loss"], self)
        self.closed = chip("", VERDICT_FILL["gain"], self)
        row = QHBoxLayout()
        row.addWidget(self._tile("Coverage cells", [self.gained, self.lost, self.same]))
        row.addWidget(self._tile("Findings", [self.opened, self.closed]))
        row.addWidget(self._structure_tile())
        row.addStretch(1)
        return row

    def _structure_tile(self) -> QFrame:
        """Committees, roles and people × added, removed, changed, as a small table."""
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(0)
        self.kind_labels: dict[str, QLabel] = {}
        self.counts: dict[tuple[str, str], QLabel] = {}
        for column, status in enumerate(STATUSES, start=1):
            grid.addWidget(QLabel(status, box), 0, column, Qt.AlignmentFlag.AlignRight)
        for row, kind in enumerate(("committee", "role", "person"), start=1):
            self.kind_labels[kind] = QLabel(box)
            grid.addWidget(self.kind_labels[kind], row, 0)
            for column, status in enumerate(STATUSES, start=1):
                label = QLabel("0", box)
                self.counts[(kind, status)] = label
                grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignRight)
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

    def _make_grid(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        ui_words(self.document).bind(
            table, "setAccessibleName", "Coverage before and after, {tiers} by function"
        )
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
        self.grid = table
        return table

    # -- choosing what to compare ---------------------------------------------------------

    def set_target(self, path: str | Path, swapped: bool | None = None) -> None:
        """Compare with the plan in ``path``; raises GovplannerError if it cannot be read."""
        self.target = load_target(Path(path))
        self._watch(self.target.path)
        if swapped is not None:
            self.set_swapped(swapped, refresh=False)
        self._invalidate()

    def compare_with_saved(self) -> None:
        path = self.document.path
        if path is None:
            return
        try:
            self.set_target(path, swapped=False)
        except GovplannerError as exc:
            self.heading.setText(f"<b>Cannot read the saved plan:</b> {exc}")

    def set_swapped(self, swapped: bool, refresh: bool = True) -> None:
        self.swapped = bool(swapped)
        self.direction.setCurrentIndex(1 if self.swapped else 0)
        if refresh:
            self._invalidate()

    def set_as_of(self, day: dt.date) -> None:
        from govplanner.gui.planning.common import to_qdate

        self.as_of.setDate(to_qdate(day))

    # -- refreshing -------------------------------------------------------------------------

    def plan_changed(self, *_args: Any) -> None:
        """The open plan changed: recompute now if showing, else when next shown."""
        self._invalidate()

    def _invalidate(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def _watch(self, path: Path) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.watcher.addPath(str(path))

    def _file_changed(self, path: str) -> None:
        # Saving replaces the file, which ends the watch on some systems: watch it again.
        if Path(path).exists() and path not in self.watcher.files():
            self.watcher.addPath(path)
        self._invalidate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        changed = self.target is not None and modified_time(self.target.path) != self.target.mtime
        if self._dirty or changed:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the other file if it changed on disk, then compare again."""
        self._dirty = False
        self.comparison = None
        if self.target is not None:
            self._reload_if_changed()
        if self.target is not None:
            try:
                self.comparison = compare_plans(*self.plans(), as_of=to_date(self.as_of.date()))
            except Exception as exc:  # a bug in the comparison must not break the window
                self.heading.setText(f"<b>The plans could not be compared:</b> {exc}")
                self._fill(None)
                return
        self._show()

    def _reload_if_changed(self) -> None:
        assert self.target is not None
        mtime = modified_time(self.target.path)
        if mtime == self.target.mtime:
            return
        try:
            self.target = load_target(self.target.path)
        except GovplannerError:
            self.target.mtime = mtime  # unreadable now (mid-save?): keep the last good copy

    def plans(self) -> tuple[Plan, Plan]:
        """(before, after), both speaking the open plan's words (so fields line up by name)."""
        assert self.target is not None
        other, mine = self.target.plan, self.document.plan
        if other.vocabulary != mine.vocabulary:  # a shallow copy: nothing else is changed
            other = other.model_copy(update={"vocabulary": mine.vocabulary})
        return (mine, other) if self.swapped else (other, mine)

    # -- showing ----------------------------------------------------------------------------

    def _show(self) -> None:
        has = self.comparison is not None
        self.empty_hint.setVisible(self.target is None)
        self.body.setVisible(has)
        self.filler.setVisible(not has)
        self.export.setEnabled(has)
        self.direction.setEnabled(self.target is not None)
        self.saved.setEnabled(self.document.path is not None)
        self.heading.setVisible(self.target is not None)
        if has:
            self.heading.setText(self._heading_text())
        self._fill(self.comparison)

    def _heading_text(self) -> str:
        assert self.target is not None
        assert self.comparison is not None
        c = self.comparison
        mine = f"{_escape(self.document.plan.name)} <i>(the open plan)</i>"
        other = f"{_escape(self.target.plan.name)} <i>({_escape(self.target.path.name)})</i>"
        before, after = (mine, other) if self.swapped else (other, mine)
        same = "  —  <b>no differences</b>" if c.is_same else ""
        return f"<b>Before:</b> {before} &nbsp;→&nbsp; <b>After:</b> {after}{same}"

    def _fill(self, c: Comparison | None) -> None:
        w = words(self.document.plan)
        self.model.set_comparison(c, w)
        self.structure.show_comparison(c, w)
        self.findings.show_comparison(c)
        if c is None:
            return
        set_chip(self.gained, f"▲ {c.coverage_count('gain')} gained", VERDICT_FILL["gain"])
        set_chip(self.lost, f"▼ {c.coverage_count('loss')} lost", VERDICT_FILL["loss"])
        set_chip(self.same, f"= {c.coverage_count('same')} same", VERDICT_FILL["same"])
        set_chip(self.opened, f"{len(c.opened)} opened", VERDICT_FILL["loss"])
        set_chip(self.closed, f"{len(c.closed)} closed", VERDICT_FILL["gain"])
        titles = {"committee": w.cap("committees"), "role": w.cap("roles"), "person": "People"}
        for kind, label in self.kind_labels.items():
            label.setText(titles[kind])
            for status in STATUSES:
                self.counts[(kind, status)].setText(str(c.count(kind, status)))  # type: ignore[arg-type]
        changes = sum(len(c.changes_of(k)) for k in ("committee", "role", "person"))
        self.lists.setTabText(0, f"Structural changes ({changes})")
        self.lists.setTabText(1, f"Findings opened and closed ({len(c.opened) + len(c.closed)})")

    # -- going to the open plan's items ---------------------------------------------------------

    def _item_activated(self, kind: str, name: str) -> None:
        from govplanner.domain.names import name_key

        plan = self.document.plan
        lists: dict[str, list[Any]] = {
            "committee": list(plan.committees),
            "role": list(plan.roles),
            "person": list(plan.people),
        }
        items = lists[kind]
        key = name_key(name)
        for item in items:
            if name_key(getattr(item, "title", None) or item.name) == key:
                self.subject_activated.emit(kind, item.id)
                return

    def _finding_activated(self, finding: Any, opened: bool) -> None:
        # Opened findings belong to the after plan, closed ones to the before plan.
        if opened != self.swapped:
            self.subject_activated.emit(finding.subject_kind.value, finding.subject_id)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)

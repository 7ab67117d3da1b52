"""The Compare tab: the open plan against another plan, as of a date, at a glance.

The other plan is a file as saved (re-read when it changes on disk) or the plan open in
another window as it is now; the heading says in words which is before, which after, and
where each comes from, and offers the other window's unsaved state when it differs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from govplanner.analysis.compare import COMPARED_KINDS, Comparison, compare_plans
from govplanner.domain.document import PlanDocument
from govplanner.domain.errors import GovplannerError
from govplanner.domain.vocabulary import words
from govplanner.gui.forms.flow import FlowLayout, together
from govplanner.gui.planning.common import (
    date_edit,
    hint_style,
    to_date,
)
from govplanner.gui.planning.compare_lists import FindingChanges, StructureChanges
from govplanner.gui.planning.compare_model import CompareCoverageModel, RowFitter, coverage_table
from govplanner.gui.planning.compare_source import CompareSource
from govplanner.gui.planning.compare_summary import CompareSummary
from govplanner.gui.planning.compare_target import (
    OpenPlan,
    OpenPlans,
    Target,
    open_plan_words,
    open_plans,
    target_words,
)
from govplanner.gui.wording import ui_words

if TYPE_CHECKING:
    from govplanner.domain.model import Plan

EMPTY_TEXT = (
    "<b>Compare the open plan with another plan.</b><br>Choose a plan file — for example "
    "today's structure, or a proposed restructure saved with <i>File ▸ Save as scenario…</i> — "
    "or a plan open in another window (as it is now, unsaved changes included), to see, cell "
    "by cell, where clinical leadership cover is gained or lost, which findings open or close, "
    "and what was added, removed, changed or merged."
)
DIRECTIONS = (
    ("The other plan is before, this window's after", False),
    ("This window's plan is before, the other after", True),
)


class CompareView(QWidget):
    """Pick another plan (a file, or another window's) and a date; shows the comparison and
    refreshes as either plan changes.

    ``subject_activated(kind, id)`` asks the window to show an item of the open plan.
    """

    subject_activated = Signal(str, str)
    export_requested = Signal()
    choose_requested = Signal()

    def __init__(
        self,
        document: PlanDocument,
        parent: QWidget | None = None,
        plans_open: OpenPlans = open_plans,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.source = CompareSource(document, self, plans_open)
        self.source.changed.connect(self._invalidate)
        self.swapped = False
        self.comparison: Comparison | None = None
        self._dirty = True
        self.model = CompareCoverageModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._make_controls())
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        layout.addLayout(self._make_offer())
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

    def _make_controls(self) -> FlowLayout:
        self.choose = QPushButton("Choose p&lan…", self)
        self.choose.setToolTip("Choose the plan file to compare the open plan with")
        self.choose.clicked.connect(self.choose_requested)
        self.saved = QPushButton("Last &saved version", self)
        self.saved.setToolTip("Compare with this plan's file as it was last saved")
        self.saved.clicked.connect(self.compare_with_saved)
        self.windows = self._make_windows_button()
        self.direction = QComboBox(self)
        self.direction.setAccessibleName("Which plan is before and which after")
        for text, swapped in DIRECTIONS:
            self.direction.addItem(text, swapped)
        self.direction.activated.connect(lambda _i: self.set_swapped(self.direction.currentData()))
        self.as_of = date_edit(self, "Date the comparison judges term ends against")
        self.as_of.dateChanged.connect(lambda _d: self._invalidate())
        as_of_label = QLabel("&As of:", self)
        as_of_label.setBuddy(self.as_of)
        self.export = QPushButton("E&xport comparison…", self)
        self.export.setToolTip("Write the comparison as an Excel workbook for a board paper")
        self.export.clicked.connect(self.export_requested)
        row = FlowLayout()  # wraps on a narrow window: no button runs under another
        for widget in (self.choose, self.saved, self.windows, self.direction):
            row.add(widget)
        row.add(together(self, as_of_label, self.as_of))
        row.add(self.export, push_right=True)
        return row

    def _make_windows_button(self) -> QToolButton:
        """'Open window ▾': the plans open in the app's other windows, as they are now."""
        button = QToolButton(self)
        button.setText("Open &window")
        button.setToolTip(
            "Compare with the plan open in another window, as it is now (unsaved changes included)"
        )
        button.setAccessibleName("Compare with the plan open in another window")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.windows_menu = QMenu(button)
        self.windows_menu.aboutToShow.connect(self._fill_windows_menu)
        button.setMenu(self.windows_menu)
        return button

    def _make_offer(self) -> QHBoxLayout:
        """A line that offers the other window's unsaved state (or the saved file back)."""
        self.offer_text = QLabel(self)
        self.offer_text.setWordWrap(True)
        self.offer_button = QPushButton(self)
        self.offer_button.setAccessibleName("Compare with the other version of the other plan")
        self.offer_button.clicked.connect(self._take_offer)
        row = QHBoxLayout()
        row.addWidget(self.offer_text, 1)
        row.addWidget(self.offer_button)
        self.offer_text.hide()
        self.offer_button.hide()
        return row

    def _make_body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._make_summary())
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
        self.fitter = RowFitter(split, self.grid)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        return body

    def _make_summary(self) -> CompareSummary:
        self.summary = CompareSummary(self)
        summary = self.summary
        # The tiles' parts, by the names the window's tests and tools know them by.
        self.gained, self.lost, self.same = summary.gained, summary.lost, summary.same
        self.opened, self.closed = summary.opened, summary.closed
        self.kind_labels, self.counts = summary.kind_labels, summary.counts
        return summary

    def _make_grid(self) -> QTableView:
        self.grid = coverage_table(self.model, self)
        ui_words(self.document).bind(
            self.grid, "setAccessibleName", "Coverage before and after, {tiers} by function"
        )
        return self.grid

    # -- choosing what to compare ---------------------------------------------------------

    @property
    def target(self) -> Target | None:
        return self.source.target

    def set_target(self, path: str | Path, swapped: bool | None = None) -> None:
        """Compare with the plan in ``path``; raises GovplannerError if it cannot be read."""
        self.source.use_file(Path(path))
        self._chosen(swapped)

    def set_live_target(self, other: OpenPlan, swapped: bool | None = None) -> None:
        """Compare with the plan open in another window, as it is now and as it changes."""
        self.source.use_window(other)
        self._chosen(swapped)

    def _chosen(self, swapped: bool | None) -> None:
        if swapped is not None:
            self.set_swapped(swapped, refresh=False)
        self._invalidate()

    def _fill_windows_menu(self) -> None:
        self.windows_menu.clear()
        others = self.source.other_windows()
        for other in others:
            changes = " (unsaved changes)" if other.modified else ""
            where = f" — {other.document.path.name}" if other.document.path else ""
            action = self.windows_menu.addAction(f"{other.name}{where}{changes}")
            action.triggered.connect(lambda _checked=False, o=other: self.set_live_target(o))
        if not others:
            self.windows_menu.addAction("No other plan is open").setEnabled(False)

    def _take_offer(self) -> None:
        offer = self.source.offer()
        if offer is None:
            return
        try:
            offer.take()
        except GovplannerError as exc:
            self.heading.setText(f"<b>Cannot read the saved plan:</b> {_escape(str(exc))}")
            return
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty or self.source.file_changed_on_disk():
            self.refresh()

    def refresh(self) -> None:
        """Re-read the other file if it changed on disk, then compare again."""
        self._dirty = False
        self.comparison = None
        self.source.reload_if_changed()
        if self.target is not None:
            try:
                comparison = compare_plans(*self.plans(), as_of=to_date(self.as_of.date()))
                before, after = self.sources()
                # The exported workbook says where each side came from, as the heading does.
                self.comparison = replace(comparison, before_source=before, after_source=after)
            except Exception as exc:  # a bug in the comparison must not break the window
                self.heading.setText(f"<b>The plans could not be compared:</b> {exc}")
                self._fill(None)
                return
        self._show()

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
        offer = self.source.offer() if has else None
        self.offer_text.setVisible(offer is not None)
        self.offer_button.setVisible(offer is not None)
        if offer is not None:
            self.offer_text.setText(offer.text)
            self.offer_button.setText(offer.button)
        self._fill(self.comparison)
        self.fitter.fit()  # every tier in view, where the lists below can spare the room

    def sources(self) -> tuple[str, str]:
        """(before, after): where each plan comes from, in plain words."""
        assert self.target is not None
        window = self.window()
        modified = window.isWindowModified() if window is not None else False
        mine = open_plan_words(modified)
        other = target_words(self.target, self.document.path)
        return (mine, other) if self.swapped else (other, mine)

    def sides_text(self) -> tuple[str, str]:
        """(before, after) in plain words: which plan, and where it comes from."""
        assert self.target is not None
        names = (self.document.plan.name, self.target.plan.name)
        before_name, after_name = names if self.swapped else names[::-1]
        before, after = self.sources()
        return f"{before_name}: {before}", f"{after_name}: {after}"

    def _heading_text(self) -> str:
        assert self.comparison is not None
        before, after = self.sides_text()
        same = "<br><b>No differences.</b>" if self.comparison.is_same else ""
        return f"<b>Before</b> — {_escape(before)}<br><b>After</b> — {_escape(after)}{same}"

    def _fill(self, c: Comparison | None) -> None:
        w = words(self.document.plan)
        self.model.set_comparison(c, w)
        self.structure.show_comparison(c, w)
        self.findings.show_comparison(c)
        if c is None:
            return
        self.summary.show_comparison(c, w)
        changes = sum(len(c.changes_of(k)) for k in COMPARED_KINDS) + len(c.merges)
        self.lists.setTabText(0, f"Structural changes ({changes + len(c.settings)})")
        moved = len(c.opened) + len(c.closed) + len(c.accepted)
        self.lists.setTabText(1, f"Findings opened and closed ({moved})")

    # -- going to the open plan's items ---------------------------------------------------------

    def _item_activated(self, kind: str, name: str) -> None:
        from govplanner.domain.names import name_key

        plan = self.document.plan
        lists: dict[str, list[Any]] = {
            "committee": list(plan.committees),
            "role": list(plan.roles),
            "person": list(plan.people),
            "organisation": list(plan.organisations),
        }
        items = lists.get(kind, [])
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

"""The tiers and stages editor: add, rename, reorder and delete; map each tier to a level.

Changes apply at once, each as one undo command (Ctrl+Z here or in the main window takes it
back). Deleting a tier that still has committees offers to move them to another tier in the
same step; deleting a stage sends its committees back to "no stage" (the first stage) and drops
its requirement profile, also in one step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.catalogue import LEVEL_DESCRIPTIONS
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import LEVELS, Level
from govplanner.domain.model import Tier
from govplanner.domain.names import name_key
from govplanner.gui import settings_commands as sc
from govplanner.gui.commands import DocumentCommand
from govplanner.gui.plan_dialog import PlanEditDialog, cell, fit_to_screen, make_table
from govplanner.gui.wording import UiWords


class TiersStagesDialog(PlanEditDialog):
    """Edit the plan's tiers (top first) and stages (in order)."""

    def __init__(
        self, document: PlanDocument, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, undo_stack, parent)
        self.words.bind(self, "setWindowTitle", "{Tiers} and stages")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._tiers_page(), "")
        self.tabs.addTab(self._stages_page(), "&Stages")
        self.words.follow(self.retranslate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addLayout(self.bottom_row())
        fit_to_screen(self, 760, 520)
        self.refresh()

    # -- tiers -------------------------------------------------------------------------------------

    def _tiers_page(self) -> QWidget:
        self.tier_table = make_table(["", "Level", ""], "")
        self.tier_table.itemChanged.connect(self._tier_renamed)
        return _page(
            "Your names for the layers of governance, top {tier} first. Each {tier} maps to one "
            "of the study's three levels, which decides the default requirements of its "
            "{committees}.",
            self.tier_table,
            [
                ("&Add {tier}", self.add_tier),
                ("&Delete {tier}…", self.delete_tier),
                ("Move u&p", lambda: self.move_tier(-1)),
                ("Move do&wn", lambda: self.move_tier(1)),
            ],
            self.words,
        )

    def retranslate(self) -> None:
        """Tab, headers and table names in the plan's words (labels and buttons are bound)."""
        w = self.words
        self.tabs.setTabText(0, w.text("&{Tiers}"))
        # A plan that calls its tiers "levels" would see two "Level" columns: name the study's.
        study = "Study level" if w["tier"].casefold() == "level" else "Level"
        self.tier_table.setHorizontalHeaderLabels([w["Tier"], study, w["Committees"]])
        self.tier_table.setAccessibleName(w.text("{Tiers}, top {tier} first"))
        self.stage_table.setHorizontalHeaderLabels(["Stage", "Description", w["Committees"]])

    def _refresh_tiers(self) -> None:
        plan, table = self.document.plan, self.tier_table
        counts = {t.id: 0 for t in plan.tiers}
        for committee in plan.committees:
            counts[committee.tier_id] = counts.get(committee.tier_id, 0) + 1
        current = self.selected_tier()
        table.blockSignals(True)
        table.setRowCount(len(plan.tiers))
        for row, tier in enumerate(plan.tiers):
            name = cell(tier.name)
            name.setData(Qt.ItemDataRole.UserRole, tier.id)
            table.setItem(row, 0, name)
            table.setCellWidget(row, 1, self._level_combo(tier))
            table.setItem(row, 2, _count_cell(counts[tier.id]))
        table.blockSignals(False)
        _fit_columns(table)
        self._select_row(table, [t.id for t in plan.tiers], current)

    def _level_combo(self, tier: Tier) -> QComboBox:
        combo = QComboBox()
        for level in LEVELS:
            combo.addItem(level.label, level)
            combo.setItemData(
                combo.count() - 1, LEVEL_DESCRIPTIONS[level], Qt.ItemDataRole.ToolTipRole
            )
        combo.setCurrentIndex(combo.findData(tier.level))
        combo.setAccessibleName(f"Level of {self.words['tier']} {tier.name}")
        combo.activated.connect(lambda _: self.set_tier_level(tier.id, Level(combo.currentData())))
        return combo

    def selected_tier(self) -> str | None:
        return _selected_id(self.tier_table)

    def add_tier(self) -> None:
        plan = self.document.plan
        name = _unused_name(self.words.text("New {tier}"), [t.name for t in plan.tiers])
        level = plan.tiers[-1].level if plan.tiers else Level.EXECUTIVE
        done = f"Added {self.words['tier']} '{name}'."
        if self.run(lambda: sc.add_tier(self.document, name, level), done):
            self._edit_last_row(self.tier_table)

    def _tier_renamed(self, item: QTableWidgetItem) -> None:
        tier_id = item.data(Qt.ItemDataRole.UserRole)
        if item.column() == 0 and tier_id:
            self.run(lambda: sc.rename_tier(self.document, tier_id, item.text()))

    def set_tier_level(self, tier_id: str, level: Level) -> None:
        if self.document.get("tier", tier_id).level is not level:
            self.run(lambda: sc.set_tier_level(self.document, tier_id, level))

    def delete_tier(self) -> None:
        tier_id = self.selected_tier()
        if tier_id is None:
            self.show_message(self.words.text("Select the {tier} to delete."), True)
            return
        tier = self.document.get("tier", tier_id)
        count = sum(1 for c in self.document.plan.committees if c.tier_id == tier_id)
        target = None
        if count:
            if len(self.document.plan.tiers) == 1:
                w = self.words.words
                self.show_message(
                    f"The {w.tier} '{tier.name}' has {w.committees} and there is no other "
                    f"{w.tier} to move them to. Add another {w.tier} first.",
                    True,
                )
                return
            target = self.ask_move_target(tier, count)
            if target is None:
                return
        self.run(
            lambda: sc.remove_tier(self.document, tier_id, target), "Deleted; Undo brings it back."
        )

    def ask_move_target(self, tier: Tier, count: int) -> str | None:
        """Ask which tier receives the committees of a tier being deleted (None: cancel)."""
        others = [t for t in self.document.plan.tiers if t.id != tier.id]
        w = self.words.words
        label = (
            f"The {w.tier} '{tier.name}' has {count} "
            f"{w.committee if count == 1 else w.committees}.\n"
            f"Move them to this {w.tier}, then delete it:"
        )
        names = [f"{t.name} ({t.level.value})" for t in others]
        title = f"Delete {w.tier}"
        choice, ok = QInputDialog.getItem(self, title, label, names, 0, False)
        return others[names.index(choice)].id if ok else None

    def move_tier(self, step: int) -> None:
        self._move(self.tier_table, step, sc.move_tier, self.words["tier"])

    # -- stages ------------------------------------------------------------------------------------

    def _stages_page(self) -> QWidget:
        self.stage_table = make_table(["Stage", "Description", ""], "Stages, in order")
        self.stage_table.itemChanged.connect(self._stage_edited)
        return _page(
            "Stages of integration, in order. A {committee} with no stage set counts as being at "
            "the first stage. A new stage takes its requirements from the study's defaults; "
            "edit them in Plan settings.",
            self.stage_table,
            [
                ("&Add stage", self.add_stage),
                ("&Delete stage", self.delete_stage),
                ("Move u&p", lambda: self.move_stage(-1)),
                ("Move do&wn", lambda: self.move_stage(1)),
            ],
            self.words,
        )

    def _refresh_stages(self) -> None:
        plan, table = self.document.plan, self.stage_table
        counts = {s.id: 0 for s in plan.stages}
        for committee in plan.committees:
            stage_id = plan.current_stage_id(committee)
            if stage_id in counts:
                counts[stage_id] += 1
        current = self.selected_stage()
        table.blockSignals(True)
        table.setRowCount(len(plan.stages))
        for row, stage in enumerate(plan.stages):
            for column, text in enumerate((stage.name, stage.description)):
                item = cell(text)
                item.setData(Qt.ItemDataRole.UserRole, stage.id)
                table.setItem(row, column, item)
            table.setItem(row, 2, _count_cell(counts[stage.id]))
        table.blockSignals(False)
        _fit_columns(table, stretch=1)
        self._select_row(table, [s.id for s in plan.stages], current)

    def selected_stage(self) -> str | None:
        return _selected_id(self.stage_table)

    def add_stage(self) -> None:
        name = _unused_name("New stage", [s.name for s in self.document.plan.stages])
        if self.run(lambda: sc.add_stage(self.document, name), f"Added stage '{name}'."):
            self._edit_last_row(self.stage_table)

    def _stage_edited(self, item: QTableWidgetItem) -> None:
        stage_id = item.data(Qt.ItemDataRole.UserRole)
        if item.column() == 0:
            self.run(lambda: sc.rename_stage(self.document, stage_id, item.text()))
        elif item.column() == 1:
            self.run(lambda: sc.describe_stage(self.document, stage_id, item.text()))

    def delete_stage(self) -> None:
        stage_id = self.selected_stage()
        if stage_id is None:
            self.show_message("Select the stage to delete.", True)
            return
        self.run(lambda: sc.remove_stage(self.document, stage_id), "Deleted; Undo brings it back.")

    def move_stage(self, step: int) -> None:
        self._move(self.stage_table, step, sc.move_stage, "stage")

    # -- shared ------------------------------------------------------------------------------------

    def _move(
        self,
        table: QTableWidget,
        step: int,
        build: Callable[[PlanDocument, str, int], DocumentCommand],
        noun: str,
    ) -> None:
        item_id = _selected_id(table)
        if item_id is None:
            self.show_message(f"Select the {noun} to move.", True)
            return
        row = table.currentRow() + step
        if 0 <= row < table.rowCount():
            self.run(lambda: build(self.document, item_id, row))

    def _edit_last_row(self, table: QTableWidget) -> None:
        # Redraw now, not on the next turn: the added row must exist before its name opens for
        # typing (else the row above it opened, and the name typed renamed that one), and a
        # late redraw would close the editor.
        self.refresh()
        row = table.rowCount() - 1
        table.setCurrentCell(row, 0)
        item = table.item(row, 0)
        if item is not None:
            table.editItem(item)

    @staticmethod
    def _select_row(table: QTableWidget, ids: list[str], wanted: str | None) -> None:
        if wanted in ids:
            table.setCurrentCell(ids.index(wanted), 0)

    def refresh(self) -> None:
        super().refresh()
        self._refresh_tiers()
        self._refresh_stages()


def _page(
    intro: str,
    table: QTableWidget,
    buttons: list[tuple[str, Callable[[], None]]],
    words: UiWords,
) -> QWidget:
    """A page: ``intro`` above, ``table`` with ``buttons`` beside (texts are word templates)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel()
    words.bind(label, "setText", intro)
    label.setWordWrap(True)
    layout.addWidget(label)
    row = QHBoxLayout()
    row.addWidget(table, 1)
    column = QVBoxLayout()
    for text, slot in buttons:
        button = QPushButton()
        words.bind(button, "setText", text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        column.addWidget(button)
    column.addStretch(1)
    row.addLayout(column)
    layout.addLayout(row, 1)
    return page


def _count_cell(count: int) -> QTableWidgetItem:
    item = cell(str(count), editable=False)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _selected_id(table: QTableWidget) -> str | None:
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def _fit_columns(table: QTableWidget, stretch: int = 0) -> None:
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def _unused_name(base: str, taken: list[str]) -> str:
    keys = {name_key(t) for t in taken}
    n = 1
    name = base
    while name_key(name) in keys:
        n += 1
        name = f"{base} {n}"
    return name

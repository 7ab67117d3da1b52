"""The plan settings dialog: requirement profile, programme areas, synonyms, default capacity.

Every change is applied at once as an undo command on the document's stack (so Ctrl+Z in the
dialog or later in the main window takes it back); the dialog redraws from the plan after each
change, wherever it came from.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.catalogue import LEVEL_DESCRIPTIONS, PROFILE_BASIS, PROGRAMMES_BASIS
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import FUNCTIONS, LEVELS, Level, Requirement
from govplanner.domain.model import Programme
from govplanner.domain.names import name_key
from govplanner.gui import settings_commands as sc
from govplanner.gui.commands import DocumentCommand
from govplanner.gui.kind_rules_page import KindRulesPage
from govplanner.gui.plan_dialog import PlanEditDialog, cell, fit_to_screen, make_table

#: A template in the plan's words (see :mod:`govplanner.gui.wording`).
REQUIREMENT_HELP = (
    "Essential: a {committee} without it has a critical gap. Expected: its absence is a "
    "warning. Optional: no finding either way."
)


def requirement_combo(accessible: str, help_text: str) -> QComboBox:
    combo = QComboBox()
    for requirement in Requirement:
        combo.addItem(requirement.label, requirement)
    combo.setAccessibleName(accessible)
    combo.setToolTip(help_text)
    return combo


class SettingsDialog(PlanEditDialog):
    """Plan settings in five pages; each edit is one undo step."""

    def __init__(
        self, document: PlanDocument, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, undo_stack, parent)
        self.setWindowTitle("Plan settings")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._profile_page(), "Requirement &profile")
        self.kinds = KindRulesPage(self)
        self.tabs.addTab(self.kinds, "")
        self.words.bind(self.tabs, "setTabText", "{Committee} &kinds", 1)
        self.tabs.addTab(self._programmes_page(), "Programme &areas")
        self.tabs.addTab(self._synonyms_page(), "Profession &synonyms")
        self.tabs.addTab(self._capacity_page(), "&Capacity")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addLayout(self.bottom_row())
        fit_to_screen(self, 940, 660)
        self.refresh()

    # -- requirement profile -----------------------------------------------------------------------

    def _profile_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        basis = QLabel()
        self.words.bind(basis, "setText", PROFILE_BASIS + "\n\n" + REQUIREMENT_HELP)
        basis.setWordWrap(True)
        layout.addWidget(basis)
        self.profile_tables: dict[Level, QTableWidget] = {}
        inner = QWidget()
        column = QVBoxLayout(inner)
        for level in LEVELS:
            group = QGroupBox(f"{level.label} level")
            group.setToolTip(LEVEL_DESCRIPTIONS[level])
            headers = [f.label.replace(" ", "\n", 1) for f in FUNCTIONS]
            table = make_table(headers, f"Requirements at {level.value} level")
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            table.verticalHeader().setVisible(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            self.profile_tables[level] = table
            QVBoxLayout(group).addWidget(table)
            column.addWidget(group)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no blank Tab stop before the first box
        layout.addWidget(scroll, 1)
        self.reset_button = QPushButton("Reset to study &defaults")
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset_profile)
        layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _refresh_profile(self) -> None:
        plan = self.document.plan
        for level, table in self.profile_tables.items():
            table.setRowCount(len(plan.stages))
            table.setVerticalHeaderLabels([s.name for s in plan.stages])
            for row, stage in enumerate(plan.stages):
                header = table.verticalHeaderItem(row)
                if header is not None:
                    header.setToolTip(stage.description)
                for column, function in enumerate(FUNCTIONS):
                    combo = table.cellWidget(row, column)
                    if not isinstance(combo, QComboBox):
                        help_text = self.words.text(REQUIREMENT_HELP)
                        combo = requirement_combo(function.label, help_text)
                        combo.activated.connect(self._profile_slot(combo, level, column))
                        table.setCellWidget(row, column, combo)
                    combo.setAccessibleName(f"{level.label} level, {stage.name}, {function.label}")
                    combo.setProperty("stage_id", stage.id)
                    wanted = plan.requirement(level, stage.id, function)
                    combo.setCurrentIndex(combo.findData(wanted))
            table.setFixedHeight(_table_height(table))

    def _profile_slot(self, combo: QComboBox, level: Level, column: int) -> Callable[[int], None]:
        def changed(_: int) -> None:
            stage_id, requirement = combo.property("stage_id"), Requirement(combo.currentData())
            function = FUNCTIONS[column]
            if self.document.plan.requirement(level, stage_id, function) is not requirement:
                self.run(lambda: sc.set_requirement(
                    self.document, level, stage_id, function, requirement))  # fmt: skip

        return changed

    def reset_profile(self) -> None:
        command = sc.reset_profile(self.document)
        if not command.edits:
            self.show_message("The profile already matches the study defaults.")
            return
        self.run(lambda: command, "The requirement profile is back to the study defaults.")

    # -- programme areas and synonyms: two-column tables ----------------------------------------

    def _programmes_page(self) -> QWidget:
        def write(pairs: Pairs, text: str) -> DocumentCommand:
            areas = [Programme(name=n, professions=split_list(v)) for n, v in pairs]
            return sc.set_programmes(self.document, areas, text)

        self.programmes = PairsPage(
            self,
            "programme area",
            self.words.text(
                "Which professions deliver each programme area. A {committee} serving an area "
                "should have a clinical leader from one of them (finding PRO001). Separate "
                "professions with semicolons. "
            )
            + PROGRAMMES_BASIS,
            ("Programme area", "Professions"),
            lambda: [(p.name, "; ".join(p.professions)) for p in self.document.plan.programmes],
            write,
        )
        return self.programmes

    def _synonyms_page(self) -> QWidget:
        self.synonyms = PairsPage(
            self,
            "synonym",
            self.words.text(
                "Other words people use for a profession, so that a {role}'s profession matches "
                "the programme table (for example 'GP' for general practice). Case is ignored."
            ),
            ("Synonym", "Profession"),
            lambda: sorted(self.document.plan.profession_synonyms.items()),
            lambda pairs, text: sc.set_synonyms(self.document, dict(pairs), text),
        )
        return self.synonyms

    # -- capacity ----------------------------------------------------------------------------------

    def _capacity_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.capacity = QDoubleSpinBox()
        self.capacity.setRange(0, 100)
        self.capacity.setDecimals(1)
        self.capacity.setSingleStep(0.5)
        self.capacity.setSuffix(" sessions per week")
        self.capacity.setMinimumWidth(220)
        self.capacity.setAccessibleName("Default capacity in sessions per week")
        self.capacity.editingFinished.connect(self._capacity_edited)
        form.addRow("&Default capacity:", self.capacity)
        note = QLabel()
        self.words.bind(
            note, "setText",
            "How many sessions a week a person can give to leadership {roles} when their own "
            "capacity is not recorded. Holding {roles} beyond it is reported as an assumption to "
            "confirm (finding LOD002), not as an overload: record the person's own capacity for "
            "that.",
        )  # fmt: skip
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _capacity_edited(self) -> None:
        value = self.capacity.value()
        if value != self.document.plan.default_capacity:
            self.run(lambda: sc.set_default_capacity(self.document, value))

    # -- redraw ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self._refresh_profile()
        self.kinds.refresh()
        self.programmes.refresh()
        self.synonyms.refresh()
        self.capacity.blockSignals(True)
        self.capacity.setValue(self.document.plan.default_capacity)
        self.capacity.blockSignals(False)


Pairs = list[tuple[str, str]]


class PairsPage(QWidget):
    """A two-column table of (name, value) pairs: add below, edit in place, remove selected."""

    def __init__(
        self,
        dialog: PlanEditDialog,
        noun: str,
        intro: str,
        headers: tuple[str, str],
        read: Callable[[], Pairs],
        write: Callable[[Pairs, str], DocumentCommand],
    ) -> None:
        super().__init__()
        self.dialog, self.noun, self.read, self.write = dialog, noun, read, write
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.table = make_table(list(headers), f"{headers[0]} table")
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.inputs = (QLineEdit(), QLineEdit())
        for edit, header in zip(self.inputs, headers, strict=True):
            edit.setPlaceholderText(f"New {header.lower()}")
            edit.setAccessibleName(f"New {header.lower()}")
            edit.returnPressed.connect(self.add)
            row.addWidget(edit, 1)
        for text, slot in (("A&dd", self.add), ("Remo&ve selected", self.remove)):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)

    def refresh(self) -> None:
        _fill(self.table, self.read())

    def add(self) -> None:
        name, value = (edit.text().strip() for edit in self.inputs)
        if self._apply([*self.read(), (name, value)], f"Add {self.noun} '{name}'"):
            for edit in self.inputs:
                edit.clear()

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.dialog.show_message(f"Select the {self.noun} to remove.", True)
            return
        pairs = self.read()
        name, _ = pairs.pop(row)
        self._apply(pairs, f"Remove {self.noun} '{name}'")

    def _edited(self, item: QTableWidgetItem) -> None:
        old, _ = self.read()[item.row()]
        table = self.table
        pairs = [(text_at(table, r, 0), text_at(table, r, 1)) for r in range(table.rowCount())]
        verb = "Rename" if item.column() == 0 else "Edit"
        self._apply(pairs, f"{verb} {self.noun} '{old}'")

    def _apply(self, pairs: Pairs, text: str) -> bool:
        seen: dict[str, str] = {}
        for name, _ in pairs:
            key = name_key(name)
            problem = None
            if not key:
                problem = f"A {self.noun} needs a name."
            elif key in seen:
                problem = f"There is already a {self.noun} called '{seen[key]}' (case is ignored)."
            if problem is not None:
                self.dialog.show_message(problem, True)
                self.dialog.redraw_soon()  # put the table back as the plan has it
                return False
            seen[key] = name
        return self.dialog.run(lambda: self.write(pairs, text))


def text_at(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def split_list(text: str) -> list[str]:
    """'a; b ;;c' -> ['a', 'b', 'c']."""
    return [part.strip() for part in text.split(";") if part.strip()]


def _fill(table: QTableWidget, rows: list[tuple[str, str]]) -> None:
    current = table.currentRow()
    table.blockSignals(True)
    table.setRowCount(len(rows))
    for r, (first, second) in enumerate(rows):
        table.setItem(r, 0, cell(first))
        table.setItem(r, 1, cell(second))
    table.blockSignals(False)
    table.resizeColumnToContents(0)
    if 0 <= current < len(rows):
        table.setCurrentCell(current, 0)


def _table_height(table: QTableWidget) -> int:
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    header = table.horizontalHeader().sizeHint().height()
    return rows + header + 2 * table.frameWidth() + 2

"""File ▸ Merge plans…: choose the plans, review what the merge finds, then make the plan.

Step 1 lists the plan files (two or more), the merged plan's name and, optionally, the date
it takes effect. Step 2 shows the merge report and asks, pair by pair, whether people with the
same name and profession are one person, and, proposal by proposal, whether committees alike
across the plans meet in common. Reading and merging run off the GUI thread, with Cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govplanner.gui.restructure.common import (
    add_listed_paths,
    chosen_date,
    date_choice,
    listed_paths,
    remove_selected_paths,
)
from govplanner.gui.workers import BackgroundTask, run_with_progress

PLAN_FILTER = "govplanner plans (*.govplan);;All files (*)"
MERGE, APART = "Merge into one person", "Keep as two people"


def _button(text: str, parent: QWidget, name: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    return button


def _table(parent: QWidget, name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MergeDialog(QDialog):
    """The two steps of a merge; ``merged`` holds (plan, report) once it is made."""

    def __init__(self, parent: QWidget | None, start_folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge plans")
        self.start_folder = start_folder
        self.preview: Any = None
        self.sources: list[Any] = []
        self.merged: tuple[Any, Any] | None = None
        self.task: BackgroundTask | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._plans_page())
        self.pages.addWidget(self._review_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.back_button = _button("◂ &Back", self, "Back to the plans")
        self.next_button = _button("&Review the merge ▸", self, "Review the merge")
        self.create_button = _button("Create the &merged plan", self, "Create the merged plan")
        for b in (self.back_button, self.next_button, self.create_button):
            self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        self.back_button.clicked.connect(lambda: self._show_page(0))
        self.next_button.clicked.connect(self.review)
        self.create_button.clicked.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show_page(0)
        self.resize(960, 560)

    # -- step 1: the plans --------------------------------------------------------------------

    def _plans_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            "Choose two or more plans to merge, for example the ICBs of one cluster. Each "
            "becomes (or stays) its own ICB organisation in the merged plan; nothing is merged "
            "silently: the next step shows every alignment and asks about each possible match.",
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.files = QListWidget(page)
        self.files.setAccessibleName("Plans to merge")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        files_label = QLabel("&Plans to merge, in order (the first plan's settings are kept):")
        files_label.setBuddy(self.files)
        layout.addWidget(files_label)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addLayout(self._file_buttons(page))
        layout.addLayout(row, 1)
        form = QFormLayout()
        self.name = QLineEdit(page)
        self.name.setAccessibleName("Name of the merged plan")
        self.name.setPlaceholderText("Cluster of … (the plans' names)")
        self.name.setMaxLength(200)
        form.addRow("&Name of the merged plan:", self.name)
        self.dated, self.date = date_choice(page, "&Takes effect on", "The merged plan")
        form.addRow(self.dated, self.date)
        layout.addLayout(form)
        self.files.model().rowsInserted.connect(self._update_buttons)
        self.files.model().rowsRemoved.connect(self._update_buttons)
        return page

    def _file_buttons(self, page: QWidget) -> QVBoxLayout:
        side = QVBoxLayout()
        for text, name, slot in (
            ("&Add plans…", "Add plans to merge", self.choose_files),
            ("Re&move", "Remove the chosen plans", self._remove_selected),
            ("Move &up", "Move the chosen plan up", self._move_up),
        ):
            button = _button(text, page, name)
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        return side

    def paths(self) -> list[Path]:
        return listed_paths(self.files)

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        add_listed_paths(self.files, paths)

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, "Plans to merge", self.start_folder, PLAN_FILTER
        )
        self.add_paths(chosen)

    def _remove_selected(self) -> None:
        remove_selected_paths(self.files)

    def _move_up(self) -> None:
        row = self.files.currentRow()
        if row > 0:
            self.files.insertItem(row - 1, self.files.takeItem(row))
            self.files.setCurrentRow(row - 1)

    # -- step 2: the review -------------------------------------------------------------------

    def _review_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.review_tabs = QTabWidget(page)
        self.report_text = QPlainTextEdit(page)
        self.report_text.setReadOnly(True)
        self.report_text.setAccessibleName("Merge report")
        self.people = _table(
            page,
            "The same person in several plans",
            ("Person", "Profession", "First in", "Also in", "Roles held there", "Your choice"),
        )
        self.groups = _table(
            page,
            "Committees proposed to meet in common",
            ("Meet in common", "Kind", "Committees (plan)"),
        )
        groups_page = QWidget(page)
        groups_layout = QVBoxLayout(groups_page)
        groups_layout.setContentsMargins(0, 0, 0, 0)
        groups_layout.addWidget(self.groups, 1)
        row = QHBoxLayout()
        all_b = _button("Group &all", groups_page, "Group every proposal")
        none_b = _button("Group &none", groups_page, "Group no proposal")
        all_b.clicked.connect(lambda: self.set_all_groups(True))
        none_b.clicked.connect(lambda: self.set_all_groups(False))
        row.addWidget(all_b)
        row.addWidget(none_b)
        row.addStretch(1)
        groups_layout.addLayout(row)
        self.review_tabs.addTab(self.report_text, "Merge &report")
        self.review_tabs.addTab(self.people, "Same &person?")
        self.review_tabs.addTab(groups_page, "Committees in &common")
        layout.addWidget(self.review_tabs, 1)
        return page

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.next_button.setVisible(index == 0)
        self.create_button.setVisible(index == 1)
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        self.next_button.setEnabled(self.files.count() >= 2)
        self.next_button.setToolTip("" if self.files.count() >= 2 else "Add at least two plans")

    def review(self) -> BackgroundTask | None:
        """Read the plans and merge them as the core proposes (in the background)."""
        paths = self.paths()
        if len(paths) < 2:
            return None
        name = self.name.text().strip() or None

        def work(progress: Any, cancelled: Any) -> Any:
            from govplanner.files.planfile import load_plan
            from govplanner.gui.restructure.merge_choices import preview, sources_of

            plans = []
            for n, path in enumerate(paths):
                if cancelled():
                    return None
                progress(n, len(paths) + 1)
                plans.append(load_plan(path))
            sources = sources_of(plans, paths)
            return sources, preview(sources, name)

        def done(result: Any, cancelled: bool) -> None:
            self.task = None
            if cancelled or result is None:
                return
            self.sources, self.preview = result
            self._fill_review()
            self._show_page(1)

        self.task = run_with_progress(
            self, "Merge plans", "Reading and merging the plans…", work, done, self._failed
        )
        return self.task

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        QMessageBox.warning(self, "Cannot merge these plans", str(exc))

    def _fill_review(self) -> None:
        p = self.preview
        self.report_text.setPlainText(p.report.text(p.plan.name))
        from govplanner.analysis.rules.common import counted

        self.summary.setText(
            f"'{p.plan.name}': {counted(len(p.plan.committees), 'committee', 'committees')}, "
            f"{counted(len(p.plan.roles), 'role', 'roles')} and "
            f"{counted(len(p.plan.people), 'person', 'people')} from {len(self.sources)} plans. "
            f"{counted(len(p.twins), 'possible same person', 'possible same people')} and "
            f"{counted(len(p.proposals), 'proposal', 'proposals')} of committees in common "
            "to decide; nothing is merged or grouped unless you choose it."
        )
        self._fill_people()
        self._fill_groups()
        self.review_tabs.setTabText(1, f"Same &person? ({len(p.twins)})")
        self.review_tabs.setTabText(2, f"Committees in &common ({len(p.proposals)})")

    def _fill_people(self) -> None:
        twins = self.preview.twins
        self.people.setRowCount(len(twins))
        for r, t in enumerate(twins):
            values = (
                t.other.name,
                t.other.profession,
                t.first.origin,
                t.other.origin,
                str(t.roles),
            )
            for c, value in enumerate(values):
                self.people.setItem(r, c, QTableWidgetItem(value))
            combo = QComboBox(self.people)
            combo.addItems([APART, MERGE])
            combo.setAccessibleName(f"{t.other.name} in {t.first.origin} and {t.other.origin}")
            self.people.setCellWidget(r, 5, combo)

    def _fill_groups(self) -> None:
        proposals = self.preview.proposals
        self.groups.setRowCount(len(proposals))
        for r, proposal in enumerate(proposals):
            check = QTableWidgetItem("Group them")
            check.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            check.setCheckState(Qt.CheckState.Unchecked)
            self.groups.setItem(r, 0, check)
            self.groups.setItem(r, 1, QTableWidgetItem(proposal.committees[0].kind.label))
            self.groups.setItem(r, 2, QTableWidgetItem(proposal.names()))

    def set_all_groups(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for r in range(self.groups.rowCount()):
            item = self.groups.item(r, 0)
            if item is not None:
                item.setCheckState(state)

    def set_person_choice(self, row: int, merge: bool) -> None:
        combo = self.people.cellWidget(row, 5)
        assert isinstance(combo, QComboBox)
        combo.setCurrentText(MERGE if merge else APART)

    def choices(self) -> tuple[list[tuple[str, str]], list[tuple[str, ...]]]:
        """(twin keys to merge, proposal keys to group), as set in the review."""
        people = []
        for r, twin in enumerate(self.preview.twins):
            combo = self.people.cellWidget(r, 5)
            if isinstance(combo, QComboBox) and combo.currentText() == MERGE:
                people.append(twin.key)
        groups = []
        for r, proposal in enumerate(self.preview.proposals):
            item = self.groups.item(r, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                groups.append(proposal.key)
        return people, groups

    def make(self) -> BackgroundTask | None:
        """Merge again with the choices made; the dialog accepts when the plan is ready."""
        if self.preview is None:
            return None
        people, groups = self.choices()
        name = self.name.text().strip() or None
        date = chosen_date(self.dated, self.date)
        sources = self.sources

        def work(_progress: Any, _cancelled: Any) -> Any:
            from govplanner.gui.restructure.merge_choices import merge_with_choices

            plan, report = merge_with_choices(
                sources, name=name, merge_people=people, groups=groups
            )
            if date is not None:
                plan.effective_date = date
            return plan, report

        def done(result: Any, cancelled: bool) -> None:
            self.task = None
            if not cancelled:
                self.merged = result
                self.accept()

        self.task = run_with_progress(
            self, "Merge plans", "Making the merged plan…", work, done, self._failed
        )
        return self.task

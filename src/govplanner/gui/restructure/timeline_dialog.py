"""Plan ▸ Timeline…: the plans of a transition, in order of the dates they take effect.

For each step: coverage, open findings (judged as of its date), essential functions left
uncovered, the cost of clinical leadership and what changed from the step before; the whole
timeline can be saved as a workbook (the core's, as ``govplanner timeline -o`` writes it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govplanner.gui.restructure.common import (
    add_listed_paths,
    listed_paths,
    remove_selected_paths,
)
from govplanner.gui.workers import BackgroundTask, run_with_progress

PLAN_FILTER = "govplanner plans (*.govplan);;All files (*)"
COLUMNS = (
    "Takes effect",
    "Plan (file)",
    "Coverage (covered/needing)",
    "Open findings",
    "Essential uncovered",
    "Cost of clinical leadership",
    "Changes from the step before",
)


def step_cells(steps: Sequence[Any]) -> list[tuple[str, ...]]:
    """One row of text per step, as the table shows it."""
    from govplanner.analysis.rules.common import long_date
    from govplanner.restructure.timeline import change_text

    rows: list[tuple[str, ...]] = []
    for step in steps:
        cover = "; ".join(f"{f.label} {c}/{r}" for f, (r, c) in step.coverage_totals().items())
        s = step.analysis.summary
        findings = (
            f"{s.get('critical', 0)} critical, {s.get('warning', 0)} warning"
            f"{'' if s.get('warning', 0) == 1 else 's'}, {s.get('info', 0)} for information"
        )
        gaps = step.uncovered
        shown = [f"{g.subject} ({g.function.label.lower() if g.function else '?'})" for g in gaps]
        more = f"; and {len(shown) - 3} more" if len(shown) > 3 else ""
        uncovered = f"{len(gaps)}: " + "; ".join(shown[:3]) + more if gaps else "none"
        changes = "(the first step)" if step.changes is None else change_text(step.changes)
        rows.append(
            (
                long_date(step.date),
                f"{step.plan.name} ({step.label})",
                cover,
                findings,
                uncovered,
                step.cost.text(),
                changes,
            )
        )
    return rows


class TimelineDialog(QDialog):
    """Choose the plans, see the steps by date, save them as a workbook."""

    def __init__(
        self, parent: QWidget | None, paths: Sequence[str | Path] = (), start_folder: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Timeline of a transition")
        self.start_folder = start_folder
        self.steps: list[Any] = []
        self.task: BackgroundTask | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose the plans of a transition (today's and each later step). Each must carry "
            "the date it takes effect (Plan settings); they are put in order of those dates.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._files_row())
        layout.addWidget(self._steps_area(), 1)
        self.conclusion = QLabel(self)
        self.conclusion.setWordWrap(True)
        layout.addWidget(self.conclusion)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton("&Export to Excel…", self)
        self.export_button.setAccessibleName("Export the timeline to an Excel workbook")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.ask_and_export)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_paths(paths)
        self.resize(1040, 580)

    def _files_row(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.files = QListWidget(self)
        self.files.setAccessibleName("Plans of the timeline")
        self.files.setMaximumHeight(72)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        top.addWidget(self.files, 1)
        side = QVBoxLayout()
        for text, name, slot in (
            ("&Add plans…", "Add plans to the timeline", self.choose_files),
            ("&Remove", "Remove the chosen plans", self._remove_selected),
            ("&Show the timeline", "Show the timeline", self.build),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            side.addWidget(button)
            if slot == self.build:
                self.show_button = button
        top.addLayout(side)
        return top

    def _steps_area(self) -> QSplitter:
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, len(COLUMNS), split)
        self.table.setAccessibleName("Steps of the timeline")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((110, 170, 200, 150, 170, 200)):
            self.table.setColumnWidth(col, width)
        self.details = QPlainTextEdit(split)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("The timeline in words")
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        return split

    def paths(self) -> list[Path]:
        return listed_paths(self.files)

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        add_listed_paths(self.files, paths)

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, "Plans of the timeline", self.start_folder, PLAN_FILTER
        )
        self.add_paths(chosen)

    def _remove_selected(self) -> None:
        remove_selected_paths(self.files)

    def build(self) -> BackgroundTask | None:
        """Read and judge each plan as of its date, in the background."""
        paths = self.paths()
        if not paths:
            self.conclusion.setText("Add at least one plan.")
            return None

        def work(progress: Any, cancelled: Any) -> Any:
            from govplanner.files.planfile import load_plan
            from govplanner.restructure.timeline import build_timeline

            plans = []
            for n, path in enumerate(paths):
                if cancelled():
                    return None
                progress(n, len(paths) + 1)
                plans.append((path.name, load_plan(path)))
            return build_timeline(plans)

        def done(steps: Any, cancelled: bool) -> None:
            self.task = None
            if not cancelled and steps is not None:
                self.show_steps(steps)

        self.task = run_with_progress(
            self, "Timeline", "Judging each step as of its date…", work, done, self._failed
        )
        return self.task

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.conclusion.setText(f"Cannot show the timeline: {exc}")

    def show_steps(self, steps: Sequence[Any]) -> None:
        from govplanner.restructure.timeline import timeline_text

        self.steps = list(steps)
        rows = step_cells(self.steps)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        text = timeline_text(self.steps)
        self.details.setPlainText(text)
        self.conclusion.setText(text.rstrip().splitlines()[-1])
        self.export_button.setEnabled(bool(self.steps))

    def ask_and_export(self) -> Path | None:
        from govplanner.gui.export_prompts import export_file

        folder = Path(self.start_folder) if self.start_folder else Path.home()
        chosen = export_file(  # never over one of the plans, any plan, or a plan open anywhere
            self, "Export the timeline", folder / "timeline.xlsx", "Excel workbooks (*.xlsx)",
            inputs=self.paths(), what="timeline",
        )  # fmt: skip
        return self.export(chosen) if chosen else None

    def export(self, path: Path) -> Path | None:
        from govplanner.domain.errors import GovplannerError
        from govplanner.files.output_safety import export_writes
        from govplanner.restructure.timeline_workbook import write_timeline

        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            with export_writes():  # a replaced workbook is kept as .bak
                write_timeline(self.steps, path)
        except (GovplannerError, OSError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            QMessageBox.warning(self, "Cannot export the timeline", f"{path}: {reason}")
            return None
        self.conclusion.setText(f"{self.conclusion.text()}  Saved as {path.name}.")
        return path

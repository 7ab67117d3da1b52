"""Plan ▸ Timeline…: the plans of a transition in date order, each step's coverage, findings,
uncovered essential functions, cost and changes, and the workbook (issue 14)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtWidgets import QWidget

from govplanner.files.planfile import load_plan, save_plan
from govplanner.gui.restructure.timeline_dialog import COLUMNS, TimelineDialog
from tests.gui.restructure.test_merge import EXAMPLES, fits, unnamed_inputs

NORTH, SOUTH = EXAMPLES / "icb-northfield.govplan", EXAMPLES / "icb-southmoor.govplan"
CLUSTER = EXAMPLES / "cluster-example.govplan"


def built(qtbot: Any, paths: list[Path]) -> TimelineDialog:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = TimelineDialog(parent, paths)
    dialog.kept_parent = parent  # type: ignore[attr-defined]
    dialog.build()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    return dialog


def test_the_dialog_builds_alone_fits_and_names_every_input(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = TimelineDialog(parent)
    assert dialog.build() is None
    assert dialog.conclusion.text() == "Add at least one plan."
    assert not dialog.export_button.isEnabled()
    assert unnamed_inputs(dialog) == []
    assert fits(dialog)


def test_steps_in_date_order_with_cost_and_changes(qtbot: Any, tmp_path: Path) -> None:
    dialog = built(qtbot, [CLUSTER, NORTH])  # chosen out of order
    assert dialog.table.rowCount() == 2
    assert dialog.table.columnCount() == len(COLUMNS)
    cells = [[dialog.table.item(r, c).text() for c in range(len(COLUMNS))] for r in range(2)]
    assert cells[0][0] == "1 April 2025"
    assert cells[1][0] == "1 April 2026"
    assert "icb-northfield.govplan" in cells[0][1]
    assert cells[0][6] == "(the first step)"
    assert "committees added" in cells[1][6]
    assert "£368,000 a year" in cells[0][5]  # 32 sessions a week x £11,500
    assert "£542,000 a year" in cells[1][5]
    assert "Analytical insight" in cells[0][2]
    for row in cells:
        assert row[4] == "none" or row[4].split(":")[0].isdigit()
    assert "Timeline of 2 steps" in dialog.details.toPlainText()
    assert dialog.conclusion.text()
    written = dialog.export(tmp_path / "steps")
    assert written == tmp_path / "steps.xlsx"
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["Timeline", "Coverage", "Uncovered", "Changes"]
    assert book["Timeline"].max_row == 3


def test_two_plans_of_the_same_date_are_explained(qtbot: Any) -> None:
    dialog = built(qtbot, [NORTH, SOUTH])
    assert dialog.table.rowCount() == 0
    assert "take effect on the same date" in dialog.conclusion.text()
    assert not dialog.export_button.isEnabled()


def test_an_undated_plan_is_named(qtbot: Any, tmp_path: Path) -> None:
    plan = load_plan(NORTH)
    plan.effective_date = None
    save_plan(plan, tmp_path / "undated.govplan")
    dialog = built(qtbot, [tmp_path / "undated.govplan", CLUSTER])
    assert "undated.govplan: the plan has no effective date" in dialog.conclusion.text()


def test_the_window_offers_the_timeline_with_its_own_plan(qtbot: Any, window: Any) -> None:
    assert window.files.open_path(CLUSTER, ask=False) or window.files.open_path(CLUSTER)
    dialog = window.restructure.timeline()
    assert isinstance(dialog, TimelineDialog)
    assert [p.name for p in dialog.paths()] == [CLUSTER.name]
    assert load_plan(CLUSTER).effective_date == dt.date(2026, 4, 1)
    dialog.close()

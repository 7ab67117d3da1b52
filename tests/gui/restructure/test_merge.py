"""File ▸ Merge plans…: the review step decides each same person and each in-common proposal,
and the merged plan opens unsaved in the window with its report (issue 14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from govplanner.domain.names import name_key
from govplanner.files.planfile import load_plan, save_plan
from govplanner.gui.restructure.merge_choices import (
    find_twins,
    merge_with_choices,
    preview,
    sources_of,
)
from govplanner.gui.restructure.merge_dialog import MergeDialog
from govplanner.gui.restructure.report_dialog import ReportDialog

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
NORTH, SOUTH = EXAMPLES / "icb-northfield.govplan", EXAMPLES / "icb-southmoor.govplan"
SCREEN = (1093, 614)


def unnamed_inputs(widget: QWidget) -> list[str]:
    """Inputs (anything taking focus but labels) without an accessible name."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
    )

    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)
    missing = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, kinds) and not isinstance(child, QLabel):
            if isinstance(child, QHeaderView) or child.objectName().startswith("qt_"):
                continue  # Qt's own parts of a table, a tab bar or a spin box
            if isinstance(child.parentWidget(), QWidget) and _in_combo(child):
                continue  # a combo box's pop-up list
            if not child.accessibleName() and not (
                hasattr(child, "text") and callable(child.text) and child.text()
            ):
                missing.append(f"{type(child).__name__} {child.objectName()}")
    return missing


def _in_combo(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QComboBox

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def fits(dialog: QWidget) -> bool:
    hint = dialog.minimumSizeHint()
    return (
        hint.width() <= SCREEN[0]
        and hint.height() <= SCREEN[1]
        and dialog.width() <= SCREEN[0]
        and dialog.height() <= SCREEN[1]
    )


@pytest.fixture
def twin_files(tmp_path: Path) -> list[Path]:
    """Northfield and Southmoor, with one of Southmoor's people renamed to a Northfield
    person of the same profession (a shared cluster executive)."""
    north, south = load_plan(NORTH), load_plan(SOUTH)
    held = {r.holder_id for r in south.roles if r.holder_id}
    theirs = next(p for p in south.people if p.id in held and p.profession)
    mine = next(p for p in north.people if p.profession)
    theirs.name, theirs.profession = mine.name, mine.profession
    paths = [tmp_path / "north.govplan", tmp_path / "south.govplan"]
    save_plan(north, paths[0])
    save_plan(south, paths[1])
    return paths


def reviewed(qtbot: Any, paths: list[Path]) -> MergeDialog:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = MergeDialog(parent)
    dialog.kept_parent = parent  # type: ignore[attr-defined]  # alive as long as the dialog
    dialog.add_paths(paths)
    assert dialog.next_button.isEnabled()
    dialog.review()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.pages.currentIndex() == 1
    return dialog


def test_the_dialog_builds_alone_fits_and_names_every_input(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = MergeDialog(parent)
    dialog.add_paths([NORTH])
    assert not dialog.next_button.isEnabled()  # one plan is not a merge
    dialog.add_paths([SOUTH, NORTH])  # the same file twice is listed once
    assert dialog.paths() == [NORTH, SOUTH]
    assert dialog.next_button.isEnabled()
    assert unnamed_inputs(dialog) == []
    assert fits(dialog)


def test_review_lists_the_report_and_the_proposals_of_the_examples(qtbot: Any) -> None:
    dialog = reviewed(qtbot, [NORTH, SOUTH])
    report = dialog.report_text.toPlainText()
    assert "Tiers (aligned by level and name)" in report
    assert "Committees in common" in report
    assert dialog.groups.rowCount() == len(dialog.preview.proposals) >= 2
    assert "Audit" in " ".join(
        dialog.groups.item(r, 2).text() for r in range(dialog.groups.rowCount())
    )
    assert dialog.people.rowCount() == 0
    assert "0 possible same people" in dialog.summary.text()
    assert unnamed_inputs(dialog) == []


def test_a_person_is_merged_only_when_chosen(qtbot: Any, twin_files: list[Path]) -> None:
    dialog = reviewed(qtbot, twin_files)
    assert dialog.people.rowCount() == 1
    twin = dialog.preview.twins[0]
    kept_apart = len(dialog.preview.plan.people)
    dialog.set_person_choice(0, merge=True)
    dialog.make()
    qtbot.waitUntil(lambda: dialog.merged is not None, timeout=30_000)
    plan, report = dialog.merged
    assert len(plan.people) == kept_apart - 1
    assert twin.other.id not in {p.id for p in plan.people}
    assert any(r.holder_id == twin.first.id and r.origin == twin.other.origin for r in plan.roles)
    (entry,) = report.of("same person")
    assert entry.action == "merged"
    assert "as you chose" in entry.detail
    # the name given only to tell the two apart goes, with the report's word that it changed
    kept = next(p for p in plan.people if p.id == twin.first.id)
    assert not kept.name.endswith(")")
    assert not [e for e in report.of("names") if name_key(e.subject) == name_key(kept.name)]


def test_keeping_people_apart_and_grouping_one_proposal(twin_files: list[Path]) -> None:
    plans = [load_plan(p) for p in twin_files]
    sources = sources_of(plans, twin_files)
    shown = preview(sources)
    chosen = shown.proposals[0]
    plan, report = merge_with_choices(sources, groups=[chosen.key])
    assert len(plan.people) == len(shown.plan.people)
    (entry,) = report.of("same person")
    assert entry.action == "kept apart"
    assert len(plan.groups) == 1
    grouped = [c for c in plan.committees if c.group_id == plan.groups[0].id]
    assert [c.id for c in grouped] == list(chosen.key)
    assert len(report.of("in common", "grouped")) == 1
    assert len(report.of("in common", "not grouped")) == len(shown.proposals) - 1
    assert not report.of("in common", "proposed")
    assert len(find_twins(plan, [s.label for s in sources])) == 1  # still two people, as chosen


def test_the_merged_plan_opens_unsaved_with_its_report(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    restructure = window.restructure
    assert restructure.merge_action in window.menuBar().actions()[0].menu().actions()
    plans = [load_plan(NORTH), load_plan(SOUTH)]
    plan, report = merge_with_choices(sources_of(plans, [NORTH, SOUTH]), name="Cluster NS")
    restructure.open_merged(plan, report)
    assert window.plan_open
    assert window.document.path is None
    assert window.document.plan.name == "Cluster NS"
    assert not window.undo_stack.isClean()  # closing must ask to save it
    dialog = restructure.report
    assert isinstance(dialog, ReportDialog)
    assert "Merge of 2 plans" in dialog.text.toPlainText()
    xlsx = dialog.save(tmp_path / "report.xlsx")
    assert xlsx is not None
    sheet = openpyxl.load_workbook(xlsx)["Merge report"]
    assert sheet.max_row == len(report.entries) + 1
    txt = dialog.save(tmp_path / "report", "txt")
    assert txt == tmp_path / "report.txt"
    assert txt.read_text(encoding="utf-8") == report.text("Cluster NS")
    assert fits(dialog)
    dialog.close()
    assert restructure.merge_report_action.isEnabled()
    restructure.merge_report_action.trigger()  # the report again, once closed
    assert restructure.report is not dialog
    assert restructure.report.isVisible()
    assert restructure.report.text.toPlainText() == report.text("Cluster NS")
    window.undo_stack.setClean()


def test_merge_of_the_cluster_example_with_another_plan(qtbot: Any) -> None:
    dialog = reviewed(qtbot, [EXAMPLES / "cluster-example.govplan", NORTH])
    dialog.set_all_groups(True)
    _people, groups = dialog.choices()
    assert len(groups) == dialog.groups.rowCount()
    dialog.name.setText("Bigger cluster")
    dialog.make()
    qtbot.waitUntil(lambda: dialog.merged is not None, timeout=30_000)
    plan, _report = dialog.merged
    assert plan.name == "Bigger cluster"
    assert {name_key(c.origin) for c in plan.committees} >= {name_key("Northfield ICB (fictional)")}


def test_file_merge_plans_end_to_end(qtbot: Any, window: Any, twin_files: list[Path]) -> None:
    """The menu entry's dialog, its review and Create: the plan opens in this window."""
    window.restructure.merge_action.trigger()
    dialog = window.restructure.dialog
    assert isinstance(dialog, MergeDialog)
    assert dialog.isVisible()
    dialog.add_paths(twin_files)
    dialog.next_button.click()
    qtbot.waitUntil(
        lambda: dialog.task is None and dialog.pages.currentIndex() == 1, timeout=30_000
    )
    dialog.set_person_choice(0, merge=True)
    dialog.dated.setChecked(True)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: window.plan_open, timeout=30_000)
    plan = window.document.plan
    assert plan.name.startswith("Cluster of ")
    assert plan.effective_date == dialog.date.date().toPython()
    assert len(plan.people) == 9  # 5 + 5, one merged
    assert "merged into one, as you chose" in window.restructure.report.text.toPlainText()
    window.undo_stack.setClean()

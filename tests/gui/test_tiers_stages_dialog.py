"""The tiers and stages editor: every change is one undo command; the tables follow the plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from govplanner.domain.catalogue import default_requirement
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import FUNCTIONS, LEVELS, Level
from govplanner.domain.integrity import check_plan
from govplanner.domain.model import Tier
from govplanner.gui.tiers_stages_dialog import TiersStagesDialog
from tests.builders import committee_id, stage_id, tier_id

# The offscreen platform cannot pass a dialog's minimum size on to a window; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot: QtBot, document: PlanDocument, stack: QUndoStack) -> TiersStagesDialog:
    widget = TiersStagesDialog(document, stack)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def settle(qtbot: QtBot, dialog: TiersStagesDialog) -> None:
    qtbot.waitUntil(lambda: not dialog._timer.isActive())


def column(table: object, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]  # type: ignore[attr-defined]


def test_the_tables_show_tiers_with_levels_and_stages_with_counts(
    dialog: TiersStagesDialog,
) -> None:
    tiers = dialog.tier_table
    assert column(tiers, 0) == ["System", "Programme", "Neighbourhood"]
    assert column(tiers, 2) == ["2", "1", "1"]
    levels = [tiers.cellWidget(r, 1) for r in range(3)]
    assert all(isinstance(c, QComboBox) for c in levels)
    assert [c.currentData() for c in levels] == ["executive", "thematic", "project"]  # type: ignore[union-attr]
    assert levels[0].accessibleName() == "Level of tier System"  # type: ignore[union-attr]
    assert column(dialog.stage_table, 0) == [
        "Strategy setting",
        "Mobilising change",
        "Sustaining collaboration",
    ]
    assert column(dialog.stage_table, 2) == ["4", "0", "0"]  # no stage set: the first stage


def test_add_tier_then_rename_it_in_place(
    qtbot: QtBot, dialog: TiersStagesDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    dialog.add_tier()
    added = document.plan.tiers[-1]
    assert (added.name, added.level) == ("New tier", Level.PROJECT)
    assert stack.undoText() == "Add tier 'New tier'"
    settle(qtbot, dialog)
    table = dialog.tier_table
    assert table.state() == QAbstractItemView.State.EditingState
    table.item(3, 0).setText("Locality")
    assert document.plan.tiers[-1].name == "Locality"
    assert stack.undoText() == "Rename tier 'New tier' to 'Locality'"
    settle(qtbot, dialog)
    dialog.add_tier()
    assert document.plan.tiers[-1].name == "New tier"
    dialog.add_tier()
    assert document.plan.tiers[-1].name == "New tier 2"


def test_a_refused_rename_shows_why_and_restores_the_name(
    qtbot: QtBot, dialog: TiersStagesDialog, stack: QUndoStack
) -> None:
    dialog.tier_table.item(0, 0).setText("programme")
    assert "already a tier called 'Programme'" in dialog.message.text()
    assert stack.count() == 0
    settle(qtbot, dialog)
    assert dialog.tier_table.item(0, 0).text() == "System"


def test_map_a_tier_to_another_level(
    dialog: TiersStagesDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    combo = dialog.tier_table.cellWidget(1, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(Level.PROJECT))
    combo.activated.emit(combo.currentIndex())
    assert document.get("tier", tier_id("programme")).level is Level.PROJECT
    assert stack.undoText() == "Map tier 'Programme' to the project level"
    stack.undo()
    assert document.get("tier", tier_id("programme")).level is Level.THEMATIC


def test_deleting_a_tier_with_committees_moves_them_where_the_user_says(
    qtbot: QtBot,
    dialog: TiersStagesDialog,
    document: PlanDocument,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[str, int]] = []

    def answer(tier: Tier, count: int) -> str | None:
        asked.append((tier.name, count))
        return None if len(asked) == 1 else tier_id("system")

    monkeypatch.setattr(dialog, "ask_move_target", answer)
    dialog.tier_table.setCurrentCell(1, 0)
    dialog.delete_tier()  # the user cancels
    assert stack.count() == 0
    dialog.delete_tier()
    assert asked == [("Programme", 1), ("Programme", 1)]
    assert document.plan.tier(tier_id("programme")) is None
    assert document.get("committee", committee_id("Mental Health Board")).tier_id == tier_id(
        "system"
    )
    assert stack.undoText() == "Delete tier 'Programme' and move 1 committee to 'System'"
    check_plan(document.plan)
    stack.undo()
    assert document.plan.tiers[1].id == tier_id("programme")
    settle(qtbot, dialog)
    assert column(dialog.tier_table, 0) == ["System", "Programme", "Neighbourhood"]


def test_the_only_tier_cannot_be_deleted_while_it_has_committees(
    qtbot: QtBot, dialog: TiersStagesDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    for tier in list(document.plan.tiers[1:]):
        for committee in list(document.plan.committees):
            if committee.tier_id == tier.id:
                document.update("committee", committee.id, tier_id=tier_id("system"))
        document.remove("tier", tier.id)
    settle(qtbot, dialog)
    dialog.tier_table.setCurrentCell(0, 0)
    dialog.delete_tier()
    assert "no other tier" in dialog.message.text()
    assert stack.count() == 0


def test_move_tiers_up_and_down(
    dialog: TiersStagesDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    dialog.tier_table.setCurrentCell(2, 0)
    dialog.move_tier(-1)
    assert [t.name for t in document.plan.tiers] == ["System", "Neighbourhood", "Programme"]
    assert stack.undoText() == "Move tier 'Neighbourhood' up"
    dialog.tier_table.setCurrentCell(0, 0)
    dialog.move_tier(-1)  # already at the top: nothing to do
    assert stack.count() == 1


def test_add_rename_describe_stage(
    qtbot: QtBot, dialog: TiersStagesDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    dialog.add_stage()
    stage = document.plan.stages[-1]
    assert stage.name == "New stage"
    for level in LEVELS:
        for f in FUNCTIONS:
            assert document.plan.profile[level][stage.id][f] is default_requirement(level, 3, 4, f)
    settle(qtbot, dialog)
    dialog.stage_table.item(3, 0).setText("Review")
    settle(qtbot, dialog)
    dialog.stage_table.item(3, 1).setText("Looking back at what changed.")
    assert (stage.name, stage.description) == ("Review", "Looking back at what changed.")
    assert stack.undoText() == "Describe stage 'Review'"
    assert stack.count() == 3


def test_delete_stage_sends_its_committees_back_in_one_step(
    qtbot: QtBot, dialog: TiersStagesDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    crisis = committee_id("Crisis Group")
    document.update("committee", crisis, stage_id=stage_id("Mobilising change"))
    settle(qtbot, dialog)
    assert column(dialog.stage_table, 2) == ["3", "1", "0"]
    dialog.stage_table.setCurrentCell(1, 0)
    dialog.delete_stage()
    assert document.get("committee", crisis).stage_id is None
    assert [s.name for s in document.plan.stages] == [
        "Strategy setting",
        "Sustaining collaboration",
    ]
    assert stack.count() == 1
    check_plan(document.plan)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert document.get("committee", crisis).stage_id == stage_id("Mobilising change")
    settle(qtbot, dialog)
    assert column(dialog.stage_table, 2) == ["3", "1", "0"]


def test_move_stage_down(dialog: TiersStagesDialog, document: PlanDocument) -> None:
    dialog.stage_table.setCurrentCell(0, 0)
    dialog.move_stage(1)
    assert document.plan.stages[1].name == "Strategy setting"
    assert dialog.selected_stage() == stage_id("Strategy setting")


def test_buttons_without_a_selection_explain_what_to_do(
    dialog: TiersStagesDialog, stack: QUndoStack
) -> None:
    dialog.stage_table.setCurrentCell(-1, -1)
    dialog.delete_stage()
    assert dialog.message.text() == "Select the stage to delete."
    dialog.tier_table.setCurrentCell(-1, -1)
    dialog.move_tier(1)
    assert dialog.message.text() == "Select the tier to move."
    assert stack.count() == 0


def type_into_editor(qtbot: QtBot, table: QTableWidget, text: str) -> None:
    """Type into the cell editor that is open, as a user would, and press Return."""
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    assert editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # queued


def test_add_tier_opens_the_new_tiers_name_for_typing(
    qtbot: QtBot, dialog: TiersStagesDialog, document: PlanDocument
) -> None:
    """Found at 1366x768: Add tier, then typing renamed the tier above it ("ProjectLocality")."""
    dialog.add_tier()
    settle(qtbot, dialog)
    table = dialog.tier_table
    assert table.state() == QAbstractItemView.State.EditingState
    assert table.currentRow() == table.rowCount() - 1 == 3
    type_into_editor(qtbot, table, "Locality")
    settle(qtbot, dialog)
    assert [t.name for t in document.plan.tiers] == [
        "System",
        "Programme",
        "Neighbourhood",
        "Locality",
    ]


def test_add_stage_opens_the_new_stages_name_for_typing(
    qtbot: QtBot, dialog: TiersStagesDialog, document: PlanDocument
) -> None:
    dialog.tabs.setCurrentIndex(1)
    before = [s.name for s in document.plan.stages]
    dialog.add_stage()
    settle(qtbot, dialog)
    table = dialog.stage_table
    assert table.state() == QAbstractItemView.State.EditingState
    assert table.currentRow() == table.rowCount() - 1 == len(before)
    type_into_editor(qtbot, table, "Review")
    settle(qtbot, dialog)
    assert [s.name for s in document.plan.stages] == [*before, "Review"]


def test_alt_u_and_alt_r_undo_and_redo_as_their_underlined_letters_say(
    qtbot: QtBot, dialog: TiersStagesDialog, document: PlanDocument
) -> None:
    """Found at 1366x768: Alt+U did nothing; the buttons' Ctrl+Z shortcut had replaced it."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.add_tier()
    settle(qtbot, dialog)
    dialog.undo_button.setFocus()  # not in the cell editor the new tier opened
    QTest.keyClick(dialog.undo_button, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(document.plan.tiers) == 3)
    QTest.keyClick(dialog.redo_button, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(document.plan.tiers) == 4)
    QTest.keyClick(dialog.undo_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(document.plan.tiers) == 3)

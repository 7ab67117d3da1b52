"""The plan settings dialog edits the plan only through undo commands, and follows undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from govplanner.domain.catalogue import PROFILE_BASIS, default_requirement
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import FUNCTIONS, LEVELS, Function, Level, Requirement
from govplanner.gui.settings_dialog import SettingsDialog, split_list
from tests.builders import stage_id

# The offscreen platform cannot pass a dialog's minimum size on to a window; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot: QtBot, document: PlanDocument, stack: QUndoStack) -> SettingsDialog:
    widget = SettingsDialog(document, stack)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def combo_at(dialog: SettingsDialog, level: Level, row: int, function: Function) -> QComboBox:
    widget = dialog.profile_tables[level].cellWidget(row, list(FUNCTIONS).index(function))
    assert isinstance(widget, QComboBox)
    return widget


def choose(combo: QComboBox, value: object) -> None:
    """What a user picking an entry does: the index changes and ``activated`` fires."""
    index = combo.findData(value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def settle(qtbot: QtBot, dialog: SettingsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog._timer.isActive())


def test_the_profile_tables_show_the_plan_and_explain_their_basis(
    dialog: SettingsDialog, document: PlanDocument
) -> None:
    plan = document.plan
    for level in LEVELS:
        table = dialog.profile_tables[level]
        assert table.rowCount() == len(plan.stages)
        for row, stage in enumerate(plan.stages):
            assert table.verticalHeaderItem(row).text() == stage.name
            for f in FUNCTIONS:
                combo = combo_at(dialog, level, row, f)
                assert combo.currentData() == plan.requirement(level, stage.id, f)
                assert combo.accessibleName() == f"{level.label} level, {stage.name}, {f.label}"
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(PROFILE_BASIS in text for text in texts)


def test_choosing_a_requirement_is_one_undoable_command(
    qtbot: QtBot, dialog: SettingsDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    first = stage_id("Strategy setting")
    combo = combo_at(dialog, Level.THEMATIC, 0, Function.RELATIONAL)
    choose(combo, Requirement.ESSENTIAL)
    assert stack.count() == 1
    assert stack.undoText() == "Set thematic / Strategy setting / Relational work to essential"
    assert document.plan.requirement(Level.THEMATIC, first, Function.RELATIONAL) is (
        Requirement.ESSENTIAL
    )
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert document.plan.requirement(Level.THEMATIC, first, Function.RELATIONAL) is (
        Requirement.EXPECTED
    )
    settle(qtbot, dialog)
    assert combo_at(dialog, Level.THEMATIC, 0, Function.RELATIONAL).currentData() == "expected"
    qtbot.mouseClick(dialog.redo_button, Qt.MouseButton.LeftButton)
    assert document.plan.requirement(Level.THEMATIC, first, Function.RELATIONAL) is (
        Requirement.ESSENTIAL
    )
    # The underlined letters work: a button's own Ctrl+Z shortcut used to replace Alt+U.
    assert dialog.undo_button.shortcut() == QKeySequence("Alt+U")
    assert dialog.redo_button.shortcut() == QKeySequence("Alt+R")


def test_choosing_the_current_value_pushes_nothing(
    dialog: SettingsDialog, stack: QUndoStack
) -> None:
    combo = combo_at(dialog, Level.PROJECT, 1, Function.ANALYTICAL)
    choose(combo, combo.currentData())
    assert stack.count() == 0


def test_reset_to_study_defaults(
    qtbot: QtBot, dialog: SettingsDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    choose(combo_at(dialog, Level.EXECUTIVE, 2, Function.TRANSLATION), Requirement.OPTIONAL)
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Reset the requirement profile to the study defaults"
    n = len(document.plan.stages)
    for level in LEVELS:
        for i, stage in enumerate(document.plan.stages):
            for f in FUNCTIONS:
                assert document.plan.requirement(level, stage.id, f) is default_requirement(
                    level, i, n, f
                )
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert stack.count() == 2  # nothing left to reset: no empty command
    assert "already matches" in dialog.message.text()


def test_programme_areas_add_edit_and_remove(
    qtbot: QtBot, dialog: SettingsDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    name_edit, professions_edit = dialog.programmes.inputs
    name_edit.setText("Dementia")
    professions_edit.setText("old age psychiatry;  ; dementia nursing ")
    dialog.programmes.add()
    added = document.plan.programmes[-1]
    assert (added.name, added.professions) == (
        "Dementia",
        ["old age psychiatry", "dementia nursing"],
    )
    assert stack.undoText() == "Add programme area 'Dementia'"
    assert name_edit.text() == ""
    settle(qtbot, dialog)
    table = dialog.programmes.table
    last = table.rowCount() - 1
    assert table.item(last, 1).text() == "old age psychiatry; dementia nursing"
    table.item(last, 0).setText("Dementia care")
    assert document.plan.programmes[-1].name == "Dementia care"
    assert stack.undoText() == "Rename programme area 'Dementia'"
    settle(qtbot, dialog)
    table.item(0, 0).setText("dementia CARE")
    assert "already a programme area" in dialog.message.text()
    settle(qtbot, dialog)
    assert table.item(0, 0).text() == "Maternity"  # refused: the table shows the plan again
    table.setCurrentCell(last, 0)
    dialog.programmes.remove()
    assert all(p.name != "Dementia care" for p in document.plan.programmes)
    stack.undo()
    assert document.plan.programmes[-1].name == "Dementia care"


def test_profession_synonyms_add_edit_and_remove(
    qtbot: QtBot, dialog: SettingsDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    synonym_edit, profession_edit = dialog.synonyms.inputs
    synonym_edit.setText("Community Matron")
    profession_edit.setText("Community Nursing")
    dialog.synonyms.add()
    assert document.plan.profession_synonyms["community matron"] == "community nursing"
    settle(qtbot, dialog)
    table = dialog.synonyms.table
    keys = sorted(document.plan.profession_synonyms)
    row = keys.index("community matron")
    table.item(row, 1).setText("public health nursing")
    assert document.plan.profession_synonyms["community matron"] == "public health nursing"
    assert stack.undoText() == "Edit synonym 'community matron'"
    synonym_edit.setText("gp")
    profession_edit.setText("x")
    dialog.synonyms.add()
    assert "already a synonym called 'gp'" in dialog.message.text()
    settle(qtbot, dialog)
    table.setCurrentCell(row, 0)
    dialog.synonyms.remove()
    assert "community matron" not in document.plan.profession_synonyms
    assert stack.count() == 3


def test_default_capacity(
    qtbot: QtBot, dialog: SettingsDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    assert dialog.capacity.value() == 4.0
    dialog.capacity.setValue(5.5)
    dialog.capacity.editingFinished.emit()
    assert document.plan.default_capacity == 5.5
    assert stack.undoText() == "Set the default capacity to 5.5 sessions per week"
    stack.undo()
    settle(qtbot, dialog)
    assert dialog.capacity.value() == 4.0
    dialog.capacity.editingFinished.emit()
    assert stack.count() == 1  # same value again: nothing pushed (redo still available)


def test_a_removed_stage_disappears_from_the_profile_tables(
    qtbot: QtBot, dialog: SettingsDialog, document: PlanDocument
) -> None:
    document.remove("stage", stage_id("Sustaining collaboration"))
    settle(qtbot, dialog)
    assert dialog.profile_tables[Level.THEMATIC].rowCount() == 2


def test_split_list() -> None:
    assert split_list(" a; b ;;c ; ") == ["a", "b", "c"]
    assert split_list("") == []


def test_two_column_tables_refuse_blanks_and_explain(
    qtbot: QtBot, dialog: SettingsDialog, stack: QUndoStack
) -> None:
    dialog.programmes.table.item(0, 0).setText("   ")
    assert dialog.message.text() == "A programme area needs a name."
    settle(qtbot, dialog)
    assert dialog.programmes.table.item(0, 0).text() == "Maternity"
    synonym_edit = dialog.synonyms.inputs[0]
    synonym_edit.setText("hv")
    dialog.synonyms.add()  # no profession given
    assert "both need text" in dialog.message.text()
    assert synonym_edit.text() == "hv"  # kept, so the user can finish the entry
    dialog.programmes.table.setCurrentCell(-1, -1)
    dialog.programmes.remove()
    assert dialog.message.text() == "Select the programme area to remove."
    assert stack.count() == 0


def test_each_kind_has_a_rule_per_function_with_its_basis(
    qtbot: QtBot, dialog: SettingsDialog, document: PlanDocument, stack: QUndoStack
) -> None:
    from govplanner.domain.enums import CommitteeKind, Rule
    from govplanner.domain.governance import KIND_BASIS, default_kind_rules

    page = dialog.kinds
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "Committee &kinds"
    assert any(KIND_BASIS[:40] in label.text() for label in page.findChildren(QLabel))
    audit = page.combos[(CommitteeKind.ASSURANCE, Function.REPRESENTATION)]
    assert audit.currentData() == Rule.OPTIONAL
    assert audit.accessibleName() == "Assurance, Representation"
    assert page.combos[(CommitteeKind.DECISION, Function.ANALYTICAL)].currentText() == (
        "Follow the profile"
    )
    tip = page.table.verticalHeaderItem(2).toolTip()
    assert "audit" in tip
    assert "does not need a clinical" in tip
    choose(audit, Rule.ESSENTIAL)
    assert (
        document.plan.kind_rule(CommitteeKind.ASSURANCE, Function.REPRESENTATION) is Rule.ESSENTIAL
    )
    assert stack.undoText() == "Set Representation for assurance committees to essential"
    stack.undo()
    settle(qtbot, dialog)
    assert audit.currentData() == Rule.OPTIONAL
    assert document.plan.kind_rules == default_kind_rules()
    stack.redo()
    page.reset_button.click()
    assert document.plan.kind_rules == default_kind_rules()
    assert stack.undoText() == "Reset what each kind of committee needs"
    assert stack.count() == 2


def test_tab_from_the_page_tabs_goes_straight_to_the_first_requirement(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    """Found at 1366x768: the first Tab landed on the page's scroll area, which shows no focus
    and has no name, so a keyboard user lost track of where they were."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTabBar

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    bar = dialog.findChild(QTabBar)
    assert bar is not None
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    QTest.keyClick(bar, Qt.Key.Key_Tab)
    first = combo_at(dialog, LEVELS[0], 0, FUNCTIONS[0])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)

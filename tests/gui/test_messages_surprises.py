"""No surprises: a settings dialog's Undo reaches only its own edits, a never-saved imported
plan asks before closing, exporting role descriptions never replaces documents silently and
offers to open the folder, and the sources checkbox says what it means."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from govplanner.domain.document import PlanDocument
from govplanner.gui import commands
from govplanner.gui import export_prompts as prompts
from govplanner.gui import settings_commands as sc
from govplanner.gui.dialog_undo import ELSEWHERE
from govplanner.gui.main_window import MainWindow
from govplanner.gui.settings_dialog import SettingsDialog
from govplanner.gui.tiers_stages_dialog import TiersStagesDialog
from tests.gui.conftest import small_plan_builder

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _rename_person(document: PlanDocument, stack: QUndoStack, name: str) -> None:
    person = document.plan.people[0]
    commands.execute(stack, commands.update_item(document, "person", person.id, name=name))


@pytest.mark.parametrize("dialog_class", [SettingsDialog, TiersStagesDialog])
def test_dialog_undo_leaves_edits_made_elsewhere_alone(
    qtbot: Any, document: PlanDocument, stack: QUndoStack, dialog_class: Any
) -> None:
    _rename_person(document, stack, "Dr Ada Lovelace")
    dialog = dialog_class(document, stack)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert not dialog.undo_button.isEnabled()
    assert dialog.undo_button.toolTip() == ELSEWHERE
    dialog.undo_button.click()
    QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(300)  # longer than a button's press animation: nothing may happen
    assert document.plan.people[0].name == "Dr Ada Lovelace"
    assert dialog.run(lambda: sc.set_default_capacity(document, 6))
    assert dialog.undo_button.isEnabled()
    assert dialog.undo_button.toolTip() == f"Undo: {stack.undoText()}"
    dialog.undo_button.click()
    assert document.plan.default_capacity == 4
    assert not dialog.undo_button.isEnabled()  # the next step back is the rename
    assert document.plan.people[0].name == "Dr Ada Lovelace"
    assert dialog.redo_button.isEnabled()
    QTest.keyClick(
        dialog,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert document.plan.default_capacity == 6
    # A button's shortcut clicks it after a short press animation, hence the waits.
    QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: document.plan.default_capacity == 4)
    QTest.keyClick(dialog, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: document.plan.default_capacity == 6)
    assert document.plan.people[0].name == "Dr Ada Lovelace"


def test_dialog_redo_is_off_when_the_next_redo_is_not_the_dialogs(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    _rename_person(document, stack, "Dr Ada Lovelace")
    stack.undo()  # the rename can be redone, but not from the dialog
    dialog = SettingsDialog(document, stack)
    qtbot.addWidget(dialog)
    assert stack.canRedo()
    assert not dialog.redo_button.isEnabled()
    dialog.redo_button.click()
    assert document.plan.people[0].name != "Dr Ada Lovelace"


def test_a_never_saved_imported_plan_asks_before_closing(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.files.import_register_from(str(EXAMPLES / "cluster-register.xlsx"))
    qtbot.waitUntil(lambda: window.plan_open, timeout=20_000)
    assert window.isWindowModified()
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    assert not window.files.close_plan()
    assert window.plan_open
    assert len(asked) == 1
    assert "has never been saved" in asked[0]


# -- role descriptions into a folder that has them already ----------------------------------


@pytest.fixture
def exporting(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainWindow, Path]:
    window.show_plan(small_plan_builder().build(), None)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "Medical Director.md").write_text("edited in Word", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    return window, folder


def _answer(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[tuple[list[str], int]]:
    asked: list[tuple[list[str], int]] = []

    def ask(_parent: Any, existing: list[str], total: int, *_a: Any) -> str:
        asked.append((existing, total))
        return answer

    monkeypatch.setattr(prompts, "ask_about_existing", ask)
    return asked


def _wait_written(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: "Wrote 3" in window.statusBar().currentMessage(), timeout=20_000)


def test_export_asks_and_keep_both_writes_into_a_new_folder(
    qtbot: Any, exporting: tuple[MainWindow, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, folder = exporting
    asked = _answer(monkeypatch, "keep")
    window.files.export_role_descriptions("md")
    _wait_written(qtbot, window)
    assert asked == [(["Medical Director.md"], 3)]
    assert (folder / "Medical Director.md").read_text(encoding="utf-8") == "edited in Word"
    new = folder / "Role descriptions"
    assert sorted(p.name for p in new.iterdir()) == [
        "Crisis Lead.md", "MH Lead.md", "Medical Director.md"
    ]  # fmt: skip


def test_export_replace_overwrites_and_cancel_writes_nothing(
    qtbot: Any, exporting: tuple[MainWindow, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, folder = exporting
    asked = _answer(monkeypatch, "cancel")
    task = window.files.export_role_descriptions("md")  # asks from the background work
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=20_000) as ended:
        pass
    assert ended.args == [None, False]  # nothing written, and not the progress dialog's Cancel
    assert asked == [(["Medical Director.md"], 3)]
    assert sorted(p.name for p in folder.iterdir()) == ["Medical Director.md"]
    _answer(monkeypatch, "replace")
    window.files.export_role_descriptions("md")
    _wait_written(qtbot, window)
    assert "edited in Word" not in (folder / "Medical Director.md").read_text(encoding="utf-8")


def test_export_into_an_empty_folder_does_not_ask_and_offers_to_open_it(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_plan(small_plan_builder().build(), None)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    asked = _answer(monkeypatch, "cancel")
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window.files.export_role_descriptions("md")
    _wait_written(qtbot, window)
    assert asked == []
    box = window.files.opened_folder_box
    assert box.isVisible()
    assert box.text() == f"Wrote 3 role descriptions to {tmp_path}."
    (button,) = [b for b in box.buttons() if b.text() == "&Open folder"]
    button.click()
    assert opened == [str(tmp_path)]


def test_a_gap_report_offers_to_open_its_folder(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_plan(small_plan_builder().build(), None)
    target = tmp_path / "gaps.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window.files.export_gap_report()
    qtbot.waitUntil(
        lambda: "Wrote gaps.xlsx" in window.statusBar().currentMessage(), timeout=20_000
    )
    box = window.files.opened_folder_box
    assert box.isVisible()
    assert box.text() == f"Wrote the gap report gaps.xlsx to {tmp_path}."
    (button,) = [b for b in box.buttons() if b.text() == "&Open folder"]
    button.click()
    assert opened == [str(tmp_path)]


def test_the_question_names_the_documents_and_counts_right(tmp_path: Path) -> None:
    one = prompts.existing_question(["A.docx"], 1, tmp_path, "Role descriptions")
    assert one.startswith(f"The document is already in {tmp_path} (A.docx).")
    some = prompts.existing_question(["A.docx"], 3, tmp_path, "Role descriptions")
    assert some.startswith("1 of the 3 documents are already in")
    names = [f"{n}.docx" for n in "ABCDEFGH"]
    every = prompts.existing_question(names, 8, tmp_path, "Role descriptions")
    assert every.startswith("All 8 documents are already in")
    assert "F.docx and 2 more)" in every
    assert "a new folder, 'Role descriptions', inside" in every
    (tmp_path / "Role descriptions").mkdir()
    again = prompts.existing_question(names, 8, tmp_path, "Role descriptions")
    assert "a new folder, 'Role descriptions 2', inside" in again


def test_the_sources_checkbox_explains_itself(qtbot: Any, window: MainWindow) -> None:
    window.show_plan(small_plan_builder().build(), None)
    box = window.people.form.recorded
    assert "sources of influence" in box.text().replace("&", "")
    assert "DEV001" in box.toolTip()
    assert "do not know" in box.toolTip()


def test_planned_names_are_the_names_the_export_writes(tmp_path: Path) -> None:
    from govplanner.export.roles import export_role_descriptions, planned_file_names

    plan = small_plan_builder().role("MH Lead", on=["Crisis Group"]).build()
    written = export_role_descriptions(plan, tmp_path, fmt="md")
    assert planned_file_names(plan, "md") == [p.name for p in written]
    assert len(set(planned_file_names(plan, "md"))) == 4  # the two MH Leads told apart

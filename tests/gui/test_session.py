"""A scripted session through the UI: build a structure, see gaps close, undo, save, reopen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from govplanner.domain.enums import Function
from govplanner.gui.dialogs import NewPlanDialog
from govplanner.gui.main_window import MainWindow

ANALYTICAL = list(Function).index(Function.ANALYTICAL)


def _type_into(qtbot: Any, line_edit: Any, text: str) -> None:
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def _tier_id(window: MainWindow, name: str) -> str:
    return next(t.id for t in window.document.plan.tiers if t.name == name)


def _committee_id(window: MainWindow, name: str) -> str:
    return next(c.id for c in window.document.plan.committees if c.name == name)


def _coverage_text(window: MainWindow, tier: str, column: int) -> str:
    model = window.coverage.model
    row = next(r for r in range(model.rowCount()) if model.tier_id(r) == _tier_id(window, tier))
    return str(model.index(row, column).data())


def _codes_for(window: MainWindow, subject: str) -> set[str]:
    return {f.code for f in window.live.analysis.open_findings if f.subject == subject}


def _new_plan(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def accept(dialog: NewPlanDialog) -> int:
        dialog.name.setText("Session plan")
        return 1

    monkeypatch.setattr(NewPlanDialog, "exec", accept)
    window.menu_actions.new.trigger()
    assert window.plan_open
    assert window.windowTitle() == "Session plan[*] — govplanner"


def _add_committee(qtbot: Any, window: MainWindow, select: str, name: str) -> str:
    window.structure.select(select)
    window.menu_actions.add_committee.trigger()
    form = window.committees.form
    assert form.name.text().startswith("New committee")
    _type_into(qtbot, form.name, name)
    return _committee_id(window, name)


def _build_structure(qtbot: Any, window: MainWindow) -> None:
    board = _add_committee(qtbot, window, _tier_id(window, "System"), "ICB Board")
    mh = _add_committee(qtbot, window, board, "Mental Health Board")
    committee = window.document.get("committee", mh)
    assert committee.tier_id == _tier_id(window, "Programme")
    assert committee.reports_to_id == board
    form = window.committees.form
    form.programme.setCurrentIndex(form.programme.findData("Mental health"))
    form.programme.activated.emit(form.programme.currentIndex())
    assert window.document.get("committee", mh).programme_area == "Mental health"


def _add_role(qtbot: Any, window: MainWindow) -> None:
    window.menu_actions.add_role.trigger()
    form = window.roles.form
    _type_into(qtbot, form.title, "Clinical Director for Mental Health")
    form.profession.setText("psychiatry")  # typing would open the completer's popup
    form.profession.editingFinished.emit()
    assert window.document.plan.roles[0].profession == "psychiatry"
    with qtbot.waitSignal(window.live.updated, timeout=3000):
        form.function_boxes[Function.ANALYTICAL].click()
    role = window.document.plan.roles[0]
    assert role.committee_ids == [_committee_id(window, "Mental Health Board")]
    assert role.functions == [Function.ANALYTICAL]
    form.activity_boxes["A1"].click()
    assert window.document.plan.roles[0].activities == ["A1"]


def test_build_fill_undo_save_reopen(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _new_plan(window, monkeypatch)
    _build_structure(qtbot, window)
    assert window.isWindowModified()
    _add_role(qtbot, window)
    # A vacant provider: the function is not covered, and GAP002 says why.
    assert _coverage_text(window, "Programme", ANALYTICAL) == "0/1 · Gap"
    assert "GAP002" in _codes_for(window, "Mental Health Board")

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Dr Ada Lovelace", True))
    with qtbot.waitSignal(window.live.updated, timeout=3000):
        window.roles.form.new_person.click()
    assert window.roles.form.holder.currentText() == "Dr Ada Lovelace"
    assert _coverage_text(window, "Programme", ANALYTICAL) == "1/1 · Covered"
    assert "GAP002" not in _codes_for(window, "Mental Health Board")
    assert window.undo_stack.undoText() == (
        "Fill role 'Clinical Director for Mental Health' with new person 'Dr Ada Lovelace'"
    )

    built = window.document.plan.model_dump()
    findings = sorted(f.key for f in window.live.refresh().findings)
    count = window.undo_stack.count()
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    plan = window.document.plan
    assert (plan.committees, plan.roles, plan.people) == ([], [], [])
    for _ in range(count):
        window.undo_stack.redo()
    assert window.document.plan.model_dump() == built

    target = tmp_path / "session.govplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.save.trigger()
    assert target.exists()
    assert not window.isWindowModified()
    assert window.windowTitle() == "session.govplan[*] — govplanner"

    window.menu_actions.close.trigger()
    assert not window.plan_open
    assert window.files.recent()[0] == str(target.resolve())
    assert window.files.open_path(str(target))
    assert sorted(f.key for f in window.live.analysis.findings) == findings
    assert window.document.plan.model_dump() == built

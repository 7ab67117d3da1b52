"""Double open: a plan someone else has open is offered read-only, and their file is safe."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from govplanner.files.lock import LockOwner, lock_path, read_owner
from govplanner.files.planfile import load_plan, save_plan
from govplanner.gui import plan_locks
from govplanner.gui.main_window import MainWindow
from govplanner.gui.plan_locks import locked_dialog, since, who
from tests.gui.conftest import small_plan_builder

ALICE = LockOwner("alice", "PC-12", 4242, "2026-11-26T09:30:00")


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "shared.govplan"
    save_plan(small_plan_builder().build(), path)
    return path


def _locked_by_alice(path: Path) -> None:
    lock_path(path).write_text(json.dumps(ALICE.__dict__), encoding="utf-8")


def _choose(monkeypatch: pytest.MonkeyPatch, read_only: bool) -> list[str]:
    asked: list[str] = []

    def ask(_parent: Any, path: Path, owner: LockOwner) -> bool:
        asked.append(f"{path.name}: {who(owner)}")
        return read_only

    monkeypatch.setattr(plan_locks, "ask_read_only", ask)
    return asked


def test_lock_wording_names_who_and_since_when() -> None:
    assert since(ALICE, today=dt.date(2026, 11, 26)) == "09:30"
    assert since(ALICE, today=dt.date(2026, 11, 27)) == "26 Nov 2026, 09:30"
    box = locked_dialog(None, Path("shared.govplan"), ALICE)
    assert "shared.govplan</b> is already open by alice on PC-12 since" in box.text()
    assert [b.text() for b in box.buttons()] == ["Open &read-only", "Cancel"]


def test_opening_takes_the_lock_and_closing_releases_it(
    window: MainWindow, plan_file: Path, tmp_path: Path
) -> None:
    assert window.files.open_path(str(plan_file))
    owner = read_owner(plan_file)
    assert owner is not None
    assert owner.pid == os.getpid()
    other = tmp_path / "other.govplan"
    save_plan(small_plan_builder().build(), other)
    assert window.files.open_path(str(other))  # open another: the first lock goes
    assert not lock_path(plan_file).exists()
    assert lock_path(other).exists()
    assert window.files.open_path(str(other))  # reopening the same file keeps its lock
    assert lock_path(other).exists()
    window.files.close_plan()
    assert not lock_path(other).exists()


def test_quitting_releases_the_lock(window: MainWindow, plan_file: Path) -> None:
    window.files.open_path(str(plan_file))
    assert window.close()
    assert not lock_path(plan_file).exists()


def test_someone_elses_plan_can_be_cancelled(
    window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _locked_by_alice(plan_file)
    asked = _choose(monkeypatch, read_only=False)
    assert not window.files.open_path(str(plan_file))
    assert asked == [f"shared.govplan: {who(ALICE)}"]
    assert not window.plan_open


def test_read_only_mode_disables_save_and_says_why(
    window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _locked_by_alice(plan_file)
    _choose(monkeypatch, read_only=True)
    before = plan_file.read_bytes()
    assert window.files.open_path(str(plan_file))
    assert window.windowTitle() == "shared.govplan (read-only)[*] — govplanner"
    assert not window.menu_actions.save.isEnabled()
    assert window.menu_actions.save_as.isEnabled()
    assert window.read_only_banner.isVisible()
    assert "alice on PC-12" in window.read_only_banner.label.text()
    model = window.committees.model
    model.setData(model.index(0, 0), "My Board")
    # Save (Ctrl+S, or Save in the unsaved-changes prompt) becomes Save As: never over theirs.
    copy = tmp_path / "my copy.govplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    assert window.files.save()
    assert plan_file.read_bytes() == before
    assert read_owner(plan_file) == ALICE
    assert load_plan(copy).committees[0].name == "My Board"
    assert window.windowTitle() == "my copy.govplan[*] — govplanner"
    assert window.menu_actions.save.isEnabled()
    assert not window.read_only_banner.isVisible()
    assert read_owner(copy) is not None  # the new file is ours now


def test_save_as_over_a_file_someone_has_open_is_refused(
    window: MainWindow, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = tmp_path / "theirs.govplan"
    save_plan(small_plan_builder().build(), theirs)
    _locked_by_alice(theirs)
    window.files.open_path(str(plan_file))
    model = window.committees.model
    model.setData(model.index(0, 0), "My Board")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(theirs), ""))
    assert not window.files.save_as()
    assert len(shown) == 1
    assert "alice on PC-12" in shown[0]
    assert load_plan(theirs).committees[0].name == "ICB Board"
    assert window.isWindowModified()
    assert window.document.path == plan_file
    assert lock_path(plan_file).exists()  # still ours


def _second_window(qtbot: Any) -> MainWindow:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from govplanner.domain.document import PlanDocument

    second = MainWindow(PlanDocument(), QUndoStack(), QSettings())
    qtbot.addWidget(second)
    return second


def test_two_windows_of_one_app_cannot_both_edit_a_plan(
    qtbot: Any, window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.files.open_path(str(plan_file))
    second = _second_window(qtbot)
    asked = _choose(monkeypatch, read_only=True)
    assert second.files.open_path(str(plan_file))
    assert len(asked) == 1  # told the plan is open (by this user, here), not given it
    assert second.locks.read_only
    assert not second.menu_actions.save.isEnabled()
    second.undo_stack.setClean()
    second.close()  # closing the read-only window leaves the first window's lock
    assert lock_path(plan_file).exists()
    assert window.locks.lock is not None
    assert window.locks.lock.held


def test_a_folder_without_locks_opens_read_only_and_says_why(
    window: MainWindow, plan_file: Path
) -> None:
    lock_path(plan_file).mkdir()  # nothing can make the lock file
    assert window.files.open_path(str(plan_file))
    assert window.locks.read_only
    assert not window.menu_actions.save.isEnabled()
    assert "cannot be locked for editing" in window.read_only_banner.label.text()


def test_a_scenario_is_never_saved_over_the_open_plan(window: MainWindow, plan_file: Path) -> None:
    from govplanner.domain.errors import GovplannerError
    from govplanner.gui.planning.scenario import save_scenario

    assert window.files.open_path(str(plan_file))
    before = plan_file.read_bytes()
    with pytest.raises(GovplannerError, match="is the plan open in this window"):
        save_scenario(window.document.plan, "Scenario", plan_file, window.document.path)
    assert plan_file.read_bytes() == before


def test_a_scenario_is_never_saved_over_a_plan_open_elsewhere(
    qtbot: Any, window: MainWindow, plan_file: Path, tmp_path: Path
) -> None:
    from govplanner.domain.errors import GovplannerError
    from govplanner.gui.planning.scenario import save_scenario

    theirs = tmp_path / "theirs.govplan"
    save_plan(small_plan_builder().build(), theirs)
    _locked_by_alice(theirs)
    other = _second_window(qtbot)
    mine = tmp_path / "mine.govplan"
    save_plan(small_plan_builder().build(), mine)
    assert other.files.open_path(str(mine))  # open in another window of this app
    assert window.files.open_path(str(plan_file))
    for target in (theirs, mine):
        before = target.read_bytes()
        with pytest.raises(GovplannerError, match="so the scenario cannot be saved over it"):
            save_scenario(window.document.plan, "Scenario", target, window.document.path)
        assert target.read_bytes() == before
    other.undo_stack.setClean()
    other.close()

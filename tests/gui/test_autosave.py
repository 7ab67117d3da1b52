"""Autosave: unsaved work is copied to the recovery folder, never over the user's file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from govplanner.domain.document import PlanDocument
from govplanner.files.planfile import load_plan, save_plan
from govplanner.files.recovery import RecoveryStore
from govplanner.gui.autosave import DEFAULT_MINUTES, interval_from, recovery_text, write_copy
from govplanner.gui.dialogs import NewPlanDialog
from govplanner.gui.main_window import MainWindow
from tests.gui.conftest import small_plan_builder


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def saving_window(qtbot: Any, store: RecoveryStore) -> Iterator[MainWindow]:
    """A window that autosaves to ``store`` (the timer is slow: tests call write_now)."""
    win = MainWindow(PlanDocument(), QUndoStack(), QSettings(), recovery=store, autosave_ms=60_000)
    win.show()
    yield win
    win.undo_stack.setClean()
    win.close()
    win.deleteLater()


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.govplan"
    save_plan(small_plan_builder().build(), path)
    return path


def _rename_first(window: MainWindow, name: str = "NHS Board") -> None:
    model = window.committees.model
    model.setData(model.index(0, 0), name)


def _copies(store: RecoveryStore) -> list[Path]:
    return sorted(store.root.glob("*.govplan")) if store.root.is_dir() else []


def test_fast_text_loads_back_as_the_same_plan(tmp_path: Path) -> None:
    plan = small_plan_builder().build()
    path = tmp_path / "copy.govplan"
    path.write_text(recovery_text(plan), encoding="utf-8")
    assert load_plan(path) == plan


def test_written_copy_is_what_the_store_offers(store: RecoveryStore, tmp_path: Path) -> None:
    """The background writer keeps RecoveryStore's layout: pending() finds it, load() reads it."""
    plan = small_plan_builder().build()
    original = tmp_path / "mine.govplan"
    write_copy(store, "k1", recovery_text(plan), plan.name, original)
    # Written by this (running) process, so it is a live autosave, not a crash leftover…
    assert store.pending() == []
    meta = store.root / "k1.json"
    meta.write_text(meta.read_text().replace('"pid": ', '"pid": 999999999, "x": '))
    # …until the process that wrote it is gone.
    (entry,) = store.pending()
    assert entry.original_path == original
    assert entry.load() == plan


def test_interval_comes_from_settings() -> None:
    settings = QSettings()
    settings.remove("autosave/minutes")
    assert interval_from(settings) == DEFAULT_MINUTES * 60_000
    settings.setValue("autosave/minutes", 5)
    assert interval_from(settings) == 300_000
    settings.setValue("autosave/minutes", "nonsense")
    assert interval_from(settings) == DEFAULT_MINUTES * 60_000


def test_unsaved_changes_are_copied_and_the_file_left_alone(
    saving_window: MainWindow, store: RecoveryStore, plan_file: Path
) -> None:
    before = plan_file.read_bytes()
    assert saving_window.files.open_path(str(plan_file))
    assert not saving_window.autosave.write_now()  # nothing unsaved, nothing written
    _rename_first(saving_window)
    assert saving_window.autosave.write_now()
    saving_window.autosave.flush()
    (copy,) = _copies(store)
    assert load_plan(copy).committees[0].name == "NHS Board"
    assert plan_file.read_bytes() == before
    assert not saving_window.autosave.write_now()  # no new change since the last copy


def test_the_timer_writes_without_being_asked(
    qtbot: Any, store: RecoveryStore, plan_file: Path
) -> None:
    win = MainWindow(PlanDocument(), QUndoStack(), QSettings(), recovery=store, autosave_ms=50)
    qtbot.addWidget(win)
    win.files.open_path(str(plan_file))
    _rename_first(win)
    qtbot.waitUntil(lambda: bool(_copies(store)), timeout=5000)
    win.undo_stack.setClean()
    win.close()


@pytest.mark.parametrize("how", ["save", "close", "welcome", "undo", "open", "new"])
def test_the_copy_goes_when_the_work_is_safe_or_let_go(
    saving_window: MainWindow,
    store: RecoveryStore,
    plan_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    saving_window.files.open_path(str(plan_file))
    _rename_first(saving_window)
    saving_window.autosave.write_now()
    saving_window.autosave.flush()
    assert _copies(store)
    autosave = saving_window.autosave
    if how == "save":
        assert saving_window.files.save()
    elif how == "close":
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
        assert saving_window.close()
    elif how == "welcome":
        saving_window.show_welcome()
    elif how in ("open", "new"):
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
        if how == "open":
            assert saving_window.files.open_path(str(plan_file))
        else:
            monkeypatch.setattr(NewPlanDialog, "exec", lambda _d: 1)
            assert saving_window.files.new_plan()
    else:
        saving_window.undo_stack.undo()
    autosave.flush()
    assert _copies(store) == []


def test_save_as_moves_the_copy_to_the_new_name(
    saving_window: MainWindow, store: RecoveryStore, tmp_path: Path
) -> None:
    saving_window.show_plan(small_plan_builder().build(), None)
    _rename_first(saving_window)
    saving_window.autosave.write_now()
    saving_window.document.path = tmp_path / "renamed.govplan"  # as a failed Save As leaves it
    _rename_first(saving_window, "Board of the ICB")
    saving_window.autosave.write_now()
    saving_window.autosave.flush()
    (copy,) = _copies(store)
    assert load_plan(copy).committees[0].name == "Board of the ICB"

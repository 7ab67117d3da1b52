"""Recovery at start: copies left by a crashed session are offered back; nothing is lost."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from govplanner.domain.document import PlanDocument
from govplanner.domain.model import Plan
from govplanner.files.lock import read_owner
from govplanner.files.planfile import load_plan, save_plan
from govplanner.files.recovery import RecoveryStore
from govplanner.gui import app, app_data, recovery_dialog
from govplanner.gui.autosave import recovery_text, write_copy
from govplanner.gui.file_ops import FileOps
from govplanner.gui.main_window import MainWindow
from govplanner.gui.recovery_dialog import RecoveryDialog, offer_recovery
from tests.gui.conftest import run_app, small_plan_builder

DEAD_PID = 999_999_999


def leftover(store: RecoveryStore, plan: Plan, original: Path | None, key: str = "old") -> None:
    """An autosaved copy written by a process that has since died."""
    write_copy(store, key, recovery_text(plan), plan.name, original)
    meta_file = store.root / f"{key}.json"
    meta = json.loads(meta_file.read_text())
    meta["pid"] = DEAD_PID
    meta_file.write_text(json.dumps(meta))


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def win(qtbot: Any, store: RecoveryStore) -> Iterator[MainWindow]:
    window = MainWindow(PlanDocument(), QUndoStack(), QSettings(), recovery=store)
    window.show()
    yield window
    window.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _edited_plan(name: str = "Recovered Board") -> Plan:
    plan = small_plan_builder().build()
    plan.committees[0].name = name
    return plan


def _answer(monkeypatch: pytest.MonkeyPatch, button: str) -> None:
    """Make the recovery dialog's exec() press one of its buttons."""

    def fake_exec(dialog: RecoveryDialog) -> int:
        getattr(dialog, f"{button}_button").click()
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", fake_exec)


def test_recover_opens_unsaved_work_whose_save_goes_to_the_original(
    win: MainWindow, store: RecoveryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = tmp_path / "board.govplan"
    save_plan(small_plan_builder().build(), original)
    leftover(store, _edited_plan(), original)
    _answer(monkeypatch, "recover")
    assert offer_recovery(win, store, win.files)
    assert win.document.plan.committees[0].name == "Recovered Board"
    assert win.document.path == original
    assert win.isWindowModified()
    assert load_plan(original).committees[0].name == "ICB Board"  # not written until Save
    win.autosave.flush()
    assert store.pending() == []  # the old copy is gone…
    assert [p.stem for p in store.root.glob("*.govplan")] == [win.autosave.key]  # …a new one kept
    assert win.files.save()
    assert load_plan(original).committees[0].name == "Recovered Board"
    assert not win.isWindowModified()


def test_recovered_never_saved_plan_asks_where_to_save(
    win: MainWindow, store: RecoveryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leftover(store, _edited_plan(), None)
    _answer(monkeypatch, "recover")
    assert offer_recovery(win, store, win.files)
    target = tmp_path / "chosen.govplan"
    asked = []

    def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert win.files.save()
    assert asked
    assert load_plan(target).committees[0].name == "Recovered Board"


def test_later_keeps_every_copy_for_next_time(
    win: MainWindow, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    leftover(store, _edited_plan(), None)
    _answer(monkeypatch, "later")
    assert not offer_recovery(win, store, win.files)
    assert not win.plan_open
    assert len(store.pending()) == 1


def test_discard_asks_first_and_removes_only_that_copy(
    qtbot: Any, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    leftover(store, _edited_plan("First"), None, key="a")
    leftover(store, _edited_plan("Second"), None, key="b")
    dialog = RecoveryDialog(store.pending(), store)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    dialog.discard_button.click()
    assert len(store.pending()) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    dialog.discard_button.click()
    assert dialog.list.count() == 1
    assert len(store.pending()) == 1
    dialog.discard_button.click()
    assert store.pending() == []
    assert not dialog.isVisible()


def test_unreadable_copy_is_explained_and_kept(
    win: MainWindow, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    leftover(store, _edited_plan(), None)
    (store.root / "old.govplan").write_text("{ not json")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: shown.append(text))
    _answer(monkeypatch, "recover")
    assert not offer_recovery(win, store, win.files)
    assert len(shown) == 1
    assert "old.govplan" in shown[0]
    assert len(store.pending()) == 1


def test_nothing_to_recover_shows_nothing(
    win: MainWindow, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RecoveryDialog, "exec", lambda _d: pytest.fail("no dialog expected"))
    assert not offer_recovery(win, store, win.files)


def test_app_offers_recovery_before_opening_the_command_line_plan(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = tmp_path / "given.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    leftover(app_data.recovery_store(), _edited_plan(), None)
    order: list[str] = []
    real_offer, real_open = recovery_dialog.offer_recovery, FileOps.open_path

    def offer(window: MainWindow, store: RecoveryStore, files: FileOps) -> bool:
        order.append(f"offer {len(store.pending())}, window shown: {window.isVisible()}")
        return real_offer(window, store, files)

    def open_path(files: FileOps, path: str, ask: bool = True) -> bool:
        order.append("open")
        return real_open(files, path, ask)

    monkeypatch.setattr(recovery_dialog, "offer_recovery", offer)
    monkeypatch.setattr(FileOps, "open_path", open_path)
    monkeypatch.setattr(RecoveryDialog, "exec", lambda _d: 0)  # Later
    window = run_app(qtbot, monkeypatch, str(plan_file))
    assert order == ["offer 1, window shown: True", "open"]
    assert window.document.path == plan_file
    assert isinstance(window.autosave.store, RecoveryStore)
    assert window.autosave.store.root == app_data.recovery_dir()
    window.close()


def test_screenshot_mode_neither_offers_recovery_nor_locks(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = tmp_path / "shot.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    leftover(app_data.recovery_store(), _edited_plan(), None)
    monkeypatch.setattr(RecoveryDialog, "exec", lambda _d: pytest.fail("no dialog expected"))
    seen_locks = []
    monkeypatch.setattr(MainWindow, "show_plan", _spy_locks(seen_locks))
    assert app.main(str(plan_file), screenshot=str(tmp_path / "x.png")) == 0
    assert seen_locks == [False]
    assert len(app_data.recovery_store().pending()) == 1


def _spy_locks(seen: list[bool]) -> Any:
    real = MainWindow.show_plan

    def spy(window: MainWindow, *args: Any) -> None:
        real(window, *args)
        seen.append(window.locks.enabled or window.autosave is not None)

    return spy


CRASHING_SESSION = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from govplanner.domain.document import PlanDocument
from govplanner.gui import app_data
from govplanner.gui.main_window import MainWindow

application = QApplication([])
window = MainWindow(PlanDocument(), QUndoStack(), QSettings(), recovery=app_data.recovery_store())
window.files.open_path(sys.argv[1])
model = window.committees.model
model.setData(model.index(0, 0), "Edited before the crash")
window.autosave.write_now()
window.autosave.flush()
os._exit(3)  # no clean close: as if the power went
"""


def test_work_autosaved_before_a_crash_is_offered_at_the_next_start(
    win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    plan_file = tmp_path / "board.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_SESSION, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(plan_file)], capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 3, done.stderr
    store = app_data.recovery_store()
    (entry,) = store.pending()
    assert entry.original_path == plan_file
    _answer(monkeypatch, "recover")
    assert offer_recovery(win, store, win.files)
    assert win.document.plan.committees[0].name == "Edited before the crash"
    assert win.document.path == plan_file
    assert win.isWindowModified()
    owner = read_owner(plan_file)  # the crashed session's lock was stale: it is ours now
    assert owner is not None
    assert owner.pid == os.getpid()


@pytest.mark.parametrize(
    ("meta", "why"),
    [
        ("[1, 2, 3]", "not a JSON object"),
        ('{"pid": Infinity, "saved_at": "x", "host": "h"}', "not usable"),
        ('{"pid": 1e400, "saved_at": "x", "host": "h"}', "not usable"),
        ('{"pid": "12", "saved_at": "x", "host": "h"}', "not usable"),
        ('{"pid": 5, "saved_at": 3, "host": "h"}', "lacks the time"),
        ("\xff\xfe not text", "not valid JSON"),
    ],
)
def test_one_damaged_copy_is_skipped_and_named_and_the_others_offered(
    win: MainWindow,
    store: RecoveryStore,
    monkeypatch: pytest.MonkeyPatch,
    meta: str,
    why: str,
) -> None:
    leftover(store, _edited_plan("Good copy"), None, key="good")
    leftover(store, _edited_plan("Bad copy"), None, key="bad")
    (store.root / "bad.json").write_bytes(meta.encode("latin-1"))
    monkeypatch.setattr(RecoveryDialog, "exec", lambda _d: 0)  # Later
    assert not offer_recovery(win, store, win.files)
    assert [e.plan_file.stem for e in store.pending()] == ["good"]
    assert len(store.skipped) == 1
    assert store.skipped[0].startswith("bad.json: ")
    assert why in store.skipped[0]
    message = win.statusBar().currentMessage()
    assert "1 autosaved copy could not be read and was skipped (bad.json" in message


def test_a_killed_autosaves_temp_file_is_swept_at_the_next_start(store: RecoveryStore) -> None:
    store.root.mkdir(parents=True)
    temp = store.root / ".abc.govplan.0123abcd.tmp"
    temp.write_text("half a copy", encoding="utf-8")
    fresh = store.root / ".def.govplan.89abcdef.tmp"
    fresh.write_text("another window writing now", encoding="utf-8")
    os.utime(temp, (0, 0))  # long ago
    assert store.pending() == []
    assert not temp.exists()
    assert fresh.exists()

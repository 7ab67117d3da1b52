"""Unexpected errors: logged, unsaved work autosaved, a plain message shown, the app running."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from govplanner.domain.document import PlanDocument
from govplanner.files.planfile import load_plan
from govplanner.files.recovery import RecoveryStore
from govplanner.gui import crash_handler
from govplanner.gui.crash_handler import CrashHandler
from govplanner.gui.main_window import MainWindow
from tests.gui.conftest import small_plan_builder


class BoomError(RuntimeError):
    pass


@pytest.fixture
def win(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    store = RecoveryStore(tmp_path / "recovery")
    window = MainWindow(PlanDocument(), QUndoStack(), QSettings(), recovery=store)
    window.show()
    window.show_plan(small_plan_builder().build(), None)
    yield window
    window.undo_stack.setClean()
    window.close()
    window.deleteLater()


@pytest.fixture
def handler(win: MainWindow, tmp_path: Path) -> Iterator[CrashHandler]:
    crash = CrashHandler(win, tmp_path / "logs", lambda: win.autosave)
    win.crash_handler = crash.install()
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()


def _raise() -> None:
    raise BoomError("the wheels came off")


def _dirty(window: MainWindow) -> None:
    model = window.committees.model
    model.setData(model.index(0, 0), "Unsaved Board")


def _message(handler: CrashHandler) -> str:
    assert handler.dialog is not None
    return handler.dialog.text() + handler.dialog.informativeText()


def test_hooks_are_installed_and_put_back(win: MainWindow, tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    crash = CrashHandler(win, tmp_path)
    assert crash.install() is crash
    assert sys.excepthook == crash.handle
    assert threading.excepthook == crash.handle_thread
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_error_in_a_slot_is_logged_autosaved_and_explained(
    qtbot: Any, win: MainWindow, handler: CrashHandler, tmp_path: Path
) -> None:
    _dirty(win)
    with qtbot.capture_exceptions():  # pytest-qt's own hook must not take this one
        sys.excepthook = handler.handle
        QTimer.singleShot(0, _raise)
        qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    log = tmp_path / "logs" / "govplanner.log"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text
    assert "BoomError: the wheels came off" in text
    message = _message(handler)
    assert "Something went wrong" in message
    assert str(log) in message
    assert "autosaved" in message
    assert "Traceback" not in message
    assert "wheels" not in message  # the details are in the log, not thrown at the user
    (copy,) = win.autosave.store.root.glob("*.govplan")
    assert load_plan(copy).committees[0].name == "Unsaved Board"
    assert win.isVisible()  # and the app carries on


def test_error_on_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot: Any, win: MainWindow, handler: CrashHandler, tmp_path: Path
) -> None:
    thread = threading.Thread(target=_raise)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "no unsaved changes" in _message(handler)
    assert "BoomError" in (tmp_path / "logs" / "govplanner.log").read_text(encoding="utf-8")


def test_a_burst_of_errors_shows_one_message(
    win: MainWindow, handler: CrashHandler, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[QMessageBox] = []
    real = crash_handler.crash_dialog
    monkeypatch.setattr(crash_handler, "crash_dialog", lambda *a: made.append(real(*a)) or made[-1])
    for _ in range(3):
        try:
            _raise()
        except BoomError:
            handler.handle(*sys.exc_info())  # type: ignore[arg-type]
    assert len(made) == 1
    assert made[0].isVisible()
    log = (tmp_path / "logs" / "govplanner.log").read_text(encoding="utf-8")
    assert log.count("BoomError: the wheels came off") == 3


def test_the_message_shows_over_an_open_modal_dialog(
    qtbot: Any, win: MainWindow, handler: CrashHandler
) -> None:
    settings_like = QDialog(win)
    settings_like.setModal(True)
    settings_like.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is settings_like)
    try:
        _raise()
    except BoomError:
        handler.handle(*sys.exc_info())  # type: ignore[arg-type]
    assert handler.dialog is not None
    assert handler.dialog.parent() is settings_like  # not blocked behind it
    handler.dialog.close()
    settings_like.close()


def test_unwritable_log_still_gets_a_message(
    win: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "not a folder"
    blocked.write_text("x")
    crash = CrashHandler(win, blocked, lambda: win.autosave)
    try:
        _raise()
    except BoomError:
        crash.handle(*sys.exc_info())  # type: ignore[arg-type]
    assert "could not be written" in _message(crash)
    assert "BoomError" in capsys.readouterr().err
    assert crash.dialog is not None
    crash.dialog.close()


def test_a_bug_in_background_work_goes_to_the_crash_handler(
    win: MainWindow, handler: CrashHandler, tmp_path: Path
) -> None:
    try:
        _raise()
    except BoomError as exc:
        win.files.error("Export register", exc)
    assert "Something went wrong" in _message(handler)
    assert "BoomError" in (tmp_path / "logs" / "govplanner.log").read_text(encoding="utf-8")

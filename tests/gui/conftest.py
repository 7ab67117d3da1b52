"""Fixtures for GUI tests: a small plan in a document, with its undo stack."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from tests.builders import PlanBuilder

if TYPE_CHECKING:
    from govplanner.gui.main_window import MainWindow


def small_plan_builder() -> PlanBuilder:
    return (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Quality Committee", tier="system", reports_to="ICB Board")
        .committee(
            "Mental Health Board",
            tier="programme",
            reports_to="ICB Board",
            programme="Mental health",
        )
        .committee("Crisis Group", tier="neighbourhood", reports_to="Mental Health Board")
        .role(
            "Medical Director",
            on=["ICB Board", "Quality Committee"],
            holder="Dr Ada",
            functions=["analytical", "translation"],
            sessions=2,
        )
        .role(
            "MH Lead",
            on=["Mental Health Board"],
            holder="Dr Ada",
            functions=["analytical"],
            profession="psychiatry",
            sessions=3,
        )
        .role("Crisis Lead", on=["Crisis Group"], functions=["representation"])
        .person("Dr Bea", capacity=2, sources=["reputation"])
    )


@pytest.fixture
def document() -> PlanDocument:
    return PlanDocument(small_plan_builder().build())


@pytest.fixture
def stack(qapp: object) -> QUndoStack:
    return QUndoStack()


@pytest.fixture(autouse=True)
def _private_settings(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep recent files and window layout written by tests out of the user's own settings."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("settings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: Any) -> None:
    """Autosaved copies and crash logs from tests go to a temporary folder, never the user's."""
    monkeypatch.setenv("GOVPLANNER_DATA_DIR", str(tmp_path_factory.mktemp("appdata")))


@pytest.fixture
def window(qtbot: Any) -> Iterator[MainWindow]:
    """A main window with no plan open (the welcome page)."""
    from PySide6.QtCore import QSettings

    from govplanner.gui.app import _name_application
    from govplanner.gui.main_window import MainWindow

    _name_application()
    win = MainWindow(PlanDocument(), QUndoStack(), QSettings())
    win.resize(1280, 800)
    win.show()
    yield win
    win.undo_stack.setClean()  # closing must not stop to ask about unsaved changes
    win.close()
    win.deleteLater()


def main_windows() -> list[MainWindow]:
    from PySide6.QtWidgets import QApplication

    from govplanner.gui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def run_app(qtbot: Any, monkeypatch: Any, *args: Any) -> MainWindow:
    """``app.main(*args)`` with its event loop run only until the window has its document
    (which the app attaches just after the first paint); returns that window."""
    from PySide6.QtWidgets import QApplication

    from govplanner.gui import app

    def exec_(*_args: Any) -> int:
        qtbot.waitUntil(lambda: any(w.attached and w.isVisible() for w in main_windows()))
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    assert app.main(*args) == 0
    (window,) = [w for w in main_windows() if w.isVisible()]
    qtbot.addWidget(window)  # closed and deleted after the test
    return window

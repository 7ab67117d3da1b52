"""The composition root: application, settings, undo stack, main window, then the document.

The order differs from the usual "document before window" on purpose. Importing the domain
model (pydantic builds its validators at import) is most of start-up: about 110 ms of the
~300 ms before a window appeared. So the window is built as its welcome page and menus, with
no document, and shown; just after its first paint the document is made and attached (live
analysis, autosave, planning views), recovery of unsaved work is offered, and the plan named
on the command line is opened. The window appears in about 1.6x the time of a bare PySide6
window instead of 2.5x; nothing can be clicked in between, since input events queue behind
that step. The crash hook is installed first, so an error while attaching is reported too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govplanner.domain.model import Plan
    from govplanner.gui.coverage_view import CoverageView
    from govplanner.gui.main_window import MainWindow


def _application() -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    _name_application()
    existing = QApplication.instance()
    if existing is not None:
        _brand()
        return existing
    from govplanner.export.pdf import ensure_utf8_locale  # Qt-free until called

    ensure_utf8_locale()  # no locale warning from Qt where LANG is unset
    # Fractional scaling (125 %, 150 %) is common on Windows laptops: keep text crisp.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    QApplication.setApplicationDisplayName("govplanner")
    _brand()
    _follow_colour_scheme(app)
    return app


def _brand() -> None:
    """The window icon, and the desktop file Wayland and Linux task bars match windows to."""
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setDesktopFileName("govplanner")
    QGuiApplication.setWindowIcon(window_icon())  # type: ignore[arg-type]


def window_icon() -> object:
    """The product icon, from the package's resources (an empty icon if it is missing)."""
    from importlib.resources import files

    from PySide6.QtGui import QIcon

    return QIcon(str(files("govplanner") / "resources" / "govplanner.svg"))


def _name_application() -> None:
    """Names QSettings files and the window class after the product."""
    from PySide6.QtWidgets import QApplication

    QApplication.setOrganizationName("govplanner")
    QApplication.setOrganizationDomain("govplanner.invalid")
    QApplication.setApplicationName("govplanner")


def _follow_colour_scheme(app: object) -> None:
    """Use a style that draws the system's dark scheme where the native one cannot."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    def apply(scheme: Qt.ColorScheme) -> None:
        # Windows' classic style draws light controls whatever the scheme; Fusion follows it.
        if scheme == Qt.ColorScheme.Dark and QApplication.style().name().lower() == "windowsvista":
            QApplication.setStyle("Fusion")

    hints = QApplication.styleHints()
    apply(hints.colorScheme())
    hints.colorSchemeChanged.connect(apply)


def main(plan_path: str | None = None, screenshot: str | None = None) -> int:
    """Run the desktop app (or, with ``screenshot``, save one picture of it and return)."""
    app = _application()
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from govplanner.gui import focus_frame, text_entry

    text_entry.install(app)  # type: ignore[arg-type]  # no control character in any box
    focus_frame.install(app)  # type: ignore[arg-type]  # focus shown on drop-downs and tabs

    from govplanner.gui.main_window import MainWindow

    settings = QSettings()
    undo_stack = QUndoStack()
    if screenshot is not None:  # a picture only: no autosave, recovery, locks or hooks
        from govplanner.domain.document import PlanDocument
        from govplanner.gui.screenshot import take_screenshot

        window = MainWindow(PlanDocument(), undo_stack, settings, locking=False)
        code = take_screenshot(
            window, _coverage_of(window), window.live.refresh, plan_path, Path(screenshot)
        )
        window.deleteLater()
        return code
    from govplanner.gui import app_data
    from govplanner.gui.crash_handler import CrashHandler

    window = MainWindow(None, undo_stack, settings)
    crash_handler = CrashHandler(window, app_data.log_dir(), lambda: window.autosave)
    window.crash_handler = crash_handler.install()
    when_painted(window, lambda: _after_first_paint(window, plan_path))
    window.show()
    return int(app.exec())  # type: ignore[attr-defined]


def _coverage_of(window: MainWindow) -> Callable[[Plan, Path], CoverageView]:
    """Open a plan in ``window`` on its coverage tab, for the screenshot."""

    def show(plan: Plan, path: Path) -> CoverageView:
        window.show_plan(plan, path)
        window.tabs.setCurrentWidget(window.coverage)
        return window.coverage

    return show


def when_painted(window: QWidget, then: Callable[[], None], fallback_ms: int = 1000) -> None:
    """Call ``then`` once, just after the window's first paint (or after ``fallback_ms``, if a
    minimised or hidden start never paints)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done = False

    def run() -> None:
        nonlocal done
        if not done:
            done = True
            window.removeEventFilter(watcher)
            then()

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, self, run)  # after the paint has reached the screen
            return False

    watcher = Watcher(window)
    window.installEventFilter(watcher)
    QTimer.singleShot(fallback_ms, watcher, run)  # both timers die with the window


def _after_first_paint(window: MainWindow, plan_path: str | None) -> None:
    """The document (pydantic), autosave, recovery, then the plan from the command line."""
    from govplanner.domain.document import PlanDocument
    from govplanner.gui import app_data
    from govplanner.gui.recovery_dialog import offer_recovery

    store = app_data.recovery_store()
    window.attach(PlanDocument(), recovery=store)
    try:
        offer_recovery(
            window, store, window.files
        )  # the window is up; before a file from the command line
    finally:  # a failure there is reported, but never stops the plan asked for from opening
        if plan_path is not None:
            window.files.open_path(plan_path)

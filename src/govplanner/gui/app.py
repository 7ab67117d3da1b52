"""The composition root: application, settings, document, undo stack and main window."""

from __future__ import annotations

import sys
from pathlib import Path


def _application() -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    _name_application()
    existing = QApplication.instance()
    if existing is not None:
        _brand()
        return existing
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

    from govplanner.domain.document import PlanDocument
    from govplanner.gui.main_window import MainWindow

    settings = QSettings()
    document = PlanDocument()
    undo_stack = QUndoStack()
    if screenshot is not None:  # a picture only: no autosave, recovery, locks or hooks
        from govplanner.gui.screenshot import take_screenshot

        window = MainWindow(document, undo_stack, settings, locking=False)
        code = take_screenshot(window, plan_path, Path(screenshot))
        window.deleteLater()
        return code
    from govplanner.gui import app_data
    from govplanner.gui.crash_handler import CrashHandler
    from govplanner.gui.recovery_dialog import offer_recovery

    store = app_data.recovery_store()
    window = MainWindow(document, undo_stack, settings, recovery=store)
    CrashHandler(window, app_data.log_dir()).install()
    window.show()
    offer_recovery(window, store)  # once the window is up, before a file from the command line
    if plan_path is not None:
        window.files.open_path(plan_path)
    return int(app.exec())  # type: ignore[attr-defined]

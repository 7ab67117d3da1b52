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
        return existing
    # Fractional scaling (125 %, 150 %) is common on Windows laptops: keep text crisp.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    QApplication.setApplicationDisplayName("govplanner")
    _follow_colour_scheme(app)
    return app


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
    window = MainWindow(document, undo_stack, settings)
    if screenshot is not None:
        from govplanner.gui.screenshot import take_screenshot

        code = take_screenshot(window, plan_path, Path(screenshot))
        window.deleteLater()
        return code
    window.show()
    if plan_path is not None:
        window.files.open_path(plan_path)
    return int(app.exec())  # type: ignore[attr-defined]

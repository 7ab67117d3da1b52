"""The main window's frame: its first size on this screen, and its docks' common setup."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

#: Small enough for a 1366x768 laptop at 125 % (1093x614 logical, less the task bar and
#: title bar): panes scroll inside.
MIN_SIZE = (800, 480)


def default_size(window: QWidget) -> None:
    """1440×900, or less on a small laptop screen (never larger than the screen)."""
    screen = QApplication.primaryScreen()
    width, height = 1440, 900
    # The offscreen platform's pretend 800×600 screen is no reason to shrink the window.
    if screen is not None and QApplication.platformName() != "offscreen":
        available = screen.availableGeometry()
        width = min(width, int(available.width() * 0.95))
        height = min(height, int(available.height() * 0.95))
    window.setMinimumSize(*MIN_SIZE)
    window.resize(max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1]))


def make_dock(parent: QWidget, title: str, name: str, widget: QWidget) -> QDockWidget:
    """A dock that can be moved, closed and floated; ``name`` keeps its place in saveState."""
    dock = QDockWidget(title, parent)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    return dock

"""Wires the planning views into a main window through its public attributes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govplanner.gui.main_window import MainWindow


def install_planning(window: MainWindow) -> None:
    """Placeholder until the planning views land: does nothing yet."""
    del window

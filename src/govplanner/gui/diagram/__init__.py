"""The governance diagram: committees in tier bands with reporting lines, read-only."""

from govplanner.gui.diagram.view import DiagramView

__all__ = ["DiagramView"]

"""The governance diagram: committees in tier bands, their accountable and advisory lines,
committees in common framed together, and a legend; read-only."""

from govplanner.gui.diagram.view import DiagramView

__all__ = ["DiagramView"]

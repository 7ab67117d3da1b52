"""Red/amber/green and severity colours for tables, always shown together with words."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor

from govplanner.analysis.result import CoverageCell
from govplanner.domain.enums import Severity


class Rag(Enum):
    """The state of a coverage cell, with the word shown beside the numbers."""

    COVERED = "Covered"
    PARTIAL = "Partial"
    GAP = "Gap"
    #: not all covered, and every gap left has been accepted: apart from covered and gap
    ACCEPTED = "Accepted"
    NONE = "Not required"


#: What each state means, for the heatmap's legend ("of the committees that need it…").
MEANING = {
    Rag.COVERED: "all of them have it",
    Rag.PARTIAL: "some have it, some do not",
    Rag.GAP: "none of them has it",
    Rag.ACCEPTED: "those without it have had the gap accepted",
    Rag.NONE: "no {committee} in the {tier} needs it",  # a template: the plan's words
}

# Light fills with dark text read well in both light and dark palettes.
_FILL = {
    Rag.COVERED: "#c8e6c9",
    Rag.PARTIAL: "#ffe0a3",
    Rag.GAP: "#f5b7b1",
    Rag.ACCEPTED: "#d4e3f2",
    Rag.NONE: "#e6e6e6",
}
_SEVERITY_COLOUR = {
    Severity.CRITICAL: "#c62828",
    Severity.WARNING: "#b45f06",
    Severity.INFO: "#1565c0",
}
TEXT_ON_FILL = QColor("#1a1a1a")


def rag_of(cell: CoverageCell) -> Rag:
    if cell.required == 0:
        return Rag.NONE
    if cell.covered >= cell.required:
        return Rag.COVERED
    if cell.gap <= 0:
        return Rag.ACCEPTED
    return Rag.GAP if cell.covered == 0 else Rag.PARTIAL


def cell_text(cell: CoverageCell) -> str:
    """'1/3 · Partial': covered of required, the state in words, and any accepted gaps."""
    rag = rag_of(cell)
    if rag is Rag.NONE:
        return "– · Not required"
    text = f"{cell.covered}/{cell.required} · {rag.value}"
    if cell.accepted and rag is not Rag.ACCEPTED:
        text += f" · {cell.accepted} accepted"
    return text


def rag_fill(rag: Rag) -> QColor:
    return QColor(_FILL[rag])


def severity_colour(severity: Severity) -> QColor:
    return QColor(_SEVERITY_COLOUR[severity])

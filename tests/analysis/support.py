"""Small helpers shared by the analysis tests."""

from __future__ import annotations

from govplanner.analysis.engine import analyse
from govplanner.analysis.result import Finding
from govplanner.domain.model import Plan
from tests.builders import PlanBuilder


def found(plan: Plan, code: str) -> list[Finding]:
    """The findings of one code, in the analysis's order."""
    return [f for f in analyse(plan).findings if f.code == code]


def subjects(plan: Plan, code: str) -> list[tuple[str, str | None]]:
    """(subject name, function id or None) of each finding of one code."""
    return [(f.subject, f.function.value if f.function else None) for f in found(plan, code)]


def programme_board() -> PlanBuilder:
    """A thematic tier under an executive one, with one programme board at Strategy setting.

    At Strategy setting a thematic committee needs analytical insight, representation and
    translation (essential) and relational work (expected).
    """
    return (
        PlanBuilder()
        .tier("System", "executive")
        .tier("Programme", "thematic")
        .tier("Neighbourhood", "project")
        .committee("ICB Board", tier="System")
        .committee("Mental Health Programme Board", tier="Programme", reports_to="ICB Board")
    )

"""Plans for the export tests: a small partnership with every kind of content, and the examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govplanner.domain.model import Plan
from govplanner.files.planfile import load_plan
from tests.builders import PlanBuilder, committee_id, role_id

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example_plans() -> dict[str, Plan]:
    """Every shipped example plan, by file name."""
    return {path.name: load_plan(path) for path in sorted(EXAMPLES.glob("*.govplan"))}


def partnership() -> Plan:
    """A board, a programme board and a project; repeated titles, a vacancy, a non-clinical role."""
    plan = (
        PlanBuilder(name="Northshire Partnership")
        .tier("Executive", "executive")
        .tier("Programme", "thematic")
        .tier("Project", "project")
        .committee("ICB Board", tier="Executive")
        .committee(
            "Maternity Programme Board",
            tier="Programme",
            reports_to="ICB Board",
            stage="Mobilising change",
            programme="Maternity",
        )
        .committee(
            "Continuity of Carer Project",
            tier="Project",
            reports_to="Maternity Programme Board",
            programme="Maternity",
        )
        .person("Dr Ada Jones", profession="general practice", capacity=4, sources=["reputation"])
        .role(
            "Medical Director",
            on=["ICB Board"],
            functions=["analytical", "translation", "representation"],
            holder="Dr Ada Jones",
            profession="general practice",
            sessions=2,
        )
        .role(
            "Clinical Lead",
            on=["Maternity Programme Board"],
            functions=["representation", "relational"],
            holder="Sam Patel",
            profession="midwifery",
            sessions=1.5,
        )
        .role(
            "Clinical Lead",
            on=["Continuity of Carer Project"],
            functions=["analytical", "representation"],
            profession="obstetrics",
            sessions=1,
        )
        .role("Programme Manager", on=["Maternity Programme Board"], clinical=False)
        .build()
    )
    board = plan.committee(committee_id("ICB Board"))
    assert board is not None
    board.chair_role_id = role_id("Medical Director")
    board.purpose = "Sets the system's strategy."
    director = plan.role(role_id("Medical Director"))
    assert director is not None
    director.activities = ["A1", "T2", "R1"]
    director.term_start, director.term_end = dt.date(2025, 4, 1), dt.date(2028, 3, 31)
    return plan

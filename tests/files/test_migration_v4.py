"""Schema 3 -> 4: a plan may carry its rationale as data; every older plan opens as it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from govplanner.domain.proposal import ChangeAction, Proposal, ProposalChange
from govplanner.files import migrations
from govplanner.files.planfile import load_plan, plan_from_json, plan_to_json
from tests.analysis.snapshot import dump
from tests.files.plans import small_plan

FIXTURE = Path(__file__).parent / "fixtures" / "ics-example.schema3.govplan"
SNAPSHOT = Path(__file__).parents[1] / "analysis" / "fixtures" / "ics-example.json"


def test_a_schema_3_file_opens_with_the_same_findings_and_no_proposal() -> None:
    old = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert old["schema_version"] == 3
    plan = load_plan(FIXTURE)
    assert plan.proposal is None
    assert dump(plan) == SNAPSHOT.read_text(encoding="utf-8")
    assert plan.description == old["plan"]["description"]


def test_the_step_adds_no_proposal_and_leaves_its_input_alone() -> None:
    doc = {"schema_version": 3, "plan": {"name": "A", "description": "kept"}}
    migrated = migrations.STEPS[3](doc)
    assert migrated == {
        "schema_version": 4,
        "plan": {"name": "A", "description": "kept", "proposal": None},
    }
    assert "proposal" not in doc["plan"]
    assert migrations.STEPS[3]({"schema_version": 3, "plan": []})["schema_version"] == 4


def _proposal() -> Proposal:
    return Proposal(
        made_on=dt.date(2026, 12, 3),
        source_plan="Cluster",
        budget_sessions=40,
        sessions_before=50,
        sessions_after=39.5,
        cost_before=500_000,
        cost_after=395_000,
        essential_covered_before=12,
        essential_covered_after=12,
        solver_status="optimal",
        optimality_gap=0.0,
        summary=["Budget: 40 sessions a week."],
        changes=[
            ProposalChange(
                action=ChangeAction.RETIRE_ROLE,
                subject_id="role-1",
                subject="Clinical lead",
                sessions_per_week=2,
                holder="Dr A",
                reasons=["vacant"],
            ),
            ProposalChange(
                action=ChangeAction.COMBINE_COMMITTEES,
                subject_id="committee-j",
                subject="Joint audit committee",
                replaces=["c-1", "c-2"],
            ),
        ],
    )


def test_a_proposal_survives_save_and_open_exactly() -> None:
    plan = small_plan()
    plan.proposal = _proposal()
    again = plan_from_json(plan_to_json(plan))
    assert again.proposal == plan.proposal
    assert again == plan

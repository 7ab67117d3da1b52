"""What a role description says: the plain data the templates receive."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from govplanner.analysis import analyse
from govplanner.domain import catalogue
from govplanner.domain.enums import Function, Level
from govplanner.domain.model import Plan, Role
from govplanner.export.role_context import role_context
from tests.builders import role_id
from tests.export.plans import partnership

TODAY = dt.date(2026, 1, 15)


def _context(plan: Plan, title_id: str) -> dict[str, Any]:
    role = plan.role(title_id)
    assert isinstance(role, Role)
    return role_context(plan, role, analyse(plan), today=TODAY)


@pytest.fixture
def plan() -> Plan:
    return partnership()


def _plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


def test_context_is_plain_data_only(plan: Plan) -> None:
    for role in plan.roles:
        context = role_context(plan, role, analyse(plan), today=TODAY)
        assert _plain(context), role.title
        json.dumps(context)  # no live objects, nothing that would not serialise


def test_post_details(plan: Plan) -> None:
    ctx = _context(plan, role_id("Medical Director"))
    role = ctx["role"]
    assert role["title"] == "Medical Director"
    assert role["tiers"] == ["Executive level"]
    assert role["status"] == "Filled (held by Dr Ada Jones)"
    assert role["time_commitment"].startswith("2 sessions a week")
    assert role["term"] == "1 April 2025 to 31 March 2028 (about 3 years)"
    assert role["profession"] == "General practice"
    assert ctx["generated_on"] == "15 January 2026"
    assert ctx["plan"]["name"] == "Northshire Partnership"


def test_reporting_line_and_accountability_follow_the_committees(plan: Plan) -> None:
    ctx = _context(plan, role_id("Clinical Lead", 2))
    assert ctx["reporting_line"] == [
        ["Continuity of Carer Project", "Maternity Programme Board", "ICB Board"]
    ]
    assert ctx["accountable_to"] == ["The chair of the Continuity of Carer Project"]
    assert ctx["role"]["tiers"] == ["Project level"]


def test_a_chair_is_accountable_upwards(plan: Plan) -> None:
    ctx = _context(plan, role_id("Medical Director"))
    assert ctx["committees"][0]["role_is_chair"] is True
    assert ctx["accountable_to"] == [
        "As chair of the ICB Board: to the partner organisations it serves"
    ]
    # A member of a chaired committee is accountable to the chair's post.
    lead = _context(plan, role_id("Clinical Lead"))
    assert lead["accountable_to"] == ["The chair of the Maternity Programme Board"]


def test_responsibilities_grouped_by_function_with_level_wording(plan: Plan) -> None:
    ctx = _context(plan, role_id("Clinical Lead"))
    assert [f["id"] for f in ctx["functions"]] == ["representation", "relational"]
    relational = ctx["functions"][1]
    assert relational["level_wording"] == [
        {"level": "Thematic", "text": catalogue.LEVEL_WORDING[Function.RELATIONAL][Level.THEMATIC]}
    ]
    # No activities chosen: the function's typical activities are listed.
    assert relational["activities_chosen"] is False
    assert [a["code"] for a in relational["activities"]] == ["L1", "L2", "L3", "L4"]


def test_chosen_activities_are_listed_under_their_function(plan: Plan) -> None:
    ctx = _context(plan, role_id("Medical Director"))
    by_id = {f["id"]: f for f in ctx["functions"]}
    assert [a["code"] for a in by_id["analytical"]["activities"]] == ["A1"]
    assert by_id["analytical"]["activities"][0]["text"] == catalogue.ACTIVITY_BY_CODE["A1"].text
    assert [a["code"] for a in by_id["translation"]["activities"]] == ["T2"]
    assert by_id["translation"]["activities_chosen"] is True


def test_person_specification_names_registration_and_sources(plan: Plan) -> None:
    spec = _context(plan, role_id("Clinical Lead"))["person_specification"]
    assert "Nursing and Midwifery Council" in spec["registration"]
    labels = [s["label"] for s in spec["sources"]]
    assert labels == ["Formal authority", "Reputation"]
    assert spec["sources"][0]["for_functions"] == "Representation and Relational work"
    other = _context(plan, role_id("Clinical Lead", 2))["person_specification"]
    assert "General Medical Council" in other["registration"]


def test_board_competencies_only_on_executive_committees(plan: Plan) -> None:
    board = _context(plan, role_id("Medical Director"))["board_competencies"]
    assert board["applies"] is True
    assert board["domains"] == list(catalogue.BOARD_COMPETENCY_DOMAINS)
    assert len(board["domains"]) == 6
    lead = _context(plan, role_id("Clinical Lead"))["board_competencies"]
    assert lead["applies"] is False
    assert lead["domains"] == []


def test_working_relationships_list_the_other_roles_on_each_committee(plan: Plan) -> None:
    groups = _context(plan, role_id("Clinical Lead"))["working_relationships"]
    assert [g["committee"] for g in groups] == ["Maternity Programme Board"]
    assert groups[0]["on"] == "On the Maternity Programme Board"
    assert groups[0]["members"] == [
        {
            "seat": "Member",
            "title": "Programme Manager",
            "holder": "Vacant",
            "profession": "",
            "clinical": False,
        }
    ]


def test_a_vacant_post_says_which_gaps_it_would_close(plan: Plan) -> None:
    gaps = _context(plan, role_id("Clinical Lead", 2))["gaps_filled"]
    assert len(gaps) == 2
    assert all("Continuity of Carer Project" in g and "critical" in g for g in gaps)
    assert _context(plan, role_id("Medical Director"))["gaps_filled"] == []


def test_a_role_without_committees_still_describes(plan: Plan) -> None:
    role = Role(title="Floating Lead", functions=[Function.ANALYTICAL])
    plan.roles.append(role)
    ctx = role_context(plan, role, analyse(plan), today=TODAY)
    assert ctx["committees"] == []
    assert ctx["role"]["tiers"] == []
    assert "not yet been given a committee seat" in ctx["purpose"][0]
    assert ctx["framework_basis"] == catalogue.FRAMEWORK_BASIS


def test_every_field_is_documented_for_template_writers(plan: Plan) -> None:
    readme = (Path(__file__).resolve().parents[2] / "templates" / "README.md").read_text("utf-8")
    ctx = _context(plan, role_id("Medical Director"))
    nested = ("plan", "words", "role", "person_specification", "board_competencies")
    for key, value in ctx.items():
        assert f"`{key}" in readme, key
        if key in nested:
            for field in value:
                assert f"`{field}`" in readme, f"{key}.{field}"
    for field in ctx["committees"][0]:
        assert f"`{field}`" in readme, f"committees.{field}"
    for field in ctx["functions"][0]:
        assert f"`{field}`" in readme, f"functions.{field}"


def test_accountability_runs_through_chairs_up_the_reporting_line(plan: Plan) -> None:
    maternity = next(c for c in plan.committees if c.name == "Maternity Programme Board")
    maternity.chair_role_id = role_id("Clinical Lead")
    lead = _context(plan, role_id("Clinical Lead"))
    assert lead["accountable_to"] == [
        "As chair of the Maternity Programme Board: to the Medical Director, "
        "as chair of the ICB Board"
    ]
    manager = _context(plan, role_id("Programme Manager"))
    assert manager["accountable_to"] == [
        "The Clinical Lead, as chair of the Maternity Programme Board"
    ]

"""The cost of clinical leadership in ``check`` (text and JSON) and the gap report's Summary:
in total and per 100,000 people when the plan records a cost per session (issue 14)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from govplanner.analysis import analyse
from govplanner.cli.report import check_json, check_text
from govplanner.export.gap_report import export_gap_report
from govplanner.files.planfile import load_plan
from tests.gui.restructure.test_merge import EXAMPLES

NORTH = EXAMPLES / "icb-northfield.govplan"


def summary_rows(path: Path) -> dict[str, object]:
    sheet = openpyxl.load_workbook(path)["Summary"]
    return {str(r[0]): r[1] for r in sheet.iter_rows(values_only=True) if r and r[0]}


def test_check_shows_the_cost_when_the_plan_records_one() -> None:
    plan = load_plan(NORTH)
    analysis = analyse(plan)
    cost = check_json(plan, analysis)["cost"]
    assert cost["cost"] == 368000.0
    assert cost["sessions_per_week"] == 32
    assert cost["cost"] == cost["sessions_per_week"] * plan.cost_per_session
    assert cost["population"] > 0
    assert cost["cost_per_100k"] == pytest.approx(368000 * 100_000 / cost["population"], abs=0.01)
    assert "Cost of clinical leadership: 7 roles, 32 sessions a week, £368,000 a year (£" in (
        check_text(plan, analysis)
    )


def test_no_cost_recorded_is_null_and_not_shown(tmp_path: Path) -> None:
    plan = load_plan(NORTH)
    plan.cost_per_session = None
    plan.profession_costs = {}
    for role in plan.roles:
        role.cost_per_session = None
    analysis = analyse(plan)
    assert check_json(plan, analysis)["cost"] is None
    assert "Cost of clinical leadership" not in check_text(plan, analysis)
    export_gap_report(plan, analysis, tmp_path / "gaps.xlsx")
    assert "Cost of clinical leadership a year" not in summary_rows(tmp_path / "gaps.xlsx")


def test_the_gap_report_summary_shows_the_cost(tmp_path: Path) -> None:
    plan = load_plan(NORTH)
    export_gap_report(plan, analyse(plan), tmp_path / "gaps.xlsx")
    rows = summary_rows(tmp_path / "gaps.xlsx")
    assert rows["Cost of clinical leadership a year"] == "£368,000"
    assert str(rows["  per 100,000 people"]).startswith("£")
    for org in plan.organisations:
        org.population = None
    export_gap_report(plan, analyse(plan), tmp_path / "no-population.xlsx")
    rows = summary_rows(tmp_path / "no-population.xlsx")
    assert rows["  per 100,000 people"] == "population not recorded"

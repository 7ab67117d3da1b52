"""The cost of clinical leadership: which cost per session applies, totals, per 100,000 people."""

from __future__ import annotations

import pytest

from govplanner.domain.model import Organisation
from govplanner.restructure.cost import RoleCosts, cost_summary
from tests.builders import PlanBuilder


def _plan():
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .role("GP Lead", on=["Board"], profession="GP", sessions=2)
        .role("Nurse Lead", on=["Board"], profession="nursing", sessions=3)
        .role("Own Rate", on=["Board"], profession="nursing", sessions=1)
        .role("Manager", on=["Board"], clinical=False, sessions=5)
        .build()
    )
    plan.roles[2].cost_per_session = 20_000
    return plan


def test_role_rate_beats_profession_rate_beats_plan_rate():
    plan = _plan()
    plan.cost_per_session = 10_000
    plan.profession_costs = {"General practice": 15_000}  # "GP" is its synonym
    costs = RoleCosts(plan)
    assert [costs.per_session(r) for r in plan.roles] == [15_000, 10_000, 20_000, 10_000]


def test_summary_counts_clinical_roles_and_population():
    plan = _plan()
    plan.cost_per_session = 10_000
    plan.organisations = [
        Organisation(name="North ICB", population=300_000),
        Organisation(name="South ICB", population=200_000),
        Organisation(name="Trust"),  # no population: left out of the sum
    ]
    s = cost_summary(plan)
    assert (s.roles, s.sessions, s.cost, s.uncosted) == (3, 6, 70_000, 0)
    assert s.population == 500_000
    assert s.cost_per_100k == pytest.approx(14_000)
    assert s.text() == ("3 roles, 6 sessions a week, £70,000 a year (£14,000 per 100,000 people)")
    everyone = cost_summary(plan, clinical_only=False)
    assert (everyone.roles, everyone.cost) == (4, 120_000)


def test_without_rates_or_population_the_summary_says_so():
    plan = _plan()
    s = cost_summary(plan)
    assert s.cost == 20_000  # only the role with its own rate
    assert s.uncosted == 2
    assert s.cost_per_100k is None
    assert s.population is None
    assert "2 roles without a cost per session" in s.text()
    plan.roles[2].cost_per_session = None
    assert cost_summary(plan).text() == "3 roles, 6 sessions a week, no cost per session recorded"

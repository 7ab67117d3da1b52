"""The cost of leadership roles: sessions x cost per session, in total and per 100,000 people.

A role's cost per session is its own, else its profession's (the plan's table, professions
compared as the analysis compares them), else the plan's. Population is the sum of the plan's
organisations' populations, where recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from govplanner.analysis.rules.clinical import ProfessionMatcher
from govplanner.analysis.rules.common import number
from govplanner.domain.model import Plan, Role

PER_POPULATION = 100_000


class RoleCosts:
    """Looks up each role's cost per session (a yearly cost of one weekly session)."""

    def __init__(self, plan: Plan) -> None:
        self._matcher = ProfessionMatcher(plan)
        self._by_profession = {
            self._matcher.canonical(k): v for k, v in plan.profession_costs.items()
        }
        self._default = plan.cost_per_session

    def per_session(self, role: Role) -> float | None:
        if role.cost_per_session is not None:
            return role.cost_per_session
        if role.profession and self._by_profession:
            found = self._by_profession.get(self._matcher.canonical(role.profession))
            if found is not None:
                return found
        return self._default

    def of(self, role: Role) -> float | None:
        """The role's yearly cost, or None when no cost per session applies to it."""
        rate = self.per_session(role)
        return None if rate is None else rate * role.sessions_per_week


@dataclass(frozen=True)
class CostSummary:
    """Sessions and cost of a set of roles, with the population they serve."""

    roles: int
    sessions: float
    #: yearly cost of the roles that have a cost per session (None when none has)
    cost: float | None
    #: roles counted in ``sessions`` but with no cost per session (left out of ``cost``)
    uncosted: int
    #: people served (sum of the organisations' populations; None when none is recorded)
    population: int | None

    @property
    def cost_per_100k(self) -> float | None:
        if self.cost is None or not self.population:
            return None
        return self.cost * PER_POPULATION / self.population

    @property
    def sessions_per_100k(self) -> float | None:
        if not self.population:
            return None
        return self.sessions * PER_POPULATION / self.population

    def as_json(self) -> dict[str, Any]:
        return {
            "roles": self.roles,
            "sessions_per_week": round(self.sessions, 6),
            "cost": None if self.cost is None else round(self.cost, 2),
            "uncosted_roles": self.uncosted,
            "population": self.population,
            "cost_per_100k": _rounded(self.cost_per_100k),
            "sessions_per_100k": _rounded(self.sessions_per_100k),
        }

    def text(self) -> str:
        """'12 roles, 18.5 sessions a week, £123,000 a year (£4,100 per 100,000 people)'."""
        parts = [f"{_count(self.roles, 'role')}, {number(self.sessions)} sessions a week"]
        if self.cost is None:
            parts.append("no cost per session recorded")
        else:
            money = f"{money_text(self.cost)} a year"
            per = self.cost_per_100k
            if per is not None:
                money += f" ({money_text(per)} per 100,000 people)"
            parts.append(money)
            if self.uncosted:
                parts.append(f"{_count(self.uncosted, 'role')} without a cost per session")
        return ", ".join(parts)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def money_text(value: float) -> str:
    return f"£{value:,.0f}"


def population_of(plan: Plan) -> int | None:
    recorded = [o.population for o in plan.organisations if o.population is not None]
    return sum(recorded) if recorded else None


def cost_summary(
    plan: Plan, roles: Iterable[Role] | None = None, *, clinical_only: bool = True
) -> CostSummary:
    """Sessions and cost of ``roles`` (default: the plan's clinical roles, or all of them)."""
    costs = RoleCosts(plan)
    chosen = plan.roles if roles is None else roles
    count, sessions, total, uncosted, any_cost = 0, 0.0, 0.0, 0, False
    for role in chosen:
        if clinical_only and not role.clinical:
            continue
        count += 1
        sessions += role.sessions_per_week
        cost = costs.of(role)
        if cost is None:
            uncosted += 1
        else:
            total += cost
            any_cost = True
    return CostSummary(count, sessions, total if any_cost else None, uncosted, population_of(plan))

"""What the CCPL principles read from the roles, gathered in one pass over them.

Four of the five principles look at the clinical roles (sessions, holders, vacancies, terms,
professions) and one at every role's activities. A national plan has about 30,000 roles, so
they are read once here instead of once per principle (a third of a check's analysis time).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.professions import profession_group
from govplanner.analysis.rules.clinical import ProfessionMatcher

#: activities that build networks or keep a shared story going (principle 2)
NETWORKS = frozenset(("L1", "L2", "T3"))


@dataclass(slots=True)
class Roster:
    """The roles as the principles count them (lists in plan order)."""

    #: how many roles are clinical
    clinical: int = 0
    #: sessions a week of each clinical role with some (summed in plan order, as before)
    funded: list[float] = field(default_factory=list)
    #: titles of clinical roles with no sessions recorded
    unfunded: list[str] = field(default_factory=list)
    #: clinical roles nobody holds, and those somebody holds
    vacant: int = 0
    filled: int = 0
    #: filled clinical roles with a term end
    termed: int = 0
    #: ids of the people holding a clinical role
    holders: set[str] = field(default_factory=set)
    #: titles of the roles (clinical or not) naming network-building activities
    networks: list[str] = field(default_factory=list)
    #: professional group -> its clinical roles; and the clinical roles of no known group
    groups: Counter[str] = field(default_factory=Counter)
    unknown: int = 0


def read_roster(ctx: AnalysisContext) -> Roster:
    """One pass over the plan's roles for every principle. A role's profession is its own,
    else its holder's; each distinct spelling is grouped once, after the pass (a national
    plan has tens of thousands of clinical roles but a few dozen ways of writing them)."""
    roster = Roster()
    funded, unfunded, networks, holders = (
        roster.funded, roster.unfunded, roster.networks, roster.holders
    )  # fmt: skip
    spellings: dict[str, int] = {}  # profession as written -> clinical roles
    people, spelled = ctx.people, spellings.get
    clinical = vacant = termed = 0
    for role in ctx.plan.roles:
        if role.activities and not NETWORKS.isdisjoint(role.activities):
            networks.append(role.title)
        if not role.clinical:
            continue
        clinical += 1
        sessions = role.sessions_per_week
        if sessions > 0:
            funded.append(sessions)
        if sessions <= 0:
            unfunded.append(role.title)
        holder, profession = role.holder_id, role.profession
        if holder is None:
            vacant += 1
        else:
            if role.term_end is not None:
                termed += 1
            if holder:
                holders.add(holder)
            if not profession:
                person = people.get(holder)
                profession = person.profession if person else ""
        spellings[profession] = spelled(profession, 0) + 1
    roster.clinical, roster.vacant, roster.termed = clinical, vacant, termed
    roster.filled = clinical - vacant
    _group(ctx, roster, spellings)
    return roster


def _group(ctx: AnalysisContext, roster: Roster, spellings: dict[str, int]) -> None:
    """Count the clinical roles of each spelling of a profession under its group."""
    matcher = ProfessionMatcher(ctx.plan)
    for profession, count in spellings.items():
        group = profession_group(profession, matcher)
        if group is None:
            roster.unknown += count
        else:
            roster.groups[group] += count

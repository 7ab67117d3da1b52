"""What the CCPL principles read from the roles, gathered in one pass over them.

Four of the five principles look at the clinical roles (sessions, holders, vacancies, terms,
professions) and one at every role's activities. A national plan has about 30,000 roles, so
they are read once here instead of once per principle.
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.professions import profession_group
from govplanner.analysis.rules.clinical import ProfessionMatcher

#: activities that build networks or keep a shared story going (principle 2)
NETWORKS = frozenset(("L1", "L2", "T3"))

#: the fields read of every role, in one C call per role
_ROLE_FIELDS = attrgetter(
    "title", "activities", "clinical", "sessions_per_week", "holder_id", "profession", "term_end"
)


class Roster:
    """The roles as the principles count them (lists in plan order). A plain class, not a
    dataclass: making a dataclass costs a millisecond of every command's start-up."""

    __slots__ = (
        "clinical", "filled", "funded", "groups", "holders", "networks", "termed", "unfunded",
        "unknown", "vacant",
    )  # fmt: skip

    def __init__(self) -> None:
        #: how many roles are clinical
        self.clinical = 0
        #: sessions a week of each clinical role with some (summed in plan order, as before)
        self.funded: list[float] = []
        #: titles of clinical roles with no sessions recorded
        self.unfunded: list[str] = []
        #: clinical roles nobody holds, and those somebody holds
        self.vacant = self.filled = 0
        #: filled clinical roles with a term end
        self.termed = 0
        #: ids of the people holding a clinical role
        self.holders: set[str] = set()
        #: titles of the roles (clinical or not) naming network-building activities
        self.networks: list[str] = []
        #: professional group -> its clinical roles; and the clinical roles of no known group
        self.groups: Counter[str] = Counter()
        self.unknown = 0


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
        title, activities, is_clinical, sessions, holder, profession, end = _ROLE_FIELDS(role)
        if activities and not NETWORKS.isdisjoint(activities):
            networks.append(title)
        if not is_clinical:
            continue
        clinical += 1
        if sessions > 0:
            funded.append(sessions)
        if sessions <= 0:
            unfunded.append(title)
        if holder is None:
            vacant += 1
        else:
            if end is not None:
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

"""What a reduction may change and what it must keep, read from the plan in one pass.

Terms follow DOMAIN.md: a *provider* of function f on committee c is a clinical role seated
on c as member or participant that declares f; a pair (c, f) is *covered* when a filled
provider exists. A reduction keeps or retires each role; the facts below say, per role index,
which pairs, tiers, people and committees each choice touches, so the optimiser and the report
read the same numbers.

With ``combine`` (``--combine-in-common``) each group of committees in common that may become
one joint committee (``restructure.combine``) is a :class:`Group`; a pair, voice or single
point of its committees also says what the joint committee would have: any provider on any of
the group's committees covers the joint committee's function.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from govplanner.analysis.rules.clinical import ProfessionMatcher
from govplanner.domain.enums import FUNCTIONS, Function, Requirement
from govplanner.domain.governance import KIND_INFO
from govplanner.domain.model import Plan, Role
from govplanner.domain.names import name_key
from govplanner.restructure.combine import combinable

#: Sums of sessions such as 1.1 + 1.1 + 1.8 must not count as over a capacity of 4.
TOLERANCE = 1e-9


class Choice(Enum):
    FREE = "free"  # the optimiser decides
    KEEP = "keep"  # kept: out of scope, or --keep
    RETIRE = "retire"  # retired by --retire


@dataclass(frozen=True)
class Pair:
    """A committee x function that is needed and covered today, with its filled providers."""

    committee_id: str
    function: Function
    requirement: Requirement
    providers: tuple[int, ...]
    #: the combinable group the committee meets in, and the providers of the function on any
    #: of its committees (who would cover it on the joint committee)
    group: int | None = None
    joint: tuple[int, ...] = ()


@dataclass(frozen=True)
class SinglePoint:
    """A tier x function where two or more committees make f essential (GAP003's domain)."""

    tier_id: str
    function: Function
    #: person id -> indices of the filled providers they hold on those committees
    holders: dict[str, tuple[int, ...]]
    #: the combinable group whose committees are exactly those committees: combined, the
    #: tier has one committee making f essential, so no single point of failure
    group: int | None = None


@dataclass(frozen=True)
class Load:
    """A person with a recorded capacity whose roles add up to more than it today."""

    person_id: str
    capacity: float
    roles: tuple[int, ...]


@dataclass(frozen=True)
class Voice:
    """A committee whose clinical voice (CLN001) or areas' professions (PRO001) can be lost.

    ``groups`` lists, per programme area (or one group for the clinical voice), the roles
    whose presence keeps it; losing every role of any group opens the finding.
    """

    committee_id: str
    groups: tuple[tuple[int, ...], ...]
    #: the combinable group the committee meets in, and per group the roles on any of its
    #: committees that would keep it on the joint committee
    group: int | None = None
    joint: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class Group:
    """Committees in common that may become one joint committee."""

    group_id: str
    name: str
    committee_ids: tuple[str, ...]


@dataclass
class Facts:
    plan: Plan
    roles: list[Role]
    choice: list[Choice]
    in_scope: list[bool]
    essential: list[Pair] = field(default_factory=list)
    expected: list[Pair] = field(default_factory=list)
    single_points: list[SinglePoint] = field(default_factory=list)
    loads: list[Load] = field(default_factory=list)
    professions: list[Voice] = field(default_factory=list)
    voices: list[Voice] = field(default_factory=list)
    #: person id -> the in-scope roles they hold (retiring any one displaces them)
    held: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: groups that may be combined (``combine``), and the others with why not
    groups: list[Group] = field(default_factory=list)
    not_combinable: list[tuple[str, str]] = field(default_factory=list)
    #: committee id -> index of its combinable group
    group_of: dict[str, int] = field(default_factory=dict)

    def sessions(self, index: int) -> float:
        return self.roles[index].sessions_per_week

    @property
    def scope_sessions(self) -> float:
        """Sessions a week of every in-scope role today."""
        return sum(r.sessions_per_week for r, s in zip(self.roles, self.in_scope, strict=True) if s)


def read_facts(
    plan: Plan,
    *,
    clinical_scope: bool,
    keep: Iterable[str] = (),
    retire: Iterable[str] = (),
    combine: bool = False,
) -> Facts:
    """The facts of ``plan`` (after any committees were abolished) for one reduction."""
    keep_ids, retire_ids = set(keep), set(retire)
    roles = list(plan.roles)
    in_scope = [r.clinical or not clinical_scope for r in roles]
    choice = [
        Choice.RETIRE
        if r.id in retire_ids
        else Choice.KEEP
        if r.id in keep_ids or not scoped
        else Choice.FREE
        for r, scoped in zip(roles, in_scope, strict=True)
    ]
    facts = Facts(plan, roles, choice, in_scope)
    if combine:
        _read_groups(facts)
    _read_pairs(facts)
    _read_people(facts)
    _read_voices(facts)
    return facts


def _providers(facts: Facts) -> dict[tuple[str, Function], list[int]]:
    """(committee id, function) -> filled providers, in role order, each once."""
    found: dict[tuple[str, Function], list[int]] = {}
    for index, role in enumerate(facts.roles):
        if not role.clinical or role.holder_id is None or not role.functions:
            continue
        seen: set[str] = set()
        for seat in role.seats:
            if not seat.membership.provides or seat.committee_id in seen:
                continue
            seen.add(seat.committee_id)
            for function in role.functions:
                found.setdefault((seat.committee_id, function), []).append(index)
    return found


def _read_groups(facts: Facts) -> None:
    ok, not_ok = combinable(facts.plan)
    for group, members in ok:
        for c in members:
            facts.group_of[c.id] = len(facts.groups)
        facts.groups.append(Group(group.id, group.name, tuple(c.id for c in members)))
    facts.not_combinable = [(group.name, why) for group, why in not_ok]


def _joint(facts: Facts, by_committee: Mapping[str, Iterable[int]], group: int) -> tuple[int, ...]:
    """The roles of ``by_committee`` on any committee of the group, each once, in role order."""
    found = {i for cid in facts.groups[group].committee_ids for i in by_committee.get(cid, ())}
    return tuple(sorted(found))


def _read_pairs(facts: Facts) -> None:
    plan = facts.plan
    providers = _providers(facts)
    by_function: dict[Function, dict[str, list[int]]] = {f: {} for f in FUNCTIONS}
    for (cid, function), found in providers.items():
        by_function[function][cid] = found
    tiers = {t.id: t for t in plan.tiers}
    essential_by_tier: dict[tuple[str, Function], list[str]] = {}
    for committee in plan.committees:
        tier = tiers.get(committee.tier_id)
        if tier is None:
            continue
        stage = plan.current_stage_id(committee)
        for function in FUNCTIONS:
            need = plan.committee_requirement(committee, tier.level, stage, function)
            if need is Requirement.OPTIONAL:
                continue
            if need is Requirement.ESSENTIAL:
                essential_by_tier.setdefault((tier.id, function), []).append(committee.id)
            who = providers.get((committee.id, function))
            if who:
                group = facts.group_of.get(committee.id)
                joint = () if group is None else _joint(facts, by_function[function], group)
                pair = Pair(committee.id, function, need, tuple(who), group, joint)
                (facts.essential if need is Requirement.ESSENTIAL else facts.expected).append(pair)
    _read_single_points(facts, providers, essential_by_tier)


def _read_single_points(
    facts: Facts,
    providers: dict[tuple[str, Function], list[int]],
    essential_by_tier: dict[tuple[str, Function], list[str]],
) -> None:
    for (tier_id, function), committee_ids in essential_by_tier.items():
        if len(committee_ids) < 2:
            continue
        holders: dict[str, list[int]] = {}
        for cid in committee_ids:
            for index in providers.get((cid, function), ()):
                person = facts.roles[index].holder_id
                assert person is not None  # providers are filled
                mine = holders.setdefault(person, [])
                if index not in mine:
                    mine.append(index)
        if holders:
            group = facts.group_of.get(committee_ids[0])
            if group is not None and set(facts.groups[group].committee_ids) != set(committee_ids):
                group = None
            facts.single_points.append(
                SinglePoint(tier_id, function, {p: tuple(r) for p, r in holders.items()}, group)
            )


def _read_people(facts: Facts) -> None:
    plan = facts.plan
    held: dict[str, list[int]] = {}
    for index, role in enumerate(facts.roles):
        if role.holder_id is not None:
            held.setdefault(role.holder_id, []).append(index)
    for person in plan.people:
        mine = held.get(person.id, [])
        if person.capacity is not None:
            load = sum(facts.sessions(i) for i in mine)
            if load > person.capacity + TOLERANCE:
                facts.loads.append(Load(person.id, person.capacity, tuple(mine)))
        scoped = tuple(i for i in mine if facts.in_scope[i])
        if scoped:
            facts.held[person.id] = scoped


def _read_voices(facts: Facts) -> None:
    """Committees that today have a clinical voice, or a role from each area's professions."""
    plan = facts.plan
    seated: dict[str, list[int]] = {}
    for index, role in enumerate(facts.roles):
        if not role.clinical:
            continue
        for cid in dict.fromkeys(role.committee_ids):
            seated.setdefault(cid, []).append(index)
    areas = _Areas(facts)
    for committee in plan.committees:
        if not KIND_INFO[committee.kind].needs_clinical_voice:
            continue
        clinical = seated.get(committee.id, [])
        if not clinical:
            continue
        group = facts.group_of.get(committee.id)
        everyone = () if group is None else _joint(facts, seated, group)
        joint = () if group is None else (everyone,)
        facts.voices.append(Voice(committee.id, (tuple(clinical),), group, joint))
        found = areas.groups(committee.programme_areas, clinical, everyone)
        if found is not None and found[0]:
            voice = Voice(committee.id, found[0], group, found[1] if group is not None else ())
            facts.professions.append(voice)


class _Areas:
    """Per programme area, the clinical roles whose profession is one of the area's."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.programmes = {name_key(p.name): p for p in facts.plan.programmes}
        self.matcher = ProfessionMatcher(facts.plan)

    def groups(
        self, names: list[str], clinical: list[int], joint: tuple[int, ...]
    ) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]] | None:
        """(roles of ``clinical`` per area, the same of ``joint``); None when PRO001 fires today."""
        groups: list[tuple[int, ...]] = []
        joints: list[tuple[int, ...]] = []
        for area in names:
            programme = self.programmes.get(name_key(area))
            if programme is None:
                continue
            wanted = {self.matcher.canonical(p) for p in programme.professions} - {""}
            if not wanted:
                continue
            match = tuple(i for i in clinical if self._profession(i) in wanted)
            if not match:  # PRO001 fires today already: nothing a reduction can lose
                return None
            groups.append(match)
            joints.append(tuple(i for i in joint if self._profession(i) in wanted))
        return tuple(groups), tuple(joints)

    def _profession(self, index: int) -> str:
        return self.matcher.canonical(self.facts.roles[index].profession)

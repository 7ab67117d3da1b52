"""What a reduction may change and what it must keep, read from the plan in one pass.

Terms follow DOMAIN.md: a *provider* of function f on committee c is a clinical role seated
on c as member or participant that declares f; a pair (c, f) is *covered* when a filled
provider exists. A reduction keeps or retires each role; the facts below say, per role index,
which pairs, tiers, people and committees each choice touches, so the optimiser and the report
read the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from govplanner.analysis.rules.clinical import ProfessionMatcher
from govplanner.domain.enums import FUNCTIONS, Function, Requirement
from govplanner.domain.governance import KIND_INFO
from govplanner.domain.model import Plan, Role
from govplanner.domain.names import name_key

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


@dataclass(frozen=True)
class SinglePoint:
    """A tier x function where two or more committees make f essential (GAP003's domain)."""

    tier_id: str
    function: Function
    #: person id -> indices of the filled providers they hold on those committees
    holders: dict[str, tuple[int, ...]]


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

    def sessions(self, index: int) -> float:
        return self.roles[index].sessions_per_week

    @property
    def scope_sessions(self) -> float:
        """Sessions a week of every in-scope role today."""
        return sum(r.sessions_per_week for r, s in zip(self.roles, self.in_scope, strict=True) if s)


def read_facts(
    plan: Plan, *, clinical_scope: bool, keep: Iterable[str] = (), retire: Iterable[str] = ()
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


def _read_pairs(facts: Facts) -> None:
    plan = facts.plan
    providers = _providers(facts)
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
                pair = Pair(committee.id, function, need, tuple(who))
                (facts.essential if need is Requirement.ESSENTIAL else facts.expected).append(pair)
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
            facts.single_points.append(
                SinglePoint(tier_id, function, {p: tuple(r) for p, r in holders.items()})
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
    programmes = {name_key(p.name): p for p in plan.programmes}
    matcher = ProfessionMatcher(plan)
    seated: dict[str, list[int]] = {}
    for index, role in enumerate(facts.roles):
        if not role.clinical:
            continue
        for cid in dict.fromkeys(role.committee_ids):
            seated.setdefault(cid, []).append(index)
    for committee in plan.committees:
        if not KIND_INFO[committee.kind].needs_clinical_voice:
            continue
        clinical = seated.get(committee.id, [])
        if not clinical:
            continue
        facts.voices.append(Voice(committee.id, (tuple(clinical),)))
        groups: list[tuple[int, ...]] = []
        for area in committee.programme_areas:
            programme = programmes.get(name_key(area))
            if programme is None:
                continue
            wanted = {matcher.canonical(p) for p in programme.professions} - {""}
            if not wanted:
                continue
            match = tuple(
                i for i in clinical if matcher.canonical(facts.roles[i].profession) in wanted
            )
            if not match:  # PRO001 fires today already: nothing a reduction can lose
                groups = []
                break
            groups.append(match)
        if groups:
            facts.professions.append(Voice(committee.id, tuple(groups)))

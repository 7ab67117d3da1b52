"""A small, readable builder of plans for tests: refer to things by name, get stable ids.

Example::

    plan = (
        PlanBuilder()
        .tier("System", "executive")
        .committee("ICB Board", tier="System")
        .role("Medical Director", on=["ICB Board"], functions=["analytical"], holder="Dr A")
        .build()
    )

Ids are derived from names so tests can predict them: tier ``tier_<slug>``, stage
``stg_<slug>``, committee ``com_<slug>``, person ``per_<slug>``, role ``rol_<slug>`` (a
repeated title gets ``_2``, ``_3``...; or pass ``id=``). ``slug`` lower-cases and turns every
run of other characters into one underscore. By default a plan has the three default stages,
the default requirement profile, programme table and profession synonyms. Tier names that are
level or ICS preset names ("system", "programme", "place", "neighbourhood", "executive"...) are
created on first use without a ``.tier()`` call. ``build()`` checks integrity unless
``check=False``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from govplanner.domain.catalogue import (
    DEFAULT_PROFESSION_SYNONYMS,
    DEFAULT_PROGRAMMES,
    DEFAULT_STAGES,
    TIER_NAME_LEVELS,
)
from govplanner.domain.enums import Function, Level, Requirement, Source
from govplanner.domain.integrity import check_plan
from govplanner.domain.model import (
    AcceptedFinding,
    Committee,
    Line,
    Person,
    Plan,
    Programme,
    Role,
    Stage,
    Tier,
)
from govplanner.domain.names import name_key
from govplanner.domain.presets import default_profile

DEFAULT_STAGE_NAMES: tuple[str, ...] = tuple(s.name for s in DEFAULT_STAGES)


def slug(name: str) -> str:
    """The id-friendly form of a name: 'ICB Board' -> 'icb_board'."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def tier_id(name: str) -> str:
    return f"tier_{slug(name)}"


def stage_id(name: str) -> str:
    return f"stg_{slug(name)}"


def committee_id(name: str) -> str:
    return f"com_{slug(name)}"


def person_id(name: str) -> str:
    return f"per_{slug(name)}"


def role_id(title: str, n: int = 1) -> str:
    """The id of the n-th role with this title (1 for the first)."""
    return f"rol_{slug(title)}" + ("" if n == 1 else f"_{n}")


@dataclass
class _RoleSpec:
    id: str
    title: str
    on: list[str]
    functions: list[Function]
    holder: str | None
    clinical: bool
    profession: str
    sessions: float


@dataclass
class PlanBuilder:
    """Builds a :class:`Plan` step by step; every method returns the builder."""

    name: str = "Test plan"
    _tiers: list[Tier] = field(default_factory=list)
    _stage_names: list[str] = field(default_factory=lambda: list(DEFAULT_STAGE_NAMES))
    _overrides: list[tuple[Level, str, Function, Requirement]] = field(default_factory=list)
    _committees: list[tuple[Committee, str, str | None, str | None]] = field(default_factory=list)
    _roles: list[_RoleSpec] = field(default_factory=list)
    _people: dict[str, Person] = field(default_factory=dict)
    _programmes: dict[str, Programme] = field(
        default_factory=lambda: {
            name_key(k): Programme(name=k, professions=list(v))
            for k, v in DEFAULT_PROGRAMMES.items()
        }
    )
    _synonyms: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PROFESSION_SYNONYMS))
    _default_capacity: float = 4.0
    _accepted: list[AcceptedFinding] = field(default_factory=list)

    # -- structure ---------------------------------------------------------------------------

    def tier(self, name: str, level: Level | str) -> PlanBuilder:
        """Add a tier (tiers keep the order they are added in: top tier first)."""
        self._tiers.append(Tier(id=tier_id(name), name=name, level=Level(level)))
        return self

    def stages(self, *names: str) -> PlanBuilder:
        """Replace the default three stages with these, in order (none at all is allowed)."""
        self._stage_names = list(names)
        return self

    def requirement(
        self, level: Level | str, stage: str, function: Function | str, req: Requirement | str
    ) -> PlanBuilder:
        """Override one entry of the requirement profile (stage by name)."""
        self._overrides.append((Level(level), stage, Function(function), Requirement(req)))
        return self

    def committee(
        self,
        name: str,
        *,
        tier: str,
        reports_to: str | None = None,
        stage: str | None = None,
        programme: str = "",
    ) -> PlanBuilder:
        """Add a committee; tier, reports_to and stage are names, resolved at build time."""
        com = Committee(id=committee_id(name), name=name, tier_id="?", programme_area=programme)
        self._committees.append((com, tier, reports_to, stage))
        return self

    def role(
        self,
        title: str,
        *,
        on: Iterable[str] = (),
        functions: Iterable[Function | str] = (),
        holder: str | None = None,
        clinical: bool = True,
        profession: str = "",
        sessions: float = 0.0,
        id: str | None = None,
    ) -> PlanBuilder:
        """Add a role seated on the named committees, held by the named person (or vacant)."""
        if id is None:
            n = 1 + sum(1 for r in self._roles if slug(r.title) == slug(title))
            id = role_id(title, n)
        spec = _RoleSpec(
            id,
            title,
            list(on),
            [Function(f) for f in functions],
            holder,
            clinical,
            profession,
            float(sessions),
        )
        self._roles.append(spec)
        return self

    def person(
        self,
        name: str,
        *,
        profession: str = "",
        capacity: float | None = None,
        sources: Iterable[Source | str] | None = None,
    ) -> PlanBuilder:
        """Declare a person (holders not declared are created with defaults)."""
        recorded = None if sources is None else [Source(s) for s in sources]
        self._people[name_key(name)] = Person(
            id=person_id(name),
            name=name,
            profession=profession,
            capacity=capacity,
            sources=recorded,
        )
        return self

    # -- settings ----------------------------------------------------------------------------

    def programme(self, name: str, professions: Iterable[str]) -> PlanBuilder:
        """Add or replace a programme area in the plan's table."""
        self._programmes[name_key(name)] = Programme(name=name, professions=list(professions))
        return self

    def no_programmes(self) -> PlanBuilder:
        self._programmes.clear()
        return self

    def synonym(self, synonym: str, profession: str) -> PlanBuilder:
        self._synonyms[synonym.strip().lower()] = profession
        return self

    def default_capacity(self, sessions: float) -> PlanBuilder:
        self._default_capacity = sessions
        return self

    def accept(self, key: str, rationale: str = "Accepted for the test.") -> PlanBuilder:
        """Accept the finding with this key (see ``govplanner.analysis.result.finding_key``)."""
        self._accepted.append(AcceptedFinding(key=key, rationale=rationale))
        return self

    # -- build -------------------------------------------------------------------------------

    def build(self, *, check: bool = True) -> Plan:
        """The plan; with ``check`` (default) it must pass the integrity check."""
        stages = [Stage(id=stage_id(n), name=n) for n in self._stage_names]
        profile = default_profile(stages)
        for level, stage, function, req in self._overrides:
            profile[level][stage_id(stage)][function] = req
        tiers = list(self._tiers)
        committees = [self._resolve_committee(c, t, r, s, tiers) for c, t, r, s in self._committees]
        people = dict(self._people)
        for spec in self._roles:
            if spec.holder is not None and name_key(spec.holder) not in people:
                people[name_key(spec.holder)] = Person(id=person_id(spec.holder), name=spec.holder)
        roles = [self._resolve_role(spec) for spec in self._roles]
        plan = Plan(
            name=self.name,
            tiers=tiers,
            stages=stages,
            profile=profile,
            programmes=list(self._programmes.values()),
            profession_synonyms=dict(self._synonyms),
            default_capacity=self._default_capacity,
            committees=committees,
            roles=roles,
            people=list(people.values()),
            accepted=list(self._accepted),
        )
        if check:
            check_plan(plan)
        return plan

    def _resolve_committee(
        self,
        com: Committee,
        tier: str,
        reports_to: str | None,
        stage: str | None,
        tiers: list[Tier],
    ) -> Committee:
        if all(t.id != tier_id(tier) for t in tiers):
            level = TIER_NAME_LEVELS.get(name_key(tier))
            if level is None:
                raise ValueError(f"Unknown tier {tier!r}: add it with .tier(name, level).")
            tiers.append(Tier(id=tier_id(tier), name=tier.strip().capitalize(), level=level))
        return com.model_copy(
            update={
                "tier_id": tier_id(tier),
                "lines": [] if reports_to is None else [Line(to_id=committee_id(reports_to))],
                "stage_id": None if stage is None else stage_id(stage),
            }
        )

    def _resolve_role(self, spec: _RoleSpec) -> Role:
        return Role(
            id=spec.id,
            title=spec.title,
            committee_ids=[committee_id(c) for c in spec.on],
            profession=spec.profession,
            clinical=spec.clinical,
            functions=spec.functions,
            sessions_per_week=spec.sessions,
            holder_id=None if spec.holder is None else person_id(spec.holder),
        )

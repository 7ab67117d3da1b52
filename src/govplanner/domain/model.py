"""The plan: tiers, stages, organisations, committees, roles, people and their settings.

Plain pydantic models with stable ids. References between items are by id and are declared
once, in :mod:`govplanner.domain.references`; integrity is checked in one place
(:mod:`govplanner.domain.integrity`), not by the models themselves, so a plan can be built up
step by step and checked when it is complete.

A committee's lines out (accountable to, advises) and a role's seats (with their membership)
are small collections of their own, each entry with its own reference.

Most items are pydantic models. Those a national plan holds by the ten thousand (roles, people,
seats, lines) are slotted pydantic dataclasses instead: validated in about two-thirds of a
model's time (half for the small ones), in a fraction of the memory, and read without
pydantic's attribute hook, which slows every read of a model's field on Python 3.11. They
validate (assignments too) and forbid extra fields as the models do; roles and people answer
the few model methods govplanner uses (``model_validate``, ``model_dump``, ``model_copy``,
``model_fields``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic.dataclasses import dataclass
from pydantic_core import ArgsKwargs

from govplanner.domain.enums import (
    CommitteeKind,
    Function,
    Level,
    LineKind,
    Membership,
    OrganisationType,
    Requirement,
    Rule,
    Source,
)
from govplanner.domain.names import new_id
from govplanner.domain.proposal import Proposal
from govplanner.domain.records import RECORD_CONFIG, Record
from govplanner.domain.records import Line as Line  # re-exported: items are imported from here
from govplanner.domain.records import Seat as Seat
from govplanner.domain.vocabulary import Vocabulary

#: Limits on free text keep files sane; they are far above any real use.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=20_000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Sessions = Annotated[float, Field(ge=0, le=100)]
#: Money (pounds a year); bounded so arithmetic and spreadsheets stay exact and sane.
Money = Annotated[float, Field(ge=0, le=1_000_000_000)]

DEFAULT_CAPACITY = 4.0
#: How many days before a term ends the analysis starts warning about it (TRM001).
DEFAULT_TERM_WARNING_DAYS = 90


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Tier(_Item):
    """A tier of governance as the user names it, mapped to one of the three levels."""

    id: str = Field(default_factory=lambda: new_id("tier"))
    name: Name
    level: Level


class Stage(_Item):
    """A stage of integration; a plan's stages are ordered."""

    id: str = Field(default_factory=lambda: new_id("stg"))
    name: Name
    description: Text = ""


class Organisation(_Item):
    """A body in the system (ICB, trust, council...); committees belong to, roles come from it."""

    id: str = Field(default_factory=lambda: new_id("org"))
    name: Name
    type: OrganisationType = OrganisationType.OTHER
    #: people served (for cost per 100,000 population); None when not recorded
    population: Annotated[int, Field(ge=0, le=100_000_000)] | None = None


class InCommonGroup(_Item):
    """Committees of different bodies that meet together, each still deciding for its own."""

    id: str = Field(default_factory=lambda: new_id("grp"))
    name: Name
    description: Text = ""


class Committee(_Item):
    """A committee (board, group, forum) at one tier, of one kind, belonging to its bodies."""

    id: str = Field(default_factory=lambda: new_id("com"))
    name: Name
    tier_id: str
    kind: CommitteeKind = CommitteeKind.DECISION
    #: the bodies it belongs to; several make it a joint committee
    organisation_ids: list[str] = Field(default_factory=list)
    #: the committees-in-common group it meets in, if any
    group_id: str | None = None
    lines: list[Line] = Field(default_factory=list)
    stage_id: str | None = None
    #: one or more programme areas, separated by ';'
    programme_area: ShortText = ""
    purpose: Text = ""
    chair_role_id: str | None = None
    #: members needed for a quorum (None: not recorded)
    quorum: Annotated[int, Field(ge=1, le=1000)] | None = None
    #: the quorum must include a clinical or care professional member
    quorum_clinical: bool = False
    #: anything else the terms of reference say about the quorum, as written
    quorum_note: ShortText = ""
    meeting_frequency: ShortText = ""
    #: per-function overrides of the kind's requirement
    requirements: dict[Function, Requirement] = Field(default_factory=dict)
    #: where the committee came from (the source plan of a merge), if anywhere
    origin: ShortText = ""

    @model_validator(mode="before")
    @classmethod
    def _one_reporting_line(cls, data: Any) -> Any:
        """``reports_to_id=X`` (schema 2's one line) builds one accountable line to X."""
        if isinstance(data, dict) and "reports_to_id" in data:
            data = dict(data)
            target = data.pop("reports_to_id")
            if target is not None and "lines" not in data:
                data["lines"] = [{"to_id": target, "kind": LineKind.ACCOUNTABLE}]
            data.setdefault("lines", [])
        return data

    @property
    def accountable_to_ids(self) -> list[str]:
        """The committees this one is accountable to, in order."""
        return [line.to_id for line in self.lines if line.kind is LineKind.ACCOUNTABLE]

    @property
    def advises_ids(self) -> list[str]:
        return [line.to_id for line in self.lines if line.kind is LineKind.ADVISES]

    @property
    def reports_to_id(self) -> str | None:
        """The first accountable line's target: the single-line view of schema 2.

        Code that must see every line reads :attr:`lines` or :attr:`accountable_to_ids`.
        """
        targets = self.accountable_to_ids
        return targets[0] if targets else None

    @reports_to_id.setter
    def reports_to_id(self, target: str | None) -> None:
        others = [line for line in self.lines if line.kind is not LineKind.ACCOUNTABLE]
        self.lines = ([Line(to_id=target)] if target else []) + others

    @property
    def programme_areas(self) -> list[str]:
        """The areas named in :attr:`programme_area`, in order, blanks dropped."""
        return [a.strip() for a in self.programme_area.split(";") if a.strip()]


@dataclass(slots=True, kw_only=True, config=RECORD_CONFIG)
class Role(Record):
    """A leadership role: seats on committees, and the person holding it (none if vacant)."""

    id: str = Field(default_factory=lambda: new_id("rol"))
    title: Name
    seats: list[Seat] = Field(default_factory=list)
    #: the bodies that employ, appoint or nominate it (a joint post names several)
    organisation_ids: list[str] = Field(default_factory=list)
    #: the role it deputises for (its deputy seats provide only as DEP001 says)
    deputy_for_id: str | None = None
    profession: ShortText = ""
    clinical: bool = True
    functions: list[Function] = Field(default_factory=list)
    activities: list[str] = Field(default_factory=list)
    sessions_per_week: Sessions = 0.0
    #: the cost of one weekly session for a year, when it differs from the plan's
    cost_per_session: Money | None = None
    holder_id: str | None = None
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    notes: Text = ""
    origin: ShortText = ""

    @model_validator(mode="before")
    @classmethod
    def _member_seats(cls, data: Any) -> Any:
        """``committee_ids=[...]`` (schema 2's seats) builds a member seat on each, given to
        the constructor (as keywords) or in a dict."""
        if isinstance(data, ArgsKwargs):
            if data.kwargs and "committee_ids" in data.kwargs:
                return ArgsKwargs(data.args, _seated(data.kwargs))
        elif isinstance(data, dict) and "committee_ids" in data:
            return _seated(data)
        return data

    @property
    def committee_ids(self) -> list[str]:
        """The committees the role sits on, in seat order (any membership)."""
        return [seat.committee_id for seat in self.seats]

    @committee_ids.setter
    def committee_ids(self, ids: list[str]) -> None:
        """Seat the role on these committees, keeping each kept seat's membership."""
        kept = {seat.committee_id: seat.membership for seat in self.seats}
        self.seats = [
            Seat(committee_id=cid, membership=kept.get(cid, Membership.MEMBER)) for cid in ids
        ]

    def membership_on(self, committee_id: str) -> Membership | None:
        for seat in self.seats:
            if seat.committee_id == committee_id:
                return seat.membership
        return None

    @property
    def is_filled(self) -> bool:
        return self.holder_id is not None


def _seated(data: Mapping[str, Any]) -> dict[str, Any]:
    data = dict(data)
    ids = data.pop("committee_ids")
    if "seats" not in data:
        data["seats"] = [{"committee_id": cid} for cid in ids]
    return data


@dataclass(slots=True, kw_only=True, config=RECORD_CONFIG)
class Person(Record):
    """A person who holds roles. ``sources`` is None when not recorded, [] when recorded as none."""

    id: str = Field(default_factory=lambda: new_id("per"))
    name: Name
    profession: ShortText = ""
    capacity: Sessions | None = None
    sources: list[Source] | None = None
    origin: ShortText = ""


for _record in (Role, Person):
    _record.model_fields = _record.__pydantic_fields__


class Programme(_Item):
    """A programme area and the professions that deliver it."""

    name: Name
    professions: list[Name] = Field(default_factory=list)


class AcceptedFinding(_Item):
    """A finding the user has accepted, with the reason; it stays in reports, marked accepted."""

    key: str
    rationale: Text
    accepted_by: ShortText = ""
    accepted_on: dt.date = Field(default_factory=dt.date.today)
    review_on: dt.date | None = None


#: level -> stage id -> function -> requirement
Profile = dict[Level, dict[str, dict[Function, Requirement]]]
#: committee kind -> function -> rule (follow the profile, or a fixed requirement)
KindRules = dict[CommitteeKind, dict[Function, Rule]]


def _default_kind_rules() -> KindRules:
    from govplanner.domain.governance import default_kind_rules

    return default_kind_rules()


class Plan(_Item):
    """A whole governance plan: what a ``.govplan`` file holds."""

    name: Name = "Untitled plan"
    description: Text = ""
    tiers: list[Tier] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    profile: Profile = Field(default_factory=dict)
    programmes: list[Programme] = Field(default_factory=list)
    profession_synonyms: dict[str, str] = Field(default_factory=dict)
    default_capacity: Sessions = DEFAULT_CAPACITY
    term_warning_days: Annotated[int, Field(ge=0, le=3650)] = DEFAULT_TERM_WARNING_DAYS
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    kind_rules: KindRules = Field(default_factory=_default_kind_rules)
    #: the cost of one weekly session for a year (pounds); None when not recorded
    cost_per_session: Money | None = None
    #: profession -> cost of one weekly session for a year, overriding the plan's
    profession_costs: dict[str, Money] = Field(default_factory=dict)
    #: the date this structure takes effect (a step of a transition), if set
    effective_date: dt.date | None = None
    organisations: list[Organisation] = Field(default_factory=list)
    groups: list[InCommonGroup] = Field(default_factory=list)
    committees: list[Committee] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    accepted: list[AcceptedFinding] = Field(default_factory=list)
    #: how this plan was made, when it is a proposal (domain/proposal.py); None otherwise
    proposal: Proposal | None = None

    # -- look-ups (linear; callers with hot loops build their own indexes) -----------------

    def tier(self, tier_id: str) -> Tier | None:
        return next((t for t in self.tiers if t.id == tier_id), None)

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def committee(self, committee_id: str) -> Committee | None:
        return next((c for c in self.committees if c.id == committee_id), None)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def organisation(self, organisation_id: str) -> Organisation | None:
        return next((o for o in self.organisations if o.id == organisation_id), None)

    def group(self, group_id: str) -> InCommonGroup | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def capacity_of(self, person: Person) -> float:
        return self.default_capacity if person.capacity is None else person.capacity

    def current_stage_id(self, committee: Committee) -> str | None:
        """A committee with no stage set is at the plan's first stage."""
        if committee.stage_id is not None:
            return committee.stage_id
        return self.stages[0].id if self.stages else None

    def requirement(self, level: Level, stage_id: str, function: Function) -> Requirement:
        """The profile entry; a missing entry falls back to the study-derived default."""
        from govplanner.domain.catalogue import default_requirement

        entry = self.profile.get(level, {}).get(stage_id, {}).get(function)
        if entry is not None:
            return entry
        index = next((i for i, s in enumerate(self.stages) if s.id == stage_id), 0)
        return default_requirement(level, index, len(self.stages), function)

    def kind_rule(self, kind: CommitteeKind, function: Function) -> Rule:
        """The kind's rule for a function; a missing entry falls back to the kind's default."""
        rule = self.kind_rules.get(kind, {}).get(function)
        if rule is not None:
            return rule
        from govplanner.domain.governance import KIND_INFO

        return KIND_INFO[kind].rule

    def committee_requirement(
        self, committee: Committee, level: Level, stage_id: str | None, function: Function
    ) -> Requirement:
        """What ``committee`` needs of a function: its override, else its kind's rule.

        ``stage_id`` is the stage to judge at (the committee's current one, or a what-if);
        a kind that follows the profile reads the level x stage entry.
        """
        override = committee.requirements.get(function)
        if override is not None:
            return override
        fixed = self.kind_rule(committee.kind, function).requirement
        if fixed is not None:
            return fixed
        if stage_id is None:
            return default_requirement_first(level, function)
        return self.requirement(level, stage_id, function)


def default_requirement_first(level: Level, function: Function) -> Requirement:
    """The first default stage's entry: what a plan without stages requires."""
    from govplanner.domain.catalogue import default_requirement

    return default_requirement(level, 0, 1, function)

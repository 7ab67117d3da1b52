"""The plan: tiers, stages, committees, roles, people and the settings the analysis uses.

Plain pydantic models with stable ids. References between items are by id; integrity is
checked in one place (:mod:`govplanner.domain.integrity`), not by the models themselves, so a
plan can be built up step by step and checked when it is complete.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from govplanner.domain.enums import Function, Level, Requirement, Source
from govplanner.domain.names import new_id
from govplanner.domain.vocabulary import Vocabulary

#: Limits on free text keep files sane; they are far above any real use.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=20_000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Sessions = Annotated[float, Field(ge=0, le=100)]

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


class Committee(_Item):
    """A committee (board, group, forum) at one tier, optionally reporting to another."""

    id: str = Field(default_factory=lambda: new_id("com"))
    name: Name
    tier_id: str
    reports_to_id: str | None = None
    stage_id: str | None = None
    programme_area: ShortText = ""
    purpose: Text = ""
    chair_role_id: str | None = None
    quorum: ShortText = ""
    meeting_frequency: ShortText = ""


class Role(_Item):
    """A leadership role: seats on committees, and the person holding it (none if vacant)."""

    id: str = Field(default_factory=lambda: new_id("rol"))
    title: Name
    committee_ids: list[str] = Field(default_factory=list)
    profession: ShortText = ""
    clinical: bool = True
    functions: list[Function] = Field(default_factory=list)
    activities: list[str] = Field(default_factory=list)
    sessions_per_week: Sessions = 0.0
    holder_id: str | None = None
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    notes: Text = ""

    @property
    def is_filled(self) -> bool:
        return self.holder_id is not None


class Person(_Item):
    """A person who holds roles. ``sources`` is None when not recorded, [] when recorded as none."""

    id: str = Field(default_factory=lambda: new_id("per"))
    name: Name
    profession: ShortText = ""
    capacity: Sessions | None = None
    sources: list[Source] | None = None


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
    committees: list[Committee] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    accepted: list[AcceptedFinding] = Field(default_factory=list)

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

"""The indexes every rule shares, built once per analysis in one linear pass over the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from govplanner.domain.catalogue import default_requirement
from govplanner.domain.enums import (
    FUNCTIONS,
    CommitteeKind,
    Function,
    Level,
    LineKind,
    Membership,
    Requirement,
)
from govplanner.domain.governance import KIND_INFO
from govplanner.domain.model import Committee, Person, Plan, Role, Stage, Tier
from govplanner.domain.vocabulary import Words, words

#: Requirements that make a function "needed" (a gap when missing, counted in coverage).
NEEDED = frozenset((Requirement.ESSENTIAL, Requirement.EXPECTED))

Requirements = dict[Function, Requirement]

#: Each function as one bit, so a committee's functions are a small int (cheap to combine).
FUNCTION_BIT: dict[Function, int] = {f: 1 << i for i, f in enumerate(FUNCTIONS)}
#: Set in a committee's ``provided`` mask when any clinical role sits on it (any membership),
#: and in its ``filled`` mask when a filled clinical role sits on it as member or participant.
CLINICAL_BIT = 1 << len(FUNCTIONS)

_MEMBER, _PARTICIPANT, _DEPUTY = Membership.MEMBER, Membership.PARTICIPANT, Membership.DEPUTY


def function_mask(functions: Iterable[Function]) -> int:
    mask = 0
    for f in functions:
        mask |= FUNCTION_BIT[f]
    return mask


@dataclass(frozen=True, slots=True)
class RoleIndex:
    """What one pass over the roles tells the rules.

    A seat counts for ``seats`` whatever its membership (CLN001 and PRO001 ask who *sits* on
    a committee); only member and participant seats make a role a provider, so only they set
    function bits in ``provided`` and ``filled`` (DOMAIN.md v2).
    """

    #: committee id -> roles seated on it, any membership (plan order; a repeat counts once)
    seats: dict[str, list[Role]]
    #: committee id -> mask of functions its clinical providers declare, plus CLINICAL_BIT if
    #: any clinical role sits on it
    provided: dict[str, int]
    #: committee id -> mask of functions declared by at least one filled clinical provider on
    #: it, plus CLINICAL_BIT if there is one
    filled: dict[str, int]
    #: holder id -> sessions per week of the roles they hold
    load: dict[str, float]
    #: roles without a seat on any existing committee (plan order)
    unseated: list[Role]
    #: holder id -> the roles they hold (plan order)
    held: dict[str, list[Role]] = field(default_factory=dict)
    #: clinical roles that declare no function (plan order)
    unfunctioned: list[Role] = field(default_factory=list)
    #: filled roles whose term ends on or before ``due_by`` (plan order): the only ones
    #: TRM001 and TRM002 can judge, so at national scale they skip the many later terms
    terms: list[Role] = field(default_factory=list)
    #: committee id -> roles seated on it as deputy (plan order; any role, filled or vacant)
    deputies: dict[str, list[Role]] = field(default_factory=dict)
    #: the last day of the analysis's warning window for terms (no limit by default)
    due_by: dt.date = dt.date.max


#: A role's and a seat's fields as index_roles reads them: one C call each (both are slotted
#: dataclasses, read without pydantic's attribute hook)
_ROLE_FIELDS = attrgetter(
    "holder_id", "clinical", "functions", "seats", "sessions_per_week", "term_end"
)
_SEAT_FIELDS = attrgetter("committee_id", "membership")


def index_roles(
    plan: Plan, committees: Collection[str], due_by: dt.date = dt.date.max
) -> RoleIndex:
    """Seats, provided and filled functions per committee, load and roles per holder, and the
    filled roles whose term ends by ``due_by``: one pass."""
    index = _empty_index(committees, due_by)
    provided, filled, load, held = index.provided, index.filled, index.load, index.held
    masks: dict[tuple[Function, ...], int] = {(): CLINICAL_BIT}
    seats_get, held_get, load_get, masks_get = index.seats.get, held.get, load.get, masks.get
    for role in plan.roles:  # 50,000 seats at national scale: kept to plain dict/list steps
        holder, clinical, functions, role_seats, sessions, end = _ROLE_FIELDS(role)
        if holder is not None:
            load[holder] = load_get(holder, 0.0) + sessions
            if (mine := held_get(holder)) is None:  # most people hold one role
                held[holder] = [role]
            else:
                mine.append(role)
            if end is not None and end <= due_by:
                index.terms.append(role)
        mask = masks_get(key := tuple(functions), -1) if clinical else 0
        if mask < 0:  # a clinical role with functions not met before
            mask = masks[key] = function_mask(key) | CLINICAL_BIT
        if mask == CLINICAL_BIT:  # a clinical role without a function
            index.unfunctioned.append(role)
        if len(role_seats) == 1:  # most roles have exactly one seat
            cid, membership = _SEAT_FIELDS(role_seats[0])
            seated = seats_get(cid)
            if seated is not None:
                seated.append(role)
                if membership is not _MEMBER and membership is not _PARTICIPANT:
                    _seat_apart(index, role, cid, membership, mask)
                elif mask:
                    provided[cid] |= mask
                    if holder is not None:
                        filled[cid] |= mask
                continue
        _seat_many(index, role, mask)  # no seat, several (maybe repeated), or a dangling one
    return index


def _empty_index(committees: Collection[str], due_by: dt.date) -> RoleIndex:
    seats: dict[str, list[Role]] = {cid: [] for cid in committees}
    provided, filled = dict.fromkeys(committees, 0), dict.fromkeys(committees, 0)
    return RoleIndex(seats, provided, filled, {}, [], due_by=due_by)


def _seat_apart(index: RoleIndex, role: Role, cid: str, membership: Membership, mask: int) -> None:
    """An attendee or deputy seat: the role sits there (CLN001) but provides nothing."""
    if mask:
        index.provided[cid] |= CLINICAL_BIT
    if membership is _DEPUTY:
        deputies = index.deputies.get(cid)
        if deputies is None:
            index.deputies[cid] = [role]
        elif deputies[-1] is not role:
            deputies.append(role)


def _seat_many(index: RoleIndex, role: Role, mask: int) -> None:
    """Seat a role with no seat or several; a repeated seat counts once, a dangling one not."""
    seats, provided, filled = index.seats, index.provided, index.filled
    seated_anywhere, held = False, role.holder_id is not None
    for seat in role.seats:
        cid, membership = _SEAT_FIELDS(seat)
        seated = seats.get(cid)
        if seated is None:  # a dangling seat: integrity reports it, the analysis skips it
            continue
        seated_anywhere = True
        if not seated or seated[-1] is not role:  # a repeated seat is listed once
            seated.append(role)
        if membership is _MEMBER or membership is _PARTICIPANT:
            if mask:
                provided[cid] |= mask
                if held:
                    filled[cid] |= mask
        else:
            _seat_apart(index, role, cid, membership, mask)
    if not seated_anywhere:
        index.unseated.append(role)


def provides_on(role: Role, committee_id: str) -> bool:
    """The role sits on the committee as member or participant (any of its seats there)."""
    for seat in role.seats:
        if seat.committee_id == committee_id:
            membership = seat.membership
            if membership is _MEMBER or membership is _PARTICIPANT:
                return True
    return False


#: (kind, level, stage id) -> the kind's requirement row, before a committee's own overrides
_RowKey = tuple[CommitteeKind, Level, str | None]


@dataclass(frozen=True, slots=True)
class AnalysisContext:
    """Read-only look-ups over one plan; rules must not change the plan or these indexes."""

    plan: Plan
    tiers: dict[str, Tier]
    tier_order: dict[str, int]
    stages: dict[str, Stage]
    committees: dict[str, Committee]
    #: tier id -> its committees, sorted by name (ignoring case) then id
    committees_by_tier: dict[str, list[Committee]]
    people: dict[str, Person]
    roles: RoleIndex
    #: committee id -> its level (committees on a tier that exists)
    levels: dict[str, Level]
    #: committee id -> its current stage id (None only when the plan has no stages)
    current_stage: dict[str, str | None]
    #: committee id -> function -> requirement at its current stage (committees with a level):
    #: the committee's override, else its kind's rule, else the level x stage profile
    requirements: dict[str, Requirements]
    _profile_cache: dict[tuple[Level, str | None], Requirements]
    #: the date the analysis is for (term ends are judged against it)
    as_of: dt.date
    #: the plan's words for committee, tier and role
    words: Words
    #: committee id -> mask of the functions it needs now (essential or expected; with a level)
    needed: dict[str, int] = field(default_factory=dict)
    _kind_cache: dict[_RowKey, tuple[Requirements, int]] = field(default_factory=dict)
    #: (tier id, function) -> the tier's committees on which it is essential now (by name);
    #: filled on first use (GAP003 and its root causes ask the same question)
    essential_cache: dict[tuple[str, Function], list[Committee]] = field(default_factory=dict)

    @property
    def seats(self) -> dict[str, list[Role]]:
        return self.roles.seats

    @property
    def filled(self) -> dict[str, int]:
        return self.roles.filled

    def stage_name(self, stage_id: str | None) -> str | None:
        stage = None if stage_id is None else self.stages.get(stage_id)
        return None if stage is None else stage.name

    def requirements_at(self, level: Level, stage_id: str | None) -> Requirements:
        """The profile row for a level at a stage (cached: there are few distinct rows)."""
        key = (level, stage_id)
        row = self._profile_cache.get(key)
        if row is None:
            row = _profile_row(self.plan, level, stage_id)
            self._profile_cache[key] = row
        return row

    def requirements_of(
        self, committee: Committee, level: Level, stage_id: str | None
    ) -> tuple[Requirements, int]:
        """What a committee needs at a stage, and the needed functions as a mask.

        The same answer as :meth:`Plan.committee_requirement` for every function (a test
        says so), cached per kind, level and stage for committees without overrides.
        """
        key = (committee.kind, level, stage_id)
        cached = self._kind_cache.get(key)
        if cached is None:
            row = self._kind_row(*key)
            cached = self._kind_cache[key] = (row, needed_mask(row))
        if not committee.requirements:
            return cached
        row = cached[0] | committee.requirements
        return row, needed_mask(row)

    def _kind_row(self, kind: CommitteeKind, level: Level, stage_id: str | None) -> Requirements:
        profile: Requirements | None = None
        row: Requirements = {}
        for function in FUNCTIONS:
            fixed = self.plan.kind_rule(kind, function).requirement
            if fixed is None:
                profile = profile or self.requirements_at(level, stage_id)
                fixed = profile[function]
            row[function] = fixed
        return row

    def needs_voice(self, committee: Committee) -> bool:
        """The committee's kind expects a clinical or care professional voice (CLN001, PRO001)."""
        return KIND_INFO[committee.kind].needs_clinical_voice

    def parent(self, committee: Committee) -> Committee | None:
        """The first committee this one is accountable to that exists (schema 2's one line)."""
        committees, accountable = self.committees, LineKind.ACCOUNTABLE
        for line in committee.lines:
            if line.kind is accountable:
                parent = committees.get(line.to_id)
                if parent is not None:
                    return parent
        return None

    def accountable_to(self, committee: Committee) -> list[Committee]:
        """The existing committees this one is accountable to, in line order, each once."""
        lines = committee.lines
        if len(lines) < 2:  # the common case, kept cheap
            parent = self.parent(committee)
            return [] if parent is None else [parent]
        result: dict[str, Committee] = {}
        for line in lines:
            if line.kind is LineKind.ACCOUNTABLE and line.to_id not in result:
                target = self.committees.get(line.to_id)
                if target is not None:
                    result[line.to_id] = target
        return list(result.values())

    def has_clinical(self, committee_id: str) -> bool:
        """A clinical role, filled or vacant, sits on the committee (any membership)."""
        return bool(self.roles.provided.get(committee_id, 0) & CLINICAL_BIT)

    def is_provided(self, committee_id: str, function: Function) -> bool:
        """A clinical provider on the committee, filled or vacant, declares the function."""
        return bool(self.roles.provided.get(committee_id, 0) & FUNCTION_BIT[function])

    def is_covered(self, committee_id: str, function: Function) -> bool:
        """At least one filled clinical provider on the committee declares the function."""
        return bool(self.roles.filled.get(committee_id, 0) & FUNCTION_BIT[function])

    def providers_of(self, committee_id: str, function: Function) -> list[Role]:
        """Clinical roles seated on the committee as member or participant that declare the
        function (filled or vacant): DOMAIN.md's providers."""
        if not self.is_provided(committee_id, function):
            return []
        return [
            r
            for r in self.seats[committee_id]
            if r.clinical and function in r.functions and provides_on(r, committee_id)
        ]

    def covering_deputies(self, committee_id: str, function: Function) -> list[Role]:
        """DOMAIN.md's DEP001 deputies: filled roles seated on the committee as deputy that
        declare the function and deputise for one of its (vacant) providers of it."""
        deputies = self.roles.deputies.get(committee_id)
        if not deputies:
            return []
        providers = {r.id for r in self.providers_of(committee_id, function)}
        return [
            d
            for d in deputies
            if d.holder_id is not None and function in d.functions and d.deputy_for_id in providers
        ]

    def roles_held(self, person_ids: Collection[str]) -> dict[str, list[Role]]:
        """Person id -> the roles they hold (plan order), for just these people."""
        index = self.roles.held
        return {pid: list(index.get(pid, ())) for pid in person_ids}


def _profile_row(plan: Plan, level: Level, stage_id: str | None) -> Requirements:
    if stage_id is None:  # a plan without stages: the first default stage's row
        return {f: default_requirement(level, 0, 1, f) for f in FUNCTIONS}
    return {f: plan.requirement(level, stage_id, f) for f in FUNCTIONS}


def needed_mask(row: Requirements) -> int:
    """The functions a requirement row makes needed (essential or expected), as a mask."""
    return function_mask(f for f in FUNCTIONS if row[f] in NEEDED)


def _index_committees(ctx: AnalysisContext, first_stage: str | None) -> None:
    """Each committee's stage, tier, level, requirements and needed functions."""
    tiers, by_tier, current_stage = ctx.tiers, ctx.committees_by_tier, ctx.current_stage
    levels, requirements, needed = ctx.levels, ctx.requirements, ctx.needed
    requirements_of = ctx.requirements_of
    for c in ctx.plan.committees:
        cid, stage = c.id, c.stage_id
        if stage is None:
            stage = first_stage
        current_stage[cid] = stage
        tier = tiers.get(c.tier_id)
        if tier is None:  # a dangling tier: integrity reports it; the committee has no level
            continue
        by_tier[tier.id].append(c)
        level = levels[cid] = tier.level
        requirements[cid], needed[cid] = requirements_of(c, level, stage)


def _due_by(plan: Plan, as_of: dt.date) -> dt.date:
    """The last day of the terms warning window (TRM001); no term after it is judged."""
    try:
        return as_of + dt.timedelta(days=plan.term_warning_days)
    except OverflowError:  # a window past the calendar's end: every term is within it
        return dt.date.max


def build_context(plan: Plan, as_of: dt.date | None = None) -> AnalysisContext:
    """Index the plan for the rules: one pass over tiers, stages, committees, roles, people.

    ``as_of`` is the date the analysis is for; today when None.
    """
    as_of = dt.date.today() if as_of is None else as_of
    tiers = {t.id: t for t in plan.tiers}
    committees = {c.id: c for c in plan.committees}
    by_tier: dict[str, list[Committee]] = {t.id: [] for t in plan.tiers}
    ctx = AnalysisContext(
        plan=plan,
        tiers=tiers,
        tier_order={t.id: i for i, t in enumerate(plan.tiers)},
        stages={s.id: s for s in plan.stages},
        committees=committees,
        committees_by_tier=by_tier,
        people={p.id: p for p in plan.people},
        roles=index_roles(plan, committees, _due_by(plan, as_of)),
        levels={},
        current_stage={},
        requirements={},
        _profile_cache={},
        as_of=as_of,
        words=words(plan),
    )
    _index_committees(ctx, plan.stages[0].id if plan.stages else None)
    for committees_of_tier in by_tier.values():  # by name, so no result hangs on list order
        committees_of_tier.sort(key=lambda c: (c.name.casefold(), c.id))
    return ctx

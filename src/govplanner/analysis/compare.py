"""Compare two plans (today's structure and a proposed one): structure, coverage and findings.

Items are matched by id first, then by content and a stable signature (see
:mod:`govplanner.analysis.compare_match`), so a plan re-imported from a register, which gives
everything new ids, or whose rows come in another order, still lines up with the old one and
shows no change. Committees merged into one are reported as a merge
(:mod:`govplanner.analysis.compare_merge`), and changes are said in words
(:mod:`govplanner.analysis.compare_describe`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from govplanner.analysis.compare_coverage import CellChange, Verdict, coverage_changes
from govplanner.analysis.compare_describe import (
    NONE_TEXT,
    Names,
    describe_committee,
    describe_organisation,
    describe_person,
    describe_role,
    describe_settings,
)
from govplanner.analysis.compare_findings import finding_changes
from govplanner.analysis.compare_match import KindMatch, PlanMatch, match_items, match_plans
from govplanner.analysis.compare_merge import Merge, find_merges
from govplanner.analysis.engine import analyse
from govplanner.analysis.result import Finding
from govplanner.domain.items import ITEM_KINDS as KIND_TABLE
from govplanner.domain.items import KINDS, Kind
from govplanner.domain.model import Committee, Organisation, Person, Plan, Role
from govplanner.domain.proposal import ChangeAction, Proposal
from govplanner.domain.vocabulary import Words, words

__all__ = [
    "COMPARED_KINDS",
    "NONE_TEXT",
    "STATUSES",
    "CellChange",
    "Comparison",
    "FieldChange",
    "ItemChange",
    "ItemKind",
    "Merge",
    "Verdict",
    "compare_plans",
    "coverage_changes",
    "match_items",
    "scenario_of",
]

#: a kind of item (a comparison lists the kinds in :data:`COMPARED_KINDS`)
ItemKind = Kind
ItemStatus = Literal["added", "removed", "changed"]
T = TypeVar("T", Committee, Role, Person, Organisation)

STATUSES: tuple[ItemStatus, ...] = ("added", "removed", "changed")
#: the plan lists whose items a comparison reports, in the order reports show them
_REPORTED = {"committees": 0, "roles": 1, "people": 2, "organisations": 3}
#: the kinds of item a comparison lists, in that order (from the domain's table of kinds)
COMPARED_KINDS: tuple[ItemKind, ...] = tuple(
    sorted(
        (k for k in KINDS if KIND_TABLE[k].list_name in _REPORTED),
        key=lambda k: _REPORTED[KIND_TABLE[k].list_name],
    )
)


#: the proposal changes that remove an item of each kind (Plan.proposal)
_REMOVALS: dict[str, tuple[ChangeAction, ...]] = {
    "role": (ChangeAction.RETIRE_ROLE,),
    "committee": (ChangeAction.ABOLISH_COMMITTEE, ChangeAction.COMBINE_COMMITTEES),
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs, in plain words: ('Accountable to', 'ICB Board', 'Place Board')."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A committee, role, person or organisation added, removed or changed."""

    kind: ItemKind
    status: ItemStatus
    #: the name in the after plan (the before name for a removed item)
    name: str
    #: the name in the before plan (None for an added item)
    before_name: str | None
    #: the tier (or for a role, the committees) it belongs to, for context
    where: str
    fields: tuple[FieldChange, ...] = ()
    #: why it changed, when the after plan is a proposal that recorded it (Plan.proposal)
    why: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything that differs between two plans, judged as of one date."""

    before_plan: str
    after_plan: str
    as_of: dt.date
    committees: tuple[ItemChange, ...]
    roles: tuple[ItemChange, ...]
    people: tuple[ItemChange, ...]
    coverage: tuple[CellChange, ...]
    #: open findings of the after plan that the before plan did not have
    opened: tuple[Finding, ...]
    #: open findings of the before plan that the after plan no longer has (not even accepted)
    closed: tuple[Finding, ...]
    before_summary: dict[str, int]
    after_summary: dict[str, int]
    organisations: tuple[ItemChange, ...] = ()
    #: committees merged into one (not also listed as removed or added)
    merges: tuple[Merge, ...] = ()
    #: plan-wide settings that differ (costs, default capacity, kinds' requirements...)
    settings: tuple[FieldChange, ...] = ()
    #: where each plan came from, in words ('the file a.govplan in C:\Plans, as saved at
    #: 14:02 on 2 December 2026'); empty when the caller did not say
    before_source: str = ""
    after_source: str = ""
    #: open findings of the before plan that the after plan still has, but accepted
    accepted: tuple[Finding, ...] = ()
    #: how the after plan was made, when it is a proposal (its record, Plan.proposal)
    proposal: Proposal | None = None

    def coverage_count(self, verdict: Verdict) -> int:
        return sum(1 for c in self.coverage if c.verdict == verdict)

    def cells(self, verdict: Verdict) -> tuple[CellChange, ...]:
        """The coverage cells with this verdict, in tier then function order."""
        return tuple(c for c in self.coverage if c.verdict == verdict)

    def changes_of(self, kind: ItemKind) -> tuple[ItemChange, ...]:
        """The changes to items of ``kind`` (one of :data:`COMPARED_KINDS`)."""
        lists = {
            "committee": self.committees,
            "role": self.roles,
            "person": self.people,
            "organisation": self.organisations,
        }
        return lists.get(kind, ())

    def count(self, kind: ItemKind, status: ItemStatus) -> int:
        return sum(1 for c in self.changes_of(kind) if c.status == status)

    @property
    def merged_count(self) -> int:
        """How many committees were merged into others."""
        return sum(len(m.sources) for m in self.merges)

    @property
    def is_same(self) -> bool:
        return not (
            self.committees
            or self.roles
            or self.people
            or self.organisations
            or self.merges
            or self.settings
            or self.opened
            or self.closed
            or self.accepted
        ) and all(c.verdict == "same" for c in self.coverage)


def compare_plans(before: Plan, after: Plan, *, as_of: dt.date | None = None) -> Comparison:
    """What changes from ``before`` to ``after``; both are analysed as of the same date."""
    day = dt.date.today() if as_of is None else as_of
    old, new = analyse(before, as_of=day), analyse(after, as_of=day)
    # Both sides are labelled in the after plan's words, so plans that name things differently
    # ("committee" and "forum") still compare field by field.
    sides = _Sides(Names(before), Names(after), words(after), after.proposal)
    match = match_plans(before, after, sides.role)
    merges = find_merges(before, after, match)
    opened, closed, accepted = finding_changes(old, new, match)
    items = _item_changes(before, after, match, sides, merges)
    return Comparison(
        before_plan=before.name,
        after_plan=after.name,
        as_of=day,
        committees=items["committee"],
        roles=items["role"],
        people=items["person"],
        coverage=coverage_changes(old, new, match.committees, sides.new.committees),
        opened=opened,
        closed=closed,
        before_summary=dict(old.summary),
        after_summary=dict(new.summary),
        organisations=items["organisation"],
        merges=merges,
        accepted=accepted,
        proposal=after.proposal,
        settings=_field_changes(
            describe_settings(before, sides.w), describe_settings(after, sides.w)
        ),
    )


def _item_changes(
    before: Plan, after: Plan, match: PlanMatch, sides: _Sides, merges: tuple[Merge, ...]
) -> dict[str, tuple[ItemChange, ...]]:
    """Each kind's changes; merged committees (and new ones they merged into) left out."""
    merged = {s for m in merges for s in _ids_named(before.committees, m.sources)}
    merged |= {
        c.id for m in merges if m.target_is_new for c in after.committees if c.name == m.target
    }
    return {
        "committee": _changes(
            "committee",
            before.committees,
            after.committees,
            match.committees,
            sides.committee,
            sides,
            skip=merged,
        ),
        "role": _changes("role", before.roles, after.roles, match.roles, sides.role, sides),
        "person": _changes(
            "person", before.people, after.people, match.people, sides.person, sides
        ),
        "organisation": _changes(
            "organisation",
            before.organisations,
            after.organisations,
            match.organisations,
            sides.organisation,
            sides,
        ),
    }


def scenario_of(plan: Plan, name: str | None = None) -> Plan:
    """A copy of ``plan`` to edit as a scenario; ids are kept, so a comparison matches by id."""
    copy = plan.model_copy(deep=True)
    copy.name = name if name else f"{plan.name} (scenario)"[:200]
    return copy


def _ids_named(items: Sequence[Committee], names: Sequence[str]) -> list[str]:
    wanted = set(names)
    return [c.id for c in items if c.name in wanted]


# -- structure ---------------------------------------------------------------------------------


class _Sides:
    """Describes items of either plan (``is_after`` picks the plan), remembering each answer."""

    def __init__(self, old: Names, new: Names, w: Words, proposal: Proposal | None = None) -> None:
        self.proposal = proposal
        self.old, self.new, self.w = old, new, w
        self._roles: dict[tuple[str, bool], dict[str, str]] = {}

    def why(self, kind: ItemKind, item_id: str) -> tuple[str, ...]:
        """The proposal's reasons for removing this item, if it recorded any."""
        if self.proposal is None:
            return ()
        actions = _REMOVALS.get(kind, ())
        for action in actions:
            change = self.proposal.change_for(action, item_id)
            if change is not None:
                return tuple(change.reasons)
        return ()

    def names(self, is_after: bool) -> Names:
        return self.new if is_after else self.old

    def committee(self, c: Committee, is_after: bool) -> dict[str, str]:
        return describe_committee(c, self.names(is_after), self.w)

    def role(self, r: Role, is_after: bool) -> dict[str, str]:
        key = (r.id, is_after)
        found = self._roles.get(key)
        if found is None:
            found = self._roles[key] = describe_role(r, self.names(is_after), self.w)
        return found

    def person(self, p: Person, is_after: bool) -> dict[str, str]:
        return describe_person(p, self.names(is_after), self.w)

    def organisation(self, o: Organisation, is_after: bool) -> dict[str, str]:
        return describe_organisation(o, self.names(is_after), self.w)

    def where(self, item: Committee | Role | Person | Organisation, is_after: bool) -> str:
        names = self.names(is_after)
        if isinstance(item, Committee):
            return names.tiers.get(item.tier_id, "")
        if isinstance(item, Role):
            seats = names.of(names.committees, item.committee_ids)
            if seats == NONE_TEXT:
                seats = names.of(names.organisations, item.organisation_ids)
            return "" if seats == NONE_TEXT else seats
        if isinstance(item, Organisation):
            return item.type.label
        return item.profession


def _changes(
    kind: ItemKind,
    before: Sequence[T],
    after: Sequence[T],
    match: KindMatch,
    describe: Callable[[T, bool], dict[str, str]],
    sides: _Sides,
    skip: Collection[str] = (),
) -> tuple[ItemChange, ...]:
    old = {b.id: b for b in before}
    removed = [old[i] for i in match.removed if i not in skip]
    new_ids = set(match.added)
    added = [a for a in after if a.id in new_ids and a.id not in skip]
    result = [_added_or_removed(kind, "added", a, sides.where(a, True)) for a in added]
    result += [
        _added_or_removed(kind, "removed", b, sides.where(b, False), sides.why(kind, b.id))
        for b in removed
    ]
    for a in after:
        b = old.get(match.to_before.get(a.id, ""))
        if b is None:
            continue
        fields = _field_changes(describe(b, False), describe(a, True))
        if fields:
            where = sides.where(a, True)
            result.append(ItemChange(kind, "changed", _name(a), _name(b), where, fields))
    order = {"added": 0, "removed": 1, "changed": 2}
    result.sort(
        key=lambda c: (
            order[c.status],
            c.name.casefold(),
            c.name,
            c.where,
            [(f.field, f.before, f.after) for f in c.fields],
        )
    )
    return tuple(result)


def _field_changes(old: dict[str, str], new: dict[str, str]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(label, old.get(label, NONE_TEXT), value)
        for label, value in new.items()
        if old.get(label, NONE_TEXT) != value
    )


def _added_or_removed(
    kind: ItemKind, status: ItemStatus, item: T, where: str, why: tuple[str, ...] = ()
) -> ItemChange:
    name = _name(item)
    return ItemChange(kind, status, name, None if status == "added" else name, where, (), why)


def _name(item: Committee | Role | Person | Organisation) -> str:
    return item.title if isinstance(item, Role) else item.name

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
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

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
from govplanner.analysis.compare_match import KindMatch, match_items, match_plans
from govplanner.analysis.compare_merge import Merge, find_merges
from govplanner.analysis.engine import analyse
from govplanner.analysis.result import Analysis, CoverageCell, Finding
from govplanner.domain.enums import FUNCTIONS, Function
from govplanner.domain.model import Committee, Organisation, Person, Plan, Role
from govplanner.domain.names import name_key
from govplanner.domain.vocabulary import Words, words

__all__ = [
    "ITEM_KINDS",
    "NONE_TEXT",
    "STATUSES",
    "CellChange",
    "Comparison",
    "FieldChange",
    "ItemChange",
    "ItemKind",
    "Merge",
    "compare_plans",
    "coverage_changes",
    "match_items",
    "scenario_of",
]

ItemKind = Literal["committee", "role", "person", "organisation"]
ItemStatus = Literal["added", "removed", "changed"]
Verdict = Literal["gain", "loss", "same"]
T = TypeVar("T", Committee, Role, Person, Organisation)

STATUSES: tuple[ItemStatus, ...] = ("added", "removed", "changed")
#: the kinds of item a comparison lists, in the order reports show them
ITEM_KINDS: tuple[ItemKind, ...] = ("committee", "role", "person", "organisation")


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


@dataclass(frozen=True, slots=True)
class CellChange:
    """One coverage cell (tier × function) before and after; a missing side is None."""

    tier: str
    function: Function
    before: CoverageCell | None
    after: CoverageCell | None
    #: committees in both plans that had cover for the function and now lack it (after
    #: names); None when the cells were compared without matching committees
    lost: tuple[str, ...] | None = None

    @property
    def verdict(self) -> Verdict:
        """'gain' when fewer committees lack the function, 'loss' when more.

        With as many (but some) lacking it as before, more committees covered is a gain and
        fewer a loss (2/3 → 1/2: one committee lost its cover while another that lacked it was
        closed) — but only when a committee in both plans lost its cover: two covered
        committees merged into one covered committee is no loss. Full cover on both sides is
        the same, however many committees need it.
        """
        before = _standing(self.before)
        after = _standing(self.after)
        if after[0] == before[0] and after[1] > before[1] and self.lost == ():
            return "same"  # fewer covered only because covered committees merged or closed
        return "gain" if after < before else "loss" if after > before else "same"


def _standing(cell: CoverageCell | None) -> tuple[int, int]:
    """Lower is better: the committees lacking the function, then minus those covered."""
    if cell is None or cell.gap <= 0:
        return (0, 0)
    return (cell.gap, -cell.covered)


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

    def coverage_count(self, verdict: Verdict) -> int:
        return sum(1 for c in self.coverage if c.verdict == verdict)

    def cells(self, verdict: Verdict) -> tuple[CellChange, ...]:
        """The coverage cells with this verdict, in tier then function order."""
        return tuple(c for c in self.coverage if c.verdict == verdict)

    def changes_of(self, kind: ItemKind) -> tuple[ItemChange, ...]:
        return {
            "committee": self.committees,
            "role": self.roles,
            "person": self.people,
            "organisation": self.organisations,
        }[kind]

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
    sides = _Sides(Names(before), Names(after), words(after))
    match = match_plans(before, after, sides.role)
    merges = find_merges(before, after, match)
    merged = {s for m in merges for s in _ids_named(before.committees, m.sources)}
    opened, closed, accepted = finding_changes(old, new, match)
    merged_into = {
        c.id for m in merges if m.target_is_new for c in after.committees if c.name == m.target
    }
    return Comparison(
        before_plan=before.name,
        after_plan=after.name,
        as_of=day,
        committees=_changes(
            "committee",
            before.committees,
            after.committees,
            match.committees,
            sides.committee,
            sides,
            skip=merged | merged_into,
        ),
        roles=_changes("role", before.roles, after.roles, match.roles, sides.role, sides),
        people=_changes("person", before.people, after.people, match.people, sides.person, sides),
        coverage=coverage_changes(old, new, match.committees, sides.new.committees),
        opened=opened,
        closed=closed,
        before_summary=dict(old.summary),
        after_summary=dict(new.summary),
        organisations=_changes(
            "organisation",
            before.organisations,
            after.organisations,
            match.organisations,
            sides.organisation,
            sides,
        ),
        merges=merges,
        accepted=accepted,
        settings=_field_changes(
            describe_settings(before, sides.w), describe_settings(after, sides.w)
        ),
    )


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

    def __init__(self, old: Names, new: Names, w: Words) -> None:
        self.old, self.new, self.w = old, new, w
        self._roles: dict[tuple[str, bool], dict[str, str]] = {}

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
    result += [_added_or_removed(kind, "removed", b, sides.where(b, False)) for b in removed]
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


def _added_or_removed(kind: ItemKind, status: ItemStatus, item: T, where: str) -> ItemChange:
    name = _name(item)
    return ItemChange(kind, status, name, None if status == "added" else name, where)


def _name(item: Committee | Role | Person | Organisation) -> str:
    return item.title if isinstance(item, Role) else item.name


# -- coverage and findings ---------------------------------------------------------------------


def coverage_changes(
    before: Analysis,
    after: Analysis,
    committees: KindMatch | None = None,
    names: Mapping[str, str] | None = None,
) -> tuple[CellChange, ...]:
    """Every tier × function cell, tiers matched by name (after's order, then removed tiers).

    With ``committees`` (how the plans' committees match) and ``names`` (the after plan's
    committee names by id), each cell also names the committees that had cover before and
    lack it now (:attr:`CellChange.lost`).
    """
    old = {name_key(row.tier): row for row in before.coverage}
    new_keys = {name_key(row.tier) for row in after.coverage}
    covered_before = {
        f: {cid for row in before.coverage for cid in row.functions[f].covered_ids}
        for f in FUNCTIONS
    }
    names = names or {}
    result = []
    for row in after.coverage:
        previous = old.get(name_key(row.tier))
        for f in FUNCTIONS:
            before_cell = None if previous is None else previous.functions[f]
            cell = row.functions[f]
            lost = None
            if committees is not None:
                open_now = set(cell.required_ids) - set(cell.covered_ids) - set(cell.accepted_ids)
                lost = tuple(
                    sorted(
                        names.get(cid, cid)
                        for cid in open_now
                        if committees.to_before.get(cid) in covered_before[f]
                    )
                )
            result.append(CellChange(row.tier, f, before_cell, cell, lost))
    for row in before.coverage:
        if name_key(row.tier) not in new_keys:
            lost = None if committees is None else ()
            result += [CellChange(row.tier, f, row.functions[f], None, lost) for f in FUNCTIONS]
    return tuple(result)

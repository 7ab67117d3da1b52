"""Compare two plans (today's structure and a proposed one): structure, coverage and findings.

Items are matched by id first and then by name (ignoring case and spacing), so a plan
re-imported from a register, which gives everything new ids, still lines up with the old one.
Roles without a matching id are matched by title and the name of their first committee.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from govplanner.analysis.engine import analyse
from govplanner.analysis.result import Analysis, CoverageCell, Finding
from govplanner.analysis.rules.common import long_date, number
from govplanner.domain.enums import FUNCTIONS, Function
from govplanner.domain.model import Committee, Person, Plan, Role
from govplanner.domain.names import name_key
from govplanner.domain.vocabulary import Words, words

ItemKind = Literal["committee", "role", "person"]
ItemStatus = Literal["added", "removed", "changed"]
Verdict = Literal["gain", "loss", "same"]
T = TypeVar("T", Committee, Role, Person)

NONE_TEXT = "(none)"
STATUSES: tuple[ItemStatus, ...] = ("added", "removed", "changed")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs, in plain words: ('Reports to', 'ICB Board', 'Place Board')."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A committee, role or person added, removed or changed."""

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

    @property
    def verdict(self) -> Verdict:
        """'gain' when fewer committees lack the function, 'loss' when more.

        With as many (but some) lacking it as before, more committees covered is a gain and
        fewer a loss (2/3 → 1/2: one committee lost its cover while another that lacked it was
        closed). Full cover on both sides is the same, however many committees need it.
        """
        before = _standing(self.before)
        after = _standing(self.after)
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
    #: open findings of the before plan that the after plan no longer has
    closed: tuple[Finding, ...]
    before_summary: dict[str, int]
    after_summary: dict[str, int]

    def coverage_count(self, verdict: Verdict) -> int:
        return sum(1 for c in self.coverage if c.verdict == verdict)

    def cells(self, verdict: Verdict) -> tuple[CellChange, ...]:
        """The coverage cells with this verdict, in tier then function order."""
        return tuple(c for c in self.coverage if c.verdict == verdict)

    def changes_of(self, kind: ItemKind) -> tuple[ItemChange, ...]:
        return {"committee": self.committees, "role": self.roles, "person": self.people}[kind]

    def count(self, kind: ItemKind, status: ItemStatus) -> int:
        return sum(1 for c in self.changes_of(kind) if c.status == status)

    @property
    def is_same(self) -> bool:
        return not (
            self.committees or self.roles or self.people or self.opened or self.closed
        ) and all(c.verdict == "same" for c in self.coverage)


def compare_plans(before: Plan, after: Plan, *, as_of: dt.date | None = None) -> Comparison:
    """What changes from ``before`` to ``after``; both are analysed as of the same date."""
    day = dt.date.today() if as_of is None else as_of
    old, new = analyse(before, as_of=day), analyse(after, as_of=day)
    return Comparison(
        before_plan=before.name,
        after_plan=after.name,
        as_of=day,
        committees=_item_changes("committee", before, after),
        roles=_item_changes("role", before, after),
        people=_item_changes("person", before, after),
        coverage=coverage_changes(old, new),
        opened=_unmatched(new, old),
        closed=_unmatched(old, new),
        before_summary=dict(old.summary),
        after_summary=dict(new.summary),
    )


def scenario_of(plan: Plan, name: str | None = None) -> Plan:
    """A copy of ``plan`` to edit as a scenario; ids are kept, so a comparison matches by id."""
    copy = plan.model_copy(deep=True)
    copy.name = name if name else f"{plan.name} (scenario)"[:200]
    return copy


# -- matching ----------------------------------------------------------------------------------


def match_items(
    before: Sequence[T], after: Sequence[T], key: Callable[[T, bool], Hashable]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pairs matched by id, then by ``key(item, is_after)``; then the removed and the added.

    Items sharing a key are paired in list order.
    """
    by_id = {a.id: a for a in after}
    pairs: dict[str, tuple[T, T]] = {}  # after id -> (before, after)
    left = []
    for b in before:
        a = by_id.get(b.id)
        if a is not None and a.id not in pairs:
            pairs[a.id] = (b, a)
        else:
            left.append(b)
    waiting: dict[Hashable, list[T]] = {}
    for a in after:
        if a.id not in pairs:
            waiting.setdefault(key(a, True), []).append(a)
    removed = []
    for b in left:
        queue = waiting.get(key(b, False))
        if queue:
            a = queue.pop(0)
            pairs[a.id] = (b, a)
        else:
            removed.append(b)
    matched_after = {a.id for _, a in pairs.values()}
    added = [a for a in after if a.id not in matched_after]
    ordered = [pairs[a.id] for a in after if a.id in pairs]
    return ordered, removed, added


class _Names:
    """Look-ups from ids to the names a reader sees, for one plan."""

    def __init__(self, plan: Plan) -> None:
        self.tiers = {t.id: t.name for t in plan.tiers}
        self.stages = {s.id: s.name for s in plan.stages}
        self.committees = {c.id: c.name for c in plan.committees}
        self.roles = {r.id: r.title for r in plan.roles}
        self.people = {p.id: p.name for p in plan.people}
        self.plan = plan

    def first_committee(self, role: Role) -> str:
        return next((self.committees[c] for c in role.committee_ids if c in self.committees), "")


def _item_changes(kind: ItemKind, before: Plan, after: Plan) -> tuple[ItemChange, ...]:
    old, new = _Names(before), _Names(after)
    if kind == "committee":
        return _changes(kind, before.committees, after.committees, old, new)
    if kind == "role":
        return _changes(kind, before.roles, after.roles, old, new)
    return _changes(kind, before.people, after.people, old, new)


def _changes(
    kind: ItemKind, before: Sequence[T], after: Sequence[T], old: _Names, new: _Names
) -> tuple[ItemChange, ...]:
    def key(item: T, is_after: bool) -> Hashable:
        names = new if is_after else old
        if isinstance(item, Role):
            return (name_key(item.title), name_key(names.first_committee(item)))
        return name_key(item.name)

    pairs, removed, added = match_items(before, after, key)
    result = [_added_or_removed(kind, "added", a, new) for a in added]
    result += [_added_or_removed(kind, "removed", b, old) for b in removed]
    # Both sides are labelled in the after plan's words, so plans that name things differently
    # ("committee" and "forum") still compare field by field.
    w = words(new.plan)
    for b, a in pairs:
        old_fields, new_fields = _describe(b, old, w), _describe(a, new, w)
        fields = tuple(
            FieldChange(label, old_fields[label], value)
            for label, value in new_fields.items()
            if old_fields[label] != value
        )
        if fields:
            name = _name(a)
            result.append(ItemChange(kind, "changed", name, _name(b), _where(a, new), fields))
    order = {"added": 0, "removed": 1, "changed": 2}
    result.sort(key=lambda c: (order[c.status], c.name.casefold(), c.name))
    return tuple(result)


def _added_or_removed(kind: ItemKind, status: ItemStatus, item: T, names: _Names) -> ItemChange:
    name = _name(item)
    return ItemChange(kind, status, name, None if status == "added" else name, _where(item, names))


def _name(item: Committee | Role | Person) -> str:
    return item.title if isinstance(item, Role) else item.name


def _where(item: Committee | Role | Person, names: _Names) -> str:
    if isinstance(item, Committee):
        return names.tiers.get(item.tier_id, "")
    if isinstance(item, Role):
        return "; ".join(names.committees[c] for c in item.committee_ids if c in names.committees)
    return item.profession


# -- describing items in plain words -----------------------------------------------------------


def _text(value: str | None) -> str:
    return value.strip() if value and value.strip() else NONE_TEXT


def _date(day: dt.date | None) -> str:
    return NONE_TEXT if day is None else long_date(day)


def _describe(item: Committee | Role | Person, names: _Names, w: Words) -> dict[str, str]:
    if isinstance(item, Committee):
        return _describe_committee(item, names, w)
    if isinstance(item, Role):
        return _describe_role(item, names, w)
    return _describe_person(item, names)


def _describe_committee(c: Committee, names: _Names, w: Words) -> dict[str, str]:
    return {
        "Name": c.name,
        w.cap("tier"): _text(names.tiers.get(c.tier_id)),
        "Reports to": _text(names.committees.get(c.reports_to_id or "")),
        "Stage": _text(names.stages.get(names.plan.current_stage_id(c) or "")),
        "Programme area": _text(c.programme_area),
        "Purpose": _text(c.purpose),
        "Chair": _text(names.roles.get(c.chair_role_id or "")),
        "Quorum": _text(c.quorum),
        "Meets": _text(c.meeting_frequency),
    }


def _describe_role(r: Role, names: _Names, w: Words) -> dict[str, str]:
    seats = sorted({names.committees[c] for c in r.committee_ids if c in names.committees})
    return {
        "Title": r.title,
        w.cap("committees"): _text("; ".join(seats)),
        "Profession": _text(r.profession),
        "Clinical": "yes" if r.clinical else "no",
        "Functions": _text(", ".join(f.label for f in FUNCTIONS if f in r.functions)),
        "Activities": _text(", ".join(sorted(r.activities))),
        "Sessions per week": number(r.sessions_per_week),
        "Holder": "vacant" if r.holder_id is None else names.people.get(r.holder_id, "unknown"),
        "Term start": _date(r.term_start),
        "Term end": _date(r.term_end),
        "Notes": _text(r.notes),
    }


def _describe_person(p: Person, names: _Names) -> dict[str, str]:
    if p.sources is None:
        sources = "not recorded"
    else:
        sources = ", ".join(s.label for s in p.sources) or "none"
    return {
        "Name": p.name,
        "Profession": _text(p.profession),
        "Capacity (sessions a week)": number(names.plan.capacity_of(p)),
        "Sources of influence": sources,
    }


# -- coverage and findings ---------------------------------------------------------------------


def coverage_changes(before: Analysis, after: Analysis) -> tuple[CellChange, ...]:
    """Every tier × function cell, tiers matched by name (after's order, then removed tiers)."""
    old = {name_key(row.tier): row for row in before.coverage}
    new_keys = {name_key(row.tier) for row in after.coverage}
    result = []
    for row in after.coverage:
        previous = old.get(name_key(row.tier))
        for f in FUNCTIONS:
            before_cell = None if previous is None else previous.functions[f]
            result.append(CellChange(row.tier, f, before_cell, row.functions[f]))
    for row in before.coverage:
        if name_key(row.tier) not in new_keys:
            result += [CellChange(row.tier, f, row.functions[f], None) for f in FUNCTIONS]
    return tuple(result)


def finding_match_key(f: Finding) -> tuple[str, str, str, str]:
    """Findings match across plans by code, subject name, function and stage name."""
    return (f.code, name_key(f.subject), f.function.value if f.function else "", f.stage or "")


def _unmatched(these: Analysis, others: Analysis) -> tuple[Finding, ...]:
    """Open findings of ``these`` with no open counterpart in ``others`` (counting repeats)."""
    available = Counter(finding_match_key(f) for f in others.open_findings)
    result = []
    for finding in these.open_findings:
        key = finding_match_key(finding)
        if available[key]:
            available[key] -= 1
        else:
            result.append(finding)
    return tuple(result)

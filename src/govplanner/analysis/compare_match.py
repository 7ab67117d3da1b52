"""Which item of one plan is which item of the other: by id, then by content, then by signature.

A plan re-imported from a register gets new ids, and a register's rows may come in any order,
so neither ids nor list positions alone can say which committee, role or person is which.
Items are matched in stages: by id; then (roles) by identical content; then by ever looser
signatures (a role's title, committees, organisations and holder; a committee's or a
person's name). Within a stage, items sharing a signature are paired closest first, judged
on their content, so that the result does not depend on the order of either plan's lists.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from govplanner.domain.model import Plan, Role
from govplanner.domain.names import name_key


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)
#: (item, is_after) -> the signature items are paired on
KeyFn = Callable[[T, bool], Hashable]
#: (item, is_after) -> its content in plain words, field by field
DescribeFn = Callable[[T, bool], dict[str, str]]

#: Above this many candidate pairs in one signature, pair in content order instead of closest
#: first (the closest-first search is quadratic; real plans never come near it).
_CLOSEST_LIMIT = 400


def match_items(
    before: Sequence[T],
    after: Sequence[T],
    *keys: KeyFn[T],
    describe: DescribeFn[T] | None = None,
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pairs matched by id, then by each key in turn; then the removed and the added.

    Without ``describe``, items sharing a key are paired in list order. With it, identical
    items are paired first and the rest closest first (fewest fields differing), ties broken
    by content, so shuffling either list changes nothing.
    """
    pairs, left = _by_id(before, after)
    for key in keys:
        if not left:
            break
        waiting: dict[Hashable, list[T]] = {}
        for a in after:
            if a.id not in pairs:
                waiting.setdefault(key(a, True), []).append(a)
        groups: dict[Hashable, list[T]] = {}
        for b in left:
            k = key(b, False)
            if k in waiting:
                groups.setdefault(k, []).append(b)
        paired_before: set[int] = set()
        for k, befores in groups.items():
            for b, a in _pair_group(befores, waiting[k], describe):
                pairs[a.id] = (b, a)
                paired_before.add(id(b))
        left = [b for b in left if id(b) not in paired_before]
    matched_after = set(pairs)
    added = [a for a in after if a.id not in matched_after]
    ordered = [pairs[a.id] for a in after if a.id in pairs]
    return ordered, left, added


def _by_id(before: Sequence[T], after: Sequence[T]) -> tuple[dict[str, tuple[T, T]], list[T]]:
    """Pairs with the same id (after id -> (before, after)), and the before items left."""
    by_id = {a.id: a for a in after}
    pairs: dict[str, tuple[T, T]] = {}
    left: list[T] = []
    for b in before:
        a = by_id.get(b.id)
        if a is not None and a.id not in pairs:
            pairs[a.id] = (b, a)
        else:
            left.append(b)
    return pairs, left


def _pair_group(
    befores: list[T], afters: list[T], describe: DescribeFn[T] | None
) -> list[tuple[T, T]]:
    if describe is None:
        return list(zip(befores, afters, strict=False))
    old = [tuple(describe(b, False).values()) for b in befores]
    new = [tuple(describe(a, True).values()) for a in afters]
    result: list[tuple[T, T]] = []
    free_b, free_a = set(range(len(befores))), set(range(len(afters)))
    # Identical items first: nothing to report, whichever pairs with whichever.
    by_content: dict[tuple[str, ...], list[int]] = {}
    for j in sorted(free_a, key=lambda j: new[j]):
        by_content.setdefault(new[j], []).append(j)
    for i in sorted(free_b, key=lambda i: old[i]):
        same = by_content.get(old[i])
        if same:
            j = same.pop(0)
            result.append((befores[i], afters[j]))
            free_b.discard(i)
            free_a.discard(j)
    if len(free_b) * len(free_a) <= _CLOSEST_LIMIT:
        candidates = sorted(
            (sum(x != y for x, y in zip(old[i], new[j], strict=False)), old[i], new[j], i, j)
            for i in free_b
            for j in free_a
        )
        for _distance, _o, _n, i, j in candidates:
            if i in free_b and j in free_a:
                result.append((befores[i], afters[j]))
                free_b.discard(i)
                free_a.discard(j)
    else:
        ordered_b = sorted(free_b, key=lambda i: old[i])
        ordered_a = sorted(free_a, key=lambda j: new[j])
        result += [(befores[i], afters[j]) for i, j in zip(ordered_b, ordered_a, strict=False)]
    return result


# -- the plans' items --------------------------------------------------------------------------


@dataclass
class KindMatch:
    """One kind's matching: before id -> after id, and the ids left on each side."""

    to_after: dict[str, str] = field(default_factory=dict)
    to_before: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    def record(self, pairs: Sequence[tuple[_HasId, _HasId]], removed: Sequence[_HasId],
               added: Sequence[_HasId]) -> None:  # fmt: skip
        for b, a in pairs:
            self.to_after[b.id] = a.id
            self.to_before[a.id] = b.id
        self.removed = [b.id for b in removed]
        self.added = [a.id for a in added]

    def canonical(self, item_id: str | None, is_after: bool) -> str:
        """The same token for an item on both sides: its before id ('' for none)."""
        if item_id is None:
            return ""
        if not is_after:
            return item_id
        return self.to_before.get(item_id, f"new:{item_id}")


def _name(item: _HasId) -> str:
    return str(getattr(item, "name", ""))


def name_signature(item: _HasId, _is_after: bool) -> Hashable:
    return name_key(_name(item))


@dataclass
class PlanMatch:
    """How every item of ``before`` lines up with ``after``."""

    tiers: KindMatch = field(default_factory=KindMatch)
    stages: KindMatch = field(default_factory=KindMatch)
    organisations: KindMatch = field(default_factory=KindMatch)
    groups: KindMatch = field(default_factory=KindMatch)
    committees: KindMatch = field(default_factory=KindMatch)
    people: KindMatch = field(default_factory=KindMatch)
    roles: KindMatch = field(default_factory=KindMatch)

    def role_keys(self, old: Plan, new: Plan) -> tuple[KeyFn[Role], ...]:
        """A role's signatures, strictest first: title + committees + organisations + holder.

        Committees, organisations and holders are compared as matched items (so a renamed
        committee still counts as the same), and a role's seats as a set (so their order does
        not matter).
        """

        def committees(role: Role, is_after: bool) -> frozenset[str]:
            return frozenset(self.committees.canonical(c, is_after) for c in role.committee_ids)

        def organisations(role: Role, is_after: bool) -> frozenset[str]:
            ids = role.organisation_ids
            return frozenset(self.organisations.canonical(o, is_after) for o in ids)

        def holder(role: Role, is_after: bool) -> str:
            return self.people.canonical(role.holder_id, is_after)

        def title(role: Role) -> str:
            return name_key(role.title)

        return (
            lambda r, s: (title(r), committees(r, s), organisations(r, s), holder(r, s)),
            lambda r, s: (title(r), committees(r, s), organisations(r, s)),
            lambda r, s: (title(r), committees(r, s), holder(r, s)),
            lambda r, s: (title(r), holder(r, s)),
            lambda r, s: (title(r), committees(r, s)),
            lambda r, _s: title(r),
        )


def match_plans(before: Plan, after: Plan, describe_role: DescribeFn[Role]) -> PlanMatch:
    """Match tiers, stages, organisations, groups, committees and people by id then name,
    then roles by id, identical content and signature (see :meth:`PlanMatch.role_keys`)."""
    match = PlanMatch()
    for kind, old, new in (
        (match.tiers, before.tiers, after.tiers),
        (match.stages, before.stages, after.stages),
        (match.organisations, before.organisations, after.organisations),
        (match.groups, before.groups, after.groups),
        (match.committees, before.committees, after.committees),
        (match.people, before.people, after.people),
    ):
        kind.record(*match_items(old, new, name_signature))

    def content(role: Role, is_after: bool) -> Hashable:
        return tuple(describe_role(role, is_after).values())

    keys = (content, *match.role_keys(before, after))
    match.roles.record(*match_items(before.roles, after.roles, *keys, describe=describe_role))
    return match

"""The one place where a plan's referential integrity is checked.

Ids and names come from the item kinds table, references from the references table: a new
kind or reference is checked here without a line of its own.

Opening a plan checks it, so the check must stay cheap at national scale (50,000 seats): a
quick test first asks, with whole-list operations, whether anything at all is wrong, and only
the parts it doubts are walked item by item to name every problem (the walk says exactly what
the quick test found, in the plan's order).

At that scale the cost is in visiting the items (30,000 roles holding 50,000 seats), not in
the tests: the quick test reads each item once, every field it needs in one step, a chunk of
items at a time so that the tests on a chunk find its values still in the processor's cache,
and tests each chunk with whole-list operations rather than a Python step per item.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, repeat, starmap
from operator import attrgetter, eq, lt
from typing import Any

from govplanner.domain.catalogue import ACTIVITY_BY_CODE
from govplanner.domain.errors import PlanIntegrityError
from govplanner.domain.items import ITEM_KINDS, KINDS, Kind, items_of, label_of
from govplanner.domain.model import Plan
from govplanner.domain.names import name_key
from govplanner.domain.references import REFERENCES, Reference, referenced_ids

#: one chunk's fields, each a column of values in the plan's order
Columns = dict[str, Sequence[Any]]

#: items read and tested together (their values stay in the processor's cache)
_CHUNK = 1024
#: the fields the value checks read, besides ids, names and references
_VALUE_FIELDS: dict[Kind, tuple[str, ...]] = {"role": ("activities", "term_start", "term_end")}
_REFERENCES_OF: dict[Kind, list[Reference]] = {
    kind: [ref for ref in REFERENCES if ref.source == kind] for kind in KINDS
}


def _fields(kind: Kind) -> tuple[str, ...]:
    """The id, the name where names must differ, the references' fields and the fields the
    values are checked by."""
    info = ITEM_KINDS[kind]
    names = (info.label_field,) if info.unique_names else ()
    refs = (ref.field for ref in _REFERENCES_OF[kind])
    return tuple(dict.fromkeys(("id", *names, *refs, *_VALUE_FIELDS.get(kind, ()))))


_FIELDS = {kind: _fields(kind) for kind in KINDS}


def _columns(items: list[Any], fields: tuple[str, ...]) -> Columns:
    """Each field's values over the (non-empty) items, from one visit to each item.

    All the fields in one C call per item (the most numerous items, roles, are slotted
    dataclasses: no trip through pydantic's attribute hook).
    """
    rows = map(attrgetter(*fields), items)
    columns = zip(*rows, strict=True) if len(fields) > 1 else [tuple(rows)]
    return dict(zip(fields, columns, strict=True))


def _keys(names: Sequence[str]) -> map[str]:
    """Each name's :func:`name_key` (strip, then casefold), by C-level maps."""
    return map(str.casefold, map(str.strip, names))


class _Survey:
    """What the quick tests found, from one visit to every item of the plan.

    The kinds are taken smallest first, so that the references of the largest (roles) find
    their targets' ids complete and are tested chunk by chunk; a reference whose targets are
    not all known yet (its own kind, or a larger one) keeps its columns for the end.
    """

    def __init__(self, plan: Plan) -> None:
        self.known: dict[Kind, set[str]] = {kind: set() for kind in KINDS}
        self.name_keys: dict[Kind, set[str]] = {}
        self.unsound: set[Reference] = set()
        self.roles_sound = True
        self.kept: dict[Reference, tuple[list[str], list[Any]]] = {}
        self._or_none: dict[Kind, set[str | None]] = {}
        done: set[Kind] = set()
        for kind in sorted(KINDS, key=lambda k: len(items_of(plan, k))):
            items = items_of(plan, kind)
            for start in range(0, len(items), _CHUNK):
                self._visit(kind, _columns(items[start : start + _CHUNK], _FIELDS[kind]), done)
            done.add(kind)
        for ref, (ids, values) in self.kept.items():
            if not _reference_sound(ids, values, ref, self._targets(ref)):
                self.unsound.add(ref)

    def _targets(self, ref: Reference) -> set[Any]:
        """The ids ``ref`` may hold, and None where it holds one id (it may hold none)."""
        if ref.many or ref.entry_field is not None:
            return self.known[ref.target]
        if ref.target not in self._or_none:
            self._or_none[ref.target] = self.known[ref.target] | {None}
        return self._or_none[ref.target]

    def _visit(self, kind: Kind, columns: Columns, done: set[Kind]) -> None:
        ids = columns["id"]
        self.known[kind].update(ids)
        info = ITEM_KINDS[kind]
        if info.unique_names:
            self.name_keys.setdefault(kind, set()).update(_keys(columns[info.label_field]))
        for ref in _REFERENCES_OF[kind]:
            if ref.target not in done:
                kept_ids, kept_values = self.kept.setdefault(ref, ([], []))
                kept_ids += ids
                kept_values += columns[ref.field]
            elif not _reference_sound(ids, columns[ref.field], ref, self._targets(ref)):
                self.unsound.add(ref)
        if kind == "role" and not _roles_sound(columns):
            self.roles_sound = False


def _duplicates(noun: str, names: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for name in names:
        key = name_key(name)
        if key in seen:
            problems.append(f"There are two {noun}s called '{name}' (names ignore case).")
        seen.add(key)
    return problems


def _identity_sound(plan: Plan, survey: _Survey) -> bool:
    """Whether every id is unique and no two names that must differ are the same."""
    if sum(map(len, survey.known.values())) != sum(len(items_of(plan, k)) for k in KINDS):
        return False  # an id twice within one kind
    sets = list(survey.known.values())
    if not all(a.isdisjoint(b) for i, a in enumerate(sets) for b in sets[i + 1 :]):
        return False  # an id shared by two kinds
    if any(len(keys) != len(items_of(plan, k)) for k, keys in survey.name_keys.items()):
        return False
    names = [p.name for p in plan.programmes]
    return len(set(_keys(names))) == len(names)


def _identity_problems(plan: Plan, survey: _Survey) -> list[str]:
    """Ids unique across the plan; names unique within each kind that needs it."""
    if _identity_sound(plan, survey):
        return []
    seen: set[str] = set()
    problems = []
    for kind in KINDS:
        info = ITEM_KINDS[kind]
        for item in items_of(plan, kind):
            if item.id in seen:
                problems.append(f"The id '{item.id}' is used twice (a {info.noun}).")
            seen.add(item.id)
        if info.unique_names:
            problems += _duplicates(info.noun, [label_of(i) for i in items_of(plan, kind)])
    return problems + _duplicates("programme area", [p.name for p in plan.programmes])


def _reference_sound(
    ids: Sequence[str], values: Sequence[Any], ref: Reference, targets: set[Any]
) -> bool:
    """Whether every item's ids through ``ref`` exist, none twice in one item, none its own
    where that is not allowed: set operations over all the items' ids at once."""
    if ref.entry_field is None and not ref.many:  # one id or None
        return _single_sound(ids, values, ref.self_allowed, targets)
    if not any(values):  # no item lists any (the lists' lengths, not their contents)
        return True
    flat = list(chain.from_iterable(values))
    if ref.entry_field is not None:
        flat = list(map(attrgetter(ref.entry_field), flat))
    counts = list(map(len, values))
    if not targets.issuperset(flat):
        return False
    if not ref.self_allowed and any(map(eq, chain.from_iterable(map(repeat, ids, counts)), flat)):
        return False
    return _each_listed_once(flat, counts)


def _single_sound(
    ids: Sequence[str], values: Sequence[str | None], self_allowed: bool, targets: set[Any]
) -> bool:
    """``targets`` holds None too: an empty reference is fine."""
    if not targets.issuperset(values):
        return False
    return self_allowed or values.count(None) == len(values) or not any(map(eq, ids, values))


def _each_listed_once(flat: list[str], counts: list[int]) -> bool:
    """Whether no item lists an id twice (``flat`` holds every item's ids in turn, ``counts``
    how many each has). A plain loop: cheaper than building a list per item."""
    end = 0
    for count in counts:
        end += count
        if count > 1 and len(set(flat[end - count : end])) != count:
            return False
    return True


def _reference_problems(plan: Plan, survey: _Survey) -> list[str]:
    problems = []
    for ref in REFERENCES:  # in the table's order, as the walk has always reported them
        if ref in survey.unsound:
            known = survey.known[ref.target]
            problems += _problems_of_reference(items_of(plan, ref.source), ref, known)
    return problems


def _problems_of_reference(items: list[Any], ref: Reference, known: set[str]) -> list[str]:
    """Each item's problems with ``ref``, in the plan's order, naming the item."""
    noun = ITEM_KINDS[ref.source].noun.capitalize()
    problems = []
    for item in items:
        targets = referenced_ids(item, ref)
        name = label_of(item)
        if any(t not in known for t in targets):
            problems.append(f"{noun} '{name}' {ref.what} that does not exist.")
        if not ref.self_allowed and item.id in targets:
            problems.append(f"{noun} '{name}' {ref.verb} itself.")
        if len(targets) != len(set(targets)):
            problems.append(f"{noun} '{name}' {ref.what} more than once.")
    return problems


def _roles_sound(roles: Columns) -> bool:
    """Whether every role's activities are known and no term ends before it starts (pairs
    with both dates, compared as the walk does: end < start)."""
    if not ACTIVITY_BY_CODE.keys() >= set(chain.from_iterable(roles["activities"])):
        return False
    return not any(
        starmap(lt, filter(all, zip(roles["term_end"], roles["term_start"], strict=True)))
    )


def _value_problems(plan: Plan, roles_sound: bool) -> list[str]:
    problems = []
    for r in [] if roles_sound else plan.roles:
        for code in r.activities:
            if code not in ACTIVITY_BY_CODE:
                problems.append(f"Role '{r.title}' lists an unknown activity '{code}'.")
        if r.term_start and r.term_end and r.term_end < r.term_start:
            problems.append(f"Role '{r.title}' has a term that ends before it starts.")
    stages = {s.id for s in plan.stages}
    for level, by_stage in plan.profile.items():
        for stage_id in by_stage:
            if stage_id not in stages:
                problems.append(
                    f"The requirement profile for level {level.value} names a stage that "
                    "does not exist."
                )
    if not plan.tiers and plan.committees:
        problems.append("The plan has committees but no tiers.")
    return problems


def plan_problems(plan: Plan) -> list[str]:
    """Every integrity problem in the plan, each a sentence naming the item; [] if none."""
    survey = _Survey(plan)
    return (
        _identity_problems(plan, survey)
        + _reference_problems(plan, survey)
        + _value_problems(plan, survey.roles_sound)
    )


def check_plan(plan: Plan) -> None:
    """Raise :class:`PlanIntegrityError` listing every problem, or return quietly."""
    problems = plan_problems(plan)
    if problems:
        raise PlanIntegrityError(problems)

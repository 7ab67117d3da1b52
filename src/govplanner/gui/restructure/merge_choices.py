"""The app's merge with a review step: each possible same person and committees-in-common
proposal decided one by one (the command line decides them all at once).

No Qt here. The merge itself is the core's (:func:`merge_plans`, people kept apart): the
preview groups nothing; the final merge groups exactly the committees in common the user chose
(``in_common_pairs``), and the same persons chosen are then merged in its result and written
into its report, so the report says what the user decided for each pair and each proposal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from govplanner.domain.integrity import check_plan
from govplanner.domain.model import Committee, Person, Plan
from govplanner.domain.names import name_key
from govplanner.restructure.in_common import propose_in_common
from govplanner.restructure.merge import Source, labels_for, merge_plans
from govplanner.restructure.merge_report import MergeReport


@dataclass(frozen=True)
class Twin:
    """A person in a later plan with the same name and profession as one in an earlier plan."""

    first: Person
    other: Person
    roles: int  # roles the other holds

    @property
    def key(self) -> tuple[str, str]:
        return (self.first.id, self.other.id)


@dataclass(frozen=True)
class Proposal:
    """Committees of different plans that could meet in common."""

    committees: tuple[Committee, ...]

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.committees)

    def names(self) -> str:
        return "; ".join(f"{c.name} ({c.origin})" for c in self.committees)


@dataclass
class MergePreview:
    """What the merge will hold before the user decides: the report, twins and proposals."""

    plan: Plan
    report: MergeReport
    twins: list[Twin]
    proposals: list[Proposal]


def sources_of(plans: Sequence[Plan], paths: Sequence[Path]) -> list[Source]:
    labels = labels_for(plans, [p.stem for p in paths])
    return [Source(plan, label) for plan, label in zip(plans, labels, strict=True)]


def base_name(name: str, labels: Sequence[str]) -> str:
    """The name before the merge added its plan's name to tell it apart (' (Northfield)')."""
    for label in labels:
        tail = f" ({label})"
        if name.endswith(tail):
            return name[: -len(tail)]
    return name


def find_twins(plan: Plan, labels: Sequence[str] = ()) -> list[Twin]:
    """Each later person matched to the first with the same name and profession (the core's
    rule, on names as they were before the merge told them apart), in the order of the plan's
    people (the order of the report's entries)."""
    from govplanner.analysis.rules.clinical import ProfessionMatcher

    matcher = ProfessionMatcher(plan)
    held: dict[str, int] = {}
    for role in plan.roles:
        if role.holder_id is not None:
            held[role.holder_id] = held.get(role.holder_id, 0) + 1
    first: dict[tuple[str, str], Person] = {}
    twins = []
    for person in plan.people:
        key = (name_key(base_name(person.name, labels)), matcher.canonical(person.profession))
        seen = first.setdefault(key, person)
        if seen is not person:
            twins.append(Twin(seen, person, held.get(person.id, 0)))
    return twins


def _source_of(plan: Plan, labels: Sequence[str]) -> dict[str, tuple[int, str]]:
    index = {label: k for k, label in enumerate(labels)}
    found = {}
    for c in plan.committees:
        if c.origin in index:
            tail = f" ({c.origin})"
            name = c.name[: -len(tail)] if c.name.endswith(tail) else c.name
            found[c.id] = (index[c.origin], name)
    return found


def _merge(sources: Sequence[Source], name: str | None) -> tuple[Plan, MergeReport, list[Proposal]]:
    plan, report = merge_plans(sources, name=name, same_person="ask", in_common="none")
    labels = [s.label for s in sources]
    found = propose_in_common(plan, _source_of(plan, labels), labels, report, apply=False)
    return plan, report, [Proposal(tuple(cluster)) for cluster in found]


def preview(sources: Sequence[Source], name: str | None = None) -> MergePreview:
    """The merge as the core proposes it, for the review step."""
    plan, report, proposals = _merge(sources, name)
    return MergePreview(plan, report, find_twins(plan, [s.label for s in sources]), proposals)


def _merge_person(plan: Plan, twin: Twin) -> None:
    keep, drop = twin.first.id, twin.other.id
    for role in plan.roles:
        if role.holder_id == drop:
            role.holder_id = keep
    plan.people = [p for p in plan.people if p.id != drop]


def _decide_people(
    plan: Plan, report: MergeReport, twins: list[Twin], merge: Collection[tuple[str, str]]
) -> None:
    asked = [i for i, e in enumerate(report.entries) if e.section == "same person"]
    asked = [i for i in asked if report.entries[i].action == "to confirm"]
    for index, twin in zip(asked, twins, strict=False):
        entry = report.entries[index]
        same = f"the same name and profession as in {twin.first.origin}"
        if twin.key in merge:
            _merge_person(plan, twin)
            detail = f"{same}: merged into one, as you chose"
            report.entries[index] = dataclasses.replace(entry, action="merged", detail=detail)
        else:
            detail = f"{same}: kept as two people, as you chose"
            report.entries[index] = dataclasses.replace(entry, action="kept apart", detail=detail)


def _restore_names(plan: Plan, report: MergeReport, labels: Sequence[str]) -> None:
    """A person's name given their plan's name only to tell them from a twin now merged
    into them goes back to what it was, and the report no longer says it was renamed."""
    keys: dict[str, int] = {}
    for person in plan.people:
        key = name_key(base_name(person.name, labels))
        keys[key] = keys.get(key, 0) + 1
    restored = set()
    for person in plan.people:
        base = base_name(person.name, labels)
        if base != person.name and keys[name_key(base)] == 1:
            person.name = base
            restored.add(name_key(base))
    report.entries[:] = [
        e
        for e in report.entries
        if not (e.section == "names" and name_key(e.subject) in restored and " person " in e.detail)
    ]


def merge_with_choices(
    sources: Sequence[Source],
    *,
    name: str | None = None,
    merge_people: Collection[tuple[str, str]] = (),
    groups: Collection[tuple[str, ...]] = (),
) -> tuple[Plan, MergeReport]:
    """The merged plan with the user's choices (twin and proposal keys from :func:`preview`);
    the core groups the committees in common chosen, pair by pair."""
    pairs = {frozenset(key) for key in groups}
    plan, report = merge_plans(sources, name=name, same_person="ask", in_common_pairs=pairs)
    labels = [s.label for s in sources]
    _decide_people(plan, report, find_twins(plan, labels), set(merge_people))
    _restore_names(plan, report, labels)
    check_plan(plan)
    return plan, report

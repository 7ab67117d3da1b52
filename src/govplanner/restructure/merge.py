"""Merge several plans (ICBs of one cluster) into one, reporting every alignment and conflict.

Each source becomes, or keeps, its ICB organisation; tiers align by level and name, stages
by name, other organisations by name and type; every committee, role and person is kept with
its origin (ids kept unless they clash); people who look the same across plans (same name and
profession) are reported, and merged only when asked. Nothing is merged silently: every step
adds an entry to the :class:`MergeReport`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from govplanner.domain.enums import Level, OrganisationType
from govplanner.domain.errors import GovplannerError
from govplanner.domain.integrity import check_plan
from govplanner.domain.items import ITEM_KINDS, KINDS, Kind, items_of
from govplanner.domain.model import Organisation, Person, Plan
from govplanner.domain.names import name_key, new_id
from govplanner.domain.references import REFERENCES
from govplanner.restructure.in_common import propose_in_common
from govplanner.restructure.merge_report import MergeReport
from govplanner.restructure.merge_settings import merge_profile, merge_settings

SamePerson = Literal["merge", "keep-apart", "ask"]
InCommon = Literal["propose", "apply", "none"]


class MergeError(GovplannerError):
    """Plans that cannot be merged as asked."""


@dataclass(frozen=True)
class Source:
    plan: Plan
    #: how the report and ``origin`` name this plan (its name, or its file's when names repeat)
    label: str


def _suffixed(name: str, label: str) -> str:
    tail = f" ({label})"
    return name[: 200 - len(tail)] + tail


class _Merger:
    def __init__(self, report: MergeReport, same_person: SamePerson) -> None:
        self.plan = Plan()
        self.report = report
        self.same_person = same_person
        self.ids: set[str] = set()
        #: committee id -> (source index, name in its source)
        self.committee_source: dict[str, tuple[int, str]] = {}
        self.icb_of: list[str] = []
        #: (name, profession) as first seen -> the merged person (the same person found here)
        self.twins: dict[tuple[str, str], Person] = {}
        #: kind -> name key -> (item, source label, renamed already)
        self.names: dict[str, dict[str, tuple[object, str]]] = {}

    # -- ids and names -----------------------------------------------------------------------

    def fresh_id(self, old: str, k: int, noun: str, label: str, idmap: dict[str, str]) -> str:
        if old not in self.ids:
            new = old
        else:
            n, new = k + 1, f"{old}-{k + 1}"
            while new in self.ids:
                n += 1
                new = f"{old}-{n}"
            self.report.add(
                "ids",
                label,
                old,
                "renamed",
                f"the {noun} id {old} is also used by an earlier plan, so it becomes {new}",
            )
        self.ids.add(new)
        idmap[old] = new
        return new

    def unique_name(self, kind: str, item: object, label: str, attr: str = "name") -> None:
        """A name already taken by another plan's item: both get their plan's name added."""
        taken = self.names.setdefault(kind, {})
        name = str(getattr(item, attr))
        other = taken.get(name_key(name))
        if other is None:
            taken[name_key(name)] = (item, label)
            return
        first, first_label = other
        noun = ITEM_KINDS[kind].noun  # type: ignore[index]
        if first_label != label and not str(getattr(first, attr)).endswith(f"({first_label})"):
            old = str(getattr(first, attr))
            setattr(first, attr, _suffixed(old, first_label))
            taken[name_key(getattr(first, attr))] = (first, first_label)
            self.report.add(
                "names",
                first_label,
                old,
                "renamed",
                f"another plan has a {noun} of this name; it becomes '{getattr(first, attr)}'",
            )
        new = _suffixed(name, label)
        setattr(item, attr, new)
        taken[name_key(new)] = (item, label)
        self.report.add(
            "names",
            label,
            name,
            "renamed",
            f"another plan has a {noun} of this name; it becomes '{new}'",
        )

    # -- organisations, tiers, stages --------------------------------------------------------

    def icb(self, src: Plan, label: str) -> Organisation:
        icbs = [o for o in src.organisations if o.type is OrganisationType.ICB]
        if len(icbs) == 1:
            self.report.add("organisations", label, icbs[0].name, "kept", "the plan's ICB")
            return icbs[0]
        if icbs:
            chosen = next((o for o in icbs if name_key(o.name) == name_key(src.name)), icbs[0])
            self.report.add(
                "organisations",
                label,
                chosen.name,
                "chosen",
                f"the plan has {len(icbs)} ICB organisations; this one is taken as its ICB (check)",
            )
            return chosen
        created = Organisation(id=new_id("org"), name=label[:200], type=OrganisationType.ICB)
        src.organisations.append(created)
        self.report.add(
            "organisations",
            label,
            created.name,
            "created",
            "the plan had no ICB organisation; one is made for it",
        )
        return created

    def organisations(self, src: Plan, k: int, label: str, idmap: dict[str, str]) -> None:
        existing = {name_key(o.name): o for o in self.plan.organisations}
        for org in src.organisations:
            same = existing.get(name_key(org.name))
            if same is not None and same.type is org.type:
                idmap[org.id] = same.id
                detail = f"the same {org.type.label.lower()} as in an earlier plan: one kept"
                if same.population != org.population:
                    detail += f"; populations differ ({same.population} kept, {org.population} not)"
                self.report.add("organisations", label, org.name, "aligned", detail)
                continue
            copy = org.model_copy()
            copy.id = self.fresh_id(org.id, k, "organisation", label, idmap)
            self.unique_name("organisation", copy, label)
            self.plan.organisations.append(copy)
            existing[name_key(copy.name)] = copy

    def tiers(self, src: Plan, k: int, label: str, idmap: dict[str, str]) -> None:
        for tier in src.tiers:
            match = next(
                (
                    t
                    for t in self.plan.tiers
                    if name_key(t.name) == name_key(tier.name) and t.level is tier.level
                ),
                None,
            )
            if match is not None:
                idmap[tier.id] = match.id
                self.report.add(
                    "tiers",
                    label,
                    tier.name,
                    "aligned",
                    f"with tier '{match.name}' ({tier.level.value})",
                )
                continue
            copy = tier.model_copy()
            copy.id = self.fresh_id(tier.id, k, "tier", label, idmap)
            same_level = [t.name for t in self.plan.tiers if t.level is tier.level]
            self.unique_name("tier", copy, label)
            detail = f"added at the {tier.level.value} level"
            if same_level and k:
                detail += (
                    f"; kept apart from {', '.join(same_level)} at the same level (rename one "
                    "to align them)"
                )
            self.report.add("tiers", label, tier.name, "added", detail)
            self.plan.tiers.append(copy)

    def stages(self, src: Plan, k: int, label: str, idmap: dict[str, str]) -> None:
        for stage in src.stages:
            match = next(
                (s for s in self.plan.stages if name_key(s.name) == name_key(stage.name)), None
            )
            if match is not None:
                idmap[stage.id] = match.id
                self.report.add("stages", label, stage.name, "aligned", f"with '{match.name}'")
                continue
            copy = stage.model_copy()
            copy.id = self.fresh_id(stage.id, k, "stage", label, idmap)
            self.plan.stages.append(copy)
            self.report.add(
                "stages", label, stage.name, "added", f"as stage {len(self.plan.stages)}"
            )

    # -- people, groups, committees, roles ---------------------------------------------------

    def people(self, src: Plan, k: int, label: str, idmap: dict[str, str]) -> None:
        from govplanner.analysis.rules.clinical import ProfessionMatcher

        matcher = ProfessionMatcher(self.plan)
        for person in src.people:
            key = (name_key(person.name), matcher.canonical(person.profession))
            twin = self.twins.get(key)
            if twin is not None and self.same_person == "merge":
                idmap[person.id] = twin.id
                detail = f"the same name and profession as in {twin.origin}: merged into one"
                differs = [
                    f for f in ("capacity", "sources") if getattr(twin, f) != getattr(person, f)
                ]
                if differs:
                    detail += f" (their {' and '.join(differs)} differ: the first plan's kept)"
                self.report.add("same person", label, person.name, "merged", detail)
                continue
            copy = person  # ``src`` is already the merge's own copy
            copy.id = self.fresh_id(person.id, k, "person", label, idmap)
            copy.origin = copy.origin or label
            if twin is not None:
                action = "to confirm" if self.same_person == "ask" else "kept apart"
                self.report.add(
                    "same person",
                    label,
                    person.name,
                    action,
                    f"the same name and profession as in {twin.origin}; kept as "
                    "two people (use --same-person merge to make them one)",
                )
            self.unique_name("person", copy, label)
            self.plan.people.append(copy)
            self.twins.setdefault(key, copy)

    def add_items(self, src: Plan, k: int, label: str, idmap: dict[str, str]) -> None:
        for group in src.groups:
            new_group = group
            new_group.id = self.fresh_id(group.id, k, "group", label, idmap)
            self.unique_name("group", new_group, label)
            self.plan.groups.append(new_group)
        for committee in src.committees:
            copy = committee
            original_name = committee.name
            copy.id = self.fresh_id(committee.id, k, "committee", label, idmap)
            copy.origin = copy.origin or label
            if not copy.organisation_ids:
                copy.organisation_ids = [self.icb_of[k]]
            self.committee_source[copy.id] = (k, original_name)
            self.unique_name("committee", copy, label)
            self.plan.committees.append(copy)
        for role in src.roles:
            new_role = role
            new_role.id = self.fresh_id(role.id, k, "role", label, idmap)
            new_role.origin = new_role.origin or label
            self.plan.roles.append(new_role)

    def relink(self, first: dict[Kind, int], idmap: dict[str, str]) -> None:
        """Point the items added from one source at the merged ids (``first``: kind -> start)."""
        for ref in REFERENCES:
            for item in items_of(self.plan, ref.source)[first[ref.source] :]:
                value = getattr(item, ref.field)
                # only changed ids are set: each assignment is validated, 50,000 seats add up
                if ref.entry_field is not None:
                    for entry in value:
                        old = getattr(entry, ref.entry_field)
                        if idmap.get(old, old) != old:
                            setattr(entry, ref.entry_field, idmap[old])
                elif ref.many:
                    if any(idmap.get(v, v) != v for v in value):
                        setattr(item, ref.field, [idmap.get(v, v) for v in value])
                elif value is not None and idmap.get(value, value) != value:
                    setattr(item, ref.field, idmap[value])

    def accepted(self, src: Plan, idmap: dict[str, str]) -> None:
        have = {a.key for a in self.plan.accepted}
        for entry in src.accepted:
            parts = entry.key.split("|")
            if len(parts) == 5:
                parts[2] = idmap.get(parts[2], parts[2])
                parts[4] = idmap.get(parts[4], parts[4]) if parts[4] else ""
            key = "|".join(parts)
            if key not in have:
                self.plan.accepted.append(entry.model_copy(update={"key": key}))
                have.add(key)


def labels_for(plans: Sequence[Plan], fallbacks: Sequence[str]) -> list[str]:
    """Each plan's name, or its fallback (a file name) when two plans share a name."""
    keys = [name_key(p.name) for p in plans]
    return [
        p.name if keys.count(name_key(p.name)) == 1 else fallback
        for p, fallback in zip(plans, fallbacks, strict=True)
    ]


def _merge_one(m: _Merger, source: Source, k: int) -> None:
    """Bring one source plan into the merge, reporting each step."""
    src, label = source.plan.model_copy(deep=True), source.label
    idmap: dict[str, str] = {}
    icb = m.icb(src, label)
    first = {kind: len(items_of(m.plan, kind)) for kind in KINDS}
    m.organisations(src, k, label, idmap)
    m.icb_of.append(idmap.get(icb.id, icb.id))
    m.tiers(src, k, label, idmap)
    stages_before = {s.id for s in m.plan.stages}
    m.stages(src, k, label, idmap)
    added = {s.id for s in m.plan.stages} - stages_before
    m.people(src, k, label, idmap)
    m.add_items(src, k, label, idmap)
    m.relink(first, idmap)
    m.accepted(src, idmap)
    merge_profile(m.plan, src, idmap, added, label, m.report)
    m.report.add("plans", label, src.name, "kept",
                 f"{len(src.committees)} committees, {len(src.roles)} roles and "
                 f"{len(src.people)} people, each with origin '{label}'")  # fmt: skip


def merge_plans(
    sources: Sequence[Source],
    *,
    name: str | None = None,
    same_person: SamePerson = "ask",
    in_common: InCommon = "propose",
    in_common_pairs: Collection[frozenset[str]] | None = None,
) -> tuple[Plan, MergeReport]:
    """One plan holding every source's structure, and the report of how it was put together.

    ``in_common_pairs`` decides each committees-in-common proposal on its own (the app's
    review, by the merged committees' ids): those named are grouped, the others are not, and
    the report says so; it overrides ``in_common``.
    """
    if len(sources) < 2:
        raise MergeError("merge needs at least two plans.")
    labels = [s.label for s in sources]
    report = MergeReport(sources=tuple(labels))
    m = _Merger(report, same_person)
    merge_settings(m.plan, [s.plan for s in sources], labels, report)
    for k, source in enumerate(sources):
        _merge_one(m, source, k)
    m.plan.tiers.sort(key=lambda t: Level(t.level).order)
    m.plan.name = (name or "Cluster of " + _and(labels))[:200]
    if in_common_pairs is not None:
        propose_in_common(m.plan, m.committee_source, labels, report, apply=False,
                          chosen=in_common_pairs)  # fmt: skip
    elif in_common != "none":
        propose_in_common(m.plan, m.committee_source, labels, report, apply=in_common == "apply")
    check_plan(m.plan)
    return m.plan, report


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

"""Cached id → item indexes over the plan, each dropped when a change it depends on happens.

Rebuilding every index after every edit cost a national plan ~0.3 s an edit (the role
picker's 30,000 labels alone ~0.2 s); now a holder change drops only what lists holders.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govplanner.domain.document import Change, PlanDocument
from govplanner.domain.items import ITEM_KINDS
from govplanner.domain.model import (
    Committee,
    InCommonGroup,
    Organisation,
    Person,
    Role,
    Stage,
    Tier,
)

#: What each index is made of: per kind, the fields it reads (None: any field). Adding,
#: removing or moving an item of a kind drops every index that reads that kind; updating
#: one drops those that read a field it changed. An index not listed goes on every change.
ANY = None
DEPENDS: dict[str, dict[str, frozenset[str] | None]] = {
    "tiers": {"tier": frozenset()},
    "stages": {"stage": frozenset()},
    "committees": {"committee": frozenset()},
    "roles": {"role": frozenset()},
    "people": {"person": frozenset()},
    "organisations": {"organisation": frozenset()},
    "groups": {"group": frozenset()},
    "group_members": {"committee": frozenset({"group_id"})},
    "bodies": {"committee": frozenset({"organisation_ids"})},
    "seats": {"role": frozenset({"seats"})},
    "held": {"role": frozenset({"holder_id"})},
    "person_choices": {"person": frozenset({"name"})},
    "role_labels": {
        "role": frozenset({"title", "seats", "organisation_ids"}),
        "committee": frozenset({"name"}),
        "organisation": frozenset({"name"}),
    },
}
DEPENDS["role_choices"] = DEPENDS["role_labels"]
for _kind, _spec in ITEM_KINDS.items():
    DEPENDS[f"names:{_kind}"] = {_kind: frozenset({_spec.label_field})}
#: plan-wide changes no index reads
_UNREAD = frozenset({"plan", "profile", "accepted"})


def stale_after(change: Change, name: str) -> bool:
    """Whether the index ``name`` may be wrong once ``change`` has happened."""
    if change.action in _UNREAD:
        return False
    depends = DEPENDS.get(name)
    if depends is None or change.kind is None:
        return True  # not described, or the whole plan changed
    if change.kind not in depends:
        return False
    fields = depends[change.kind]
    if change.action != "updated" or fields is ANY:
        return True
    return not fields.isdisjoint(change.fields)


class Lookup:
    """Fast look-ups the item models share; each rebuilt lazily after a change it reads."""

    def __init__(self, document: PlanDocument) -> None:
        self.document = document
        self._cache: dict[str, Any] = {}
        self._revision = -1
        self._plan = document.plan
        self._stale: set[str] = set()  # indexes a change since the last look-up made stale
        # Told before each change, so that by the time anything asks after it (whatever the
        # listeners' order) the stale indexes are known.
        document.subscribe(lambda _change: None, self._before)

    def _before(self, change: Change) -> None:
        # Also indexes not built yet: another listener may build one before the change.
        names = DEPENDS.keys() | self._cache.keys()
        self._stale.update(name for name in names if stale_after(change, name))

    def _get(self, name: str, build: Callable[[], Any] | None = None) -> Any:
        # Checked against the revision, so no listener order can ever serve a stale index.
        if self._plan is not self.document.plan or self._revision < 0:
            self._cache.clear()
            self._plan = self.document.plan
        if self._revision != self.document.revision:
            for stale in self._stale:
                self._cache.pop(stale, None)
            self._stale.clear()
            self._revision = self.document.revision
        value = self._cache.get(name)
        if value is None:
            value = (build or getattr(self, f"_build_{name}"))()
            self._cache[name] = value
        return value

    # -- builders --------------------------------------------------------------------------

    def _build_tiers(self) -> dict[str, Tier]:
        return {t.id: t for t in self.document.plan.tiers}

    def _build_stages(self) -> dict[str, Stage]:
        return {s.id: s for s in self.document.plan.stages}

    def _build_committees(self) -> dict[str, Committee]:
        return {c.id: c for c in self.document.plan.committees}

    def _build_roles(self) -> dict[str, Role]:
        return {r.id: r for r in self.document.plan.roles}

    def _build_people(self) -> dict[str, Person]:
        return {p.id: p for p in self.document.plan.people}

    def _build_organisations(self) -> dict[str, Organisation]:
        return {o.id: o for o in self.document.plan.organisations}

    def _build_groups(self) -> dict[str, InCommonGroup]:
        return {g.id: g for g in self.document.plan.groups}

    def _build_group_members(self) -> dict[str, list[Committee]]:
        members: dict[str, list[Committee]] = {}
        for committee in self.document.plan.committees:
            if committee.group_id is not None:
                members.setdefault(committee.group_id, []).append(committee)
        return members

    def _build_bodies(self) -> dict[str, list[Committee]]:
        bodies: dict[str, list[Committee]] = {}
        for committee in self.document.plan.committees:
            for oid in committee.organisation_ids:
                bodies.setdefault(oid, []).append(committee)
        return bodies

    def _build_seats(self) -> dict[str, list[Role]]:
        seats: dict[str, list[Role]] = {}
        for role in self.document.plan.roles:
            for seat in role.seats:
                seats.setdefault(seat.committee_id, []).append(role)
        return seats

    def _build_held(self) -> dict[str, list[Role]]:
        held: dict[str, list[Role]] = {}
        for role in self.document.plan.roles:
            if role.holder_id is not None:
                held.setdefault(role.holder_id, []).append(role)
        return held

    # -- queries ---------------------------------------------------------------------------

    def tier(self, tier_id: str | None) -> Tier | None:
        return None if tier_id is None else self._get("tiers").get(tier_id)

    def stage(self, stage_id: str | None) -> Stage | None:
        return None if stage_id is None else self._get("stages").get(stage_id)

    def committee(self, committee_id: str | None) -> Committee | None:
        return None if committee_id is None else self._get("committees").get(committee_id)

    def role(self, role_id: str | None) -> Role | None:
        return None if role_id is None else self._get("roles").get(role_id)

    def person(self, person_id: str | None) -> Person | None:
        return None if person_id is None else self._get("people").get(person_id)

    def organisation(self, organisation_id: str | None) -> Organisation | None:
        if organisation_id is None:
            return None
        found: Organisation | None = self._get("organisations").get(organisation_id)
        return found

    def group(self, group_id: str | None) -> InCommonGroup | None:
        return None if group_id is None else self._get("groups").get(group_id)

    def committees_in(self, group_id: str) -> list[Committee]:
        """The committees meeting in a committees-in-common group."""
        result: list[Committee] = self._get("group_members").get(group_id, [])
        return result

    def committees_of(self, organisation_id: str) -> list[Committee]:
        """The committees an organisation is a body of."""
        result: list[Committee] = self._get("bodies").get(organisation_id, [])
        return result

    def role_label(self, role: Role) -> str:
        """A role's title, with where it sits when other roles share the title."""
        label: str = self._get("role_labels").get(role.id, role.title)
        return label

    def role_choices(self) -> list[tuple[str, str]]:
        """(label, id) of every role, by label: what a role picker lists."""
        result: list[tuple[str, str]] = self._get("role_choices")
        return result

    def person_choices(self) -> list[tuple[str, str]]:
        """(name, id) of every person, by name: what a holder picker lists."""
        result: list[tuple[str, str]] = self._get("person_choices")
        return result

    def _build_person_choices(self) -> list[tuple[str, str]]:
        people = sorted(self.document.plan.people, key=lambda p: p.name.lower())
        return [(p.name, p.id) for p in people]

    def _build_role_labels(self) -> dict[str, str]:
        """One pass: only titles that repeat get '(committee, committee, organisation)'."""
        roles = self.document.plan.roles
        counts: dict[str, int] = {}
        for role in roles:
            key = role.title.casefold()
            counts[key] = counts.get(key, 0) + 1
        committees, organisations = self.names("committee"), self.names("organisation")
        labels: dict[str, str] = {}
        for role in roles:
            if counts[role.title.casefold()] < 2:
                continue
            where = [committees.get(s.committee_id, "") for s in role.seats[:2]]
            where += [organisations.get(o, "") for o in role.organisation_ids[:1]]
            shown = ", ".join(w for w in where if w) or role.id
            labels[role.id] = f"{role.title} ({shown})"
        return labels

    def _build_role_choices(self) -> list[tuple[str, str]]:
        labels = self._get("role_labels")
        entries = [(labels.get(r.id, r.title), r.id) for r in self.document.plan.roles]
        return sorted(entries, key=lambda e: e[0].casefold())

    def roles_on(self, committee_id: str) -> list[Role]:
        result: list[Role] = self._get("seats").get(committee_id, [])
        return result

    def held(self) -> dict[str, list[Role]]:
        """person id -> the roles they hold."""
        result: dict[str, list[Role]] = self._get("held")
        return result

    def roles_held(self, person_id: str) -> list[Role]:
        result: list[Role] = self._get("held").get(person_id, [])
        return result

    def sessions_held(self, person_id: str) -> float:
        return sum(r.sessions_per_week for r in self.roles_held(person_id))

    def names(self, kind: str) -> dict[str, str]:
        """id -> name (title for roles) of every item of ``kind``."""
        field = ITEM_KINDS[kind].label_field  # type: ignore[index]

        def build() -> dict[str, str]:
            items = self.document.items(kind)  # type: ignore[arg-type]
            return {item.id: getattr(item, field) for item in items}

        names: dict[str, str] = self._get(f"names:{kind}", build)
        return names

    def name(self, kind: str, item_id: str | None) -> str:
        """The item's name (title for roles), or '' when it is not there."""
        if item_id is None:
            return ""
        return self.names(kind).get(item_id, "")

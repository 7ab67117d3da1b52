"""Committees, roles, people, organisations and plan settings described field by field in words.

A comparison shows a change as 'Quorum: 4 members → 5 members, including a clinical or care
professional member'. Every description is independent of the order of the plan's lists
(seats, lines and organisations are sorted), so reordering changes nothing.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from govplanner.analysis.rules.common import long_date, number
from govplanner.domain.enums import COMMITTEE_KINDS, FUNCTIONS, Membership, Source
from govplanner.domain.model import Committee, Organisation, Person, Plan, Role
from govplanner.domain.vocabulary import Words

NONE_TEXT = "(none)"
ALL_MEMBERS = "member on every seat"


def text(value: str | None) -> str:
    return value.strip() if value and value.strip() else NONE_TEXT


def date_text(day: dt.date | None) -> str:
    return NONE_TEXT if day is None else long_date(day)


def money(value: float | None, unset: str = NONE_TEXT) -> str:
    """'£12,000 a year' ('£12,500.50 a year' with pence); ``unset`` for None."""
    if value is None:
        return unset
    amount = f"£{value:,.0f}" if float(value).is_integer() else f"£{value:,.2f}"
    return f"{amount} a year"


@lru_cache(maxsize=64)
def cap(w: Words, key: str) -> str:
    """``w.cap(key)``, remembered: a comparison asks for the same label thousands of times."""
    return w.cap(key)


def names_text(names: list[str]) -> str:
    return text("; ".join(sorted(names, key=lambda n: (n.casefold(), n))))


class Names:
    """Look-ups from ids to the names a reader sees, for one plan."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.tiers = {t.id: t.name for t in plan.tiers}
        self.stages = {s.id: s.name for s in plan.stages}
        self.organisations = {o.id: o.name for o in plan.organisations}
        self.groups = {g.id: g.name for g in plan.groups}
        self.committees = {c.id: c.name for c in plan.committees}
        self.roles = {r.id: r.title for r in plan.roles}
        self.role_items = {r.id: r for r in plan.roles}
        self.people = {p.id: p.name for p in plan.people}

    def of(self, table: dict[str, str], ids: list[str]) -> str:
        if not ids:
            return NONE_TEXT
        if len(ids) == 1:
            return text(table.get(ids[0]))
        return names_text([table[i] for i in ids if i in table])


# -- committees --------------------------------------------------------------------------------


def describe_committee(c: Committee, names: Names, w: Words) -> dict[str, str]:
    plan = names.plan
    return {
        "Name": c.name,
        cap(w, "tier"): text(names.tiers.get(c.tier_id)),
        "Kind": c.kind.label,
        "Organisations": names.of(names.organisations, c.organisation_ids),
        "Committees in common": text(names.groups.get(c.group_id or "")),
        "Accountable to": names.of(names.committees, c.accountable_to_ids),
        "Advises": names.of(names.committees, c.advises_ids),
        "Stage": text(names.stages.get(plan.current_stage_id(c) or "")),
        "Programme area": text("; ".join(c.programme_areas)),
        "Purpose": text(c.purpose),
        "Chair": text(names.roles.get(c.chair_role_id or "")),
        "Quorum": quorum_text(c),
        "Meets": text(c.meeting_frequency),
        "Requirements": requirements_text(c),
    }


def quorum_text(c: Committee) -> str:
    """'4 members, including a clinical or care professional member (two executives)'."""
    if c.quorum is None:
        parts = "not recorded"
        if c.quorum_clinical:
            parts = "a clinical or care professional member"
    else:
        parts = f"{c.quorum} member" + ("" if c.quorum == 1 else "s")
        if c.quorum_clinical:
            parts += ", including a clinical or care professional member"
    note = c.quorum_note.strip()
    return f"{parts} ({note})" if note else parts


def requirements_text(c: Committee) -> str:
    """The committee's own requirements, where they override its kind's."""
    own = [f"{f.label} {c.requirements[f].value}" for f in FUNCTIONS if f in c.requirements]
    return "; ".join(own) if own else f"as for its kind ({c.kind.label.lower()})"


# -- roles -------------------------------------------------------------------------------------


def describe_role(r: Role, names: Names, w: Words) -> dict[str, str]:
    return {
        "Title": r.title,
        cap(w, "committees"): names.of(names.committees, r.committee_ids),
        "Membership": membership_text(r, names),
        "Organisations": names.of(names.organisations, r.organisation_ids),
        "Deputy for": deputy_text(r, names),
        "Profession": text(r.profession),
        "Clinical": "yes" if r.clinical else "no",
        "Functions": text(", ".join(f.label for f in FUNCTIONS if f in r.functions)),
        "Activities": text(", ".join(sorted(r.activities))),
        "Sessions per week": number(r.sessions_per_week),
        "Cost per session": money(r.cost_per_session, "the plan's rate"),
        "Holder": "vacant" if r.holder_id is None else names.people.get(r.holder_id, "unknown"),
        "Term start": date_text(r.term_start),
        "Term end": date_text(r.term_end),
        "Notes": text(r.notes),
    }


def membership_text(r: Role, names: Names) -> str:
    """'participant on Place Board; attendee on ICB Board', or 'member on every seat'."""
    others = sorted(
        (f"{seat.membership.value} on {names.committees[seat.committee_id]}")
        for seat in r.seats
        if seat.membership is not Membership.MEMBER and seat.committee_id in names.committees
    )
    return "; ".join(others) if others else ALL_MEMBERS


def deputy_text(r: Role, names: Names) -> str:
    if r.deputy_for_id is None:
        return NONE_TEXT
    deputised = names.role_items.get(r.deputy_for_id)
    if deputised is None:
        return NONE_TEXT
    seats = names.of(names.committees, deputised.committee_ids)
    return deputised.title if seats == NONE_TEXT else f"{deputised.title} ({seats})"


# -- people and organisations ------------------------------------------------------------------


def describe_person(p: Person, _names: Names, _w: Words) -> dict[str, str]:
    sources = "not recorded" if p.sources is None else _sources(p)
    return {
        "Name": p.name,
        "Profession": text(p.profession),
        "Capacity (sessions a week)": "not recorded" if p.capacity is None else number(p.capacity),
        "Sources of influence": sources,
    }


def _sources(p: Person) -> str:
    order = list(Source)
    recorded = sorted(set(p.sources or ()), key=order.index)
    return ", ".join(s.label for s in recorded) or "none"


def describe_organisation(o: Organisation, _names: Names, _w: Words) -> dict[str, str]:
    return {
        "Name": o.name,
        "Type": o.type.label,
        "Population": NONE_TEXT if o.population is None else f"{o.population:,}",
    }


# -- plan settings -----------------------------------------------------------------------------


def describe_settings(plan: Plan, w: Words) -> dict[str, str]:
    """The plan-wide settings a comparison reports when they change."""
    costs = sorted(plan.profession_costs.items(), key=lambda kv: (kv[0].casefold(), kv[0]))
    result = {
        "Cost of a weekly session": money(plan.cost_per_session, "not recorded"),
        "Costs by profession": text("; ".join(f"{p}: {money(v)}" for p, v in costs)),
        "Default capacity (sessions a week)": number(plan.default_capacity),
        "Term warning": f"{plan.term_warning_days} day"
        + ("" if plan.term_warning_days == 1 else "s"),
        "Takes effect on": date_text(plan.effective_date),
        "Committees-in-common groups": names_text([g.name for g in plan.groups]),
    }
    for kind in COMMITTEE_KINDS:
        rules = [plan.kind_rule(kind, f) for f in FUNCTIONS]
        if len(set(rules)) == 1:
            value = f"every function: {rules[0].label.lower()}"
        else:
            value = "; ".join(
                f"{f.label}: {rule.label.lower()}" for f, rule in zip(FUNCTIONS, rules, strict=True)
            )
        result[f"What {kind.label.lower()} {w.committees} need"] = value
    return result

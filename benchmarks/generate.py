"""Deterministic synthetic plans of any size, shaped like real ICS governance, for benchmarks.

``generate_plan(systems=42, committees_per_system=100, seats_per_committee=12)`` gives about
50,000 seats, 30,000 roles and 20,000 people: four ICS tiers per system, reporting lines that
form a tree within each system, roles that sit on several committees, people who hold several
roles, about 15% vacancies, non-clinical roles, programme areas, sources and terms. Every name
is invented. The same arguments always give the same plan, ids included.

CLI: ``python -m benchmarks.generate --seats 50000 -o big.govplan``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import vocabulary as words
from govplanner.domain.catalogue import ACTIVITIES
from govplanner.domain.enums import FUNCTIONS, Source
from govplanner.domain.integrity import check_plan
from govplanner.domain.model import Plan
from govplanner.domain.presets import new_plan

#: Shares of a system's committees per tier (the rest are neighbourhood groups).
SYSTEM_SHARE, PROGRAMME_SHARE, PLACE_SHARE = 0.06, 0.16, 0.09
#: Share of a committee's seats taken by roles already seated on the committee it reports to.
REUSE_SHARE = 0.42
VACANCY_RATE = 0.15
NON_CLINICAL_RATE = 0.28
#: Chance that a filled role goes to someone in the system who already holds a role.
SHARED_HOLDER_RATE = 0.22
SOURCES_RECORDED_RATE = 0.4
TERM_RATE = 0.65
#: Terms start in the three years from here and run 3 to 5 years: in 2026 most are current,
#: a few have ended or end soon (fixed dates keep the plan the same on every day).
TERMS_FROM = dt.date(2023, 4, 1)

_EXPERTISE = Source.CLINICAL_EXPERTISE
_ACTIVITY_CODES = {f: [a.code for a in ACTIVITIES if a.function is f] for f in FUNCTIONS}
_GOLDEN = 0x9E3779B97F4A7C15
_MASK64 = (1 << 64) - 1
_TIER_KINDS = ("system", "programme", "place", "neighbourhood")


def stable_id(prefix: str, n: int) -> str:
    """A unique, random-looking id like ``new_id`` gives, but fixed by ``n``."""
    return f"{prefix}_{(n * _GOLDEN + 0x5BD1E995) & _MASK64:016x}"


@dataclass
class _Committee:
    data: dict[str, Any]
    kind: str
    roles: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Builder:
    """Accumulates plain dicts for the plan; validated once at the end (fast in pydantic)."""

    rng: random.Random
    tier_ids: dict[str, str]
    stage_ids: list[str]
    programmes: dict[str, list[str]]
    committees: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    person_names: Iterator[str] = field(default_factory=lambda: iter(()))

    def unique(self, name: str) -> str:
        """The name, numbered if a committee already has it (committee names are unique)."""
        candidate, n = name, 2
        while candidate.casefold() in self.names:
            candidate, n = f"{name} {n}", n + 1
        self.names.add(candidate.casefold())
        return candidate

    # -- committees ----------------------------------------------------------------------

    def committee(self, name: str, kind: str, parent: _Committee | None, area: str) -> _Committee:
        rng = self.rng
        data = {
            "id": stable_id("com", len(self.committees)),
            "name": self.unique(name),
            "tier_id": self.tier_ids[kind],
            "reports_to_id": None if parent is None else parent.data["id"],
            "stage_id": rng.choice(self.stage_ids) if rng.random() < 0.7 else None,
            "programme_area": area,
            "purpose": _purpose(rng, area or name),
            "quorum_note": f"Chair and {rng.randint(3, 6)} members, at least one a clinician",
            "meeting_frequency": rng.choice(words.MEETING_FREQUENCIES),
        }
        self.committees.append(data)
        return _Committee(data, kind)

    def seat(self, committee: _Committee, parent: _Committee | None, seats: int) -> None:
        """Fill the committee's seats: some with the parent's roles, the rest with new ones."""
        rng = self.rng
        reused = 0
        if parent is not None and parent.roles:
            want = min(len(parent.roles), round(seats * REUSE_SHARE * rng.uniform(0.6, 1.4)))
            for role in rng.sample(parent.roles, want):
                role["committee_ids"].append(committee.data["id"])
                committee.roles.append(role)
            reused = want
        for _ in range(seats - reused):
            role = self.role(committee)
            committee.roles.append(role)
        if committee.roles and rng.random() < 0.7:
            committee.data["chair_role_id"] = committee.roles[0]["id"]

    # -- roles and people -----------------------------------------------------------------

    def role(self, committee: _Committee) -> dict[str, Any]:
        rng = self.rng
        area = committee.data["programme_area"] or rng.choice(list(self.programmes))
        clinical = rng.random() >= NON_CLINICAL_RATE
        if clinical:
            title = rng.choice(words.CLINICAL_TITLES[committee.kind]).format(area=area)
            area_professions = self.programmes.get(area) or []
            pool = area_professions if area_professions and rng.random() < 0.7 else None
            profession = rng.choice(pool or words.GENERAL_PROFESSIONS)
            functions = _functions(rng)
        else:
            title, profession, functions = rng.choice(words.NON_CLINICAL_TITLES), "", []
        role: dict[str, Any] = {
            "id": stable_id("rol", len(self.roles)),
            "title": title,
            "committee_ids": [committee.data["id"]],
            "profession": profession,
            "clinical": clinical,
            "functions": functions,
            "activities": _activities(rng, functions),
            "sessions_per_week": rng.choice((0.5, 1.0, 1.0, 2.0, 2.0, 3.0)) if clinical else 0.0,
            "holder_id": None,
            "notes": _notes(rng) if rng.random() < 0.1 else "",
        }
        if rng.random() < TERM_RATE:
            start = TERMS_FROM + dt.timedelta(days=rng.randrange(0, 3 * 365))
            role["term_start"] = start
            role["term_end"] = start + dt.timedelta(days=365 * rng.choice((3, 3, 4, 5)))
        self.roles.append(role)
        return role

    def hold(self, role: dict[str, Any], system_people: list[dict[str, Any]]) -> None:
        """Fill the role (or leave it vacant): often a new person, sometimes one already busy."""
        rng = self.rng
        if rng.random() < VACANCY_RATE:
            return
        if system_people and rng.random() < SHARED_HOLDER_RATE:
            person = rng.choice(system_people)
        else:
            person = self.person(role["profession"])
            system_people.append(person)
        role["holder_id"] = person["id"]

    def person(self, profession: str) -> dict[str, Any]:
        rng = self.rng
        person: dict[str, Any] = {
            "id": stable_id("per", len(self.people)),
            "name": next(self.person_names),
            "profession": profession,
            "capacity": None if rng.random() < 0.8 else rng.choice((2.0, 4.0, 6.0, 8.0)),
            "sources": None,
        }
        if rng.random() < SOURCES_RECORDED_RATE:
            # Clinical leaders mostly bring clinical expertise; the other sources vary.
            person["sources"] = [
                s for s in Source if rng.random() < (0.85 if s is _EXPERTISE else 0.55)
            ]
        self.people.append(person)
        return person


def _functions(rng: random.Random) -> list[Any]:
    if rng.random() < 0.02:  # a clinical role whose functions are not yet set (STR004)
        return []
    count = rng.choice((1, 2, 2, 3, 3, 4))
    chosen = set(rng.sample(FUNCTIONS, count))
    return [f for f in FUNCTIONS if f in chosen]


def _activities(rng: random.Random, functions: list[Any]) -> list[str]:
    codes: list[str] = []
    for f in functions:
        codes += rng.sample(_ACTIVITY_CODES[f], rng.randint(0, 2))
    return codes


def _purpose(rng: random.Random, subject: str) -> str:
    opening = rng.choice(words.PURPOSE_OPENINGS)
    return f"{opening} {subject.lower()} work across the system, " + rng.choice(words.PURPOSE_TAILS)


def _notes(rng: random.Random) -> str:
    return (
        f"Appointed through the {rng.choice(('clinical senate', 'PCN', 'trust'))} route; "
        "backfill funded for the sessions above. Review the job plan at the next appraisal "
        f"and agree cover for {rng.choice(('annual leave', 'clinic days', 'on-call weeks'))}."
    )


def _person_names(rng: random.Random) -> Iterator[str]:
    """Unique person names: first and last names, then with a middle initial once those run out."""
    first, last = words.FIRST_NAMES, words.LAST_NAMES
    plain = [f"{f} {s}" for f in first for s in last]
    rng.shuffle(plain)
    yield from plain
    initialled = [f"{f} {i}. {s}" for i in words.INITIALS for f in first for s in last]
    rng.shuffle(initialled)
    yield from initialled
    n = 0
    while True:  # beyond ~300,000 people: numbered, still unique
        n += 1
        yield f"{rng.choice(first)} {rng.choice(last)} ({n})"


def _place_names(rng: random.Random) -> list[str]:
    names = [h + t for h in words.PLACE_HEADS for t in words.PLACE_TAILS]
    rng.shuffle(names)
    return names


def _tier_counts(committees: int) -> dict[str, int]:
    system = max(1, min(len(words.SYSTEM_COMMITTEES), round(committees * SYSTEM_SHARE)))
    programme = min(round(committees * PROGRAMME_SHARE), max(0, committees - system))
    place = min(round(committees * PLACE_SHARE), max(0, committees - system - programme))
    return {
        "system": system,
        "programme": programme,
        "place": place,
        "neighbourhood": max(0, committees - system - programme - place),
    }


def _system(b: _Builder, name: str, places: list[str], committees: int, seats: int) -> None:
    """One ICS: its committee tree, each committee's seats, then who holds the new roles."""
    rng, counts = b.rng, _tier_counts(committees)
    first_role = len(b.roles)
    tops = [
        b.committee(f"{name} {title}", "system", None, "")
        for title in words.SYSTEM_COMMITTEES[: counts["system"]]
    ]
    board, executive = tops[0], tops[min(1, len(tops) - 1)]
    areas = list(b.programmes)
    programme_boards: list[_Committee] = []
    for j in range(counts["programme"]):
        area = areas[j % len(areas)]
        kind = words.PROGRAMME_BOARD_KINDS[(j // len(areas)) % len(words.PROGRAMME_BOARD_KINDS)]
        programme_boards.append(b.committee(f"{name} {area} {kind}", "programme", executive, area))
    place_boards: list[_Committee] = []
    for j in range(counts["place"]):
        place = places[(j // 2) % len(places)]
        parent = board if j % 2 == 0 else place_boards[-1]
        title = words.PLACE_COMMITTEES[0 if j % 2 == 0 else rng.randint(1, 2)]
        place_boards.append(b.committee(f"{place} {title}", "place", parent, ""))
    groups: list[_Committee] = []
    for _ in range(counts["neighbourhood"]):
        use_programme = programme_boards and (not place_boards or rng.random() < 0.6)
        parent = rng.choice(programme_boards if use_programme else place_boards or tops)
        area = parent.data["programme_area"] or (rng.choice(areas) if rng.random() < 0.5 else "")
        topic = f"{rng.choice(words.PROJECT_TOPICS)} {rng.choice(words.PROJECT_KINDS)}"
        orphan = rng.random() < 0.01  # a group not yet linked into the tree (STR005)
        title = f"{rng.choice(places)} {topic}"
        groups.append(b.committee(title, "neighbourhood", None if orphan else parent, area))
    by_id = {c.data["id"]: c for c in (*tops, *programme_boards, *place_boards, *groups)}
    for c in by_id.values():  # parents come first, so their roles exist when children reuse them
        above = by_id.get(c.data["reports_to_id"] or "")
        b.seat(c, above, max(1, seats + rng.randint(-3, 3)))
    system_people: list[dict[str, Any]] = []
    for role in b.roles[first_role:]:
        b.hold(role, system_people)


def _base_plan(name: str) -> dict[str, Any]:
    """The ICS preset with deterministic tier and stage ids (the preset's are random)."""
    plan = new_plan("ics", name)
    stage_ids = {s.id: stable_id("stg", i) for i, s in enumerate(plan.stages)}
    data = plan.model_dump()
    for i, tier in enumerate(data["tiers"]):
        tier["id"] = stable_id("tier", i)
    for stage in data["stages"]:
        stage["id"] = stage_ids[stage["id"]]
    data["profile"] = {
        level: {stage_ids[s]: row for s, row in by_stage.items()}
        for level, by_stage in data["profile"].items()
    }
    return data


_PROGRAMMES: dict[str, tuple[str, ...]] = {
    "Maternity": ("midwifery", "obstetrics"),
    "Mental health": ("psychiatry", "mental health nursing", "psychology"),
    "Primary care": ("general practice", "practice nursing", "community pharmacy"),
    "Urgent and emergency care": ("emergency medicine", "paramedicine", "acute medicine"),
    "Community services": ("community nursing", "allied health professions"),
    "Medicines": ("pharmacy",),
    "Cancer": ("oncology", "cancer nursing"),
    "Rehabilitation": ("allied health professions", "nursing"),
}


def generate_plan(
    systems: int = 42,
    committees_per_system: int = 100,
    seats_per_committee: int = 12,
    seed: int = 0,
) -> Plan:
    """A synthetic plan of about ``systems × committees_per_system × seats_per_committee`` seats."""
    rng = random.Random(seed)
    data = _base_plan(f"Synthetic national plan ({systems} systems, seed {seed})")
    # The generator keeps its own programme table, so a change to the product's defaults
    # does not change the plans that benchmarks and analysis snapshots are built from.
    data["programmes"] = [{"name": k, "professions": list(v)} for k, v in _PROGRAMMES.items()]
    tier_ids = dict(zip(_TIER_KINDS, (t["id"] for t in data["tiers"]), strict=True))
    programmes = {p["name"]: list(p["professions"]) for p in data["programmes"]}
    b = _Builder(rng, tier_ids, [s["id"] for s in data["stages"]], programmes)
    b.person_names = _person_names(rng)
    place_names = _place_names(rng)
    per_system = max(1, min(8, committees_per_system // 12 + 1))
    for i in range(systems):
        places = [place_names[(i * per_system + k) % len(place_names)] for k in range(per_system)]
        suffix = words.SYSTEM_SUFFIXES[i % len(words.SYSTEM_SUFFIXES)]
        name = f"{places[0]} {suffix}" if i < len(place_names) else f"System {i + 1}"
        _system(b, name, places, committees_per_system, seats_per_committee)
    data.update(committees=b.committees, roles=b.roles, people=b.people)
    return Plan.model_validate(data)


def shape_for_seats(seats: int) -> tuple[int, int, int]:
    """(systems, committees per system, seats per committee) for about ``seats`` seats."""
    committees = max(1, round(seats / 12))
    systems = max(1, round(committees / 100))
    return systems, max(1, round(committees / systems)), 12


def plan_for_seats(seats: int, seed: int = 0) -> Plan:
    """A synthetic plan with about ``seats`` seats (42 systems at 50,000)."""
    return generate_plan(*shape_for_seats(seats), seed=seed)


def count_seats(plan: Plan) -> int:
    return sum(len(r.committee_ids) for r in plan.roles)


def describe(plan: Plan) -> str:
    vacant = sum(r.holder_id is None for r in plan.roles)
    return (
        f"{count_seats(plan):,} seats, {len(plan.committees):,} committees, "
        f"{len(plan.roles):,} roles ({vacant / max(1, len(plan.roles)):.0%} vacant), "
        f"{len(plan.people):,} people"
    )


def save(plan: Plan, path: Path) -> str:
    """Save with govplanner's own plan file writer, or as a bare plan if it is not there yet."""
    try:
        from govplanner.files.planfile import save_plan
    except ImportError:
        path.write_text(json.dumps(plan.model_dump(mode="json")), encoding="utf-8")
        return "bare JSON (govplanner.files.planfile is not available yet)"
    save_plan(plan, path)
    return "govplanner.files.planfile.save_plan"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    parser.add_argument("--seats", type=int, default=50_000, help="about how many seats")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .govplan to write")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    plan = plan_for_seats(args.seats, args.seed)
    check_plan(plan)
    built = time.perf_counter() - start
    how = save(plan, args.output)
    print(f"{args.output}: {describe(plan)}; generated in {built:.1f} s, written with {how}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A canonical JSON rendering of an analysis, so a regression test can compare it to a fixture."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from govplanner.analysis import Analysis, analyse
from govplanner.domain.enums import CommitteeKind, LineKind, Membership
from govplanner.domain.governance import infer_kind
from govplanner.domain.model import AcceptedFinding, Line, Plan, Role, Seat
from govplanner.files.planfile import load_plan

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "examples"
#: the date every snapshot is taken at, so term findings do not move with the calendar
AS_OF = dt.date(2026, 6, 1)
EXAMPLE_NAMES = (
    "ics-example",
    "partnership-a",
    "partnership-a-proposed",
    "partnership-b",
    "partnership-c",
)


def _cell(cell: Any) -> dict[str, Any]:
    return {
        "required": cell.required,
        "covered": cell.covered,
        "gap": cell.gap,
        "required_ids": list(cell.required_ids),
        "covered_ids": list(cell.covered_ids),
        "accepted": cell.accepted,
        "accepted_ids": list(cell.accepted_ids),
    }


def render(result: Analysis) -> dict[str, Any]:
    """Every field of every finding and coverage cell, in the analysis's order."""
    findings = [
        {
            "code": f.code,
            "severity": f.severity.value,
            "subject_kind": f.subject_kind.value,
            "subject_id": f.subject_id,
            "subject": f.subject,
            "function": f.function.value if f.function else None,
            "stage_id": f.stage_id,
            "stage": f.stage,
            "tier_id": f.tier_id,
            "tier": f.tier,
            "message": f.message,
            "remedy": f.remedy,
            "accepted": f.accepted,
            "rationale": f.rationale,
            "key": f.key,
            "is_open": f.is_open,
        }
        for f in result.findings
    ]
    coverage = [
        {
            "tier_id": t.tier_id,
            "tier": t.tier,
            "functions": {fn.value: _cell(c) for fn, c in t.functions.items()},
        }
        for t in result.coverage
    ]
    by_stage = [
        {
            "tier_id": s.tier_id,
            "tier": s.tier,
            "stage_id": s.stage_id,
            "stage": s.stage,
            "functions": {fn.value: _cell(c) for fn, c in s.functions.items()},
        }
        for s in result.coverage_by_stage
    ]
    return {
        "as_of": None if result.as_of is None else result.as_of.isoformat(),
        "summary": result.summary,
        "open": len(result.open_findings),
        "findings": findings,
        "coverage": coverage,
        "coverage_by_stage": by_stage,
        "root_causes": [
            {
                "subject_kind": c.subject_kind.value,
                "subject_id": c.subject_id,
                "subject": c.subject,
                "finding_keys": list(c.finding_keys),
                "summary": c.summary,
            }
            for c in result.root_causes
        ],
        "problem_count": result.problem_count,
        "closed_by": {k: list(v) for k, v in result.closed_by.items()},
        "stale_acceptances": list(result.stale_acceptances),
        "unjudged_areas": [list(pair) for pair in result.unjudged_areas],
    }


def synthetic_plan() -> Plan:
    """A seeded two-system synthetic plan (about 2,400 seats) from the benchmark generator."""
    from benchmarks.generate import generate_plan

    return generate_plan(systems=2, seed=7)


def edited_plan() -> Plan:
    """The synthetic plan edited so the rules the generator never triggers fire too.

    A reporting loop (STR001), a line reporting downward (STR002), roles with no seat or a
    dangling one (STR003), committees stripped of clinical roles (CLN001), a dangling tier,
    holder and reporting line, and accepted findings (with a rationale).
    """
    data = synthetic_plan().model_dump(mode="json")
    committees, roles = data["committees"], data["roles"]
    by_tier: dict[str, list[dict[str, Any]]] = {}
    for committee in committees:
        by_tier.setdefault(committee["tier_id"], []).append(committee)
    top, *_, bottom = [by_tier[t["id"]] for t in data["tiers"] if t["id"] in by_tier]

    def line_to(target: str) -> list[dict[str, str]]:
        return [{"to_id": target, "kind": "accountable"}]

    for a, b in ((0, 1), (1, 2), (2, 0)):  # a loop of three
        bottom[a]["lines"] = line_to(bottom[b]["id"])
    top[0]["lines"] = line_to(bottom[5]["id"])  # upside down
    bottom[6]["lines"] = line_to("com_missing")
    bottom[7]["tier_id"] = "tier_missing"
    stripped = {bottom[8]["id"], bottom[9]["id"]}
    for role in roles:
        role["seats"] = [s for s in role["seats"] if s["committee_id"] not in stripped]
    roles[0]["seats"] = []
    roles[1]["seats"] = [{"committee_id": "com_missing"}]
    roles[2]["holder_id"] = "per_missing"
    roles[3]["seats"] = roles[3]["seats"] * 2
    plan = Plan.model_validate(data)
    keys = [f.key for f in analyse(plan, as_of=AS_OF).findings[::7]]
    data["accepted"] = [
        {"key": key, "rationale": f"Agreed at review {i}", "accepted_on": "2026-05-01"}
        for i, key in enumerate(keys)
    ]
    return Plan.model_validate(data)


def v2_plan() -> Plan:
    """The synthetic plan with the structures of DOMAIN.md v2 laid over it, deterministically.

    Kinds inferred from names (assurance committees), committees accountable to two others,
    advisory lines (some closing an advisory loop), an accountable loop of two, participant,
    attendee and deputy seats, more vacancies with deputies standing in for some, quorums met
    and unmet, clinical quorums, several programme areas in one cell and an unknown one,
    recorded capacities, and accepted findings (one a gap, one now stale).
    """
    plan = synthetic_plan()
    committees, roles = plan.committees, plan.roles
    for i, c in enumerate(committees):
        c.kind = infer_kind(c.name)
        if c.programme_area and i % 9 == 0:
            c.programme_area += "; Mental health"
        elif c.programme_area and i % 13 == 0:
            c.programme_area = "Maternty; Cancer"
        if c.lines and i % 10 == 0 and committees[0].id not in c.accountable_to_ids:
            c.lines = [*c.lines, Line(to_id=committees[0].id)]
        advised = committees[(i - 1 if i % 10 == 5 else i + 1) % len(committees)]
        if i % 10 in (4, 5) and all(line.to_id != advised.id for line in c.lines):
            c.lines = [*c.lines, Line(to_id=advised.id, kind=LineKind.ADVISES)]
    committees[20].lines = [Line(to_id=committees[21].id)]
    committees[21].lines = [Line(to_id=committees[20].id)]
    for i, role in enumerate(roles):
        if i % 5 == 3:
            role.holder_id = None
        if role.seats and i % 7 == 0:
            first = role.seats[0].committee_id
            role.seats = [Seat(committee_id=first, membership="participant"), *role.seats[1:]]
        elif role.seats and i % 11 == 0:
            last = role.seats[-1].committee_id
            role.seats = [*role.seats[:-1], Seat(committee_id=last, membership="attendee")]
    for i, person in enumerate(plan.people):
        if i % 3 == 0:
            person.capacity = 6
    _add_deputies(plan)
    for i, c in enumerate(committees):
        seated = [r for r in roles if c.id in r.committee_ids]
        if i % 6 == 0:
            c.quorum = max(1, sum(1 for r in seated if r.holder_id) + i % 12 // 6)
        if i % 8 == 0 or c.kind is CommitteeKind.ASSURANCE:
            c.quorum_clinical = True
        if i % 16 == 8:  # its clinical leaders take part but do not vote: QRM002
            for r in seated:
                if r.clinical:
                    r.seats = [
                        Seat(committee_id=x.committee_id, membership="participant")
                        if x.committee_id == c.id
                        else x
                        for x in r.seats
                    ]
    keys = [f.key for f in analyse(plan, as_of=AS_OF).findings[::11]]
    gap = next(f.key for f in analyse(plan, as_of=AS_OF).findings if f.code == "GAP002")
    plan.accepted = [
        AcceptedFinding(key=key, rationale=f"Agreed at board {i}", accepted_on=AS_OF)
        for i, key in enumerate([*keys, gap, "GAP001|committee|com_gone|analytical|"])
    ]
    return plan


def _add_deputies(plan: Plan) -> None:
    """A filled deputy for the first vacant provider on every fifth committee with one."""
    result = analyse(plan, as_of=AS_OF)
    gaps = [f for f in result.findings if f.code == "GAP002"][::5]
    holders = [p.id for p in plan.people]
    for n, finding in enumerate(gaps):
        assert finding.function is not None
        vacant = next(
            r
            for r in plan.roles
            if r.holder_id is None
            and finding.function in r.functions
            and r.clinical
            and any(s.committee_id == finding.subject_id and s.membership.provides for s in r.seats)
        )
        plan.roles.append(
            Role(
                id=f"rol_deputy_{n}",
                title=f"Deputy {vacant.title}",
                seats=[Seat(committee_id=finding.subject_id, membership=Membership.DEPUTY)],
                deputy_for_id=vacant.id,
                functions=[finding.function],
                holder_id=holders[n * 7 % len(holders)],
            )
        )


def snapshots() -> dict[str, Plan]:
    """Every plan the regression test snapshots, by fixture name."""
    plans = {name: load_plan(EXAMPLES / f"{name}.govplan") for name in EXAMPLE_NAMES}
    plans["synthetic-2-systems"] = synthetic_plan()
    plans["synthetic-edited"] = edited_plan()
    plans["synthetic-v2"] = v2_plan()
    return plans


def dump(plan: Plan) -> str:
    return json.dumps(render(analyse(plan, as_of=AS_OF)), ensure_ascii=False, indent=1) + "\n"


def write_fixtures() -> None:
    """Regenerate the fixtures (only when a change to the results is intended)."""
    FIXTURES.mkdir(exist_ok=True)
    for name, plan in snapshots().items():
        (FIXTURES / f"{name}.json").write_text(dump(plan), encoding="utf-8")


if __name__ == "__main__":
    write_fixtures()

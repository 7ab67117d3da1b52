"""A canonical JSON rendering of an analysis, so a regression test can compare it to a fixture."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from govplanner.analysis import Analysis, analyse
from govplanner.domain.model import Plan
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


def snapshots() -> dict[str, Plan]:
    """Every plan the regression test snapshots, by fixture name."""
    plans = {name: load_plan(EXAMPLES / f"{name}.govplan") for name in EXAMPLE_NAMES}
    plans["synthetic-2-systems"] = synthetic_plan()
    plans["synthetic-edited"] = edited_plan()
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

"""Smoke tests of the synthetic plan generator the benchmarks run on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmarks.generate import count_seats, generate_plan, main, plan_for_seats, shape_for_seats

from govplanner.domain.integrity import plan_problems
from govplanner.domain.model import Plan


def test_same_seed_gives_the_same_plan_and_another_seed_a_different_one() -> None:
    first = generate_plan(systems=2, committees_per_system=12, seats_per_committee=6, seed=3)
    again = generate_plan(systems=2, committees_per_system=12, seats_per_committee=6, seed=3)
    other = generate_plan(systems=2, committees_per_system=12, seats_per_committee=6, seed=4)
    assert first.model_dump() == again.model_dump()
    assert first.model_dump() != other.model_dump()


def test_a_thousand_seat_plan_is_consistent_and_shaped_like_an_ics() -> None:
    plan = plan_for_seats(1000)
    assert plan_problems(plan) == []
    assert 900 <= count_seats(plan) <= 1100
    tier_names = {t.id: t.name for t in plan.tiers}
    used = Counter(tier_names[c.tier_id] for c in plan.committees)
    assert set(used) == {"System", "Programme", "Place", "Neighbourhood"}
    vacant = sum(r.holder_id is None for r in plan.roles) / len(plan.roles)
    assert 0.08 <= vacant <= 0.25
    assert any(len(r.committee_ids) > 1 for r in plan.roles)
    assert max(Counter(r.holder_id for r in plan.roles if r.holder_id).values()) > 1
    assert any(not r.clinical for r in plan.roles)
    assert any(p.sources is not None for p in plan.people)
    assert any(r.term_end is not None for r in plan.roles)


def test_reporting_lines_form_trees_that_never_report_to_a_lower_level() -> None:
    plan = generate_plan(systems=3, committees_per_system=30, seats_per_committee=8)
    by_id = {c.id: c for c in plan.committees}
    order = {t.id: t.level.order for t in plan.tiers}
    for committee in plan.committees:
        seen = {committee.id}
        current = committee
        while current.reports_to_id is not None:
            parent = by_id[current.reports_to_id]
            assert order[parent.tier_id] <= order[current.tier_id]
            assert parent.id not in seen  # no cycle
            seen.add(parent.id)
            current = parent


def test_the_national_shape_is_about_fifty_thousand_seats() -> None:
    systems, committees, seats = shape_for_seats(50_000)
    assert systems == 42
    assert 49_000 <= systems * committees * seats <= 51_000


def test_the_command_line_writes_a_plan_file_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "small.govplan"
    assert main(["--seats", "300", "--seed", "1", "-o", str(target)]) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    plan = Plan.model_validate(document.get("plan", document))
    assert plan_problems(plan) == []
    assert 250 <= count_seats(plan) <= 350

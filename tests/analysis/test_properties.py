"""Property tests: any valid plan analyses without error, consistently, whatever its order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govplanner.analysis.engine import analyse
from govplanner.analysis.rules.structure import _single_line_cycles, _tarjan
from govplanner.domain.catalogue import DEFAULT_PROGRAMMES
from govplanner.domain.enums import (
    COMMITTEE_KINDS,
    MEMBERSHIPS,
    Function,
    Level,
    LineKind,
    Requirement,
    Severity,
    Source,
)
from govplanner.domain.integrity import plan_problems
from govplanner.domain.model import AcceptedFinding, Line, Plan, Seat
from tests.analysis.test_engine import shuffled
from tests.builders import PlanBuilder

STAGE_NAMES = ["Strategy setting", "Mobilising change", "Sustaining collaboration", "Review"]
AREAS = ["", "Dermatology", *DEFAULT_PROGRAMMES]
PROFESSIONS = ["", "GP", "midwife", " Midwifery", "nursing", "pharmacy", "psychiatry", "x"]


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """A random plan that passes the integrity check (reporting loops are allowed)."""
    builder = PlanBuilder()
    stages = draw(st.lists(st.sampled_from(STAGE_NAMES), unique=True, max_size=4))
    builder.stages(*stages)
    tiers = [f"Tier {i}" for i in range(draw(st.integers(1, 4)))]
    for name in tiers:
        builder.tier(name, draw(st.sampled_from(list(Level))))
    committees = [f"Committee {i}" for i in range(draw(st.integers(0, 8)))]
    for i, name in enumerate(committees):
        others = committees[:i] + committees[i + 1 :]
        builder.committee(
            name,
            tier=draw(st.sampled_from(tiers)),
            reports_to=draw(st.none() | st.sampled_from(others)) if others else None,
            stage=draw(st.none() | st.sampled_from(stages)) if stages else None,
            programme=draw(st.sampled_from(AREAS)),
        )
    people = [f"Person {i}" for i in range(draw(st.integers(0, 4)))]
    for name in people:
        builder.person(
            name,
            capacity=draw(st.none() | st.sampled_from([0.0, 1.5, 4.0, 6.0])),
            sources=draw(st.none() | st.lists(st.sampled_from(list(Source)), unique=True)),
        )
    for i in range(draw(st.integers(0, 10))):
        builder.role(
            draw(st.sampled_from(["Lead", "Medical Lead", "GP Rep"])),
            id=f"rol_{i}",
            on=draw(st.lists(st.sampled_from(committees), unique=True)) if committees else [],
            functions=draw(st.lists(st.sampled_from(list(Function)), unique=True)),
            holder=draw(st.none() | st.sampled_from(people)) if people else None,
            clinical=draw(st.booleans()),
            profession=draw(st.sampled_from(PROFESSIONS)),
            sessions=draw(st.sampled_from([0.0, 0.5, 1.1, 2.0, 3.0])),
        )
    plan = builder.build(check=False)
    _v2(draw, plan)
    assert plan_problems(plan) == []
    return plan


def _v2(draw: st.DrawFn, plan: Plan) -> None:
    """DOMAIN.md v2 on top: kinds, overrides, several lines of both kinds, memberships,
    deputies, quorums, several areas in a cell."""
    ids = [c.id for c in plan.committees]
    for c in plan.committees:
        c.kind = draw(st.sampled_from(COMMITTEE_KINDS))
        c.requirements = draw(
            st.dictionaries(st.sampled_from(list(Function)), st.sampled_from(list(Requirement)))
        )
        others = [i for i in ids if i != c.id]
        targets = draw(st.lists(st.sampled_from(others), unique=True, max_size=3)) if others else []
        c.lines = [Line(to_id=t, kind=draw(st.sampled_from(list(LineKind)))) for t in targets]
        c.quorum = draw(st.none() | st.integers(1, 4))
        c.quorum_clinical = draw(st.booleans())
        if draw(st.booleans()):
            c.programme_area = "; ".join(draw(st.lists(st.sampled_from(AREAS[1:]), max_size=3)))
    roles = [r.id for r in plan.roles]
    for role in plan.roles:
        role.seats = [
            Seat(committee_id=seat.committee_id, membership=draw(st.sampled_from(MEMBERSHIPS)))
            for seat in role.seats
        ]
        others = [i for i in roles if i != role.id]
        role.deputy_for_id = draw(st.none() | st.sampled_from(others)) if others else None


@settings(max_examples=150, deadline=None)
@given(plans())
def test_any_valid_plan_analyses_and_the_summary_matches_the_findings(plan: Plan) -> None:
    result = analyse(plan)
    for severity in Severity:
        count = sum(1 for f in result.findings if f.severity is severity and f.is_open)
        assert result.summary[severity.value] == count
    assert result.summary["accepted"] == sum(1 for f in result.findings if f.accepted)
    assert len({f.key for f in result.findings}) == len(result.findings)
    for finding in result.findings:
        assert finding.subject in finding.message
    for tier in result.coverage + result.coverage_by_stage:
        for cell in tier.functions.values():
            assert set(cell.covered_ids) <= set(cell.required_ids)
            assert (cell.required, cell.covered) == (len(cell.required_ids), len(cell.covered_ids))
            assert set(cell.accepted_ids) <= set(cell.required_ids) - set(cell.covered_ids)
            assert cell.accepted == len(cell.accepted_ids) == 0  # nothing accepted here
    assert len(result.coverage_by_stage) == len(plan.tiers) * len(plan.stages)
    vacant = {r.id for r in plan.roles if r.holder_id is None}
    keys = {f.key for f in result.findings}
    for key, closers in result.closed_by.items():
        assert key in keys
        assert set(closers) <= vacant
    for cause in result.root_causes:
        assert set(cause.finding_keys) <= keys
        assert all(cause.subject_id in result.closed_by[k] for k in cause.finding_keys)
    assert result.problem_count <= len(result.open_findings)


@settings(max_examples=75, deadline=None)
@given(plans(), st.integers(0, 1000))
def test_the_result_does_not_depend_on_list_order(plan: Plan, seed: int) -> None:
    assert analyse(shuffled(plan, seed)) == analyse(plan)


@settings(max_examples=75, deadline=None)
@given(plans())
def test_accepting_every_finding_leaves_none_open(plan: Plan) -> None:
    keys = [f.key for f in analyse(plan).findings]
    accepted = [AcceptedFinding(key=k, rationale="Agreed by the board.") for k in keys]
    result = analyse(plan.model_copy(update={"accepted": accepted}))
    assert result.open_findings == ()
    assert result.summary == {"critical": 0, "warning": 0, "info": 0, "accepted": len(keys)}
    assert result.stale_acceptances == ()
    assert result.root_causes == ()
    assert result.problem_count == 0
    for tier in result.coverage:  # every gap now is an accepted one
        for cell in tier.functions.values():
            assert cell.gap == 0
            assert cell.covered + cell.accepted == cell.required


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=1, max_size=13), st.integers(0, 12))
def test_both_cycle_finders_agree_on_single_line_structures(targets: list[int], gaps: int) -> None:
    n = len(targets)
    graph = {f"c{i}": ([] if i % (gaps + 2) == 1 else [f"c{t % n}"]) for i, t in enumerate(targets)}
    walk = sorted(sorted(group) for group in _single_line_cycles(graph))
    assert walk == sorted(sorted(group) for group in _tarjan(graph))

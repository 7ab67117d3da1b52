"""Incremental analysis agrees exactly with a full analysis after any sequence of edits."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplanner.analysis.engine import RULES, analyse
from govplanner.analysis.incremental import (
    COMMITTEE_RULES,
    PERSON_RULES,
    ROLE_RULES,
    STRUCTURE_RULES,
    TIER_RULES,
    IncrementalAnalysis,
)
from govplanner.domain.document import Change, EditError, PlanDocument
from govplanner.domain.enums import (
    COMMITTEE_KINDS,
    MEMBERSHIPS,
    Function,
    LineKind,
    Requirement,
)
from govplanner.domain.model import AcceptedFinding, Line, Plan, Seat
from tests.analysis.test_properties import AREAS, PROFESSIONS, plans
from tests.builders import PlanBuilder

AS_OF = dt.date(2026, 4, 1)
TITLES = ["Lead", "Medical Lead", "GP Rep", "Nurse Lead"]


def _role_values(draw: st.DrawFn, plan: Plan, role_id: str) -> dict[str, Any]:
    committees = [c.id for c in plan.committees] + ["com_not_in_plan"]
    people = [p.id for p in plan.people]
    others = [r.id for r in plan.roles if r.id != role_id]
    field = draw(
        st.sampled_from(
            ["holder_id", "seats", "functions", "clinical", "title", "sessions_per_week",
             "term_end", "profession", "deputy_for_id"]
        )
    )  # fmt: skip
    value: Any
    if field == "holder_id":
        value = draw(st.none() | st.sampled_from(people)) if people else None
    elif field == "seats":
        chosen = draw(st.lists(st.sampled_from(committees), max_size=3))
        memberships = st.sampled_from(MEMBERSHIPS)
        value = [Seat(committee_id=c, membership=draw(memberships)) for c in chosen]
    elif field == "functions":
        value = draw(st.lists(st.sampled_from(list(Function)), unique=True))
    elif field == "clinical":
        value = draw(st.booleans())
    elif field == "title":
        value = draw(st.sampled_from(TITLES))
    elif field == "sessions_per_week":
        value = draw(st.sampled_from([0.0, 0.5, 1.1, 2.0, 3.0, 5.0]))
    elif field == "term_end":
        value = draw(st.none() | st.integers(-60, 200).map(lambda d: AS_OF + dt.timedelta(d)))
    elif field == "profession":
        value = draw(st.sampled_from(PROFESSIONS))
    else:
        value = draw(st.none() | st.sampled_from(others)) if others else None
    return {field: value}


def _committee_values(draw: st.DrawFn, plan: Plan, committee_id: str) -> dict[str, Any]:
    others = [c.id for c in plan.committees if c.id != committee_id]
    field = draw(
        st.sampled_from(
            ["name", "tier_id", "kind", "lines", "quorum", "quorum_clinical", "stage_id",
             "programme_area", "requirements"]
        )
    )  # fmt: skip
    value: Any
    if field == "name":
        value = draw(st.sampled_from(["Board", "a board", "Zeta forum", "Committee 1"]))
    elif field == "tier_id":
        value = draw(st.sampled_from([t.id for t in plan.tiers]))
    elif field == "kind":
        value = draw(st.sampled_from(COMMITTEE_KINDS))
    elif field == "lines":
        targets = draw(st.lists(st.sampled_from(others), unique=True, max_size=3)) if others else []
        value = [Line(to_id=t, kind=draw(st.sampled_from(list(LineKind)))) for t in targets]
    elif field == "quorum":
        value = draw(st.none() | st.integers(1, 4))
    elif field == "quorum_clinical":
        value = draw(st.booleans())
    elif field == "stage_id":
        stages = [s.id for s in plan.stages]
        value = draw(st.none() | st.sampled_from(stages)) if stages else None
    elif field == "programme_area":
        value = "; ".join(draw(st.lists(st.sampled_from(AREAS[1:]), max_size=2)))
    else:
        value = draw(
            st.dictionaries(st.sampled_from(list(Function)), st.sampled_from(list(Requirement)))
        )
    return {field: value}


def _edit(draw: st.DrawFn, document: PlanDocument) -> None:
    """One random edit through the document, as the app makes them."""
    plan = document.plan
    choices = []
    if plan.roles:
        choices.append("role")
    if plan.committees:
        choices.append("committee")
    if not choices or draw(st.integers(0, 19)) == 0:  # now and then, something else
        document.set_plan_fields(default_capacity=draw(st.sampled_from([1.0, 4.0, 8.0])))
        return
    if draw(st.sampled_from(choices)) == "role":
        role_id = draw(st.sampled_from([r.id for r in plan.roles]))
        document.update("role", role_id, **_role_values(draw, plan, role_id))
    else:
        committee_id = draw(st.sampled_from([c.id for c in plan.committees]))
        document.update("committee", committee_id, **_committee_values(draw, plan, committee_id))


def _accept_some(draw: st.DrawFn, plan: Plan) -> None:
    """Accept a few of the plan's findings, plus one that may arise only after edits."""
    keys = [f.key for f in analyse(plan, as_of=AS_OF).findings]
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=4)) if keys else []
    if plan.committees and draw(st.booleans()):
        cid = draw(st.sampled_from([c.id for c in plan.committees]))
        chosen.append(f"GAP002|committee|{cid}|{draw(st.sampled_from(list(Function))).value}|")
    plan.accepted = [AcceptedFinding(key=k, rationale="Agreed.") for k in dict.fromkeys(chosen)]


@settings(max_examples=200, deadline=None)
@given(plans(), st.data())
def test_incremental_and_full_analysis_agree_after_random_edits(
    plan: Plan, data: st.DataObject
) -> None:
    _accept_some(data.draw, plan)
    document = PlanDocument(plan=plan)
    changes: list[Change] = []
    document.subscribe(changes.append)
    incremental = IncrementalAnalysis(plan, as_of=AS_OF)
    assert incremental.analysis == analyse(plan, as_of=AS_OF)
    for _batch in range(data.draw(st.integers(1, 6))):
        for _edit_number in range(data.draw(st.integers(1, 3))):
            with contextlib.suppress(EditError):  # a refused value changes nothing
                _edit(data.draw, document)
        runs = incremental.full_runs
        result = incremental.update(document.plan, changes, as_of=AS_OF)
        # role and committee edits are judged incrementally; a setting makes a full run
        assert incremental.full_runs == runs + any(c.kind is None for c in changes)
        changes.clear()
        full = analyse(document.plan, as_of=AS_OF)
        assert result.findings == full.findings
        assert result.coverage == full.coverage
        assert result.coverage_by_stage == full.coverage_by_stage
        assert result.root_causes == full.root_causes
        assert result.closed_by == full.closed_by
        assert result.stale_acceptances == full.stale_acceptances
        assert result.unjudged_areas == full.unjudged_areas
        assert result == full


def _small() -> Plan:
    return (
        PlanBuilder()
        .tier("System", "executive")
        .tier("Place", "thematic")
        .committee("ICB Board", tier="System")
        .committee("Place Board", tier="Place", reports_to="ICB Board")
        .person("Dr A")
        .person("Dr B")
        .role("Medical Director", on=["ICB Board"], functions=["analytical"], holder="Dr A")
        .role("Place Lead", on=["Place Board"], functions=["relational"], holder="Dr B")
        .build()
    )


def test_a_role_edit_is_analysed_without_a_full_run() -> None:
    plan = _small()
    document = PlanDocument(plan=plan)
    changes: list[Change] = []
    document.subscribe(changes.append)
    incremental = IncrementalAnalysis(plan, as_of=AS_OF)
    document.update("role", "rol_place_lead", holder_id=None)
    result = incremental.update(plan, changes, as_of=AS_OF)
    assert incremental.full_runs == 1
    assert "GAP002" in {f.code for f in result.findings}
    assert result == analyse(plan, as_of=AS_OF)


@pytest.mark.parametrize(
    "change",
    [
        Change("updated", None, None, None, ("default_capacity",)),
        Change("updated", "person", "per_dr_a", 0, ("name",)),
        Change("added", "role", "rol_new", 2),
        Change("removed", "committee", "com_place_board", 1),
        Change("moved", "role", "rol_place_lead", 0),
        Change("reset"),
    ],
)
def test_other_edits_make_a_full_analysis(change: Change) -> None:
    plan = _small()
    incremental = IncrementalAnalysis(plan, as_of=AS_OF)
    incremental.update(plan, [change], as_of=AS_OF)
    assert incremental.full_runs == 2


def test_a_new_plan_or_a_new_day_makes_a_full_analysis() -> None:
    plan = _small()
    incremental = IncrementalAnalysis(plan, as_of=AS_OF)
    edit = Change("updated", "role", "rol_place_lead", 1, ("title",))
    incremental.update(_small(), [edit], as_of=AS_OF)
    assert incremental.full_runs == 2
    later = incremental.update(incremental.plan, [edit], as_of=AS_OF + dt.timedelta(days=1))
    assert incremental.full_runs == 3
    assert later.as_of == AS_OF + dt.timedelta(days=1)


def test_every_rule_has_exactly_one_scope() -> None:
    scoped = [COMMITTEE_RULES, TIER_RULES, PERSON_RULES, ROLE_RULES, STRUCTURE_RULES]
    codes = [code for table in scoped for code in table]
    assert sorted(codes) == sorted(RULES)
    for table in scoped:
        for code, rule in table.items():
            assert rule is RULES[code]

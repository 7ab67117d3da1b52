"""The engine as a whole: accepted findings, order, summary, determinism, purity, rule table."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from govplanner.analysis import analyse as exported_analyse
from govplanner.analysis.context import build_context
from govplanner.analysis.engine import analyse
from govplanner.analysis.result import finding_key
from govplanner.analysis.rules import RULES
from govplanner.domain.enums import Function, Severity, SubjectKind
from govplanner.domain.model import Plan, Seat
from tests.analysis.support import committee, deputise
from tests.builders import PlanBuilder, committee_id, stage_id

DOMAIN_CODES = [
    "GAP001", "GAP002", "GAP003", "CLN001", "PRO001", "LOD001", "LOD002", "DEV001",
    "STR001", "STR002", "STR003", "STR004", "STR005",
]  # fmt: skip
TERM_CODES = ["TRM001", "TRM002"]  # issue 8: judged against the analysis date
V2_CODES = ["QRM001", "QRM002", "DEP001"]  # DOMAIN.md v2: quorum and deputies
AS_OF = dt.date(2026, 1, 15)


def busy_plan() -> PlanBuilder:
    """A plan that raises findings of every code."""
    return (
        PlanBuilder()
        .tier("System", "executive")
        .tier("Programme", "thematic")
        .tier("Neighbourhood", "project")
        .committee("ICB Board", tier="System")
        .committee("Finance Committee", tier="System", reports_to="ICB Board")
        .committee(
            "Maternity Board", tier="Programme", programme="Maternity", reports_to="ICB Board"
        )
        .committee("cancer board", tier="Programme", reports_to="Maternity Board")
        .committee("Urgent Care Board", tier="Programme")
        .committee("Loop One", tier="Neighbourhood", reports_to="Loop Two")
        .committee(
            "Loop Two",
            tier="Neighbourhood",
            reports_to="Loop One",
            stage="Sustaining collaboration",
        )
        .committee("Upside Down", tier="System", reports_to="Loop One")
        .person("Dr A", sources=["reputation"])
        .person("Dr B", capacity=1)
        .role(
            "Medical Director",
            on=["ICB Board", "Maternity Board", "cancer board"],
            functions=["analytical", "translation"],
            holder="Dr A",
            sessions=3,
            profession="GP",
        )
        .role("Medical Lead", on=["Maternity Board"], functions=["representation"])
        .role("Clinical Lead", on=["Urgent Care Board"], holder="Dr B", sessions=2)
        .role("Nurse Lead", on=["Loop One", "Loop Two"], functions=Function, holder="Nurse N")
        .role(
            "Finance Director", on=["Finance Committee"], clinical=False, holder="Dr A", sessions=2
        )
        .role("Spare Lead", functions=["relational"])
        .role("Relational Lead", on=["Urgent Care Board"], functions=["relational"])
        .role("Deputy Relational Lead", functions=["relational"], holder="Dr C")
    )


def busy(builder: PlanBuilder) -> Plan:
    """The busy plan built, with the v2 structures the builder does not write: a quorum the
    board cannot meet (QRM001), a clinical quorum on the finance committee (QRM002) and a
    deputy holding relational work for a vacant lead (DEP001)."""
    plan = builder.build()
    committee(plan, "ICB Board").quorum = 3
    committee(plan, "Finance Committee").quorum_clinical = True
    return deputise(plan, "Deputy Relational Lead", "Relational Lead", on="Urgent Care Board")


def busy_plan_with_terms() -> Plan:
    """The busy plan, with one term ending soon and one already ended (as of AS_OF)."""
    plan = busy(busy_plan())
    by_title = {r.title: r for r in plan.roles}
    by_title["Medical Director"].term_end = AS_OF + dt.timedelta(days=30)
    by_title["Clinical Lead"].term_end = AS_OF - dt.timedelta(days=1)
    return plan


def test_the_package_exports_the_engine() -> None:
    assert exported_analyse is analyse


def test_rules_cover_every_domain_code_and_are_named_by_it() -> None:
    assert list(RULES) == DOMAIN_CODES + TERM_CODES + V2_CODES
    assert all(rule.__name__ == code.lower() for code, rule in RULES.items())


def test_the_busy_plan_raises_every_code() -> None:
    codes = {f.code for f in analyse(busy_plan_with_terms(), as_of=AS_OF).findings}
    assert codes == set(DOMAIN_CODES + TERM_CODES + V2_CODES)


def test_every_message_names_its_subject_and_every_remedy_is_a_sentence() -> None:
    for finding in analyse(busy_plan_with_terms(), as_of=AS_OF).findings:
        assert finding.subject in finding.message, finding
        assert finding.message.endswith("."), finding
        assert finding.remedy.endswith("."), finding
        assert finding.remedy[0].isupper(), finding


def test_findings_are_ordered_by_severity_code_tier_name_and_function() -> None:
    findings = analyse(busy(busy_plan())).findings
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks)
    for severity in Severity:
        codes = [f.code for f in findings if f.severity is severity]
        assert codes == sorted(codes)
    critical_gaps = [
        (f.tier, f.subject, f.function.value if f.function else None)
        for f in findings
        if f.code == "GAP001" and f.severity is Severity.CRITICAL
    ]
    # Tier order first (System before Programme), then names ignoring case, then function order.
    assert critical_gaps == [
        ("System", "Finance Committee", "analytical"),
        ("System", "Finance Committee", "translation"),
        ("System", "Upside Down", "analytical"),
        ("System", "Upside Down", "translation"),
        ("Programme", "cancer board", "representation"),
        ("Programme", "Urgent Care Board", "analytical"),
        ("Programme", "Urgent Care Board", "representation"),
        ("Programme", "Urgent Care Board", "translation"),
    ]


def test_people_findings_without_a_tier_come_after_tiered_ones_of_the_same_code() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .role("Lead", on=["Board"], holder="Dr A", sessions=5)
        .role("Unseated", holder="Dr A")
        .build()
    )
    warnings = [(f.code, f.tier) for f in analyse(plan).findings if f.code.startswith("STR")]
    assert warnings == [("STR003", None), ("STR004", "System"), ("STR004", None)]


def test_summary_counts_open_findings_by_severity_and_accepted_ones() -> None:
    result = analyse(busy(busy_plan()))
    for severity in Severity:
        expected = sum(1 for f in result.findings if f.severity is severity)
        assert result.summary[severity.value] == expected
    assert result.summary["accepted"] == 0
    assert list(result.summary) == ["critical", "warning", "info", "accepted"]


def test_an_accepted_finding_is_kept_flagged_and_not_counted_as_open() -> None:
    key = finding_key(
        "GAP001",
        SubjectKind.COMMITTEE,
        committee_id("Board"),
        Function.ANALYTICAL,
        stage_id("Strategy setting"),
    )
    plan = (
        PlanBuilder()
        .committee("Board", tier="programme", reports_to=None)
        .accept(key, "An analyst attends every meeting.")
        .build()
    )
    result = analyse(plan)
    [accepted] = [f for f in result.findings if f.accepted]
    assert accepted.key == key
    assert accepted.rationale == "An analyst attends every meeting."
    assert not accepted.is_open
    assert accepted not in result.open_findings
    assert result.summary["accepted"] == 1
    assert result.summary["critical"] == sum(
        1 for f in result.findings if f.severity is Severity.CRITICAL and f.is_open
    )
    unaccepted = analyse(plan.model_copy(update={"accepted": []}))
    assert len(unaccepted.findings) == len(result.findings)
    assert unaccepted.summary["critical"] == result.summary["critical"] + 1


def test_acceptance_of_a_gap_lapses_when_the_committee_moves_stage() -> None:
    key = finding_key(
        "GAP001",
        SubjectKind.COMMITTEE,
        committee_id("Board"),
        Function.ANALYTICAL,
        stage_id("Strategy setting"),
    )
    plan = (
        PlanBuilder()
        .committee("Board", tier="programme", stage="Mobilising change")
        .accept(key)
        .build()
    )
    assert not any(f.accepted for f in analyse(plan).findings)


def test_analysis_does_not_change_the_plan() -> None:
    plan = busy(busy_plan())
    before = plan.model_dump()
    analyse(plan)
    assert plan.model_dump() == before


def test_a_prebuilt_context_gives_the_same_result() -> None:
    plan = busy(busy_plan())
    assert analyse(plan, build_context(plan)) == analyse(plan)


def test_a_context_built_for_another_plan_is_refused() -> None:
    plan = busy(busy_plan())
    with pytest.raises(ValueError, match="different plan"):
        analyse(plan.model_copy(), build_context(plan))


def shuffled(plan: Plan, seed: int) -> Plan:
    """The same plan with every order-free list shuffled (tiers, stages, seats keep their order)."""
    rng = random.Random(seed)

    def mix(items: list) -> list:  # type: ignore[type-arg]
        items = list(items)
        rng.shuffle(items)
        return items

    # A role's seats keep their order: its first seat gives a role finding its tier.
    roles = [r.model_copy(update={"functions": mix(r.functions)}) for r in plan.roles]
    return plan.model_copy(
        update={
            "committees": mix(plan.committees),
            "roles": mix(roles),
            "people": mix(plan.people),
            "programmes": mix(plan.programmes),
            "accepted": mix(plan.accepted),
        }
    )


@pytest.mark.parametrize("seed", range(5))
def test_output_does_not_depend_on_the_order_of_the_plans_lists(seed: int) -> None:
    plan = busy(
        busy_plan()
        .role("Second Lead", on=["Maternity Board"], functions=["representation"])
        .accept(finding_key("CLN001", SubjectKind.COMMITTEE, committee_id("Finance Committee")))
        .accept("GAP001|committee|com_gone|analytical|")  # stale
    )
    assert analyse(shuffled(plan, seed)) == analyse(plan)


def test_analysing_twice_gives_identical_results() -> None:
    plan = busy(busy_plan())
    assert analyse(plan) == analyse(plan)


def test_a_plan_with_broken_references_still_analyses() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="programme", reports_to="Board")
        .role("Lead", on=["Board"], functions=["analytical"], holder="Dr A", sessions=9)
        .build(check=False)
    )
    broken_committee = plan.committees[0].model_copy(
        update={"tier_id": "tier_gone", "stage_id": "stg_gone"}
    )
    broken_role = plan.roles[0].model_copy(  # a seat on a committee that is gone, first
        update={
            "seats": [Seat(committee_id="com_gone"), *plan.roles[0].seats],
            "holder_id": "per_x",
        }
    )
    broken = plan.model_copy(
        update={"committees": [broken_committee], "roles": [broken_role], "people": []}
    )
    assert [s.committee_id for s in broken.roles[0].seats] == ["com_gone", committee_id("Board")]
    codes = {f.code for f in analyse(broken).findings}
    assert codes == {"STR001"}  # the self-loop; rules needing the tier or holder skip quietly

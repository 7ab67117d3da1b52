"""Coverage per tier × function now, and per tier × stage × function as if at that stage."""

from __future__ import annotations

from govplanner.analysis.engine import analyse
from govplanner.analysis.result import CoverageCell, finding_key
from govplanner.domain.enums import Function, Requirement, SubjectKind
from govplanner.domain.model import AcceptedFinding
from tests.analysis.support import committee, deputise, set_kind
from tests.builders import PlanBuilder, committee_id, stage_id, tier_id

A, R, T, L = Function


def plan_with_two_tiers() -> PlanBuilder:
    """Neighbourhood (project) has two groups at different stages; System has one board."""
    return (
        PlanBuilder()
        .tier("System", "executive")
        .tier("Neighbourhood", "project")
        .committee("Pharmacy Group", tier="Neighbourhood", stage="Strategy setting")
        .committee("Rehab Team", tier="Neighbourhood", stage="Sustaining collaboration")
        .committee("ICB Board", tier="System")
        .role(
            "Pharmacy Lead",
            on=["Pharmacy Group"],
            functions=["analytical", "relational"],
            holder="P",
        )
        .role("Rehabilitation Lead", on=["Rehab Team"], functions=["relational"])
        .role("Nurse Lead", on=["Rehab Team"], functions=["representation"], holder="N")
    )


def test_coverage_counts_required_and_covered_committees_per_tier() -> None:
    coverage = analyse(plan_with_two_tiers().build()).coverage
    assert [(c.tier_id, c.tier) for c in coverage] == [
        (tier_id("System"), "System"),
        (tier_id("Neighbourhood"), "Neighbourhood"),
    ]
    neighbourhood = coverage[1].functions
    pharmacy, rehab = committee_id("Pharmacy Group"), committee_id("Rehab Team")
    # Project level: analytical essential at strategy, expected at sustaining → both required.
    assert neighbourhood[A] == CoverageCell(2, 1, (pharmacy, rehab), (pharmacy,))
    assert neighbourhood[R] == CoverageCell(2, 1, (pharmacy, rehab), (rehab,))
    # Translation is expected at both stages; nobody provides it.
    assert neighbourhood[T] == CoverageCell(2, 0, (pharmacy, rehab), ())
    # Relational: optional at strategy (pharmacy not required, even though covered);
    # essential at sustaining, where the only provider is vacant.
    assert neighbourhood[L] == CoverageCell(1, 0, (rehab,), ())
    assert neighbourhood[L].gap == 1


def test_coverage_of_a_tier_without_committees_is_empty() -> None:
    plan = PlanBuilder().tier("System", "executive").build()
    [tier] = analyse(plan).coverage
    assert all(cell == CoverageCell(0, 0) for cell in tier.functions.values())
    assert list(tier.functions) == list(Function)


def test_coverage_by_stage_treats_every_committee_as_at_that_stage() -> None:
    by_stage = analyse(plan_with_two_tiers().build()).coverage_by_stage
    assert [(s.tier, s.stage) for s in by_stage] == [
        ("System", "Strategy setting"),
        ("System", "Mobilising change"),
        ("System", "Sustaining collaboration"),
        ("Neighbourhood", "Strategy setting"),
        ("Neighbourhood", "Mobilising change"),
        ("Neighbourhood", "Sustaining collaboration"),
    ]
    strategy, mobilising, sustaining = by_stage[3:]
    assert strategy.stage_id == stage_id("Strategy setting")
    assert strategy.tier_id == tier_id("Neighbourhood")
    # Relational work is optional for a project committee at Strategy setting...
    assert strategy.functions[L] == CoverageCell(0, 0)
    # ...expected while mobilising and essential when sustaining, for both committees; the
    # pharmacy group covers it, the rehab team's provider is vacant.
    both = (committee_id("Pharmacy Group"), committee_id("Rehab Team"))
    covered = (committee_id("Pharmacy Group"),)
    assert mobilising.functions[L] == CoverageCell(2, 1, both, covered)
    assert sustaining.functions[L] == CoverageCell(2, 1, both, covered)


def test_coverage_by_stage_follows_an_edited_profile() -> None:
    plan = (
        plan_with_two_tiers()
        .requirement("project", "Mobilising change", "relational", "optional")
        .build()
    )
    mobilising = analyse(plan).coverage_by_stage[4]
    assert mobilising.stage == "Mobilising change"
    assert mobilising.functions[L] == CoverageCell(0, 0)


def test_coverage_ignores_non_clinical_providers() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .role(
            "Chief Executive",
            on=["Board"],
            functions=["translation"],
            clinical=False,
            holder="Ms C",
        )
        .build()
    )
    [tier] = analyse(plan).coverage
    assert tier.functions[T] == CoverageCell(1, 0, (committee_id("Board"),), ())


def test_a_plan_without_stages_uses_the_first_default_stage_and_has_no_stage_coverage() -> None:
    plan = PlanBuilder().stages().committee("Project Group", tier="neighbourhood").build()
    result = analyse(plan)
    assert result.coverage_by_stage == ()
    [tier] = result.coverage
    assert tier.functions[L].required == 0  # optional for a project committee at first stage
    assert tier.functions[A].required == 1
    gaps = [f for f in result.findings if f.code == "GAP001"]
    assert {f.stage for f in gaps} == {None}
    assert "essential for a committee at the project level" in gaps[0].message


# -- kinds and accepted gaps (DOMAIN.md v2 Coverage) ------------------------------------------

PHARMACY, REHAB = committee_id("Pharmacy Group"), committee_id("Rehab Team")
SUSTAINING = stage_id("Sustaining collaboration")


def test_coverage_leaves_out_committees_whose_kind_needs_nothing() -> None:
    plan = set_kind(plan_with_two_tiers().build(), "Rehab Team", "assurance")
    result = analyse(plan)
    neighbourhood = result.coverage[1].functions
    assert neighbourhood[A] == CoverageCell(1, 1, (PHARMACY,), (PHARMACY,))
    assert neighbourhood[L] == CoverageCell(0, 0)
    # and the what-if: the assurance committee is required at no stage
    sustaining = result.coverage_by_stage[5]
    assert sustaining.functions[L] == CoverageCell(1, 1, (PHARMACY,), (PHARMACY,))


def test_coverage_by_stage_follows_a_committee_override() -> None:
    plan = plan_with_two_tiers().build()
    committee(plan, "Pharmacy Group").requirements = {L: Requirement.OPTIONAL}
    sustaining = analyse(plan).coverage_by_stage[5]
    assert sustaining.functions[L] == CoverageCell(1, 0, (REHAB,), ())


def test_an_accepted_gap_is_counted_apart() -> None:
    key = finding_key("GAP002", SubjectKind.COMMITTEE, REHAB, L, SUSTAINING)
    plan = plan_with_two_tiers().accept(key).build()
    cell = analyse(plan).coverage[1].functions[L]
    assert cell == CoverageCell(1, 0, (REHAB,), (), accepted=1, accepted_ids=(REHAB,))
    assert cell.gap == 0


def test_a_gap_accepted_under_another_code_does_not_count() -> None:
    # The nearest edge: the rehab team's gap is GAP002 (a vacant provider), not GAP001.
    key = finding_key("GAP001", SubjectKind.COMMITTEE, REHAB, L, SUSTAINING)
    cell = analyse(plan_with_two_tiers().accept(key).build()).coverage[1].functions[L]
    assert (cell.accepted, cell.gap) == (0, 1)


def test_a_gap_accepted_at_another_stage_does_not_count_now() -> None:
    key = finding_key("GAP002", SubjectKind.COMMITTEE, REHAB, L, stage_id("Mobilising change"))
    result = analyse(plan_with_two_tiers().accept(key).build())
    assert result.coverage[1].functions[L].accepted == 0
    # ...but it does in the what-if for that stage
    by_stage = {s.stage: s.functions for s in result.coverage_by_stage if s.tier == "Neighbourhood"}
    assert by_stage["Mobilising change"][L].accepted_ids == (REHAB,)
    assert by_stage["Sustaining collaboration"][L].accepted == 0


def test_an_accepted_deputised_gap_counts_as_accepted() -> None:
    plan = plan_with_two_tiers().role("Deputy", functions=["relational"], holder="D").build()
    deputise(plan, "Deputy", "Rehabilitation Lead", on="Rehab Team")
    key = finding_key("DEP001", SubjectKind.COMMITTEE, REHAB, L, SUSTAINING)
    plan.accepted = [AcceptedFinding(key=key, rationale="Interim cover agreed")]
    cell = analyse(plan).coverage[1].functions[L]
    assert (cell.required, cell.covered, cell.accepted) == (1, 0, 1)


def test_an_accepted_gap_in_a_mixed_tier_counts_in_the_what_if() -> None:
    plan = set_kind(plan_with_two_tiers().build(), "Pharmacy Group", "clinical_forum")
    committee(plan, "Pharmacy Group").requirements = {T: Requirement.OPTIONAL}
    key = finding_key("GAP001", SubjectKind.COMMITTEE, REHAB, T, stage_id("Strategy setting"))
    plan.accepted = [AcceptedFinding(key=key, rationale="Covered by the PCN")]
    strategy = analyse(plan).coverage_by_stage[3]
    assert strategy.functions[T] == CoverageCell(
        1, 0, (REHAB,), (), accepted=1, accepted_ids=(REHAB,)
    )

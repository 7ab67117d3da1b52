"""DOMAIN.md v2 kinds: what a committee needs (override > kind rule > profile), and where
CLN001, PRO001, GAP001 and GAP002 apply."""

from __future__ import annotations

import itertools

import pytest

from govplanner.analysis.context import build_context
from govplanner.analysis.engine import analyse
from govplanner.domain.enums import (
    COMMITTEE_KINDS,
    FUNCTIONS,
    CommitteeKind,
    Function,
    Requirement,
    Rule,
    Severity,
)
from govplanner.domain.model import Plan
from tests.analysis.support import committee, found, set_kind, subjects
from tests.builders import PlanBuilder

ALL = ["analytical", "representation", "translation", "relational"]


def boards() -> Plan:
    """Three empty committees on three tiers, at different stages: nothing provided anywhere."""
    return (
        PlanBuilder()
        .committee("Audit Committee", tier="system")
        .committee("Programme Board", tier="programme", stage="Mobilising change")
        .committee("Project Group", tier="neighbourhood", stage="Sustaining collaboration")
        .build()
    )


@pytest.mark.parametrize("kind", COMMITTEE_KINDS)
def test_requirements_match_the_plans_committee_requirement(kind: CommitteeKind) -> None:
    plan = boards()
    for c in plan.committees:
        c.kind = kind
    committee(plan, "Programme Board").requirements = {Function.RELATIONAL: Requirement.OPTIONAL}
    plan.kind_rules[kind][Function.TRANSLATION] = Rule.EXPECTED
    ctx = build_context(plan)
    for c, f in itertools.product(plan.committees, FUNCTIONS):
        level, stage = ctx.levels[c.id], ctx.current_stage[c.id]
        assert ctx.requirements[c.id][f] is plan.committee_requirement(c, level, stage, f), (c, f)
        for s in plan.stages:  # the what-if rows agree too
            row, _mask = ctx.requirements_of(c, level, s.id)
            assert row[f] is plan.committee_requirement(c, level, s.id, f)


def test_gap001_is_silent_on_an_assurance_committee_by_default() -> None:
    plan = boards()
    assert {s[0] for s in subjects(plan, "GAP001")} == {
        "Audit Committee",
        "Programme Board",
        "Project Group",
    }
    set_kind(plan, "Audit Committee", "assurance")
    set_kind(plan, "Programme Board", "advisory")
    assert {s[0] for s in subjects(plan, "GAP001")} == {"Project Group"}


def test_gap001_follows_an_edited_kind_rule_and_says_so() -> None:
    plan = set_kind(boards(), "Audit Committee", "assurance")
    plan.kind_rules[CommitteeKind.ASSURANCE][Function.ANALYTICAL] = Rule.ESSENTIAL
    [finding] = [f for f in found(plan, "GAP001") if f.subject == "Audit Committee"]
    assert (finding.function, finding.severity) == (Function.ANALYTICAL, Severity.CRITICAL)
    assert finding.message == (
        "Audit Committee has no clinical leader providing analytical insight, which is "
        "essential for every assurance committee."
    )


def test_gap001_follows_a_committee_override_above_its_kind() -> None:
    plan = set_kind(boards(), "Audit Committee", "assurance")
    committee(plan, "Audit Committee").requirements = {Function.REPRESENTATION: "expected"}
    [finding] = [f for f in found(plan, "GAP001") if f.subject == "Audit Committee"]
    assert (finding.function, finding.severity) == (Function.REPRESENTATION, Severity.WARNING)
    assert finding.message.endswith("which is set as expected for this committee.")


def test_an_override_to_optional_silences_a_profile_gap() -> None:
    plan = boards()
    before = {f for _s, f in subjects(plan, "GAP001") if _s == "Programme Board"}
    assert "analytical" in before
    committee(plan, "Programme Board").requirements = {Function.ANALYTICAL: "optional"}
    after = {f for s, f in subjects(plan, "GAP001") if s == "Programme Board"}
    assert after == before - {"analytical"}


def test_gap002_is_silent_on_an_assurance_committee_with_a_vacant_provider() -> None:
    plan = (
        PlanBuilder()
        .committee("Audit Committee", tier="system")
        .role("Clinical Adviser", on=["Audit Committee"], functions=ALL)
        .build()
    )
    assert len(found(plan, "GAP002")) == 4
    set_kind(plan, "Audit Committee", "assurance")
    assert found(plan, "GAP002") == []


# -- CLN001 and PRO001 only where a clinical voice is needed -----------------------------------


@pytest.mark.parametrize(
    ("kind", "fires"),
    [("decision", True), ("clinical_forum", True), ("assurance", False), ("advisory", False)],
)
def test_cln001_only_where_the_kind_needs_a_clinical_voice(kind: str, fires: bool) -> None:
    plan = PlanBuilder().committee("Audit Committee", tier="system").build()
    set_kind(plan, "Audit Committee", kind)
    assert [f.subject for f in found(plan, "CLN001")] == (["Audit Committee"] if fires else [])


@pytest.mark.parametrize(
    ("kind", "fires"),
    [("decision", True), ("clinical_forum", True), ("assurance", False), ("advisory", False)],
)
def test_pro001_only_where_the_kind_needs_a_clinical_voice(kind: str, fires: bool) -> None:
    plan = (
        PlanBuilder()
        .committee("Maternity Group", tier="neighbourhood", programme="Maternity")
        .role("GP Lead", on=["Maternity Group"], functions=ALL, profession="GP", holder="Dr A")
        .build()
    )
    set_kind(plan, "Maternity Group", kind)
    assert [f.subject for f in found(plan, "PRO001")] == (["Maternity Group"] if fires else [])


def test_an_assurance_committee_raises_no_clinical_finding_at_all() -> None:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Audit Committee", tier="system", reports_to="ICB Board")
        .role("Medical Director", on=["ICB Board"], functions=ALL, holder="Dr A")
        .role("Audit Chair", on=["Audit Committee"], clinical=False, holder="Mr L")
        .build()
    )
    set_kind(plan, "Audit Committee", "assurance")
    about = [f.code for f in analyse(plan).findings if f.subject == "Audit Committee"]
    assert about == []

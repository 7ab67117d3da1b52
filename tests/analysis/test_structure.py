"""STR001-STR005: reporting loops, upside-down lines, unseated roles, functionless roles."""

from __future__ import annotations

from govplanner.analysis.context import build_context
from govplanner.analysis.rules.structure import accountable_graph, cyclic_groups
from govplanner.domain.enums import Severity, SubjectKind
from govplanner.domain.model import Plan
from tests.analysis.support import found, lines, subjects
from tests.builders import PlanBuilder, role_id, tier_id

# -- STR001 ------------------------------------------------------------------------------------


def loop_plan() -> PlanBuilder:
    """A → B → C → A on the programme tier, and D → A pointing into the loop."""
    return (
        PlanBuilder()
        .committee("A", tier="programme", reports_to="B")
        .committee("B", tier="programme", reports_to="C")
        .committee("C", tier="programme", reports_to="A")
        .committee("D", tier="programme", reports_to="A")
    )


def test_str001_fires_once_for_each_committee_on_a_loop() -> None:
    findings = found(loop_plan().build(), "STR001")
    assert [f.subject for f in findings] == ["A", "B", "C"]
    assert {f.severity for f in findings} == {Severity.CRITICAL}
    assert {f.subject_kind for f in findings} == {SubjectKind.COMMITTEE}
    assert "(B → C → A → B)" in findings[1].message


def test_str001_is_silent_for_a_committee_that_only_points_into_a_loop() -> None:
    assert "D" not in [s for s, _ in subjects(loop_plan().build(), "STR001")]


def test_str001_is_silent_for_a_plain_chain() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .committee("Programme Board", tier="programme", reports_to="Board")
        .committee("Project", tier="neighbourhood", reports_to="Programme Board")
        .build()
    )
    assert found(plan, "STR001") == []


def test_str001_finds_two_separate_loops_and_a_self_loop() -> None:
    plan = (
        PlanBuilder()
        .committee("A", tier="programme", reports_to="B")
        .committee("B", tier="programme", reports_to="A")
        .committee("C", tier="programme", reports_to="D")
        .committee("D", tier="programme", reports_to="C")
        .committee("E", tier="programme", reports_to="E")
        .build(check=False)  # a self-loop fails the integrity check, but must not break analysis
    )
    groups = cyclic_groups(accountable_graph(build_context(plan)))
    assert sorted(sorted(cid.removeprefix("com_").upper() for cid in g) for g in groups) == [
        ["A", "B"],
        ["C", "D"],
        ["E"],
    ]
    assert [s for s, _ in subjects(plan, "STR001")] == ["A", "B", "C", "D", "E"]


def test_str001_shortens_the_text_of_a_long_loop() -> None:
    builder = PlanBuilder()
    for i in range(8):
        builder.committee(f"C{i}", tier="programme", reports_to=f"C{(i + 1) % 8}")
    finding = found(builder.build(), "STR001")[0]
    assert "C0 → C1 → C2 → C3 → C4 → … → C0, 8 committees in all" in finding.message


# -- STR002 ------------------------------------------------------------------------------------


def test_str002_fires_when_reporting_to_a_lower_level() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system", reports_to="Pharmacy Group")
        .committee("Pharmacy Group", tier="neighbourhood")
        .build()
    )
    [finding] = found(plan, "STR002")
    assert (finding.subject, finding.severity) == ("Board", Severity.WARNING)
    assert (finding.tier_id, finding.stage_id) == (tier_id("system"), None)
    assert "reports to Pharmacy Group" in finding.message
    assert "project level" in finding.message


def test_str002_is_silent_at_the_same_level_and_upward() -> None:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Place Board", tier="place", reports_to="Programme Board")
        .committee("Programme Board", tier="programme", reports_to="ICB Board")
        .build()
    )
    assert found(plan, "STR002") == []


# -- STR003 ------------------------------------------------------------------------------------


def test_str003_fires_for_a_role_without_a_seat() -> None:
    plan = PlanBuilder().role("GP Network Representative", functions=["representation"]).build()
    [finding] = found(plan, "STR003")
    assert finding.severity is Severity.WARNING
    assert finding.subject_kind is SubjectKind.ROLE
    assert finding.subject_id == role_id("GP Network Representative")
    assert finding.tier_id is None
    assert "GP Network Representative (vacant) sits on no committee" in finding.message


def test_str003_fires_for_non_clinical_roles_too() -> None:
    plan = PlanBuilder().role("Programme Manager", clinical=False, holder="Ms P").build()
    [finding] = found(plan, "STR003")
    assert "(held by Ms P)" in finding.message


def test_str003_is_silent_for_a_seated_role() -> None:
    plan = PlanBuilder().committee("Board", tier="system").role("Lead", on=["Board"]).build()
    assert found(plan, "STR003") == []


# -- STR004 ------------------------------------------------------------------------------------


def test_str004_fires_for_a_clinical_role_with_no_function() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="place")
        .committee("Other", tier="system")
        .role("Clinical Lead", on=["Board", "Other"], holder="Dr C")
        .build()
    )
    [finding] = found(plan, "STR004")
    assert (finding.subject, finding.severity) == ("Clinical Lead", Severity.WARNING)
    assert finding.subject_kind is SubjectKind.ROLE
    assert (finding.tier_id, finding.tier) == (tier_id("place"), "Place")  # first seat's tier
    assert "declares no clinical leadership function" in finding.message


def test_str004_is_silent_for_a_non_clinical_role_or_one_with_a_function() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .role("Director of Finance", on=["Board"], clinical=False)
        .role("Medical Director", on=["Board"], functions=["translation"])
        .build()
    )
    assert found(plan, "STR004") == []


# -- STR005 ------------------------------------------------------------------------------------


def test_str005_fires_for_a_non_executive_committee_reporting_nowhere() -> None:
    plan = PlanBuilder().committee("Urgent Care Board", tier="programme").build()
    [finding] = found(plan, "STR005")
    assert (finding.subject, finding.severity) == ("Urgent Care Board", Severity.INFO)
    assert "reports to no committee" in finding.message
    assert "Urgent Care Board" in finding.remedy


def test_str005_is_silent_for_an_executive_committee_or_one_that_reports() -> None:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Urgent Care Board", tier="programme", reports_to="ICB Board")
        .build()
    )
    assert found(plan, "STR005") == []


# -- several lines out of a committee (DOMAIN.md v2): only accountable lines count -------------

ACC, ADV = "accountable", "advises"


def committees(*names: str, tier: str = "programme") -> Plan:
    builder = PlanBuilder().committee("Board", tier="system")
    for name in names:
        builder.committee(name, tier=tier, reports_to="Board")
    return builder.build(check=False)


def test_str001_is_silent_for_a_loop_of_advisory_lines() -> None:
    plan = committees("A", "B")
    lines(plan, "A", ("Board", ACC), ("B", ADV))
    lines(plan, "B", ("Board", ACC), ("A", ADV))
    assert found(plan, "STR001") == []


def test_str001_fires_when_an_advisory_line_becomes_accountable() -> None:
    plan = committees("A", "B")
    lines(plan, "A", ("Board", ACC), ("B", ACC))
    lines(plan, "B", ("Board", ACC), ("A", ACC))
    findings = found(plan, "STR001")
    assert [f.subject for f in findings] == ["A", "B"]
    assert "(A → B → A)" in findings[0].message


def test_str001_finds_a_loop_through_a_second_accountable_line() -> None:
    # A is accountable to Board and to C; C to B; B to A: one loop A → C → B → A.
    plan = committees("A", "B", "C", "D")
    lines(plan, "A", ("Board", ACC), ("C", ACC))
    lines(plan, "C", ("B", ACC))
    lines(plan, "B", ("A", ACC))
    lines(plan, "D", ("A", ACC), ("B", ACC))  # points into the loop, is not on it
    findings = found(plan, "STR001")
    assert [f.subject for f in findings] == ["A", "B", "C"]
    assert "(A → C → B → A)" in findings[0].message
    assert "(C → B → A → C)" in findings[2].message


def test_str001_one_finding_per_committee_on_two_loops_sharing_it() -> None:
    plan = committees("A", "B", "C")
    lines(plan, "A", ("B", ACC), ("C", ACC))
    lines(plan, "B", ("A", ACC))
    lines(plan, "C", ("A", ACC))
    findings = found(plan, "STR001")
    assert [f.subject for f in findings] == ["A", "B", "C"]
    assert "(A → B → A)" in findings[0].message  # the shortest loop through it


def test_str001_self_loop_among_several_lines() -> None:
    plan = committees("A")
    lines(plan, "A", ("Board", ACC), ("A", ACC))
    [finding] = found(plan, "STR001")
    assert "(A → A)" in finding.message


def test_str001_a_long_chain_into_a_big_loop_is_linear() -> None:
    names = [f"C{i}" for i in range(300)]
    plan = committees(*names)
    for i, name in enumerate(names):
        lines(plan, name, (names[(i + 1) % 300], ACC))
    assert len(found(plan, "STR001")) == 300


def test_str002_one_finding_naming_every_lower_committee() -> None:
    plan = committees("Project A", "Project B", tier="neighbourhood")
    lines(plan, "Board", ("Project A", ACC), ("Project B", ACC))
    [finding] = found(plan, "STR002")
    assert finding.subject == "Board"
    assert finding.message == (
        "Board (System tier, executive level) reports to 2 committees at a lower level "
        "(Project A (Neighbourhood tier, project level); Project B (Neighbourhood tier, project "
        "level)); accountability should run upward."
    )
    assert "check that these committees are on the right tiers" in finding.remedy


def test_str002_is_silent_for_an_advisory_line_to_a_lower_level() -> None:
    plan = committees("Project A", tier="neighbourhood")
    lines(plan, "Board", ("Project A", ADV))
    assert found(plan, "STR002") == []


def test_str002_looks_at_every_accountable_line_not_just_the_first() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .committee("Programme Board", tier="programme", reports_to="Board")
        .committee("Project A", tier="neighbourhood", reports_to="Programme Board")
        .build()
    )
    lines(plan, "Programme Board", ("Board", ACC), ("Project A", ACC))
    [finding] = found(plan, "STR002")
    assert finding.subject == "Programme Board"
    assert "reports to Project A, which sits at a lower level" in finding.message


def test_str005_fires_for_a_committee_that_only_advises() -> None:
    plan = committees("Reference Group")
    lines(plan, "Reference Group", ("Board", ADV))
    [finding] = found(plan, "STR005")
    assert finding.message.startswith(
        "Reference Group (Programme tier, thematic level) reports to no committee (it only "
        "advises Board), so"
    )


def test_str005_is_silent_with_a_second_accountable_line_only() -> None:
    plan = committees("Joint Committee")
    lines(plan, "Joint Committee", ("Joint Committee", ADV), ("Board", ACC))
    assert found(plan, "STR005") == []

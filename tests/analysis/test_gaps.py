"""GAP001, GAP002, GAP003: needed functions missing, held only by vacant roles, or one person."""

from __future__ import annotations

from govplanner.analysis.context import build_context
from govplanner.analysis.rules.gaps import gap001, gap002, gap003
from govplanner.domain.enums import Function, Severity, SubjectKind
from tests.analysis.support import found, programme_board, seat_as, set_kind, subjects
from tests.builders import PlanBuilder, committee_id, stage_id, tier_id

MHPB = "Mental Health Programme Board"
ALL = ["analytical", "representation", "translation", "relational"]


# -- GAP001 ------------------------------------------------------------------------------------


def test_gap001_essential_function_with_no_provider_is_critical() -> None:
    plan = (
        programme_board()
        .role(
            "Medical Lead",
            on=[MHPB],
            functions=["representation", "translation", "relational"],
            holder="Dr A",
        )
        .build()
    )
    [finding] = [f for f in found(plan, "GAP001") if f.subject == MHPB]
    assert finding.severity is Severity.CRITICAL
    assert finding.function is Function.ANALYTICAL
    assert finding.subject_kind is SubjectKind.COMMITTEE
    assert finding.subject_id == committee_id(MHPB)
    assert (finding.stage_id, finding.stage) == (stage_id("Strategy setting"), "Strategy setting")
    assert (finding.tier_id, finding.tier) == (tier_id("Programme"), "Programme")
    assert finding.message == (
        "Mental Health Programme Board has no clinical leader providing analytical insight, "
        "which is essential at the Strategy setting stage."
    )
    assert MHPB in finding.remedy
    assert "analytical insight" in finding.remedy


def test_gap001_expected_function_with_no_provider_is_a_warning() -> None:
    plan = (
        programme_board()
        .role(
            "Medical Lead",
            on=[MHPB],
            functions=["analytical", "representation", "translation"],
            holder="Dr A",
        )
        .build()
    )
    [finding] = [f for f in found(plan, "GAP001") if f.subject == MHPB]
    assert (finding.function, finding.severity) == (Function.RELATIONAL, Severity.WARNING)
    assert "expected at the Strategy setting stage" in finding.message


def test_gap001_is_silent_for_an_optional_function() -> None:
    # A project committee at Strategy setting: relational work is optional.
    plan = (
        PlanBuilder()
        .committee("Pharmacy Project Group", tier="project")
        .role(
            "Pharmacy Lead",
            on=["Pharmacy Project Group"],
            functions=["analytical", "representation", "translation"],
            holder="P",
        )
        .build()
    )
    assert found(plan, "GAP001") == []


def test_gap001_is_silent_when_the_only_provider_is_vacant() -> None:
    plan = programme_board().role("Medical Lead", on=[MHPB], functions=ALL).build()
    assert [s for s in subjects(plan, "GAP001") if s[0] == MHPB] == []


def test_gap001_ignores_functions_declared_by_non_clinical_roles() -> None:
    plan = (
        programme_board()
        .role("Programme Director", on=[MHPB], functions=ALL, holder="Ms M", clinical=False)
        .role(
            "Medical Lead",
            on=[MHPB],
            functions=["representation", "translation", "relational"],
            holder="Dr A",
        )
        .build()
    )
    assert (MHPB, "analytical") in subjects(plan, "GAP001")


def test_gap001_ignores_providers_seated_on_another_committee() -> None:
    plan = (
        programme_board()
        .role("Medical Director", on=["ICB Board"], functions=ALL, holder="Dr A")
        .build()
    )
    assert {s for s in subjects(plan, "GAP001") if s[0] == MHPB} == {(MHPB, f) for f in ALL}
    assert [s for s in subjects(plan, "GAP001") if s[0] == "ICB Board"] == []


def test_gap001_uses_the_committees_current_stage() -> None:
    # At Sustaining collaboration analytical insight is only expected on a thematic committee.
    plan = (
        PlanBuilder()
        .committee("Board", tier="programme", stage="Sustaining collaboration")
        .role(
            "Lead",
            on=["Board"],
            functions=["representation", "translation", "relational"],
            holder="Dr A",
        )
        .build()
    )
    [finding] = found(plan, "GAP001")
    assert finding.severity is Severity.WARNING
    assert finding.stage_id == stage_id("Sustaining collaboration")
    assert "expected at the Sustaining collaboration stage" in finding.message


def test_gap001_follows_the_plans_edited_profile() -> None:
    plan = (
        programme_board()
        .requirement("thematic", "Strategy setting", "analytical", "optional")
        .role(
            "Lead",
            on=[MHPB],
            functions=["representation", "translation", "relational"],
            holder="Dr A",
        )
        .build()
    )
    assert [s for s in subjects(plan, "GAP001") if s[0] == MHPB] == []


def test_gap001_committee_without_a_stage_is_at_the_plans_first_stage() -> None:
    plan = (
        PlanBuilder()
        .stages("Mobilising change", "Sustaining collaboration")
        .committee("Board", tier="programme")
        .build()
    )
    findings = found(plan, "GAP001")
    assert {f.stage for f in findings} == {"Mobilising change"}
    assert len(findings) == 4


def test_gap001_rule_runs_on_its_own() -> None:
    plan = PlanBuilder().committee("Board", tier="programme").build()
    codes = {f.code for f in gap001(build_context(plan))}
    assert codes == {"GAP001"}


# -- GAP002 ------------------------------------------------------------------------------------


def test_gap002_fires_when_every_provider_is_vacant() -> None:
    plan = (
        programme_board()
        .role("Medical Lead", on=[MHPB], functions=["analytical"])
        .role("Nursing Lead", on=[MHPB], functions=["analytical"])
        .role(
            "Chair",
            on=[MHPB],
            functions=["representation", "translation", "relational"],
            holder="Dr A",
        )
        .build()
    )
    [finding] = found(plan, "GAP002")
    assert (finding.subject, finding.function) == (MHPB, Function.ANALYTICAL)
    assert finding.severity is Severity.CRITICAL
    assert finding.stage == "Strategy setting"
    assert "Medical Lead and Nursing Lead" in finding.message
    assert MHPB in finding.message
    assert "Appoint someone" in finding.remedy
    assert all(f.subject != MHPB for f in found(plan, "GAP001"))


def test_gap002_is_a_warning_for_an_expected_function() -> None:
    plan = (
        programme_board()
        .role(
            "Medical Lead",
            on=[MHPB],
            functions=["analytical", "representation", "translation"],
            holder="Dr A",
        )
        .role("Relationships Lead", on=[MHPB], functions=["relational"])
        .build()
    )
    [finding] = found(plan, "GAP002")
    assert (finding.function, finding.severity) == (Function.RELATIONAL, Severity.WARNING)
    assert "The only role on Mental Health Programme Board" in finding.message


def test_gap002_is_silent_when_one_provider_is_filled() -> None:
    plan = (
        programme_board()
        .role("Medical Lead", on=[MHPB], functions=ALL)
        .role("Nursing Lead", on=[MHPB], functions=ALL, holder="Nurse N")
        .build()
    )
    assert found(plan, "GAP002") == []


def test_gap002_is_silent_for_an_optional_function() -> None:
    plan = (
        PlanBuilder()
        .committee("Project Group", tier="project")
        .role(
            "Lead",
            on=["Project Group"],
            functions=["analytical", "representation", "translation"],
            holder="P",
        )
        .role("Connector", on=["Project Group"], functions=["relational"])
        .build()
    )
    assert found(plan, "GAP002") == []


def test_gap002_rule_runs_on_its_own() -> None:
    plan = PlanBuilder().committee("B", tier="programme").role("L", on=["B"], functions=ALL)
    assert {f.function for f in gap002(build_context(plan.build()))} == set(Function)


# -- GAP003 ------------------------------------------------------------------------------------


def two_boards() -> PlanBuilder:
    return (
        PlanBuilder()
        .tier("Programme", "thematic")
        .committee("Maternity Board", tier="Programme")
        .committee("Cancer Board", tier="Programme")
    )


def test_gap003_fires_when_one_person_is_the_only_provider_across_the_tier() -> None:
    plan = (
        two_boards()
        .role("Medical Lead", on=["Maternity Board"], functions=["analytical"], holder="Dr A")
        .role("Medical Lead", on=["Cancer Board"], functions=["analytical"], holder="Dr A")
        .build()
    )
    [finding] = found(plan, "GAP003")
    assert finding.severity is Severity.WARNING
    assert finding.subject_kind is SubjectKind.TIER
    assert (finding.subject_id, finding.subject) == (tier_id("Programme"), "Programme")
    assert (finding.tier_id, finding.tier) == (tier_id("Programme"), "Programme")
    assert finding.function is Function.ANALYTICAL
    assert finding.stage_id is None
    assert "Dr A" in finding.message
    assert "Programme tier" in finding.message
    assert "Cancer Board and Maternity Board" in finding.message


def test_gap003_counts_one_role_seated_on_both_committees() -> None:
    plan = (
        two_boards()
        .role(
            "Clinical Director",
            on=["Maternity Board", "Cancer Board"],
            functions=["representation"],
            holder="Dr A",
        )
        .build()
    )
    assert subjects(plan, "GAP003") == [("Programme", "representation")]


def test_gap003_fires_when_the_other_committees_have_only_vacant_providers() -> None:
    plan = (
        two_boards()
        .role("Medical Lead", on=["Maternity Board"], functions=["analytical"], holder="Dr A")
        .role("Medical Lead", on=["Cancer Board"], functions=["analytical"])
        .build()
    )
    assert subjects(plan, "GAP003") == [("Programme", "analytical")]


def test_gap003_is_silent_with_two_different_people() -> None:
    plan = (
        two_boards()
        .role("Medical Lead", on=["Maternity Board"], functions=["analytical"], holder="Dr A")
        .role("Medical Lead", on=["Cancer Board"], functions=["analytical"], holder="Dr B")
        .build()
    )
    assert found(plan, "GAP003") == []


def test_gap003_is_silent_with_only_one_committee_where_it_is_essential() -> None:
    # At Sustaining collaboration analytical insight is only expected on a thematic committee.
    plan = (
        PlanBuilder()
        .tier("Programme", "thematic")
        .committee("Maternity Board", tier="Programme")
        .committee("Cancer Board", tier="Programme", stage="Sustaining collaboration")
        .role(
            "Medical Lead",
            on=["Maternity Board", "Cancer Board"],
            functions=["analytical"],
            holder="Dr A",
        )
        .build()
    )
    assert found(plan, "GAP003") == []


def test_gap003_is_silent_when_nobody_provides_the_function() -> None:
    plan = (
        two_boards()
        .role("Lead", on=["Maternity Board", "Cancer Board"], functions=["analytical"])
        .build()
    )
    assert found(plan, "GAP003") == []


def test_gap003_looks_only_within_one_tier() -> None:
    plan = (
        PlanBuilder()
        .committee("Maternity Board", tier="programme")
        .committee("Cancer Board", tier="place")
        .role(
            "Medical Lead",
            on=["Maternity Board", "Cancer Board"],
            functions=["analytical"],
            holder="Dr A",
        )
        .build()
    )
    assert found(plan, "GAP003") == []
    assert list(gap003(build_context(plan))) == []


def test_gap003_names_only_the_committees_the_person_serves() -> None:
    plan = (
        two_boards()
        .committee("Urgent Care Board", tier="Programme")
        .role("GP Lead", on=["Maternity Board"], functions=["analytical"], holder="Dr A")
        .role("Cancer Lead", on=["Cancer Board"], functions=["analytical"])
        .build()
    )
    [finding] = found(plan, "GAP003")
    assert finding.message == (
        "On the Programme tier, analytical insight is essential on 3 committees, and only one "
        "person in post provides it on any of them: Dr A, on Maternity Board. That is a single "
        "point of failure if they step down or are away."
    )
    assert "Cancer Board" not in finding.message
    assert finding.remedy == (
        "Give analytical insight to a clinical role held by someone other than Dr A on at "
        "least one of the 3 committees that need it, so the function does not rest on one "
        "person."
    )


def test_gap003_ignores_an_attendee_seat_of_a_second_person() -> None:
    # The nearest edge: a second person in post, but only in attendance, provides nothing.
    plan = (
        two_boards()
        .role("GP Lead", on=["Maternity Board"], functions=["analytical"], holder="Dr A")
        .role("Cancer Lead", on=["Cancer Board"], functions=["analytical"], holder="Dr B")
        .build()
    )
    assert found(plan, "GAP003") == []
    seat_as(plan, "Cancer Lead", "Cancer Board", "attendee")
    [finding] = found(plan, "GAP003")
    assert "Dr A, on Maternity Board." in finding.message


def test_gap003_counts_only_committees_whose_kind_makes_it_essential() -> None:
    plan = (
        two_boards()
        .role(
            "GP Lead",
            on=["Maternity Board", "Cancer Board"],
            functions=["analytical"],
            holder="Dr A",
        )
        .build()
    )
    assert len(found(plan, "GAP003")) == 1
    set_kind(plan, "Cancer Board", "assurance")
    assert found(plan, "GAP003") == []

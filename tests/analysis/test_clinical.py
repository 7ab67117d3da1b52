"""CLN001 (no clinical role) and PRO001 (no role from the programme area's professions)."""

from __future__ import annotations

from govplanner.analysis.engine import analyse
from govplanner.domain.enums import Severity, SubjectKind
from tests.analysis.support import found, set_kind, subjects
from tests.builders import PlanBuilder, committee_id

# -- CLN001 ------------------------------------------------------------------------------------


def test_cln001_fires_for_a_committee_with_only_non_clinical_roles() -> None:
    plan = (
        PlanBuilder()
        .committee("Finance Committee", tier="system")
        .role("Chief Finance Officer", on=["Finance Committee"], clinical=False, holder="Mr F")
        .build()
    )
    [finding] = found(plan, "CLN001")
    assert finding.severity is Severity.CRITICAL
    assert finding.subject_kind is SubjectKind.COMMITTEE
    assert finding.subject_id == committee_id("Finance Committee")
    assert (finding.function, finding.stage_id, finding.stage) == (None, None, None)
    assert finding.tier == "System"
    assert finding.message.startswith("Finance Committee has no clinical leadership role")
    assert "Finance Committee" in finding.remedy


def test_cln001_fires_for_an_empty_committee() -> None:
    plan = PlanBuilder().committee("Empty Board", tier="system").build()
    assert subjects(plan, "CLN001") == [("Empty Board", None)]


def test_cln001_is_silent_with_a_vacant_clinical_role() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .role("Medical Director", on=["Board"], functions=["analytical"])
        .build()
    )
    assert found(plan, "CLN001") == []


def test_cln001_is_silent_with_a_clinical_role_declaring_no_function() -> None:
    plan = PlanBuilder().committee("Board", tier="system").role("GP", on=["Board"]).build()
    assert found(plan, "CLN001") == []


# -- PRO001 ------------------------------------------------------------------------------------


def maternity(
    profession: str, *, clinical: bool = True, holder: str | None = "Dr A"
) -> PlanBuilder:
    return (
        PlanBuilder()
        .committee("Local Maternity System Board", tier="programme", programme="Maternity")
        .role(
            "Clinical Lead",
            on=["Local Maternity System Board"],
            functions=["analytical"],
            profession=profession,
            clinical=clinical,
            holder=holder,
        )
    )


def test_pro001_fires_when_no_clinical_role_has_the_areas_professions() -> None:
    plan = maternity("nursing").build()
    [finding] = found(plan, "PRO001")
    assert finding.severity is Severity.WARNING
    assert finding.subject == "Local Maternity System Board"
    assert (finding.function, finding.stage_id) == (None, None)
    assert "Maternity programme area" in finding.message
    assert "midwifery and obstetrics" in finding.message
    assert "midwifery and obstetrics" in finding.remedy


def test_pro001_matches_professions_ignoring_case_and_spaces() -> None:
    assert found(maternity("  Midwifery ").build(), "PRO001") == []


def test_pro001_matches_a_synonym_on_the_roles_side() -> None:
    plan = (
        PlanBuilder()
        .committee("Primary Care Board", tier="programme", programme="Primary care")
        .role("GP Lead for Primary Care", on=["Primary Care Board"], profession="GP")
        .build()
    )
    assert found(plan, "PRO001") == []


def test_pro001_matches_a_synonym_on_the_programme_side() -> None:
    plan = (
        PlanBuilder()
        .programme("Primary care", ["GP"])
        .committee("Primary Care Board", tier="programme", programme="primary CARE")
        .role("Lead", on=["Primary Care Board"], profession="General Practice")
        .build()
    )
    assert found(plan, "PRO001") == []


def test_pro001_uses_the_plans_synonym_table() -> None:
    assert subjects(maternity("birth attendant").build(), "PRO001") != []
    plan = maternity("birth attendant").synonym("Birth Attendant", "midwifery").build()
    assert found(plan, "PRO001") == []


def test_pro001_counts_a_vacant_clinical_role() -> None:
    assert found(maternity("obstetrician", holder=None).build(), "PRO001") == []


def test_pro001_ignores_non_clinical_roles() -> None:
    assert len(found(maternity("midwifery", clinical=False).build(), "PRO001")) == 1


def test_pro001_is_silent_without_a_programme_area() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="programme")
        .role("Lead", on=["Board"], profession="nursing")
        .build()
    )
    assert found(plan, "PRO001") == []


def test_pro001_is_silent_for_an_area_not_in_the_table() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="programme", programme="Dermatology")
        .role("Lead", on=["Board"], profession="nursing")
        .build()
    )
    assert found(plan, "PRO001") == []


def test_pro001_is_silent_for_an_area_with_no_professions() -> None:
    plan = maternity("nursing").programme("Maternity", []).build()
    assert found(plan, "PRO001") == []


def test_pro001_fires_for_a_committee_with_no_roles_at_all() -> None:
    plan = PlanBuilder().committee("Cancer Board", tier="programme", programme="Cancer").build()
    assert subjects(plan, "PRO001") == [("Cancer Board", None)]


# -- PRO001 over several areas, and the areas it cannot judge ---------------------------------


def two_areas(area: str, *professions: str) -> PlanBuilder:
    builder = (
        PlanBuilder()
        .programme("Maternity", ["midwifery", "obstetrics"])
        .programme("Mental health", ["psychiatry", "mental health nursing"])
        .committee("Place Board", tier="place", programme=area)
    )
    for i, profession in enumerate(professions):
        builder.role(f"Lead {i + 1}", on=["Place Board"], profession=profession)
    return builder


def test_pro001_one_finding_naming_every_unmatched_area() -> None:
    plan = two_areas("Maternity; Mental health", "nursing").build()
    [finding] = found(plan, "PRO001")
    assert finding.message == (
        "Place Board serves the Maternity and Mental health programme areas, but none of its "
        "clinical roles comes from a profession that delivers any of them (Maternity: "
        "midwifery and obstetrics; Mental health: psychiatry and mental health nursing), so "
        "those professions' views may not reach its decisions."
    )
    assert finding.remedy.startswith("Seat on Place Board a clinical role from a profession")


def test_pro001_names_only_the_area_left_unmatched() -> None:
    plan = two_areas("Maternity; Mental health", "midwifery").build()
    [finding] = found(plan, "PRO001")
    assert finding.message.startswith("Place Board serves the Mental health programme area, ")
    assert "Maternity" not in finding.message


def test_pro001_is_silent_when_every_area_is_matched() -> None:
    plan = two_areas("Maternity;Mental health ;", "obstetrics", "psychiatry").build()
    assert found(plan, "PRO001") == []
    assert analyse(plan).unjudged_areas == ()


def test_an_unknown_area_is_not_judged_but_listed() -> None:
    plan = two_areas("Maternty; Mental health", "psychiatry").build()
    assert found(plan, "PRO001") == []
    assert analyse(plan).unjudged_areas == ((committee_id("Place Board"), "Maternty"),)


def test_a_known_area_is_judged_beside_an_unknown_one() -> None:
    plan = two_areas("Maternty; Mental health", "nursing").build()
    [finding] = found(plan, "PRO001")
    assert "the Mental health programme area" in finding.message
    assert analyse(plan).unjudged_areas == ((committee_id("Place Board"), "Maternty"),)


def test_a_known_area_without_professions_is_not_listed_as_unjudged() -> None:
    plan = two_areas("Maternity", "nursing").programme("Maternity", []).build()
    assert analyse(plan).unjudged_areas == ()


def test_unknown_areas_of_an_assurance_committee_are_not_listed() -> None:
    plan = set_kind(two_areas("Maternty", "nursing").build(), "Place Board", "assurance")
    assert analyse(plan).unjudged_areas == ()

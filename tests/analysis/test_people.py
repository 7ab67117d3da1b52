"""LOD001 (sessions beyond capacity) and DEV001 (missing source of influence)."""

from __future__ import annotations

from govplanner.domain.enums import Function, Severity, SubjectKind
from tests.analysis.support import found, subjects
from tests.builders import PlanBuilder, person_id

# -- LOD001 ------------------------------------------------------------------------------------


def held(*sessions: float, capacity: float | None = None, clinical: bool = True) -> PlanBuilder:
    builder = PlanBuilder().committee("Board", tier="system").person("Dr A", capacity=capacity)
    for i, s in enumerate(sessions):
        builder.role(f"Role {i + 1}", on=["Board"], holder="Dr A", sessions=s, clinical=clinical)
    return builder


def test_lod001_fires_when_sessions_exceed_the_recorded_capacity() -> None:
    [finding] = found(held(3, 2, capacity=4).build(), "LOD001")
    assert finding.severity is Severity.WARNING
    assert finding.subject_kind is SubjectKind.PERSON
    assert (finding.subject_id, finding.subject) == (person_id("Dr A"), "Dr A")
    assert (finding.tier_id, finding.tier, finding.function, finding.stage) == (
        None,
        None,
        None,
        None,
    )
    assert finding.message == (
        "Dr A holds roles adding up to 5 sessions a week (Role 1 and Role 2), more than their "
        "capacity of 4."
    )


def test_lod001_is_silent_at_exactly_capacity() -> None:
    assert found(held(2, 2, capacity=4).build(), "LOD001") == []


def test_lod001_is_silent_when_decimal_sessions_add_up_to_capacity() -> None:
    assert found(held(1.1, 1.1, 1.8, capacity=4).build(), "LOD001") == []


def test_lod001_uses_the_persons_own_capacity() -> None:
    assert found(held(3, 2, capacity=6).build(), "LOD001") == []
    assert len(found(held(2, 1.5, capacity=3).build(), "LOD001")) == 1


def test_lod001_is_silent_when_capacity_is_not_recorded() -> None:
    # The nearest edge: the same load over the default, but nobody recorded a capacity.
    plan = held(3, 2).build()
    assert found(plan, "LOD001") == []
    assert len(found(plan, "LOD002")) == 1


def test_lod001_a_recorded_capacity_of_zero_is_recorded() -> None:
    assert len(found(held(0.5, capacity=0).build(), "LOD001")) == 1


def test_lod001_counts_non_clinical_roles() -> None:
    assert len(found(held(3, 2, clinical=False, capacity=4).build(), "LOD001")) == 1


def test_lod001_says_one_session_in_the_singular() -> None:
    [finding] = found(held(1, capacity=0.5).build(), "LOD001")
    assert "adding up to 1 session a week (Role 1), more than their capacity of 0.5." in (
        finding.message
    )


# -- LOD002 ------------------------------------------------------------------------------------


def test_lod002_fires_when_unrecorded_capacity_is_assumed_and_exceeded() -> None:
    [finding] = found(held(3, 2).build(), "LOD002")
    assert finding.severity is Severity.INFO
    assert (finding.subject_kind, finding.subject_id) == (SubjectKind.PERSON, person_id("Dr A"))
    assert finding.message == (
        "Dr A holds roles adding up to 5 sessions a week (Role 1 and Role 2), more than the "
        "plan's default capacity of 4. Their own capacity is not recorded, so this is an "
        "assumption to confirm, not a known overload."
    )
    assert "Capacity column of the People sheet" in finding.remedy
    assert "Capacity field" in finding.remedy


def test_lod002_uses_the_plans_default_capacity() -> None:
    [finding] = found(held(1.5, 1).default_capacity(2).build(), "LOD002")
    assert "default capacity of 2." in finding.message


def test_lod002_is_silent_at_exactly_the_default() -> None:
    assert found(held(2, 2).build(), "LOD002") == []


def test_lod002_is_silent_once_a_capacity_is_recorded() -> None:
    # Recorded at the default: neither an assumption (LOD002) nor an overload (LOD001).
    plan = held(2, 2, 1).build()
    assert len(found(plan, "LOD002")) == 1
    recorded = held(2, 2, 1, capacity=5).build()
    assert found(recorded, "LOD002") == []
    assert found(recorded, "LOD001") == []


def test_lod001_ignores_vacant_roles() -> None:
    plan = held(4, capacity=4).role("Other", on=["Board"], sessions=4).build()
    assert found(plan, "LOD001") == []
    assert found(plan, "LOD002") == []


# -- DEV001 ------------------------------------------------------------------------------------


def provider(*functions: str, sources: list[str] | None, clinical: bool = True) -> PlanBuilder:
    return (
        PlanBuilder()
        .committee("Board", tier="system")
        .person("Dr A", sources=sources)
        .role(
            "Medical Director", on=["Board"], functions=functions, holder="Dr A", clinical=clinical
        )
    )


def test_dev001_fires_when_the_holder_lacks_the_functions_source() -> None:
    [finding] = found(provider("analytical", sources=["reputation"]).build(), "DEV001")
    assert finding.severity is Severity.INFO
    assert finding.subject_kind is SubjectKind.PERSON
    assert (finding.subject, finding.function) == ("Dr A", Function.ANALYTICAL)
    assert finding.tier is None
    assert finding.stage is None
    assert "Dr A" in finding.message
    assert "clinical expertise" in finding.message
    assert "development need" in finding.remedy


def test_dev001_is_silent_when_sources_are_not_recorded() -> None:
    assert found(provider(*[f.value for f in Function], sources=None).build(), "DEV001") == []


def test_dev001_fires_for_every_function_when_recorded_as_none() -> None:
    plan = provider(*[f.value for f in Function], sources=[]).build()
    assert subjects(plan, "DEV001") == [("Dr A", f.value) for f in Function]


def test_dev001_is_silent_when_the_holder_has_the_source() -> None:
    plan = provider(
        "analytical", "translation", sources=["clinical_expertise", "professional_networks"]
    ).build()
    assert found(plan, "DEV001") == []


def test_dev001_accepts_either_formal_authority_or_reputation() -> None:
    for source in ("formal_authority", "reputation"):
        plan = provider("representation", "relational", sources=[source]).build()
        assert found(plan, "DEV001") == []
    plan = provider("representation", "relational", sources=["clinical_expertise"]).build()
    assert subjects(plan, "DEV001") == [("Dr A", "representation"), ("Dr A", "relational")]


def test_dev001_once_per_person_and_function() -> None:
    plan = (
        provider("analytical", sources=["reputation"])
        .role("Clinical Lead", on=["Board"], functions=["analytical"], holder="Dr A")
        .build()
    )
    [finding] = found(plan, "DEV001")
    assert "Clinical Lead and Medical Director" in finding.message


def test_dev001_ignores_non_clinical_roles() -> None:
    plan = provider("analytical", sources=["reputation"], clinical=False).build()
    assert found(plan, "DEV001") == []


def test_lod001_and_lod002_rules_run_on_their_own() -> None:
    from govplanner.analysis.context import build_context
    from govplanner.analysis.rules.people import lod001, lod002

    plan = held(3, 2).person("Dr B", capacity=1).role("Other", on=["Board"], holder="Dr B",
                                                        sessions=2).build()  # fmt: skip
    ctx = build_context(plan)
    assert [(f.code, f.subject) for f in lod001(ctx)] == [("LOD001", "Dr B")]
    assert [(f.code, f.subject) for f in lod002(ctx)] == [("LOD002", "Dr A")]

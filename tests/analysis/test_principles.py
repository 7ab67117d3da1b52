"""The CCPL principles self-assessment: each RAG moves with the evidence the plan holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from govplanner.analysis.engine import analyse
from govplanner.analysis.principles import (
    RAG_LABELS,
    PrincipleResult,
    assess_principles,
    profession_group,
)
from govplanner.analysis.rules.clinical import ProfessionMatcher
from govplanner.domain.enums import CommitteeKind
from govplanner.domain.model import AcceptedFinding, Plan
from govplanner.files.planfile import load_plan
from tests.analysis.support import committee, set_kind
from tests.builders import PlanBuilder

ALL = ["analytical", "representation", "translation", "relational"]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def assess(plan: Plan) -> dict[str, PrincipleResult]:
    return {p.id: p for p in assess_principles(plan, analyse(plan))}


def strong() -> PlanBuilder:
    """Every committee led, sessions funded, sources recorded, four professional groups."""
    return (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Place Board", tier="place", reports_to="ICB Board")
        .person("Dr A", sources=["formal_authority", "clinical_expertise"])
        .person("Nurse B", sources=["professional_networks", "reputation", "clinical_expertise"])
        .person("Pharm C", sources=["clinical_expertise", "professional_networks", "reputation"])
        .person("Physio D", sources=["clinical_expertise", "professional_networks", "reputation"])
        .role("Medical Director", on=["ICB Board"], functions=ALL, holder="Dr A", sessions=2,
              profession="GP")
        .role("Nurse Lead", on=["Place Board"], functions=ALL, holder="Nurse B", sessions=1,
              profession="RMN")
        .role("Pharmacy Lead", on=["Place Board"], functions=ALL, holder="Pharm C", sessions=1,
              profession="pharmacist")
        .role("AHP Lead", on=["ICB Board"], functions=ALL, holder="Physio D", sessions=1,
              profession="physiotherapy")
    )  # fmt: skip


def test_five_principles_in_order_with_paraphrase_and_limits() -> None:
    results = assess_principles(strong().build(), analyse(strong().build()))
    assert [p.id for p in results] == [f"ccpl-{i}" for i in range(1, 6)]
    for p in results:
        assert p.title
        assert p.summary.endswith(".")
        assert "cannot show" in p.limits
        assert p.evidence
        assert p.rag in RAG_LABELS
        assert set(p.as_dict()) == {"id", "title", "summary", "rag", "evidence", "limits"}


def test_a_strong_plan_is_green_throughout() -> None:
    assert {k: p.rag for k, p in assess(strong().build()).items()} == dict.fromkeys(
        [f"ccpl-{i}" for i in range(1, 6)], "green"
    )


def test_an_empty_plan_cannot_be_assessed() -> None:
    results = assess(Plan())
    assert {p.rag for p in results.values()} == {"grey"}


# -- 1 decision-making at every level ---------------------------------------------------------


def test_p1_amber_when_a_committee_has_no_leader_in_post() -> None:
    plan = strong().committee("Other Place", tier="place", reports_to="ICB Board").build()
    p1 = assess(plan)["ccpl-1"]
    assert p1.rag == "amber"
    assert "Place (thematic level): 1 of 2 committees has" in " ".join(p1.evidence)


def test_p1_red_when_an_executive_committee_has_no_leader_in_post() -> None:
    plan = strong().committee("Finance Committee", tier="system", reports_to="ICB Board").build()
    p1 = assess(plan)["ccpl-1"]
    assert p1.rag == "red"
    assert any("Finance Committee" in e for e in p1.evidence)


def test_p1_counts_only_filled_clinical_roles() -> None:
    plan = strong().build()
    for role in plan.roles:
        if role.title in ("Nurse Lead", "Pharmacy Lead"):
            role.holder_id = None
    assert assess(plan)["ccpl-1"].rag == "red"  # the place tier has no leader in post at all


def test_p1_leaves_out_an_audit_committee_and_says_why() -> None:
    plan = strong().committee("Audit Committee", tier="system", reports_to="ICB Board").build()
    assert assess(plan)["ccpl-1"].rag == "red"  # as a decision committee it has no leader
    set_kind(plan, "Audit Committee", CommitteeKind.ASSURANCE)
    p1 = assess(plan)["ccpl-1"]
    assert p1.rag == "green"
    assert (
        "Left out, as their kind needs no clinical voice by design (assurance: Audit Committee)."
        in p1.evidence
    )
    assert "System (executive level): 1 of 1 committee has" in " ".join(p1.evidence)


def test_p1_leaves_out_a_committee_whose_cln001_is_accepted() -> None:
    plan = strong().committee("Finance Committee", tier="system", reports_to="ICB Board").build()
    finance = committee(plan, "Finance Committee")
    plan.accepted = [AcceptedFinding(key=f"CLN001|committee|{finance.id}||", rationale="Lay")]
    p1 = assess(plan)["ccpl-1"]
    assert p1.rag == "green"
    assert any("(CLN001 accepted): Finance Committee." in e for e in p1.evidence)
    assert p1.evidence[-1].startswith("1 accepted finding (CLN001) is left out")


def test_p1_is_grey_when_no_committee_needs_a_clinical_voice() -> None:
    plan = PlanBuilder().committee("Audit Committee", tier="system").build()
    set_kind(plan, "Audit Committee", "assurance")
    p1 = assess(plan)["ccpl-1"]
    assert p1.rag == "grey"
    assert p1.evidence[0] == "No committee of the plan needs a clinical voice."


# -- 2 shared learning -------------------------------------------------------------------------


def test_p2_follows_relational_and_translation_cover() -> None:
    plan = strong().build()
    for role in plan.roles:
        role.functions = [f for f in role.functions if f.value not in ("relational", "translation")]
    assert assess(plan)["ccpl-2"].rag == "red"


def test_p2_discounts_accepted_gaps_and_says_so() -> None:
    plan = strong().build()
    for role in plan.roles:
        if role.title in ("Nurse Lead", "Pharmacy Lead"):
            role.functions = [f for f in role.functions if f.value != "relational"]
    place = committee(plan, "Place Board")
    stage = plan.stages[0].id
    p2 = assess(plan)["ccpl-2"]
    assert p2.rag == "amber"
    key = f"GAP001|committee|{place.id}|relational|{stage}"
    plan.accepted = [AcceptedFinding(key=key, rationale="A partner brings it")]
    p2 = assess(plan)["ccpl-2"]
    assert p2.rag == "green"
    assert (
        "Relational work: of the 2 committees that need it, 1 has a leader in post providing "
        "it; 1 gap accepted, not counted." in p2.evidence
    )


# -- 3 time and support ------------------------------------------------------------------------


def test_p3_amber_when_some_roles_have_no_sessions_and_red_when_most() -> None:
    plan = strong().build()
    plan.roles[0].sessions_per_week = 0
    p3 = assess(plan)["ccpl-3"]
    assert p3.rag == "amber"
    assert "3 of 4 clinical leadership roles have sessions funded" in p3.evidence[0]
    assert "Medical Director" in p3.evidence[1]
    for role in plan.roles[1:3]:
        role.sessions_per_week = 0
    assert assess(plan)["ccpl-3"].rag == "red"


def test_p3_amber_when_someone_is_overloaded() -> None:
    plan = strong().build()
    plan.roles[0].sessions_per_week = 9
    plan.people[0].capacity = 4
    p3 = assess(plan)["ccpl-3"]
    assert p3.rag == "amber"
    assert "1 person holds more sessions than their capacity (LOD001)." in p3.evidence


def test_p3_an_assumed_capacity_is_not_an_overload() -> None:
    # The nearest edge: the same load, but nobody recorded Dr A's capacity.
    plan = strong().build()
    plan.roles[0].sessions_per_week = 9
    p3 = assess(plan)["ccpl-3"]
    assert p3.rag == "green"
    assert not any("LOD001" in e for e in p3.evidence)
    assert any(e.startswith("1 person holds") and "(LOD002)" in e for e in p3.evidence)


def test_p3_leaves_out_an_accepted_overload_and_says_so() -> None:
    plan = strong().build()
    plan.roles[0].sessions_per_week = 9
    plan.people[0].capacity = 4
    plan.accepted = [
        AcceptedFinding(key=f"LOD001|person|{plan.people[0].id}||", rationale="Agreed")
    ]
    p3 = assess(plan)["ccpl-3"]
    assert p3.rag == "green"
    assert p3.evidence[-1] == (
        "1 accepted finding (LOD001) is left out of this rating: the plan's owners accepted it "
        "with a reason."
    )


# -- 4 development -----------------------------------------------------------------------------


def test_p4_depends_on_sources_being_recorded() -> None:
    plan = strong().build()
    plan.people[0].sources = None
    p4 = assess(plan)["ccpl-4"]
    assert p4.rag == "amber"
    assert "3 of 4 clinical leaders in post" in p4.evidence[0]
    for person in plan.people:
        person.sources = None
    assert assess(plan)["ccpl-4"].rag == "red"


def test_p4_reads_a_repeated_person_id_as_the_analysis_does() -> None:
    """Two people with one id (integrity reports it; the analysis still runs): each counts as
    the last of them, the one the analysis's index of people keeps."""
    plan = strong().build()
    twin = plan.people[1].model_copy(update={"name": "Twin", "sources": None})
    plan.people.append(twin)
    p4 = assess(plan)["ccpl-4"]
    assert "3 of 5 clinical leaders in post" in p4.evidence[0]
    assert p4.evidence[1] == "Not yet recorded for Twin (×2)."


def test_p4_counts_development_needs() -> None:
    plan = strong().build()
    plan.people[0].sources = []  # recorded as none: DEV001 for each function they provide
    p4 = assess(plan)["ccpl-4"]
    assert "4 development needs identified" in " ".join(p4.evidence)


# -- 5 recruitment and diversity ---------------------------------------------------------------


def test_p5_red_for_a_single_profession_and_names_the_missing_groups() -> None:
    plan = strong().build()
    for role in plan.roles:
        role.profession = "general practice"
    p5 = assess(plan)["ccpl-5"]
    assert p5.rag == "red"
    assert "Medicine (4)" in p5.evidence[0]
    assert p5.evidence[1] == (
        "No clinical role from: nursing; midwifery; allied health professions; pharmacy; "
        "social care and social work."
    )


def test_p5_amber_when_a_term_has_ended() -> None:
    import datetime as dt

    plan = strong().build()
    plan.roles[0].term_end = dt.date(2000, 1, 1)
    p5 = assess(plan)["ccpl-5"]
    assert p5.rag == "amber"
    assert any("TRM002" in e for e in p5.evidence)


@pytest.mark.parametrize(
    ("profession", "group"),
    [
        ("GP", "Medicine"),
        ("psychiatry", "Medicine"),
        ("RMN", "Nursing"),
        ("Cancer nursing", "Nursing"),
        ("midwife", "Midwifery"),
        ("paramedic", "Allied health professions"),
        ("Occupational therapy", "Allied health professions"),
        ("community pharmacist", "Pharmacy"),
        ("Social worker", "Social care and social work"),
        ("clinical psychologist", "Psychology"),
        ("programme management", None),
        ("", None),
    ],
)
def test_profession_groups_use_the_synonyms(profession: str, group: str | None) -> None:
    matcher = ProfessionMatcher(strong().build())
    assert profession_group(profession, matcher) == group


def test_examples_read_sensibly() -> None:
    results = assess(load_plan(EXAMPLES / "partnership-b.govplan"))
    assert results["ccpl-5"].rag == "amber"  # medicine and nursing only
    assert "Medicine (9), Nursing (1)" in results["ccpl-5"].evidence[0]


def test_the_principles_can_share_the_analysis_context() -> None:
    from govplanner.analysis import build_context
    from govplanner.analysis.principles import assess_principles

    plan = load_plan(EXAMPLES / "partnership-b.govplan")
    context = build_context(plan)
    analysis = analyse(plan, context)
    shared = assess_principles(plan, analysis, context)
    assert shared == assess_principles(plan, analysis)
    assert {r.rag for r in shared} != {"grey"}
    with pytest.raises(ValueError, match="different plan"):
        assess_principles(plan.model_copy(deep=True), analysis, context)


def test_p5_takes_a_blank_profession_from_the_holder() -> None:
    """A role without a profession counts under its holder's; a vacant one stays unknown."""
    plan = strong().build()
    director, nurse, _pharmacist, ahp = plan.roles
    director.profession = ""
    plan.people[0].profession = "GP"  # Dr A holds the Medical Director role
    nurse.profession = "general practice"  # another spelling of the same group
    ahp.profession, ahp.holder_id = "", None
    p5 = assess(plan)["ccpl-5"]
    assert p5.evidence[0] == (
        "Clinical roles come from 2 professional groups: Medicine (2), Pharmacy (1)."
    )
    assert "1 clinical role with no recognised profession recorded." in p5.evidence
    assert "1 of 4 clinical roles is vacant: each an opening to recruit openly." in p5.evidence

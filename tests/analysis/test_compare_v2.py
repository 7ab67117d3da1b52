"""Comparing real structures: merges reported as merges, and v2 fields changed in words."""

from __future__ import annotations

import datetime as dt

from govplanner.analysis.compare import Comparison, compare_plans
from govplanner.domain.enums import CommitteeKind, Function, LineKind, Membership, OrganisationType
from govplanner.domain.model import InCommonGroup, Line, Organisation, Plan, Seat
from tests.builders import PlanBuilder

AS_OF = dt.date(2026, 1, 1)
ALL = ["analytical", "representation", "translation", "relational"]
NORTH, SOUTH, JOINT = (
    "North Quality Committee",
    "South Quality Committee",
    "Joint Quality Committee",
)


def cluster(*, joint: bool) -> Plan:
    """Two ICBs' quality committees in common (before) or one joint committee (after).

    A third programme committee lacks every function on both sides, so the tier always has
    one committee lacking cover.
    """
    builder = PlanBuilder().committee("ICB Board", tier="system")
    names = [JOINT] if joint else [NORTH, SOUTH]
    for name in names:
        builder.committee(name, tier="programme", reports_to="ICB Board")
    builder.committee("Estates Group", tier="programme", reports_to="ICB Board")
    builder.role("Medical Director", on=["ICB Board"], functions=ALL, holder="Dr Board")
    for side in ("North", "South"):
        on = [JOINT] if joint else [f"{side} Quality Committee"]
        builder.role(f"{side} Chief Nurse", on=on, functions=ALL, holder=f"Nurse {side}")
        builder.role(f"{side} Medical Director", on=on, functions=ALL, holder=f"Dr {side}")
    builder.role("Estates Lead", on=["Estates Group"], clinical=False)
    plan = builder.build()
    plan.organisations = [
        Organisation(id="org_n", name="North ICB", type=OrganisationType.ICB),
        Organisation(id="org_s", name="South ICB", type=OrganisationType.ICB),
    ]
    for committee in plan.committees:
        if committee.name == JOINT:
            committee.organisation_ids = ["org_n", "org_s"]
        elif committee.name in (NORTH, SOUTH):
            committee.organisation_ids = ["org_n" if committee.name == NORTH else "org_s"]
            committee.group_id = "grp_quality"
    if not joint:
        plan.groups = [InCommonGroup(id="grp_quality", name="Quality committees in common")]
    return plan


def test_two_committees_in_common_becoming_one_joint_committee_is_a_merge() -> None:
    comparison = compare_plans(cluster(joint=False), cluster(joint=True), as_of=AS_OF)
    [merge] = comparison.merges
    assert merge.sentence == f"{NORTH} and {SOUTH} merged into {JOINT}"
    assert (merge.target_is_new, merge.where, merge.roles_moved) == (True, "Programme", 4)
    assert comparison.committees == ()  # not two removals and an addition
    assert comparison.merged_count == 2
    assert [c.fields[0].field for c in comparison.roles] == ["Committees"] * 4


def test_merging_two_covered_committees_into_one_covered_committee_loses_no_cover() -> None:
    comparison = compare_plans(cluster(joint=False), cluster(joint=True), as_of=AS_OF)
    programme = [c for c in comparison.coverage if c.tier == "Programme"]
    # 2 of 3 covered (Estates lacking) becomes 1 of 2: fewer covered, none lost its cover.
    assert {(c.before.covered, c.before.required) for c in programme} == {(2, 3)}  # type: ignore[union-attr]
    assert {(c.after.covered, c.after.required) for c in programme} == {(1, 2)}  # type: ignore[union-attr]
    assert comparison.coverage_count("loss") == 0
    assert all(c.lost == () for c in programme)


def test_a_merged_committee_that_lacks_a_function_both_had_is_a_loss() -> None:
    before = cluster(joint=False)
    after = cluster(joint=True)
    for role in after.roles:
        if role.title in (
            "North Chief Nurse",
            "South Chief Nurse",
            "North Medical Director",
            "South Medical Director",
        ):
            role.functions = [f for f in role.functions if f is not Function.RELATIONAL]
    comparison = compare_plans(before, after, as_of=AS_OF)
    [loss] = comparison.cells("loss")
    assert (loss.tier, loss.function) == ("Programme", Function.RELATIONAL)


def test_a_surviving_committee_losing_cover_is_a_loss_even_as_others_close() -> None:
    before = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("A Board", tier="programme", reports_to="ICB Board")
        .committee("B Board", tier="programme", reports_to="ICB Board")
        .committee("C Board", tier="programme", reports_to="ICB Board")
        .role("A Lead", on=["A Board"], functions=["analytical"], holder="Dr A")
        .role("B Lead", on=["B Board"], functions=["analytical"], holder="Dr B")
        .build()
    )
    after = before.model_copy(deep=True)
    after.committees = [c for c in after.committees if c.name != "C Board"]
    next(r for r in after.roles if r.title == "B Lead").holder_id = None  # B loses its cover
    comparison = compare_plans(before, after, as_of=AS_OF)
    cell = next(
        c
        for c in comparison.coverage
        if c.tier == "Programme" and c.function is Function.ANALYTICAL
    )
    assert (cell.before.covered, cell.after.covered) == (2, 1)  # type: ignore[union-attr]
    assert (cell.lost, cell.verdict) == (("B Board",), "loss")


def test_a_committee_absorbed_by_an_existing_one_is_merged_into_it() -> None:
    before = cluster(joint=False)
    after = cluster(joint=False)
    south = next(c for c in after.committees if c.name == SOUTH)
    north = next(c for c in after.committees if c.name == NORTH)
    after.committees.remove(south)
    for role in after.roles:
        role.committee_ids = [north.id if c == south.id else c for c in role.committee_ids]
    comparison = compare_plans(before, after, as_of=AS_OF)
    [merge] = comparison.merges
    assert merge.sentence == f"{SOUTH} merged into {NORTH}"
    assert not merge.target_is_new
    assert comparison.count("committee", "removed") == 0


def test_closing_a_committee_whose_roles_sit_elsewhere_already_is_a_removal() -> None:
    before = cluster(joint=False)
    after = cluster(joint=False)
    south = next(c for c in after.committees if c.name == SOUTH)
    board = next(c for c in after.committees if c.name == "ICB Board")
    for role in after.roles + before.roles:
        if role.title.startswith("South"):
            role.committee_ids = [*role.committee_ids, "com_icb_board"]
    after.committees.remove(south)
    for role in after.roles:
        role.committee_ids = [c for c in role.committee_ids if c != south.id]
    comparison = compare_plans(before, after, as_of=AS_OF)
    assert board.name == "ICB Board"
    assert comparison.merges == ()
    assert [(c.status, c.name) for c in comparison.committees] == [("removed", SOUTH)]


def test_one_committee_replaced_by_another_is_a_removal_and_an_addition() -> None:
    before = cluster(joint=False)
    after = cluster(joint=False)
    south = next(c for c in after.committees if c.name == SOUTH)
    south.id, south.name = "com_new", "South Safety Committee"
    for role in after.roles:
        role.committee_ids = [
            "com_new" if c == "com_south_quality_committee" else c for c in role.committee_ids
        ]
    comparison = compare_plans(before, after, as_of=AS_OF)
    assert comparison.merges == ()
    assert sorted((c.status, c.name) for c in comparison.committees) == [
        ("added", "South Safety Committee"),
        ("removed", SOUTH),
    ]


# -- v2 fields in words ------------------------------------------------------------------------


def _fields(comparison: Comparison, kind: str, name: str) -> dict[str, tuple[str, str]]:
    change = next(c for c in comparison.changes_of(kind) if c.name == name)  # type: ignore[arg-type]
    return {f.field: (f.before, f.after) for f in change.fields}


def test_committee_kind_bodies_group_lines_quorum_and_chair_change_in_words() -> None:
    before = cluster(joint=False)
    after = before.model_copy(deep=True)
    north = next(c for c in after.committees if c.name == NORTH)
    north.kind = CommitteeKind.ASSURANCE
    north.organisation_ids = ["org_n", "org_s"]
    north.group_id = None
    north.lines = [
        Line(to_id="com_icb_board", kind=LineKind.ACCOUNTABLE),
        Line(to_id="com_south_quality_committee", kind=LineKind.ADVISES),
    ]
    north.quorum, north.quorum_clinical = 4, True
    north.chair_role_id = "rol_north_chief_nurse"
    north.requirements = {Function.ANALYTICAL: "essential"}  # type: ignore[dict-item]
    fields = _fields(compare_plans(before, after, as_of=AS_OF), "committee", NORTH)
    assert fields == {
        "Kind": ("Decision-making", "Assurance"),
        "Organisations": ("North ICB", "North ICB; South ICB"),
        "Committees in common": ("Quality committees in common", "(none)"),
        "Advises": ("(none)", SOUTH),
        "Chair": ("(none)", "North Chief Nurse"),
        "Quorum": ("not recorded", "4 members, including a clinical or care professional member"),
        "Requirements": ("as for its kind (decision-making)", "Analytical insight essential"),
    }


def test_role_membership_deputy_bodies_and_cost_change_in_words() -> None:
    before = cluster(joint=False)
    after = before.model_copy(deep=True)
    nurse = next(r for r in after.roles if r.title == "North Chief Nurse")
    nurse.seats = [
        Seat(committee_id="com_north_quality_committee", membership=Membership.PARTICIPANT)
    ]
    nurse.deputy_for_id = "rol_north_medical_director"
    nurse.organisation_ids = ["org_n"]
    nurse.cost_per_session = 12000
    fields = _fields(compare_plans(before, after, as_of=AS_OF), "role", "North Chief Nurse")
    assert fields == {
        "Membership": ("member on every seat", f"participant on {NORTH}"),
        "Organisations": ("(none)", "North ICB"),
        "Deputy for": ("(none)", f"North Medical Director ({NORTH})"),
        "Cost per session": ("the plan's rate", "£12,000 a year"),
    }


def test_organisations_added_removed_and_changed_and_plan_costs() -> None:
    before = cluster(joint=False)
    after = before.model_copy(deep=True)
    after.organisations[0].type = OrganisationType.OTHER
    after.organisations[0].population = 1_200_000
    after.organisations.append(
        Organisation(name="Northshire Council", type=OrganisationType.LOCAL_AUTHORITY)
    )
    before.organisations.append(Organisation(name="Old Trust", type=OrganisationType.TRUST))
    after.cost_per_session = 11000
    after.profession_costs = {"nursing": 9000.5}
    comparison = compare_plans(before, after, as_of=AS_OF)
    assert [(c.status, c.name, c.where) for c in comparison.organisations] == [
        ("added", "Northshire Council", "Local authority"),
        ("removed", "Old Trust", "NHS trust or foundation trust"),
        ("changed", "North ICB", "Other"),
    ]
    assert _fields(comparison, "organisation", "North ICB") == {
        "Type": ("Integrated care board", "Other"),
        "Population": ("(none)", "1,200,000"),
    }
    assert {(f.field, f.before, f.after) for f in comparison.settings} == {
        ("Cost of a weekly session", "not recorded", "£11,000 a year"),
        ("Costs by profession", "(none)", "nursing: £9,000.50 a year"),
    }
    assert not comparison.is_same


def test_one_committee_into_a_new_one_that_others_joined_is_a_merge() -> None:
    # Before: only North's quality committee; after: a joint committee that North's members
    # moved onto and South's (new to this plan) joined.
    before = cluster(joint=False)
    before.committees = [c for c in before.committees if c.name != SOUTH]
    before.roles = [r for r in before.roles if not r.title.startswith("South")]
    after = cluster(joint=True)
    comparison = compare_plans(before, after, as_of=AS_OF)
    [merge] = comparison.merges
    assert merge.sentence == f"{NORTH} merged into {JOINT}"
    assert (merge.target_is_new, merge.roles_moved) == (True, 2)
    assert comparison.committees == ()

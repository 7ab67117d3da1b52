"""``diff`` never reports a change that a reorder or a re-import made (issue 13).

Items match by id, then by identical content, then by signature (a role's title, committees,
organisations and holder); rows in another order, or a register re-import that gives every
item a new id, compare as the same plan.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govplanner.analysis.compare import Comparison, compare_plans
from govplanner.domain.enums import (
    COMMITTEE_KINDS,
    MEMBERSHIPS,
    LineKind,
    OrganisationType,
)
from govplanner.domain.model import InCommonGroup, Line, Organisation, Plan, Role, Seat
from govplanner.domain.names import new_id
from govplanner.files.planfile import load_plan
from tests.analysis.reshuffle import shuffled, with_new_ids
from tests.builders import PlanBuilder
from tests.files.plans import plans

AS_OF = dt.date(2026, 1, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PLACES = ("North", "South", "East", "West")


def pcn_plan(order: tuple[int, ...] = (0, 1, 2, 3), *, same_board: bool = False) -> Plan:
    """Four 'PCN Clinical Director' rows, one per place, each with its own holder."""
    builder = PlanBuilder().committee("ICB Board", tier="system")
    for place in PLACES:
        builder.committee(f"{place} Place Board", tier="place", reports_to="ICB Board")
    for n in order:
        place = PLACES[n]
        on = ["ICB Board"] if same_board else [f"{place} Place Board"]
        builder.role(
            "PCN Clinical Director",
            on=on,
            functions=["representation"],
            holder=f"Dr {place}",
            id=f"rol_pcn_{place.lower()}",
        )
    return builder.build()


def test_reordering_four_same_titled_rows_is_no_change() -> None:
    before = pcn_plan()
    after = with_new_ids(pcn_plan((2, 0, 3, 1)))
    comparison = compare_plans(before, after, as_of=AS_OF)
    assert comparison.roles == ()
    assert comparison.is_same, _differences(comparison)


def test_same_titled_rows_on_one_board_told_apart_by_organisation_and_holder() -> None:
    def plan(order: tuple[int, ...]) -> Plan:
        built = pcn_plan(order, same_board=True)
        built.organisations = [Organisation(id=f"org_{p}", name=f"{p} PCN") for p in PLACES]
        for role in built.roles:
            place = role.id.removeprefix("rol_pcn_")
            role.organisation_ids = [f"org_{place.capitalize()}"]
        return built

    before, after = plan((0, 1, 2, 3)), with_new_ids(plan((3, 2, 1, 0)))
    assert compare_plans(before, after, as_of=AS_OF).is_same
    # A real change still shows, on the right row: the East director's holder leaves.
    east = next(r for r in after.roles if r.holder_id and "East" in after.person(r.holder_id).name)  # type: ignore[union-attr]
    east.holder_id = None
    [change] = compare_plans(before, after, as_of=AS_OF).roles
    assert change.where == "ICB Board"
    assert [(f.field, f.before, f.after) for f in change.fields] == [
        ("Holder", "Dr East", "vacant")
    ]


def test_a_holder_change_among_same_titled_rows_names_only_that_row() -> None:
    before = pcn_plan()
    after = with_new_ids(pcn_plan((3, 1, 0, 2)))
    south = next(r for r in after.roles if "South" in after.committee(r.committee_ids[0]).name)  # type: ignore[union-attr]
    south.sessions_per_week = 2
    [change] = compare_plans(before, after, as_of=AS_OF).roles
    assert change.where == "South Place Board"
    assert [(f.field, f.before, f.after) for f in change.fields] == [
        ("Sessions per week", "0", "2")
    ]


def test_a_renamed_committee_keeps_its_roles_and_findings_matched() -> None:
    before = pcn_plan()
    after = before.model_copy(deep=True)
    after.committees[1].name = "North and Coast Place Board"
    comparison = compare_plans(before, after, as_of=AS_OF)
    [committee] = comparison.committees
    assert committee.before_name == "North Place Board"
    # The role on it changed only in the committee's name; findings stay matched by item.
    assert [f.field for change in comparison.roles for f in change.fields] == ["Committees"]
    assert comparison.opened == comparison.closed == ()


def test_every_example_reimported_with_new_ids_and_reordered_is_unchanged() -> None:
    for path in sorted(EXAMPLES.glob("*.govplan")):
        plan = load_plan(path)
        again = shuffled(with_new_ids(plan), seed=7)
        comparison = compare_plans(plan, again, as_of=AS_OF)
        assert comparison.is_same, (path.name, comparison)


# -- property tests ----------------------------------------------------------------------------


def _some(ids: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(ids), unique=True) if ids else st.just([])


@st.composite
def v2_plans(draw: st.DrawFn) -> Plan:
    """Random plans with v2 structures and repeated titles (copies of roles, other holders)."""
    plan: Plan = draw(plans())
    plan.organisations = [
        Organisation(name=f"Body {n}", type=draw(st.sampled_from(list(OrganisationType))))
        for n in range(draw(st.integers(0, 3)))
    ]
    plan.groups = [InCommonGroup(name=f"Group {n}") for n in range(draw(st.integers(0, 2)))]
    org_ids = [o.id for o in plan.organisations]
    committee_ids = [c.id for c in plan.committees]
    for c in plan.committees:
        c.kind = draw(st.sampled_from(COMMITTEE_KINDS))
        c.organisation_ids = (
            draw(st.lists(st.sampled_from(org_ids), unique=True)) if org_ids else []
        )
        c.group_id = draw(st.sampled_from([None, *(g.id for g in plan.groups)]))
        targets = [i for i in committee_ids if i != c.id]
        if targets:
            c.lines = [
                Line(to_id=t, kind=draw(st.sampled_from(list(LineKind))))
                for t in draw(st.lists(st.sampled_from(targets), unique=True, max_size=3))
            ]
        c.quorum = draw(st.one_of(st.none(), st.integers(1, 6)))
        c.quorum_clinical = draw(st.booleans())
    for role in list(plan.roles):
        role.seats = [
            Seat(committee_id=s.committee_id, membership=draw(st.sampled_from(MEMBERSHIPS)))
            for s in role.seats
        ]
        role.organisation_ids = (
            draw(st.lists(st.sampled_from(org_ids), unique=True)) if org_ids else []
        )
        role.cost_per_session = draw(st.one_of(st.none(), st.sampled_from([1000.0, 12500.5])))
        others = [r.id for r in plan.roles if r.id != role.id]
        if others and draw(st.booleans()):
            role.deputy_for_id = draw(st.sampled_from(others))
        for _ in range(draw(st.integers(0, 2))):  # the same title again, maybe another holder
            twin = role.model_copy(deep=True, update={"id": new_id("rol"), "deputy_for_id": None})
            if plan.people and draw(st.booleans()):
                twin.holder_id = draw(st.sampled_from(plan.people)).id
            plan.roles.append(twin)
    plan.cost_per_session = draw(st.one_of(st.none(), st.just(9000.0)))
    return plan


_PROPERTY = settings(
    max_examples=int(__import__("os").environ.get("CMP_EX", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _differences(comparison: Comparison) -> object:
    """What a comparison that should be empty found, for the failure message."""
    c = comparison
    moved = [
        (x.tier, x.function.value, x.before, x.after, x.lost)
        for x in c.coverage
        if x.verdict != "same"
    ]
    return (
        c.committees,
        c.roles,
        c.people,
        c.organisations,
        c.merges,
        c.settings,
        [(f.code, f.subject, f.message) for f in c.opened],
        [(f.code, f.subject, f.message) for f in c.closed],
        moved,
    )


@_PROPERTY
@given(plan=v2_plans(), seed=st.integers(0, 10_000))
def test_shuffling_committees_roles_and_people_changes_nothing(plan: Plan, seed: int) -> None:
    comparison = compare_plans(plan, shuffled(plan, seed), as_of=AS_OF)
    assert comparison.is_same, _differences(comparison)


@_PROPERTY
@given(plan=v2_plans())
def test_new_ids_with_the_same_content_change_nothing(plan: Plan) -> None:
    comparison = compare_plans(plan, with_new_ids(plan), as_of=AS_OF)
    assert comparison.is_same, _differences(comparison)


@_PROPERTY
@given(plan=v2_plans(), seed=st.integers(0, 10_000))
def test_new_ids_and_another_order_together_change_nothing(plan: Plan, seed: int) -> None:
    comparison = compare_plans(plan, shuffled(with_new_ids(plan), seed), as_of=AS_OF)
    assert comparison.is_same, _differences(comparison)


@_PROPERTY
@given(plan=v2_plans(), seed=st.integers(0, 10_000))
def test_one_real_change_is_still_reported_after_a_reorder(plan: Plan, seed: int) -> None:
    after = shuffled(with_new_ids(plan), seed)
    after.roles.append(Role(title="A brand new post", notes="added"))
    comparison = compare_plans(plan, after, as_of=AS_OF)
    assert [(c.status, c.name) for c in comparison.roles] == [("added", "A brand new post")]
    assert comparison.committees == comparison.people == comparison.organisations == ()


def test_two_same_titled_roles_changed_alike_on_one_committee_are_both_listed() -> None:
    before = pcn_plan(same_board=True)
    after = with_new_ids(before)
    for role in after.roles[:2]:
        role.sessions_per_week = 1
    after.roles[0].notes, after.roles[1].notes = "b", "a"
    changes = compare_plans(before, after, as_of=AS_OF).roles
    assert [c.name for c in changes] == ["PCN Clinical Director"] * 2
    assert [c.fields[-1].after for c in changes] == ["a", "b"]  # in a stable order

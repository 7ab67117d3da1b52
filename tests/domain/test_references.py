"""The references table: every reference is checked by integrity and handled by a delete."""

from __future__ import annotations

import dataclasses

import pytest

from govplanner.domain.enums import Level, LineKind, Membership, OrganisationType
from govplanner.domain.integrity import plan_problems
from govplanner.domain.items import ITEM_KINDS, items_of, kind_of, label_of
from govplanner.domain.model import (
    Committee,
    InCommonGroup,
    Line,
    Organisation,
    Person,
    Plan,
    Role,
    Seat,
    Stage,
    Tier,
)
from govplanner.domain.references import (
    REFERENCES,
    DeleteRefusedError,
    OnDelete,
    Reference,
    cascade,
    referenced_ids,
    referrers,
)


def full_plan() -> Plan:
    """A small plan in which every reference of the table is used at least once."""
    tier = Tier(id="tier_sys", name="System", level=Level.EXECUTIVE)
    stage = Stage(id="stg_one", name="One")
    icb = Organisation(id="org_icb", name="North ICB", type=OrganisationType.ICB)
    council = Organisation(id="org_la", name="North Council", type=OrganisationType.LOCAL_AUTHORITY)
    group = InCommonGroup(id="grp_q", name="Quality in common")
    board = Committee(id="com_board", name="Board", tier_id=tier.id, organisation_ids=[icb.id])
    quality = Committee(
        id="com_quality",
        name="Quality",
        tier_id=tier.id,
        stage_id=stage.id,
        organisation_ids=[icb.id, council.id],
        group_id=group.id,
        lines=[Line(to_id=board.id), Line(to_id="com_forum", kind=LineKind.ADVISES)],
        chair_role_id="rol_cmo",
    )
    forum = Committee(id="com_forum", name="Forum", tier_id=tier.id, lines=[Line(to_id=quality.id)])
    ada = Person(id="per_ada", name="Ada")
    cmo = Role(
        id="rol_cmo",
        title="CMO",
        seats=[Seat(committee_id=board.id), Seat(committee_id=quality.id)],
        organisation_ids=[icb.id],
        holder_id=ada.id,
    )
    deputy = Role(
        id="rol_dep",
        title="Deputy CMO",
        seats=[Seat(committee_id=quality.id, membership=Membership.DEPUTY)],
        organisation_ids=[council.id],
        deputy_for_id=cmo.id,
    )
    return Plan(
        tiers=[tier],
        stages=[stage],
        organisations=[icb, council],
        groups=[group],
        committees=[board, quality, forum],
        roles=[cmo, deputy],
        people=[ada],
    )


def _ids(ref: Reference) -> str:
    return f"{ref.source}.{ref.field}->{ref.target}"


def test_the_full_plan_is_sound_and_uses_every_reference() -> None:
    plan = full_plan()
    assert plan_problems(plan) == []
    for ref in REFERENCES:
        used = [i for item in items_of(plan, ref.source) for i in referenced_ids(item, ref)]
        assert used, f"{_ids(ref)} is not exercised by full_plan()"


def test_every_reference_points_between_declared_kinds() -> None:
    for ref in REFERENCES:
        assert ref.source in ITEM_KINDS
        assert ref.target in ITEM_KINDS
        assert ref.field in ITEM_KINDS[ref.source].model.model_fields


@pytest.mark.parametrize("ref", REFERENCES, ids=_ids)
def test_integrity_reports_a_dangling_reference(ref: Reference) -> None:
    plan = full_plan()
    item = next(i for i in items_of(plan, ref.source) if referenced_ids(i, ref))
    value = getattr(item, ref.field)
    if ref.entry_field is not None:
        entry = dataclasses.replace(value[0], **{ref.entry_field: "gone_1"})
        object.__setattr__(item, ref.field, [entry, *value[1:]])
    elif ref.many:
        object.__setattr__(item, ref.field, ["gone_1", *value[1:]])
    else:
        object.__setattr__(item, ref.field, "gone_1")
    problems = plan_problems(plan)
    assert f"'{label_of(item)}' {ref.what} that does not exist." in " ".join(problems)


@pytest.mark.parametrize("ref", [r for r in REFERENCES if not r.self_allowed], ids=_ids)
def test_integrity_reports_a_reference_to_itself(ref: Reference) -> None:
    plan = full_plan()
    item = next(i for i in items_of(plan, ref.source) if referenced_ids(i, ref))
    if ref.entry_field is not None:
        entry = dataclasses.replace(getattr(item, ref.field)[0], **{ref.entry_field: item.id})
        object.__setattr__(item, ref.field, [entry])
    else:
        object.__setattr__(item, ref.field, item.id)
    expected = f"'{label_of(item)}' {ref.verb} itself."
    assert any(p.endswith(expected) for p in plan_problems(plan))


@pytest.mark.parametrize("ref", [r for r in REFERENCES if r.entry_field or r.many], ids=_ids)
def test_integrity_reports_the_same_target_twice(ref: Reference) -> None:
    plan = full_plan()
    item = next(i for i in items_of(plan, ref.source) if referenced_ids(i, ref))
    value = getattr(item, ref.field)
    object.__setattr__(item, ref.field, [value[0], value[0]])
    expected = f"'{label_of(item)}' {ref.what} more than once."
    assert any(p.endswith(expected) for p in plan_problems(plan))


@pytest.mark.parametrize(
    "ref", [r for r in REFERENCES if r.on_delete is not OnDelete.REFUSE], ids=_ids
)
def test_deleting_a_target_leaves_no_dangling_reference(ref: Reference) -> None:
    plan = full_plan()
    item = next(i for i in items_of(plan, ref.source) if referenced_ids(i, ref))
    target_id = referenced_ids(item, ref)[0]
    updates = cascade(plan, ref.target, target_id)
    mine = next(u for u in updates if u.item_id == item.id)
    for update in updates:  # apply, then remove the target, as the GUI's command does
        victim = next(i for i in items_of(plan, update.kind) if i.id == update.item_id)
        for name, value in update.values.items():
            setattr(victim, name, value)
    items = items_of(plan, ref.target)
    items.remove(next(i for i in items if i.id == target_id))
    assert plan_problems(plan) == []
    after = mine.values[ref.field]
    if ref.on_delete is OnDelete.CLEAR:
        assert after is None
    else:
        assert target_id not in referenced_ids(item, ref)


def test_deleting_a_tier_with_committees_is_refused_with_a_plain_reason() -> None:
    plan = full_plan()
    with pytest.raises(DeleteRefusedError, match="tier 'System' cannot be deleted while"):
        cascade(plan, "tier", "tier_sys")


def test_deleting_a_committee_reparents_accountable_lines_to_its_own_targets() -> None:
    plan = full_plan()
    updates = {u.item_id: u.values for u in cascade(plan, "committee", "com_quality")}
    forum_lines = updates["com_forum"]["lines"]
    assert [(line.to_id, line.kind) for line in forum_lines] == [
        ("com_board", LineKind.ACCOUNTABLE)
    ]
    assert [s.committee_id for s in updates["rol_cmo"]["seats"]] == ["com_board"]
    assert updates["rol_dep"]["seats"] == []


def test_an_advisory_line_to_a_deleted_committee_is_dropped_not_reparented() -> None:
    plan = full_plan()
    updates = {u.item_id: u.values for u in cascade(plan, "committee", "com_forum")}
    assert [(line.to_id, line.kind) for line in updates["com_quality"]["lines"]] == [
        ("com_board", LineKind.ACCOUNTABLE)
    ]


def test_reparenting_never_points_a_committee_at_itself() -> None:
    plan = full_plan()
    board = plan.committees[0]
    board.lines = [Line(to_id="com_forum")]  # a loop: board -> forum -> quality -> board
    updates = {u.item_id: u.values for u in cascade(plan, "committee", "com_quality")}
    assert all(line.to_id != "com_forum" for line in updates["com_forum"]["lines"])


def test_cascade_merges_several_references_of_one_item_into_one_update() -> None:
    plan = full_plan()
    plan.roles[0].deputy_for_id = None
    plan.roles[1].holder_id = "per_ada"
    updates = cascade(plan, "person", "per_ada")
    assert sorted(u.item_id for u in updates) == ["rol_cmo", "rol_dep"]
    assert all(u.values == {"holder_id": None} for u in updates)


def test_referrers_lists_every_pointing_item_and_not_the_item_itself() -> None:
    plan = full_plan()
    found = {(ref.field, item.id) for ref, item in referrers(plan, "committee", "com_quality")}
    assert found == {("seats", "rol_cmo"), ("seats", "rol_dep"), ("lines", "com_forum")}


def test_kind_of_knows_every_item_model() -> None:
    plan = full_plan()
    for kind in ITEM_KINDS:
        for item in items_of(plan, kind):
            assert kind_of(item) == kind
    with pytest.raises(TypeError):
        kind_of(object())


def test_self_references_read_as_plain_sentences() -> None:
    verbs = {(r.source, r.field): r.verb for r in REFERENCES if not r.self_allowed}
    assert verbs == {
        ("committee", "lines"): "has a line to",
        ("role", "deputy_for_id"): "deputises for",
    }

"""Merging plans: organisations, tiers, stages, ids, names, one person, committees in common."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from govplanner.domain.enums import CommitteeKind, Level, OrganisationType
from govplanner.domain.integrity import check_plan
from govplanner.domain.model import Organisation, Plan
from govplanner.restructure.in_common import similarity
from govplanner.restructure.merge import MergeError, Source, labels_for, merge_plans
from tests.builders import PlanBuilder


def _north() -> Plan:
    plan = (
        PlanBuilder(name="North ICB")
        .tier("System", "executive")
        .tier("Programme", "thematic")
        .committee("ICB Board", tier="System")
        .committee("Audit Committee", tier="System", reports_to="ICB Board")
        .committee("Mental Health Board", tier="Programme", reports_to="ICB Board")
        .person("Dr Ann Lee", profession="general practice", capacity=4)
        .role("Chief Medical Officer", on=["ICB Board"], functions=["analytical"],
              holder="Dr Ann Lee", profession="general practice", sessions=4)
        .role("MH Lead", on=["Mental Health Board"], functions=["representation"],
              holder="Bo North", profession="psychiatry", sessions=2)
        .build()
    )  # fmt: skip
    plan.committees[1].kind = CommitteeKind.ASSURANCE
    return plan


def _south() -> Plan:
    plan = (
        PlanBuilder(name="South ICB")
        .stages("Strategy setting", "Mobilising change", "Sustaining collaboration", "Review")
        .tier("System", "executive")
        .tier("Programme", "project")  # same name, other level: kept apart
        .committee("ICB Board", tier="System")
        .committee("Audit and Risk Committee", tier="System", reports_to="ICB Board")
        .person("Dr Ann Lee", profession="GP", capacity=3)
        .role("Chief Medical Officer", on=["ICB Board"], functions=["analytical"],
              holder="Dr Ann Lee", profession="GP", sessions=4)
        .build()
    )  # fmt: skip
    plan.committees[1].kind = CommitteeKind.ASSURANCE
    plan.organisations.append(
        Organisation(id="org_south", name="NHS South ICB", type=OrganisationType.ICB,
                     population=500_000)
    )  # fmt: skip
    return plan


def _merge(**kw):
    a, b = _north(), _south()
    return a, b, merge_plans([Source(a, a.name), Source(b, b.name)], **kw)


def test_every_item_is_kept_with_its_origin_and_its_icb():
    a, b, (plan, report) = _merge()
    check_plan(plan)
    assert len(plan.committees) == len(a.committees) + len(b.committees)
    assert len(plan.roles) == len(a.roles) + len(b.roles)
    icbs = {o.name: o for o in plan.organisations if o.type is OrganisationType.ICB}
    assert set(icbs) == {"North ICB", "NHS South ICB"}  # one made, one kept
    assert icbs["NHS South ICB"].id == "org_south"
    for c in plan.committees:
        expected = icbs["North ICB"].id if c.origin == "North ICB" else "org_south"
        assert c.organisation_ids == [expected]
    assert {r.origin for r in plan.roles} == {"North ICB", "South ICB"}
    assert [e.subject for e in report.of("organisations", "created")] == ["North ICB"]


def test_tiers_align_by_level_and_name_and_clashing_ones_are_kept_apart():
    _, _, (plan, report) = _merge()
    names = [(t.name, t.level) for t in plan.tiers]
    assert ("System", Level.EXECUTIVE) in names
    assert names.count(("System", Level.EXECUTIVE)) == 1
    assert ("Programme (North ICB)", Level.THEMATIC) in names
    assert ("Programme (South ICB)", Level.PROJECT) in names
    assert [e.subject for e in report.of("tiers", "aligned")] == ["System"]
    assert [lvl.order for _, lvl in names] == sorted(lvl.order for _, lvl in names)


def test_stages_align_by_name_and_new_ones_are_added_with_their_requirements():
    _, b, (plan, report) = _merge()
    assert [s.name for s in plan.stages] == [
        "Strategy setting", "Mobilising change", "Sustaining collaboration", "Review"
    ]  # fmt: skip
    review = plan.stages[-1]
    source_review = b.stages[-1]
    for level in Level:
        assert plan.profile[level][review.id] == b.profile[level][source_review.id]
    assert len(report.of("stages", "aligned")) == 3
    assert [e.subject for e in report.of("stages", "added")][-1] == "Review"


def test_clashing_ids_and_names_are_renamed_and_reported():
    _, _, (plan, report) = _merge()
    boards = sorted(c.name for c in plan.committees if "ICB Board" in c.name)
    assert boards == ["ICB Board (North ICB)", "ICB Board (South ICB)"]
    ids = [c.id for c in plan.committees]
    assert "com_icb_board" in ids
    assert "com_icb_board-2" in ids
    renamed = {e.subject for e in report.of("ids", "renamed")}
    assert "com_icb_board" in renamed
    assert "rol_chief_medical_officer" in renamed
    south_board = next(c for c in plan.committees if c.name == "ICB Board (South ICB)")
    south_audit = next(c for c in plan.committees if c.name == "Audit and Risk Committee")
    assert south_audit.accountable_to_ids == [south_board.id]  # references follow the rename
    south_cmo = next(r for r in plan.roles if r.origin == "South ICB")
    assert south_cmo.committee_ids == [south_board.id]


@pytest.mark.parametrize("mode", ["ask", "keep-apart"])
def test_the_same_person_is_reported_and_kept_apart_unless_merging(mode):
    _, _, (plan, report) = _merge(same_person=mode)
    lees = sorted(p.name for p in plan.people if "Ann Lee" in p.name)
    assert lees == ["Dr Ann Lee (North ICB)", "Dr Ann Lee (South ICB)"]
    found = report.of("same person")
    assert len(found) == 1
    assert found[0].action == ("to confirm" if mode == "ask" else "kept apart")
    assert report.to_check  # the reader is asked to look


def test_same_person_merge_makes_one_person_holding_both_roles():
    _, _, (plan, report) = _merge(same_person="merge")
    lees = [p for p in plan.people if "Ann Lee" in p.name]
    assert len(lees) == 1
    held = [r for r in plan.roles if r.holder_id == lees[0].id]
    assert len(held) == 2
    (entry,) = report.of("same person", "merged")
    assert "capacity" in entry.detail  # 4 and 3: the difference is reported


def test_committees_of_the_same_kind_and_purpose_are_proposed_in_common():
    _, _, (plan, report) = _merge()
    proposed = report.of("in common", "proposed")
    details = " ".join(e.detail for e in proposed)
    assert "'Audit Committee'" in details
    assert "'Audit and Risk Committee'" in details
    assert not plan.groups


def test_in_common_apply_puts_them_in_one_group():
    _, _, (plan, _) = _merge(in_common="apply")
    audits = [c for c in plan.committees if "Audit" in c.name]
    assert len(plan.groups) == 2  # the boards and the audit committees
    assert audits[0].group_id is not None
    assert audits[0].group_id == audits[1].group_id
    mh = next(c for c in plan.committees if c.name == "Mental Health Board")
    assert mh.group_id is None


def test_in_common_pairs_group_only_the_pairs_chosen():
    _, _, (proposed, _) = _merge(in_common="apply")
    audits = frozenset(c.id for c in proposed.committees if "Audit" in c.name)
    _, _, (plan, report) = _merge(in_common_pairs={audits})
    assert len(plan.groups) == 1  # the audit committees, not the boards
    assert {c.id for c in plan.committees if c.group_id == plan.groups[0].id} == audits
    (grouped,) = report.of("in common", "grouped")
    assert grouped.detail.endswith("as you chose")
    (declined,) = report.of("in common", "not grouped")
    assert "you chose not to group them" in declined.detail
    assert not report.of("in common", "proposed")
    _, _, (none, report) = _merge(in_common="apply", in_common_pairs=set())  # pairs decide
    assert not none.groups
    assert len(report.of("in common", "not grouped")) == 2


def test_in_common_none_proposes_nothing():
    _, _, (plan, report) = _merge(in_common="none")
    assert not report.of("in common")
    assert not plan.groups


def test_similarity_sets_aside_place_names_and_generic_words():
    assert similarity("NHS North ICB Audit Committee", "Audit and Risk Committee", {"north"}) == 0.5
    assert similarity("Mental Health Programme Board", "Primary Care Programme Board") == 0
    assert similarity("Quality Committee", "Quality Committee") == 1


def test_report_as_text_json_and_sheet(tmp_path):
    _, _, (plan, report) = _merge()
    text = report.text(plan.name)
    assert "Tiers (aligned by level and name)" in text
    assert "! [South ICB] Dr Ann Lee" in text
    data = json.loads(json.dumps(report.as_json(plan.name)))
    assert data["sources"] == ["North ICB", "South ICB"]
    assert len(data["entries"]) == len(report.entries)
    path = tmp_path / "report.xlsx"
    report.write_xlsx(path)
    ws = load_workbook(path)["Merge report"]
    assert [c.value for c in ws[1]] == ["Section", "Plan", "Item", "Action", "Detail"]
    assert ws.max_row == len(report.entries) + 1


def test_settings_that_differ_are_reported():
    a, b = _north(), _south()
    b.default_capacity = 6
    b.profession_costs = {"nursing": 9000.0}
    plan, report = merge_plans([Source(a, "A"), Source(b, "B")])
    assert plan.default_capacity == a.default_capacity
    assert plan.profession_costs == {"nursing": 9000.0}
    assert any(e.subject == "default capacity" for e in report.of("settings", "differs"))


def test_one_plan_is_not_a_merge_and_repeated_names_use_the_fallback():
    with pytest.raises(MergeError, match="at least two"):
        merge_plans([Source(_north(), "N")])
    a, b = _north(), _north()
    assert labels_for([a, b], ["north-1", "north-2"]) == ["north-1", "north-2"]
    plan, _ = merge_plans([Source(a, "north-1"), Source(b, "north-2")], same_person="merge")
    check_plan(plan)
    assert len(plan.people) == len(a.people)  # the same people, merged

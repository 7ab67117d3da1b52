"""The plan's look-ups, presets, errors and the framework's labels, each as users see them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govplanner.domain.catalogue import ACTIVITIES, activities_of
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import (
    FUNCTIONS,
    CommitteeKind,
    Function,
    Level,
    LineKind,
    Membership,
    OrganisationType,
    Requirement,
    Severity,
    Source,
)
from govplanner.domain.errors import (
    FileInUseError,
    PlanFileError,
    PlanIntegrityError,
    RegisterError,
    TemplateRenderError,
)
from govplanner.domain.integrity import check_plan, plan_problems
from govplanner.domain.model import Committee, Person, Plan, Role
from govplanner.domain.presets import new_plan
from govplanner.domain.vocabulary import DEFAULT_WORDS, Vocabulary, words
from tests.builders import PlanBuilder, committee_id, person_id, role_id, stage_id, tier_id


def _plan() -> Plan:
    return (
        PlanBuilder()
        .committee("Board", tier="system", stage="Mobilising change")
        .committee("Group", tier="place")
        .role("Lead", on=["Board"], holder="Ada")
        .build()
    )


def test_look_ups_find_each_item_by_id_or_say_none() -> None:
    plan = _plan()
    assert plan.tier(tier_id("system")).name == "System"  # type: ignore[union-attr]
    assert plan.stage(stage_id("Mobilising change")).name == "Mobilising change"  # type: ignore[union-attr]
    assert plan.committee(committee_id("Board")).name == "Board"  # type: ignore[union-attr]
    assert plan.role(role_id("Lead")).title == "Lead"  # type: ignore[union-attr]
    assert plan.person(person_id("Ada")).name == "Ada"  # type: ignore[union-attr]
    for look_up in (plan.tier, plan.stage, plan.committee, plan.role, plan.person,
                    plan.organisation, plan.group):  # fmt: skip
        assert look_up("nope") is None


def test_capacity_and_current_stage_fall_back_to_the_plan() -> None:
    plan = _plan()
    ada = plan.people[0]
    assert plan.capacity_of(ada) == plan.default_capacity
    ada.capacity = 7
    assert plan.capacity_of(ada) == 7
    board, group = plan.committees
    assert plan.current_stage_id(board) == stage_id("Mobilising change")
    assert plan.current_stage_id(group) == plan.stages[0].id
    plan.stages = []
    assert plan.current_stage_id(group) is None
    assert plan.roles[0].is_filled


def test_new_plan_from_each_preset_has_every_default_and_refuses_an_unknown_one() -> None:
    for preset, tiers in (("ics", 4), ("partnership", 3)):
        plan = new_plan(preset, name="N")
        assert len(plan.tiers) == tiers
        assert plan.stages[0].name == "Strategy setting"
        assert set(plan.profile) == set(Level)
        assert plan.programmes
        assert plan_problems(plan) == []
    with pytest.raises(ValueError, match=r"Unknown preset .x.\. Choose one of: partnership, ics"):
        new_plan("x")


def test_integrity_reports_values_that_do_not_hang_together() -> None:
    plan = _plan()
    plan.roles[0].activities = ["Z9"]
    plan.roles[0].term_start = dt.date(2026, 1, 2)
    plan.roles[0].term_end = dt.date(2026, 1, 1)
    plan.profile[Level.EXECUTIVE]["stg_gone"] = {Function.ANALYTICAL: Requirement.OPTIONAL}
    plan.committees.append(Committee(name="board", tier_id=tier_id("system")))
    plan.people.append(Person(id=plan.people[0].id, name="Bo"))
    problems = plan_problems(plan)
    assert "Role 'Lead' lists an unknown activity 'Z9'." in problems
    assert "Role 'Lead' has a term that ends before it starts." in problems
    assert any("level executive names a stage that does not exist" in p for p in problems)
    assert "There are two committees called 'board' (names ignore case)." in problems
    assert f"The id '{plan.people[0].id}' is used twice (a person)." in problems
    with pytest.raises(PlanIntegrityError) as raised:
        check_plan(plan)
    assert raised.value.problems == problems
    assert str(raised.value).startswith(f"The plan has {len(problems)} problems:\n- ")


def test_a_plan_with_committees_but_no_tiers_is_reported() -> None:
    plan = Plan(committees=[Committee(name="C", tier_id="t")])
    assert "The plan has committees but no tiers." in plan_problems(plan)


def test_integrity_error_text_for_one_and_for_many_problems() -> None:
    assert str(PlanIntegrityError(["Only this."])) == "Only this."
    many = PlanIntegrityError([f"P{i}." for i in range(23)])
    text = str(many)
    assert text.startswith("The plan has 23 problems:\n- P0.")
    assert text.endswith("(and 3 more)")
    assert "P20." not in text


def test_file_errors_name_the_file_and_where() -> None:
    assert str(PlanFileError(Path("/x/a.govplan"), "bad", "$.roles[0]")) == (
        "a.govplan: bad at $.roles[0]"
    )
    assert str(PlanFileError("a.govplan", "bad")) == "a.govplan: bad"
    error = RegisterError("/x/r.xlsx", "unknown tier", sheet="Committees", row=4,
                          column="Tier", value="Sytem")  # fmt: skip
    assert (
        str(error)
        == "r.xlsx, sheet 'Committees', row 4, column 'Tier': unknown tier (value: 'Sytem')"
    )
    assert str(RegisterError("r.xlsx", "empty")) == "r.xlsx: empty"
    assert str(TemplateRenderError("t.html", "boom", 3)) == "Template t.html, line 3: boom"
    assert str(TemplateRenderError("t.html", "boom")) == "Template t.html: boom"
    assert "r.xlsx is open in another program" in str(FileInUseError("r.xlsx"))


def test_labels_read_as_plain_words() -> None:
    assert [lv.label for lv in Level] == ["Executive", "Thematic", "Project"]
    assert [f.short for f in FUNCTIONS] == ["A", "R", "T", "L"]
    assert Function.TRANSLATION.label == "Translation & communication"
    assert Requirement.ESSENTIAL.label == "Essential"
    assert [s.rank for s in Severity] == [0, 1, 2]
    assert Severity.INFO.label == "Info"
    assert Source.PROFESSIONAL_NETWORKS.label == "Professional networks"
    assert OrganisationType.LOCAL_AUTHORITY.label == "Local authority"
    assert CommitteeKind.CLINICAL_FORUM.label == "Clinical forum"
    assert LineKind.ADVISES.label == "Advises"
    assert LineKind.ACCOUNTABLE.label == "Accountable to"
    assert Membership.ATTENDEE.label == "Attendee"


def test_each_function_has_its_own_three_or_four_activities() -> None:
    for function in FUNCTIONS:
        mine = activities_of(function)
        assert 3 <= len(mine) <= 4
        assert all(a.function is function for a in mine)
    assert sum(len(activities_of(f)) for f in FUNCTIONS) == len(ACTIVITIES) == 13


def test_words_default_for_none_and_for_an_unchanged_vocabulary() -> None:
    assert words(None) is DEFAULT_WORDS
    assert words(Vocabulary()) is DEFAULT_WORDS
    assert words(Vocabulary(committee="forum", committees="forums")).committee == "forum"


def test_clearing_the_last_profile_entry_of_a_level_removes_the_level() -> None:
    plan = _plan()
    plan.profile = {}
    document = PlanDocument(plan)
    first = plan.stages[0].id
    document.set_requirement(Level.PROJECT, first, Function.ANALYTICAL, Requirement.OPTIONAL)
    assert plan.profile == {Level.PROJECT: {first: {Function.ANALYTICAL: Requirement.OPTIONAL}}}
    old = document.set_requirement(Level.PROJECT, first, Function.ANALYTICAL, None)
    assert old is Requirement.OPTIONAL
    assert plan.profile == {}


def test_a_role_built_with_committee_ids_gets_member_seats() -> None:
    role = Role(title="R", committee_ids=["com_a"])
    assert role.membership_on("com_a") is Membership.MEMBER


def test_the_words_a_plan_may_rename_are_the_renamable_item_kinds() -> None:
    from govplanner.domain.items import ITEM_KINDS
    from govplanner.domain.vocabulary import TERMS

    assert set(TERMS) == {k for k, info in ITEM_KINDS.items() if info.renamable}
    assert TERMS == ("committee", "tier", "role")

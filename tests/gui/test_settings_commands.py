"""Undo commands for tiers, stages, the requirement profile and the plan's tables."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from govplanner.domain.catalogue import default_requirement
from govplanner.domain.document import EditError, PlanDocument
from govplanner.domain.enums import FUNCTIONS, LEVELS, Function, Level, Requirement
from govplanner.domain.integrity import check_plan
from govplanner.domain.model import Programme
from govplanner.gui import settings_commands as sc
from govplanner.gui.commands import DocumentCommand, execute
from tests.builders import PlanBuilder, committee_id, stage_id, tier_id


def _dump(document: PlanDocument) -> dict[str, Any]:
    return document.plan.model_dump()


def do_undo_redo(document: PlanDocument, stack: QUndoStack, command: DocumentCommand) -> None:
    """Run the command, undo it (plan as before), redo it (plan as after); leave it done."""
    before = _dump(document)
    execute(stack, command)
    after = _dump(document)
    assert after != before
    stack.undo()
    assert _dump(document) == before
    stack.redo()
    assert _dump(document) == after


@pytest.fixture
def staged(qapp: object) -> PlanDocument:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Place Board", tier="place", reports_to="ICB Board", stage="Mobilising change")
        .committee("Pharmacy Group", tier="neighbourhood", stage="Mobilising change")
        .build()
    )
    return PlanDocument(plan)


def test_add_tier(document: PlanDocument, stack: QUndoStack) -> None:
    command = sc.add_tier(document, "  Locality ", Level.PROJECT)
    assert command.text() == "Add tier 'Locality'"
    do_undo_redo(document, stack, command)
    added = document.plan.tiers[-1]
    assert (added.name, added.level) == ("Locality", Level.PROJECT)


@pytest.mark.parametrize("name", ["", "   ", "system", " SYSTEM "])
def test_add_tier_refuses_empty_and_duplicate_names(document: PlanDocument, name: str) -> None:
    with pytest.raises(EditError):
        sc.add_tier(document, name, Level.PROJECT)


def test_rename_tier(document: PlanDocument, stack: QUndoStack) -> None:
    command = sc.rename_tier(document, tier_id("system"), "Whole system")
    assert command.text() == "Rename tier 'System' to 'Whole system'"
    do_undo_redo(document, stack, command)
    assert document.get("tier", tier_id("system")).name == "Whole system"


def test_rename_tier_to_its_own_name_in_other_case_is_allowed(document: PlanDocument) -> None:
    command = sc.rename_tier(document, tier_id("system"), "SYSTEM")
    assert command.text() == "Rename tier 'System' to 'SYSTEM'"
    with pytest.raises(EditError, match="already a tier called 'Programme'"):
        sc.rename_tier(document, tier_id("system"), "programme")


def test_set_tier_level(document: PlanDocument, stack: QUndoStack) -> None:
    command = sc.set_tier_level(document, tier_id("programme"), Level.PROJECT)
    assert command.text() == "Map tier 'Programme' to the project level"
    do_undo_redo(document, stack, command)
    assert document.get("tier", tier_id("programme")).level is Level.PROJECT


def test_remove_empty_tier(staged: PlanDocument, stack: QUndoStack) -> None:
    execute(stack, sc.add_tier(staged, "Spare", Level.THEMATIC))
    spare = staged.plan.tiers[-1].id
    command = sc.remove_tier(staged, spare)
    assert command.text() == "Delete tier 'Spare'"
    do_undo_redo(staged, stack, command)
    assert staged.plan.tier(spare) is None


def test_remove_tier_with_committees_needs_a_target(document: PlanDocument) -> None:
    with pytest.raises(EditError, match="'Programme' still has 1 committee"):
        sc.remove_tier(document, tier_id("programme"))


def test_remove_tier_moves_its_committees(document: PlanDocument, stack: QUndoStack) -> None:
    command = sc.remove_tier(document, tier_id("programme"), move_to_tier_id=tier_id("system"))
    assert command.text() == "Delete tier 'Programme' and move 1 committee to 'System'"
    do_undo_redo(document, stack, command)
    assert document.get("committee", committee_id("Mental Health Board")).tier_id == tier_id(
        "system"
    )
    check_plan(document.plan)


def test_move_tier(document: PlanDocument, stack: QUndoStack) -> None:
    command = sc.move_tier(document, tier_id("programme"), 0)
    assert command.text() == "Move tier 'Programme' up"
    do_undo_redo(document, stack, command)
    assert document.plan.tiers[0].id == tier_id("programme")
    assert sc.move_tier(document, tier_id("programme"), 1).text() == "Move tier 'Programme' down"


def test_add_stage_takes_profile_entries_from_the_study_defaults(
    document: PlanDocument, stack: QUndoStack
) -> None:
    command = sc.add_stage(document, "Review", "Looking back")
    assert command.text() == "Add stage 'Review'"
    do_undo_redo(document, stack, command)
    stage = document.plan.stages[-1]
    assert (stage.name, stage.description) == ("Review", "Looking back")
    for level in LEVELS:
        for f in FUNCTIONS:
            expected = default_requirement(level, 3, 4, f)
            assert document.plan.profile[level][stage.id][f] is expected


def test_rename_and_describe_stage(document: PlanDocument, stack: QUndoStack) -> None:
    first = stage_id("Strategy setting")
    command = sc.rename_stage(document, first, "Setting strategy")
    assert command.text() == "Rename stage 'Strategy setting' to 'Setting strategy'"
    do_undo_redo(document, stack, command)
    command = sc.describe_stage(document, first, "Agreeing where we go.")
    assert command.text() == "Describe stage 'Setting strategy'"
    do_undo_redo(document, stack, command)
    assert document.get("stage", first).description == "Agreeing where we go."
    with pytest.raises(EditError):
        sc.rename_stage(document, first, "mobilising change")


def test_remove_stage_sends_committees_back_and_drops_profile(
    staged: PlanDocument, stack: QUndoStack
) -> None:
    mobilising = stage_id("Mobilising change")
    command = sc.remove_stage(staged, mobilising)
    assert command.text() == "Delete stage 'Mobilising change' (2 committees back to no stage)"
    do_undo_redo(staged, stack, command)
    plan = staged.plan
    assert plan.stage(mobilising) is None
    assert all(c.stage_id is None for c in plan.committees)
    assert all(mobilising not in by_stage for by_stage in plan.profile.values())
    check_plan(plan)
    assert stack.count() == 1  # one undo step for the whole compound edit


def test_the_last_stage_cannot_be_deleted(document: PlanDocument, stack: QUndoStack) -> None:
    for stage in document.plan.stages[1:]:
        execute(stack, sc.remove_stage(document, stage.id))
    with pytest.raises(EditError, match="at least one stage"):
        sc.remove_stage(document, document.plan.stages[0].id)


def test_move_stage(document: PlanDocument, stack: QUndoStack) -> None:
    last = document.plan.stages[-1].id
    command = sc.move_stage(document, last, 0)
    assert command.text() == "Move stage 'Sustaining collaboration' up"
    do_undo_redo(document, stack, command)
    assert document.plan.stages[0].id == last


def test_set_requirement(document: PlanDocument, stack: QUndoStack) -> None:
    first = stage_id("Strategy setting")
    command = sc.set_requirement(
        document, Level.THEMATIC, first, Function.RELATIONAL, Requirement.ESSENTIAL
    )
    assert command.text() == "Set thematic / Strategy setting / Relational work to essential"
    do_undo_redo(document, stack, command)
    assert document.plan.requirement(Level.THEMATIC, first, Function.RELATIONAL) is (
        Requirement.ESSENTIAL
    )


def test_reset_profile_restores_every_default(document: PlanDocument, stack: QUndoStack) -> None:
    first = stage_id("Strategy setting")
    execute(
        stack,
        sc.set_requirement(
            document, Level.PROJECT, first, Function.RELATIONAL, Requirement.ESSENTIAL
        ),
    )
    execute(
        stack,
        sc.set_requirement(
            document, Level.EXECUTIVE, first, Function.ANALYTICAL, Requirement.OPTIONAL
        ),
    )
    command = sc.reset_profile(document)
    assert command.text() == "Reset the requirement profile to the study defaults"
    assert len(command.edits) == 2
    do_undo_redo(document, stack, command)
    n = len(document.plan.stages)
    for level in LEVELS:
        for i, stage in enumerate(document.plan.stages):
            for f in FUNCTIONS:
                assert document.plan.profile[level][stage.id][f] is default_requirement(
                    level, i, n, f
                )


def test_set_programmes(document: PlanDocument, stack: QUndoStack) -> None:
    programmes = [
        *document.plan.programmes,
        Programme(name="Dementia", professions=["old age psychiatry"]),
    ]
    command = sc.set_programmes(document, programmes, "Add programme area 'Dementia'")
    do_undo_redo(document, stack, command)
    assert document.plan.programmes[-1].name == "Dementia"
    duplicate = [*programmes, Programme(name=" dementia ")]
    with pytest.raises(EditError, match="already a programme area called 'Dementia'"):
        sc.set_programmes(document, duplicate, "x")


def test_set_synonyms_normalises_case_and_refuses_blanks(
    document: PlanDocument, stack: QUndoStack
) -> None:
    command = sc.set_synonyms(document, {" OT ": "Allied Health Professions"}, "Edit synonyms")
    do_undo_redo(document, stack, command)
    assert document.plan.profession_synonyms == {"ot": "allied health professions"}
    with pytest.raises(EditError):
        sc.set_synonyms(document, {"ot": "  "}, "x")
    with pytest.raises(EditError, match="listed twice"):
        sc.set_synonyms(document, {"ot": "a", "OT": "b"}, "x")


def test_set_default_capacity(document: PlanDocument, stack: QUndoStack) -> None:
    command = sc.set_default_capacity(document, 6.5)
    assert command.text() == "Set the default capacity to 6.5 sessions per week"
    do_undo_redo(document, stack, command)
    assert document.plan.default_capacity == 6.5
    with pytest.raises(EditError):
        sc.set_default_capacity(document, 101)


def test_set_kind_rule_and_reset(document: PlanDocument, stack: QUndoStack) -> None:
    from govplanner.domain.enums import CommitteeKind, Rule
    from govplanner.domain.governance import default_kind_rules

    command = sc.set_kind_rule(document, CommitteeKind.ADVISORY, Function.RELATIONAL, Rule.EXPECTED)
    assert command.text() == "Set Relational work for advisory committees to expected"
    do_undo_redo(document, stack, command)
    assert document.plan.kind_rule(CommitteeKind.ADVISORY, Function.RELATIONAL) is Rule.EXPECTED
    assert document.plan.kind_rule(CommitteeKind.ADVISORY, Function.ANALYTICAL) is Rule.OPTIONAL
    follow = sc.set_kind_rule(document, CommitteeKind.ASSURANCE, Function.ANALYTICAL, Rule.PROFILE)
    assert follow.text() == "Set Analytical insight for assurance committees to follow the profile"
    do_undo_redo(document, stack, follow)
    reset = sc.reset_kind_rules(document)
    do_undo_redo(document, stack, reset)
    assert document.plan.kind_rules == default_kind_rules()
    assert sc.reset_kind_rules(document).edits == []  # nothing to reset: no command

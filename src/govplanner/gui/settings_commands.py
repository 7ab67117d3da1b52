"""Undo commands for the plan's settings: tiers, stages, requirement profile and tables.

Each function checks the edit against the current plan (raising :class:`EditError` with a plain
message) and returns a :class:`DocumentCommand`; run it with ``gui.commands.execute`` (or
``try_execute``) so it lands on the document's undo stack only when the document accepted it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from govplanner.domain.catalogue import default_requirement
from govplanner.domain.document import EditError, Kind, PlanDocument
from govplanner.domain.enums import (
    FUNCTIONS,
    LEVELS,
    CommitteeKind,
    Function,
    Level,
    Requirement,
    Rule,
)
from govplanner.domain.governance import default_kind_rules
from govplanner.domain.model import Programme, Stage, Tier
from govplanner.domain.names import name_key
from govplanner.gui.commands import DocumentCommand, noun
from govplanner.gui.edits import (
    DeleteEdit,
    Edit,
    InsertEdit,
    MoveEdit,
    PlanFieldsEdit,
    RequirementEdit,
    UpdateEdit,
)


def _checked_name(name: str, kind: str, taken: Iterable[tuple[str, str]], own_id: str = "") -> str:
    """The trimmed name, or an EditError if it is empty or another item already has it."""
    clean = name.strip()
    if not clean:
        raise EditError(f"A {kind} needs a name.")
    if len(clean) > 200:
        raise EditError(f"A {kind} name can be at most 200 characters long.")
    for item_id, other in taken:
        if item_id != own_id and name_key(other) == name_key(clean):
            raise EditError(f"There is already a {kind} called '{other}' (names ignore case).")
    return clean


# -- tiers ----------------------------------------------------------------------------------------


def add_tier(document: PlanDocument, name: str, level: Level) -> DocumentCommand:
    plan = document.plan
    tier = noun(document, "tier")
    clean = _checked_name(name, tier, ((t.id, t.name) for t in plan.tiers))
    edit = InsertEdit("tier", Tier(name=clean, level=level))
    return DocumentCommand(document, f"Add {tier} '{clean}'", [edit])


def rename_tier(document: PlanDocument, tier_id: str, name: str) -> DocumentCommand:
    tier = document.get("tier", tier_id)
    word = noun(document, "tier")
    clean = _checked_name(name, word, ((t.id, t.name) for t in document.plan.tiers), tier_id)
    edit = UpdateEdit("tier", tier_id, {"name": clean})
    return DocumentCommand(document, f"Rename {word} '{tier.name}' to '{clean}'", [edit])


def set_tier_level(document: PlanDocument, tier_id: str, level: Level) -> DocumentCommand:
    tier = document.get("tier", tier_id)
    edit = UpdateEdit("tier", tier_id, {"level": level})
    text = f"Map {noun(document, 'tier')} '{tier.name}' to the {level.value} level"
    return DocumentCommand(document, text, [edit])


def remove_tier(
    document: PlanDocument, tier_id: str, move_to_tier_id: str | None = None
) -> DocumentCommand:
    """Delete a tier; its committees move to ``move_to_tier_id`` (required if it has any).

    The delete itself is the domain's cascade, which refuses while a committee is on the tier.
    """
    tier = document.get("tier", tier_id)
    on_tier = [c for c in document.plan.committees if c.tier_id == tier_id]
    if on_tier and (move_to_tier_id is None or move_to_tier_id == tier_id):
        raise EditError(
            f"The {noun(document, 'tier')} '{tier.name}' still has "
            f"{_count(document, len(on_tier), 'committee')}. "
            f"Move them to another {noun(document, 'tier')} first."
        )
    edits: list[Edit] = []
    text = f"Delete {noun(document, 'tier')} '{tier.name}'"
    if on_tier and move_to_tier_id is not None:
        target = document.get("tier", move_to_tier_id)
        edits = [UpdateEdit("committee", c.id, {"tier_id": target.id}) for c in on_tier]
        text += f" and move {_count(document, len(on_tier), 'committee')} to '{target.name}'"
    edits.append(DeleteEdit("tier", tier_id))
    return DocumentCommand(document, text, edits)


def move_tier(document: PlanDocument, tier_id: str, new_index: int) -> DocumentCommand:
    return _move(document, "tier", tier_id, new_index)


# -- stages ---------------------------------------------------------------------------------------


def add_stage(document: PlanDocument, name: str, description: str = "") -> DocumentCommand:
    """Add a stage at the end, with profile entries from the study defaults (DOMAIN.md rule)."""
    plan = document.plan
    clean = _checked_name(name, "stage", ((s.id, s.name) for s in plan.stages))
    stage = Stage(name=clean, description=description)
    index, count = len(plan.stages), len(plan.stages) + 1
    edits: list[Edit] = [InsertEdit("stage", stage)]
    edits += [
        RequirementEdit(level, stage.id, f, default_requirement(level, index, count, f))
        for level in LEVELS
        for f in FUNCTIONS
    ]
    return DocumentCommand(document, f"Add stage '{clean}'", edits)


def rename_stage(document: PlanDocument, stage_id: str, name: str) -> DocumentCommand:
    stage = document.get("stage", stage_id)
    clean = _checked_name(name, "stage", ((s.id, s.name) for s in document.plan.stages), stage_id)
    edit = UpdateEdit("stage", stage_id, {"name": clean})
    return DocumentCommand(document, f"Rename stage '{stage.name}' to '{clean}'", [edit])


def describe_stage(document: PlanDocument, stage_id: str, description: str) -> DocumentCommand:
    stage = document.get("stage", stage_id)
    edit = UpdateEdit("stage", stage_id, {"description": description})
    return DocumentCommand(document, f"Describe stage '{stage.name}'", [edit])


def remove_stage(document: PlanDocument, stage_id: str) -> DocumentCommand:
    """Delete a stage: its committees go back to no stage (the domain's cascade), its profile
    entries go too."""
    plan = document.plan
    stage = document.get("stage", stage_id)
    if len(plan.stages) == 1:
        raise EditError("A plan needs at least one stage, so the last one cannot be deleted.")
    at_stage = [c for c in plan.committees if c.stage_id == stage_id]
    edits: list[Edit] = [
        RequirementEdit(level, stage_id, function, None)
        for level, by_stage in plan.profile.items()
        for function in by_stage.get(stage_id, {})
    ]
    edits.append(DeleteEdit("stage", stage_id))
    text = f"Delete stage '{stage.name}'"
    if at_stage:
        text += f" ({_count(document, len(at_stage), 'committee')} back to no stage)"
    return DocumentCommand(document, text, edits)


def move_stage(document: PlanDocument, stage_id: str, new_index: int) -> DocumentCommand:
    return _move(document, "stage", stage_id, new_index)


def _move(document: PlanDocument, kind: Kind, item_id: str, new_index: int) -> DocumentCommand:
    item = document.get(kind, item_id)
    old_index = document.index_of(kind, item_id)
    direction = "up" if new_index < old_index else "down"
    edit = MoveEdit(kind, item_id, new_index)
    text = f"Move {noun(document, kind)} '{item.name}' {direction}"
    return DocumentCommand(document, text, [edit])


def _count(document: PlanDocument, n: int, kind: str) -> str:
    return f"{n} {noun(document, kind, plural=n != 1)}"


# -- requirement profile --------------------------------------------------------------------------


def set_requirement(
    document: PlanDocument,
    level: Level,
    stage_id: str,
    function: Function,
    requirement: Requirement,
) -> DocumentCommand:
    stage = document.get("stage", stage_id)
    text = f"Set {level.value} / {stage.name} / {function.label} to {requirement.value}"
    edit = RequirementEdit(level, stage_id, function, requirement)
    return DocumentCommand(document, text, [edit])


def reset_profile(document: PlanDocument) -> DocumentCommand:
    """Set every profile entry of every stage back to the study-derived default."""
    plan = document.plan
    count = len(plan.stages)
    edits: list[Edit] = []
    for level in LEVELS:
        for index, stage in enumerate(plan.stages):
            current = plan.profile.get(level, {}).get(stage.id, {})
            for f in FUNCTIONS:
                default = default_requirement(level, index, count, f)
                if current.get(f) != default:
                    edits.append(RequirementEdit(level, stage.id, f, default))
    return DocumentCommand(document, "Reset the requirement profile to the study defaults", edits)


# -- plan tables and settings ---------------------------------------------------------------------


def set_programmes(
    document: PlanDocument, programmes: Sequence[Programme], text: str
) -> DocumentCommand:
    seen: dict[str, str] = {}
    for programme in programmes:
        key = name_key(programme.name)
        if key in seen:
            raise EditError(
                f"There is already a programme area called '{seen[key]}' (names ignore case)."
            )
        seen[key] = programme.name
    edit = PlanFieldsEdit({"programmes": [p.model_copy() for p in programmes]})
    return DocumentCommand(document, text, [edit])


def set_synonyms(document: PlanDocument, synonyms: dict[str, str], text: str) -> DocumentCommand:
    clean: dict[str, str] = {}
    for synonym, profession in synonyms.items():
        key, target = synonym.strip().lower(), profession.strip().lower()
        if not key or not target:
            raise EditError("A synonym and the profession it stands for both need text.")
        if key in clean:
            raise EditError(f"The synonym '{key}' is listed twice.")
        clean[key] = target
    return DocumentCommand(document, text, [PlanFieldsEdit({"profession_synonyms": clean})])


def set_default_capacity(document: PlanDocument, sessions: float) -> DocumentCommand:
    if not 0 <= sessions <= 100:
        raise EditError("The default capacity must be between 0 and 100 sessions per week.")
    text = f"Set the default capacity to {sessions:g} sessions per week"
    return DocumentCommand(document, text, [PlanFieldsEdit({"default_capacity": sessions})])


# -- committee kinds ------------------------------------------------------------------------------


def set_kind_rule(
    document: PlanDocument, kind: CommitteeKind, function: Function, rule: Rule
) -> DocumentCommand:
    """Set what committees of one kind need of one function (or that they follow the profile)."""
    rules = {k: dict(by_function) for k, by_function in document.plan.kind_rules.items()}
    rules.setdefault(kind, {})[function] = rule
    said = "follow the profile" if rule is Rule.PROFILE else rule.value
    committees = noun(document, "committee", plural=True)
    text = f"Set {function.label} for {kind.label.lower()} {committees} to {said}"
    return DocumentCommand(document, text, [PlanFieldsEdit({"kind_rules": rules})])


def reset_kind_rules(document: PlanDocument) -> DocumentCommand:
    """Every kind's rules back to the defaults of DOMAIN.md v2."""
    edits: list[Edit] = []
    if document.plan.kind_rules != default_kind_rules():
        edits.append(PlanFieldsEdit({"kind_rules": default_kind_rules()}))
    text = f"Reset what each kind of {noun(document, 'committee')} needs"
    return DocumentCommand(document, text, edits)

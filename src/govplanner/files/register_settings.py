"""The register's settings sheets (govplanner's own, so an export imports back whole):
Settings, Profile, Kinds, Profession synonyms, Profession costs, and the Accepted findings
sheet DOMAIN.md names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from govplanner.analysis.result import finding_key
from govplanner.domain.enums import (
    COMMITTEE_KINDS,
    CommitteeKind,
    Function,
    Level,
    Requirement,
    Rule,
    SubjectKind,
)
from govplanner.domain.governance import KIND_SYNONYMS
from govplanner.domain.model import AcceptedFinding, Role
from govplanner.domain.names import name_key
from govplanner.files import register_layout as layout
from govplanner.files.register_registry import Registry
from govplanner.files.register_structure import read_level
from govplanner.files.register_values import RowValues, nearest, unknown

_REQUIREMENTS_SHOWN = [r.value for r in Requirement]
_RULES_SHOWN = [r.value for r in Rule]
_KIND_SHOWN = [layout.KIND_LABELS[k] for k in COMMITTEE_KINDS]
_WORD_LIMIT = 40


@dataclass
class Settings:
    """What the Settings sheet gave (only the settings it lists)."""

    values: dict[str, Any] = field(default_factory=dict)


def read_settings(rows: list[RowValues]) -> Settings:
    known = {name_key(n): n for n in layout.SETTING_NAMES}
    settings = Settings()
    first: dict[str, int] = {}
    for row in rows:
        text = row.text("Setting", required=True)
        if not text:
            continue
        setting = known.get(name_key(text))
        if setting is None:
            row.error("Setting", unknown("setting", text, layout.SETTING_NAMES), text)
            continue
        if setting in first:
            row.error("Setting", f"this setting is already on row {first[setting]}", text)
            continue
        first[setting] = row.row
        value = _setting_value(row, setting)
        if value is not _BAD:
            settings.values[setting] = value
    return settings


_BAD: Any = object()


def _setting_value(row: RowValues, setting: str) -> Any:
    errors = len(row.problems.errors)
    value: Any
    if setting == layout.SET_NAME:
        value = row.text("Value") or None
    elif setting == layout.SET_DESCRIPTION:
        value = row.free_text("Value")
    elif setting == layout.SET_CAPACITY:
        value = row.number("Value", default=None)
    elif setting == layout.SET_TERM_WARNING:
        value = row.whole("Value", low=0, high=3650)
    elif setting == layout.SET_COST:
        value = row.number("Value", default=None, high=1_000_000_000)
    elif setting == layout.SET_EFFECTIVE:
        value = row.date("Value")
    else:
        value = row.text("Value")
        if not value or len(value) > _WORD_LIMIT:
            row.error("Value", f"a word of 1 to {_WORD_LIMIT} characters is needed", value)
            return _BAD
    return _BAD if len(row.problems.errors) > errors else value


def read_profile(
    rows: list[RowValues], registry: Registry
) -> dict[Level, dict[str, dict[Function, Requirement]]]:
    """One row per level and stage; blank function cells are left to the built-in default."""
    profile: dict[Level, dict[str, dict[Function, Requirement]]] = {}
    first: dict[tuple[Level, str], int] = {}
    for row in rows:
        level = read_level(row)
        stage_name = row.text("Stage")
        stage = registry.stages.find(stage_name) if stage_name else None
        if stage_name and stage is None:
            row.error("Stage", "no stage with this name among the stages", stage_name)
        entries: dict[Function, Requirement] = {}
        for header, function in layout.HEADER_FUNCTIONS.items():
            requirement = row.word(
                header, layout.REQUIREMENT_WORDS, "requirement", _REQUIREMENTS_SHOWN
            )
            if requirement is not None:
                entries[function] = requirement
        if level is None:
            continue
        by_stage = profile.setdefault(level, {})
        if stage is None:
            continue
        if (level, stage.id) in first:
            row.error(
                "Stage",
                f"this level and stage are already on row {first[(level, stage.id)]}",
                stage_name,
            )
            continue
        first[(level, stage.id)] = row.row
        by_stage[stage.id] = entries
    return profile


def read_kinds(rows: list[RowValues]) -> dict[CommitteeKind, dict[Function, Rule]]:
    """Each committee kind's rule per function (follow the profile, or a fixed requirement)."""
    rules: dict[CommitteeKind, dict[Function, Rule]] = {}
    first: dict[CommitteeKind, int] = {}
    for row in rows:
        if row.is_blank("Kind"):
            row.error("Kind", "this cell must not be blank")
            continue
        kind = row.word("Kind", KIND_SYNONYMS, "committee kind", _KIND_SHOWN)
        entries: dict[Function, Rule] = {}
        for header, function in layout.HEADER_FUNCTIONS.items():
            rule = row.word(header, layout.RULE_WORDS, "rule", _RULES_SHOWN)
            if rule is not None:
                entries[function] = rule
        if kind is None:
            continue
        if kind in first:
            row.error("Kind", f"this kind is already on row {first[kind]}", row.raw("Kind"))
            continue
        first[kind] = row.row
        rules[kind] = entries
    return rules


def read_synonyms(rows: list[RowValues]) -> dict[str, str]:
    """Profession synonyms: a word users write, and the profession it means."""
    synonyms: dict[str, str] = {}
    first: dict[str, int] = {}
    for row in rows:
        word = row.free_text("Word", required=True)
        meaning = row.free_text("Profession", required=True)
        if not word or not meaning:
            continue
        if word in first:
            row.error("Word", f"this word is already on row {first[word]}", word)
            continue
        first[word] = row.row
        synonyms[word] = meaning
    return synonyms


def read_costs(rows: list[RowValues]) -> dict[str, float]:
    """Profession costs: a weekly session for a year, per profession."""
    costs: dict[str, float] = {}
    first: dict[str, int] = {}
    for row in rows:
        profession = row.free_text("Profession", required=True)
        cost = row.number("Cost per session", default=None, high=1_000_000_000)
        if row.is_blank("Cost per session"):
            row.error("Cost per session", "this cell must not be blank")
        if not profession or cost is None:
            continue
        if profession in first:
            row.error(
                "Profession", f"this profession is already on row {first[profession]}", profession
            )
            continue
        first[profession] = row.row
        costs[profession] = cost
    return costs


# -- Accepted findings -------------------------------------------------------------------------


def read_accepted(rows: list[RowValues], registry: Registry) -> list[AcceptedFinding]:
    """Accepted findings by code, subject, function and stage (or govplanner's exact Key).

    A row whose finding no longer arises is kept: the analysis reports it as stale.
    """
    accepted: list[AcceptedFinding] = []
    roles = RoleFinder(registry.roles, registry.role_aliases)
    for row in rows:
        key = row.free_text("Key")
        rationale = row.free_text("Rationale", required=not registry.exact)
        accepted_by = row.text("Accepted by")
        accepted_on = row.date("Accepted on")
        review_on = row.date("Review on")
        if not key:
            key = _key_from_columns(row, registry, roles) or ""
        if key:
            accepted.append(
                AcceptedFinding(
                    key=key,
                    rationale=rationale,
                    accepted_by=accepted_by,
                    accepted_on=accepted_on or dt.date.today(),
                    review_on=review_on,
                )
            )
    return accepted


class RoleFinder:
    """A role by its Id, else by a title only one role has (titles may repeat)."""

    def __init__(self, roles: list[Role], aliases: dict[str, str] | None = None) -> None:
        self.by_id = {role.id: role for role in roles}
        self.written = {w: self.by_id[a] for w, a in (aliases or {}).items() if a in self.by_id}
        self.by_title: dict[str, list[Role]] = {}
        for role in roles:
            self.by_title.setdefault(name_key(role.title), []).append(role)

    def find(self, text: str) -> Role | None:
        found = self.written.get(text.strip()) or self.by_id.get(text.strip())
        if found is not None:
            return found
        titled = self.by_title.get(name_key(text), [])
        return titled[0] if len(titled) == 1 else None

    def ambiguous(self, text: str) -> bool:
        return len(self.by_title.get(name_key(text), [])) > 1


def _key_from_columns(row: RowValues, registry: Registry, roles: RoleFinder) -> str | None:
    code = row.text("Code", required=True).upper()
    subject = row.text("Subject", required=True)
    function = row.word(
        "Function", layout.FUNCTION_WORDS, "function", list(layout.FUNCTION_LABELS.values())
    )
    stage_name = row.text("Stage")
    stage = registry.stages.find(stage_name) if stage_name else None
    if stage_name and stage is None:
        row.error("Stage", "no stage with this name among the stages", stage_name)
    if not code:
        return None
    kind = layout.CODE_SUBJECTS.get(code)
    if kind is None:
        row.error("Code", unknown("finding code", code, layout.CODE_SUBJECTS), code)
        return None
    if function is None and code in layout.FUNCTION_CODES and row.is_blank("Function"):
        row.error("Function", f"a {code} finding is about one function: name it")
        return None
    if not subject:
        return None
    subject_id = _subject_id(row, kind, subject, registry, roles)
    if subject_id is None:
        return None
    stage_id = stage.id if stage else None
    if stage_id is None and not stage_name and code in layout.STAGE_CODES:
        stage_id = current_stage(registry, subject_id)
    return finding_key(code, kind, subject_id, function, stage_id)


def current_stage(registry: Registry, committee_id: str) -> str | None:
    """The stage a committee's gap findings carry: its own, else the plan's first."""
    committee = registry.committees.by_id.get(committee_id)
    if committee is not None and committee.stage_id is not None:
        return committee.stage_id
    stages = registry.stages.values()
    return stages[0].id if stages else None


def _subject_id(
    row: RowValues, kind: SubjectKind, text: str, registry: Registry, roles: RoleFinder
) -> str | None:
    found: Any
    named: Any
    if kind is SubjectKind.ROLE:
        found = roles.find(text)
        if found is None and roles.ambiguous(text):
            row.error(
                "Subject",
                "several roles have this title; write the role's Id (from the Roles sheet)",
                text,
            )
            return None
    else:
        named = {
            SubjectKind.COMMITTEE: registry.committees,
            SubjectKind.TIER: registry.tiers,
            SubjectKind.PERSON: registry.people,
            SubjectKind.ORGANISATION: registry.organisations,
        }[kind]
        found = named.find(text)
    if found is None:
        names = [
            name_key(getattr(i, "title", None) or i.name) for i in _items(kind, registry, roles)
        ]
        guess = nearest(text, names)
        hint = f" (did you mean '{guess}'?)" if guess else ""
        row.error("Subject", f"no {kind.value} with this name or Id{hint}", text)
        return None
    return str(found.id)


def _items(kind: SubjectKind, registry: Registry, roles: RoleFinder) -> list[Any]:
    if kind is SubjectKind.ROLE:
        return list(roles.by_id.values())
    named: Any = {
        SubjectKind.COMMITTEE: registry.committees,
        SubjectKind.TIER: registry.tiers,
        SubjectKind.PERSON: registry.people,
        SubjectKind.ORGANISATION: registry.organisations,
    }[kind]
    items: list[Any] = named.values()
    return items

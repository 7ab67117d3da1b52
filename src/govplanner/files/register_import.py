"""Importing a register workbook (DOMAIN.md, "The register workbook") into a new plan.

Every problem found is collected (up to a cap) and raised together as one
:class:`~govplanner.files.register_problems.RegisterImportError`, each naming the sheet, the Excel
row, the column and the offending value. Nothing is written: the caller saves the plan.

A register govplanner exported (it has a ``Settings`` sheet) carries every field and setting
of its plan, with ids, and imports back as the same plan; one from elsewhere gets the
built-in defaults for whatever it leaves out, exactly as before those sheets existed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.workbook.workbook import Workbook

from govplanner.domain.catalogue import DEFAULT_PROFESSION_SYNONYMS, DEFAULT_STAGES
from govplanner.domain.integrity import plan_problems
from govplanner.domain.model import Plan, Stage, Tier
from govplanner.domain.names import name_key
from govplanner.domain.presets import default_profile, default_programmes, default_stages
from govplanner.domain.vocabulary import Vocabulary
from govplanner.files import register_layout as layout
from govplanner.files.collector import collector_paused
from govplanner.files.register_committees import read_committees
from govplanner.files.register_people import read_people, read_programmes, read_roles
from govplanner.files.register_problems import ProblemLimitError, Problems, RegisterImportError
from govplanner.files.register_proposal import read_proposal
from govplanner.files.register_registry import Registry
from govplanner.files.register_settings import (
    Settings,
    read_accepted,
    read_costs,
    read_kinds,
    read_profile,
    read_settings,
    read_synonyms,
)
from govplanner.files.register_structure import (
    read_groups,
    read_organisations,
    read_tiers,
    tier_order,
)
from govplanner.files.register_values import RowValues
from govplanner.files.workbook_reader import Sheet, open_workbook, read_sheet, sheets_by_key

__all__ = ["RegisterImport", "RegisterImportError", "import_register", "read_register"]


@dataclass(frozen=True)
class RegisterImport:
    """The plan a register made, and one-line notices for the user (nothing went wrong)."""

    plan: Plan
    notices: tuple[str, ...]


def import_register(path: str | Path) -> Plan:
    """Read the register at ``path`` into a new plan; raise RegisterImportError listing problems."""
    return read_register(path).plan


def read_register(path: str | Path) -> RegisterImport:
    """The plan and the notices (kinds inferred, unknown programme areas, macros not run)."""
    with collector_paused():
        return _read_register(Path(path))


def _read_register(source: Path) -> RegisterImport:
    problems = Problems(source)
    plan: Plan | None = None
    try:
        with open_workbook(source, problems) as workbook:
            sheets, complete = _read_sheets(workbook, problems)
            if not complete:
                # Every reference to a missing sheet or column would fail too: report
                # the layout problems (and any found so far) on their own first.
                problems.raise_if_any()
            plan = _build(workbook, source, sheets, problems)
    except ProblemLimitError:
        problems.raise_if_any(stopped=True)
    problems.raise_if_any()
    assert plan is not None
    return RegisterImport(plan, tuple(problems.notices))


def _read_sheets(workbook: Workbook, problems: Problems) -> tuple[dict[str, Sheet], bool]:
    """The layout's sheets that are present, and whether all required sheets and columns are."""
    present = sheets_by_key(workbook)
    sheets: dict[str, Sheet] = {}
    complete = True
    for name in layout.SHEET_ORDER:
        title = present.get(name_key(name))
        if title is None:
            if name in layout.REQUIRED_SHEETS:
                problems.add(f"the workbook has no '{name}' sheet, which is required")
                complete = False
            continue
        sheet = read_sheet(workbook, title, layout.HEADERS[name], problems)
        if sheet is None:
            if name in layout.REQUIRED_SHEETS:
                problems.add("the sheet is empty; it needs a header row", sheet=title)
                complete = False
        elif name in layout.OWN_SHEETS and not _has_columns(sheet, name):
            wanted = ", ".join(layout.REQUIRED_HEADERS[name])
            problems.notice(
                f"Sheet '{title}' was passed over: it is not one govplanner wrote (it has no "
                f"{wanted} columns)."
            )
        elif _has_required_columns(sheet, name, problems):
            sheets[name] = sheet
        else:
            complete = False
    return sheets, complete


def _has_columns(sheet: Sheet, name: str) -> bool:
    return all(name_key(h) in sheet.headers for h in layout.REQUIRED_HEADERS[name])


def _has_required_columns(sheet: Sheet, name: str, problems: Problems) -> bool:
    missing = [h for h in layout.REQUIRED_HEADERS[name] if name_key(h) not in sheet.headers]
    for header in missing:
        problems.add(
            f"the sheet has no '{header}' column (the headers are read from row "
            f"{sheet.header_row}, the first non-blank row)",
            sheet=sheet.title,
            row=sheet.header_row,
        )
    return not missing


def rows(sheet: Sheet, problems: Problems, exact: bool = False) -> list[RowValues]:
    return [RowValues(sheet, number, values, problems, exact) for number, values in sheet.rows]


@dataclass
class _Found:
    """The layout's sheets present in the workbook, read as rows on demand."""

    sheets: dict[str, Sheet]
    problems: Problems
    #: written by govplanner (it has a Settings sheet): free text is kept exactly
    exact: bool

    def rows(self, name: str) -> list[RowValues] | None:
        sheet = self.sheets.get(name)
        return None if sheet is None else rows(sheet, self.problems, self.exact)


def _build(workbook: Workbook, source: Path, sheets: dict[str, Sheet], problems: Problems) -> Plan:
    """Read the sheets in dependency order; the required ones are known to be present."""
    found = _Found(sheets, problems, exact=layout.SETTINGS in sheets)
    registry = Registry(problems, exact=found.exact)
    settings = Settings()
    if (settings_rows := found.rows(layout.SETTINGS)) is not None:
        settings = read_settings(settings_rows)
    fields = _structure(found, registry)
    fields.update(_items(found, registry))
    fields.update(_plan_sheets(found, registry, fields["stages"]))
    problems.raise_if_any()
    fields.update(_settings(settings))
    properties = workbook.properties
    plan = Plan(
        name=settings.values.get(layout.SET_NAME)
        or (properties.title or "").strip()[:200]
        or source.stem
        or "Imported plan",
        description=settings.values.get(
            layout.SET_DESCRIPTION, (properties.description or "")[:20_000]
        ),
        **fields,
    )
    for problem in plan_problems(plan):  # a safety net: the checks above should catch all
        problems.add(problem)
    return plan


def _structure(found: _Found, registry: Registry) -> dict[str, Any]:
    """Tiers, stages, organisations, groups and programmes: what committees refer to."""
    if (tier_rows := found.rows(layout.TIERS)) is not None:
        read_tiers(tier_rows, registry)
    stages = _stages(found.sheets.get(layout.STAGES), found.problems, registry)
    if (organisation_rows := found.rows(layout.ORGANISATIONS)) is not None:
        read_organisations(organisation_rows, registry)
    if (group_rows := found.rows(layout.GROUPS)) is not None:
        read_groups(group_rows, registry)
    programme_rows = found.rows(layout.PROGRAMMES)
    registry.programmes = (
        read_programmes(programme_rows, found.problems)
        if programme_rows is not None
        else default_programmes()
    )
    return {"stages": stages, "programmes": registry.programmes}


def _items(found: _Found, registry: Registry) -> dict[str, Any]:
    """Committees, people and roles, and the bodies and groups they named."""
    committees = read_committees(
        found.rows(layout.COMMITTEES) or [], registry, derive_tiers=layout.TIERS not in found.sheets
    )
    people_rows = found.rows(layout.PEOPLE)
    if people_rows is not None:
        read_people(people_rows, registry)
    roles = read_roles(
        found.rows(layout.ROLES) or [], registry, people_listed=people_rows is not None
    )
    _say_organisations_made(registry)
    _say_renamed_ids(registry)
    return {
        "tiers": _ordered_tiers(registry),
        "organisations": registry.organisations.values(),
        "groups": registry.groups.values(),
        "committees": committees,
        "roles": roles,
        "people": registry.people.values(),
    }


def _plan_sheets(found: _Found, registry: Registry, stages: list[Stage]) -> dict[str, Any]:
    """Profile, kinds, synonyms, costs and acceptances; the built-in defaults without them."""
    fields: dict[str, Any] = {"profession_synonyms": dict(DEFAULT_PROFESSION_SYNONYMS)}
    profile_rows = found.rows(layout.PROFILE)
    fields["profile"] = (
        default_profile(stages) if profile_rows is None else read_profile(profile_rows, registry)
    )
    if (kind_rows := found.rows(layout.KINDS)) is not None:
        fields["kind_rules"] = read_kinds(kind_rows)
    if (synonym_rows := found.rows(layout.SYNONYMS)) is not None:
        fields["profession_synonyms"] = read_synonyms(synonym_rows)
    if (cost_rows := found.rows(layout.COSTS)) is not None:
        fields["profession_costs"] = read_costs(cost_rows)
    if (accepted_rows := found.rows(layout.ACCEPTED)) is not None:
        fields["accepted"] = read_accepted(accepted_rows, registry)
    fields["proposal"] = read_proposal(
        found.rows(layout.PROPOSAL), found.rows(layout.CHANGES), found.problems
    )
    return fields


def _settings(settings: Settings) -> dict[str, Any]:
    """The plan fields the Settings sheet sets (the rest keep the plan's defaults)."""
    values = settings.values
    fields: dict[str, Any] = {}
    if values.get(layout.SET_CAPACITY) is not None:
        fields["default_capacity"] = values[layout.SET_CAPACITY]
    if values.get(layout.SET_TERM_WARNING) is not None:
        fields["term_warning_days"] = values[layout.SET_TERM_WARNING]
    if layout.SET_COST in values:
        fields["cost_per_session"] = values[layout.SET_COST]
    if layout.SET_EFFECTIVE in values:
        fields["effective_date"] = values[layout.SET_EFFECTIVE]
    words = {k: values[s] for k, s in layout.SET_WORDS.items() if s in values}
    if words:
        fields["vocabulary"] = Vocabulary(**words)
    return fields


def _stages(sheet: Sheet | None, problems: Problems, registry: Registry) -> list[Stage]:
    if sheet is None:
        stages = default_stages()
    else:
        defaults = {name_key(s.name): s.description for s in DEFAULT_STAGES}
        described = "description" in sheet.headers
        stages = []
        for row in rows(sheet, problems, registry.exact):
            name = row.text("Stage", required=True)
            item_id = registry.item_id(row, "stg", registry.stages.aliases)
            description = (
                row.free_text("Description") if described else defaults.get(name_key(name), "")
            )
            if name and registry.claim("stage", name, row, "Stage"):
                stages.append(Stage(id=item_id, name=name, description=description))
        if not stages and not problems.errors and not registry.exact:
            problems.add(
                "the sheet lists no stages; add them or remove the sheet", sheet=sheet.title
            )
    for stage in stages:
        registry.stages.add(stage.name, stage.id, stage)
    return stages


def _ordered_tiers(registry: Registry) -> list[Tier]:
    """Tiers from a Tiers sheet keep its order; tiers named in Committees go by level."""
    tiers = registry.tiers.values()
    if registry.tiers_derived:
        tiers.sort(key=tier_order)
    return tiers


def _say_organisations_made(registry: Registry) -> None:
    made = registry.organisations_made
    if not made:
        return
    types = {o.name: o.type for o in registry.organisations.values()}
    shown = ", ".join(f"{n} ({types[n].value.replace('_', ' ')})" for n in made[:5])
    more = f" and {len(made) - 5} more" if len(made) > 5 else ""
    what = "1 organisation" if len(made) == 1 else f"{len(made)} organisations"
    registry.problems.notice(
        f"The workbook has no '{layout.ORGANISATIONS}' sheet: {what} named in its Organisation "
        f"columns became organisations, with types guessed from the names: {shown}{more}; "
        f"add an '{layout.ORGANISATIONS}' sheet (Organisation, Type) to set the types."
    )


def _say_renamed_ids(registry: Registry) -> None:
    for sheet, count in registry.renamed_ids.items():
        what = "1 Id" if count == 1 else f"{count} Ids"
        registry.problems.notice(
            f"Sheet '{sheet}': {what} had already been used on another sheet, so the plan "
            "keeps them with a prefix (such as rol_1); references to them still work."
        )

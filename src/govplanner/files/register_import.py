"""Importing a register workbook (DOMAIN.md, "The register workbook") into a new plan.

Every problem found is collected (up to a cap) and raised together as one
:class:`~govplanner.files.register_problems.RegisterImportError`, each naming the sheet, the Excel
row, the column and the offending value. Nothing is written: the caller saves the plan.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from govplanner.domain.catalogue import DEFAULT_PROFESSION_SYNONYMS, DEFAULT_STAGES
from govplanner.domain.integrity import plan_problems
from govplanner.domain.model import Plan, Stage, Tier
from govplanner.domain.names import name_key
from govplanner.domain.presets import default_profile, default_programmes, default_stages
from govplanner.files import register_layout as layout
from govplanner.files.register_people import read_people, read_programmes, read_roles
from govplanner.files.register_problems import ProblemLimitError, Problems, RegisterImportError
from govplanner.files.register_structure import (
    Registry,
    read_committees,
    read_tiers,
    tier_order,
)
from govplanner.files.register_values import RowValues
from govplanner.files.workbook_reader import (
    Sheet,
    ValuesSource,
    open_workbook,
    read_sheet,
    sheets_by_key,
)

__all__ = ["RegisterImportError", "import_register"]


def import_register(path: str | Path) -> Plan:
    """Read the register at ``path`` into a new plan; raise RegisterImportError listing problems."""
    source = Path(path)
    problems = Problems(source)
    plan: Plan | None = None
    try:
        with open_workbook(source, problems, data_only=False) as workbook:
            values = ValuesSource(source, problems)
            try:
                sheets, complete = _read_sheets(workbook, problems, values)
                if not complete:
                    # Every reference to a missing sheet or column would fail too: report
                    # the layout problems (and any found so far) on their own first.
                    problems.raise_if_any()
                plan = _build(workbook, source, sheets, problems)
            finally:
                values.close()
    except ProblemLimitError:
        problems.raise_if_any(stopped=True)
    problems.raise_if_any()
    assert plan is not None
    return plan


def _read_sheets(
    workbook: Workbook, problems: Problems, values: ValuesSource
) -> tuple[dict[str, Sheet], bool]:
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
        sheet = read_sheet(workbook, title, layout.HEADERS[name], problems, values)
        if sheet is None:
            if name in layout.REQUIRED_SHEETS:
                problems.add("the sheet is empty; it needs a header row", sheet=title)
                complete = False
        elif _has_required_columns(sheet, name, problems):
            sheets[name] = sheet
        else:
            complete = False
    return sheets, complete


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


def rows(sheet: Sheet, problems: Problems) -> list[RowValues]:
    return [RowValues(sheet, number, values, problems) for number, values in sheet.rows]


def _build(workbook: Workbook, source: Path, sheets: dict[str, Sheet], problems: Problems) -> Plan:
    """Read the sheets in dependency order; the required ones are known to be present."""
    registry = Registry(problems)
    tiers_sheet = sheets.get(layout.TIERS)
    if tiers_sheet is not None:
        read_tiers(rows(tiers_sheet, problems), registry)
    stages = _stages(sheets.get(layout.STAGES), problems, registry)
    committees = read_committees(
        rows(sheets[layout.COMMITTEES], problems), registry, derive_tiers=tiers_sheet is None
    )
    people_sheet = sheets.get(layout.PEOPLE)
    if people_sheet is not None:
        read_people(rows(people_sheet, problems), registry)
    roles = read_roles(
        rows(sheets[layout.ROLES], problems), registry, people_listed=people_sheet is not None
    )
    programmes_sheet = sheets.get(layout.PROGRAMMES)
    programmes = (
        read_programmes(rows(programmes_sheet, problems), problems)
        if programmes_sheet
        else default_programmes()
    )
    problems.raise_if_any()
    properties = workbook.properties
    plan = Plan(
        name=(properties.title or "").strip()[:200] or source.stem or "Imported plan",
        description=(properties.description or "")[:20_000],
        tiers=_ordered_tiers(registry),
        stages=stages,
        profile=default_profile(stages),
        programmes=programmes,
        profession_synonyms=dict(DEFAULT_PROFESSION_SYNONYMS),
        committees=committees,
        roles=roles,
        people=list(registry.people.values()),
    )
    for problem in plan_problems(plan):  # a safety net: the checks above should catch all
        problems.add(problem)
    return plan


def _stages(sheet: Sheet | None, problems: Problems, registry: Registry) -> list[Stage]:
    if sheet is None:
        stages = default_stages()
    else:
        defaults = {name_key(s.name): s.description for s in DEFAULT_STAGES}
        stages = []
        for row in rows(sheet, problems):
            name = row.text("Stage", required=True)
            if name and registry.claim("stage", name, row, "Stage"):
                stages.append(Stage(name=name, description=defaults.get(name_key(name), "")))
        if not stages and not problems.errors:
            problems.add(
                "the sheet lists no stages; add them or remove the sheet", sheet=sheet.title
            )
    registry.stages = {name_key(s.name): s for s in stages}
    return stages


def _ordered_tiers(registry: Registry) -> list[Tier]:
    """Tiers from a Tiers sheet keep its order; tiers named in Committees go by level."""
    tiers = list(registry.tiers.values())
    if registry.tiers_derived:
        tiers.sort(key=tier_order)
    return tiers

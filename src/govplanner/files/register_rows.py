"""A plan as the register's rows, sheet by sheet, and what (if anything) they cannot carry.

The item sheets come from :mod:`register_item_rows`, list cells from :mod:`register_lists`;
this module adds the settings sheets and drops the sparse columns no row needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govplanner.domain.enums import Function
from govplanner.domain.model import Plan
from govplanner.files import register_layout as layout
from govplanner.files.register_item_rows import accepted_rows, committee_rows, role_rows
from govplanner.files.register_lists import SEPARATORS, Finder, Row, Rows, Value
from govplanner.files.register_proposal import proposal_sheets

__all__ = ["Row", "Rows", "Value", "plan_rows"]


def plan_rows(plan: Plan) -> Rows:
    """The register's content for ``plan``: every sheet of :data:`layout.SHEET_ORDER`."""
    rows = Rows()
    stages = {s.id: s.name for s in plan.stages}
    committees = Finder(plan.committees, lambda c: c.name)
    organisations = Finder(plan.organisations, lambda o: o.name)
    content: dict[str, list[Row]] = {
        layout.COMMITTEES: committee_rows(plan, rows, committees, organisations),
        layout.ROLES: role_rows(plan, rows, committees, organisations),
        layout.PEOPLE: [
            (p.id, p.name, p.profession, p.capacity, _sources(p.sources), p.origin)
            for p in plan.people
        ],
        layout.ORGANISATIONS: [
            (o.id, o.name, o.type.value.replace("_", " "), o.population) for o in plan.organisations
        ],
        layout.GROUPS: [(g.id, g.name, g.description) for g in plan.groups],
        layout.TIERS: [(t.id, t.name, t.level.value) for t in plan.tiers],
        layout.STAGES: [(s.id, s.name, s.description) for s in plan.stages],
        layout.PROGRAMMES: [
            (p.name, _professions(rows, p.name, p.professions)) for p in plan.programmes
        ],
        layout.ACCEPTED: accepted_rows(plan, rows, stages),
        layout.SETTINGS: _settings_rows(plan),
        layout.PROFILE: _profile_rows(plan, stages),
        layout.KINDS: [
            (layout.KIND_LABELS[kind], *_by_function(rules))
            for kind, rules in plan.kind_rules.items()
        ],
        layout.SYNONYMS: _keyed_rows(rows, layout.SYNONYMS, plan.profession_synonyms),
        layout.COSTS: _keyed_rows(rows, layout.COSTS, plan.profession_costs),
    }
    content.update(proposal_sheets(plan.proposal, rows))
    for name in layout.SHEET_ORDER:
        if name in content:
            rows.headers[name], rows.sheets[name] = _without_unused(name, content[name])
    return rows


def _without_unused(name: str, sheet_rows: list[Row]) -> tuple[tuple[str, ...], list[Row]]:
    """The sheet's headers and rows without the sparse columns no row fills."""
    headers = layout.HEADERS[name]
    sparse = layout.SPARSE_HEADERS.get(name, frozenset())
    unused = {
        i
        for i, header in enumerate(headers)
        if header in sparse and not any(len(r) > i and r[i] for r in sheet_rows)
    }
    if not unused:
        return headers, sheet_rows
    kept = tuple(h for i, h in enumerate(headers) if i not in unused)
    return kept, [tuple(v for i, v in enumerate(r) if i not in unused) for r in sheet_rows]


def _profile_rows(plan: Plan, stages: dict[str, str]) -> list[Row]:
    """One row per level and stage; a level with no stages at all gets a row of its own."""
    result: list[Row] = [
        (level.value, stages[stage_id], *_by_function(entries))
        for level, by_stage in plan.profile.items()
        for stage_id, entries in by_stage.items()
    ]
    result += [(level.value, "") for level, by_stage in plan.profile.items() if not by_stage]
    return result


def _by_function(entries: dict[Function, Any]) -> list[str | None]:
    return [entries[f].value if f in entries else None for f in layout.HEADER_FUNCTIONS.values()]


def _sources(sources: list[Any] | None) -> str:
    if sources is None:
        return ""
    if not sources:
        return layout.NO_SOURCES_WORD
    return "; ".join(layout.SOURCE_LABELS[s] for s in sources)


def _professions(rows: Rows, programme: str, professions: Sequence[str]) -> str:
    for profession in professions:
        if any(s in profession for s in SEPARATORS):
            rows.lost(
                f"programme area '{programme}': the profession '{profession}' holds ';' or a "
                "line break, which the Professions column uses between professions"
            )
    return "; ".join(professions)


def _keyed_rows(rows: Rows, sheet: str, table: dict[str, Any]) -> list[Row]:
    for key, value in table.items():
        if not key.strip() or (isinstance(value, str) and not value.strip()):
            rows.lost(f"sheet '{sheet}': the blank entry {key!r} -> {value!r}")
    return [(key, value) for key, value in table.items()]


def _settings_rows(plan: Plan) -> list[Row]:
    vocabulary = plan.vocabulary
    return [
        (layout.SET_NAME, plan.name),
        (layout.SET_DESCRIPTION, plan.description),
        (layout.SET_CAPACITY, plan.default_capacity),
        (layout.SET_TERM_WARNING, plan.term_warning_days),
        (layout.SET_COST, plan.cost_per_session),
        (layout.SET_EFFECTIVE, plan.effective_date),
        *((setting, getattr(vocabulary, key)) for key, setting in layout.SET_WORDS.items()),
    ]

"""The register's Committees sheet: kinds (inferred from names where blank), bodies, groups,
lines of both kinds, quorum and requirement overrides."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govplanner.domain.catalogue import TIER_NAME_LEVELS
from govplanner.domain.enums import (
    COMMITTEE_KINDS,
    CommitteeKind,
    Function,
    LineKind,
    Requirement,
)
from govplanner.domain.governance import KIND_SYNONYMS, LINE_SYNONYMS, infer_kind
from govplanner.domain.model import Committee, Line, Stage, Tier
from govplanner.domain.names import name_key
from govplanner.files import register_layout as layout
from govplanner.files.register_problems import Problems
from govplanner.files.register_registry import Registry, resolve_named
from govplanner.files.register_structure import group_of, organisations_of
from govplanner.files.register_values import RowValues, lookup_word, nearest

# -- Committees --------------------------------------------------------------------------------

_KIND_SHOWN = [layout.KIND_LABELS[k] for k in COMMITTEE_KINDS]


@dataclass
class _Inferred:
    names: dict[CommitteeKind, list[str]] = field(default_factory=dict)
    column: bool = False

    def add(self, name: str, kind: CommitteeKind) -> None:
        self.names.setdefault(kind, []).append(name)


def read_committees(
    rows: list[RowValues], registry: Registry, *, derive_tiers: bool
) -> list[Committee]:
    """The Committees sheet; lines may name a committee on any row, earlier or later."""
    registry.tiers_derived = derive_tiers
    inferred = _Inferred(column=bool(rows) and "kind" in rows[0].sheet.headers)
    committees: list[tuple[RowValues, Committee]] = []
    unknown_areas: dict[str, list[int]] = {}
    known_areas = {name_key(p.name): p.name for p in registry.programmes}
    for row in rows:
        committee = _committee(row, registry, derive_tiers, inferred)
        if committee is not None:
            committees.append((row, committee))
            registry.committees.add(committee.name, committee.id, committee)
            for area in committee.programme_areas:
                if name_key(area) not in known_areas:
                    unknown_areas.setdefault(area, []).append(row.row)
    for row, committee in committees:
        _resolve_lines(row, committee, registry)
    if rows:
        _say_inferred(rows[0], inferred, registry.problems)
        _say_unknown_areas(rows[0], unknown_areas, known_areas, registry.problems)
    return [committee for _, committee in committees]


def _committee(
    row: RowValues, registry: Registry, derive_tiers: bool, inferred: _Inferred
) -> Committee | None:
    name = row.text("Committee", required=True)
    item_id = registry.item_id(row, "com", registry.committees.aliases)
    tier = _tier(row, registry, derive_tiers)
    stage = _stage(row, registry)
    kind = row.word("Kind", KIND_SYNONYMS, "committee kind", _KIND_SHOWN)
    if kind is None and row.is_blank("Kind") and name:
        kind = infer_kind(name)
        inferred.add(name, kind)
    values: dict[str, Any] = {
        "organisation_ids": organisations_of(row, registry),
        "group_id": group_of(row, registry),
        "programme_area": row.text("Programme area"),
        "purpose": row.free_text("Purpose"),
        "quorum": row.whole("Quorum", low=1, high=1000),
        "quorum_clinical": row.yes_no("Quorum includes clinical", default=False),
        "quorum_note": row.text("Quorum note"),
        "meeting_frequency": row.text("Meeting frequency"),
        "requirements": _requirements(row),
        "origin": row.text("Origin"),
    }
    if not name or not registry.claim("committee", name, row, "Committee"):
        return None
    return Committee(
        id=item_id,
        name=name,
        tier_id=tier.id if tier else "",
        kind=kind or CommitteeKind.DECISION,
        stage_id=stage.id if stage else None,
        **values,
    )


def _requirements(row: RowValues) -> dict[Function, Requirement]:
    """'analytical: essential; relational: optional' (the committee's own overrides)."""
    result: dict[Function, Requirement] = {}
    for entry in row.items("Requirements"):
        function_word, _, requirement_word = entry.rpartition(":")
        function = lookup_word(layout.FUNCTION_WORDS, function_word) if function_word else None
        requirement = lookup_word(layout.REQUIREMENT_WORDS, requirement_word)
        if function is None or requirement is None:
            row.error(
                "Requirements",
                "expected 'function: requirement' entries such as 'analytical: essential' "
                "(requirements: essential, expected or optional)",
                entry,
            )
        elif function in result:
            row.error("Requirements", "this function is given twice", entry)
        else:
            result[function] = requirement
    return result


def _tier(row: RowValues, registry: Registry, derive_tiers: bool) -> Tier | None:
    name = row.text("Tier", required=True)
    if not name:
        return None
    tier = registry.tiers.find(name)
    if tier is not None:
        return tier
    if not derive_tiers:
        row.error("Tier", "no tier with this name is listed on the Tiers sheet", name)
        return None
    level = TIER_NAME_LEVELS.get(name_key(name))
    if level is None:
        row.error(
            "Tier",
            "unknown tier; without a Tiers sheet a tier must be executive, thematic, project, "
            "system, programme, place or neighbourhood (add a Tiers sheet to use your own names)",
            name,
        )
        return None
    tier = Tier(name=name, level=level)
    registry.tiers.add(name, tier.id, tier)
    return tier


def _stage(row: RowValues, registry: Registry, header: str = "Stage") -> Stage | None:
    name = row.text(header)
    if not name:
        return None
    stage = registry.stages.find(name)
    if stage is None:
        known = ", ".join(s.name for s in registry.stages.values())
        row.error(header, f"no stage with this name among the stages (known: {known})", name)
    return stage


def _resolve_lines(row: RowValues, committee: Committee, registry: Registry) -> None:
    find = registry.committees.find
    what = "committee on the Committees sheet"
    lines: list[Line] = []
    for header, kind in (("Reports to", LineKind.ACCOUNTABLE), ("Advises", LineKind.ADVISES)):
        for name, target in resolve_named(row, header, find, what):
            if target is committee:
                row.error(header, "a committee cannot report to itself or advise itself", name)
            elif any(line.to_id == target.id for line in lines):
                row.error(header, "this committee already has a line to it", name)
            else:
                lines.append(Line(to_id=target.id, kind=kind))
    committee.lines = _line_order(row, lines)


def _line_order(row: RowValues, lines: list[Line]) -> list[Line]:
    """'Line order' (written by govplanner when a committee's lines of both kinds interleave)."""
    words = row.items("Line order")
    if not words:
        return lines
    kinds = [lookup_word(LINE_SYNONYMS, w) for w in words]
    wanted = sorted(line.kind for line in lines)
    if None in kinds or sorted(k for k in kinds if k is not None) != wanted:
        row.error(
            "Line order",
            "expected one word per line (accountable or advises), matching Reports to and "
            "Advises; clear the cell to list accountable lines first",
            row.raw("Line order"),
        )
        return lines
    queues = {kind: [line for line in lines if line.kind is kind] for kind in LineKind}
    return [queues[kind].pop(0) for kind in kinds if kind is not None]


def _names(names: list[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _say_inferred(row: RowValues, inferred: _Inferred, problems: Problems) -> None:
    """One line: which kinds were inferred from names, and how to change them."""
    total = sum(len(v) for v in inferred.names.values())
    if not total:
        return
    parts = []
    for kind in COMMITTEE_KINDS:
        names = inferred.names.get(kind, [])
        if names and kind is not CommitteeKind.DECISION:
            parts.append(f"{layout.KIND_LABELS[kind]}: {_names(names)}")
    decisions = len(inferred.names.get(CommitteeKind.DECISION, []))
    if decisions:
        parts.append(f"{decisions} decision {'committee' if decisions == 1 else 'committees'}")
    what = "1 committee" if total == 1 else f"{total} committees"
    how = "fill in its Kind cell" if total == 1 else "fill in their Kind cells"
    if not inferred.column:
        how = "add a Kind column"
    problems.notice(
        f"Sheet '{row.sheet.title}': the kind of {what} was inferred from the name "
        f"({'; '.join(parts)}); to change {'it' if total == 1 else 'any of them'}, {how} "
        "(decision, clinical forum, assurance or advisory)."
    )


def _say_unknown_areas(
    row: RowValues,
    areas: dict[str, list[int]],
    known: dict[str, str],
    problems: Problems,
) -> None:
    column = row.column("Programme area")
    for area, numbers in areas.items():
        guess = nearest(area, list(known))
        hint = f" (the nearest known area is '{known[guess]}')" if guess else ""
        rows = "row" if len(numbers) == 1 else "rows"
        listed = ", ".join(str(n) for n in numbers[:5])
        more = f" and {len(numbers) - 5} more" if len(numbers) > 5 else ""
        problems.notice(
            f"Sheet '{row.sheet.title}', {rows} {listed}{more}, column '{column}': "
            f"'{area}' is not a programme area the plan knows{hint}; it is kept, but PRO001 "
            "cannot judge it until it is added to the Programmes sheet or corrected."
        )

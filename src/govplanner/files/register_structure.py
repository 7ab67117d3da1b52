"""The register's structure sheets: tiers and committees, with names resolved across sheets."""

from __future__ import annotations

from dataclasses import dataclass, field

from govplanner.domain.catalogue import TIER_NAME_LEVELS
from govplanner.domain.enums import Level
from govplanner.domain.model import Committee, Person, Stage, Tier
from govplanner.domain.names import name_key
from govplanner.files.register_problems import Problems
from govplanner.files.register_values import TEXT_LIMIT, RowValues


@dataclass
class Registry:
    """Everything named so far, by ``name_key``, and where each name was first used."""

    problems: Problems
    tiers: dict[str, Tier] = field(default_factory=dict)
    tiers_derived: bool = False
    stages: dict[str, Stage] = field(default_factory=dict)
    committees: dict[str, Committee] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    _first_row: dict[tuple[str, str], int] = field(default_factory=dict)

    def claim(self, kind: str, name: str, row: RowValues, header: str) -> bool:
        """Record ``name`` as a new ``kind``; report a duplicate (names ignore case)."""
        key = (kind, name_key(name))
        first = self._first_row.get(key)
        if first is not None:
            row.error(
                header,
                f"a {kind} with this name is already on row {first} (names ignore case)",
                name,
            )
            return False
        self._first_row[key] = row.row
        return True


def read_tiers(rows: list[RowValues], registry: Registry) -> None:
    """The Tiers sheet: one tier per row, top tier first."""
    for row in rows:
        name = row.text("Tier", required=True)
        level = _level(row)
        if name and level is not None and registry.claim("tier", name, row, "Tier"):
            registry.tiers[name_key(name)] = Tier(name=name, level=level)


def _level(row: RowValues) -> Level | None:
    word = row.text("Level", required=True)
    if not word:
        return None
    try:
        return Level(name_key(word))
    except ValueError:
        row.error("Level", "unknown level; use executive, thematic or project", word)
        return None


def read_committees(
    rows: list[RowValues], registry: Registry, *, derive_tiers: bool
) -> list[Committee]:
    """The Committees sheet; 'Reports to' may name a committee on any row, earlier or later."""
    registry.tiers_derived = derive_tiers
    committees: list[tuple[RowValues, Committee]] = []
    for row in rows:
        committee = _committee(row, registry, derive_tiers)
        if committee is not None:
            committees.append((row, committee))
            registry.committees[name_key(committee.name)] = committee
    for row, committee in committees:
        _resolve_reports_to(row, committee, registry)
    return [committee for _, committee in committees]


def _committee(row: RowValues, registry: Registry, derive_tiers: bool) -> Committee | None:
    name = row.text("Committee", required=True)
    tier = _tier(row, registry, derive_tiers)
    stage = _stage(row, registry)
    area = row.text("Programme area")
    purpose = row.text("Purpose", limit=TEXT_LIMIT)
    if not name or not registry.claim("committee", name, row, "Committee"):
        return None
    return Committee(
        name=name,
        tier_id=tier.id if tier else "",
        stage_id=stage.id if stage else None,
        programme_area=area,
        purpose=purpose,
    )


def _tier(row: RowValues, registry: Registry, derive_tiers: bool) -> Tier | None:
    name = row.text("Tier", required=True)
    if not name:
        return None
    tier = registry.tiers.get(name_key(name))
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
    registry.tiers[name_key(name)] = tier
    return tier


def _stage(row: RowValues, registry: Registry) -> Stage | None:
    name = row.text("Stage")
    if not name:
        return None
    stage = registry.stages.get(name_key(name))
    if stage is None:
        where = "on the Stages sheet" if registry.stages else "among the stages"
        known = ", ".join(s.name for s in registry.stages.values())
        row.error("Stage", f"no stage with this name {where} (known stages: {known})", name)
    return stage


def _resolve_reports_to(row: RowValues, committee: Committee, registry: Registry) -> None:
    name = row.text("Reports to")
    if not name:
        return
    target = registry.committees.get(name_key(name))
    if target is None:
        row.error("Reports to", "no committee with this name is on the Committees sheet", name)
    elif target is committee:
        row.error("Reports to", "a committee cannot report to itself", name)
    else:
        committee.reports_to_id = target.id


def tier_order(tier: Tier) -> tuple[int, int]:
    """Where a tier named in Committees goes when there is no Tiers sheet: by level."""
    names = list(TIER_NAME_LEVELS)
    key = name_key(tier.name)
    return (tier.level.order, names.index(key) if key in names else len(names))

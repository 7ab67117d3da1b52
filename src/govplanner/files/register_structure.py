"""The register's structure sheets: tiers, organisations and committees-in-common groups."""

from __future__ import annotations

import re

from govplanner.domain.catalogue import TIER_NAME_LEVELS
from govplanner.domain.enums import Level, OrganisationType
from govplanner.domain.governance import ORGANISATION_SYNONYMS
from govplanner.domain.model import InCommonGroup, Organisation, Tier
from govplanner.domain.names import name_key
from govplanner.files import register_layout as layout
from govplanner.files.register_registry import Registry, resolve_list
from govplanner.files.register_values import RowValues, split_list, unknown

# -- Tiers -------------------------------------------------------------------------------------


def read_tiers(rows: list[RowValues], registry: Registry) -> None:
    """The Tiers sheet: one tier per row, top tier first."""
    for row in rows:
        name = row.text("Tier", required=True)
        level = read_level(row)
        item_id = registry.item_id(row, "tier", registry.tiers.aliases)
        if name and level is not None and registry.claim("tier", name, row, "Tier"):
            registry.tiers.add(name, item_id, Tier(id=item_id, name=name, level=level))


def read_level(row: RowValues, header: str = "Level", required: bool = True) -> Level | None:
    word = row.text(header, required=required)
    if not word:
        return None
    try:
        return Level(name_key(word))
    except ValueError:
        row.error(header, unknown("level", word, [lv.value for lv in Level]), word)
        return None


def tier_order(tier: Tier) -> tuple[int, int]:
    """Where a tier named in Committees goes when there is no Tiers sheet: by level."""
    names = list(TIER_NAME_LEVELS)
    key = name_key(tier.name)
    return (tier.level.order, names.index(key) if key in names else len(names))


# -- Organisations and committees-in-common groups ---------------------------------------------

_ORGANISATION_TYPE_WORDS = sorted(
    {k for k in ORGANISATION_SYNONYMS if "_" not in k}, key=len, reverse=True
)


def read_organisations(rows: list[RowValues], registry: Registry) -> None:
    """The Organisations sheet: each body once, with its type."""
    registry.organisations_listed = True
    shown = [t.value.replace("_", " ") for t in OrganisationType]
    for row in rows:
        name = row.text("Organisation", required=True)
        kind = row.word("Type", ORGANISATION_SYNONYMS, "organisation type", shown)
        population = row.whole("Population", low=0, high=100_000_000)
        item_id = registry.item_id(row, "org", registry.organisations.aliases)
        if name and registry.claim("organisation", name, row, "Organisation"):
            registry.organisations.add(
                name,
                item_id,
                Organisation(
                    id=item_id,
                    name=name,
                    type=kind or OrganisationType.OTHER,
                    population=population,
                ),
            )


def guess_organisation_type(name: str) -> OrganisationType:
    """The type a body's name suggests ('... NHS Foundation Trust', '... Council'), by words."""
    text = " " + " ".join(re.findall(r"\w+", name.casefold())) + " "
    for word in _ORGANISATION_TYPE_WORDS:
        if f" {word} " in text:
            return ORGANISATION_SYNONYMS[word]
    return OrganisationType.OTHER


def organisations_of(row: RowValues, registry: Registry) -> list[str]:
    """The Organisation column: bodies listed on the Organisations sheet, or made from names."""
    if registry.organisations_listed:
        found = resolve_list(
            row,
            "Organisation",
            registry.organisations.find,
            "organisation on the Organisations sheet",
        )
        return [o.id for o in found]
    value = row.text("Organisation", limit=1_000_000)
    ids: list[str] = []
    for name in split_list(value, lambda n: True) if value else []:
        organisation = registry.organisations.find(name)
        if organisation is None:
            if len(name) > 200:
                row.error("Organisation", "an organisation's name is longer than 200 characters")
                continue
            organisation = Organisation(name=name, type=guess_organisation_type(name))
            registry.organisations.add(name, organisation.id, organisation)
            registry.organisations_made.append(name)
        if organisation.id not in ids:
            ids.append(organisation.id)
    return ids


def read_groups(rows: list[RowValues], registry: Registry) -> None:
    """The In common groups sheet: each committees-in-common group once."""
    registry.groups_listed = True
    for row in rows:
        name = row.text("Group", required=True)
        description = row.free_text("Description")
        item_id = registry.item_id(row, "grp", registry.groups.aliases)
        if name and registry.claim("group", name, row, "Group"):
            registry.groups.add(
                name, item_id, InCommonGroup(id=item_id, name=name, description=description)
            )


def group_of(row: RowValues, registry: Registry) -> str | None:
    name = row.text("In common group")
    if not name:
        return None
    group = registry.groups.find(name)
    if group is None:
        if registry.groups_listed:
            row.error(
                "In common group",
                f"no group with this name is on the '{layout.GROUPS}' sheet",
                name,
            )
            return None
        group = InCommonGroup(name=name)
        registry.groups.add(name, group.id, group)
    return group.id

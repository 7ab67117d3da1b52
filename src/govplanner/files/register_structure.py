"""The register's structure sheets: tiers, organisations, groups and committees.

Names are resolved across sheets through one :class:`Registry`: a reference is looked up by
name (case and surrounding spaces ignored) and then by id, so a cell may name an item either
way (govplanner writes ids only where names cannot be listed unambiguously).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from govplanner.domain.catalogue import TIER_NAME_LEVELS
from govplanner.domain.enums import (
    COMMITTEE_KINDS,
    CommitteeKind,
    Function,
    Level,
    LineKind,
    OrganisationType,
    Requirement,
)
from govplanner.domain.governance import (
    KIND_SYNONYMS,
    LINE_SYNONYMS,
    ORGANISATION_SYNONYMS,
    infer_kind,
)
from govplanner.domain.model import (
    Committee,
    InCommonGroup,
    Line,
    Organisation,
    Person,
    Programme,
    Role,
    Stage,
    Tier,
)
from govplanner.domain.names import name_key, new_id
from govplanner.files import register_layout as layout
from govplanner.files.register_problems import Problems
from govplanner.files.register_values import (
    RowValues,
    lookup_word,
    nearest,
    split_list,
    unknown,
)

T = TypeVar("T")


@dataclass
class Named(Generic[T]):
    """Items of one kind by name (``name_key``) and by id."""

    by_name: dict[str, T] = field(default_factory=dict)
    by_id: dict[str, T] = field(default_factory=dict)
    #: Id as written -> the id given to the item, where another sheet had used it already
    aliases: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, item_id: str, item: T) -> None:
        self.by_name[name_key(name)] = item
        self.by_id[item_id] = item

    def find(self, text: str) -> T | None:
        """By name first, then by id (as written on its sheet)."""
        found = self.by_name.get(name_key(text))
        if found is not None:
            return found
        written = text.strip()
        return self.by_id.get(self.aliases.get(written, written))

    def values(self) -> list[T]:
        return list(self.by_id.values())


@dataclass
class Registry:
    """Everything named so far, and where each name and id was first used."""

    problems: Problems
    #: the workbook was written by govplanner (it has a Settings sheet): text kept exactly
    exact: bool = False
    tiers: Named[Tier] = field(default_factory=Named)
    tiers_derived: bool = False
    stages: Named[Stage] = field(default_factory=Named)
    organisations: Named[Organisation] = field(default_factory=Named)
    organisations_listed: bool = False
    organisations_made: list[str] = field(default_factory=list)
    groups: Named[InCommonGroup] = field(default_factory=Named)
    groups_listed: bool = False
    committees: Named[Committee] = field(default_factory=Named)
    people: Named[Person] = field(default_factory=Named)
    roles: list[Role] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    #: Id as written on the Roles sheet -> the role's id, where they differ
    role_aliases: dict[str, str] = field(default_factory=dict)
    #: sheet -> how many of its Ids were prefixed because another sheet used them
    renamed_ids: dict[str, int] = field(default_factory=dict)
    _first_row: dict[tuple[str, str], int] = field(default_factory=dict)
    _ids: set[str] = field(default_factory=set)
    _sheet_ids: dict[tuple[str, str], int] = field(default_factory=dict)

    def claim(self, kind: str, name: str, row: RowValues, header: str) -> bool:
        """Record ``name`` as a new ``kind``; report a duplicate (names ignore case)."""
        key = (kind, name_key(name))
        first = self._first_row.get(key)
        if first is not None:
            row.error(
                header,
                f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} with this name is already on row "
                f"{first} (names ignore case)",
                name,
            )
            return False
        self._first_row[key] = row.row
        return True

    def item_id(self, row: RowValues, prefix: str, aliases: dict[str, str]) -> str:
        """The row's Id, or a new id when it has none.

        Ids are unique within their sheet (a repeat is an error). A plan needs them unique
        across all its items, so an Id another sheet already used (Committees and Roles
        both numbered from 1) becomes ``<prefix>_<Id>``; ``aliases`` maps the Id as written
        to it, so references on other sheets still find it.
        """
        given = row.ident("Id")
        if not given:
            return new_id(prefix)
        sheet = row.sheet.title
        first = self._sheet_ids.get((sheet, given))
        if first is not None:
            row.error(
                "Id",
                f"this id is already used on row {first} (ids are unique within their sheet)",
                given,
            )
            return new_id(prefix)
        self._sheet_ids[(sheet, given)] = row.row
        actual = given
        if given in self._ids:
            actual = f"{prefix}_{given}"
            while actual in self._ids:
                actual += "_"
            aliases[given] = actual
            self.renamed_ids.setdefault(sheet, 0)
            self.renamed_ids[sheet] += 1
        self._ids.add(actual)
        return actual


def resolve_list(
    row: RowValues, header: str, find: Callable[[str], T | None], what: str
) -> list[T]:
    """The items a list cell names, in order; each unknown name is an error."""
    return [item for _, item in resolve_named(row, header, find, what)]


def resolve_named(
    row: RowValues, header: str, find: Callable[[str], T | None], what: str
) -> list[tuple[str, T]]:
    """(name as written, item) for each item a list cell names; a repeat counts once."""
    value = row.text(header, limit=1_000_000)
    if not value:
        return []
    found: list[tuple[str, T]] = []
    for name in split_list(value, lambda n: find(n) is not None):
        item = find(name)
        if item is None:
            row.error(header, f"no {what} with this name", name)
        elif all(item is not other for _, other in found):
            found.append((name, item))
    return found


# -- Tiers -------------------------------------------------------------------------------------


def read_tiers(rows: list[RowValues], registry: Registry) -> None:
    """The Tiers sheet: one tier per row, top tier first."""
    for row in rows:
        name = row.text("Tier", required=True)
        level = _level(row)
        item_id = registry.item_id(row, "tier", registry.tiers.aliases)
        if name and level is not None and registry.claim("tier", name, row, "Tier"):
            registry.tiers.add(name, item_id, Tier(id=item_id, name=name, level=level))


def _level(row: RowValues, header: str = "Level", required: bool = True) -> Level | None:
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


def _group(row: RowValues, registry: Registry) -> str | None:
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
        "group_id": _group(row, registry),
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

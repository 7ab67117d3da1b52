"""The register's people sheets: people, roles (seats, holders, functions) and programmes."""

from __future__ import annotations

from govplanner.domain.enums import Function, Source
from govplanner.domain.model import Person, Programme, Role
from govplanner.domain.names import name_key
from govplanner.files.register_layout import FUNCTION_WORDS, NO_SOURCES_WORD, SOURCE_WORDS
from govplanner.files.register_problems import Problems
from govplanner.files.register_structure import Registry
from govplanner.files.register_values import NAME_LIMIT, RowValues


def read_people(rows: list[RowValues], registry: Registry) -> None:
    """The People sheet: each name once; capacity blank means the plan's default."""
    for row in rows:
        name = row.text("Name", required=True)
        profession = row.text("Profession")
        capacity = row.number("Capacity", default=None)
        sources = _sources(row)
        if name and registry.claim("person", name, row, "Name"):
            registry.people[name_key(name)] = Person(
                name=name, profession=profession, capacity=capacity, sources=sources
            )


def _sources(row: RowValues) -> list[Source] | None:
    words = row.items("Sources", commas=True)
    if not words:
        return None
    if len(words) == 1 and name_key(words[0]) == NO_SOURCES_WORD:
        return []
    sources: list[Source] = []
    for word in words:
        source = SOURCE_WORDS.get(name_key(word))
        if source is None:
            row.error(
                "Sources",
                "unknown source of influence; use clinical expertise, professional networks, "
                "formal authority, reputation, or none",
                word,
            )
        elif source not in sources:
            sources.append(source)
    return sources


def read_roles(rows: list[RowValues], registry: Registry, *, people_listed: bool) -> list[Role]:
    """The Roles sheet: one role per row (titles may repeat)."""
    roles = []
    for row in rows:
        title = row.text("Role", required=True)
        role = Role(
            title=title or "?",
            committee_ids=_seats(row, registry),
            profession=row.text("Profession"),
            clinical=row.yes_no("Clinical", default=True),
            functions=_functions(row),
            sessions_per_week=row.number("Sessions per week", default=0.0) or 0.0,
            term_start=row.date("Term start"),
            term_end=row.date("Term end"),
        )
        holder = _holder(row, registry, people_listed)
        role.holder_id = holder.id if holder else None
        if role.term_start and role.term_end and role.term_end < role.term_start:
            row.error("Term end", "the term ends before it starts", row.raw("Term end"))
        if title:
            roles.append(role)
    return roles


def _seats(row: RowValues, registry: Registry) -> list[str]:
    """Committee names split on ';' and line breaks; if that leaves names unknown, a split on
    only one of them is tried, so a name containing ';' can be listed one per line."""
    splits = [
        row.items("Committees"),
        row.items("Committees", only="\n"),
        row.items("Committees", only=";"),
    ]
    for names in splits:
        if all(name_key(n) in registry.committees for n in names):
            break
    else:
        names = splits[0]
    seats: list[str] = []
    for name in names:
        committee = registry.committees.get(name_key(name))
        if committee is None:
            row.error("Committees", "no committee with this name is on the Committees sheet", name)
        elif committee.id not in seats:
            seats.append(committee.id)
    return seats


def _functions(row: RowValues) -> list[Function]:
    functions: list[Function] = []
    for word in row.items("Functions", commas=True):
        function = FUNCTION_WORDS.get(name_key(word))
        if function is None:
            row.error(
                "Functions",
                "unknown function; use analytical, representation, translation or relational",
                word,
            )
        elif function not in functions:
            functions.append(function)
    return functions


def _holder(row: RowValues, registry: Registry, people_listed: bool) -> Person | None:
    name = row.text("Holder")
    if not name:
        return None
    person = registry.people.get(name_key(name))
    if person is not None:
        return person
    if people_listed:
        row.error("Holder", "this person is not listed on the People sheet", name)
        return None
    person = Person(name=name)
    registry.people[name_key(name)] = person
    return person


def read_programmes(rows: list[RowValues], problems: Problems) -> list[Programme]:
    """The Programmes sheet: each programme area once, with its professions."""
    programmes: list[Programme] = []
    first_row: dict[str, int] = {}
    for row in rows:
        name = row.text("Programme area", required=True)
        professions = row.items("Professions")
        for profession in professions:
            if len(profession) > NAME_LIMIT:
                row.error(
                    "Professions", f"a profession name is longer than {NAME_LIMIT} characters"
                )
        if not name:
            continue
        if name_key(name) in first_row:
            row.error(
                "Programme area",
                f"this programme area is already on row {first_row[name_key(name)]} "
                "(names ignore case)",
                name,
            )
            continue
        first_row[name_key(name)] = row.row
        programmes.append(Programme(name=name, professions=[p[:NAME_LIMIT] for p in professions]))
    return programmes

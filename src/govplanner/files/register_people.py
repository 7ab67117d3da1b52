"""The register's people sheets: people, roles (seats, memberships, holders, functions,
activities, deputies, chairs) and programmes."""

from __future__ import annotations

from govplanner.domain.catalogue import ACTIVITIES
from govplanner.domain.enums import Function, Membership, Source
from govplanner.domain.governance import MEMBERSHIP_SYNONYMS
from govplanner.domain.model import Committee, Person, Programme, Role, Seat
from govplanner.domain.names import name_key
from govplanner.files.register_layout import (
    FUNCTION_WORDS,
    NO_SOURCES_WORD,
    SOURCE_WORDS,
)
from govplanner.files.register_problems import Problems
from govplanner.files.register_registry import Registry, resolve_list
from govplanner.files.register_structure import organisations_of
from govplanner.files.register_values import (
    NAME_LIMIT,
    RowValues,
    lookup_word,
    nearest,
    split_list,
    unknown,
)

_MEMBERSHIPS_SHOWN = [m.value for m in Membership]
#: The activities as DOMAIN.md words them (the study's forms), where the catalogue's own
#: wording differs: a register may use either.
_DOMAIN_WORDS: dict[str, str] = {
    "A1": "review and present clinical evidence and service data",
    "A2": "bring knowledge of past tensions and history that complicated earlier integration "
    "attempts",
    "A3": "judge which priorities are feasible given local professional cultures (avoid pitfalls)",
    "R1": "make sure clinical views are heard in decisions",
    "R2": "challenge decisions so clinical concerns weigh as much as financial or managerial ones",
    "R3": "secure wider professional engagement and buy-in",
    "T1": "translate evidence, policy and proposals between clinical and non-clinical groups",
    "T2": "frame change to fit the concerns of each stakeholder group (what to stress, what to "
    "play down)",
    "T3": "keep the shared story of the programme going, crediting achievements to many partners",
    "L1": "broker and build connections between stakeholders",
    "L2": "build self-sustaining alliances and networks (a critical mass for change)",
    "L3": "empower and delegate: set groups up to take plans forward",
    "L4": "mediate conflict, using knowledge of local history and interests",
}
#: An activity by its code or its words.
ACTIVITY_WORDS: dict[str, str] = {
    **{name_key(a.code): a.code for a in ACTIVITIES},
    **{name_key(text): code for code, text in _DOMAIN_WORDS.items()},
    **{name_key(a.text): a.code for a in ACTIVITIES},
}


def read_people(rows: list[RowValues], registry: Registry) -> None:
    """The People sheet: each name once; capacity blank means the plan's default."""
    for row in rows:
        name = row.text("Name", required=True)
        item_id = registry.item_id(row, "per", registry.people.aliases)
        profession = row.text("Profession")
        capacity = row.number("Capacity", default=None)
        sources = _sources(row)
        origin = row.text("Origin")
        if name and registry.claim("person", name, row, "Name"):
            registry.people.add(
                name,
                item_id,
                Person(
                    id=item_id,
                    name=name,
                    profession=profession,
                    capacity=capacity,
                    sources=sources,
                    origin=origin,
                ),
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
    read: list[tuple[RowValues, Role]] = []
    for row in rows:
        title = row.text("Role", required=True)
        item_id = registry.item_id(row, "rol", registry.role_aliases)
        seats = _seats(row, registry)
        role = Role(
            id=item_id,
            title=title or "?",
            seats=seats,
            organisation_ids=organisations_of(row, registry),
            profession=row.text("Profession"),
            clinical=row.yes_no("Clinical", default=True),
            functions=_functions(row),
            activities=_activities(row),
            sessions_per_week=row.number("Sessions per week", default=0.0) or 0.0,
            cost_per_session=row.number("Cost per session", default=None, high=1_000_000_000),
            term_start=row.date("Term start"),
            term_end=row.date("Term end"),
            notes=row.free_text("Notes"),
            origin=row.text("Origin"),
        )
        holder = _holder(row, registry, people_listed)
        role.holder_id = holder.id if holder else None
        if role.term_start and role.term_end and role.term_end < role.term_start:
            row.error("Term end", "the term ends before it starts", row.raw("Term end"))
        if title:
            read.append((row, role))
    _chairs(read, registry)
    _deputies(read, registry.role_aliases)
    roles = [role for _, role in read]
    registry.roles = roles
    return roles


def _seats(row: RowValues, registry: Registry) -> list[Seat]:
    """Committees (names split on ';' or line breaks) with their Membership."""
    committees = resolve_list(
        row, "Committees", registry.committees.find, "committee on the Committees sheet"
    )
    memberships = _memberships(row, registry, committees)
    return [
        Seat(committee_id=c.id, membership=m) for c, m in zip(committees, memberships, strict=True)
    ]


def _memberships(
    row: RowValues, registry: Registry, committees: list[Committee]
) -> list[Membership]:
    """One word for every seat, or 'Committee name: participant' entries (others member)."""
    result = [Membership.MEMBER] * len(committees)
    text = row.text("Membership", limit=1_000_000)
    if not text:
        return result
    one = lookup_word(MEMBERSHIP_SYNONYMS, text)
    if one is not None:
        return [one] * len(committees)

    def known(entry: str) -> bool:
        name, colon, word = entry.rpartition(":")
        return (
            bool(colon)
            and registry.committees.find(name) is not None
            and lookup_word(MEMBERSHIP_SYNONYMS, word) is not None
        )

    entries = split_list(text, known)
    for entry in entries:
        found = _membership_entry(row, registry, committees, entry, alone=len(entries) == 1)
        if found is not None:
            result[committees.index(found[0])] = found[1]
    return result


def _membership_entry(
    row: RowValues, registry: Registry, committees: list[Committee], entry: str, alone: bool
) -> tuple[Committee, Membership] | None:
    """One 'Committee name: membership' entry, or None with its problem reported."""
    name, colon, word = entry.rpartition(":")
    if not colon:
        problem = (
            unknown("membership", entry, _MEMBERSHIPS_SHOWN)
            if alone
            else "expected 'Committee name: membership' entries separated by ';'"
        )
        row.error("Membership", problem, entry)
        return None
    committee = registry.committees.find(name)
    membership = lookup_word(MEMBERSHIP_SYNONYMS, word)
    if committee is None:
        row.error("Membership", "no committee with this name on the Committees sheet", name)
    elif committee not in committees:
        row.error(
            "Membership",
            "the role does not sit on this committee; add it to the Committees column",
            name.strip(),
        )
    elif membership is None:
        row.error("Membership", unknown("membership", word, _MEMBERSHIPS_SHOWN), word.strip())
    else:
        return committee, membership
    return None


def _functions(row: RowValues) -> list[Function]:
    functions: list[Function] = []
    for word in row.items("Functions", commas=True):
        function = FUNCTION_WORDS.get(name_key(word))
        if function is None:
            row.error(
                "Functions",
                unknown(
                    "function", word, ["analytical", "representation", "translation", "relational"]
                ),
                word,
            )
        elif function not in functions:
            functions.append(function)
    return functions


def _activities(row: RowValues) -> list[str]:
    codes: list[str] = []
    for entry in row.items("Activities"):
        code = ACTIVITY_WORDS.get(name_key(entry).rstrip("."))
        if code is None:  # 'A1 Review and present...': the code, then its words
            first = name_key(entry.split(" ", 1)[0]).rstrip(":.-")
            coded = ACTIVITY_WORDS.get(first)
            if coded is not None and first == coded.casefold():
                code = coded
        if code is None:
            guess = nearest(entry, ACTIVITY_WORDS)
            hint = f" (did you mean {ACTIVITY_WORDS[guess]}?)" if guess else ""
            row.error(
                "Activities",
                "unknown activity; use the codes A1-A3, R1-R3, T1-T3, L1-L4 or the "
                f"activity's words{hint}",
                entry,
            )
        elif code not in codes:
            codes.append(code)
    return codes


def _holder(row: RowValues, registry: Registry, people_listed: bool) -> Person | None:
    name = row.text("Holder")
    if not name:
        return None
    person = registry.people.find(name)
    if person is not None:
        return person
    if people_listed:
        row.error("Holder", "this person is not listed on the People sheet", name)
        return None
    person = Person(name=name)
    registry.people.add(name, person.id, person)
    return person


def _chairs(read: list[tuple[RowValues, Role]], registry: Registry) -> None:
    chaired_on: dict[str, int] = {}
    for row, role in read:
        found = resolve_list(
            row, "Chairs", registry.committees.find, "committee on the Committees sheet"
        )
        for committee in found:
            if committee.id in chaired_on:
                row.error(
                    "Chairs",
                    "this committee is already chaired by the role on row "
                    f"{chaired_on[committee.id]}",
                    committee.name,
                )
                continue
            chaired_on[committee.id] = row.row
            committee.chair_role_id = role.id


def _deputies(read: list[tuple[RowValues, Role]], aliases: dict[str, str]) -> None:
    """'Deputy for': the deputised role's Id, or its title where only one role has it."""
    by_id = {role.id: role for _, role in read}
    by_id.update({written: by_id[actual] for written, actual in aliases.items()})
    by_title: dict[str, list[tuple[RowValues, Role]]] = {}
    for row, role in read:
        by_title.setdefault(name_key(role.title), []).append((row, role))
    for row, role in read:
        text = row.text("Deputy for")
        if not text:
            continue
        target = find_deputised(text, by_id, by_title)
        if isinstance(target, Role):
            if target is role:
                row.error("Deputy for", "a role cannot deputise for itself", text)
            else:
                role.deputy_for_id = target.id
        elif target:
            rows = ", ".join(str(r.row) for r, _ in by_title[name_key(text)])
            row.error(
                "Deputy for",
                f"several roles have this title (rows {rows}); write the Id of the one it "
                "deputises for",
                text,
            )
        else:
            guess = nearest(text, by_title)
            hint = f" (did you mean '{by_title[guess][0][1].title}'?)" if guess else ""
            row.error("Deputy for", f"no role with this title or Id{hint}", text)


def find_deputised(
    text: str, by_id: dict[str, Role], by_title: dict[str, list[tuple[RowValues, Role]]]
) -> Role | bool:
    """The role ``text`` names: by Id, else by a title only one role has; True if ambiguous."""
    found = by_id.get(text.strip())
    if found is not None:
        return found
    titled = by_title.get(name_key(text), [])
    if len(titled) == 1:
        return titled[0][1]
    return len(titled) > 1


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


__all__ = ["read_people", "read_programmes", "read_roles", "split_list"]

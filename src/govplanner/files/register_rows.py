"""A plan as the register's rows, sheet by sheet, and what (if anything) they cannot carry.

Each list cell is checked against the importer's own reading rule (:func:`split_list`, names
before ids): a name that holds a separator is listed one per line, and where even that could
be misread the items' ids are written instead, so an exported register imports back as the
same plan. Whatever still cannot be written exactly is named in :attr:`Rows.losses`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from govplanner.analysis.result import finding_key
from govplanner.domain.enums import Function, LineKind, Membership, SubjectKind
from govplanner.domain.governance import MEMBERSHIP_SYNONYMS
from govplanner.domain.model import AcceptedFinding, Plan, Role
from govplanner.domain.names import name_key
from govplanner.files import register_layout as layout
from govplanner.files.register_values import lookup_word, split_list

Value = str | float | int | dt.date | None
Row = Sequence[Value]
_SEPARATORS = (";", "\n", "\r")


class Finder:
    """The importer's look-up for one kind of item: by name (ignoring case), then by id."""

    def __init__(self, items: Sequence[Any], label: Callable[[Any], str]) -> None:
        self.names: dict[str, str] = {item.id: label(item) for item in items}
        self.by_name: dict[str, str] = {name_key(label(item)): item.id for item in items}
        self.ids = set(self.names)
        #: no name holds a separator: joining names with '; ' always reads back
        self.plain = not any(s in n for n in self.names.values() for s in _SEPARATORS)

    def find(self, text: str) -> str | None:
        found = self.by_name.get(name_key(text))
        if found is not None:
            return found
        text = text.strip()
        return text if text in self.ids else None

    def read(self, cell: str) -> list[str]:
        """The ids a list cell gives back on import (unknown names dropped)."""
        found: list[str] = []
        for name in split_list(cell, lambda n: self.find(n) is not None):
            item = self.find(name)
            if item is not None and item not in found:
                found.append(item)
        return found


@dataclass
class Rows:
    """Every sheet's rows, and what the register cannot carry exactly (ideally nothing)."""

    sheets: dict[str, list[Row]] = field(default_factory=dict)
    headers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    losses: list[str] = field(default_factory=list)

    def lost(self, what: str) -> None:
        self.losses.append(what)

    def list_cell(self, ids: Sequence[str], finder: Finder, where: str) -> str:
        """Names for one cell, read back exactly; ids where names would be misread."""
        names = [finder.names[i] for i in ids]
        if finder.plain:
            return "; ".join(names)
        for candidate in ("; ".join(names), "\n".join(names), "; ".join(ids), "\n".join(ids)):
            if finder.read(candidate) == list(ids):
                return candidate
        self.lost(where)
        return "; ".join(names)


def plan_rows(plan: Plan) -> Rows:
    """The register's content for ``plan``: every sheet of :data:`layout.SHEET_ORDER`."""
    rows = Rows()
    tiers = {t.id: t.name for t in plan.tiers}
    stages = {s.id: s.name for s in plan.stages}
    committees = Finder(plan.committees, lambda c: c.name)
    organisations = Finder(plan.organisations, lambda o: o.name)
    content: dict[str, list[Row]] = {
        layout.COMMITTEES: _committee_rows(plan, rows, tiers, stages, committees, organisations),
        layout.ROLES: _role_rows(plan, rows, committees, organisations),
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
        layout.ACCEPTED: _accepted_rows(plan, rows, stages),
        layout.SETTINGS: _settings_rows(plan),
        layout.PROFILE: _profile_rows(plan, stages),
        layout.KINDS: [
            (layout.KIND_LABELS[kind], *_by_function(rules))
            for kind, rules in plan.kind_rules.items()
        ],
        layout.SYNONYMS: _keyed_rows(rows, layout.SYNONYMS, plan.profession_synonyms),
        layout.COSTS: _keyed_rows(rows, layout.COSTS, plan.profession_costs),
    }
    for name in layout.SHEET_ORDER:
        headers = layout.HEADERS[name]
        sheet_rows = content[name]
        sparse = layout.SPARSE_HEADERS.get(name, frozenset())
        unused = [
            i
            for i, header in enumerate(headers)
            if header in sparse and not any(len(r) > i and r[i] for r in sheet_rows)
        ]
        if unused:
            headers = tuple(h for i, h in enumerate(headers) if i not in unused)
            sheet_rows = [tuple(v for i, v in enumerate(r) if i not in unused) for r in sheet_rows]
        rows.headers[name] = headers
        rows.sheets[name] = sheet_rows
    return rows


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
        if any(s in profession for s in _SEPARATORS):
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


def _committee_rows(
    plan: Plan,
    rows: Rows,
    tiers: dict[str, str],
    stages: dict[str, str],
    committees: Finder,
    organisations: Finder,
) -> list[Row]:
    groups = {g.id: g.name for g in plan.groups}
    result: list[Row] = []
    for c in plan.committees:
        where = f"committee '{c.name}'"
        accountable = c.accountable_to_ids
        advises = c.advises_ids
        kinds = [line.kind for line in c.lines]
        in_order = kinds == sorted(kinds, key=lambda k: k is not LineKind.ACCOUNTABLE)
        result.append(
            (
                c.id,
                c.name,
                tiers.get(c.tier_id, ""),
                layout.KIND_LABELS[c.kind],
                rows.list_cell(c.organisation_ids, organisations, f"{where}: its organisations")
                if c.organisation_ids
                else "",
                groups.get(c.group_id or "", ""),
                rows.list_cell(accountable, committees, f"{where}: Reports to")
                if accountable
                else "",
                rows.list_cell(advises, committees, f"{where}: Advises") if advises else "",
                "" if in_order else "; ".join(k.value for k in kinds),
                stages.get(c.stage_id or "", ""),
                c.programme_area,
                c.purpose,
                c.quorum,
                "yes" if c.quorum_clinical else "no",
                c.quorum_note,
                c.meeting_frequency,
                "; ".join(
                    f"{layout.FUNCTION_LABELS[f]}: {r.value}" for f, r in c.requirements.items()
                ),
                c.origin,
            )
        )
    return result


def _role_rows(plan: Plan, rows: Rows, committees: Finder, organisations: Finder) -> list[Row]:
    people = {p.id: p.name for p in plan.people}
    chairs: dict[str, list[str]] = {}
    for c in plan.committees:
        if c.chair_role_id is not None:
            chairs.setdefault(c.chair_role_id, []).append(c.id)
    deputised = _DeputyNames(plan.roles)
    result: list[Row] = []
    for r in plan.roles:
        where = f"role '{r.title}'"
        seat_ids = r.committee_ids
        _no_repeats(rows, where, "functions", r.functions)
        _no_repeats(rows, where, "activities", r.activities)
        result.append(
            (
                r.id,
                r.title,
                rows.list_cell(seat_ids, committees, f"{where}: its committees")
                if seat_ids
                else "",
                _membership_cell(rows, r, committees, where),
                rows.list_cell(r.organisation_ids, organisations, f"{where}: its organisations")
                if r.organisation_ids
                else "",
                deputised.cell(r.deputy_for_id),
                rows.list_cell(chairs[r.id], committees, f"{where}: Chairs")
                if r.id in chairs
                else "",
                r.profession,
                "yes" if r.clinical else "no",
                people.get(r.holder_id or "", ""),
                "; ".join(layout.FUNCTION_LABELS[f] for f in r.functions),
                "; ".join(r.activities),
                r.sessions_per_week,
                r.cost_per_session,
                r.term_start,
                r.term_end,
                r.notes,
                r.origin,
            )
        )
    return result


def _no_repeats(rows: Rows, where: str, what: str, values: Sequence[object]) -> None:
    if len(set(values)) != len(values):
        rows.lost(f"{where}: its {what} repeat an entry (the register lists each once)")


def _membership_cell(rows: Rows, role: Role, committees: Finder, where: str) -> str:
    """'' when every seat is a member seat; one word when all seats share one membership;
    otherwise 'Committee: membership' for each seat that is not a member seat."""
    memberships = [seat.membership for seat in role.seats]
    if not memberships or all(m is Membership.MEMBER for m in memberships):
        return ""
    if len(set(memberships)) == 1:
        return memberships[0].value
    entries = [
        (seat.committee_id, seat.membership)
        for seat in role.seats
        if seat.membership is not Membership.MEMBER
    ]
    by_name = [f"{committees.names[c]}: {m.value}" for c, m in entries]
    by_id = [f"{c}: {m.value}" for c, m in entries]
    for candidate in ("; ".join(by_name), "\n".join(by_name), "; ".join(by_id), "\n".join(by_id)):
        if _read_memberships(candidate, committees, role.committee_ids) == memberships:
            return candidate
    rows.lost(f"{where}: the membership of its seats")
    return "; ".join(by_name)


def _read_memberships(cell: str, committees: Finder, seats: list[str]) -> list[Membership]:
    """What the importer makes of a Membership cell (see register_people._memberships)."""
    result = [Membership.MEMBER] * len(seats)

    def parse(entry: str) -> tuple[str | None, Membership | None]:
        name, colon, word = entry.rpartition(":")
        if not colon:
            return None, None
        return committees.find(name), lookup_word(MEMBERSHIP_SYNONYMS, word)

    def known(entry: str) -> bool:
        committee, membership = parse(entry)
        return committee is not None and membership is not None

    for entry in split_list(cell.strip(), known):
        committee, membership = parse(entry)
        if committee in seats and membership is not None:
            result[seats.index(committee)] = membership
    return result


class _DeputyNames:
    """'Deputy for': the deputised role's title where only it has that title, else its Id."""

    def __init__(self, roles: list[Role]) -> None:
        self.roles = {r.id: r for r in roles}
        self.titles: dict[str, int] = {}
        for r in roles:
            self.titles[name_key(r.title)] = self.titles.get(name_key(r.title), 0) + 1

    def cell(self, role_id: str | None) -> str:
        if role_id is None:
            return ""
        role = self.roles[role_id]
        title = role.title
        if self.titles[name_key(title)] == 1 and title.strip() not in self.roles:
            return title
        return role_id

    def subject(self, role_id: str) -> str:
        return self.cell(role_id)


def _accepted_rows(plan: Plan, rows: Rows, stages: dict[str, str]) -> list[Row]:
    named: dict[SubjectKind, Finder] = {
        SubjectKind.COMMITTEE: Finder(plan.committees, lambda c: c.name),
        SubjectKind.TIER: Finder(plan.tiers, lambda t: t.name),
        SubjectKind.PERSON: Finder(plan.people, lambda p: p.name),
        SubjectKind.ORGANISATION: Finder(plan.organisations, lambda o: o.name),
    }
    roles = _DeputyNames(plan.roles)
    stage_ids = Finder(plan.stages, lambda s: s.name)
    result: list[Row] = []
    for accepted in plan.accepted:
        columns = _finding_columns(accepted, named, roles, stage_ids, stages)
        if columns is None:
            code = accepted.key.split("|", 1)[0]
            columns = (code, "", "", "", accepted.key)
        code, subject, function, stage, key = columns
        result.append(
            (
                code,
                subject,
                function,
                stage,
                accepted.rationale,
                accepted.accepted_by,
                accepted.accepted_on,
                accepted.review_on,
                key,
            )
        )
    return result


def _finding_columns(
    accepted: AcceptedFinding,
    named: dict[SubjectKind, Finder],
    roles: _DeputyNames,
    stage_ids: Finder,
    stages: dict[str, str],
) -> tuple[str, str, str, str, str] | None:
    """Code, subject, function and stage that rebuild the key exactly; None if none do."""
    parts = accepted.key.split("|")
    if len(parts) != 5:
        return None
    code, kind_text, subject_id, function_text, stage_id = parts
    kind = layout.CODE_SUBJECTS.get(code)
    if kind is None or kind.value != kind_text:
        return None
    if kind is SubjectKind.ROLE:
        if subject_id not in roles.roles:
            return None
        subject = roles.subject(subject_id)
    else:
        finder = named[kind]
        if subject_id not in finder.ids:
            return None
        subject = finder.names[subject_id]
        if finder.find(subject) != subject_id:
            subject = subject_id
            if finder.find(subject) != subject_id:
                return None
    function = lookup_word(layout.FUNCTION_WORDS, function_text) if function_text else None
    if function_text and function is None:
        return None
    if stage_id and stage_id not in stages:
        return None
    rebuilt = finding_key(code, kind, subject_id, function, stage_id or None)
    if rebuilt != accepted.key:
        return None
    if function is None and code in layout.FUNCTION_CODES:
        return None  # the importer asks for the function of such a row
    if not stage_id and code in layout.STAGE_CODES:
        return None  # the importer would read a blank Stage as the committee's own
    stage = stages[stage_id] if stage_id else ""
    if stage and stage_ids.find(stage) != stage_id:
        return None
    return (code, subject, layout.FUNCTION_LABELS[function] if function else "", stage, "")


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

"""The exported register's item rows: committees, roles (seats, memberships, deputies,
chairs) and accepted findings."""

from __future__ import annotations

from collections.abc import Sequence

from govplanner.analysis.result import finding_key
from govplanner.domain.enums import LineKind, Membership, SubjectKind
from govplanner.domain.governance import MEMBERSHIP_SYNONYMS
from govplanner.domain.model import AcceptedFinding, Committee, Plan, Role
from govplanner.files import register_layout as layout
from govplanner.files.register_lists import DeputyNames, Finder, Row, Rows
from govplanner.files.register_values import lookup_word, split_list


def committee_rows(plan: Plan, rows: Rows, committees: Finder, organisations: Finder) -> list[Row]:
    tiers = {t.id: t.name for t in plan.tiers}
    stages = {s.id: s.name for s in plan.stages}
    groups = {g.id: g.name for g in plan.groups}
    return [
        (
            c.id,
            c.name,
            tiers.get(c.tier_id, ""),
            layout.KIND_LABELS[c.kind],
            _list(rows, c.organisation_ids, organisations, f"committee '{c.name}': its bodies"),
            groups.get(c.group_id or "", ""),
            _list(rows, c.accountable_to_ids, committees, f"committee '{c.name}': Reports to"),
            _list(rows, c.advises_ids, committees, f"committee '{c.name}': Advises"),
            _line_order(c),
            stages.get(c.stage_id or "", ""),
            c.programme_area,
            c.purpose,
            c.quorum,
            "yes" if c.quorum_clinical else "no",
            c.quorum_note,
            c.meeting_frequency,
            "; ".join(f"{layout.FUNCTION_LABELS[f]}: {r.value}" for f, r in c.requirements.items()),
            c.origin,
        )
        for c in plan.committees
    ]


def _list(rows: Rows, ids: Sequence[str], finder: Finder, where: str) -> str:
    return rows.list_cell(ids, finder, where) if ids else ""


def _line_order(committee: Committee) -> str:
    """'' when accountable lines come first (as the importer rebuilds them), else the order."""
    kinds = [line.kind for line in committee.lines]
    if kinds == sorted(kinds, key=lambda k: k is not LineKind.ACCOUNTABLE):
        return ""
    return "; ".join(k.value for k in kinds)


def role_rows(plan: Plan, rows: Rows, committees: Finder, organisations: Finder) -> list[Row]:
    people = {p.id: p.name for p in plan.people}
    chairs: dict[str, list[str]] = {}
    for c in plan.committees:
        if c.chair_role_id is not None:
            chairs.setdefault(c.chair_role_id, []).append(c.id)
    deputised = DeputyNames(plan.roles)
    result: list[Row] = []
    for r in plan.roles:
        where = f"role '{r.title}'"
        _no_repeats(rows, where, "functions", r.functions)
        _no_repeats(rows, where, "activities", r.activities)
        result.append(
            (
                r.id,
                r.title,
                _list(rows, r.committee_ids, committees, f"{where}: its committees"),
                _membership_cell(rows, r, committees, where),
                _list(rows, r.organisation_ids, organisations, f"{where}: its organisations"),
                deputised.cell(r.deputy_for_id),
                _list(rows, chairs.get(r.id, []), committees, f"{where}: Chairs"),
                *_role_values(r, people),
            )
        )
    return result


def _role_values(r: Role, people: dict[str, str]) -> Row:
    return (
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


def accepted_rows(plan: Plan, rows: Rows, stages: dict[str, str]) -> list[Row]:
    named: dict[SubjectKind, Finder] = {
        SubjectKind.COMMITTEE: Finder(plan.committees, lambda c: c.name),
        SubjectKind.TIER: Finder(plan.tiers, lambda t: t.name),
        SubjectKind.PERSON: Finder(plan.people, lambda p: p.name),
        SubjectKind.ORGANISATION: Finder(plan.organisations, lambda o: o.name),
    }
    roles = DeputyNames(plan.roles)
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
    roles: DeputyNames,
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
    subject = _subject_text(kind, subject_id, named, roles)
    if subject is None:
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


def _subject_text(
    kind: SubjectKind, subject_id: str, named: dict[SubjectKind, Finder], roles: DeputyNames
) -> str | None:
    """The subject's name where the importer finds it by name, else its id; None if gone."""
    if kind is SubjectKind.ROLE:
        return roles.subject(subject_id) if subject_id in roles.roles else None
    finder = named[kind]
    if subject_id not in finder.ids:
        return None
    for text in (finder.names[subject_id], subject_id):
        if finder.find(text) == subject_id:
            return text
    return None

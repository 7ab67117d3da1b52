"""The committees, roles, people, organisations and groups tables: columns and cell edits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QBrush, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication

from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import FUNCTIONS, Membership
from govplanner.domain.model import Committee, InCommonGroup, Organisation, Person, Plan, Role
from govplanner.domain.vocabulary import words
from govplanner.gui.models.lookup import Lookup
from govplanner.gui.models.table import Column, ItemTableModel

VACANT = "Vacant"


def _name_edit(field: str) -> Any:
    def edit(item: Any, value: Any) -> dict[str, Any]:
        text = str(value).strip()
        if not text:
            raise ValueError("A name cannot be empty.")
        return {field: text}

    return edit


def _text_edit(field: str) -> Any:
    return lambda item, value: {field: str(value).strip()}


def _number(value: Any, what: str) -> float:
    try:
        number = float(str(value).strip() or 0)
    except ValueError:
        raise ValueError(f"{what} must be a number, such as 1 or 2.5.") from None
    return number


def _fmt(number: float) -> str:
    return f"{number:g}"


def _placeholder_brush() -> QBrush:
    return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)


# -- committees ----------------------------------------------------------------------------


def committee_columns(document: PlanDocument, lookup: Lookup) -> list[Column]:
    def plan() -> Plan:  # the plan object changes on reset: read it at each call
        return document.plan

    def stage(c: Committee) -> str:
        return lookup.name("stage", plan().current_stage_id(c))

    def tier_order(c: Committee) -> int:
        tiers = plan().tiers
        return next((i for i, t in enumerate(tiers) if t.id == c.tier_id), len(tiers))

    return [
        Column("{Committee}", lambda c: c.name, edit=_name_edit("name"), width=240),
        Column("{Tier}", lambda c: lookup.name("tier", c.tier_id), sort_key=tier_order, width=120),
        Column("Kind", lambda c: c.kind.label, width=120),
        Column(
            "Accountable to",
            lambda c: _names(lookup, "committee", c.accountable_to_ids),
            tooltip=lambda c: _lines_tip(lookup, c),
            width=200,
        ),
        Column("Organisations", lambda c: _bodies(lookup, c), width=160),
        Column("Stage", stage, tooltip=_stage_tip, width=160),
        Column("Programme area", lambda c: c.programme_area, width=160),  # set in the form
        Column("Chair", lambda c: _chair(lookup, c), width=160),
        Column(
            "Seats",
            lambda c: str(len(lookup.roles_on(c.id))),
            sort_key=lambda c: len(lookup.roles_on(c.id)),
            numeric=True,
            width=60,
        ),
        Column("Meets", lambda c: c.meeting_frequency, edit=_text_edit("meeting_frequency")),
    ]


def _stage_tip(c: Committee) -> str:
    return "No stage set: the plan's first stage applies" if not c.stage_id else ""


def _chair(lookup: Lookup, c: Committee) -> str:
    role = lookup.role(c.chair_role_id)
    return "" if role is None else lookup.role_label(role)


def _names(lookup: Lookup, kind: str, ids: list[str]) -> str:
    names = lookup.names(kind)
    return "; ".join(names.get(i, "") for i in ids)


def _bodies(lookup: Lookup, c: Committee) -> str:
    text = _names(lookup, "organisation", c.organisation_ids)
    return f"{text} (joint)" if len(c.organisation_ids) > 1 else text


def _lines_tip(lookup: Lookup, c: Committee) -> str:
    return "\n".join(
        f"{line.kind.label} '{lookup.name('committee', line.to_id)}'" for line in c.lines
    )


# -- roles ---------------------------------------------------------------------------------


def _holder(lookup: Lookup, role: Role) -> str:
    return lookup.name("person", role.holder_id) or VACANT


def _holder_column(lookup: Lookup) -> Column:
    def holder_key() -> Any:
        # Sorting 30,000 roles: fetch the name table once per sort, not once per row.
        names = {k: v.casefold() for k, v in lookup.names("person").items()}
        last = "\U0010ffff"  # vacant roles sort after every name
        return lambda r: last if r.holder_id is None else names.get(r.holder_id, "")

    def nobody() -> str:
        return f"Nobody holds this {words(lookup.document.plan).role}"

    return Column(
        "Holder",
        lambda r: _holder(lookup, r),
        sort_key_factory=holder_key,
        foreground=_vacant_brush,
        italic=lambda r: r.holder_id is None,
        tooltip=lambda r: nobody() if r.holder_id is None else "",
        width=160,
    )


def _seats_column(lookup: Lookup) -> Column:
    def seats(r: Role) -> str:
        names = lookup.names("committee")
        return "; ".join(
            names.get(s.committee_id, "")
            + ("" if s.membership is Membership.MEMBER else f" ({s.membership.value})")
            for s in r.seats
        )

    def seats_key() -> Any:
        names = {k: v.casefold() for k, v in lookup.names("committee").items()}
        return lambda r: "; ".join(names.get(s.committee_id, "") for s in r.seats)

    return Column("{Committees}", seats, sort_key_factory=seats_key, width=240)


def _functions_text(r: Role) -> str:
    return " ".join(f.short for f in FUNCTIONS if f in r.functions) if r.clinical else "–"


def _set_sessions(r: Role, value: Any) -> dict[str, Any]:
    return {"sessions_per_week": _number(value, "Sessions per week")}


def _title_column(lookup: Lookup) -> Column:
    """The title; its tooltip tells same-titled roles apart by where they sit."""
    return Column(
        "{Role}", lambda r: r.title, edit=_name_edit("title"), tooltip=lookup.role_label, width=220
    )


def _term_column() -> Column:
    return Column(
        "Term ends",
        lambda r: r.term_end.isoformat() if r.term_end else "",
        sort_key=lambda r: r.term_end or dt.date.max,
        width=100,
    )


def role_columns(document: PlanDocument, lookup: Lookup) -> list[Column]:
    return [
        _title_column(lookup),
        _holder_column(lookup),
        _seats_column(lookup),
        Column("Organisations", lambda r: _names(lookup, "organisation", r.organisation_ids)),
        Column("Profession", lambda r: r.profession, edit=_text_edit("profession")),
        Column(
            "Clinical",
            lambda r: "Yes" if r.clinical else "No",
            check=lambda r: r.clinical,
            check_field="clinical",
            width=80,
        ),
        Column(
            "Functions",
            _functions_text,
            sort_key=_functions_key,
            tooltip=lambda r: ", ".join(f.label for f in r.functions),
            width=90,
        ),
        Column(
            "Sessions",
            lambda r: _fmt(r.sessions_per_week),
            sort_key=lambda r: r.sessions_per_week,
            edit=_set_sessions,
            edit_value=lambda r: _fmt(r.sessions_per_week),
            numeric=True,
            width=80,
        ),
        _term_column(),
    ]


_FUNCTION_BITS = {f: 1 << (len(FUNCTIONS) - n) for n, f in enumerate(FUNCTIONS)}


def _functions_key(role: Role) -> int:
    """Orders like the letters shown (A before R before T before L); non-clinical last."""
    if not role.clinical:
        return -1
    return sum(_FUNCTION_BITS[f] for f in set(role.functions))


def _vacant_brush(role: Role) -> Any:
    return _placeholder_brush() if role.holder_id is None else None


# -- people --------------------------------------------------------------------------------


def load_text(document: PlanDocument, lookup: Lookup, person: Person) -> str:
    """'3/4 (75%)': sessions held against capacity, and 'over' when above it."""
    held, capacity = lookup.sessions_held(person.id), document.plan.capacity_of(person)
    percent = f" ({held / capacity:.0%})" if capacity else ""
    over = " · over" if held > capacity else ""
    return f"{_fmt(held)}/{_fmt(capacity)}{percent}{over}"


def _load_ratio(document: PlanDocument, lookup: Lookup, person: Person) -> float:
    capacity = document.plan.capacity_of(person)
    held = lookup.sessions_held(person.id)
    return held / capacity if capacity else (float("inf") if held else 0.0)


def _held_titles_key(lookup: Lookup) -> Any:
    held = {k: "; ".join(r.title for r in v).casefold() for k, v in lookup.held().items()}
    return lambda p: held.get(p.id, "")


def _load_key(document: PlanDocument, lookup: Lookup) -> Any:
    held = {k: sum(r.sessions_per_week for r in v) for k, v in lookup.held().items()}
    plan = document.plan

    def key(p: Person) -> float:
        capacity, load = plan.capacity_of(p), held.get(p.id, 0.0)
        return load / capacity if capacity else (float("inf") if load else 0.0)

    return key


def _set_capacity(p: Person, value: Any) -> dict[str, Any]:
    text = str(value).strip().removesuffix("(default)").strip()
    return {"capacity": None if not text else _number(text, "Capacity")}


def _sources(p: Person) -> str:
    if p.sources is None:
        return "Not recorded"
    return ", ".join(s.label for s in p.sources) or "None"


def people_columns(document: PlanDocument, lookup: Lookup) -> list[Column]:
    def capacity(p: Person) -> str:
        if p.capacity is None:
            return f"{_fmt(document.plan.default_capacity)} (default)"
        return _fmt(p.capacity)

    return [
        Column("Name", lambda p: p.name, edit=_name_edit("name"), width=200),
        Column("Profession", lambda p: p.profession, edit=_text_edit("profession")),
        Column(
            "{Roles}",
            lambda p: "; ".join(r.title for r in lookup.roles_held(p.id)),
            sort_key_factory=lambda: _held_titles_key(lookup),
            width=240,
        ),
        Column(
            "Capacity",
            capacity,
            sort_key=lambda p: document.plan.capacity_of(p),
            edit=_set_capacity,
            edit_value=lambda p: "" if p.capacity is None else _fmt(p.capacity),
            numeric=True,
            width=100,
        ),
        Column(
            "Load",
            lambda p: load_text(document, lookup, p),
            sort_key_factory=lambda: _load_key(document, lookup),
            numeric=True,
            width=110,
        ),
        Column("Sources of influence", _sources, width=220),
    ]


# -- organisations and committees-in-common groups ------------------------------------------


def _set_population(o: Organisation, value: Any) -> dict[str, Any]:
    text = str(value).strip().replace(",", "")
    if not text:
        return {"population": None}
    number = _number(text, "Population")
    if number != int(number):
        raise ValueError("Population must be a whole number of people, such as 350000.")
    return {"population": int(number)}


def organisation_columns(document: PlanDocument, lookup: Lookup) -> list[Column]:
    return [
        Column("Organisation", lambda o: o.name, edit=_name_edit("name"), width=240),
        Column("Type", lambda o: o.type.label, width=220),
        Column(
            "Population",
            lambda o: "" if o.population is None else f"{o.population:,}",
            sort_key=lambda o: -1 if o.population is None else o.population,
            edit=_set_population,
            edit_value=lambda o: "" if o.population is None else str(o.population),
            numeric=True,
            width=110,
        ),
        Column(
            "{Committees}",
            lambda o: _names(lookup, "committee", [c.id for c in lookup.committees_of(o.id)]),
            width=240,
        ),
    ]


def group_columns(document: PlanDocument, lookup: Lookup) -> list[Column]:
    def members(g: InCommonGroup) -> str:
        return "; ".join(c.name for c in lookup.committees_in(g.id))

    return [
        Column("Group", lambda g: g.name, edit=_name_edit("name"), width=240),
        Column("{Committees} meeting in common", members, width=320),
        Column("Description", lambda g: g.description, edit=_text_edit("description")),
    ]


def organisations_model(
    document: PlanDocument, undo_stack: QUndoStack, lookup: Lookup, parent: Any = None
) -> ItemTableModel:
    columns = organisation_columns(document, lookup)
    return ItemTableModel(document, "organisation", columns, undo_stack, parent)


def groups_model(
    document: PlanDocument, undo_stack: QUndoStack, lookup: Lookup, parent: Any = None
) -> ItemTableModel:
    return ItemTableModel(document, "group", group_columns(document, lookup), undo_stack, parent)


def committees_model(
    document: PlanDocument, undo_stack: QUndoStack, lookup: Lookup, parent: Any = None
) -> ItemTableModel:
    columns = committee_columns(document, lookup)
    return ItemTableModel(document, "committee", columns, undo_stack, parent)


def roles_model(
    document: PlanDocument, undo_stack: QUndoStack, lookup: Lookup, parent: Any = None
) -> ItemTableModel:
    return ItemTableModel(document, "role", role_columns(document, lookup), undo_stack, parent)


def people_model(
    document: PlanDocument, undo_stack: QUndoStack, lookup: Lookup, parent: Any = None
) -> ItemTableModel:
    return ItemTableModel(document, "person", people_columns(document, lookup), undo_stack, parent)

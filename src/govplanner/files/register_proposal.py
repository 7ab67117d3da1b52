"""The register's Proposal sheets: a proposal plan's record (``Plan.proposal``), so that a
proposal exported to Excel and imported back is still the same proposal, reasons and all.

``Proposal`` has one row per field (Field, Value); ``Proposal changes`` one row per change.
Both are govplanner's own sheets, written only for a plan that is a proposal.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from govplanner.domain.proposal import ChangeAction, Proposal, ProposalChange
from govplanner.files.register_layout import CHANGES, PROPOSAL
from govplanner.files.register_lists import Row, Rows
from govplanner.files.register_problems import Problems
from govplanner.files.register_values import RowValues, unknown

#: row label -> (Proposal field, how the cell is read)
_FIELDS: dict[str, tuple[str, str]] = {
    "Made by": ("method", "text"),
    "Made on": ("made_on", "date"),
    "Source plan": ("source_plan", "text"),
    "Scope": ("scope", "text"),
    "Budget (sessions a week)": ("budget_sessions", "total"),
    "Sessions a week before": ("sessions_before", "total"),
    "Sessions a week after": ("sessions_after", "total"),
    "Cost before": ("cost_before", "money"),
    "Cost after": ("cost_after", "money"),
    "Essential cover before": ("essential_covered_before", "count"),
    "Essential cover after": ("essential_covered_after", "count"),
    "Optimiser's verdict": ("solver_status", "free"),
    "Optimality gap": ("optimality_gap", "gap"),
    "Summary": ("summary", "lines"),
}
_ACTIONS = {a.label: a for a in ChangeAction} | {a.value: a for a in ChangeAction}
_SEPARATOR = "; "


def _lines_cell(rows: Rows, where: str, lines: list[str]) -> str:
    if any("\n" in line for line in lines):
        rows.lost(f"{where}: a line holds a line break, which the cell uses between lines")
    return "\n".join(lines)


def proposal_sheets(proposal: Proposal | None, rows: Rows) -> dict[str, list[Row]]:
    """The two sheets' rows (none for a plan that is not a proposal)."""
    if proposal is None:
        return {}
    fields: list[Row] = []
    for label, (name, kind) in _FIELDS.items():
        value = getattr(proposal, name)
        if kind == "lines":
            value = _lines_cell(rows, f"sheet '{PROPOSAL}', {label}", value)
        fields.append((label, value))
    changes: list[Row] = []
    for number, c in enumerate(proposal.changes, start=2):
        if any(_SEPARATOR.strip() in r for r in c.replaces):
            rows.lost(f"sheet '{CHANGES}', row {number}: an id in Replaces holds ';'")
        why = _lines_cell(rows, f"sheet '{CHANGES}', row {number}, Why", c.reasons)
        changes.append(
            (c.action.label, c.subject_id, c.subject, _SEPARATOR.join(c.replaces),
             c.sessions_per_week, c.holder, why)
        )  # fmt: skip
    return {PROPOSAL: fields, CHANGES: changes}


def _field_value(row: RowValues, kind: str) -> Any:
    if kind == "date":
        return row.date("Value")
    if kind in ("total", "money"):
        high = 10_000_000 if kind == "total" else 1_000_000_000_000
        return row.number("Value", default=None if kind == "money" else 0.0, high=high)
    if kind == "count":
        return row.whole("Value", low=0, high=100_000_000) or 0
    if kind == "gap":
        return row.number("Value", default=None, high=1e300)
    if kind == "lines":
        text = row.free_text("Value")
        return text.split("\n") if text else []
    if kind == "free":
        return row.free_text("Value")
    return row.text("Value")


def _read_fields(rows: list[RowValues]) -> dict[str, Any]:
    labels = {label.casefold(): label for label in _FIELDS}
    values: dict[str, Any] = {}
    for row in rows:
        text = row.text("Field")
        if not text:
            continue
        label = labels.get(text.casefold())
        if label is None:
            row.error("Field", unknown("field", text, list(_FIELDS)), text)
            continue
        name, kind = _FIELDS[label]
        values[name] = _field_value(row, kind)
    return {k: v for k, v in values.items() if v is not None or k in ("cost_before", "cost_after")}


def _read_change(row: RowValues) -> ProposalChange | None:
    action_text = row.text("Action", required=True)
    action = _ACTIONS.get(action_text) or next(
        (a for label, a in _ACTIONS.items() if label.casefold() == action_text.casefold()), None
    )
    if action is None:
        if action_text:
            row.error("Action", unknown("action", action_text, [a.label for a in ChangeAction]))
        return None
    replaces = row.text("Replaces", limit=20_000)
    why = row.free_text("Why")
    return ProposalChange(
        action=action,
        subject_id=row.ident("Id") or row.text("Id", required=True),
        subject=row.text("Subject", required=True),
        replaces=[r.strip() for r in replaces.split(";") if r.strip()],
        sessions_per_week=row.number("Sessions per week", default=0.0, high=10_000_000) or 0.0,
        holder=row.text("Holder"),
        reasons=why.split("\n") if why else [],
    )


def read_proposal(
    field_rows: list[RowValues] | None, change_rows: list[RowValues] | None, problems: Problems
) -> Proposal | None:
    """The proposal the two sheets describe; None when neither sheet is in the workbook."""
    if field_rows is None and change_rows is None:
        return None
    values = _read_fields(field_rows or [])
    changes = [c for c in map(_read_change, change_rows or []) if c is not None]
    try:
        return Proposal(**values, changes=changes)
    except ValidationError as exc:  # each cell was read as valid: only a bad mix is left
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        problems.add(f"the proposal's {where} is not valid: {first['msg']}", sheet=PROPOSAL)
        return None

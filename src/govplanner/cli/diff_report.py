"""The ``diff`` command's output: coverage gains and losses first, then structure and findings."""

from __future__ import annotations

from typing import Any

from govplanner.analysis.compare import (
    COMPARED_KINDS,
    CellChange,
    Comparison,
    FieldChange,
    ItemChange,
    ItemKind,
    Merge,
)
from govplanner.analysis.result import CoverageCell, Finding
from govplanner.analysis.rules.common import long_date, name_list
from govplanner.cli.report import finding_json
from govplanner.domain.items import ITEM_KINDS
from govplanner.domain.proposal import ChangeAction, Proposal
from govplanner.domain.vocabulary import Words

_KINDS: tuple[ItemKind, ...] = COMPARED_KINDS
_SIGN = {"added": "+", "removed": "-", "changed": "~"}
#: the JSON document's key for each kind of item: the plan's list of them ("people")
JSON_KEYS: dict[ItemKind, str] = {kind: ITEM_KINDS[kind].list_name for kind in _KINDS}


def _plural(w: Words, kind: ItemKind) -> str:
    """The kind's plural, in the plan's words where the plan may rename it ('forums')."""
    if ITEM_KINDS[kind].renamable:
        return str(getattr(w, f"{kind}s"))
    return ITEM_KINDS[kind].plural


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """'1 cell', '2 cells', '0 cells'."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def cell_text(cell: CoverageCell | None) -> str:
    """'2/3 part', '3/3 ok', '0/2 GAP', 'n/a' (as ``check`` shows cells), or '-' if absent."""
    if cell is None:
        return "-"
    if cell.required == 0:
        return "n/a"
    status = "ok" if cell.covered == cell.required else ("GAP" if cell.covered == 0 else "part")
    accepted = f" ({cell.accepted} accepted)" if cell.accepted else ""
    return f"{cell.covered}/{cell.required} {status}{accepted}"


def _glance(comparison: Comparison, w: Words) -> list[str]:
    c = comparison
    b, a = c.before_summary, c.after_summary
    lines = [
        "At a glance",
        f"  Coverage: {counted(c.coverage_count('gain'), 'cell')} gained, "
        f"{c.coverage_count('loss')} lost, {c.coverage_count('same')} unchanged.",
        f"  Open findings: {b.get('critical', 0)} → {a.get('critical', 0)} critical, "
        f"{b.get('warning', 0)} → {a.get('warning', 0)} "
        f"{'warning' if a.get('warning', 0) == 1 else 'warnings'}, {b.get('info', 0)} → "
        f"{a.get('info', 0)} for information; {len(c.opened)} opened, {len(c.closed)} closed"
        + (f", {len(c.accepted)} accepted." if c.accepted else "."),
    ]
    for kind in _KINDS:
        if kind == "organisation" and not c.organisations:
            continue  # most plans record no organisations: no line of noughts
        counts = [f"{c.count(kind, s)} {s}" for s in ("added", "removed", "changed")]
        if kind == "committee" and c.merges:
            counts.append(f"{c.merged_count} merged into {len(c.merges)}")
        lines.append(f"  {_capital(_plural(w, kind))}: {', '.join(counts)}.")
    if c.settings:
        lines.append(f"  Plan settings: {len(c.settings)} changed.")
    return lines


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cell_lines(title: str, cells: list[CellChange]) -> list[str]:
    if not cells:
        return []
    tier_width = max(len(c.tier) for c in cells)
    fn_width = max(len(c.function.label) for c in cells)
    lines = [f"  {title} ({len(cells)})"]
    for c in cells:
        lost = f"  ({name_list(list(c.lost))} lost cover)" if c.lost else ""
        lines.append(
            f"    {c.tier.ljust(tier_width)}  {c.function.label.ljust(fn_width)}  "
            f"{cell_text(c.before)} → {cell_text(c.after)}{lost}"
        )
    return lines


def merge_text(merge: Merge, w: Words) -> str:
    """'A and B merged into C (Programme; a new committee, 4 roles moved onto it)'."""
    where = f"{merge.where}; " if merge.where else ""
    status = f"a new {w.committee}" if merge.target_is_new else f"an existing {w.committee}"
    moved = counted(merge.roles_moved, w.role, w.roles)
    return f"{merge.sentence} ({where}{status}, {moved} moved onto it)"


def _field_lines(fields: tuple[FieldChange, ...], indent: str) -> list[str]:
    return [f"{indent}{f.field}: {f.before} → {f.after}" for f in fields]


def _item_lines(change: ItemChange) -> list[str]:
    where = f" ({change.where})" if change.where else ""
    renamed = (
        f" (was {change.before_name})"
        if change.before_name and change.before_name != change.name
        else ""
    )
    lines = [f"  {_SIGN[change.status]} {change.name}{renamed}{where}: {change.status}"]
    lines += [f"      why: {reason}" for reason in change.why]
    return lines + _field_lines(change.fields, "      ")


def _proposal_lines(proposal: Proposal | None) -> list[str]:
    """Where the after plan came from, when it is a proposal, and what it did as a whole."""
    if proposal is None:
        return []
    made = f"made by govplanner {proposal.method} on {long_date(proposal.made_on)}"
    source = f" from '{proposal.source_plan}'" if proposal.source_plan else ""
    lines = ["", f"The after plan is a proposal, {made}{source}:"]
    lines += [f"  {line}" for line in proposal.summary]
    for change in proposal.changes:
        if change.action is ChangeAction.COMBINE_COMMITTEES:
            lines.append(f"  {change.action.label}: {change.subject}: " + "; ".join(change.reasons))
    return lines


def _finding_lines(title: str, findings: tuple[Finding, ...]) -> list[str]:
    if not findings:
        return []
    lines = ["", f"{title} ({len(findings)})"]
    for f in findings:
        lines.append(f"  {f.code} [{f.severity.value}]  {f.message}")
    return lines


def diff_text(comparison: Comparison, w: Words) -> str:
    """A report to read top down: what changes in coverage, then in structure and findings."""
    c = comparison
    out = [
        f"Before: {c.before_plan}" + (f" — {c.before_source}" if c.before_source else ""),
        f"After:  {c.after_plan}" + (f" — {c.after_source}" if c.after_source else ""),
        f"As of:  {long_date(c.as_of)}",
        *_proposal_lines(c.proposal),
        "",
        *_glance(c, w),
        "",
        f"Coverage changes ({w.committees} with a filled provider / {w.committees} that need "
        "the function, before → after)",
    ]
    gains = [x for x in c.coverage if x.verdict == "gain"]
    losses = [x for x in c.coverage if x.verdict == "loss"]
    out += _cell_lines("Gains", gains) + _cell_lines("Losses", losses)
    if not gains and not losses:
        out.append("  No cell gains or loses cover.")
    for kind in _KINDS:
        changes = c.changes_of(kind)
        merges = c.merges if kind == "committee" else ()
        if changes or merges:
            out += ["", f"{_capital(_plural(w, kind))} ({len(changes) + len(merges)})"]
            out += [f"  » {merge_text(m, w)}" for m in merges]
            for change in changes:
                out += _item_lines(change)
    if c.settings:
        out += ["", f"Plan settings ({len(c.settings)})", *_field_lines(c.settings, "  ")]
    out += _finding_lines("Findings opened", c.opened)
    out += _finding_lines("Findings closed", c.closed)
    out += _finding_lines("Findings accepted (open before, accepted after)", c.accepted)
    if c.is_same:
        out += ["", "The two plans have the same structure, coverage and findings."]
    return "\n".join(out) + "\n"


def _cell_json(cell: CoverageCell | None) -> dict[str, int] | None:
    if cell is None:
        return None
    return {"required": cell.required, "covered": cell.covered, "accepted": cell.accepted}


def _fields_json(fields: tuple[FieldChange, ...]) -> list[dict[str, str]]:
    return [{"field": f.field, "before": f.before, "after": f.after} for f in fields]


def _merge_json(merge: Merge) -> dict[str, Any]:
    return {
        "from": list(merge.sources),
        "into": merge.target,
        "into_is_new": merge.target_is_new,
        "where": merge.where,
        "roles_moved": merge.roles_moved,
        "sentence": merge.sentence,
    }


def _item_json(change: ItemChange) -> dict[str, Any]:
    return {
        "change": change.status,
        "name": change.name,
        "before_name": change.before_name,
        "where": change.where,
        "fields": _fields_json(change.fields),
        "why": list(change.why),
    }


def diff_json(comparison: Comparison) -> dict[str, Any]:
    """The ``diff --format json`` document (its shape is documented in the README)."""
    c = comparison
    return {
        "before": {"plan": c.before_plan, "source": c.before_source, "summary": c.before_summary},
        "after": {"plan": c.after_plan, "source": c.after_source, "summary": c.after_summary},
        "as_of": c.as_of.isoformat(),
        "at_a_glance": {
            "coverage": {v: c.coverage_count(v) for v in ("gain", "loss", "same")},
            "findings": {
                "opened": len(c.opened),
                "closed": len(c.closed),
                "accepted": len(c.accepted),
            },
            **{
                JSON_KEYS[kind]: {s: c.count(kind, s) for s in ("added", "removed", "changed")}
                for kind in _KINDS
            },
            "merged": {"committees": c.merged_count, "into": len(c.merges)},
            "settings": len(c.settings),
        },
        "coverage": [
            {
                "tier": x.tier,
                "function": x.function.value,
                "before": _cell_json(x.before),
                "after": _cell_json(x.after),
                "change": x.verdict,
                "lost_cover": list(x.lost or ()),
            }
            for x in c.coverage
        ],
        **{JSON_KEYS[kind]: [_item_json(x) for x in c.changes_of(kind)] for kind in _KINDS},
        "merged": [_merge_json(m) for m in c.merges],
        "settings": _fields_json(c.settings),
        "findings_opened": [finding_json(f) for f in c.opened],
        "findings_closed": [finding_json(f) for f in c.closed],
        "findings_accepted": [finding_json(f) for f in c.accepted],
        "proposal": None if c.proposal is None else c.proposal.model_dump(mode="json"),
    }

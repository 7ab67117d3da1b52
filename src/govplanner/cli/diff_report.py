"""The ``diff`` command's output: coverage gains and losses first, then structure and findings."""

from __future__ import annotations

from typing import Any

from govplanner.analysis.compare import CellChange, Comparison, ItemChange, ItemKind
from govplanner.analysis.result import CoverageCell, Finding
from govplanner.analysis.rules.common import long_date
from govplanner.cli.report import finding_json
from govplanner.domain.vocabulary import Words

_KINDS: tuple[ItemKind, ...] = ("committee", "role", "person")
_SIGN = {"added": "+", "removed": "-", "changed": "~"}


def _plural(w: Words, kind: ItemKind) -> str:
    return "people" if kind == "person" else getattr(w, f"{kind}s")


def cell_text(cell: CoverageCell | None) -> str:
    """'2/3 part', '3/3 ok', '0/2 GAP', 'n/a' (as ``check`` shows cells), or '-' if absent."""
    if cell is None:
        return "-"
    if cell.required == 0:
        return "n/a"
    status = "ok" if cell.covered == cell.required else ("GAP" if cell.covered == 0 else "part")
    return f"{cell.covered}/{cell.required} {status}"


def _glance(comparison: Comparison, w: Words) -> list[str]:
    c = comparison
    b, a = c.before_summary, c.after_summary
    lines = [
        "At a glance",
        f"  Coverage: {c.coverage_count('gain')} cells gained, {c.coverage_count('loss')} "
        f"lost, {c.coverage_count('same')} unchanged.",
        f"  Open findings: {b.get('critical', 0)} → {a.get('critical', 0)} critical, "
        f"{b.get('warning', 0)} → {a.get('warning', 0)} warnings, {b.get('info', 0)} → "
        f"{a.get('info', 0)} for information; {len(c.opened)} opened, {len(c.closed)} closed.",
    ]
    for kind in _KINDS:
        counts = [f"{c.count(kind, s)} {s}" for s in ("added", "removed", "changed")]
        lines.append(f"  {_plural(w, kind).capitalize()}: {', '.join(counts)}.")
    return lines


def _cell_lines(title: str, cells: list[CellChange]) -> list[str]:
    if not cells:
        return []
    tier_width = max(len(c.tier) for c in cells)
    fn_width = max(len(c.function.label) for c in cells)
    lines = [f"  {title} ({len(cells)})"]
    for c in cells:
        lines.append(
            f"    {c.tier.ljust(tier_width)}  {c.function.label.ljust(fn_width)}  "
            f"{cell_text(c.before)} → {cell_text(c.after)}"
        )
    return lines


def _item_lines(change: ItemChange) -> list[str]:
    where = f" ({change.where})" if change.where else ""
    renamed = (
        f" (was {change.before_name})"
        if change.before_name and change.before_name != change.name
        else ""
    )
    lines = [f"  {_SIGN[change.status]} {change.name}{renamed}{where}: {change.status}"]
    lines += [f"      {f.field}: {f.before} → {f.after}" for f in change.fields]
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
        f"Before: {c.before_plan}",
        f"After:  {c.after_plan}",
        f"As of:  {long_date(c.as_of)}",
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
        if changes:
            out += ["", f"{_plural(w, kind).capitalize()} ({len(changes)})"]
            for change in changes:
                out += _item_lines(change)
    out += _finding_lines("Findings opened", c.opened)
    out += _finding_lines("Findings closed", c.closed)
    if c.is_same:
        out += ["", "The two plans have the same structure, coverage and findings."]
    return "\n".join(out) + "\n"


def _cell_json(cell: CoverageCell | None) -> dict[str, int] | None:
    return None if cell is None else {"required": cell.required, "covered": cell.covered}


def _item_json(change: ItemChange) -> dict[str, Any]:
    return {
        "change": change.status,
        "name": change.name,
        "before_name": change.before_name,
        "where": change.where,
        "fields": [{"field": f.field, "before": f.before, "after": f.after} for f in change.fields],
    }


def diff_json(comparison: Comparison) -> dict[str, Any]:
    """The ``diff --format json`` document (its shape is documented in the README)."""
    c = comparison
    return {
        "before": {"plan": c.before_plan, "summary": c.before_summary},
        "after": {"plan": c.after_plan, "summary": c.after_summary},
        "as_of": c.as_of.isoformat(),
        "at_a_glance": {
            "coverage": {v: c.coverage_count(v) for v in ("gain", "loss", "same")},
            "findings": {"opened": len(c.opened), "closed": len(c.closed)},
            **{
                f"{kind}s" if kind != "person" else "people": {
                    s: c.count(kind, s) for s in ("added", "removed", "changed")
                }
                for kind in _KINDS
            },
        },
        "coverage": [
            {
                "tier": x.tier,
                "function": x.function.value,
                "before": _cell_json(x.before),
                "after": _cell_json(x.after),
                "change": x.verdict,
            }
            for x in c.coverage
        ],
        "committees": [_item_json(x) for x in c.committees],
        "roles": [_item_json(x) for x in c.roles],
        "people": [_item_json(x) for x in c.people],
        "findings_opened": [finding_json(f) for f in c.opened],
        "findings_closed": [finding_json(f) for f in c.closed],
    }

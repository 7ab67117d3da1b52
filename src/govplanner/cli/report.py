"""The ``check`` command's output: a readable text report and the public JSON document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from operator import attrgetter
from typing import Any

from govplanner.analysis.principles import RAG_LABELS, SOURCE, PrincipleResult, assess_principles
from govplanner.analysis.result import Analysis, CoverageCell, Finding, RootCause
from govplanner.analysis.rules.common import counted, long_date
from govplanner.analysis.rules.terms import upcoming_term_ends
from govplanner.domain.enums import FUNCTIONS, Function, Severity, SubjectKind
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import Words, words


def _functions_json(cells: dict[Function, CoverageCell]) -> dict[str, dict[str, int]]:
    return {
        f.value: {
            "required": cells[f].required,
            "covered": cells[f].covered,
            "accepted": cells[f].accepted,
        }
        for f in FUNCTIONS
    }


def finding_json(
    finding: Finding, closed_by: Mapping[str, tuple[str, ...]] | None = None
) -> dict[str, Any]:
    """One finding as the check and diff JSON documents show it; with ``closed_by`` (the
    check's), its acceptance key and the vacant roles whose filling would close it too."""
    # str() of an enum member is its value, read in C (thousands of findings at national scale)
    function = finding.function
    record: dict[str, Any] = {
        "code": finding.code,
        "severity": str(finding.severity),
        "subject_kind": str(finding.subject_kind),
        "subject": finding.subject,
        "function": None if function is None else str(function),
        "stage": finding.stage,
        "message": finding.message,
        "remedy": finding.remedy,
        "accepted": finding.accepted,
    }
    if closed_by is not None:
        record["key"] = key = finding.key
        record["closed_by"] = list(closed_by.get(key, ()))
    return record


def check_json(
    plan: Plan, analysis: Analysis, principles: list[PrincipleResult] | None = None
) -> dict[str, Any]:
    """The document ``govplanner check --format json`` promises (issue 2, issue 8's
    ``principles``, and issue 13's additions; every earlier key is kept).

    Issue 13 added: each finding's ``key`` (its acceptance key) and ``closed_by`` (ids of the
    vacant roles whose filling would close it); ``summary.root_causes`` (how many separate
    problems the open findings come from: each vacancy behind two or more of them counts
    once, every other open finding counts as its own); ``accepted`` in every coverage cell;
    ``root_causes`` (every vacancy behind at least one open finding, most first);
    ``stale_acceptances`` and ``unjudged_areas``.
    """
    principles = assess_principles(plan, analysis) if principles is None else principles
    closed_by = analysis.closed_by
    return {
        "plan": plan.name,
        "summary": {k: analysis.summary.get(k, 0) for k in ("critical", "warning", "info")}
        | {"accepted": analysis.summary.get("accepted", 0), "root_causes": analysis.problem_count},
        "findings": [finding_json(f, closed_by) for f in analysis.findings],
        "coverage": [
            {"tier": row.tier, "functions": _functions_json(row.functions)}
            for row in analysis.coverage
        ],
        "coverage_by_stage": [
            {"tier": row.tier, "stage": row.stage, "functions": _functions_json(row.functions)}
            for row in analysis.coverage_by_stage
        ],
        "principles": [p.as_dict() for p in principles],
        "cost": _cost_json(plan),
        "root_causes": [_root_cause_json(c) for c in analysis.root_causes],
        "stale_acceptances": [_stale_json(plan, key) for key in analysis.stale_acceptances],
        "unjudged_areas": [
            {"committee_id": cid, "committee": _committee_name(plan, cid), "area": area}
            for cid, area in analysis.unjudged_areas
        ],
    }


_ROLE_COST = attrgetter("cost_per_session")


def _records_no_cost(plan: Plan) -> bool:
    """Whether the plan records no cost per session anywhere (for the plan, a profession or
    a role, as ``restructure.cost.RoleCosts`` looks them up): then there is no cost to sum,
    and the summary's pass over every role (~50 ms at national scale) is not needed."""
    return (
        plan.cost_per_session is None
        and not plan.profession_costs
        and {None}.issuperset(map(_ROLE_COST, plan.roles))  # C-level, 30,000 roles
    )


def _cost_json(plan: Plan) -> dict[str, Any] | None:
    """Issue 14: the clinical leadership's sessions and yearly cost (in total and per 100,000
    people), when the plan records a cost per session; else None."""
    if _records_no_cost(plan):
        return None
    from govplanner.restructure.cost import cost_summary

    cost = cost_summary(plan)
    return None if cost.cost is None else cost.as_json()


def cost_lines(plan: Plan) -> list[str]:
    if _records_no_cost(plan):
        return []
    from govplanner.restructure.cost import cost_summary

    cost = cost_summary(plan)
    return [] if cost.cost is None else [f"Cost of clinical leadership: {cost.text()}."]


def _root_cause_json(cause: RootCause) -> dict[str, Any]:
    return {
        "role_id": cause.subject_id,
        "role": cause.subject,
        "findings": list(cause.finding_keys),
        "summary": cause.summary,
    }


def _committee_name(plan: Plan, committee_id: str) -> str:
    committee = plan.committee(committee_id)
    return committee_id if committee is None else committee.name


def _subject_name(plan: Plan, kind: str, subject_id: str) -> str:
    """The name of a finding's subject from its key's parts (the id if it no longer exists)."""
    lookups = {
        SubjectKind.COMMITTEE.value: plan.committee,
        SubjectKind.ROLE.value: plan.role,
        SubjectKind.PERSON.value: plan.person,
        SubjectKind.TIER.value: plan.tier,
        SubjectKind.ORGANISATION.value: plan.organisation,
    }
    lookup = lookups.get(kind)
    item = None if lookup is None else lookup(subject_id)
    if item is None:
        return subject_id
    return str(getattr(item, "name", None) or getattr(item, "title", subject_id))


def _stale_json(plan: Plan, key: str) -> dict[str, Any]:
    """An accepted finding that no longer arises: its key's parts, names and rationale."""
    code, kind, subject_id, function, stage_id = (key.split("|") + [""] * 5)[:5]
    entry = next((a for a in plan.accepted if a.key == key), None)
    stage = plan.stage(stage_id) if stage_id else None
    return {
        "key": key,
        "code": code,
        "subject_kind": kind,
        "subject": _subject_name(plan, kind, subject_id),
        "function": function or None,
        "stage": None if stage is None else stage.name,
        "rationale": "" if entry is None else entry.rationale,
    }


def cell_text(cell: CoverageCell) -> str:
    """'2/3 part': committees covered of those that need the function, and a status; gaps the
    user accepted are shown apart, never as covered nor as open: '1/2 accepted' when every
    gap left is accepted, '0/3 GAP (1 accepted)' when some are."""
    if cell.required == 0:
        return "n/a"
    if cell.covered == cell.required:
        status = "ok"
    elif cell.gap == 0:
        status = "accepted"
    else:
        status = "GAP" if cell.covered == 0 else "part"
    text = f"{cell.covered}/{cell.required} {status}"
    if cell.accepted and status != "accepted":
        text += f" ({cell.accepted} accepted)"
    return text


def coverage_table(analysis: Analysis, w: Words | None = None) -> list[str]:
    """The tiers x functions matrix as aligned text lines ("covered/required status")."""
    headers = [(w or words()).cap("tier"), *(f.label for f in FUNCTIONS)]
    rows = [
        [row.tier, *(cell_text(row.functions[f]) for f in FUNCTIONS)] for row in analysis.coverage
    ]
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return [line.rstrip() for line in lines]


def _finding_lines(finding: Finding, indent: str = "  ", severity: bool = False) -> list[str]:
    mark = " [accepted]" if finding.accepted else ""
    level = f" ({finding.severity.value})" if severity else ""
    lines = [
        f"{indent}{finding.code}{level}{mark}  {finding.message}",
        f"{indent}    What to do: {finding.remedy}",
    ]
    if finding.accepted and finding.rationale:
        lines.append(f"{indent}    Accepted because: {finding.rationale}")
    return lines


def summary_lines(analysis: Analysis) -> list[str]:
    """The open counts by severity, and how many root causes the open findings come from."""
    s = analysis.summary
    critical, warning, info = (s.get(k, 0) for k in ("critical", "warning", "info"))
    opened = critical + warning + info
    lines = [
        f"Open findings: {critical} critical, {counted(warning, 'warning', 'warnings')}, "
        f"{info} for information; {s.get('accepted', 0)} accepted."
    ]
    if opened:
        lines.append(
            f"{counted(opened, 'open finding', 'open findings')} from "
            f"{counted(analysis.problem_count, 'root cause', 'root causes')}."
        )
    else:
        lines.append("No open findings.")
    return lines


_SEVERITY_TITLES = {
    Severity.CRITICAL: "Critical",
    Severity.WARNING: "Warnings",
    Severity.INFO: "For information",
}


def findings_text(analysis: Analysis) -> list[str]:
    """Findings that share a root cause under it, then every other finding by severity."""
    out: list[str] = []
    by_key = {f.key: f for f in analysis.findings}
    shared = analysis.shared_root_causes
    grouped: set[str] = set()
    if shared:
        out += [
            "",
            f"Root causes ({len(shared)}): "
            f"{counted(len(shared), 'vacancy', 'vacancies')} behind several findings each",
        ]
        listed: dict[frozenset[str], str] = {}
        for cause in shared:
            keys = frozenset(cause.finding_keys)
            if keys in listed:  # another vacancy closing exactly these: say so, once
                out.append(f"  {cause.summary}: the same findings as filling {listed[keys]}.")
                continue
            listed[keys] = cause.subject
            out.append(f"  {cause.summary}:")
            for key in cause.finding_keys:
                out += _finding_lines(by_key[key], "    ", severity=True)
            grouped.update(keys)
    rest = [f for f in analysis.findings if f.key not in grouped]
    if shared and rest:
        out += ["", "Other findings"]
    for severity in Severity:
        group = [f for f in rest if f.severity is severity]
        if group:
            out += ["", f"{_SEVERITY_TITLES[severity]} ({len(group)})"]
            for finding in group:
                out += _finding_lines(finding)
    if not analysis.findings:
        out += ["", "No findings: every required function is covered."]
    return out


def unjudged_text(plan: Plan, analysis: Analysis) -> list[str]:
    """The programme areas PRO001 could not judge, one line per committee."""
    if not analysis.unjudged_areas:
        return []
    areas: dict[str, list[str]] = {}
    for cid, area in analysis.unjudged_areas:
        areas.setdefault(cid, []).append(area)
    n = len(analysis.unjudged_areas)
    out = [
        "",
        f"Could not judge ({n}): {counted(n, 'programme area is', 'programme areas are')} "
        "not in the plan's programme table, so PRO001 could not check who delivers "
        f"{'it' if n == 1 else 'them'}. Add {'it' if n == 1 else 'them'} to the table or "
        "correct the spelling.",
    ]
    for cid, names in areas.items():
        out.append(f"  {_committee_name(plan, cid)}: {', '.join(repr(a) for a in names)}")
    return out


def stale_text(plan: Plan, analysis: Analysis) -> list[str]:
    """Accepted findings whose condition no longer arises: kept in the plan, listed here."""
    if not analysis.stale_acceptances:
        return []
    n = len(analysis.stale_acceptances)
    what = counted(n, "accepted finding no longer arises", "accepted findings no longer arise")
    out = [
        "",
        f"Stale acceptances ({n}): {what}; {'it is' if n == 1 else 'they are'} kept in the "
        f"plan until you review or remove {'it' if n == 1 else 'them'}.",
    ]
    for key in analysis.stale_acceptances:
        item = _stale_json(plan, key)
        about = ", ".join(x for x in (item["function"], item["stage"]) if x)
        about = f" ({about})" if about else ""
        why = f": accepted because {item['rationale']}" if item["rationale"] else ""
        out.append(f"  {item['code']} on {item['subject']}{about}{why}")
    return out


def check_text(
    plan: Plan, analysis: Analysis, principles: list[PrincipleResult] | None = None
) -> str:
    """A report an NHS reader can scan: summary, coverage, findings grouped under their root
    causes, then by severity; what could not be judged; stale acceptances; terms; principles."""
    w = words(plan)
    out = [
        f"Plan: {plan.name}",
        *([f"As of: {long_date(analysis.as_of)}"] if analysis.as_of else []),
        *summary_lines(analysis),
        *cost_lines(plan),
        "",
        f"Coverage ({w.committees} with a filled provider / {w.committees} that need the "
        "function):",
        *coverage_table(analysis, w),
    ]
    if any(c.accepted for row in analysis.coverage for c in row.functions.values()):
        out.append(
            "(Accepted gaps are counted apart, neither covered nor open: '1/2 accepted' means "
            "the one committee not covered has its gap accepted.)"
        )
    out += findings_text(analysis)
    out += unjudged_text(plan, analysis)
    out += stale_text(plan, analysis)
    if analysis.as_of is not None:
        out += term_ends_text(plan, analysis.as_of)
    if principles is None:
        principles = assess_principles(plan, analysis)
    out += principles_text(principles)
    return "\n".join(out) + "\n"


_TERM_STATUS = {"ended": "ENDED", "ending": "ending soon", "later": "later"}


def term_ends_text(plan: Plan, as_of: dt.date) -> list[str]:
    """Filled roles whose term has ended or ends in the next 12 months, soonest first."""
    ends = upcoming_term_ends(plan, as_of, horizon_days=365)
    if not ends:
        return []
    out = ["", f"Term ends in the next 12 months ({len(ends)})"]
    for t in ends:
        days = abs(t.days_left)
        count = "1 day" if days == 1 else f"{days} days"
        when = f"{count} ago" if t.days_left < 0 else "today" if days == 0 else f"in {count}"
        out.append(
            f"  {long_date(t.term_end)}  {t.role} ({t.holder}): {_TERM_STATUS[t.status]}, {when}"
        )
    return out


def principles_text(principles: list[PrincipleResult]) -> list[str]:
    """A short section: each CCPL principle's RAG with its evidence and what it cannot show."""
    out = ["", f"CCPL principles: a self-assessment from the plan's data ({SOURCE})"]
    for number, p in enumerate(principles, start=1):
        out.append(f"  {number}. {p.title}: {p.rag.upper()} ({RAG_LABELS[p.rag].lower()})")
        out += [f"       - {line}" for line in p.evidence]
        out.append(f"       Limits: {p.limits}")
    return out

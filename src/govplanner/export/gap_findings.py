"""The gap report's sheets about findings' causes and acceptances, and the organisations.

Root causes (one vacancy behind several findings), every accepted finding with who accepted
it, when, its review date and whether it still arises (stale acceptances are listed, never
dropped), and the bodies in the system with their committees and posts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl.workbook import Workbook

from govplanner.analysis.result import Analysis, Finding, RootCause
from govplanner.domain.enums import Function, SubjectKind
from govplanner.domain.model import AcceptedFinding, Plan
from govplanner.domain.vocabulary import Words
from govplanner.export.gap_sheets import Column, ReportMeta, write_table_sheet
from govplanner.export.report_words import subject_word
from govplanner.export.wording import count, format_date
from govplanner.export.xlsx_style import Styles

STILL_ARISES = "Still arises"
STALE = "No longer arises"


def shared_causes(analysis: Analysis) -> list[RootCause]:
    """Root causes behind two or more findings: the ones worth calling out on the Summary."""
    return [c for c in analysis.root_causes if len(c.finding_keys) >= 2]


def unjudged_note(plan: Plan, analysis: Analysis, w: Words) -> str:
    """The programme areas PRO001 could not judge (not in the plan's table), said aloud."""
    names = {c.id: c.name for c in plan.committees}
    pairs = [(names.get(cid, cid), area) for cid, area in analysis.unjudged_areas]
    if not pairs:
        return ""
    committees = len({name for name, _ in pairs})
    listed = "; ".join(f"{name} ({area})" for name, area in pairs)
    return (
        f"Not judged for professions (PRO001): {count(committees, w.committee, w.committees)} "
        f"{'has' if committees == 1 else 'have'} a programme area the plan's programme table "
        f"does not know: {listed}."
    )


# -- Root causes -------------------------------------------------------------------------------


def cause_by_finding(analysis: Analysis) -> dict[str, str]:
    """Finding key -> the vacancies (or people) whose filling would close it, in words."""
    names: dict[str, list[str]] = {}
    for cause in analysis.root_causes:
        for key in cause.finding_keys:
            names.setdefault(key, []).append(cause.subject)
    return {key: "; ".join(subjects) for key, subjects in names.items()}


def write_root_causes(
    workbook: Workbook, styles: Styles, meta: ReportMeta, analysis: Analysis
) -> int:
    """One row per vacancy (or person) behind open findings, most findings first."""
    w = meta.words
    by_key = {f.key: f for f in analysis.findings}
    columns = (
        Column(f"Vacant {w.role} or person", 30),
        Column("What it would close", 60),
        Column("Findings", 9, "gp integer"),
        Column("Codes", 22),
        Column(w.cap("committees"), 40),
    )
    rows = (_cause_row(cause, by_key) for cause in analysis.root_causes)
    causes = len(analysis.root_causes)
    closed = len({k for c in analysis.root_causes for k in c.finding_keys})
    intro = [
        (meta.title("Root causes"), "gp title"),
        (
            f"{count(causes, 'vacancy or person', 'vacancies or people')} behind "
            f"{count(closed, 'open finding')}: filling one post closes every finding on its "
            "row, so each row is one problem to solve, however many findings it causes.",
            "gp note",
        ),
        ("", ""),
    ]
    if not causes:
        intro.insert(2, ("No open finding would close by filling a vacancy.", "gp note"))
    return write_table_sheet(
        workbook, styles, meta, meta.title("Root causes"), columns, rows,
        table_name="RootCauses", intro=intro,
    )  # fmt: skip


def _cause_row(cause: RootCause, by_key: dict[str, Finding]) -> list[Any]:
    findings = [by_key[k] for k in cause.finding_keys if k in by_key]
    codes = Counter(f.code for f in findings)
    committees: list[str] = []
    for finding in findings:
        if finding.subject_kind is SubjectKind.COMMITTEE and finding.subject not in committees:
            committees.append(finding.subject)
    return [
        cause.subject,
        cause.summary,
        len(cause.finding_keys),
        "; ".join(f"{code} ×{n}" if n > 1 else code for code, n in sorted(codes.items())),
        "; ".join(committees),
    ]


# -- Accepted findings -------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyParts:
    code: str
    subject_kind: SubjectKind | None
    subject_id: str
    function: Function | None
    stage_id: str


def parse_key(key: str) -> KeyParts:
    """A finding key's parts ('GAP001|committee|com_1|analytical|'); unknown parts are None."""
    parts = [*key.split("|"), "", "", "", ""][:5]
    code, kind, subject_id, function, stage_id = parts
    return KeyParts(
        code,
        SubjectKind(kind) if kind in SubjectKind._value2member_map_ else None,
        subject_id,
        Function(function) if function in Function._value2member_map_ else None,
        stage_id,
    )


def _subject_name(plan: Plan, parts: KeyParts) -> str:
    kind, subject_id = parts.subject_kind, parts.subject_id
    found: Any = None
    if kind is SubjectKind.COMMITTEE:
        found = plan.committee(subject_id)
    elif kind is SubjectKind.ROLE:
        found = plan.role(subject_id)
    elif kind is SubjectKind.PERSON:
        found = plan.person(subject_id)
    elif kind is SubjectKind.TIER:
        found = plan.tier(subject_id)
    elif kind is SubjectKind.ORGANISATION:
        found = plan.organisation(subject_id)
    if found is None:
        return "(no longer in the plan)"
    return str(getattr(found, "name", None) or getattr(found, "title", ""))


def acceptance_columns(meta: ReportMeta) -> tuple[Column, ...]:
    return (
        Column("Status", 17, lambda v: "gp rag green" if v == STILL_ARISES else "gp rag amber"),
        Column("Code", 8),
        Column("Subject kind", 11),
        Column("Subject", 26),
        Column("Function", 14),
        Column("Stage", 14),
        Column("Rationale", 40),
        Column("Accepted by", 18),
        Column("Accepted on", 12, "gp date"),
        Column("Review on", 12, "gp date"),
        Column("Review", 16),
    )


def _acceptance_rows(
    plan: Plan, analysis: Analysis, meta: ReportMeta, as_of: dt.date
) -> Iterator[list[Any]]:
    live = {f.key: f for f in analysis.findings}
    stale = set(analysis.stale_acceptances)
    stages = {s.id: s.name for s in plan.stages}
    for accepted in plan.accepted:
        parts = parse_key(accepted.key)
        finding = live.get(accepted.key)
        arises = finding is not None and accepted.key not in stale
        kind = parts.subject_kind
        yield [
            STILL_ARISES if arises else STALE,
            parts.code,
            subject_word(kind, meta.words) if kind else "",
            finding.subject if finding else _subject_name(plan, parts),
            parts.function.label if parts.function else "",
            stages.get(parts.stage_id, ""),
            accepted.rationale,
            accepted.accepted_by,
            accepted.accepted_on,
            accepted.review_on,
            review_text(accepted, as_of),
        ]


def review_text(accepted: AcceptedFinding, as_of: dt.date) -> str:
    if accepted.review_on is None:
        return "No review date"
    days = (accepted.review_on - as_of).days
    if days < 0:
        return f"Overdue by {count(-days, 'day')}"
    return "Due today" if days == 0 else f"Due in {count(days, 'day')}"


def write_acceptances(
    workbook: Workbook,
    styles: Styles,
    meta: ReportMeta,
    plan: Plan,
    analysis: Analysis,
    as_of: dt.date,
) -> int:
    """Every accepted finding: who accepted it, when, its review date, and whether it arises."""
    stale_keys = set(analysis.stale_acceptances)
    live = {f.key for f in analysis.findings}
    stale = sum(1 for a in plan.accepted if a.key in stale_keys or a.key not in live)
    total = len(plan.accepted)
    lines = [f"No finding had been accepted by {format_date(as_of)}."]
    if total:
        lines = [
            f"{count(total, 'accepted finding')} as of {format_date(as_of)}. Accepted findings "
            "stay in the report, marked as accepted, and do not count as open.",
            "Every acceptance still matches a finding."
            if not stale
            else f"{count(stale, 'acceptance')} no longer {'matches' if stale == 1 else 'match'}"
            " any finding (stale): the condition accepted has gone, so the acceptance can be "
            "withdrawn or kept for the record.",
        ]
    intro = [
        (meta.title("Accepted findings"), "gp title"),
        *[(line, "gp note") for line in lines],
        ("", ""),
    ]
    rows = _acceptance_rows(plan, analysis, meta, as_of)
    return write_table_sheet(
        workbook, styles, meta, meta.title("Accepted findings"), acceptance_columns(meta),
        rows, table_name="AcceptedFindings", intro=intro,
    )  # fmt: skip


# -- Organisations -----------------------------------------------------------------------------


def write_organisations(workbook: Workbook, styles: Styles, meta: ReportMeta, plan: Plan) -> int:
    """The bodies in the system, with their committees (joint ones marked) and posts."""
    w = meta.words
    committees = _by_organisation(plan, [(c.name, c.organisation_ids) for c in plan.committees],
                                  " (joint)")  # fmt: skip
    posts = _by_organisation(plan, [(r.title, r.organisation_ids) for r in plan.roles],
                             " (joint post)")  # fmt: skip
    columns = (
        Column("Organisation", 30),
        Column("Type", 26),
        Column(w.cap("committees"), 46),
        Column(f"{w.cap('roles')} it employs, appoints or nominates", 46),
        Column("Population", 12, "gp integer"),
    )
    rows = (
        [
            o.name,
            o.type.label,
            "; ".join(committees[o.id]),
            "; ".join(posts[o.id]),
            o.population,
        ]
        for o in plan.organisations
    )
    intro = [
        ("Organisations", "gp title"),
        (
            f"{count(len(plan.organisations), 'organisation')} in the plan. A {w.committee} of "
            f"several organisations is a joint {w.committee}, deciding for each of them.",
            "gp note",
        ),
        ("", ""),
    ]
    return write_table_sheet(workbook, styles, meta, "Organisations", columns, rows, intro=intro)


def _by_organisation(
    plan: Plan, items: list[tuple[str, list[str]]], joint: str
) -> dict[str, list[str]]:
    """Organisation id -> the names of the items that belong to it ('(joint)' when shared)."""
    found: dict[str, list[str]] = {o.id: [] for o in plan.organisations}
    for name, org_ids in items:
        for org_id in org_ids:
            if org_id in found:
                found[org_id].append(name + (joint if len(org_ids) > 1 else ""))
    return found

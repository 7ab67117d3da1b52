"""The gap report's Committees sheet: kinds, bodies, groups, lines, quorum and cover."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from openpyxl.workbook import Workbook

from govplanner.analysis.result import Analysis
from govplanner.domain.enums import FUNCTIONS, Function, Level, Requirement
from govplanner.domain.model import Committee, Plan, Role
from govplanner.domain.vocabulary import DEFAULT_WORDS, Words
from govplanner.export.gap_sheets import Column, ReportMeta, Ticker, write_table_sheet
from govplanner.export.report_words import level_header
from govplanner.export.wording import count
from govplanner.export.xlsx_style import Styles

# -- Committees --------------------------------------------------------------------------------


def committee_columns(w: Words = DEFAULT_WORDS) -> tuple[Column, ...]:
    return (
        Column(w.cap("committee"), 26),
        Column("Kind", 14),
        Column("Organisations", 20),
        Column("In common group", 18),
        Column(w.cap("tier"), 12),
        Column(level_header(w), 10),
        Column("Accountable to", 22),
        Column("Advises", 18),
        Column("Current stage", 14),
        Column("Programme area", 14),
        Column("Chair", 16),
        Column("Quorum", 14),
        Column(f"Clinical and care {w.roles}", 10, "gp integer"),
        Column("Filled", 7, "gp integer"),
        Column("Vacant", 7, "gp integer"),
        Column("Functions covered", 22),
        Column("Needed but not covered", 22),
        Column("Gaps accepted", 18),
        Column("Open findings", 8, "gp integer"),
        Column("Purpose", 30),
    )


def write_committees(
    workbook: Workbook,
    styles: Styles,
    meta: ReportMeta,
    plan: Plan,
    analysis: Analysis,
    ticker: Ticker | None = None,
) -> int:
    rows = _committee_rows(plan, analysis)
    title, columns = meta.title("Committees"), committee_columns(meta.words)
    return write_table_sheet(
        workbook, styles, meta, title, columns, rows, ticker, table_name="Committees"
    )


def grouped_committees(plan: Plan) -> list[Committee]:
    """The plan's committees in order, each committees-in-common group's members together
    (at the place of its first member)."""
    members: dict[str, list[Committee]] = defaultdict(list)
    for committee in plan.committees:
        if committee.group_id:
            members[committee.group_id].append(committee)
    ordered: list[Committee] = []
    placed: set[str] = set()
    for committee in plan.committees:
        if not committee.group_id:
            ordered.append(committee)
        elif committee.group_id not in placed:
            placed.add(committee.group_id)
            ordered.extend(members[committee.group_id])
    return ordered


def _accepted_gaps(analysis: Analysis) -> dict[str, list[Function]]:
    accepted: dict[str, list[Function]] = defaultdict(list)
    for finding in analysis.findings:
        if finding.accepted and finding.code in ("GAP001", "GAP002") and finding.function:
            accepted[finding.subject_id].append(finding.function)
    return accepted


def _providers(plan: Plan) -> dict[str, list[Role]]:
    """Committee id -> the clinical roles seated on it as member or participant."""
    seats: dict[str, list[Role]] = defaultdict(list)
    for role in plan.roles:
        if role.clinical:
            for seat in role.seats:
                if seat.membership.provides:
                    seats[seat.committee_id].append(role)
    return seats


def _committee_rows(plan: Plan, analysis: Analysis) -> Iterator[list[Any]]:
    tiers = {t.id: t for t in plan.tiers}
    names = {c.id: c.name for c in plan.committees}
    stages = {s.id: s.name for s in plan.stages}
    titles = {r.id: r.title for r in plan.roles}
    organisations = {o.id: o.name for o in plan.organisations}
    groups = {g.id: g.name for g in plan.groups}
    seats = _providers(plan)
    open_findings = Counter(f.subject_id for f in analysis.open_findings)
    accepted = _accepted_gaps(analysis)
    for committee in grouped_committees(plan):
        tier = tiers.get(committee.tier_id)
        clinical = seats.get(committee.id, [])
        filled = sum(1 for r in clinical if r.holder_id is not None)
        level = tier.level if tier else None
        covered, missing = _function_cover(plan, committee, level, clinical)
        taken = accepted.get(committee.id, [])
        stage_id = plan.current_stage_id(committee)
        yield [
            committee.name,
            committee.kind.label,
            "; ".join(organisations[o] for o in committee.organisation_ids if o in organisations),
            groups.get(committee.group_id or "", ""),
            tier.name if tier else "",
            tier.level.label if tier else "",
            "; ".join(names[t] for t in committee.accountable_to_ids if t in names),
            "; ".join(names[t] for t in committee.advises_ids if t in names),
            stages.get(stage_id or "", ""),
            committee.programme_area,
            titles.get(committee.chair_role_id or "", ""),
            quorum_text(committee),
            len(clinical),
            filled,
            len(clinical) - filled,
            "; ".join(f.label for f in covered),
            "; ".join(f.label for f in missing if f not in taken),
            "; ".join(f.label for f in FUNCTIONS if f in taken),
            open_findings.get(committee.id, 0),
            committee.purpose,
        ]


def quorum_text(committee: Committee) -> str:
    """'4 members, 1 clinical', 'Must include a clinician', or the note as written."""
    parts = []
    if committee.quorum:
        parts.append(count(committee.quorum, "member"))
    if committee.quorum_clinical:
        parts.append("including a clinical or care professional")
    text = ", ".join(parts)
    if committee.quorum_note:
        text = f"{text} ({committee.quorum_note})" if text else committee.quorum_note
    return text


def _function_cover(
    plan: Plan, committee: Committee, level: Level | None, clinical: list[Role]
) -> tuple[list[Function], list[Function]]:
    """Functions with a filled provider, and needed ones (by the committee's kind, at its
    current stage) without one."""
    provided = {f for r in clinical if r.holder_id is not None for f in r.functions}
    covered = [f for f in FUNCTIONS if f in provided]
    if level is None:
        return covered, []
    stage_id = plan.current_stage_id(committee)
    missing = [
        f
        for f in FUNCTIONS
        if f not in provided
        and plan.committee_requirement(committee, level, stage_id, f) is not Requirement.OPTIONAL
    ]
    return covered, missing

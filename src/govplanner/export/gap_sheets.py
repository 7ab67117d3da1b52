"""The gap report's table sheets: Findings, Committees, Roles and People, as Excel tables."""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from govplanner.analysis.result import Analysis, Finding
from govplanner.domain.model import AcceptedFinding, Person, Plan, Role
from govplanner.domain.vocabulary import DEFAULT_WORDS, Words
from govplanner.export.report_words import sheet_titles, subject_word
from govplanner.export.wording import count
from govplanner.export.xlsx_style import (
    BodyWriter,
    Styles,
    new_sheet,
    prepare_sheet,
    print_setup,
)

#: Roles listed by name in one People cell before the rest are counted.
MAX_LISTED = 12


@dataclass(frozen=True)
class ReportMeta:
    plan_name: str
    as_of: str
    #: The plan's words for committee, tier and role, used in titles and headers.
    words: Words = DEFAULT_WORDS

    def title(self, sheet: str) -> str:
        """The title of the sheet whose default title is ``sheet``, in the plan's words."""
        return sheet_titles(self.words)[sheet]


class CancelledError(Exception):
    """The user cancelled the export (raised between rows, caught by the exporter)."""


class Ticker:
    """Counts rows written, reports ``progress(done, total)`` now and then, honours cancel."""

    def __init__(
        self,
        total: int,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        every: int = 500,
    ) -> None:
        self.total, self.progress, self.cancel, self.every = max(1, total), progress, cancel, every
        self.done = 0
        self._next = 0

    def tick(self, rows: int = 1) -> None:
        self.done += rows
        if self.done >= self._next:
            self._next = self.done + self.every
            self.report()

    def report(self) -> None:
        if self.cancel is not None and self.cancel():
            raise CancelledError
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    style: str | Callable[[Any], str] = "gp text"


def write_table_sheet(
    workbook: Workbook,
    styles: Styles,
    meta: ReportMeta,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    ticker: Ticker | None = None,
    *,
    table_name: str | None = None,
    intro: Sequence[tuple[str, str]] = (),
) -> int:
    """A sheet holding one Excel table (header row, filters, stripes); returns the row count.

    ``intro`` lines, each (text, named style), go above the header row, one a row (an empty
    text gives an empty row). The table is named ``table_name``, else the title unspaced.
    """
    ws = new_sheet(workbook, title)
    widths = [c.width for c in columns]
    header = len(intro) + 1
    prepare_sheet(ws, widths, freeze=f"B{header + 1}")
    out = BodyWriter(ws, widths, styles, [c.style for c in columns])
    for text, look in intro:
        out.append([styles.cell(ws, text, look)] if text else [])
    out.append(styles.row(ws, [c.header for c in columns], ["gp header"] * len(columns)))
    count = 0
    for values in rows:
        out.add(values)
        count += 1
        if ticker is not None:
            ticker.tick()
    if count:
        _add_table(ws, table_name or title.replace(" ", ""), columns, header, count)
    rows_ = f"{header}:{header}"
    print_setup(ws, plan_name=meta.plan_name, as_of=meta.as_of, title_rows=rows_, widths=widths)
    return count


def _add_table(ws: Any, name: str, columns: Sequence[Column], header: int, count: int) -> None:
    ref = f"A{header}:{get_column_letter(len(columns))}{header + count}"
    table = Table(displayName=name, ref=ref)
    table.tableColumns = [TableColumn(id=i, name=c.header) for i, c in enumerate(columns, 1)]
    table.autoFilter = AutoFilter(ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    with warnings.catch_warnings():
        # openpyxl always warns in write-only mode; the columns are set above.
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns")
        ws.add_table(table)


def _yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"


# -- Findings ----------------------------------------------------------------------------------


def finding_columns(w: Words = DEFAULT_WORDS) -> tuple[Column, ...]:
    return (
        Column("Severity", 10, lambda v: f"gp severity {v.lower()}"),
        Column("Code", 8),
        Column(w.cap("tier"), 12),
        Column("Subject kind", 10),
        Column("Subject", 22),
        Column("Function", 14),
        Column("Stage", 14),
        Column("Message", 42),
        Column("Remedy", 38),
        Column("Root cause", 22),
        Column("Accepted", 9),
        Column("Rationale", 24),
        Column("Accepted by", 14),
        Column("Accepted on", 12, "gp date"),
        Column("Review on", 12, "gp date"),
    )


def finding_row(
    finding: Finding,
    w: Words = DEFAULT_WORDS,
    acceptance: AcceptedFinding | None = None,
    cause: str = "",
) -> list[Any]:
    """A finding's row; an accepted one says who accepted it, when, and when to review it."""
    accepted = acceptance if finding.accepted else None
    return [
        finding.severity.label,
        finding.code,
        finding.tier or "",
        subject_word(finding.subject_kind, w),
        finding.subject,
        finding.function.label if finding.function else "",
        finding.stage or "",
        finding.message,
        finding.remedy,
        cause,
        _yes_no(finding.accepted),
        finding.rationale,
        accepted.accepted_by if accepted else "",
        accepted.accepted_on if accepted else None,
        accepted.review_on if accepted else None,
    ]


def write_findings(
    workbook: Workbook,
    styles: Styles,
    meta: ReportMeta,
    analysis: Analysis,
    ticker: Ticker | None = None,
    *,
    plan: Plan | None = None,
    causes: dict[str, str] | None = None,
) -> int:
    w = meta.words
    acceptances = {a.key: a for a in plan.accepted} if plan is not None else {}
    cause_of = causes or {}
    rows = (
        finding_row(f, w, acceptances.get(f.key), cause_of.get(f.key, ""))
        for f in analysis.findings
    )
    columns = finding_columns(w)
    return write_table_sheet(workbook, styles, meta, meta.title("Findings"), columns, rows, ticker)


# -- Roles -------------------------------------------------------------------------------------


def role_columns(w: Words = DEFAULT_WORDS) -> tuple[Column, ...]:
    return (
        Column(w.cap("role"), 30),
        Column("Clinical", 9),
        Column("Profession", 18),
        Column(w.cap("committees"), 34),
        Column("Holder", 22),
        Column("Status", 9),
        Column("Sessions per week", 10, "gp number"),
        Column("Term start", 12, "gp date"),
        Column("Term end", 12, "gp date"),
        Column("Functions", 30),
    )


def write_roles(
    workbook: Workbook, styles: Styles, meta: ReportMeta, plan: Plan, ticker: Ticker | None = None
) -> int:
    committees = {c.id: c.name for c in plan.committees}
    people = {p.id: p.name for p in plan.people}
    rows = (
        [
            r.title,
            _yes_no(r.clinical),
            r.profession,
            "; ".join(committees[c] for c in r.committee_ids if c in committees),
            people.get(r.holder_id, "") if r.holder_id else "",
            "Filled" if r.holder_id else "Vacant",
            r.sessions_per_week,
            r.term_start,
            r.term_end,
            "; ".join(f.label for f in r.functions),
        ]
        for r in plan.roles
    )
    title, columns = meta.title("Roles"), role_columns(meta.words)
    return write_table_sheet(
        workbook, styles, meta, title, columns, rows, ticker, table_name="Roles"
    )


# -- People ------------------------------------------------------------------------------------


def people_columns(w: Words = DEFAULT_WORDS) -> tuple[Column, ...]:
    return (
        Column("Name", 26),
        Column("Profession", 18),
        Column(f"{w.cap('roles')} held", 9, "gp integer"),
        Column(w.cap("roles"), 40),
        Column("Sessions per week held", 11, "gp number"),
        Column("Capacity (sessions)", 11, "gp number"),
        Column("Capacity recorded", 10),
        Column("Load", 28),
        Column("Sources of influence", 30),
    )


def write_people(
    workbook: Workbook, styles: Styles, meta: ReportMeta, plan: Plan, ticker: Ticker | None = None
) -> int:
    held: dict[str, list[Role]] = defaultdict(list)
    for role in plan.roles:
        if role.holder_id is not None:
            held[role.holder_id].append(role)
    rows = (_person_row(plan, p, held.get(p.id, [])) for p in plan.people)
    columns = people_columns(meta.words)
    return write_table_sheet(workbook, styles, meta, "People", columns, rows, ticker)


def _person_row(plan: Plan, person: Person, roles: list[Role]) -> list[Any]:
    load = sum(r.sessions_per_week for r in roles)
    capacity = plan.capacity_of(person)
    titles = [r.title for r in roles[:MAX_LISTED]]
    if len(roles) > MAX_LISTED:
        titles.append(f"and {len(roles) - MAX_LISTED} more")
    if person.sources is None:
        sources = "Not recorded"
    else:
        sources = "; ".join(s.label for s in person.sources) or "None"
    return [
        person.name,
        person.profession,
        len(roles),
        "; ".join(titles),
        load,
        capacity,
        _yes_no(person.capacity is not None),
        load_text(load, capacity, recorded=person.capacity is not None),
        sources,
    ]


def load_text(load: float, capacity: float, *, recorded: bool = True) -> str:
    """'Over capacity by 1 session', 'Within capacity (2.5 sessions spare)'.

    Without a recorded capacity the plan's default is an assumption, so going over it is
    said as something to confirm (LOD002), not as an overload.
    """
    if load > capacity:
        over = count(load - capacity, "session")
        if not recorded:
            return f"{over} above the default capacity: to confirm"
        return f"Over capacity by {over}"
    if load == capacity and load > 0:
        return "At capacity" if recorded else "At the default capacity"
    return f"Within capacity ({count(capacity - load, 'session')} spare)"

"""Every count in a role description or the gap report reads right for 0, 1 and 2 (issue 13).

Role descriptions are rendered in every template with 0, 1 and 2 committees, functions,
sessions, quorum members, fellow members and days left in a term; the gap report is written
with 0, 1 and 2 of everything it counts in a sentence (accepted and stale findings, root
causes, organisations, roles without a term end, days of warning, sessions spare). Every
sentence is then checked for a count that disagrees with its noun or verb.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html as html_module
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govplanner.analysis import analyse
from govplanner.analysis.result import RootCause
from govplanner.domain.enums import Function, Membership, SubjectKind
from govplanner.domain.model import AcceptedFinding, Organisation, Plan, Seat
from govplanner.export.gap_report import export_gap_report
from govplanner.export.roles import render_role
from govplanner.export.wording import count, format_sessions
from tests.builders import PlanBuilder, role_id

AS_OF = dt.date(2026, 3, 31)
NOUNS = (
    "session", "member", "day", "gap", "finding", "acceptance", "vacancy", "root cause",
    "organisation", "role", "post", "committee", "point of failure", "year", "warning",
    "open finding", "accepted finding", "accepted gap",
)  # fmt: skip
_PLURAL = {"vacancy": "vacancies", "point of failure": "points of failure"}
_SINGULAR_VERBS = ("has", "is", "matches", "was")
_PLURAL_VERBS = ("have", "are", "match", "were")


def _plural(noun: str) -> str:
    return _PLURAL.get(noun, noun + "s")


def wrong_counts(text: str) -> list[str]:
    """Every place where a number and its noun (or verb) disagree."""
    bad = []
    for noun in NOUNS:
        many = _plural(noun)
        bad += re.findall(rf"(?<![\d.,])\b1 {many}\b", text)
        bad += re.findall(rf"(?<![\d.])\b(?:0|[2-9]|\d{{2,}}|\d+\.\d+) {noun}\b(?! of)", text)
        bad += re.findall(rf"(?<![\d.,])\b1 {noun} (?:{'|'.join(_PLURAL_VERBS)})\b", text)
        bad += re.findall(
            rf"(?<![\d.])\b(?:0|[2-9]|\d{{2,}}) {many} (?:{'|'.join(_SINGULAR_VERBS)})\b", text
        )
    return bad


def test_the_checker_catches_what_it_should() -> None:
    assert wrong_counts("1 sessions spare; 2 gap; 1 acceptance match; 0 roles has") == [
        "1 sessions", "2 gap", "1 acceptance match", "0 roles has",
    ]  # fmt: skip
    assert wrong_counts("1 session spare; 2 gaps; 1.5 sessions; 1 point of failure") == []


@pytest.mark.parametrize("n", [0, 1, 2])
def test_count_and_sessions_read_right(n: int) -> None:
    assert wrong_counts(count(n, "session")) == []
    assert wrong_counts(count(n, "vacancy", "vacancies")) == []
    assert wrong_counts(format_sessions(n)) == []
    assert count(n, "day") == ("1 day" if n == 1 else f"{n} days")


def _plan(n: int) -> Plan:
    """A plan with n of everything a role description counts."""
    builder = PlanBuilder(name=f"Plan {n}").committee("Board", tier="executive")
    for i in range(n):
        builder = builder.committee(f"Group {i}", tier="programme", reports_to="Board")
    on = [f"Group {i}" for i in range(n)]
    functions = ["analytical", "relational"][:n]
    builder = builder.role("Lead", on=on, functions=functions, holder="Dr A", sessions=n,
                           profession="nursing")  # fmt: skip
    for i in range(n):
        builder = builder.role(f"Member {i}", on=on[:1], holder=f"Person {i}", clinical=False)
    plan = builder.build()
    lead = plan.role(role_id("Lead"))
    assert lead is not None
    lead.term_start, lead.term_end = AS_OF - dt.timedelta(days=400), AS_OF + dt.timedelta(days=n)
    for committee in plan.committees:
        committee.quorum = n or None
    plan.organisations = [Organisation(id=f"org_{i}", name=f"Body {i}") for i in range(n)]
    lead.organisation_ids = [o.id for o in plan.organisations]
    return plan


def _text(raw: bytes) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", raw.decode("utf-8"))).split())


@pytest.mark.parametrize("n", [0, 1, 2])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_every_role_description_template_reads_right(n: int, fmt: str) -> None:
    plan = _plan(n)
    analysis = analyse(plan, as_of=AS_OF)
    for role in plan.roles:
        text = _text(render_role(plan, role, analysis, fmt=fmt, today=AS_OF))
        assert wrong_counts(text) == [], (role.title, n, fmt)
    lead = _text(render_role(plan, plan.roles[0], analysis, fmt=fmt, today=AS_OF))
    if n:
        assert count(n, "session") in lead
        assert f"quorum of {count(n, 'member')}" in lead
        assert f"ends in {count(n, 'day')}" in lead


def _report_plan(n: int) -> Plan:
    """A plan with n of everything the gap report counts in a sentence."""
    builder = (
        PlanBuilder(name=f"Report {n}")
        .committee("Board", tier="executive")
        .committee("Programme Board", tier="programme", reports_to="Board")
        .person("Dr Busy", capacity=4)
    )
    for i in range(n):
        builder = builder.role(f"Vacant Lead {i}", on=["Programme Board"],
                               functions=["analytical"])  # fmt: skip
    builder = builder.role("Director", on=["Board"], functions=["analytical"], holder="Dr Busy",
                           sessions=4 - n)  # fmt: skip
    for i in range(n):
        builder = builder.role(f"Untermed {i}", on=["Board"], holder=f"Person {i}")
    plan = builder.build()
    plan.term_warning_days = n
    plan.organisations = [Organisation(id=f"org_{i}", name=f"Body {i}") for i in range(n)]
    return plan


@pytest.mark.parametrize("n", [0, 1, 2])
def test_every_gap_report_count_sentence_reads_right(n: int, tmp_path: Path) -> None:
    plan = _report_plan(n)
    base = analyse(plan, as_of=AS_OF)
    plan.accepted = [
        AcceptedFinding(key=f.key, rationale="Accepted", review_on=AS_OF + dt.timedelta(days=n))
        for f in base.findings[:n]
    ]
    stale = tuple(f"GAP001|committee|com_gone_{i}|analytical|" for i in range(n))
    plan.accepted += [AcceptedFinding(key=k, rationale="Old") for k in stale]
    analysis = analyse(plan, as_of=AS_OF)
    causes = tuple(
        RootCause(SubjectKind.ROLE, f"rol_{i}", f"Vacant Lead {i}",
                  tuple(f.key for f in analysis.findings[: n + 1]),
                  f"Filling Vacant Lead {i} would close {count(n + 1, 'gap')}")
        for i in range(n)
    )  # fmt: skip
    analysis = dataclasses.replace(analysis, root_causes=causes, stale_acceptances=stale)
    path = export_gap_report(plan, analysis, tmp_path / "r.xlsx", as_of=AS_OF)
    assert path is not None
    wb = load_workbook(path)
    texts: list[str] = []
    for ws in wb.worksheets:
        texts += [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    bad = [(t, wrong_counts(t)) for t in texts if wrong_counts(t)]
    assert bad == [], n
    joined = " | ".join(texts)
    assert f"Ending within {count(n, 'day')} (TRM001)" in joined
    spare = f"Within capacity ({count(n, 'session')} spare)" if n else "At capacity"
    assert spare in joined
    assert f"{count(n, 'organisation')} in the plan" in joined
    if n:
        stale_line = f"{count(n, 'acceptance')} no longer {'matches' if n == 1 else 'match'}"
        assert stale_line in joined


def test_a_seat_word_is_never_pluralised_wrongly() -> None:
    plan = _plan(2)
    lead = plan.role(role_id("Lead"))
    assert lead is not None
    lead.seats = [Seat(committee_id=s.committee_id, membership=Membership.PARTICIPANT)
                  for s in lead.seats]  # fmt: skip
    lead.functions = [Function.ANALYTICAL]
    text = _text(render_role(plan, lead, analyse(plan, as_of=AS_OF), today=AS_OF))
    assert wrong_counts(text) == []
    assert "Participant (non-voting)" in text

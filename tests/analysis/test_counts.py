"""Every count-bearing sentence reads right for 0, 1 and 2: analysis messages, root-cause
summaries, the principles' evidence and the ``check`` text (issue 13, Words)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from govplanner.analysis.engine import analyse
from govplanner.analysis.principles import assess_principles
from govplanner.analysis.result import Analysis
from govplanner.cli.report import check_text, summary_lines
from govplanner.domain.model import AcceptedFinding, Plan
from tests.analysis.support import committee, seat_as
from tests.builders import PlanBuilder

AS_OF = dt.date(2026, 6, 1)
ALL = ["analytical", "representation", "translation", "relational"]

#: nouns whose count appears in a sentence, singular -> plural
NOUNS = {
    "committee": "committees",
    "role": "roles",
    "member": "members",
    "session": "sessions",
    "warning": "warnings",
    "gap": "gaps",
    "finding": "findings",
    "root cause": "root causes",
    "vacancy": "vacancies",
    "day": "days",
    "person": "people",
    "professional group": "professional groups",
    "development need": "development needs",
    "programme area": "programme areas",
    "single point of failure": "single points of failure",
    "quorum shortfall": "quorum shortfalls",
    "accepted finding": "accepted findings",
    "open finding": "open findings",
    "clinical role": "clinical roles",
    "member role": "member roles",
    "filled role": "filled roles",
    "clinical leadership role": "clinical leadership roles",
}
#: every form, longest first, so '2 member roles' is read as 'member roles', not 'member'
_FORMS = sorted(
    [(one, False) for one in NOUNS] + [(many, True) for many in NOUNS.values()],
    key=lambda form: -len(form[0]),
)
_COUNT = re.compile(r"\b(\d+) ")
_SHARE = re.compile(r"\b(1 of \d+|\d+ of 1) [a-z ]+? (have|are)\b")


def wrong_counts(text: str) -> list[str]:
    """Phrases where a count and its noun or verb disagree ('1 warnings', '0 of 1 role have')."""
    bad = []
    for match in _COUNT.finditer(text):
        count, rest = int(match.group(1)), text[match.end() :]
        for form, plural in _FORMS:
            if rest.startswith(form) and not rest[len(form) : len(form) + 1].isalnum():
                if (count == 1) == plural:
                    bad.append(f"{count} {form}")
                break
    return bad + [m.group(0) for m in _SHARE.finditer(text)]


def plan_with(n: int) -> Plan:
    """n of everything a sentence counts: vacant providers, filled members short of a quorum,
    sessions over a recorded capacity, days to a term end, unknown areas, stale acceptances."""
    builder = (
        PlanBuilder()
        .committee("Board", tier="system")
        .person("Dr S", capacity=0.5, sources=[])
        .person("Dr T", sources=["formal_authority"])
    )
    for i in range(n):
        builder.committee(f"Place {i + 1}", tier="place", reports_to="Board", programme=f"Area {i}")
        builder.role(f"Vacant Lead {i + 1}", on=["Board"], functions=ALL)
        builder.role(f"Officer {i + 1}", on=["Board"], clinical=False, holder=f"Ms {i}")
        builder.role(f"Sessional {i + 1}", on=[f"Place {i + 1}"], holder="Dr S", sessions=1,
                     functions=ALL, profession="nursing" if i else "GP")  # fmt: skip
    builder.role("Termed Lead", on=["Board"], functions=["relational"], holder="Dr T")
    plan = seat_as(builder.build(), "Termed Lead", "Board", "participant")  # not a member
    committee(plan, "Board").quorum = n + 1
    termed = next(r for r in plan.roles if r.title == "Termed Lead")
    termed.term_end = AS_OF + dt.timedelta(days=n)
    plan.term_warning_days = max(n, 1)
    plan.accepted = [
        AcceptedFinding(key=f"CLN001|committee|com_gone_{i}||", rationale="Old") for i in range(n)
    ]
    return plan


def texts(plan: Plan, result: Analysis) -> list[str]:
    out = [f.message for f in result.findings] + [f.remedy for f in result.findings]
    out += [c.summary for c in result.root_causes]
    for p in assess_principles(plan, result):
        out += p.evidence
    out.append(check_text(plan, result))
    return out


@pytest.mark.parametrize("n", [0, 1, 2])
def test_every_count_agrees_with_its_noun_and_verb(n: int) -> None:
    plan = plan_with(n)
    result = analyse(plan, as_of=AS_OF)
    for text in texts(plan, result):
        assert wrong_counts(text) == [], text


def test_the_checker_catches_what_it_should() -> None:
    assert wrong_counts("1 warnings, 0 of 1 committee have, 2 member, 1 of 3 roles are") == [
        "1 warnings",
        "2 member",
        "0 of 1 committee have",
        "1 of 3 roles are",
    ]
    assert wrong_counts("2 single points of failure, 1 single point of failure, 0 gaps") == []


@pytest.mark.parametrize(
    ("n", "have"),
    [
        (0, "no filled role sits on it as a member, so"),
        (1, "only 1 filled role sits on it as a member (1 member role is vacant: Vacant Lead 1)"),
        (2, "only 2 filled roles sit on it as members (2 member roles are vacant: Vacant Lead 1 "
            "and Vacant Lead 2)"),
    ],
)  # fmt: skip
def test_qrm001_counts(n: int, have: str) -> None:
    [finding] = [f for f in analyse(plan_with(n), as_of=AS_OF).findings if f.code == "QRM001"]
    members = "1 member" if n == 0 else f"{n + 1} members"
    assert finding.message.startswith(f"Board needs {members} for a quorum, but {have}")


@pytest.mark.parametrize(
    ("n", "line"),
    [
        (0, "No open findings."),
        (1, "1 open finding from 1 root cause."),
        (2, "2 open findings from 2 root causes."),
    ],
)
def test_check_counts_findings_and_root_causes(n: int, line: str) -> None:
    plan = PlanBuilder().committee("Board", tier="system").build()
    result = analyse(plan)
    findings = tuple(f for f in result.findings if f.code == "CLN001") * n
    if n == 2:  # a second, different finding
        findings = (findings[0], *[f for f in result.findings if f.code == "GAP001"][:1])
    summary = {"critical": n, "warning": 0, "info": 0, "accepted": 0}
    trimmed = Analysis(findings=findings, coverage=(), coverage_by_stage=(), summary=summary)
    lines = summary_lines(trimmed)
    assert lines[1] == line
    assert lines[0] == f"Open findings: {n} critical, 0 warnings, 0 for information; 0 accepted."


def test_check_says_one_warning_in_the_singular() -> None:
    trimmed = Analysis((), (), (), summary={"critical": 0, "warning": 1, "info": 2, "accepted": 1})
    assert summary_lines(trimmed)[0] == (
        "Open findings: 0 critical, 1 warning, 2 for information; 1 accepted."
    )


@pytest.mark.parametrize(
    ("n", "words"),
    [(1, "1 session a week (Sessional 1)"), (2, "2 sessions a week (Sessional 1 and Sessional 2)")],
)
def test_lod001_sessions(n: int, words: str) -> None:
    [finding] = [f for f in analyse(plan_with(n), as_of=AS_OF).findings if f.code == "LOD001"]
    assert f"adding up to {words}, more than their capacity of 0.5." in finding.message


@pytest.mark.parametrize(("n", "when"), [(0, "(today)"), (1, "(in 1 day)"), (2, "(in 2 days)")])
def test_trm001_days(n: int, when: str) -> None:
    [finding] = [f for f in analyse(plan_with(n), as_of=AS_OF).findings if f.code == "TRM001"]
    assert finding.message.endswith(f" {when}.")

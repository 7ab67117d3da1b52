"""TRM001 (term ends soon), TRM002 (term ended, role still filled) and the term-end timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from govplanner.analysis.context import build_context
from govplanner.analysis.engine import analyse
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import long_date
from govplanner.analysis.rules.terms import upcoming_term_ends
from govplanner.domain.enums import Severity, SubjectKind
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import Vocabulary
from tests.builders import PlanBuilder, role_id

AS_OF = dt.date(2026, 1, 1)


def plan_with_term(end: dt.date | None, *, holder: str | None = "Dr Ann Lee") -> Plan:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Quality Committee", tier="system", reports_to="ICB Board")
        .role(
            "Medical Director",
            on=["ICB Board", "Quality Committee"],
            functions=["analytical"],
            holder=holder,
        )
        .build()
    )
    plan.roles[0].term_end = end
    return plan


def found(plan: Plan, code: str, as_of: dt.date = AS_OF) -> list[Finding]:
    return [f for f in analyse(plan, as_of=as_of).findings if f.code == code]


def days(n: int) -> dt.date:
    return AS_OF + dt.timedelta(days=n)


# -- TRM001 ------------------------------------------------------------------------------------


def test_trm001_fires_for_a_filled_role_whose_term_ends_within_the_window() -> None:
    [finding] = found(plan_with_term(dt.date(2026, 3, 31)), "TRM001")
    assert finding.severity is Severity.WARNING
    assert finding.subject_kind is SubjectKind.ROLE
    assert (finding.subject_id, finding.subject) == (
        role_id("Medical Director"),
        "Medical Director",
    )
    assert finding.tier == "System"
    assert finding.message == (
        "The term of Medical Director, held by Dr Ann Lee, ends on 31 March 2026 (in 89 days)."
    )
    assert "reappoint Dr Ann Lee" in finding.remedy
    assert "start recruitment for Medical Director" in finding.remedy
    assert "record the new term end" in finding.remedy


@pytest.mark.parametrize(("offset", "fires"), [(0, True), (1, True), (90, True), (91, False)])
def test_trm001_window_runs_from_the_date_to_exactly_the_window_after(
    offset: int, fires: bool
) -> None:
    assert bool(found(plan_with_term(days(offset)), "TRM001")) is fires


def test_trm001_says_today_on_the_last_day() -> None:
    [finding] = found(plan_with_term(AS_OF), "TRM001")
    assert "(today)" in finding.message
    assert found(plan_with_term(AS_OF), "TRM002") == []


def test_trm001_window_is_the_plan_setting() -> None:
    plan = plan_with_term(days(30))
    plan.term_warning_days = 29
    assert found(plan, "TRM001") == []
    plan.term_warning_days = 30
    assert len(found(plan, "TRM001")) == 1


@pytest.mark.parametrize("code", ["TRM001", "TRM002"])
def test_term_rules_are_silent_for_a_vacant_role(code: str) -> None:
    for end in (days(-10), days(10)):
        assert found(plan_with_term(end, holder=None), code) == []


@pytest.mark.parametrize("code", ["TRM001", "TRM002"])
def test_term_rules_are_silent_without_a_term_end(code: str) -> None:
    assert found(plan_with_term(None), code) == []


def terms_plan() -> Plan:
    """Five roles on one committee: held with terms ending at several dates, and one vacant."""
    builder = PlanBuilder().committee("ICB Board", tier="system")
    for title in ("Ended", "Last day", "Day after", "No end"):
        builder.role(title, on=["ICB Board"], holder=f"Holder of {title}")
    plan = builder.role("Vacant", on=["ICB Board"]).build()
    ends = {"Ended": days(-5), "Last day": days(90), "Day after": days(91), "Vacant": days(10)}
    for role in plan.roles:
        role.term_end = ends.get(role.title)
    return plan


def test_the_context_lists_only_the_filled_terms_the_rules_can_judge() -> None:
    # TRM001 and TRM002 read this list: a term ending after the window raises neither
    terms = build_context(terms_plan(), AS_OF).roles.terms
    assert [r.title for r in terms] == ["Ended", "Last day"]
    assert build_context(terms_plan(), AS_OF).roles.due_by == days(90)


def test_the_context_lists_every_filled_term_when_the_window_passes_the_calendar_end() -> None:
    late = dt.date.max - dt.timedelta(days=10)
    terms = build_context(terms_plan(), late).roles.terms
    assert [r.title for r in terms] == ["Ended", "Last day", "Day after"]


# -- TRM002 ------------------------------------------------------------------------------------


def test_trm002_fires_when_the_term_ended_and_the_role_is_still_filled() -> None:
    [finding] = found(plan_with_term(days(-1)), "TRM002")
    assert finding.severity is Severity.CRITICAL
    assert finding.subject_kind is SubjectKind.ROLE
    assert finding.message == (
        "The term of Medical Director ended on 31 December 2025, 1 day ago, but the role is "
        "still shown as held by Dr Ann Lee."
    )
    assert "record the new term" in finding.remedy
    assert "mark Medical Director vacant" in finding.remedy
    assert found(plan_with_term(days(-1)), "TRM001") == []


def test_the_date_decides_which_rule_fires() -> None:
    plan = plan_with_term(dt.date(2026, 6, 30))
    assert found(plan, "TRM001", dt.date(2026, 6, 1))
    assert found(plan, "TRM002", dt.date(2026, 7, 1))
    assert found(plan, "TRM001", dt.date(2026, 1, 1)) == []


def test_term_findings_use_the_plan_vocabulary() -> None:
    plan = plan_with_term(days(-5))
    plan.vocabulary = Vocabulary(role="post", roles="posts")
    [finding] = found(plan, "TRM002")
    assert "the post is still shown as held" in finding.message


def test_analysis_defaults_to_today() -> None:
    plan = plan_with_term(dt.date.today() - dt.timedelta(days=1))
    assert [f.code for f in analyse(plan).findings if f.code.startswith("TRM")] == ["TRM002"]


def test_a_context_for_another_date_is_refused() -> None:
    plan = plan_with_term(days(1))
    with pytest.raises(ValueError, match="different date"):
        analyse(plan, build_context(plan, AS_OF), as_of=days(1))
    assert analyse(plan, build_context(plan, AS_OF), as_of=AS_OF) == analyse(plan, as_of=AS_OF)


def test_long_date_is_uk_style() -> None:
    assert long_date(dt.date(2026, 3, 1)) == "1 March 2026"


# -- timeline ----------------------------------------------------------------------------------


def timeline_plan() -> Plan:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .role("Ended Lead", on=["ICB Board"], holder="Dr A")
        .role("Soon Lead", on=["ICB Board"], holder="Dr B")
        .role("Later Lead", on=["ICB Board"], holder="Dr C")
        .role("Far Lead", on=["ICB Board"], holder="Dr D")
        .role("Vacant Lead", on=["ICB Board"])
        .role("Open-ended Lead", on=["ICB Board"], holder="Dr E")
        .build()
    )
    ends = [days(-400), days(90), days(91), days(366), days(5), None]
    for role, end in zip(plan.roles, ends, strict=True):
        role.term_end = end
    return plan


def test_timeline_lists_filled_roles_soonest_first_with_their_status() -> None:
    timeline = upcoming_term_ends(timeline_plan(), AS_OF)
    assert [(t.role, t.holder, t.days_left, t.status) for t in timeline] == [
        ("Ended Lead", "Dr A", -400, "ended"),
        ("Soon Lead", "Dr B", 90, "ending"),
        ("Later Lead", "Dr C", 91, "later"),
    ]
    assert timeline[0].committees == ("ICB Board",)
    assert timeline[0].term_end == days(-400)


def test_timeline_horizon_is_inclusive() -> None:
    timeline = upcoming_term_ends(timeline_plan(), AS_OF, horizon_days=366)
    assert [t.role for t in timeline][-1] == "Far Lead"


def test_timeline_status_matches_the_findings() -> None:
    plan = timeline_plan()
    statuses = {t.role_id: t.status for t in upcoming_term_ends(plan, AS_OF)}
    findings = analyse(plan, as_of=AS_OF).findings
    codes = {f.subject_id: f.code for f in findings if f.code.startswith("TRM")}
    assert len(codes) == 2
    for rid, status in statuses.items():
        assert codes.get(rid) == {"ended": "TRM002", "ending": "TRM001"}.get(status)

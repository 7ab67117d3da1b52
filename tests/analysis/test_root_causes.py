"""Root causes: the findings one vacancy would close, grouped under it; stale acceptances."""

from __future__ import annotations

from govplanner.analysis.engine import analyse
from govplanner.analysis.result import finding_key
from govplanner.analysis.root_causes import summary
from govplanner.domain.enums import Function, SubjectKind
from govplanner.domain.model import Plan
from tests.analysis.support import committee, deputise
from tests.builders import PlanBuilder, committee_id, role_id, tier_id

ALL = ["analytical", "representation", "translation", "relational"]
ICA = "Integrated Care Area Lead"


def issue_13() -> PlanBuilder:
    """Issue 13's case: one vacant area lead behind four gaps and three single points of
    failure (Dr G alone provides three functions on the place tier)."""
    return (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("North Place Board", tier="place", reports_to="ICB Board")
        .committee("South Place Board", tier="place", reports_to="ICB Board")
        .role("Medical Director", on=["ICB Board"], functions=ALL, holder="Dr A")
        .role(ICA, on=["North Place Board"], functions=ALL)
        .role(
            "GP Lead",
            on=["South Place Board"],
            functions=["analytical", "representation", "translation"],
            holder="Dr G",
        )
        .role("Relational Lead", on=["South Place Board"], functions=["relational"], holder="R")
    )


def test_one_vacancy_reads_as_one_root_cause() -> None:
    result = analyse(issue_13().build())
    [cause] = result.root_causes
    assert (cause.subject_kind, cause.subject_id, cause.subject) == (
        SubjectKind.ROLE,
        role_id(ICA),
        ICA,
    )
    assert cause.summary == (
        "Filling Integrated Care Area Lead would close 4 gaps and 3 single points of failure"
    )
    assert sorted(k.split("|")[0] for k in cause.finding_keys) == ["GAP002"] * 4 + ["GAP003"] * 3
    assert result.shared_root_causes == (cause,)
    assert len(result.open_findings) == 7
    assert result.problem_count == 1
    assert all(result.closed_by[k] == (role_id(ICA),) for k in cause.finding_keys)


def test_gap002_is_closed_by_each_of_its_vacant_providers() -> None:
    plan = issue_13().role("Second Lead", on=["North Place Board"], functions=["analytical"])
    result = analyse(plan.build())
    key = finding_key(
        "GAP002",
        SubjectKind.COMMITTEE,
        committee_id("North Place Board"),
        Function.ANALYTICAL,
        "stg_strategy_setting",
    )
    assert result.closed_by[key] == (role_id(ICA), role_id("Second Lead"))
    assert [c.subject for c in result.root_causes] == [ICA, "Second Lead"]
    assert (
        result.root_causes[1].summary
        == "Filling Second Lead would close 1 gap and 1 single point of failure"
    )


def test_a_gap_with_no_provider_has_no_root_cause() -> None:
    # The nearest edge: GAP001 (nobody provides it) is not closed by filling anything.
    plan = PlanBuilder().committee("Board", tier="place").build()
    result = analyse(plan)
    assert result.root_causes == ()
    assert result.closed_by == {}
    assert result.problem_count == len(result.open_findings)


def test_gap003_is_closed_only_by_a_vacancy_on_an_essential_committee() -> None:
    plan = issue_13().build()
    north = committee(plan, "North Place Board")
    north.kind = "advisory"  # nothing essential there any more: its vacancy closes nothing
    result = analyse(plan)
    assert not any(k.startswith("GAP003") for k in result.closed_by)


def quorum_plan(quorum: int) -> Plan:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .role("Chair", on=["Board"], clinical=False, holder="Ms C")
        .role("Medical Member", on=["Board"], functions=ALL)
        .role("Nurse Member", on=["Board"], functions=ALL)
        .build()
    )
    board = committee(plan, "Board")
    board.quorum, board.quorum_clinical = quorum, True
    return plan


def test_qrm001_is_closed_by_a_vacancy_only_when_one_appointment_meets_the_quorum() -> None:
    near = analyse(quorum_plan(2))
    key = finding_key("QRM001", SubjectKind.COMMITTEE, committee_id("Board"))
    assert near.closed_by[key] == (role_id("Medical Member"), role_id("Nurse Member"))
    far = analyse(quorum_plan(3))  # two appointments needed: no single vacancy closes it
    assert key not in far.closed_by


def test_qrm002_is_closed_by_each_vacant_clinical_member() -> None:
    result = analyse(quorum_plan(1))
    key = finding_key("QRM002", SubjectKind.COMMITTEE, committee_id("Board"))
    assert result.closed_by[key] == (role_id("Medical Member"), role_id("Nurse Member"))
    top = result.root_causes[0]
    assert top.summary == "Filling Medical Member would close 4 gaps and 1 quorum shortfall"


def test_dep001_is_closed_by_the_deputised_vacancy() -> None:
    plan = issue_13().role("Deputy Lead", functions=["relational"], holder="Dr D").build()
    deputise(plan, "Deputy Lead", ICA, on="North Place Board")
    result = analyse(plan)
    key = finding_key(
        "DEP001",
        SubjectKind.COMMITTEE,
        committee_id("North Place Board"),
        Function.RELATIONAL,
        "stg_strategy_setting",
    )
    assert result.closed_by[key] == (role_id(ICA),)
    assert result.root_causes[0].summary == (
        "Filling Integrated Care Area Lead would close 3 gaps, 3 single points of failure and "
        "1 function held only by a deputy"
    )


def test_accepted_findings_are_not_grouped_but_keep_closed_by() -> None:
    key = finding_key("GAP003", SubjectKind.TIER, tier_id("Place"), Function.ANALYTICAL)
    result = analyse(issue_13().accept(key).build())
    [cause] = result.root_causes
    assert key not in cause.finding_keys
    assert len(cause.finding_keys) == 6
    assert result.closed_by[key] == (role_id(ICA),)


def test_a_vacancy_behind_one_finding_is_a_root_cause_but_not_shared() -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="place")
        .role(
            "Lead",
            on=["Board"],
            functions=["analytical", "representation", "translation"],
            holder="A",
        )
        .role("Connector", on=["Board"], functions=["relational"])
        .build()
    )
    result = analyse(plan)
    [cause] = result.root_causes
    assert cause.summary == "Filling Connector would close 1 gap"
    assert result.shared_root_causes == ()
    assert result.problem_count == len(result.open_findings)


def test_repeated_titles_are_told_apart_by_their_committees() -> None:
    plan = (
        PlanBuilder()
        .committee("North Board", tier="place")
        .committee("South Board", tier="place")
        .role("PCN Clinical Director", on=["North Board"], functions=ALL)
        .role("PCN Clinical Director", on=["South Board"], functions=ALL)
        .build()
    )
    summaries = sorted(c.summary for c in analyse(plan).root_causes)
    assert summaries == [
        "Filling PCN Clinical Director (North Board) would close 4 gaps",
        "Filling PCN Clinical Director (South Board) would close 4 gaps",
    ]


def test_summary_words_for_one_and_many() -> None:
    assert summary("X", ["GAP002"]) == "Filling X would close 1 gap"
    assert summary("X", ["GAP002", "GAP002"]) == "Filling X would close 2 gaps"
    assert summary("X", ["QRM001", "QRM002", "GAP003"]) == (
        "Filling X would close 1 single point of failure and 2 quorum shortfalls"
    )
    assert summary("X", ["DEP001", "DEP001"]) == (
        "Filling X would close 2 functions held only by a deputy"
    )


# -- stale acceptances -------------------------------------------------------------------------


def test_an_acceptance_matching_no_finding_is_kept_and_reported_stale() -> None:
    live = finding_key("GAP003", SubjectKind.TIER, tier_id("Place"), Function.ANALYTICAL)
    gone = finding_key("CLN001", SubjectKind.COMMITTEE, committee_id("Old Board"))
    plan = issue_13().accept(live).accept(gone).build()
    result = analyse(plan)
    assert result.stale_acceptances == (gone,)
    assert [a.key for a in plan.accepted] == [live, gone]  # kept, not dropped
    assert result.summary["accepted"] == 1


def test_an_acceptance_goes_stale_when_its_finding_changes_code() -> None:
    # The nearest edge: the same committee and function, but the gap is now GAP002.
    stage = "stg_strategy_setting"
    north = committee_id("North Place Board")
    old = finding_key("GAP001", SubjectKind.COMMITTEE, north, Function.ANALYTICAL, stage)
    result = analyse(issue_13().accept(old).build())
    assert result.stale_acceptances == (old,)
    current = finding_key("GAP002", SubjectKind.COMMITTEE, north, Function.ANALYTICAL, stage)
    assert analyse(issue_13().accept(current).build()).stale_acceptances == ()

"""DOMAIN.md v2 seats: who provides (members and participants), DEP001 for a deputised vacancy,
and the quorum rules QRM001 and QRM002."""

from __future__ import annotations

import pytest

from govplanner.analysis.context import build_context
from govplanner.analysis.rules.gaps import dep001, gap002
from govplanner.analysis.rules.quorum import qrm001, qrm002
from govplanner.domain.enums import Function, Severity, SubjectKind
from govplanner.domain.model import Plan
from tests.analysis.support import committee, deputise, found, role, seat_as, subjects
from tests.builders import PlanBuilder, committee_id, stage_id

BOARD = "Place Board"
ALL = ["analytical", "representation", "translation", "relational"]


def place(**lead: object) -> PlanBuilder:
    """A place board (thematic, Strategy setting) whose one clinical lead provides everything."""
    return (
        PlanBuilder()
        .committee(BOARD, tier="place")
        .role("Clinical Lead", on=[BOARD], functions=ALL, **lead)  # type: ignore[arg-type]
    )


# -- providers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("membership", "provides"),
    [("member", True), ("participant", True), ("attendee", False), ("deputy", False)],
)
def test_only_members_and_participants_provide(membership: str, provides: bool) -> None:
    plan = seat_as(place(holder="Dr A").build(), "Clinical Lead", BOARD, membership)
    gaps = {f for s, f in subjects(plan, "GAP001") if s == BOARD}
    assert gaps == (set() if provides else set(ALL))


@pytest.mark.parametrize("membership", ["member", "participant", "attendee", "deputy"])
def test_any_seat_counts_as_sitting_on_the_committee_for_cln001(membership: str) -> None:
    plan = seat_as(place().build(), "Clinical Lead", BOARD, membership)
    assert found(plan, "CLN001") == []


def test_an_attendee_is_no_vacant_provider_either() -> None:
    # The nearest edge to GAP002: the vacant lead only attends, so nobody provides (GAP001).
    plan = seat_as(place().build(), "Clinical Lead", BOARD, "attendee")
    assert found(plan, "GAP002") == []
    assert len(found(plan, "GAP001")) == 4


def test_pro001_counts_an_attendee_from_the_areas_professions() -> None:
    plan = (
        PlanBuilder()
        .committee(BOARD, tier="place", programme="Maternity")
        .role("Midwife", on=[BOARD], profession="midwifery", functions=ALL)
        .build()
    )
    seat_as(plan, "Midwife", BOARD, "attendee")
    assert found(plan, "PRO001") == []


# -- DEP001 ------------------------------------------------------------------------------------


def deputised(**deputy: object) -> Plan:
    """The lead is vacant; a filled deputy for it sits on the board as deputy (by default)."""
    builder = place().role(
        "Deputy Lead",
        functions=deputy.pop("functions", ["representation"]),  # type: ignore[arg-type]
        holder=deputy.pop("holder", "Dr D"),  # type: ignore[arg-type]
    )
    return deputise(builder.build(), "Deputy Lead", "Clinical Lead", on=BOARD)


def test_dep001_fires_instead_of_gap002_for_the_deputised_function() -> None:
    plan = deputised()
    [finding] = found(plan, "DEP001")
    assert finding.severity is Severity.INFO
    assert finding.subject_kind is SubjectKind.COMMITTEE
    assert finding.subject_id == committee_id(BOARD)
    assert (finding.function, finding.stage_id) == (
        Function.REPRESENTATION,
        stage_id("Strategy setting"),
    )
    assert finding.message == (
        "On Place Board, representation is held only by a deputy: Clinical Lead is vacant, and "
        "Deputy Lead deputises for it."
    )
    assert "Appoint someone to Clinical Lead" in finding.remedy
    assert {f.function for f in found(plan, "GAP002")} == {
        Function.ANALYTICAL,
        Function.TRANSLATION,
        Function.RELATIONAL,
    }


def test_dep001_is_silent_when_the_deputy_is_vacant() -> None:
    plan = deputised(holder=None)
    assert found(plan, "DEP001") == []
    assert len(found(plan, "GAP002")) == 4


def test_dep001_is_silent_when_the_deputy_does_not_declare_the_function() -> None:
    plan = deputised(functions=["analytical"])
    assert [f.function for f in found(plan, "DEP001")] == [Function.ANALYTICAL]
    assert Function.REPRESENTATION in {f.function for f in found(plan, "GAP002")}


def test_dep001_is_silent_when_the_deputy_sits_there_as_a_member() -> None:
    # A filled clinical member who declares the function covers it: no gap at all.
    plan = seat_as(deputised(), "Deputy Lead", BOARD, "member")
    assert found(plan, "DEP001") == []
    assert Function.REPRESENTATION not in {f.function for f in found(plan, "GAP002")}


def test_dep001_is_silent_when_the_deputy_stands_in_for_another_role() -> None:
    plan = place().role("Other Lead", on=["Elsewhere"]).committee("Elsewhere", tier="place")
    plan = plan.role("Deputy Lead", functions=["representation"], holder="Dr D").build()
    deputise(plan, "Deputy Lead", "Other Lead", on=BOARD)
    assert found(plan, "DEP001") == []
    assert len([f for f in found(plan, "GAP002") if f.subject == BOARD]) == 4


def test_dep001_is_silent_when_the_deputy_has_no_seat_on_the_committee() -> None:
    plan = place().role("Deputy Lead", functions=["representation"], holder="Dr D").build()
    role(plan, "Deputy Lead").deputy_for_id = role(plan, "Clinical Lead").id
    assert found(plan, "DEP001") == []


def test_dep001_and_gap002_rules_run_on_their_own() -> None:
    ctx = build_context(deputised())
    assert {f.code for f in dep001(ctx)} == {"DEP001"}
    assert {f.code for f in gap002(ctx)} == {"GAP002"}


# -- QRM001 ------------------------------------------------------------------------------------


def quorate(quorum: int, filled: int, vacant: int = 0) -> Plan:
    builder = PlanBuilder().committee(BOARD, tier="place")
    for i in range(filled):
        builder.role(f"Member {i + 1}", on=[BOARD], functions=ALL, holder=f"Dr {i + 1}")
    for i in range(vacant):
        builder.role(f"Vacant {i + 1}", on=[BOARD], functions=ALL)
    plan = builder.build()
    committee(plan, BOARD).quorum = quorum
    return plan


def test_qrm001_fires_when_fewer_filled_members_than_the_quorum() -> None:
    [finding] = found(quorate(3, 2, vacant=1), "QRM001")
    assert finding.severity is Severity.WARNING
    assert (finding.subject_kind, finding.subject_id) == (
        SubjectKind.COMMITTEE,
        committee_id(BOARD),
    )
    assert finding.message == (
        "Place Board needs 3 members for a quorum, but only 2 filled roles sit on it as "
        "members (1 member role is vacant: Vacant 1), so it cannot be quorate."
    )
    assert finding.remedy.startswith("Fill Vacant 1, or seat more members on Place Board")


def test_qrm001_is_silent_at_exactly_the_quorum() -> None:
    assert found(quorate(2, 2, vacant=3), "QRM001") == []


def test_qrm001_is_silent_without_a_quorum() -> None:
    plan = quorate(1, 0)
    committee(plan, BOARD).quorum = None
    assert found(plan, "QRM001") == []


def test_qrm001_counts_members_only() -> None:
    plan = seat_as(quorate(2, 2), "Member 2", BOARD, "participant")
    [finding] = found(plan, "QRM001")
    assert "but only 1 filled role sits on it as a member, so" in finding.message


def test_qrm001_counts_a_role_with_two_seats_there_once() -> None:
    plan = quorate(2, 1)
    member = role(plan, "Member 1")
    member.seats = [*member.seats, *member.seats]
    assert len(found(plan, "QRM001")) == 1


def test_qrm001_rule_runs_on_its_own() -> None:
    assert {f.code for f in qrm001(build_context(quorate(1, 0)))} == {"QRM001"}


# -- QRM002 ------------------------------------------------------------------------------------


def clinical_quorum(**lead: object) -> Plan:
    plan = place(**lead).role("Chair", on=[BOARD], clinical=False, holder="Ms C").build()
    committee(plan, BOARD).quorum_clinical = True
    return plan


def test_qrm002_fires_when_no_filled_clinical_member_sits_there() -> None:
    [finding] = found(clinical_quorum(), "QRM002")
    assert finding.severity is Severity.CRITICAL
    assert finding.subject_id == committee_id(BOARD)
    assert finding.message == (
        "The quorum of Place Board must include a clinical or care professional member, but no "
        "filled clinical role sits on it as a member (Clinical Lead is vacant), so it cannot be "
        "quorate."
    )
    assert finding.remedy.startswith("Fill Clinical Lead, or make a filled clinical role")


def test_qrm002_is_silent_with_a_filled_clinical_member() -> None:
    assert found(clinical_quorum(holder="Dr A"), "QRM002") == []


def test_qrm002_fires_when_the_filled_clinician_only_takes_part() -> None:
    plan = seat_as(clinical_quorum(holder="Dr A"), "Clinical Lead", BOARD, "participant")
    [finding] = found(plan, "QRM002")
    assert "(" not in finding.message  # no vacant clinical member to name
    assert finding.remedy.startswith("Make a filled clinical role a member of Place Board")


def test_qrm002_is_silent_when_the_quorum_need_not_include_a_clinician() -> None:
    plan = clinical_quorum()
    committee(plan, BOARD).quorum_clinical = False
    assert found(plan, "QRM002") == []


def test_qrm002_rule_runs_on_its_own() -> None:
    assert {f.code for f in qrm002(build_context(clinical_quorum()))} == {"QRM002"}

"""Role descriptions for real structures: accountability, organisations, kinds and seats."""

from __future__ import annotations

import datetime as dt
import html as html_module
import re
from typing import Any

import pytest

from govplanner.analysis import analyse
from govplanner.domain.model import Committee, Plan, Role
from govplanner.export.role_context import role_context
from govplanner.export.roles import render_role
from tests.builders import committee_id, role_id
from tests.export.plans import cluster, partnership

TODAY = dt.date(2026, 3, 31)


@pytest.fixture
def plan() -> Plan:
    return cluster()


def _role(plan: Plan, title: str) -> Role:
    role = plan.role(role_id(title))
    assert role is not None
    return role


def _committee(plan: Plan, name: str) -> Committee:
    committee = plan.committee(committee_id(name))
    assert committee is not None
    return committee


def _context(plan: Plan, title: str) -> dict[str, Any]:
    return role_context(plan, _role(plan, title), analyse(plan, as_of=TODAY), today=TODAY)


def _text(plan: Plan, title: str) -> str:
    """The rendered HTML's words, tags dropped."""
    raw = render_role(plan, _role(plan, title), analyse(plan, as_of=TODAY), today=TODAY)
    body = raw.decode("utf-8").split("<body>", 1)[1]
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_a_post_on_five_committees_answers_to_one_chair_and_lists_its_seats(plan: Plan) -> None:
    ctx = _context(plan, "Chief Medical Officer")
    assert ctx["accountable_to"] == [
        # The ICP answers to both boards the post sits on: not a line of its own.
        "The Cluster Chair, as chair of the North ICB Board and the South ICB Board",
        "As chair of the North Quality Committee and the South Quality Committee (meeting in "
        "common): to the North ICB Board and the South ICB Board",
    ]
    assert ctx["sits_on"] == [
        "Integrated Care Partnership (member)",
        "North ICB Board (member)",
        "North Quality Committee (chair)",
        "South ICB Board (member)",
        "South Quality Committee (chair)",
    ]
    assert not any(line.count("chair of the") > 1 for line in ctx["accountable_to"])


def test_a_member_answers_to_the_chair_of_its_highest_committee_only(plan: Plan) -> None:
    ctx = _context(plan, "Principal Social Worker")
    # Member of a system committee, deputy on a place one: the deputy seat is not a line.
    assert ctx["accountable_to"] == [
        "The Chief Medical Officer, as chair of the North Quality Committee"
    ]


def test_a_sub_committee_of_the_posts_board_is_not_a_second_line(plan: Plan) -> None:
    member = _role(plan, "Audit Committee Member")
    member.committee_ids = [*member.committee_ids, committee_id("North ICB Board")]
    # Same level, but the Audit Committee answers to the board the post also sits on.
    assert _context(plan, "Audit Committee Member")["accountable_to"] == [
        "The Cluster Chair, as chair of the North ICB Board"
    ]


def test_committees_without_a_recorded_chair_are_named_together(plan: Plan) -> None:
    for name in ("North ICB Board", "South ICB Board", "Integrated Care Partnership"):
        _committee(plan, name).chair_role_id = None
    ctx = _context(plan, "Chief Medical Officer")
    assert ctx["accountable_to"][0] == ("The chairs of the North ICB Board and the South ICB Board")
    assert _context(plan, "Healthwatch Chief Officer")["accountable_to"] == [
        "The Chief Medical Officer, as chair of the North Quality Committee"
    ]


def test_a_chair_answers_to_the_committees_its_committee_is_accountable_to(plan: Plan) -> None:
    ctx = _context(plan, "Audit Committee Chair")
    assert ctx["accountable_to"] == [
        "The Cluster Chair, as chair of the North ICB Board",
        "As chair of the North Audit Committee: to the North ICB Board",
    ]
    chair = _context(plan, "Cluster Chair")
    # A board with no accountable line answers to the body it belongs to.
    assert chair["accountable_to"] == [
        "As chair of the North ICB Board: to NHS North ICB",
        "As chair of the South ICB Board: to NHS South ICB",
    ]


def test_every_seat_shows_its_membership(plan: Plan) -> None:
    ctx = _context(plan, "Chief Medical Officer")
    quality = next(
        g for g in ctx["working_relationships"] if g["committee"] == "North Quality Committee"
    )
    seats = {m["title"]: m["seat"] for m in quality["members"]}
    assert seats == {
        "Healthwatch Chief Officer": "Participant (non-voting)",
        "Principal Social Worker": "Member",
    }
    social = _context(plan, "Principal Social Worker")
    assert [c["seat"] for c in social["committees"]] == [
        "Member",
        "Deputy for the Director of Adult Social Services",
    ]
    healthwatch = _context(plan, "Healthwatch Chief Officer")
    assert healthwatch["seat_duties"] == [
        "On the North Quality Committee, take a full part in its discussions, without a vote."
    ]


def test_the_organisation_is_named_and_a_joint_post_says_so(plan: Plan) -> None:
    cmo = _context(plan, "Chief Medical Officer")["role"]
    assert cmo["organisations"] == ["NHS North ICB", "NHS South ICB"]
    assert cmo["organisation_text"] == "NHS North ICB and NHS South ICB (a joint post)"
    assert "Organisation NHS North ICB and NHS South ICB (a joint post)" in _text(
        plan, "Chief Medical Officer"
    )
    social = _context(plan, "Principal Social Worker")
    assert "employed, appointed or nominated by Riverside Council" in " ".join(social["purpose"])


def test_an_audit_committee_is_worded_as_assurance_not_change(plan: Plan) -> None:
    text = _text(plan, "Audit Committee Member")
    assert "The North Audit Committee is an assurance committee that gives the board " in text
    assert "programme of change" not in text
    assert "scrutinise the assurance it receives" in text
    assert "counting towards its quorum of 2 members" in text
    # An assurance committee needs no function: the description claims none is needed there.
    assert "Most needed" not in text


def test_a_joint_committee_and_committees_in_common_are_described(plan: Plan) -> None:
    ctx = _context(plan, "Chief Medical Officer")
    by_name = {c["name"]: c for c in ctx["committees"]}
    icp = by_name["Integrated Care Partnership"]
    assert icp["accountable_to"] == ["North ICB Board", "South ICB Board"]
    assert "A joint committee of NHS North ICB and Riverside Council" in icp["description"]
    north = by_name["North Quality Committee"]
    assert north["group"] == "Quality committees in common"
    assert "Meets in common with the South Quality Committee" in north["description"]
    assert "including a clinical or care professional member" in north["description"]
    assert ctx["reporting_line"][0] == [
        "Integrated Care Partnership",
        "North ICB Board and South ICB Board",
    ]


def test_a_social_workers_post_names_social_work_england(plan: Plan) -> None:
    text = _text(plan, "Principal Social Worker")
    assert "Current registration with Social Work England." in text
    assert "clinical and care professional leadership role" in text
    for wrong in ("GMC", "NMC", "HCPC", "GPhC", "General Medical Council"):
        assert wrong not in text


def test_a_non_clinical_post_says_nothing_contradictory_and_has_real_duties(
    plan: Plan,
) -> None:
    text = _text(plan, "Cluster Chair")
    assert "Any registered" not in text
    assert "Open to any registered" not in text
    assert "Profession Not a professional post" in text
    assert "does not call for registration" in text
    assert "No clinical leadership functions have been set" not in text
    assert "Chair the North ICB Board: set its agenda, lead its decisions" in text


def test_board_documents_carry_no_tool_wording_or_doubled_articles() -> None:
    for plan in (cluster(), partnership()):
        the_forum = Committee(name="The Forum", tier_id=plan.tiers[0].id)
        plan.committees.append(the_forum)
        plan.roles[0].committee_ids = [*plan.roles[0].committee_ids, the_forum.id]
        analysis = analyse(plan, as_of=TODAY)
        for role in plan.roles:
            raw = render_role(plan, role, analysis, today=TODAY).decode("utf-8")
            text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
            for bad in ("the the", "The the", "partnership's decisions", "Required:",
                        "Expected on", "Essential on", "still shown as held"):  # fmt: skip
                assert bad not in text, (role.title, bad)
            for group in role_context(plan, role, analysis)["working_relationships"]:
                assert group["on"].startswith("On the ") or group["on"] == "On The Forum"


def test_attending_or_deputising_is_not_accountability(plan: Plan) -> None:
    from govplanner.domain.enums import Membership
    from govplanner.domain.model import Seat

    social = _role(plan, "Principal Social Worker")
    quality = committee_id("North Quality Committee")
    social.seats = [
        Seat(committee_id=quality, membership=Membership.ATTENDEE),
        *[s for s in social.seats if s.committee_id != quality],
    ]
    ctx = _context(plan, "Principal Social Worker")
    assert ctx["accountable_to"] == [
        "Riverside Council, which employs, appoints or nominates the post"
    ]
    assert ctx["sits_on"][0] == "North Quality Committee (in attendance)"
    healthwatch = _context(plan, "Healthwatch Chief Officer")
    assert healthwatch["sits_on"] == ["North Quality Committee (participant, non-voting)"]

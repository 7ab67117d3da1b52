"""find_in_model looks into every string of a plan, the seats' and lines' too (slotted
dataclasses, not models)."""

from __future__ import annotations

from govplanner.domain.model import Committee, Line, Person, Plan, Role, Seat, Tier
from govplanner.files.text_safety import find_in_model

BIDI = "\u202e"


def _plan() -> Plan:
    tier = Tier(name="System", level="executive")
    board = Committee(name="Board", tier_id=tier.id)
    forum = Committee(name="Forum", tier_id=tier.id, lines=[Line(to_id=board.id)])
    role = Role(title="Clinical lead", seats=[Seat(committee_id=board.id)])
    return Plan(tiers=[tier], committees=[board, forum], roles=[role])


def test_a_clean_plan_has_nothing_to_find() -> None:
    assert find_in_model(_plan()) is None


def test_a_character_in_a_seat_is_found_and_placed() -> None:
    plan = _plan()
    plan.roles[0].seats[0].committee_id += BIDI
    found = find_in_model(plan)
    assert found is not None
    where, char = found
    assert char == BIDI
    assert "role 'Clinical lead', seats, seat committee_id" in where


def test_a_character_in_a_line_is_found_and_placed() -> None:
    plan = _plan()
    plan.committees[1].lines[0].to_id += BIDI
    found = find_in_model(plan)
    assert found is not None
    assert "committee 'Forum', lines, line to_id" in found[0]


def test_a_character_in_a_role_or_a_person_is_found_and_named() -> None:
    plan = _plan()
    plan.roles[0].notes = f"Agreed {BIDI}"
    found = find_in_model(plan)
    assert found is not None
    assert found[0].endswith("role 'Clinical lead', notes")
    plan.roles[0].notes = ""
    plan.people.append(Person(name="Dr Ada Lee", profession=f"GP{BIDI}"))
    found = find_in_model(plan)
    assert found is not None
    assert found[0].endswith("person 'Dr Ada Lee', profession")

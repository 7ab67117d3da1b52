"""Roles and people are slotted pydantic dataclasses (issue 17: 50,000 of them at national
scale): they validate, refuse extra fields and answer the model methods govplanner uses, as
the models do."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from govplanner.domain.enums import Function, Membership
from govplanner.domain.model import Person, Role, Seat


def test_a_role_validates_what_it_is_given_and_what_is_assigned() -> None:
    role = Role(title="  Clinical lead ", functions=["analytical"], term_end="2027-03-31")
    assert role.title == "Clinical lead"  # names are stripped
    assert role.functions == [Function.ANALYTICAL]
    assert role.term_end == dt.date(2027, 3, 31)
    with pytest.raises(ValidationError):
        role.sessions_per_week = -1
    with pytest.raises(ValidationError):
        Role(title="Lead", colour="blue")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Person.model_validate({"name": "Ada", "shoe_size": 5})
    assert not hasattr(role, "__dict__"), "slotted: no dictionary per role"


def test_committee_ids_build_member_seats_given_as_keywords_or_in_a_dict() -> None:
    made = Role(title="Lead", committee_ids=["com_a", "com_b"])  # type: ignore[call-arg]
    read = Role.model_validate({"title": "Lead", "committee_ids": ["com_a", "com_b"]})
    assert made.seats == read.seats == [Seat(committee_id="com_a"), Seat(committee_id="com_b")]
    kept = Role.model_validate(
        {"title": "Lead", "committee_ids": ["com_a"], "seats": [{"committee_id": "com_c"}]}
    )
    assert kept.committee_ids == ["com_c"], "seats given win over the schema-2 list"
    made.committee_ids = ["com_b", "com_c"]  # the property's setter, through validation
    assert made.committee_ids == ["com_b", "com_c"]
    assert made.membership_on("com_b") is Membership.MEMBER


def test_model_copy_dump_and_fields_behave_as_a_models() -> None:
    role = Role(title="Lead", seats=[Seat(committee_id="com_a")], functions=["relational"])
    shallow = role.model_copy(update={"title": "Other"})
    assert shallow.title == "Other"
    assert role.title == "Lead"
    assert shallow.seats is role.seats
    deep = role.model_copy(deep=True)
    assert deep == role
    assert deep.seats is not role.seats
    assert role.model_dump(mode="json")["functions"] == ["relational"]
    assert role.model_dump()["seats"] == [
        {"committee_id": "com_a", "membership": Membership.MEMBER}
    ]
    assert list(Role.model_fields)[:3] == ["id", "title", "seats"]
    assert Person.model_validate(Person(name="Ada").model_dump()).name == "Ada"

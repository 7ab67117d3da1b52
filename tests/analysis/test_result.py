"""make_finding builds exactly the Finding its constructor would."""

from __future__ import annotations

import dataclasses

import pytest

from govplanner.analysis.result import Finding, make_finding
from govplanner.domain.enums import Function, Severity, SubjectKind

ARGS = (
    "GAP001",
    Severity.CRITICAL,
    SubjectKind.COMMITTEE,
    "com_1",
    "ICB Board",
    Function.ANALYTICAL,
    "stg_1",
    "Strategy setting",
    "tier_1",
    "System",
    "The message.",
    "The remedy.",
)


def test_make_finding_equals_the_constructor_field_for_field() -> None:
    fast = make_finding(*ARGS)
    names = [f.name for f in dataclasses.fields(Finding)]
    slow = Finding(**dict(zip(names, ARGS, strict=False)))
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert dataclasses.asdict(fast) == dataclasses.asdict(slow)
    assert list(vars(fast)) == names  # every field set, in declaration order, and no other


def test_a_made_finding_is_frozen_and_can_be_replaced() -> None:
    fast = make_finding(*ARGS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.message = "changed"  # type: ignore[misc]
    accepted = dataclasses.replace(fast, accepted=True, rationale="Agreed.")
    assert accepted.accepted
    assert accepted.rationale == "Agreed."
    assert fast.is_open
    assert accepted.key == fast.key == "GAP001|committee|com_1|analytical|stg_1"

"""make_finding builds exactly the Finding its constructor would."""

from __future__ import annotations

import dataclasses

import pytest

from govplanner.analysis.result import Finding, finding_key, make_finding
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
    # every field set, in declaration order, then the key worked out ahead (as asking the
    # constructor's finding for its key would store it), and nothing else
    assert list(vars(fast)) == [*names, "key"]
    assert "key" not in vars(slow)
    assert fast.key == slow.key == "GAP001|committee|com_1|analytical|stg_1"
    assert vars(fast) == vars(slow)


@pytest.mark.parametrize("function", [None, *Function])
@pytest.mark.parametrize("stage_id", [None, "stg_1"])
def test_a_made_findings_key_is_the_acceptance_key(
    function: Function | None, stage_id: str | None
) -> None:
    fast = make_finding("PRO001", Severity.WARNING, SubjectKind.ROLE, "rol_1", "A", function,
                        stage_id, None, None, None, "M.", "R.")  # fmt: skip
    expected = finding_key("PRO001", SubjectKind.ROLE, "rol_1", function, stage_id)
    assert fast.key == expected
    assert fast.key == "|".join(
        ("PRO001", "role", "rol_1", function.value if function else "", stage_id or "")
    )
    assert type(fast.key) is str


def test_a_made_finding_is_frozen_and_can_be_replaced() -> None:
    fast = make_finding(*ARGS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.message = "changed"  # type: ignore[misc]
    accepted = dataclasses.replace(fast, accepted=True, rationale="Agreed.")
    assert accepted.accepted
    assert accepted.rationale == "Agreed."
    assert fast.is_open
    assert accepted.key == fast.key == "GAP001|committee|com_1|analytical|stg_1"

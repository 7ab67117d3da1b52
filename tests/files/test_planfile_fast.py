"""Opening a plan quickly (issue 17): the one-step path for an up-to-date file gives the same
plan as the step-by-step one, declines what it cannot take, and a key given twice is refused
wherever it is, naming the key and the JSON path of its object."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from govplanner.domain.errors import PlanFileError
from govplanner.domain.model import Plan
from govplanner.files import planfile
from govplanner.files.migrations import CURRENT_SCHEMA_VERSION
from govplanner.files.planfile import load_plan, plan_from_json, plan_to_json
from tests.files.plans import full_plans, small_plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.govplan"))
FIXTURES = sorted((ROOT / "tests" / "files" / "fixtures").glob("*.govplan"))


def _both_ways(doc: Any, source: Path) -> tuple[Plan | None, Plan]:
    """The fast path's plan (None if it declines) and the step-by-step path's."""
    fast = planfile._fast_load(json.loads(json.dumps(doc)))
    return fast, planfile._slow_load(json.loads(json.dumps(doc)), source)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_opens_to_the_same_plan_either_way(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema_version"] == CURRENT_SCHEMA_VERSION, "examples are kept up to date"
    fast, slow = _both_ways(doc, path)
    assert fast is not None
    assert fast == slow
    assert plan_to_json(fast) == plan_to_json(slow)
    assert load_plan(path) == slow


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_an_older_file_is_left_to_the_migrations(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema_version"] < CURRENT_SCHEMA_VERSION
    fast, slow = _both_ways(doc, path)
    assert fast is None  # never validated as if it were current, then again after migrating
    assert load_plan(path) == slow
    # once saved at the current version, it takes the fast path to the same plan
    fast, again = _both_ways(json.loads(plan_to_json(slow)), path)
    assert fast == again == slow


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(full_plans())
def test_random_plans_open_to_the_same_plan_either_way(plan: Plan) -> None:
    fast, slow = _both_ways(json.loads(plan_to_json(plan)), Path("random.govplan"))
    assert fast == slow == plan


@pytest.mark.parametrize(
    "doc",
    [
        [],
        {"format": "govplanner-plan", "schema_version": CURRENT_SCHEMA_VERSION},
        {"format": "other", "schema_version": CURRENT_SCHEMA_VERSION, "plan": {}},
        {"format": "govplanner-plan", "schema_version": float(CURRENT_SCHEMA_VERSION), "plan": {}},
        {"format": "govplanner-plan", "schema_version": CURRENT_SCHEMA_VERSION, "plan": {"x": 1}},
    ],
    ids=["array", "no plan", "not ours", "version as a decimal", "unknown field"],
)
def test_the_fast_path_declines_what_it_cannot_take(doc: Any) -> None:
    assert planfile._fast_load(doc) is None
    with pytest.raises(PlanFileError):
        plan_from_json(json.dumps(doc))


def _repeat_key(text: str, anchor: str, key: str, value: str) -> str:
    """``text`` with ``"key": value`` written again just before the first ``anchor``."""
    at = text.index(anchor)
    assert text.count(f'"{key}"', at) >= 1
    return f'{text[:at]}"{key}": {value}, {text[at:]}'


@pytest.mark.parametrize(
    ("anchor", "key", "value", "where"),
    [
        ('"format"', "format", '"govplanner-plan"', "$"),
        ('"name": "Example partnership"', "name", '"Other"', "$.plan"),
        ('"level": "executive"', "level", '"executive"', "$.plan.tiers[0]"),
        ('"committee_id"', "committee_id", '"x"', "$.plan.roles[0].seats[0]"),
        ('"membership"', "membership", '"member"', "$.plan.roles[0].seats[0]"),
        ('"representation": "', "representation", '"optional"', "$.plan.profile.executive"),
        ('"committee": "committee"', "committee", '"forum"', "$.plan.vocabulary"),
    ],
    ids=["wrapper", "plan", "tier", "seat", "seat, last key", "profile", "vocabulary"],
)
def test_a_key_given_twice_is_refused_at_any_depth(
    anchor: str, key: str, value: str, where: str
) -> None:
    text = _repeat_key(plan_to_json(small_plan()), anchor, key, value)
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(text, "twice.govplan")
    assert f"the key '{key}' appears twice in one object" in caught.value.problem
    assert caught.value.where is not None
    assert caught.value.where.startswith(where)
    assert str(caught.value).startswith("twice.govplan: ")


def test_the_place_named_is_the_object_that_repeats_its_key() -> None:
    text = plan_to_json(small_plan())
    doc = json.loads(text)
    second = doc["plan"]["roles"][1]
    anchor = f'"id": "{second["id"]}"'
    text = _repeat_key(text, anchor, "title", '"Again"')
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(text)
    assert caught.value.where == "$.plan.roles[1]"
    assert "(in the item with title 'Again')" in caught.value.problem  # its first name-like key


def test_of_two_repeated_keys_the_one_named_is_the_one_placed() -> None:
    text = plan_to_json(small_plan())
    text = _repeat_key(text, '"name": "Example partnership"', "name", '"Other"')
    text = _repeat_key(text, '"membership"', "membership", '"member"')
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(text)
    # the parser finishes the seat before the plan around it: both report the seat
    assert "the key 'membership' appears twice" in caught.value.problem
    assert caught.value.where == "$.plan.roles[0].seats[0]"


def test_a_retained_parse_is_the_files_json_and_the_plan_is_the_same(tmp_path: Path) -> None:
    path = tmp_path / "kept.govplan"
    planfile.save_plan(small_plan(), path)
    kept: list[Any] = []
    plan = load_plan(path, kept)
    assert kept == [json.loads(path.read_text(encoding="utf-8"))]
    assert plan == load_plan(path)

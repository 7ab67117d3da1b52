"""The quick parse of a plan file (issue 17) skips the per-object check for repeated keys and
proves afterwards, by counting keys, that none was lost: it never takes a text with a key given
twice, and takes every plan file govplanner writes, whatever its strings hold."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govplanner.domain.errors import PlanFileError
from govplanner.domain.model import Plan
from govplanner.files import plan_text
from govplanner.files.json_keys import keys_all_kept
from govplanner.files.planfile import plan_from_json, plan_to_json
from tests.files.plans import full_plans, small_plan

_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:')

_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spelled(text: str, style: int) -> str:
    """The same JSON written another way: compact, spaced before colons, or tab-indented."""
    value = json.loads(text)
    if style == 0:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if style == 1:
        return json.dumps(value, indent=1, separators=(",", " : "), ensure_ascii=False)
    return json.dumps(value, indent="\t", ensure_ascii=True)


def _key_starts(text: str) -> list[tuple[int, int]]:
    """Where each key is written (start, end of the key with its colon)."""
    return [(m.start(), m.end()) for m in _KEY.finditer(text)]


def _repeat_nth_key(text: str, n: int) -> str:
    """``text`` with its ``n``-th key (and value) written a second time, in the same object.

    The key is repeated with a copy of the whole member ``"key": value`` right before it,
    which is valid JSON whatever the value is."""
    value = json.loads(text)
    members: list[tuple[list[Any], str]] = []  # (path to the object, key)

    def walk(node: Any, path: list[Any]) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                members.append((path, key))
                walk(child, [*path, key])
        elif isinstance(node, list):
            for i, child in enumerate(node):
                walk(child, [*path, i])

    walk(value, [])
    path, key = members[n % len(members)]
    holder = value
    for step in path:
        holder = holder[step]
    pairs = list(holder.items())
    at = next(i for i, (k, _) in enumerate(pairs) if k == key)
    pairs.insert(at, (key, pairs[at][1]))  # written twice, with the same value
    marker = "\x00REPEATED\x00"
    holder.clear()
    holder[marker] = None
    text = json.dumps(value, indent=2, ensure_ascii=False)
    members_text = ", ".join(
        f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in pairs
    )
    return text.replace(f"{json.dumps(marker)}: null", members_text)


def _quick(text: str) -> Any:
    return plan_text.parse_quick(text.encode("utf-8"))


def _entries(value: Any) -> int:
    if isinstance(value, dict):
        return len(value) + sum(map(_entries, value.values()))
    if isinstance(value, list):
        return sum(map(_entries, value))
    return 0


@_settings
@given(full_plans(), st.integers(min_value=0, max_value=2))
def test_every_plan_written_in_any_spacing_takes_the_quick_parse(plan: Plan, style: int) -> None:
    """Unless a string holds what reads like the end of a key (a quote then a colon)."""
    text = plan_to_json(plan)
    for spelled in (text, _spelled(text, style)):
        data = spelled.encode("utf-8")
        keys = _entries(json.loads(spelled))
        looks_like_keys = data.count(b'":') + len(re.findall(rb'"[ \t\r\n]+:', data))
        parsed = _quick(spelled)
        if keys in (data.count(b":"), looks_like_keys):
            assert parsed is not plan_text.UNPARSED, "a plan without a repeated key is proved"
            assert parsed == json.loads(spelled)
        else:
            assert parsed is plan_text.UNPARSED
        assert plan_from_json(spelled) == plan


@_settings
@given(full_plans(), st.integers(min_value=0), st.integers(min_value=0, max_value=2))
def test_a_key_given_twice_anywhere_is_never_taken(plan: Plan, n: int, style: int) -> None:
    text = _repeat_nth_key(_spelled(plan_to_json(plan), style), n)
    assert _quick(text) is plan_text.UNPARSED
    assert plan_text.parse_strict(text.encode("utf-8")) is plan_text.UNPARSED  # as before


@pytest.mark.parametrize(
    ("inside", "proved"),
    [
        ("Purpose: to agree the plan", True),  # colons inside a string
        ("10:30 to 12:00", True),
        ("\\", True),  # a backslash at the end of the string
        ('the "board"', True),  # escaped quotes, no colon after them
        # an escaped quote before a colon reads like the end of a key: the count of keys
        # comes out long, so the quick parse declines and the checking parse takes it;
        ('a: b "quoted": c', False),
        ('": "', False),
        (": at the start", False),  # so does a string's opening quote before a colon
    ],
)
def test_colons_and_quotes_inside_strings_are_no_keys(inside: str, proved: bool) -> None:
    plan = small_plan()
    plan.description = inside
    plan.roles[0].notes = inside
    text = plan_to_json(plan)
    quick = _quick(text)
    if proved:
        assert quick == json.loads(text)
    else:
        assert quick is plan_text.UNPARSED
    assert plan_from_json(text) == plan  # either way, the plan opens
    repeated = text.replace('"description":', '"description": "x", "description":', 1)
    assert _quick(repeated) is plan_text.UNPARSED
    with pytest.raises(PlanFileError, match="appears twice"):
        plan_from_json(repeated)


def test_a_repeated_key_hidden_by_a_colon_in_a_string_is_still_found() -> None:
    # One key lost to a repetition, one colon inside a string: the count of colons alone
    # would match the objects' entries; the count of keys does not.
    plan = small_plan()
    plan.description = "Purpose: the board"
    text = plan_to_json(plan)
    repeated = text.replace('"name":', '"name": "x", "name":', 1)
    assert repeated.count(":") == text.count(":") + 1
    assert _quick(repeated) is plan_text.UNPARSED


def test_a_document_of_another_shape_is_not_proved() -> None:
    assert _quick('{"a": 1}') is plan_text.UNPARSED
    assert _quick("[1, 2]") is plan_text.UNPARSED
    assert _quick('{"plan": [1]}') is plan_text.UNPARSED
    # a seat that is not an object: counted neither short nor long, but not proved
    text = plan_to_json(small_plan())
    doc = json.loads(text)
    doc["plan"]["roles"][0]["seats"] = ["com_x", ["a", "b"]]
    assert _quick(json.dumps(doc)) is plan_text.UNPARSED


def test_a_repeated_key_is_still_refused_with_its_place() -> None:
    text = plan_to_json(small_plan())
    repeated = text.replace('"membership":', '"membership": "member", "membership":', 1)
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(repeated)
    assert "the key 'membership' appears twice" in caught.value.problem
    assert caught.value.where == "$.plan.roles[0].seats[0]"


def test_the_count_is_the_texts_own() -> None:
    text = plan_to_json(small_plan())
    data = text.encode("utf-8")
    doc = json.loads(text)
    assert keys_all_kept(data, doc, Plan)
    # one entry fewer in the parse than keys in the text: not proved
    del doc["plan"]["roles"][0]["seats"][0]["membership"]
    assert not keys_all_kept(data, doc, Plan)
    assert len(_key_starts(text)) == data.count(b":")  # the plan file has no colon in strings

"""The fast JSON parse of a plan file (issue 17) never accepts what Python's parser, the one
that explains errors, would refuse, and where both accept they give the same value."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplanner.domain.errors import PlanFileError
from govplanner.files import plan_text

SOURCE = Path("plan.govplan")

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
_spacing = st.sampled_from(["", " ", "\n", "\t", "\r\n  "])

# Texts that are JSON and texts that nearly are: the edits a hand, a tool or a bad copy makes.
_edits = st.sampled_from(
    [
        ("", ""),
        ("{", '{"k": 1, "k": 2, '),  # a key given twice
        ("{", '{"k": NaN, '),
        ("{", '{"k": Infinity, '),
        ("{", '{"k": 1e999, '),
        ("{", '{"k": "\\ud800", '),  # a lone surrogate escape
        ("{", '{"k": "\\ud83d\\ude00", '),
        ("{", '{"k": "\\u0000", '),
        ("{", '{"k": "a\tb", '),  # a raw control character in a string
        ("{", '{"k": 01, '),
        ("{", '{"k": -0, '),
        ("{", '{"k": 1.0e+2, '),
        ("{", '{"k": [1,], '),
        ("{", "{\"k\": 'x', "),
        ("[", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
        ("}", ",}"),
        ("]", "]]"),
        (":", " : "),
        ('"', '"\\/'),
        ('"', '"\\x'),
    ]
)


def _same(a: Any, b: Any) -> bool:
    """Equal JSON values, NaN equal to NaN, and an int never equal to a float."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _slow(text: bytes) -> Any:
    try:
        return plan_text.parse_explaining(text, SOURCE)
    except PlanFileError:
        return plan_text.UNPARSED


@settings(max_examples=400, deadline=None)
@given(
    _values,
    _spacing,
    _edits,
    st.integers(min_value=0, max_value=3),
    st.booleans(),
    st.booleans(),
)
def test_the_fast_parse_accepts_only_what_the_explaining_parse_accepts_and_agrees(
    value: Any, space: str, edit: tuple[str, str], nth: int, bom: bool, cut: bool
) -> None:
    text = json.dumps(value, ensure_ascii=nth % 2 == 0, indent=None if nth < 2 else 2)
    text = text.replace(": ", ":" + space).replace(", ", "," + space)
    old, new = edit
    if old and old in text:
        at = [i for i, c in enumerate(text) if text.startswith(old, i)][nth % text.count(old)]
        text = text[:at] + new + text[at + len(old) :]
    data = text.encode("utf-8", "surrogatepass")
    if cut and len(data) > 2:
        data = data[: len(data) // 2]
    if bom:
        data = b"\xef\xbb\xbf" + data
    fast = plan_text.parse_strict(data)
    if fast is not plan_text.UNPARSED:
        slow = _slow(data)
        assert slow is not plan_text.UNPARSED, f"the fast parse took what is refused: {data!r}"
        assert _same(fast, slow)


@given(_values)
def test_valid_json_without_repeated_keys_takes_the_fast_parse(value: Any) -> None:
    data = json.dumps(value, indent=2, ensure_ascii=False).encode()
    fast = plan_text.parse_strict(data)
    assert fast is not plan_text.UNPARSED
    assert _same(fast, json.loads(data))


@pytest.mark.parametrize(
    "text",
    [
        b'{"a": 1, "a": 1}',
        b'{"a": {"b": [ {"c": 1, "c": 2} ]}}',
        b'{"a": 1, "\\u0061": 2}',  # the same key, written with an escape
    ],
    ids=["top level", "deep inside", "escaped"],
)
def test_a_key_given_twice_is_left_to_the_explaining_parse(text: bytes) -> None:
    assert plan_text.parse_strict(text) is plan_text.UNPARSED
    with pytest.raises(PlanFileError, match="appears twice in one object"):
        plan_text.parse_explaining(text, SOURCE)


def test_a_plan_file_with_a_byte_order_mark_opens_by_the_fast_parse() -> None:
    text = b'\xef\xbb\xbf{"format": "govplanner-plan"}'
    assert plan_text.parse_strict(text) == {"format": "govplanner-plan"}

"""The wording helpers that every finding's message leans on."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govplanner.analysis.rules.common import function_text, name_list, number, tier_label
from govplanner.domain.enums import Function


@pytest.mark.parametrize(
    ("names", "text"),
    [
        ([], ""),
        (["Board"], "Board"),
        (["b", "A"], "A and b"),
        (["C", "B", "A"], "A, B and C"),
        (["Rep", "Lead", "Rep", "Rep"], "Lead and Rep (×3)"),
        (["E", "D", "C", "B", "A"], "A, B, C and 2 more"),
    ],
)
def test_name_list_sorts_ignoring_case_counts_repeats_and_shortens(
    names: list[str], text: str
) -> None:
    assert name_list(names) == text


def test_name_list_can_keep_the_given_order() -> None:
    assert name_list(["midwifery", "obstetrics", "b"], keep_order=True) == (
        "midwifery, obstetrics and b"
    )


def _counted_names(names: list[str], limit: int, keep_order: bool) -> str:
    """name_list as it was written before lists without repeats skipped the counting."""
    counts = Counter(names)
    unique = list(counts) if keep_order else sorted(sorted(counts), key=str.casefold)
    shown = [n if counts[n] == 1 else f"{n} (×{counts[n]})" for n in unique]
    if len(shown) > limit:
        return f"{', '.join(shown[: limit - 1])} and {len(shown) - limit + 1} more"
    return "".join(shown) if len(shown) <= 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


@given(
    st.lists(st.sampled_from(["a", "A", "b", "B", "Lead", "lead", "Rep", "É"]), max_size=8),
    st.integers(2, 6),
    st.booleans(),
)
def test_name_list_reads_the_same_with_or_without_repeats(
    names: list[str], limit: int, keep_order: bool
) -> None:
    if len(names) != 1:  # one name is returned as it is
        assert name_list(names, limit, keep_order=keep_order) == _counted_names(
            names, limit, keep_order
        )


def test_name_list_orders_names_equal_but_for_case_by_the_names_themselves() -> None:
    assert name_list(["b", "B", "a"]) == "a, B and b"


def test_number_drops_a_needless_decimal() -> None:
    assert (number(4.0), number(4.5), number(0.25)) == ("4", "4.5", "0.25")


def test_function_text_reads_inside_a_sentence() -> None:
    assert [function_text(f) for f in Function] == [
        "analytical insight",
        "representation",
        "translation & communication",
        "relational work",
    ]


def test_tier_label_does_not_say_tier_twice() -> None:
    assert (tier_label("Place"), tier_label("Place Tier")) == ("Place tier", "Place Tier")

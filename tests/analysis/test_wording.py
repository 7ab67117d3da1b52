"""The wording helpers that every finding's message leans on."""

from __future__ import annotations

import pytest

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

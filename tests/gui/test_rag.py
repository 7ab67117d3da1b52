"""Heatmap words: every cell says its state in words, and the legend says what each means."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from govplanner.analysis.result import CoverageCell
from govplanner.domain.vocabulary import DEFAULT_WORDS
from govplanner.gui.coverage_view import EXPLANATION, _legend
from govplanner.gui.rag import MEANING, Rag, cell_text, rag_of


@pytest.mark.parametrize(
    ("required", "covered", "text"),
    [
        (0, 0, "– · Not required"),
        (3, 0, "0/3 · Gap"),
        (3, 1, "1/3 · Partial"),
        (3, 2, "2/3 · Partial"),
        (3, 3, "3/3 · Covered"),
        (1, 1, "1/1 · Covered"),
        (1, 0, "0/1 · Gap"),
    ],
)
def test_cell_text_says_the_state_in_words(required: int, covered: int, text: str) -> None:
    assert cell_text(CoverageCell(required=required, covered=covered)) == text


@pytest.mark.parametrize(
    ("required", "covered", "accepted", "text", "rag"),
    [
        (3, 1, 2, "1/3 · Accepted", Rag.ACCEPTED),  # every gap left is accepted
        (3, 0, 3, "0/3 · Accepted", Rag.ACCEPTED),
        (3, 1, 1, "1/3 · Partial · 1 accepted", Rag.PARTIAL),  # one gap still open
        (3, 0, 1, "0/3 · Gap · 1 accepted", Rag.GAP),
        (2, 2, 0, "2/2 · Covered", Rag.COVERED),
    ],
)
def test_accepted_gaps_are_shown_apart(
    required: int, covered: int, accepted: int, text: str, rag: Rag
) -> None:
    cell = CoverageCell(required=required, covered=covered, accepted=accepted)
    assert cell_text(cell) == text
    assert rag_of(cell) is rag


def test_every_state_has_a_meaning_in_the_legend_and_the_note(qapp: Any) -> None:
    legend = _legend(None)  # type: ignore[arg-type]
    chips = {chip.text(): chip for chip in legend.findChildren(QLabel)}
    assert set(chips) == {rag.value for rag in Rag}
    for rag in Rag:
        meaning = MEANING[rag].format_map(DEFAULT_WORDS.as_dict())
        assert meaning in chips[rag.value].toolTip()
        assert f"<b>{rag.value}</b>: {meaning}" in EXPLANATION.format_map(DEFAULT_WORDS.as_dict())
    assert rag_of(CoverageCell(required=2, covered=0)) is Rag.GAP
    legend.deleteLater()

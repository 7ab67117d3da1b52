"""The Principles tab: five CCPL principles with RAG and words, following edits."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from govplanner.analysis.principles import SOURCE, assess_principles
from govplanner.gui.commands import DocumentCommand, execute
from govplanner.gui.edits import UpdateEdit
from govplanner.gui.main_window import MainWindow
from govplanner.gui.planning.principles_view import PrinciplesView
from tests.gui.planning.test_planning import copy_examples, open_plan

BOARD_LEADERS = ("rol_pa_01_stp-director-gp", "rol_pa_02_medical-director")


@pytest.fixture
def view(window: MainWindow, tmp_path: Path) -> PrinciplesView:
    as_is, _ = copy_examples(tmp_path)
    planning = open_plan(window, as_is)
    assert planning.principles is not None
    window.tabs.setCurrentWidget(planning.principles)
    return planning.principles


def test_shows_five_principles_with_words_beside_the_colour(view: PrinciplesView) -> None:
    cards = [c for c in view.cards if c.isVisible()]
    assert len(cards) == 5
    first = cards[0]
    assert first.title.text() == "1. Leaders in decisions at every level"
    assert first.rag.text() == "Evidenced"
    assert "background: #c8e6c9" in first.rag.styleSheet()
    assert "Executive: 1 of 1 committee" in first.evidence.text()
    assert first.limits.text().startswith("<b>What this cannot show:</b>")
    # The view shows what the analysis judges, principle by principle.
    window: MainWindow = view.window()  # type: ignore[assignment]
    judged = assess_principles(window.document.plan, window.live.analysis)
    assert [c.rag.text() for c in cards] == [r.rag_label for r in judged]
    counts = Counter(r.rag_label.lower() for r in judged)
    assert view.overall.text() == (
        f"<b>5 principles: {counts['evidenced']} evidenced · "
        f"{counts['partly evidenced']} partly evidenced · "
        f"{counts['not evidenced']} not evidenced</b>"
    )
    assert SOURCE in view.source.text()


def test_principles_follow_an_edit_and_its_undo(view: PrinciplesView) -> None:
    window: MainWindow = view.window()  # type: ignore[assignment]
    edits = [UpdateEdit("role", r, {"holder_id": None}) for r in BOARD_LEADERS]
    execute(window.undo_stack, DocumentCommand(window.document, "Vacate the board", edits))
    window.live.refresh()
    first = view.cards[0]
    assert first.rag.text() != "Evidenced"
    assert "Executive: 0 of 1 committee" in first.evidence.text()
    window.undo_stack.undo()
    window.live.refresh()
    assert first.rag.text() == "Evidenced"


def test_a_hidden_tab_catches_up_when_shown(view: PrinciplesView) -> None:
    window: MainWindow = view.window()  # type: ignore[assignment]
    window.tabs.setCurrentWidget(window.coverage)
    edits = [UpdateEdit("role", r, {"holder_id": None}) for r in BOARD_LEADERS]
    execute(window.undo_stack, DocumentCommand(window.document, "Vacate the board", edits))
    window.live.refresh()
    assert view.cards[0].rag.text() == "Evidenced"  # not recomputed while hidden
    window.tabs.setCurrentWidget(view)
    assert view.cards[0].rag.text() != "Evidenced"

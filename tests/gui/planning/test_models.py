"""qtmodeltester over the planning views' item models, filled from the example plans."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from govplanner.analysis.compare import compare_plans
from govplanner.files.planfile import load_plan
from govplanner.gui.planning.compare_model import CompareCoverageModel
from govplanner.gui.planning.terms_model import TermsModel
from tests.gui.planning.test_planning import AS_IS, AS_OF, EXAMPLES, TO_BE


def test_compare_coverage_model(qtmodeltester: Any) -> None:
    before, after = load_plan(EXAMPLES / AS_IS), load_plan(EXAMPLES / TO_BE)
    model = CompareCoverageModel()
    model.set_comparison(compare_plans(before, after, as_of=AS_OF))
    assert (model.rowCount(), model.columnCount()) == (3, 4)
    qtmodeltester.check(model)
    model.set_comparison(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_terms_model(qtmodeltester: Any) -> None:
    model = TermsModel()
    model.load(load_plan(EXAMPLES / AS_IS), AS_OF)
    assert [model.rowCount(model.index(g, 0)) for g in range(3)] == [0, 1, 1]
    qtmodeltester.check(model)


def test_compare_cells_speak_the_plans_words() -> None:
    from govplanner.analysis.compare import compare_plans
    from govplanner.domain.vocabulary import Vocabulary, words

    before, after = load_plan(EXAMPLES / AS_IS), load_plan(EXAMPLES / TO_BE)
    before.vocabulary = after.vocabulary = Vocabulary(committee="forum", committees="forums")
    model = CompareCoverageModel()
    model.set_comparison(compare_plans(before, after, as_of=AS_OF), words(after))
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == (
        "Executive, Analytical insight: before 1 of 1 forums covered; "
        "after 1 of 1 forums covered (no change)."
    )

"""The Terms tab: upcoming term ends grouped ended / ending / later, from a chosen date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govplanner.gui.main_window import MainWindow
from govplanner.gui.planning.terms_model import RoleIdRole, TermsModel
from govplanner.gui.planning.terms_view import TermsView
from govplanner.gui.planning.wiring import Planning
from tests.gui.planning.test_planning import AS_OF, copy_examples, open_plan


@pytest.fixture
def terms(window: MainWindow, tmp_path: Path) -> tuple[Planning, TermsView]:
    """The as-is example open (two roles with term ends), the Terms tab showing."""
    as_is, _ = copy_examples(tmp_path)
    planning = open_plan(window, as_is)
    assert planning.terms is not None
    window.tabs.setCurrentWidget(planning.terms)
    planning.terms.set_as_of(AS_OF)
    return planning, planning.terms


def _roles(model: TermsModel, group: int) -> list[str]:
    parent = model.index(group, 0)
    return [model.index(r, 2, parent).data() for r in range(model.rowCount(parent))]


def test_lists_the_roles_due_in_the_next_twelve_months(
    terms: tuple[Planning, TermsView],
) -> None:
    _, view = terms
    model = view.model
    assert model.index(0, 0).data() == "Ended — still shown as filled (0)"
    assert model.index(1, 0).data() == "Ending within 90 days (the plan's warning window) (1)"
    assert _roles(model, 1) == ["Medical Director"]
    assert _roles(model, 2) == ["STP Director (GP)"]
    ending = model.index(0, 0, model.index(1, 0))
    assert ending.data() == "Ends in 35 days"
    assert model.index(0, 1, model.index(1, 0)).data() == "31 December 2026"
    assert model.index(0, 3, model.index(1, 0)).data() == "Dr Samuel Okafor"
    assert view.chips["ending"].text() == "1 ending soon"
    assert "26 November 2026" in view.note.text()


def test_a_later_date_moves_terms_into_ended_and_ending(
    terms: tuple[Planning, TermsView],
) -> None:
    _, view = terms
    view.set_as_of(dt.date(2027, 1, 15))
    model = view.model
    assert _roles(model, 0) == ["Medical Director"]
    assert model.index(0, 0, model.index(0, 0)).data() == "Ended 15 days ago"
    assert _roles(model, 1) == ["STP Director (GP)"]
    assert _roles(model, 2) == []
    assert view.chips["ended"].text() == "1 ended"


def test_a_shorter_look_ahead_leaves_later_terms_out(terms: tuple[Planning, TermsView]) -> None:
    _, view = terms
    view.horizon.setCurrentIndex(0)  # three months
    view.horizon.activated.emit(0)
    assert view.horizon_months() == 3
    assert [t.role for t in view.model.terms()] == ["Medical Director"]


def test_double_click_opens_the_role(terms: tuple[Planning, TermsView]) -> None:
    planning, view = terms
    model = view.model
    index = model.index(0, 2, model.index(2, 0))
    assert index.data(RoleIdRole) == "rol_pa_01_stp-director-gp"
    view.tree.activated.emit(index)
    assert planning.window.tabs.currentWidget() is planning.window.roles
    assert planning.window.roles.current_id() == "rol_pa_01_stp-director-gp"


def test_a_plan_without_term_dates_says_so(window: MainWindow, tmp_path: Path) -> None:
    from govplanner.files.planfile import save_plan
    from tests.gui.conftest import small_plan_builder

    path = tmp_path / "small.govplan"
    save_plan(small_plan_builder().build(), path)
    planning = open_plan(window, path)
    assert planning.terms is not None
    window.tabs.setCurrentWidget(planning.terms)
    assert planning.terms.empty_hint.isVisible()
    assert "No term end dates recorded" in planning.terms.empty_hint.text()
    assert not planning.terms.tree.isVisible()

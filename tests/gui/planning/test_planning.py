"""The planning hook and the Compare tab: gains and losses between the as-is and proposed plans."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem

from govplanner.domain.enums import Function
from govplanner.export.compare_report import SHEETS
from govplanner.files.planfile import load_plan
from govplanner.gui.commands import execute, fill_role
from govplanner.gui.main_window import MainWindow
from govplanner.gui.planning import install
from govplanner.gui.planning.compare_model import ChangeRole
from govplanner.gui.planning.scenario import _after_saving, save_scenario
from govplanner.gui.planning.wiring import Planning
from govplanner.gui.workers import run_with_progress

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
AS_IS = "partnership-a.govplan"
TO_BE = "partnership-a-proposed.govplan"
#: a fixed date: the Medical Director's term (31 December 2026) ends within 90 days of it
AS_OF = dt.date(2026, 11, 26)


def copy_examples(folder: Path) -> tuple[Path, Path]:
    """The as-is and proposed example plans, copied so that opening them locks no shipped file."""
    as_is, to_be = folder / AS_IS, folder / TO_BE
    shutil.copyfile(EXAMPLES / AS_IS, as_is)
    shutil.copyfile(EXAMPLES / TO_BE, to_be)
    return as_is, to_be


def planning_of(window: MainWindow) -> Planning:
    """The window's planning views (installing them if the window has not yet)."""
    install(window)
    planning: Planning = window.planning  # type: ignore[attr-defined]
    return planning


def open_plan(window: MainWindow, path: Path) -> Planning:
    planning = planning_of(window)
    assert window.files.open_path(str(path))
    window.live.refresh()
    return planning


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return copy_examples(tmp_path)


@pytest.fixture
def comparing(window: MainWindow, files: tuple[Path, Path]) -> Planning:
    """The proposed plan open, compared with the as-is file (before) as of a fixed date."""
    as_is, to_be = files
    planning = open_plan(window, to_be)
    assert planning.compare is not None
    window.tabs.setCurrentWidget(planning.compare)
    planning.compare.set_as_of(AS_OF)
    planning.compare.set_target(as_is)
    return planning


def _cell(planning: Planning, tier: str, function: Function) -> Any:
    model = planning.compare.model  # type: ignore[union-attr]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            change = model.index(row, column).data(ChangeRole)
            if change.tier == tier and change.function == function:
                return model.index(row, column)
    raise AssertionError(f"no cell {tier} × {function}")


def _texts(item: QTreeWidgetItem, column: int = 1) -> list[str]:
    return [item.child(n).text(column) for n in range(item.childCount())]


def test_hook_adds_menus_at_once_and_tabs_when_a_plan_opens(
    window: MainWindow, files: tuple[Path, Path]
) -> None:
    planning = planning_of(window)
    assert planning_of(window) is planning  # installing twice changes nothing
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    assert texts[texts.index("Save &As…") + 1] == "Sa&ve as scenario…"
    assert not planning.actions["scenario"].isEnabled()  # no plan yet
    assert planning.compare is None
    open_plan(window, files[1])
    tabs = [window.tabs.tabText(n).replace("&", "") for n in range(window.tabs.count())]
    assert tabs[-3:] == ["Terms", "Principles", "Compare"]
    assert planning.actions["scenario"].isEnabled()
    assert planning.actions["words"] in window.menu_actions.extra
    view_texts = [a.text() for a in window.view_menu.actions()]
    assert "Show Compare" in view_texts


def test_compare_shows_gains_and_losses_at_a_glance(comparing: Planning) -> None:
    view = comparing.compare
    assert view is not None
    gain = _cell(comparing, "Thematic", Function.TRANSLATION)
    assert gain.data() == "2/3 → 3/3\n▲ Gain"
    loss = _cell(comparing, "Project", Function.RELATIONAL)
    assert loss.data() == "1/1 → 0/1\n▼ Loss"
    assert "before 1 of 1 committees covered; after 0 of 1" in loss.data(3)  # tooltip
    assert gain.data(8) != loss.data(8)  # gain and loss fill differently
    assert view.gained.text() == "▲ 3 gained"
    assert view.lost.text() == "▼ 2 lost"
    assert view.opened.text() == "3 opened"
    assert view.closed.text() == "7 closed"
    assert view.counts[("committee", "removed")].text() == "1"
    assert view.counts[("person", "added")].text() == "3"
    assert "partnership-a.govplan" in view.heading.text()


def test_compare_lists_structure_and_findings(comparing: Planning) -> None:
    view = comparing.compare
    assert view is not None
    committees, roles, people = (view.structure.topLevelItem(n) for n in range(3))
    assert committees.text(0) == "Committees — 0 added · 1 removed · 0 changed"
    assert _texts(committees) == ["Same Day Access Project"]
    assert committees.child(0).text(0) == "− Removed"
    midwife = next(roles.child(n) for n in range(roles.childCount())
                   if roles.child(n).text(1) == "Midwifery Lead")  # fmt: skip
    assert midwife.text(3) == "Holder: Joanne Whitley → vacant"
    assert "Joanne Whitley" in _texts(people)
    opened, closed = view.findings.topLevelItem(0), view.findings.topLevelItem(1)
    assert opened.text(0).endswith("(3)")
    assert closed.text(0).endswith("(7)")
    assert view.lists.tabText(0) == "Structural changes (12)"


def test_swapping_turns_gains_into_losses(comparing: Planning) -> None:
    view = comparing.compare
    assert view is not None
    view.direction.setCurrentIndex(1)
    view.direction.activated.emit(1)
    assert view.swapped
    assert _cell(comparing, "Project", Function.RELATIONAL).data() == "0/1 → 1/1\n▲ Gain"
    assert view.gained.text() == "▲ 2 gained"
    assert view.opened.text() == "7 opened"


def test_comparison_follows_edits_to_the_open_plan(comparing: Planning) -> None:
    window, view = comparing.window, comparing.compare
    assert view is not None
    # The proposed plan fills the Obstetrics Lead; leaving it vacant again undoes that change.
    execute(window.undo_stack, fill_role(window.document, "rol_pa_08_obstetrics-lead", None))
    window.live.refresh()
    assert view.counts[("role", "changed")].text() == "4"
    window.undo_stack.undo()
    window.live.refresh()
    assert view.counts[("role", "changed")].text() == "5"


def test_double_click_on_a_change_opens_the_item(comparing: Planning) -> None:
    window, view = comparing.window, comparing.compare
    assert view is not None
    roles = view.structure.topLevelItem(1)
    nurse = next(roles.child(n) for n in range(roles.childCount())
                 if roles.child(n).text(1) == "Chief Nurse")  # fmt: skip
    view.structure.itemActivated.emit(nurse, 1)
    assert window.tabs.currentWidget() is window.roles
    assert window.roles.current_id() == "rol_pa_12_chief-nurse"


def test_export_comparison_writes_the_workbook(
    qtbot: Any, comparing: Planning, tmp_path: Path
) -> None:
    target = tmp_path / "comparison.xlsx"
    comparison = comparing.compare.comparison  # type: ignore[union-attr]
    task = comparing.export_to(comparison, str(target), None, run_with_progress)
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    assert load_workbook(target).sheetnames == list(SHEETS)
    assert "Wrote comparison.xlsx" in comparing.window.statusBar().currentMessage()


def test_scenario_is_a_named_copy_that_compares_as_the_same(
    comparing: Planning, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = comparing.window
    path = save_scenario(window.document.plan, "Restructure B", tmp_path / "restructure-b")
    assert path.name == "restructure-b.govplan"
    scenario = load_plan(path)
    assert scenario.name == "Restructure B"
    assert [r.id for r in scenario.roles] == [r.id for r in window.document.plan.roles]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Close)
    _after_saving(window, path)
    view = comparing.compare
    assert view is not None
    assert view.swapped
    assert view.target is not None
    assert view.target.path == path
    assert view.comparison is not None
    assert view.comparison.is_same


def test_scenario_opens_in_a_second_window_compared_with_the_original(
    qtbot: Any, comparing: Planning, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govplanner.gui.planning import scenario as scenario_module

    window = comparing.window
    path = save_scenario(window.document.plan, "Restructure C", tmp_path / "c.govplan")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Open)
    _after_saving(window, path)
    second = next(iter(scenario_module._WINDOWS))
    try:
        assert second is not window
        assert second.document.path == path
        assert second.document.plan.name == "Restructure C"
        other = planning_of(second).compare
        assert other is not None
        assert other.target is not None
        assert other.target.path == window.document.path
        assert not other.swapped
    finally:
        second.undo_stack.setClean()
        second.close()
    qtbot.waitUntil(lambda: not scenario_module._WINDOWS)


def test_saving_the_other_plan_refreshes_the_comparison(
    qtbot: Any, comparing: Planning, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govplanner.files.planfile import save_plan

    window, view = comparing.window, comparing.compare
    assert view is not None
    path = save_scenario(window.document.plan, "Restructure D", tmp_path / "d.govplan")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Close)
    _after_saving(window, path)
    assert view.comparison is not None
    assert view.comparison.is_same
    edited = load_plan(path)  # as a second window would save it: one purpose rewritten
    edited.committees[-1].purpose = "Agree the referral pathway by March."
    save_plan(edited, path)
    qtbot.waitUntil(lambda: view.counts[("committee", "changed")].text() == "1", timeout=5000)
    assert view.comparison is not None
    assert not view.comparison.is_same


def test_menu_export_asks_for_the_other_plan_then_the_workbook(
    qtbot: Any, window: MainWindow, files: tuple[Path, Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtWidgets import QFileDialog

    as_is, to_be = files
    planning = open_plan(window, to_be)
    target = tmp_path / "board paper.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(as_is), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    task = planning.export_comparison()
    assert window.tabs.currentWidget() is planning.compare
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    assert "Coverage" in load_workbook(target).sheetnames


def test_a_bad_plan_to_compare_with_is_explained(
    window: MainWindow, files: tuple[Path, Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtWidgets import QFileDialog

    planning = open_plan(window, files[1])
    bad = tmp_path / "broken.govplan"
    bad.write_text("{not json", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: shown.append(text))
    assert not planning.choose_compare_target()
    assert len(shown) == 1
    assert "broken.govplan" in shown[0]
    assert planning.compare is not None
    assert planning.compare.target is None


def test_plans_with_different_words_still_compare(comparing: Planning) -> None:
    from govplanner.domain.vocabulary import Vocabulary
    from govplanner.gui.planning.words_dialog import plan_words_command

    window, view = comparing.window, comparing.compare
    assert view is not None
    forums = Vocabulary(committee="forum", committees="forums")
    execute(window.undo_stack, plan_words_command(window.document, forums, 90))
    window.live.refresh()
    assert view.comparison is not None
    assert view.kind_labels["committee"].text() == "Forums"
    assert view.structure.topLevelItem(0).text(0).startswith("Forums — 0 added · 1 removed")
    assert view.target is not None
    assert view.target.plan.vocabulary == Vocabulary()  # the file's plan is left as it was


def test_save_as_scenario_menu_asks_name_and_file(
    comparing: Planning, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    chosen = tmp_path / "to-be"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("To-be 2027", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Close)
    comparing.actions["scenario"].trigger()
    saved = tmp_path / "to-be.govplan"
    assert load_plan(saved).name == "To-be 2027"
    assert comparing.window.document.path is not None
    assert comparing.window.document.path.name == TO_BE  # the open plan stays the open plan
    assert "to-be.govplan" in comparing.window.statusBar().currentMessage()


def test_the_before_and_after_grid_shows_every_tier_at_1440_by_900(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    from govplanner.files.planfile import load_plan, save_plan
    from govplanner.restructure.proposal import proposal_plan
    from govplanner.restructure.reduce import Budget, Request, reduce_plan

    cluster = Path(__file__).resolve().parents[3] / "examples" / "cluster-example.govplan"
    reduction = reduce_plan(load_plan(cluster), Request(budget=Budget(cut_percent=20)))
    save_plan(proposal_plan(reduction), tmp_path / "proposal.govplan")
    planning = open_plan(window, tmp_path / "proposal.govplan")
    assert planning.compare is not None
    window.tabs.setCurrentWidget(planning.compare)
    planning.compare.set_target(cluster)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    grid = planning.compare.grid
    qtbot.waitUntil(lambda: grid.model().rowCount() == 4)  # the cluster's four tiers
    qtbot.wait(100)  # let the splitter and the table settle
    assert grid.verticalScrollBar().maximum() == 0

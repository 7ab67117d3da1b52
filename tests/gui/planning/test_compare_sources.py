"""Compare says what "before" is, and compares with another window's unsaved plan (issue 15).

The view is built alone, with a bare parent and a fake list of the app's other windows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from govplanner.domain.document import PlanDocument
from govplanner.files.planfile import save_plan
from govplanner.gui.planning.compare_target import OpenPlan, open_plans, saved_at
from govplanner.gui.planning.compare_view import CompareView
from tests.gui.conftest import small_plan_builder

AS_OF = dt.date(2026, 1, 1)


class Others:
    """The app's other windows, as a test arranges them."""

    def __init__(self) -> None:
        self.plans: list[OpenPlan] = []

    def __call__(self, _exclude: QWidget | None) -> list[OpenPlan]:
        return list(self.plans)


def other_window(
    qtbot: Any, document: PlanDocument, modified: bool = False, *, keep: bool = True
) -> OpenPlan:
    """A bare window showing ``document``; ``keep=False`` when the test closes it itself."""
    window = QWidget()
    window.setWindowTitle("Other plan[*]")
    window.setWindowModified(modified)
    if keep:
        qtbot.addWidget(window)
    return OpenPlan(window, document)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """The small plan saved as 'as-is.govplan'."""
    path = tmp_path / "as-is.govplan"
    save_plan(small_plan_builder().build(), path)
    return path


@pytest.fixture
def others() -> Others:
    return Others()


@pytest.fixture
def view(qtbot: Any, saved: Path, others: Others) -> CompareView:
    """The open plan (the saved plan, one purpose rewritten) with its Compare view showing."""
    document = PlanDocument(small_plan_builder().build(), path=saved)
    compare = CompareView(document, None, others)
    qtbot.addWidget(compare)
    compare.set_as_of(AS_OF)
    compare.show()
    return compare


def _purpose(document: PlanDocument, text: str) -> None:
    committee = document.plan.committees[0]
    document.update("committee", committee.id, purpose=text)


def test_before_is_the_file_named_with_its_folder_and_when_it_was_saved(
    view: CompareView, saved: Path
) -> None:
    view.set_target(saved)
    before, after = view.sides_text()
    when = saved_at(saved.stat().st_mtime)
    assert before == (
        f"Test plan: this plan's own file as-is.govplan in {saved.parent}, as saved at {when}"
    )
    assert after == "Test plan: this window's plan as it is now (no unsaved changes)"
    assert "Before</b> — Test plan: this plan&#x27;s own file as-is.govplan" in view.heading.text()
    assert "No differences." in view.heading.text()
    # The comparison (and so the exported workbook) carries the same words.
    assert view.comparison is not None
    assert view.comparison.before_source == before.removeprefix("Test plan: ")
    assert view.comparison.after_source == after.removeprefix("Test plan: ")
    view.setWindowTitle("Test plan[*]")
    view.setWindowModified(True)
    _purpose(view.document, "Sets the strategy")
    view.plan_changed()
    assert view.sides_text()[1].endswith("(with unsaved changes)")
    assert view.counts[("committee", "changed")].text() == "1"


def test_another_file_is_the_file_not_this_plans_own(view: CompareView, tmp_path: Path) -> None:
    other = tmp_path / "proposed.govplan"
    save_plan(small_plan_builder().build(), other)
    view.set_target(other, swapped=True)
    before, after = view.sides_text()
    assert before.startswith("Test plan: this window's plan as it is now")
    assert after.startswith(f"Test plan: the file proposed.govplan in {tmp_path}, as saved at ")


def test_comparing_with_another_window_follows_its_unsaved_edits(
    qtbot: Any, view: CompareView, others: Others
) -> None:
    document = PlanDocument(small_plan_builder().build())
    other = other_window(qtbot, document, modified=True, keep=False)
    others.plans = [other]
    view.set_live_target(other)
    assert view.comparison is not None
    assert view.comparison.is_same
    assert view.sides_text()[0] == (
        "Test plan: the plan open in another window, as it is now (with unsaved changes)"
    )
    _purpose(document, "Rewritten in the other window, not saved")
    assert view.counts[("committee", "changed")].text() == "1"
    # The other window closes: its plan is kept as it was, and the heading says so.
    other.window.close()
    other.window.deleteLater()
    qtbot.waitUntil(lambda: view.target is not None and view.target.closed)
    assert "as it was when that window closed" in view.sides_text()[0]
    assert view.counts[("committee", "changed")].text() == "1"


def test_the_windows_menu_lists_the_other_plans_and_compares_with_one(
    qtbot: Any, view: CompareView, others: Others
) -> None:
    view.windows_menu.aboutToShow.emit()
    [empty] = view.windows_menu.actions()
    assert (empty.text(), empty.isEnabled()) == ("No other plan is open", False)
    document = PlanDocument(small_plan_builder().build())
    document.plan.name = "Option B"
    others.plans = [other_window(qtbot, document, modified=True)]
    view.windows_menu.aboutToShow.emit()
    [action] = view.windows_menu.actions()
    assert action.text() == "Option B (unsaved changes)"
    action.trigger()
    assert view.target is not None
    assert view.target.is_live
    assert view.target.plan is document.plan


def test_a_file_open_elsewhere_with_unsaved_changes_offers_that_windows_state(
    qtbot: Any, view: CompareView, others: Others, saved: Path
) -> None:
    from govplanner.files.planfile import load_plan

    elsewhere = PlanDocument(load_plan(saved), path=saved)
    window = other_window(qtbot, elsewhere, modified=False)
    others.plans = [window]
    view.set_target(saved)
    assert view.offer_button.isHidden()  # nothing unsaved there: nothing to offer
    window.window.setWindowModified(True)
    _purpose(elsewhere, "Edited, not saved")
    view.refresh()
    assert not view.offer_button.isHidden()
    assert "comparison uses the file as last saved" in view.offer_text.text()
    assert view.offer_button.text() == "&Use that window's current state"
    view.offer_button.click()
    assert view.target is not None
    assert view.target.is_live
    assert view.counts[("committee", "changed")].text() == "1"
    assert view.offer_button.text() == "Use its saved file &instead"
    view.offer_button.click()
    assert view.target is not None
    assert not view.target.is_live
    assert view.comparison is not None
    assert view.comparison.is_same


def test_open_plans_finds_visible_windows_showing_a_plan(qtbot: Any) -> None:
    shown, hidden, plain = QWidget(), QWidget(), QWidget()
    for widget in (shown, hidden, plain):
        qtbot.addWidget(widget)
    shown.document = PlanDocument(small_plan_builder().build())  # type: ignore[attr-defined]
    hidden.document = PlanDocument(small_plan_builder().build())  # type: ignore[attr-defined]
    shown.show()
    plain.show()
    found = open_plans(None)
    assert [p.window for p in found if p.window in (shown, hidden, plain)] == [shown]
    assert all(p.window is not shown for p in open_plans(shown))


def test_a_scenario_window_is_offered_the_original_windows_unsaved_state(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from govplanner.gui.commands import execute, fill_role
    from govplanner.gui.planning import scenario as scenario_module
    from govplanner.gui.planning.scenario import open_in_new_window, save_scenario
    from tests.gui.planning.test_planning import copy_examples, open_plan

    _as_is, to_be = copy_examples(tmp_path)
    open_plan(window, to_be)
    # An edit in the original window, not saved: its file no longer says what it shows.
    execute(window.undo_stack, fill_role(window.document, "rol_pa_08_obstetrics-lead", None))
    assert window.isWindowModified()
    path = save_scenario(window.document.plan, "Option C", tmp_path / "c.govplan")
    second = open_in_new_window(path, window, compare_with=window.document.path)
    assert second is not None
    try:
        compare = second.planning.compare
        second.tabs.setCurrentWidget(compare)
        before = compare.sides_text()[0]
        assert before.startswith("Partnership A (proposed restructure): the file ")
        assert f"{to_be.name} in {tmp_path}, as saved at " in before
        assert not compare.offer_button.isHidden()
        assert compare.comparison is not None
        assert not compare.comparison.is_same  # the scenario has the unsaved edit; the file not
        compare.offer_button.click()
        assert compare.target is not None
        assert compare.target.plan is window.document.plan
        assert compare.sides_text()[0] == (
            "Partnership A (proposed restructure): the plan open in another window, as it is now "
            "(with unsaved changes)"
        )
        assert compare.comparison is not None
        assert compare.comparison.is_same
    finally:
        second.undo_stack.setClean()
        second.close()
    qtbot.waitUntil(lambda: not scenario_module._WINDOWS)


def test_a_merge_organisations_and_settings_show_in_the_lists_and_tiles(
    qtbot: Any, tmp_path: Path
) -> None:
    from govplanner.domain.enums import OrganisationType
    from govplanner.domain.model import Organisation
    from tests.analysis.test_compare_v2 import cluster

    before, after = cluster(joint=False), cluster(joint=True)
    after.organisations.append(
        Organisation(name="Northshire Council", type=OrganisationType.LOCAL_AUTHORITY)
    )
    path = tmp_path / "before.govplan"
    save_plan(before, path)
    view = CompareView(PlanDocument(after), None, Others())
    qtbot.addWidget(view)
    view.show()
    view.set_target(path)
    committees = view.structure.topLevelItem(0)
    assert committees.text(0) == "Committees — 0 added · 0 removed · 0 changed · 2 merged into 1"
    merge = committees.child(0)
    assert (merge.text(0), merge.text(1)) == (
        "» Merged",
        "North Quality Committee and South Quality Committee merged into Joint Quality Committee",
    )
    assert merge.text(3) == "a new committee; 4 roles moved"
    tops = [
        view.structure.topLevelItem(n).text(0) for n in range(view.structure.topLevelItemCount())
    ]
    assert "Organisations — 1 added · 0 removed · 0 changed" in tops
    assert "Plan settings — 1 changed" in tops
    assert view.summary.merged.text() == "2 committees merged into 1"
    assert not view.summary.merged.isHidden()
    assert not view.kind_labels["organisation"].isHidden()
    assert view.counts[("organisation", "added")].text() == "1"
    assert view.lost.text() == "▼ 0 lost"
    # Without organisations or merges, their rows stay out of the way.
    view.set_target(path, swapped=False)
    view.document.reset(before)
    view.plan_changed()
    assert view.summary.merged.isHidden()
    assert view.kind_labels["organisation"].isHidden()


def test_an_accepted_finding_has_its_own_group(view: CompareView, saved: Path) -> None:
    from govplanner.analysis.engine import analyse
    from govplanner.domain.model import AcceptedFinding

    view.set_target(saved)
    groups = [
        view.findings.topLevelItem(n).text(0) for n in range(view.findings.topLevelItemCount())
    ]
    assert len(groups) == 2  # opened and closed; no empty 'accepted' group
    plan = view.document.plan
    finding = analyse(plan, as_of=AS_OF).open_findings[0]
    view.document.accept(AcceptedFinding(key=finding.key, rationale="Agreed by the board."))
    view.plan_changed()
    accepted = view.findings.topLevelItem(2)
    assert accepted.text(0) == "Accepted — still there, accepted in the after plan (1)"
    assert accepted.child(0).text(1) == finding.code
    assert view.findings.topLevelItem(1).text(0).endswith("(0)")  # not counted as closed
    assert view.lists.tabText(1) == "Findings opened and closed (1)"


def test_the_compare_pages_mnemonics_are_distinct_and_leave_the_menu_bars_alone(
    view: CompareView,
) -> None:
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in view.findChildren(QAbstractButton)]
    texts += [w.text() for w in view.findChildren(QLabel) if w.buddy() is not None]
    texts += ["&Use that window's current state", "Use its saved file &instead"]  # the offers
    letters = [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(letters) == len(set(letters)) >= 6, letters
    assert not set(letters) & set("fevh")  # File, Edit, View, Help

"""The window's parts work alone, with a bare parent and a stub of the window's side
(gui/shell.py's Protocols), and report back by signals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from govplanner.domain.document import PlanDocument
from govplanner.domain.model import Plan
from govplanner.files.planfile import load_plan
from govplanner.gui import commands as cmd
from govplanner.gui.editing import EditOps
from govplanner.gui.file_ops import FileOps
from govplanner.gui.plan_locks import Claim, LockKeeper
from govplanner.gui.recent_files import RecentFiles
from govplanner.gui.wording import UiWords, ui_words
from tests.builders import committee_id, role_id, tier_id


class Host:
    """The plan host (PlanHost) without a window: records what the parts ask of it."""

    def __init__(self, document: PlanDocument) -> None:
        self.document, self.plan_open = document, True
        self.words: UiWords = ui_words(document)
        self.titles = 0

    def show_plan(self, plan: Plan, path: Path | None, claim: Claim | None = None) -> None:
        self.document.reset(plan, path)

    def show_welcome(self) -> None:
        self.plan_open = False

    def update_title(self) -> None:
        self.titles += 1

    def document_name(self) -> str:
        return self.document.plan.name


class Picked:
    """The selection (Selection): a committee chosen in the tree."""

    def __init__(self, tree: tuple[str, str] | None) -> None:
        self.tree, self.shown = tree, list[tuple[str, str, bool]]()

    def selected_in_tree(self) -> tuple[str, str] | None:
        return self.tree

    def current_committee_id(self) -> str | None:
        return self.tree[1] if self.tree else None

    def selection_for_delete(self) -> tuple[str, list[str]]:
        return ("committee", [])

    def select_subject(self, kind: str, item_id: str, focus_form: bool = False) -> None:
        self.shown.append((kind, item_id, focus_form))


def _file_ops(qtbot: Any, document: PlanDocument) -> tuple[FileOps, Host, QUndoStack]:
    parent, stack = QWidget(), QUndoStack()
    qtbot.addWidget(parent)
    host = Host(document)
    recent = RecentFiles(QSettings(), parent)
    return FileOps(parent, host, stack, LockKeeper(parent, False), recent), host, stack


def test_file_ops_saves_and_reports_by_signals(
    qtbot: Any, document: PlanDocument, tmp_path: Path
) -> None:
    files, host, stack = _file_ops(qtbot, document)
    stack.push(cmd.update_item(document, "committee", committee_id("ICB Board"), quorum=4))
    document.path = tmp_path / "north.govplan"
    shown: list[tuple[str, int]] = []
    files.status_shown.connect(lambda text, ms: shown.append((text, ms)))
    with qtbot.waitSignal(files.recent_files.changed):
        assert files.save()
    assert load_plan(document.path).committees[0].quorum == 4
    assert stack.isClean()
    assert host.titles == 1
    assert shown == [("Saved north.govplan", 4000)]
    assert files.recent() == [str(document.path.resolve())]


def test_a_bug_is_handed_on_not_shown_as_a_file_problem(qtbot: Any, document: PlanDocument) -> None:
    files, _host, _stack = _file_ops(qtbot, document)
    bug = KeyError("committee")
    with qtbot.waitSignal(files.unexpected_error) as signal:
        files.error("Export register", bug)
    assert signal.args == ["Export register", bug]


def test_edit_ops_add_under_the_chosen_committee_and_report_refusals(
    qtbot: Any, document: PlanDocument
) -> None:
    parent, stack = QWidget(), QUndoStack()
    qtbot.addWidget(parent)
    picked = Picked(("committee", committee_id("ICB Board")))
    edits = EditOps(parent, Host(document), stack, picked)
    new_id = edits.add_committee()
    assert new_id is not None
    added = document.plan.committee(new_id)
    assert added is not None
    assert added.tier_id != tier_id("system")  # the tier below the chosen committee's
    assert [line.to_id for line in added.lines] == [committee_id("ICB Board")]
    assert picked.shown == [("committee", new_id, True)]
    refusals: list[str] = []
    edits.refused.connect(refusals.append)
    bad = cmd.update_item(document, "role", role_id("MH Lead"), sessions_per_week=-3)
    assert not edits._run(bad)
    assert refusals
    assert "sessions_per_week" in refusals[0]
    assert stack.count() == 1

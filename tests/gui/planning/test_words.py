"""Plan words and the term warning window: one undoable edit, used by the planning views."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog

from govplanner.domain.document import EditError, PlanDocument
from govplanner.domain.vocabulary import Vocabulary
from govplanner.gui.commands import execute
from govplanner.gui.main_window import MainWindow
from govplanner.gui.planning import words_dialog
from govplanner.gui.planning.words_dialog import PlanWordsDialog, plan_words_command
from tests.gui.planning.test_planning import AS_OF, copy_examples, open_plan

FORUMS = Vocabulary(committee="forum", committees="forums", role="post", roles="posts")


def test_words_and_warning_do_undo_redo(document: PlanDocument, stack: QUndoStack) -> None:
    command = plan_words_command(document, FORUMS, 120)
    assert command.text() == (
        "Call 'committee' to 'forum', 'role' to 'post'; warn of term ends 120 days ahead"
    )
    execute(stack, command)
    assert document.plan.vocabulary == FORUMS
    assert document.plan.term_warning_days == 120
    stack.undo()
    assert document.plan.vocabulary == Vocabulary()
    assert document.plan.term_warning_days == 90
    stack.redo()
    assert document.plan.vocabulary.committees == "forums"
    assert document.plan.term_warning_days == 120


def test_nothing_changed_is_no_edit(document: PlanDocument, stack: QUndoStack) -> None:
    command = plan_words_command(document, Vocabulary(), document.plan.term_warning_days)
    assert command.edits == []
    execute(stack, command)
    assert stack.count() == 0


def test_bad_values_are_refused_in_plain_words(document: PlanDocument) -> None:
    with pytest.raises(EditError, match="term warning must be between 0 and 3650"):
        plan_words_command(document, Vocabulary(), 5000)
    with pytest.raises(EditError, match="at most 40 characters"):
        plan_words_command(document, Vocabulary.model_construct(tier="x" * 41), 90)


def test_dialog_needs_every_word(qtbot: object, document: PlanDocument) -> None:
    dialog = PlanWordsDialog(document)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.fields["tiers"].setText("  ")
    assert not ok.isEnabled()
    assert dialog.problem.text() == "Give a word for 'tiers'."
    dialog.use_defaults()
    assert ok.isEnabled()
    assert dialog.command() is None  # the standard words and 90 days: nothing to change
    dialog.deleteLater()


def test_menu_edit_lands_on_the_undo_stack_and_the_views_use_the_words(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_is, _ = copy_examples(tmp_path)
    planning = open_plan(window, as_is)

    class Typing(PlanWordsDialog):
        def exec(self) -> int:
            self.fields["role"].setText("post")
            self.fields["roles"].setText("posts")
            self.warning.setValue(130)
            return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(words_dialog, "PlanWordsDialog", Typing)
    planning.actions["words"].trigger()
    assert window.undo_stack.undoText() == (
        "Call 'role' to 'post'; warn of term ends 130 days ahead"
    )
    assert window.isWindowModified()
    window.live.refresh()
    terms = planning.terms
    assert terms is not None
    window.tabs.setCurrentWidget(terms)
    terms.set_as_of(AS_OF)
    assert "Filled posts whose term" in terms.note.text()
    assert terms.model.headerData(2, Qt.Orientation.Horizontal) == "Post"
    # The STP Director's term, 125 days away, is now inside the 130-day window.
    assert [t.role for t in terms.model.terms("ending")] == [
        "Medical Director",
        "STP Director (GP)",
    ]
    window.undo_stack.undo()
    window.live.refresh()
    assert [t.role for t in terms.model.terms("ending")] == ["Medical Director"]

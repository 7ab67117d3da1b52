"""The desktop app speaks the open plan's words: forum, level, post for committee, tier, role."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import Vocabulary
from govplanner.gui.commands import execute
from govplanner.gui.diagram.items import BandItem
from govplanner.gui.dialogs import NewPlanDialog
from govplanner.gui.main_window import MainWindow
from govplanner.gui.planning.words_dialog import plan_words_command
from govplanner.gui.settings_dialog import SettingsDialog
from govplanner.gui.tiers_stages_dialog import TiersStagesDialog
from tests.gui.conftest import small_plan_builder

FORUM_WORDS = Vocabulary(
    committee="forum",
    committees="forums",
    tier="level",
    tiers="levels",
    role="post",
    roles="posts",
)
DEFAULT_WORD = re.compile(r"\b(committees?|tiers?|roles?)\b", re.IGNORECASE)
#: Texts that keep a standard word on purpose. Keep this tiny.
ALLOWED = {
    # The action that renames the words names the standard ones it renames.
    "Rename committee, tier and role for this plan; set the term warning window",
    # NHS England's CCPL principle, paraphrased: its words, not the plan's.
    "Leaders have the protected time, resources and infrastructure they need to carry out "
    "their leadership roles.",
}
#: 'committee' in quotes names the standard word (the undo text of the rename itself).
QUOTED = re.compile(r"'(committee|tier|role)s?'")


def open_small(window: MainWindow, vocabulary: Vocabulary | None = None) -> None:
    plan = small_plan_builder().build()
    if vocabulary is not None:
        plan.vocabulary = vocabulary
    window.show_plan(plan, None)
    window.live.refresh()


def rename(window: MainWindow, vocabulary: Vocabulary = FORUM_WORDS) -> None:
    command = plan_words_command(
        window.document, vocabulary, window.document.plan.term_warning_days
    )
    execute(window.undo_stack, command)
    window.live.refresh()


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(n).replace("&", "") for n in range(window.tabs.count())]


def action_text(window: MainWindow, name: str) -> str:
    return getattr(window.menu_actions, name).text().replace("&", "")


def headers(model: QAbstractItemModel) -> list[str]:
    return [str(model.headerData(n, Qt.Orientation.Horizontal)) for n in range(model.columnCount())]


def test_renaming_the_words_changes_what_the_window_says(window: MainWindow) -> None:
    open_small(window)
    assert tab_titles(window)[1:3] == ["Committees", "Roles"]
    rename(window)
    assert tab_titles(window)[1:3] == ["Forums", "Posts"]
    assert action_text(window, "add_committee") == "Add forum"
    assert action_text(window, "add_role") == "Add post"
    assert action_text(window, "tiers_stages") == "Levels and stages…"
    assert headers(window.committees.model)[:2] == ["Forum", "Level"]
    assert headers(window.roles.model)[0] == "Post"
    assert "Level" in headers(window.findings.model)
    assert window.structure_dock.windowTitle() == "Levels and forums"
    assert "of a level's forums" in window.coverage.note.text()
    assert window.findings.tier.itemText(0) == "All levels"
    assert window.undo_stack.undoText().startswith("Call 'committee' to 'forum'")
    window.diagram.sync()
    bands = [i for i in window.diagram.diagram.items() if isinstance(i, BandItem)]
    captions = {band.caption_lines(window.diagram.diagram.words)[1] for band in bands}
    assert captions == {"2 forums", "1 forum"}
    window.edits.add_committee()
    assert window.undo_stack.undoText() == "Add forum 'New forum'"


def test_undo_brings_the_standard_words_back(window: MainWindow) -> None:
    open_small(window)
    rename(window)
    window.undo_stack.undo()
    assert tab_titles(window)[1:3] == ["Committees", "Roles"]
    assert action_text(window, "add_committee") == "Add committee"
    assert headers(window.committees.model)[:2] == ["Committee", "Tier"]
    assert window.structure_dock.windowTitle() == "Tiers and committees"
    assert window.findings.tier.itemText(0) == "All tiers"
    window.undo_stack.redo()
    assert window.findings.tier.itemText(0) == "All levels"


def test_header_change_is_announced(window: MainWindow, qtbot: Any) -> None:
    open_small(window)
    with qtbot.waitSignal(window.committees.model.headerDataChanged, timeout=1000):
        rename(window)


def test_opening_another_plan_uses_its_words(window: MainWindow) -> None:
    open_small(window)
    assert action_text(window, "add_role") == "Add role"
    open_small(window, FORUM_WORDS)
    assert tab_titles(window)[1:3] == ["Forums", "Posts"]
    assert action_text(window, "add_role") == "Add post"
    open_small(window)
    assert tab_titles(window)[1:3] == ["Committees", "Roles"]


def standard_words_left(texts: list[tuple[str, str]], plan: Plan) -> list[tuple[str, str]]:
    """The texts that still say committee, tier or role (not allowed, not the user's names)."""
    names = {item.name for item in (*plan.committees, *plan.tiers, *plan.people)}
    names |= {role.title for role in plan.roles}  # the user's own names are data, not wording
    longest_first = sorted(names, key=len, reverse=True)

    def wording(text: str) -> str:  # the text without the user's names quoted in it
        for name in longest_first:
            text = text.replace(f"'{name}'", "")
        return QUOTED.sub("", text)

    return [
        (where, text)
        for where, text in texts
        if DEFAULT_WORD.search(wording(text)) and text not in ALLOWED | names
    ]


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every label, button, action, tab, dock, header and group title,
    and every tooltip, accessible name and description.

    Left out: the welcome page (shown only with no plan open, so in the standard words) and
    the Open Example menu (the example files' own descriptions).
    """
    menus = getattr(window, "menu_actions", None)
    examples = set(menus.examples_menu.actions()) if menus is not None else set()
    welcome = getattr(window, "welcome", None)
    texts: list[tuple[str, str]] = [("title", window.windowTitle())]
    for action in window.findChildren(QAction):
        if action not in examples:
            texts += [("action", action.text()), ("action tip", action.statusTip())]
            texts += [("action tooltip", action.toolTip())]
    for widget in window.findChildren(QWidget):
        if welcome is None or not (widget is welcome or welcome.isAncestorOf(widget)):
            texts += _widget_texts(widget) + _described(widget)
    return [(where, text.replace("&", "")) for where, text in texts if text]


def _described(widget: QWidget) -> list[tuple[str, str]]:
    """What screen readers and tooltips say of a widget."""
    name = type(widget).__name__
    return [
        (f"{name} tooltip", widget.toolTip()),
        (f"{name} accessible name", widget.accessibleName()),
        (f"{name} accessible description", widget.accessibleDescription()),
        (f"{name} what's this", widget.whatsThis()),
    ]


def _widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    name = type(widget).__name__
    if isinstance(widget, QLabel | QAbstractButton):
        return [(name, widget.text())]
    if isinstance(widget, QLineEdit):
        return [(name, widget.placeholderText())]
    if isinstance(widget, QGroupBox):
        return [(name, widget.title())]
    if isinstance(widget, QDockWidget):
        return [(name, widget.windowTitle())]
    if isinstance(widget, QComboBox):
        return [(name, widget.itemText(n)) for n in range(widget.count())]
    if isinstance(widget, QTabWidget):
        return [(name, widget.tabText(n)) for n in range(widget.count())]
    if isinstance(widget, QHeaderView) and widget.model() is not None:
        model, orientation = widget.model(), widget.orientation()
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal else 0
        return [("header", str(model.headerData(n, orientation))) for n in range(count)]
    return []


def test_no_visible_text_keeps_the_default_words(window: MainWindow) -> None:
    open_small(window)
    rename(window)
    for page in range(window.tabs.count()):  # each tab once, so every page is built and shown
        window.tabs.setCurrentIndex(page)
    window.committees.select(window.document.plan.committees[0].id)
    window.roles.select(window.document.plan.roles[0].id)
    window.diagram.sync()  # normally on the next event-loop turn
    left = standard_words_left(visible_texts(window), window.document.plan)
    assert left == [], "\n".join(f"{where}: {text}" for where, text in left)


def test_the_settings_dialogs_speak_the_plans_words(window: MainWindow, qtbot: Any) -> None:
    open_small(window)
    rename(window)
    for dialog_class in (TiersStagesDialog, SettingsDialog):
        dialog = dialog_class(window.document, window.undo_stack, window)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = visible_texts(dialog)  # type: ignore[arg-type]
        assert standard_words_left(texts, window.document.plan) == []
    tiers = TiersStagesDialog(window.document, window.undo_stack, window)
    qtbot.addWidget(tiers)
    assert tiers.windowTitle() == "Levels and stages"
    assert tiers.tabs.tabText(0) == "&Levels"
    headers = [tiers.tier_table.horizontalHeaderItem(n).text() for n in range(3)]
    assert headers == ["Level", "Study level", "Forums"]  # never two columns called Level
    window.undo_stack.undo()
    assert tiers.windowTitle() == "Tiers and stages"
    assert tiers.tier_table.horizontalHeaderItem(0).text() == "Tier"


def test_a_new_plan_can_keep_the_open_plans_words(window: MainWindow, monkeypatch: Any) -> None:
    open_small(window)
    rename(window)
    window.undo_stack.setClean()  # nothing to save first
    offered: list[str] = []

    def keep(dialog: NewPlanDialog) -> int:
        offered.append(dialog.keep_words.text())
        return 1

    monkeypatch.setattr(NewPlanDialog, "exec", keep)
    assert window.files.new_plan()
    assert offered == ["&Use the open plan's words: forum, level, post"]
    assert window.document.plan.vocabulary == FORUM_WORDS
    assert tab_titles(window)[1:3] == ["Forums", "Posts"]

    def decline(dialog: NewPlanDialog) -> int:
        dialog.keep_words.setChecked(False)
        return 1

    monkeypatch.setattr(NewPlanDialog, "exec", decline)
    assert window.files.new_plan()
    assert window.document.plan.vocabulary == Vocabulary()
    assert tab_titles(window)[1:3] == ["Committees", "Roles"]


def test_the_standard_words_are_not_offered_for_a_new_plan(qtbot: Any) -> None:
    dialog = NewPlanDialog(None, "ics", Vocabulary())
    qtbot.addWidget(dialog)
    assert dialog.keep_words.isHidden()
    assert dialog.vocabulary() is None


def buddy_text(form: QWidget, field: QWidget) -> str:
    """The text of the label that names ``field`` in a form."""
    (label,) = [lb for lb in form.findChildren(QLabel) if lb.buddy() is field]
    return label.text()


def test_forms_and_coverage_details_follow_the_words(window: MainWindow) -> None:
    open_small(window)
    rename(window)
    plan = window.document.plan
    committee_form, role_form = window.committees.form, window.roles.form
    window.tabs.setCurrentWidget(window.committees)
    window.committees.select(plan.committees[0].id)
    assert buddy_text(committee_form, committee_form.tier) == "Level:"
    assert (
        committee_form.lines.none.text() == "No lines out: it answers to no forum and advises none."
    )
    window.tabs.setCurrentWidget(window.roles)
    window.roles.select(plan.roles[0].id)
    assert role_form.seats.filter.placeholderText() == "Filter forums…"
    assert role_form.clinical.text() == "A clinical &leadership post"
    coverage = window.coverage
    assert coverage.stage.itemText(0) == "Current stages (each forum at its own stage)"
    coverage.table.setCurrentIndex(coverage.model.index(0, 0))  # the system tier, analytical
    assert coverage.detail_title.text().endswith("2 of 2 forums covered")
    window.undo_stack.undo()
    assert buddy_text(committee_form, committee_form.tier) == "Tier:"
    assert role_form.seats.filter.placeholderText() == "Filter committees…"
    assert coverage.detail_title.text().endswith("2 of 2 committees covered")

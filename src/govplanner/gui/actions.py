"""The window's actions and menus, with standard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from govplanner.gui.export_ops import ROLE_FORMAT_NOUNS, ROLE_FORMATS
from govplanner.gui.file_ops import example_files, example_title

if TYPE_CHECKING:
    from govplanner.gui.main_window import MainWindow
    from govplanner.gui.wording import UiWords

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    """Actions other parts of the window enable, disable or place in toolbars."""

    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    close: QAction
    quit: QAction
    import_register: QAction
    export_register: QAction
    export_roles: QAction
    export_roles_html: QAction
    export_roles_pdf: QAction
    export_roles_md: QAction
    gap_report: QAction
    diagram_png: QAction
    diagram_svg: QAction
    undo: QAction
    redo: QAction
    add_committee: QAction
    add_role: QAction
    add_person: QAction
    add_organisation: QAction
    add_group: QAction
    delete: QAction
    settings: QAction
    tiers_stages: QAction
    recent_menu: QMenu
    examples_menu: QMenu
    #: further actions that need an open plan (the View menu's tab switches)
    extra: list[QAction] = field(default_factory=list)

    def plan_actions(self) -> list[QAction]:
        """Actions that need an open plan."""
        return [
            self.save, self.save_as, self.close, self.export_register, self.export_roles,
            self.export_roles_html, self.export_roles_pdf, self.export_roles_md, self.gap_report,
            self.diagram_png, self.diagram_svg,
            self.add_committee, self.add_role, self.add_person, self.add_organisation,
            self.add_group, self.delete, self.settings,
            self.tiers_stages, *self.extra,
        ]  # fmt: skip


def _action(
    window: MainWindow, text: str, slot: Any, shortcut: Any = None, tip: str = ""
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _preferences_key() -> Any:
    """The platform's Preferences shortcut; Windows has none, so Ctrl+, as elsewhere."""
    return Key.Preferences if QKeySequence.keyBindings(Key.Preferences) else "Ctrl+,"


def _file_actions(window: MainWindow) -> dict[str, QAction]:
    files = window.files
    return {
        "new": _action(window, "&New from preset…", files.new_plan, Key.New),
        "open": _action(window, "&Open…", files.open_dialog, Key.Open),
        "save": _action(window, "&Save", files.save, Key.Save),
        "save_as": _action(window, "Save &As…", files.save_as, Key.SaveAs),
        "close": _action(window, "&Close", files.close_plan, Key.Close),
        "quit": _action(window, "&Quit", window.close, Key.Quit),
    }


def _exchange_actions(window: MainWindow) -> dict[str, QAction]:
    files = window.files
    return {
        "import_register": _action(
            window, "&Import register…", files.import_register,
            tip="Make a plan from a committee and role register workbook (.xlsx)",
        ),
        "export_register": _action(
            window, "Export re&gister…", files.export_register,
            tip="Write the plan as a register workbook (.xlsx)",
        ),
        **_role_actions(window),
        "gap_report": _action(
            window, "&Gap report…", files.export_gap_report,
            tip="A workbook of findings and coverage for the board",
        ),
        "diagram_png": _action(
            window, "Diagram as &PNG picture…", lambda: files.export_diagram("png")
        ),
        "diagram_svg": _action(
            window, "Diagram as &SVG drawing…", lambda: files.export_diagram("svg")
        ),
    }  # fmt: skip


#: File ▸ Export ▸ Role descriptions: the action of each format, by its name in :class:`Actions`.
ROLE_ACTION_NAMES = {"docx": "export_roles", "pdf": "export_roles_pdf",
                     "html": "export_roles_html", "md": "export_roles_md"}  # fmt: skip


def _role_actions(window: MainWindow) -> dict[str, QAction]:
    """File ▸ Export ▸ Role descriptions ▸ one entry per format the exporter writes."""
    files = window.files
    return {
        ROLE_ACTION_NAMES[fmt]: _action(
            window, text, lambda f=fmt: files.export_role_descriptions(f),
            tip=f"One {ROLE_FORMAT_NOUNS[fmt]} per clinical role, in a folder you choose",
        )
        for fmt, text in ROLE_FORMATS.items()
    }  # fmt: skip


def _edit_actions(window: MainWindow) -> dict[str, QAction]:
    edits = window.edits
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(Key.Undo))
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    # Both keys on every platform, each once: Key.Redo is Ctrl+Shift+Z on Linux, and listing
    # it beside an explicit Ctrl+Shift+Z made Qt report an ambiguous shortcut there.
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    delete = _action(window, "&Delete", edits.delete_selected, Key.Delete)
    # The Delete key deletes only where it is added (the tables and the tree), never from a
    # form field: a Delete pressed in the Tier box must not delete the committee.
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return {
        "undo": undo,
        "redo": redo,
        "add_committee": _action(window, "Add &committee", edits.add_committee, "Ctrl+Shift+C"),
        "add_role": _action(window, "&Add role", edits.add_role, "Ctrl+Shift+R"),
        "add_person": _action(window, "Add &person", edits.add_person, "Ctrl+Shift+P"),
        "add_organisation": _action(window, "Add &organisation", edits.add_organisation),
        "add_group": _action(
            window,
            "Add committees-in-common &group",
            edits.add_group,
            tip="Committees of different bodies that meet together, each deciding for its own",
        ),
        "delete": delete,
        "settings": _action(window, "&Settings…", edits.open_settings, _preferences_key()),
        "tiers_stages": _action(window, "&Tiers and stages…", edits.open_tiers_and_stages),
    }


def build_actions(window: MainWindow) -> Actions:
    return Actions(
        **_file_actions(window),
        **_exchange_actions(window),
        **_edit_actions(window),
        recent_menu=QMenu("Open &Recent", window),
        examples_menu=QMenu("Open &Example", window),
    )


def build_menus(window: MainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addActions([a.new, a.open])
    file.addMenu(a.examples_menu)
    file.addMenu(a.recent_menu)
    file.addSeparator()
    file.addActions([a.save, a.save_as])
    file.addSeparator()
    file.addActions([a.import_register, a.export_register])
    export = file.addMenu("E&xport")
    roles = export.addMenu("&Role descriptions")
    window.role_descriptions_menu = roles
    roles.addActions([a.export_roles, a.export_roles_pdf, a.export_roles_html, a.export_roles_md])
    export.addAction(a.gap_report)
    export.addSeparator()
    export.addActions([a.diagram_png, a.diagram_svg])
    file.addSeparator()
    file.addActions([a.close, a.quit])
    edit = bar.addMenu("&Edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions(
        [a.add_committee, a.add_role, a.add_person, a.add_organisation, a.add_group, a.delete]
    )
    edit.addSeparator()
    edit.addActions([a.settings, a.tiers_stages])
    window.view_menu = bar.addMenu("&View")
    help_menu = bar.addMenu("&Help")
    from govplanner.gui.help_menu import install_help_menu

    install_help_menu(window, help_menu)
    fill_examples(window, a.examples_menu)


#: Action texts that carry the plan's words (see :mod:`govplanner.gui.wording`).
WORDED_TEXTS = {
    "add_committee": "Add &{committee}",
    "add_role": "&Add {role}",
    "tiers_stages": "&{Tiers} and stages…",
    "add_group": "Add {committees}-in-common &group",
}
#: Shorter texts for the buttons beside a table (the menu keeps the full text).
BUTTON_TEXTS = {"add_group": "Add group"}


def bind_words(window: MainWindow, words: UiWords) -> None:
    """Make the menus' texts follow the plan's words."""
    a = window.menu_actions
    for name, text in WORDED_TEXTS.items():
        words.bind(getattr(a, name), "setText", text)
    for name, text in BUTTON_TEXTS.items():
        words.bind(getattr(a, name), "setIconText", text)
    words.bind(window.role_descriptions_menu.menuAction(), "setText", "&{Role} descriptions")
    tips = {
        a.import_register: "Make a plan from a {committee} and {role} register workbook (.xlsx)",
        a.add_group: "{Committees} of different bodies that meet together, each deciding for "
        "its own",
    }
    for fmt, name in ROLE_ACTION_NAMES.items():
        tips[getattr(a, name)] = (
            f"One {ROLE_FORMAT_NOUNS[fmt]} per clinical {{role}}, in a folder you choose"
        )
    for action, tip in tips.items():
        words.bind(action, "setStatusTip", tip)
        words.bind(action, "setToolTip", tip)


def build_view_menu(window: MainWindow) -> None:
    """View: show or hide each dock, and go to each tab (Ctrl+1…), named in the plan's words."""
    menu, tabs = window.view_menu, window.tabs
    for dock, key in ((window.structure_dock, "Ctrl+Alt+1"), (window.findings_dock, "Ctrl+Alt+2")):
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(key))
        menu.addAction(toggle)
    menu.addSeparator()
    worded = window.worded_tabs()
    for n in range(tabs.count()):
        action = menu.addAction(f"Show {tabs.tabText(n).replace('&', '')}")
        page = tabs.widget(n)
        if page is not None and page in worded:
            window.words.bind(action, "setText", f"Show {worded[page]}")
        action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
        action.triggered.connect(lambda _c=False, i=n: tabs.setCurrentIndex(i))
        window.menu_actions.extra.append(action)
    from govplanner.gui.keyboard import install_editor_keys

    install_editor_keys(window)


def fill_examples(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    for path in example_files():
        title, description = example_title(path)
        action = menu.addAction(title.replace("&", "&&"))
        action.setStatusTip(description or str(path))
        action.triggered.connect(lambda _c=False, p=str(path): window.files.open_example(p))
    menu.setEnabled(bool(menu.actions()))


def fill_recent(window: MainWindow, menu: QMenu, paths: list[str]) -> None:
    menu.clear()
    for n, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{n} {Path(path).name}")
        action.setStatusTip(path)
        action.triggered.connect(lambda _c=False, p=path: window.files.open_path(p))
    if paths:
        menu.addSeparator()
        menu.addAction("Clear list", window.files.clear_recent)
    menu.setEnabled(bool(paths))

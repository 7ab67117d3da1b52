"""The window's actions and menus, declared as data: id, text, shortcut, menu, group, plan.

Menus are known by id (``"file"``, ``"file.export"``, ``"edit"``), never by their visible
text; parts that add entries later (planning, restructuring) name a menu id and a group, and
:class:`MenuBook` puts them at the end of that group. Enabling is one loop over
:meth:`Actions.plan_actions`, derived from the ``needs_plan`` of each declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QTabWidget, QWidget

from govplanner.gui.export_ops import ROLE_FORMAT_NOUNS, ROLE_FORMATS
from govplanner.gui.file_ops import example_files, example_title

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from govplanner.gui.editing import EditOps
    from govplanner.gui.file_ops import FileOps
    from govplanner.gui.wording import UiWords

Key = QKeySequence.StandardKey
Shortcut = Key | str | tuple[str, ...] | None
Slot = Callable[[], object]
#: the platform's Preferences key, resolved when the action is made (see _preferences_key)
PREFERENCES = "<preferences>"


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry: ``menu`` and ``group`` place it (groups are set apart by separators)."""

    id: str
    text: str
    menu: str
    group: str
    shortcut: Shortcut = None
    needs_plan: bool = False
    tip: str = ""
    worded: str = ""  #: the text in the plan's words (a template, see gui.wording)
    worded_tip: str = ""  #: the tip in the plan's words
    button: str = ""  #: a shorter text for the button beside a table


@dataclass(frozen=True)
class MenuSpec:
    """A menu: top-level (``parent`` None) or a submenu placed in a group of its parent."""

    id: str
    text: str
    parent: str | None = None
    group: str = ""
    worded: str = ""


ROLE_ACTION_NAMES = {"docx": "export_roles", "pdf": "export_roles_pdf",
                     "html": "export_roles_html", "md": "export_roles_md"}  # fmt: skip
_ROLE_TIP = "One {noun} per clinical {role}, in a folder you choose"
_GROUP_TIP = "{Committees} of different bodies that meet together, each deciding for its own"

#: The menus and their entries, in the order they appear (each goes at the end of its group).
LAYOUT: tuple[MenuSpec | ActionSpec, ...] = (
    MenuSpec("file", "&File"),
    ActionSpec("new", "&New from preset…", "file", "open", Key.New),
    ActionSpec("open", "&Open…", "file", "open", Key.Open),
    MenuSpec("file.examples", "Open &Example", "file", "open"),
    MenuSpec("file.recent", "Open &Recent", "file", "open"),
    ActionSpec("save", "&Save", "file", "save", Key.Save, needs_plan=True),
    ActionSpec("save_as", "Save &As…", "file", "save", Key.SaveAs, needs_plan=True),
    ActionSpec("import_register", "&Import register…", "file", "exchange",
               tip="Make a plan from a committee and role register workbook (.xlsx)",
               worded_tip="Make a plan from a {committee} and {role} register workbook (.xlsx)"),
    ActionSpec("export_register", "Export re&gister…", "file", "exchange", needs_plan=True,
               tip="Write the plan as a register workbook (.xlsx)"),
    MenuSpec("file.export", "E&xport", "file", "exchange"),
    MenuSpec("file.export.roles", "&Role descriptions", "file.export", "reports",
             worded="&{Role} descriptions"),
    *(
        ActionSpec(ROLE_ACTION_NAMES[fmt], text, "file.export.roles", "formats", needs_plan=True,
                   tip=_ROLE_TIP.format(noun=ROLE_FORMAT_NOUNS[fmt], role="role"),
                   worded_tip=_ROLE_TIP.format(noun=ROLE_FORMAT_NOUNS[fmt], role="{role}"))
        for fmt, text in ROLE_FORMATS.items()
    ),
    ActionSpec("gap_report", "&Gap report…", "file.export", "reports", needs_plan=True,
               tip="A workbook of findings and coverage for the board"),
    ActionSpec("diagram_png", "Diagram as &PNG picture…", "file.export", "diagram",
               needs_plan=True),
    ActionSpec("diagram_svg", "Diagram as &SVG drawing…", "file.export", "diagram",
               needs_plan=True),
    ActionSpec("close", "&Close", "file", "close", Key.Close, needs_plan=True),
    ActionSpec("quit", "&Quit", "file", "close", Key.Quit),
    MenuSpec("edit", "&Edit"),
    ActionSpec("undo", "&Undo", "edit", "undo", Key.Undo),
    # Both keys on every platform, each once: Key.Redo is Ctrl+Shift+Z on Linux, and listing
    # it beside an explicit Ctrl+Shift+Z made Qt report an ambiguous shortcut there.
    ActionSpec("redo", "&Redo", "edit", "undo", ("Ctrl+Y", "Ctrl+Shift+Z")),
    ActionSpec("add_committee", "Add &committee", "edit", "items", "Ctrl+Shift+C",
               needs_plan=True, worded="Add &{committee}"),
    ActionSpec("add_role", "&Add role", "edit", "items", "Ctrl+Shift+R", needs_plan=True,
               worded="&Add {role}"),
    ActionSpec("add_person", "Add &person", "edit", "items", "Ctrl+Shift+P", needs_plan=True),
    ActionSpec("add_organisation", "Add &organisation", "edit", "items", needs_plan=True),
    ActionSpec("add_group", "Add committees-in-common &group", "edit", "items", needs_plan=True,
               tip=_GROUP_TIP.replace("{Committees}", "Committees"), worded_tip=_GROUP_TIP,
               worded="Add {committees}-in-common &group", button="Add group"),
    ActionSpec("delete", "&Delete", "edit", "items", Key.Delete, needs_plan=True),
    ActionSpec("settings", "&Settings…", "edit", "plan", PREFERENCES, needs_plan=True),
    ActionSpec("tiers_stages", "&Tiers and stages…", "edit", "plan", needs_plan=True,
               worded="&{Tiers} and stages…"),
    MenuSpec("view", "&View"),
    MenuSpec("help", "&Help"),
)  # fmt: skip
ACTIONS = tuple(entry for entry in LAYOUT if isinstance(entry, ActionSpec))


class Actions:
    """The window's actions by id (``actions.save``), and those that need an open plan."""

    recent_menu: QMenu  # set by build_menus
    examples_menu: QMenu

    def __init__(self, by_id: dict[str, QAction], specs: tuple[ActionSpec, ...] = ACTIONS) -> None:
        self.by_id = by_id
        self._needs_plan = [by_id[s.id] for s in specs if s.needs_plan]
        #: further actions that need an open plan (View's tab switches, planning's entries)
        self.extra: list[QAction] = []

    def __getattr__(self, name: str) -> QAction:  # only for names not set on the instance
        by_id: dict[str, QAction] = self.__dict__.get("by_id", {})
        if name not in by_id:
            raise AttributeError(name)
        return by_id[name]

    def plan_actions(self) -> list[QAction]:
        """Actions that need an open plan."""
        return [*self._needs_plan, *self.extra]


def _preferences_key() -> Key | str:
    """The platform's Preferences shortcut; Windows has none, so Ctrl+, as elsewhere."""
    return Key.Preferences if QKeySequence.keyBindings(Key.Preferences) else "Ctrl+,"


def make_action(spec: ActionSpec, parent: QWidget, slot: Slot | None) -> QAction:
    """A QAction as ``spec`` declares it, triggering ``slot``."""
    action = QAction(spec.text, parent)
    shortcut = _preferences_key() if spec.shortcut == PREFERENCES else spec.shortcut
    if isinstance(shortcut, tuple):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action


def window_slots(files: FileOps, edits: EditOps, quit_: Slot) -> dict[str, Slot]:
    """What each of the window's actions does."""
    slots: dict[str, Slot] = {
        "new": files.new_plan, "open": files.open_dialog, "save": files.save,
        "save_as": files.save_as, "close": files.close_plan, "quit": quit_,
        "import_register": files.import_register, "export_register": files.export_register,
        "gap_report": files.export_gap_report,
        "diagram_png": lambda: files.export_diagram("png"),
        "diagram_svg": lambda: files.export_diagram("svg"),
        "add_committee": edits.add_committee, "add_role": edits.add_role,
        "add_person": edits.add_person, "add_organisation": edits.add_organisation,
        "add_group": edits.add_group, "delete": edits.delete_selected,
        "settings": edits.open_settings, "tiers_stages": edits.open_tiers_and_stages,
    }  # fmt: skip
    for fmt, name in ROLE_ACTION_NAMES.items():
        slots[name] = partial(files.export_role_descriptions, fmt)
    return slots


#: the property holding an action's declared words where its text follows the undo stack
STEADY_TEXT = "steadyText"


def build_actions(parent: QWidget, slots: Mapping[str, Slot], undo_stack: QUndoStack) -> Actions:
    """Every declared action; Undo and Redo are the undo stack's own (they follow its text)."""
    by_id: dict[str, QAction] = {}
    for spec in ACTIONS:
        if spec.id in ("undo", "redo"):
            make = undo_stack.createUndoAction if spec.id == "undo" else undo_stack.createRedoAction
            action = make(parent, spec.text)
            shortcut = make_action(spec, parent, None)  # the declared keys, read back
            action.setShortcuts(shortcut.shortcuts())
            action.setProperty(STEADY_TEXT, spec.text)  # "Undo", not "Undo Rename role …"
            shortcut.deleteLater()
        else:
            action = make_action(spec, parent, slots[spec.id])
        by_id[spec.id] = action
    # The Delete key deletes only where it is added (the tables and the tree), never from a
    # form field: a Delete pressed in the Tier box must not delete the committee.
    by_id["delete"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return Actions(by_id)


class MenuBook:
    """The menu bar's menus by id, and where each group of entries in them ends."""

    def __init__(self, bar: QMenuBar) -> None:
        self.bar = bar
        self._menus: dict[str, QMenu] = {}
        self._groups: dict[str, list[str]] = {}  # menu id -> its groups, in order
        self._last: dict[tuple[str, str], QAction] = {}  # (menu id, group) -> its last entry

    def menu(self, menu_id: str) -> QMenu:
        return self._menus[menu_id]

    def add_menu(self, spec: MenuSpec, before: str | None = None) -> QMenu:
        """A top-level menu (before the menu ``before``, else last), or a submenu in its group."""
        if spec.parent is None:
            menu = QMenu(spec.text, self.bar)
            if before is not None:
                self.bar.insertMenu(self._menus[before].menuAction(), menu)
            else:
                self.bar.addMenu(menu)
        else:
            menu = QMenu(spec.text, self._menus[spec.parent])
            self.place(menu.menuAction(), spec.parent, spec.group)
        self._menus[spec.id] = menu
        return menu

    def place(
        self, action: QAction, menu_id: str, group: str, after: QAction | None = None
    ) -> None:
        """Put ``action`` at the end of ``group`` in the menu (a new group goes last), or
        right after ``after`` when that is in the group."""
        menu, groups = self._menus[menu_id], self._groups.setdefault(menu_id, [])
        last = self._last.get((menu_id, group))
        if last is None:
            if groups:
                menu.addSeparator()
            groups.append(group)
            menu.addAction(action)
        else:
            entries = menu.actions()
            anchor = after if after in entries else last
            at = entries.index(anchor) + 1
            if at < len(entries):
                menu.insertAction(entries[at], action)
            else:
                menu.addAction(action)
        if last is None or after is None or after is last:
            self._last[(menu_id, group)] = action

    def add(self, spec: ActionSpec, action: QAction, actions: Actions) -> None:
        """Place an action declared elsewhere (planning's); it joins the plan actions if it
        needs an open plan."""
        self.place(action, spec.menu, spec.group)
        if spec.needs_plan:
            actions.extra.append(action)


def build_menus(bar: QMenuBar, a: Actions) -> MenuBook:
    """The menu bar as :data:`LAYOUT` declares it; Help is filled by gui.help_menu."""
    book = MenuBook(bar)
    for entry in LAYOUT:
        if isinstance(entry, MenuSpec):
            book.add_menu(entry)
        else:
            book.place(a.by_id[entry.id], entry.menu, entry.group)
    a.recent_menu, a.examples_menu = book.menu("file.recent"), book.menu("file.examples")
    return book


def bind_words(actions: Actions, book: MenuBook, words: UiWords) -> None:
    """Make the menus' texts and tips follow the plan's words."""
    for spec in ACTIONS:
        action = actions.by_id[spec.id]
        if spec.worded:
            words.bind(action, "setText", spec.worded)
        if spec.button:
            words.bind(action, "setIconText", spec.button)
        for setter in ("setStatusTip", "setToolTip") if spec.worded_tip else ():
            words.bind(action, setter, spec.worded_tip)
    for menu in LAYOUT:
        if isinstance(menu, MenuSpec) and menu.worded:
            words.bind(book.menu(menu.id).menuAction(), "setText", menu.worded)


def build_view_menu(
    menu: QMenu,
    tabs: QTabWidget,
    docks: Mapping[QDockWidget, str],
    worded: Mapping[QWidget, str],
    words: UiWords,
    actions: Actions,
) -> None:
    """View: show or hide each dock (its key), and go to each tab (Ctrl+1…), in the plan's words."""
    for dock, key in docks.items():
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(key))
        menu.addAction(toggle)
    menu.addSeparator()
    for n in range(tabs.count()):
        action = menu.addAction(f"Show {tabs.tabText(n).replace('&', '')}")
        page = tabs.widget(n)
        if page is not None and page in worded:
            words.bind(action, "setText", f"Show {worded[page]}")
        action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
        action.triggered.connect(lambda _c=False, i=n: tabs.setCurrentIndex(i))
        actions.extra.append(action)


def fill_examples(menu: QMenu, open_example: Callable[[str], object]) -> None:
    menu.clear()
    for path in example_files():
        title, description = example_title(path)
        action = menu.addAction(title.replace("&", "&&"))
        action.setStatusTip(description or str(path))
        action.triggered.connect(lambda _c=False, p=str(path): open_example(p))
    menu.setEnabled(bool(menu.actions()))


def fill_recent(
    menu: QMenu, paths: list[str], open_path: Callable[[str], object], clear: Slot
) -> None:
    menu.clear()
    for n, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{n} {Path(path).name}")
        action.setStatusTip(path)
        action.triggered.connect(lambda _c=False, p=path: open_path(p))
    if paths:
        menu.addSeparator()
        menu.addAction("Clear list", clear)
    menu.setEnabled(bool(paths))

"""The Help menu: the user guide (F1, at the selected finding or heatmap cell), finding codes,
the keyboard shortcuts read from the window's own actions, and About."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from govplanner.gui.actions import STEADY_TEXT
from govplanner.gui.help_window import SHORTCUTS_MARK, HelpWindow, guide_html, shortcuts_html

_NATIVE = QKeySequence.SequenceFormat.NativeText


def _words(action: QAction) -> str:
    """What the action does, as declared: Undo's text follows the undo stack's next step."""
    steady = action.property(STEADY_TEXT)
    return steady if isinstance(steady, str) and steady else action.text()


def _plain(text: str) -> str:
    """A menu text as read aloud: no mnemonic '&' (a doubled one is a literal ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(_NATIVE) for k in action.shortcuts() if not k.isEmpty())


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action with a shortcut: the menus' first, then the
    window's other actions and key shortcuts (their What's This text says what they do)."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} ▸ {_plain(action.text())}")
            elif not action.isSeparator() and _keys(action):
                seen.add(id(action))
                rows.append((where, _plain(_words(action)), _keys(action)))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(top.text()))
    for action in window.findChildren(QAction):
        if id(action) not in seen and _keys(action) and action.text():
            seen.add(id(action))
            rows.append(("Main window", _plain(_words(action)), _keys(action)))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis() and not shortcut.key().isEmpty():
            rows.append(("Main window", shortcut.whatsThis(), shortcut.key().toString(_NATIVE)))
    return rows


class HelpMenu(QObject):
    """The Help menu's actions for one window, and its one help window."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.help_window: HelpWindow | None = None
        guide = QAction("&User guide", window)
        guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        guide.setStatusTip("How to build a plan and read its findings (F1 on a finding or a "
                           "heatmap cell explains it)")  # fmt: skip
        guide.triggered.connect(lambda _c=False: self.show(self.context_anchor()))
        codes = QAction("&Finding codes", window)
        codes.setStatusTip("What each finding code means and how to close it")
        codes.triggered.connect(lambda _c=False: self.show("findings"))
        keys = QAction("&Keyboard shortcuts", window)
        keys.setStatusTip("Every keyboard shortcut in the window")
        keys.triggered.connect(lambda _c=False: self.show("shortcuts", fresh=True))
        about = QAction("&About govplanner", window)
        about.triggered.connect(lambda _c=False: self._about())
        menu.addActions([guide, codes, keys])
        menu.addSeparator()
        menu.addAction(about)
        self.guide, self.codes, self.keys, self.about = guide, codes, keys, about

    def _about(self) -> None:
        from govplanner.gui.dialogs import show_about

        show_about(self.window)

    def context_anchor(self) -> str:
        """The guide's section for what has the focus: a finding's code, a heatmap cell's
        function, else the top of the guide."""
        focus = QApplication.focusWidget()
        findings = getattr(self.window, "findings", None)
        if focus is not None and _within(focus, findings):
            finding = findings.selected_finding()  # type: ignore[union-attr]
            if finding is not None:
                return str(finding.code)
        coverage = getattr(self.window, "coverage", None)
        table = getattr(coverage, "table", None)
        if focus is not None and table is not None and _within(focus, table):
            index = table.currentIndex()
            if index.isValid():
                from govplanner.domain.enums import FUNCTIONS

                return f"fn-{FUNCTIONS[index.column()].value}"
        return "top"

    def show(self, anchor: str, fresh: bool = False) -> HelpWindow:
        """Open (or bring forward) the help window at ``anchor``; ``fresh`` re-reads the
        shortcut table (the plan's words and the View menu change the actions)."""
        if self.help_window is None or fresh:
            if self.help_window is not None:
                self.help_window.close()
                self.help_window.deleteLater()
            text = guide_html().replace(SHORTCUTS_MARK, shortcuts_html(shortcut_rows(self.window)))
            self.help_window = HelpWindow(text, self.window)
        self.help_window.show_section(anchor)
        return self.help_window


def _within(widget: QWidget, container: object) -> bool:
    return isinstance(container, QWidget) and (
        widget is container or container.isAncestorOf(widget)
    )


def install_help_menu(window: QMainWindow, menu: QMenu) -> HelpMenu:
    """Fill ``menu``; the window keeps the returned object alive as its child."""
    help_menu = HelpMenu(window, menu)
    help_menu.setObjectName("helpMenu")
    return help_menu

"""Keyboard behaviour of the editor: Ctrl+F to the page's filter, Tab out of every table,
focus into the page a tab switch shows, and a visible focus frame on tables."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)

#: A frame in the highlight colour round the table that has the keyboard focus (the styles
#: Windows users get draw no focus rectangle round a row-selecting table).
FOCUS_FRAME = "QAbstractItemView:focus { border: 2px solid palette(highlight); }"


def _within(widget: QWidget | None, container: QWidget | None) -> bool:
    return (
        widget is not None
        and container is not None
        and (widget is container or container.isAncestorOf(widget))
    )


def _own_filter(widget: QWidget) -> QLineEdit | None:
    box = getattr(widget, "filter", None)  # a table page's filter box
    return box if isinstance(box, QLineEdit) else None


def filter_box(page: QWidget | None, focus: QWidget | None = None) -> QLineEdit | None:
    """The page's filter box: of the table page that holds ``focus`` when there are several
    (the organisations tab), never a picker's search box inside a form."""
    if page is None:
        return None
    own = _own_filter(page)
    if own is not None:
        return own
    parts = [w for w in page.findChildren(QWidget) if _own_filter(w) and w.isVisibleTo(page)]
    for part in parts:
        if _within(focus, part):
            return _own_filter(part)
    return _own_filter(parts[0]) if parts else None


def focus_target(page: QWidget | None) -> QWidget | None:
    """Where the keyboard goes when a page is shown: its main table or view."""
    if page is None:
        return None
    if isinstance(page, QAbstractItemView | QGraphicsView):
        return page
    for name in ("view", "table"):
        candidate = getattr(page, name, None)
        if isinstance(candidate, QWidget) and candidate.isVisibleTo(page):
            return candidate
    for view in page.findChildren(QAbstractItemView) + page.findChildren(QGraphicsView):
        if view.isVisibleTo(page) and view.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return view
    return page


class EditorKeys(QObject):
    """Wires the editor's keys for one window (built once the editor exists)."""

    def __init__(self, window: QMainWindow, tabs: QTabWidget) -> None:
        super().__init__(window)
        self.window, self.tabs = window, tabs
        self.find = QAction("&Find in this page", window)
        self.find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find.setStatusTip("Go to the filter box of the page in front")
        self.find.triggered.connect(lambda _c=False: self.focus_filter())
        window.addAction(self.find)
        tabs.currentChanged.connect(self._tab_changed)
        self.prepare_views()

    def prepare_views(self) -> None:
        """Tab leaves every table and list; each draws a frame while it has the focus."""
        for view in self.window.findChildren(QAbstractItemView):
            if isinstance(view.parentWidget(), QComboBox) or view.window() is not self.window:
                continue  # a combo box's pop-up list, or a separate window
            view.setTabKeyNavigation(False)
            if FOCUS_FRAME not in view.styleSheet():
                view.setStyleSheet(f"{view.styleSheet()}\n{FOCUS_FRAME}".strip())

    def focus_filter(self) -> bool:
        """Ctrl+F: the filter box of the page in front (the findings panel's first filter when
        the focus is there); a page without one says so in the status bar."""
        focus = QApplication.focusWidget()
        findings = getattr(self.window, "findings", None)
        if isinstance(findings, QWidget) and _within(focus, findings):
            first = getattr(findings, "severity", None)
            if isinstance(first, QWidget):
                first.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        box = filter_box(self.tabs.currentWidget(), focus)
        if box is None:
            self.window.statusBar().showMessage("This page has no filter box.", 4000)
            return False
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()
        return True

    def _tab_changed(self, index: int) -> None:
        """Into the new page when the keyboard was in the old page (Ctrl+1…8, or a click on
        the tab bar); left alone when a dock's tree or list chose the page, and on the tab bar
        itself, where the arrow keys go from tab to tab."""
        self.prepare_views()  # pages may build their tables when first shown
        focus = QApplication.focusWidget()
        if focus is not None and (not _within(focus, self.tabs) or isinstance(focus, QTabBar)):
            return
        target = focus_target(self.tabs.widget(index))
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)


def add_to_edit_menu(window: QMainWindow, action: QAction, undo: QAction) -> None:
    """Put ``action`` at the foot of the menu that holds ``undo`` (the Edit menu)."""
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and undo in menu.actions():
            menu.addSeparator()
            menu.addAction(action)
            return


def install_editor_keys(window: QMainWindow) -> EditorKeys:
    """Called once the editor's tabs and docks exist."""
    tabs: QTabWidget = getattr(window, "tabs")  # noqa: B009 - the editor's tabs, built late
    keys = EditorKeys(window, tabs)
    actions = getattr(window, "menu_actions", None)
    if actions is not None:
        add_to_edit_menu(window, keys.find, actions.undo)
        actions.extra.append(keys.find)
        keys.find.setEnabled(actions.save_as.isEnabled())
    return keys

"""Where the window shows an item: its tab and row, its form, the tree and the diagram."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from govplanner.gui.structure_view import StructureView
from govplanner.gui.table_page import TablePage


class CommitteeFinder(Protocol):
    """The diagram, as far as routing needs it."""

    def select_committee(self, committee_id: str) -> bool: ...


class Router:
    """Routes "show this item" and "what is selected" between the tabs, the tree and diagram.

    ``pages``: the table page of each kind; ``tabs_of``: the tab a page sits on when it is
    not a tab itself (organisations and groups share one).
    """

    def __init__(
        self,
        tabs: QTabWidget,
        pages: dict[str, TablePage],
        tabs_of: dict[QWidget, QWidget],
        structure: StructureView,
        diagram: CommitteeFinder | None,
    ) -> None:
        self.tabs, self.pages, self.tabs_of = tabs, pages, tabs_of
        self.structure, self.diagram = structure, diagram

    def tab_of(self, page: QWidget) -> QWidget:
        return self.tabs_of.get(page, page)

    def select(self, kind: str, item_id: str, focus_form: bool = False) -> None:
        """Show an item in the editor: its tab and row, its form, the tree and the diagram."""
        model = self.structure.model
        index = model.index_of(item_id)
        if index.isValid() and model.kind_and_id(index)[0] == kind:
            self.structure.select(item_id, notify=False)
        if kind == "committee" and self.diagram is not None:
            self.diagram.select_committee(item_id)
        page = self.pages.get(kind)
        if page is None:
            return
        self.tabs.setCurrentWidget(self.tab_of(page))
        page.select(item_id)
        if focus_form:
            _focus_first_field(page.form)

    def structure_selected(self, kind: str, item_id: str) -> None:
        """A committee chosen in the tree: show it where the user is looking."""
        committees = self.pages["committee"]
        if kind != "committee":
            return
        current: object = self.tabs.currentWidget()  # the diagram is a widget behind its Protocol
        if self.diagram is not None and current is self.diagram:
            self.diagram.select_committee(item_id)
            return
        self.tabs.setCurrentWidget(committees)
        committees.select(item_id)

    def current_committee_id(self) -> str | None:
        committees = self.pages["committee"]
        if self.tabs.currentWidget() is committees:
            return committees.current_id()
        current = self.structure.current()
        return current[1] if current and current[0] == "committee" else None

    def selection_for_delete(self) -> tuple[str, list[str]]:
        """The kind and ids the Delete action acts on: the tree's, or the focused table's."""
        if self.structure.tree.hasFocus():
            current = self.structure.current()
            return (current[0], [current[1]]) if current else ("", [])
        focus = QApplication.focusWidget()
        shown = [p for p in self.pages.values() if self.tab_of(p) is self.tabs.currentWidget()]
        for page in shown:  # the page with the keyboard focus, else the first on the tab
            if focus is not None and page.isAncestorOf(focus):
                return page.model.kind, page.selected_ids()
        if shown:
            return shown[0].model.kind, shown[0].selected_ids()
        return "", []


def _focus_first_field(form: Any) -> None:
    """The name (or title) box of a form, selected so typing replaces it."""
    target = getattr(form, "name", None) or getattr(form, "title", None)
    target = target or form.findChild(QWidget, None)
    if target is not None:
        target.setFocus()
        if hasattr(target, "selectAll"):
            target.selectAll()

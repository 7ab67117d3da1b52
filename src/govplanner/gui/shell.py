"""What the window's parts may use of it, as small Protocols (only the app imports the window).

Each part takes the few collaborators it uses (the document, the undo stack, the lock keeper,
the recent files, the selection) and reports back by signals that the main window connects in
one place (``MainWindow._connect_parts``). The Protocols below name the window's side of that.
Where a part also needs a parent for its dialogs it takes a ``QWidget`` beside the Protocol.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QTabWidget, QWidget

    from govplanner.domain.document import PlanDocument
    from govplanner.domain.model import Plan
    from govplanner.gui.actions import Actions, MenuBook
    from govplanner.gui.file_ops import FileOps
    from govplanner.gui.live_analysis import LiveAnalysis
    from govplanner.gui.plan_locks import Claim
    from govplanner.gui.wording import UiWords


class PlanHost(Protocol):
    """The window's hold on the open plan: what opening, saving and editing change."""

    @property
    def document(self) -> PlanDocument: ...
    @property
    def plan_open(self) -> bool: ...
    @property
    def words(self) -> UiWords: ...  # the plan's words for committee, tier and role

    def show_plan(self, plan: Plan, path: Path | None, claim: Claim | None = None) -> None: ...
    def show_welcome(self) -> None: ...
    def update_title(self) -> None: ...
    def document_name(self) -> str: ...


class Selection(Protocol):
    """What the user has selected, and showing an item (tabs, tree and diagram together)."""

    def selected_in_tree(self) -> tuple[str, str] | None: ...
    def current_committee_id(self) -> str | None: ...
    def selection_for_delete(self) -> tuple[str, list[str]]: ...
    def select_subject(self, kind: str, item_id: str, focus_form: bool = False) -> None: ...


class UnsavedWork(Protocol):
    """The autosaver, as the crash handler uses it: copy unsaved work away at once."""

    def needs_saving(self) -> bool: ...
    def write_now(self) -> bool: ...
    def flush(self, timeout: float | None = 10.0) -> bool: ...


class DiagramExport(Protocol):
    """The diagram, as File ▸ Export uses it."""

    def export_png(self, path: str | Path) -> None: ...
    def export_svg(self, path: str | Path) -> None: ...


class ExtensionHost(PlanHost, Protocol):
    """A window that planning and restructuring add their menu entries and tabs to.

    ``window()`` is QWidget's own: the top-level widget, the parent for their dialogs.
    """

    @property
    def undo_stack(self) -> QUndoStack: ...
    @property
    def menu_actions(self) -> Actions: ...
    @property
    def menu_book(self) -> MenuBook: ...
    @property
    def files(self) -> FileOps: ...
    @property
    def live(self) -> LiveAnalysis: ...
    @property
    def attached(self) -> bool: ...

    def window(self) -> QWidget: ...
    def when_editor_built(self, then: Callable[[QTabWidget], None]) -> None: ...
    def new_window(self) -> ExtensionHost: ...  # another, as the app builds its first
    def show_status(self, message: str, timeout_ms: int) -> None: ...
    def show_refusal(self, message: str) -> None: ...
    def select_subject(self, kind: str, item_id: str, focus_form: bool = False) -> None: ...

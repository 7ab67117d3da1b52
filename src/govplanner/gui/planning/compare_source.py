"""Where the Compare tab's other plan comes from, kept up to date.

A file is watched and re-read when it changes on disk; another window's plan is followed
edit by edit, and kept as it was if that window closes. ``changed`` tells the view to
compare again. The source also says what it can offer instead: the other window's unsaved
state when the file is open there with changes, or the saved file back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal
from PySide6.QtWidgets import QWidget

from govplanner.domain.document import PlanDocument
from govplanner.domain.errors import GovplannerError
from govplanner.gui.planning.compare_target import (
    OpenPlan,
    OpenPlans,
    Target,
    live_target,
    load_target,
    modified_time,
    open_plans,
    same_file,
)


@dataclass(frozen=True)
class Offer:
    """Another source worth comparing with: why, the button's text, and how to switch."""

    text: str
    button: str
    take: Callable[[], None]


class CompareSource(QObject):
    """The other plan of a comparison (:attr:`target`), for the open ``document``."""

    changed = Signal()

    def __init__(
        self, document: PlanDocument, parent: QWidget, plans_open: OpenPlans = open_plans
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.view = parent
        self.plans_open = plans_open
        self.target: Target | None = None
        self._unsubscribe: Callable[[], None] | None = None
        # The other plan may be a scenario being edited and saved in a second window.
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)

    # -- choosing --------------------------------------------------------------------------

    def use_file(self, path: Path) -> None:
        """Compare with the plan in ``path``; raises GovplannerError if it cannot be read."""
        self._use(load_target(path))

    def use_window(self, other: OpenPlan) -> None:
        """Compare with the plan open in another window, as it is now and as it changes."""
        self._use(live_target(other))

    def _use(self, target: Target) -> None:
        self._forget()
        self.target = target
        if target.live is not None:
            self._unsubscribe = target.live.document.subscribe(lambda _c: self.changed.emit())
            target.live.window.destroyed.connect(self._window_closed)
        elif target.path is not None and target.path.exists():
            self.watcher.addPath(str(target.path))

    def _forget(self) -> None:
        self._stop_following()
        target = self.target
        if target is not None and target.live is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the window is already gone
                target.live.window.destroyed.disconnect(self._window_closed)
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())

    def _stop_following(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _window_closed(self, *_args: Any) -> None:
        if self.target is not None and self.target.live is not None:
            self.target.window_closed()
            self._stop_following()
            self.changed.emit()

    # -- keeping a file up to date ---------------------------------------------------------

    def _file_changed(self, path: str) -> None:
        # Saving replaces the file, which ends the watch on some systems: watch it again.
        if Path(path).exists() and path not in self.watcher.files():
            self.watcher.addPath(path)
        self.changed.emit()

    def file_changed_on_disk(self) -> bool:
        target = self.target
        if target is None or target.is_live or target.path is None:
            return False
        return modified_time(target.path) != target.mtime

    def reload_if_changed(self) -> None:
        """Re-read the file if it changed; an unreadable file (mid-save?) keeps the last copy."""
        target = self.target
        if target is None or target.path is None or not self.file_changed_on_disk():
            return
        try:
            self.target = load_target(target.path)
        except GovplannerError:
            target.mtime = modified_time(target.path)

    # -- other windows ---------------------------------------------------------------------

    def other_windows(self) -> list[OpenPlan]:
        """The plans open in the app's other windows (this one left out)."""
        found = self.plans_open(self.view.window())
        return [p for p in found if p.document is not self.document]

    def window_showing(self, path: Path | None) -> OpenPlan | None:
        if path is None:
            return None
        for other in self.other_windows():
            if other.document.path is not None and same_file(other.document.path, path):
                return other
        return None

    def offer(self) -> Offer | None:
        """The other window's current state (when the file is open there with unsaved
        changes), or the saved file back (when comparing with a window's current state)."""
        target = self.target
        if target is None:
            return None
        if target.live is not None:
            path = target.path
            if path is None or not path.exists():
                return None
            return Offer(
                "This compares with the other window's plan as it is now, unsaved changes "
                "included.",
                "Use its saved file &instead",
                lambda: self.use_file(path),
            )
        other = self.window_showing(target.path)
        if other is None or not other.modified:
            return None
        return Offer(
            "That plan is open in another window with changes not yet saved; this comparison "
            "uses the file as last saved.",
            "&Use that window's current state",
            lambda: self.use_window(other),
        )

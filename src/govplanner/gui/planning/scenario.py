"""File ▸ Save as scenario…: a copy of the open plan to edit beside it, in a second window."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from govplanner.analysis.compare import scenario_of
from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Plan

if TYPE_CHECKING:
    from govplanner.gui.shell import ExtensionHost

PLAN_FILTER = "govplanner plans (*.govplan);;All files (*)"
#: second windows, kept alive until closed (Qt deletes them on close)
_WINDOWS: set[QWidget] = set()


def save_scenario(plan: Plan, name: str, path: str | Path, open_path: Path | None = None) -> Path:
    """Write a copy of ``plan`` named ``name`` to ``path`` (ids kept, so it compares cleanly).

    Never over ``open_path`` (the plan this window has open) nor over a plan open in another
    window or by someone else: the target's lock is held while it is written.
    """
    from govplanner.files.lock import PlanLock, PlanLockedError
    from govplanner.files.planfile import save_plan
    from govplanner.gui.plan_locks import who

    target = Path(path)
    if target.suffix.lower() != ".govplan":
        target = target.with_name(target.name + ".govplan")
    if open_path is not None and _same_file(target, open_path):
        raise GovplannerError(
            f"{target.name} is the plan open in this window; a scenario is a copy, so save it "
            "under another name."
        )
    lock = PlanLock(target)
    try:
        lock.acquire()
    except PlanLockedError as exc:
        raise GovplannerError(
            f"{target.name} is open by {who(exc.owner)}, so the scenario cannot be saved over "
            "it. Choose another name, or ask them to close it."
        ) from None
    try:
        save_plan(scenario_of(plan, name.strip() or None), target)
    finally:
        lock.release()
    return target


def _same_file(a: Path, b: Path) -> bool:
    import os

    return os.path.realpath(a) == os.path.realpath(b)


def open_in_new_window(
    path: str | Path, beside: ExtensionHost, compare_with: Path | None = None
) -> ExtensionHost | None:
    """Open ``path`` in a second window built as the app builds its first; None on failure.

    With ``compare_with``, the new window's Compare tab shows that file (before) against the
    newly opened plan (after), so as-is and to-be can be edited side by side.
    """
    # Built as the app builds its first window: the same autosave store, and file locks.
    window = beside.new_window()
    widget = window.window()
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _WINDOWS.add(widget)
    widget.destroyed.connect(lambda *_a, w=widget: _WINDOWS.discard(w))
    from govplanner.gui.planning.common import place_beside

    place_beside(widget, beside.window())  # offset, but within the screen
    widget.show()
    if not window.files.open_path(path):
        widget.close()
        return None
    from govplanner.gui.planning.wiring import install_planning

    planning = install_planning(window)  # already there when the window installs it itself
    if compare_with is not None and planning.compare is not None:
        # The original may have moved; then the user picks it in the tab.
        with contextlib.suppress(GovplannerError):
            planning.compare.set_target(compare_with, swapped=False)
    return window


def ask_and_save_scenario(window: ExtensionHost) -> Path | None:
    """Ask for a name and a file, save the scenario, then offer to open it in a new window."""
    plan = window.document.plan
    name, ok = QInputDialog.getText(
        window.window(),
        "Save as scenario",
        "Name of the scenario (for example 'Proposed restructure 2026'):",
        QLineEdit.EchoMode.Normal,
        f"{plan.name} (scenario)"[:200],
    )
    if not ok:
        return None
    folder = window.document.path.parent if window.document.path else Path.home()
    suggested = folder / f"{_stem(name or plan.name)}.govplan"
    chosen, _ = QFileDialog.getSaveFileName(
        window.window(), "Save scenario as", str(suggested), PLAN_FILTER
    )
    if not chosen:
        return None
    try:
        path = save_scenario(plan, name, chosen, window.document.path)
    except GovplannerError as exc:
        QMessageBox.warning(window.window(), "Cannot save the scenario", str(exc))
        return None
    _after_saving(window, path)
    return path


def _after_saving(window: ExtensionHost, path: Path) -> None:
    """Compare the open plan (before) with the scenario (after), and offer a second window."""
    planning = getattr(window, "planning", None)
    if planning is not None and planning.compare is not None:
        planning.compare.set_target(path, swapped=True)
    window.show_status(f"Saved the scenario as {path.name}", 8000)
    answer = QMessageBox.question(
        window.window(),
        "Scenario saved",
        f"The scenario is saved as {path.name}; this window's Compare tab now shows what it "
        "changes.\n\nOpen the scenario in a new window, to edit it beside this plan?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Open,
    )
    if answer == QMessageBox.StandardButton.Open:
        open_in_new_window(path, window, compare_with=window.document.path)


def _stem(name: str) -> str:
    from govplanner.export.filenames import safe_stem

    return safe_stem(name, fallback="scenario")

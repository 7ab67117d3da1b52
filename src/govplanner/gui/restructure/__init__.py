"""Restructuring in the app (issue 14): File ▸ Merge plans…, Plan ▸ Propose a reduction… and
Plan ▸ Timeline…, over the core in :mod:`govplanner.restructure`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govplanner.gui.restructure.wiring import Restructure
    from govplanner.gui.shell import ExtensionHost


def install(window: ExtensionHost) -> Restructure:
    """Add the menu entries to ``window`` (once); the result is kept as ``window.restructure``."""
    from govplanner.gui.restructure.wiring import Restructure

    existing = getattr(window, "restructure", None)
    if isinstance(existing, Restructure):
        return existing
    restructure = Restructure(window)
    window.restructure = restructure  # type: ignore[attr-defined]
    return restructure

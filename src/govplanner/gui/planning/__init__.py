"""Planning views (compare, term timeline, principles, plan words) added to a main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govplanner.gui.shell import ExtensionHost


def install(window: ExtensionHost) -> None:
    """Add the planning tabs and menu entries to ``window`` (called once, from its __init__)."""
    from govplanner.gui.planning.wiring import install_planning

    install_planning(window)
    from govplanner.gui import restructure  # merge, reduce, timeline (issue 14)

    restructure.install(window)

"""The plan a comparison is made with, and where it comes from, said plainly.

The other plan is either a file as it was last saved (re-read when the file changes), or the
plan open in another window as it is now, unsaved edits included. Each side of a comparison
is described in words ("the file a.govplan in C:\\Plans, as saved at 14:02 on 2 December
2026"; "this window's plan as it is now, with unsaved changes") so nobody has to guess what
"before" means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from govplanner.analysis.rules.common import long_date
from govplanner.domain.document import PlanDocument
from govplanner.domain.model import Plan


@dataclass(frozen=True)
class OpenPlan:
    """A plan open in a window of this application."""

    window: QWidget
    document: PlanDocument

    @property
    def name(self) -> str:
        return self.document.plan.name

    @property
    def modified(self) -> bool:
        """The window has changes not yet saved (its title shows '*')."""
        return self.window.isWindowModified()


#: Lists the plans open in the app's other windows (the view's own window left out).
OpenPlans = Callable[[QWidget | None], list[OpenPlan]]


def open_plans(exclude: QWidget | None) -> list[OpenPlan]:
    """The plans open in the application's visible top-level windows, but ``exclude``.

    A window counts when it shows a plan document (an attribute ``document``); nothing here
    needs to know the main window's class.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return []
    found = []
    for widget in app.topLevelWidgets():
        document = getattr(widget, "document", None)
        if widget is exclude or not widget.isVisible() or not isinstance(document, PlanDocument):
            continue
        found.append(OpenPlan(widget, document))
    return sorted(found, key=lambda p: (p.name.casefold(), str(p.document.path or "")))


class Target:
    """The other plan: a file as read at ``mtime``, or another window's live plan."""

    def __init__(
        self,
        path: Path | None,
        plan: Plan,
        mtime: float = 0.0,
        *,
        live: OpenPlan | None = None,
    ) -> None:
        self.path = path
        self._plan = plan
        self.mtime = mtime
        self.live = live
        #: the live window was closed: the plan is kept as it was then
        self.closed = False

    @property
    def plan(self) -> Plan:
        if self.live is not None and not self.closed:
            return self.live.document.plan
        return self._plan

    @property
    def is_live(self) -> bool:
        return self.live is not None

    def window_closed(self) -> None:
        """Keep the plan as it was when the other window closed."""
        if self.live is not None and not self.closed:
            self._plan = self.live.document.plan
            self.closed = True


def load_target(path: Path) -> Target:
    """Read the plan in ``path``; raises the plan file's plain-English error if it cannot."""
    from govplanner.files.planfile import load_plan

    mtime = modified_time(path)
    return Target(path, load_plan(path), mtime)


def live_target(open_plan: OpenPlan) -> Target:
    """The plan open in another window, followed as it changes."""
    document = open_plan.document
    return Target(document.path, document.plan, live=open_plan)


def modified_time(path: Path) -> float:
    """The file's time stamp (0 when it is missing, so a reappearing file counts as changed)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# -- in words ----------------------------------------------------------------------------------


def saved_at(mtime: float) -> str:
    """'14:02 on 2 December 2026' (local time), or '' for a file that was not there."""
    if not mtime:
        return ""
    moment = dt.datetime.fromtimestamp(mtime)
    return f"{moment:%H:%M} on {long_date(moment.date())}"


def file_words(path: Path, mtime: float, *, own_file: bool) -> str:
    """'the file a.govplan in /plans, as saved at 14:02 on 2 December 2026'."""
    what = "this plan's own file" if own_file else "the file"
    when = saved_at(mtime)
    saved = f", as saved at {when}" if when else ", which is missing now"
    return f"{what} {path.name} in {path.parent}{saved}"


def open_plan_words(modified: bool) -> str:
    """How the open plan (this window's) is described."""
    changes = "with unsaved changes" if modified else "no unsaved changes"
    return f"this window's plan as it is now ({changes})"


def target_words(target: Target, own_path: Path | None) -> str:
    """The other side of the comparison in words."""
    if target.live is not None:
        if target.closed:
            return "the plan of another window, as it was when that window closed"
        changes = "with unsaved changes" if target.live.modified else "no unsaved changes"
        return f"the plan open in another window, as it is now ({changes})"
    if target.path is None:
        return "a plan with no file"
    own = own_path is not None and same_file(target.path, own_path)
    return file_words(target.path, target.mtime, own_file=own)


def same_file(a: Path, b: Path) -> bool:
    """The two paths name one file (links and '..' resolved)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b

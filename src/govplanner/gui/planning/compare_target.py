"""The plan a comparison is made with: its file, the plan read from it, and when it changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govplanner.domain.model import Plan


@dataclass
class Target:
    """The other plan, as read from ``path`` when the file's time stamp was ``mtime``."""

    path: Path
    plan: Plan
    mtime: float


def load_target(path: Path) -> Target:
    """Read the plan in ``path``; raises the plan file's plain-English error if it cannot."""
    from govplanner.files.planfile import load_plan

    mtime = modified_time(path)
    return Target(path, load_plan(path), mtime)


def modified_time(path: Path) -> float:
    """The file's time stamp (0 when it is missing, so a reappearing file counts as changed)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0

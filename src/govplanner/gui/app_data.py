"""Where the app keeps its own files: autosaved copies and the error log.

``GOVPLANNER_DATA_DIR`` (for tests, portable installs and support) puts both under one folder;
otherwise they go to the platform's usual places (see the README, "Your data is safe").
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govplanner.files.recovery import RecoveryStore

DATA_DIR_VARIABLE = "GOVPLANNER_DATA_DIR"


def data_dir_override() -> Path | None:
    value = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    return Path(value) if value else None


def recovery_dir() -> Path:
    from govplanner.files.recovery import default_recovery_dir  # pydantic: after first paint

    override = data_dir_override()
    return override / "recovery" if override else default_recovery_dir()


def log_dir() -> Path:
    from govplanner.files.crash_log import default_log_dir

    override = data_dir_override()
    return override / "logs" if override else default_log_dir()


def recovery_store() -> RecoveryStore:
    from govplanner.files.recovery import RecoveryStore

    return RecoveryStore(recovery_dir())

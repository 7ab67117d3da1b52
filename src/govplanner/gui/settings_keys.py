"""Every QSettings key the app keeps, declared once: its key, default and meaning.

Modules read and write ``settings.value(KEY.key, KEY.default)``, never a key typed at the
call, so a renamed or retyped setting changes in one place. (The autosave interval is
declared beside the autosaver, ``gui.autosave.SETTINGS_KEY``.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingKey:
    key: str
    default: Any
    meaning: str


WINDOW_GEOMETRY = SettingKey(
    "window/geometry", None, "The main window's size and place (Qt's saveGeometry bytes)."
)
WINDOW_STATE = SettingKey(
    "window/state", None, "Which docks show and where (Qt's saveState bytes), with a plan open."
)
RECENT_FILES = SettingKey("recentFiles", [], "Plans opened lately, newest first (paths).")

"""Every QSettings key the app keeps, declared once: its key, type, default and meaning.

Modules read and write ``settings.value(KEY.key, KEY.default)``, never a key typed at the
call, so a renamed or retyped setting changes in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingKey:
    key: str
    #: the type a stored value has (QSettings may hand back text: read it as this)
    kind: type
    default: Any
    meaning: str


WINDOW_GEOMETRY = SettingKey(
    "window/geometry", bytes, None, "The main window's size and place (Qt's saveGeometry bytes)."
)
WINDOW_STATE = SettingKey(
    "window/state", bytes, None,
    "Which docks show and where (Qt's saveState bytes), with a plan open.",
)  # fmt: skip
RECENT_FILES = SettingKey("recentFiles", list, [], "Plans opened lately, newest first (paths).")
AUTOSAVE_MINUTES = SettingKey(
    "autosave/minutes", float, 3.0,
    "Minutes between autosaved copies of unsaved work (at least a quarter of a minute).",
)  # fmt: skip
#: every key, for checks and for anyone documenting the settings
ALL = (WINDOW_GEOMETRY, WINDOW_STATE, RECENT_FILES, AUTOSAVE_MINUTES)

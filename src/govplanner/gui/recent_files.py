"""The recently opened plans, newest first, kept in QSettings; ``changed`` when the list does."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from govplanner.gui import settings_keys as keys

MAX_RECENT = 8


class RecentFiles(QObject):
    """File ▸ Open Recent's list (paths), shared by the menu and the welcome page."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    def paths(self) -> list[str]:
        value = self.settings.value(keys.RECENT_FILES.key, keys.RECENT_FILES.default)
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(p) for p in items if p]

    def add(self, path: str) -> None:
        self._store([path] + [p for p in self.paths() if p != path])

    def forget(self, path: str) -> None:
        self._store([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        self.settings.setValue(keys.RECENT_FILES.key, paths[:MAX_RECENT])
        self.changed.emit()

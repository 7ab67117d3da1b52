"""Autosave: while the plan has unsaved changes, a copy goes to the recovery folder every few
minutes (never over the user's own file); saving, closing cleanly, New and Open remove it.

At 50,000 seats ``RecoveryStore.write`` takes about 130 ms (serialising ~90 ms, the fsynced
write the rest), a noticeable stutter every few minutes. So the GUI thread only turns the plan
into text, quickly (pydantic's compact JSON, 55-70 ms: no canonical ordering or indentation,
which only matter for the user's own files under version control), and one background thread
writes it, in order with the discards, so a late write can never resurrect a discarded copy.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import socket
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from govplanner.domain.model import Plan
from govplanner.files.atomic import atomic_write_text
from govplanner.files.migrations import CURRENT_SCHEMA_VERSION, FORMAT
from govplanner.files.recovery import RecoveryStore
from govplanner.gui import settings_keys as keys

DEFAULT_MINUTES = keys.AUTOSAVE_MINUTES.default


def interval_from(settings: QSettings) -> int:
    """The autosave interval in milliseconds (``settings_keys.AUTOSAVE_MINUTES``)."""
    key = keys.AUTOSAVE_MINUTES
    try:
        minutes = key.kind(settings.value(key.key, key.default))
    except (TypeError, ValueError):
        minutes = DEFAULT_MINUTES
    return int(max(minutes, 0.25) * 60_000)


def recovery_text(plan: Plan) -> str:
    """A complete ``.govplan`` file for ``plan``, made as fast as pydantic can."""
    return (
        f'{{"format": "{FORMAT}", "schema_version": {CURRENT_SCHEMA_VERSION}, '
        f'"plan": {plan.model_dump_json()}}}\n'
    )


def write_copy(store: RecoveryStore, key: str, text: str, name: str, original: Path | None) -> Path:
    """Write one autosaved copy in ``RecoveryStore``'s layout (``KEY.govplan`` + ``KEY.json``)."""
    store.root.mkdir(parents=True, exist_ok=True)
    target = store.root / f"{key}.govplan"
    atomic_write_text(target, text)
    meta = {
        "original_path": str(original) if original else None,
        "plan_name": name,
        "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    atomic_write_text(store.root / f"{key}.json", json.dumps(meta, indent=2))
    return target


class Autosaver(QObject):
    """Keeps a copy of unsaved work in a :class:`RecoveryStore`; ``flush()`` waits for it."""

    written = Signal(str)  # the copy's path
    failed = Signal(str)  # a plain-English message for the status bar

    def __init__(
        self,
        document: PlanDocument,
        undo_stack: QUndoStack,
        store: RecoveryStore,
        interval_ms: int,
        parent: QObject | None = None,
        active: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.document, self.undo_stack, self.store = document, undo_stack, store
        self._active = active
        self.session = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._key: str | None = None
        self._written_revision = -1
        self._pending: list[Future[Any]] = []
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.write_now)
        self.timer.start()
        undo_stack.cleanChanged.connect(self._clean_changed)

    @property
    def key(self) -> str | None:
        """The key of the copy on disk for this session's document, if any."""
        return self._key

    def needs_saving(self) -> bool:
        return self._active() and not self.undo_stack.isClean()

    def write_now(self) -> bool:
        """Autosave at once if there is unsaved work not yet copied; True if a write started."""
        if not self.needs_saving():
            return False
        key = self.store.key_for(self.document.path, self.session)
        if key == self._key and self.document.revision == self._written_revision:
            return False
        old = self._key if self._key != key else None
        plan = self.document.plan
        text = recovery_text(plan)
        self._key, self._written_revision = key, self.document.revision
        self._submit(write_copy, self.store, key, text, plan.name, self.document.path)
        if old is not None:
            self._submit(self.store.discard, old)
        return True

    def discard(self) -> None:
        """Remove this session's copy (the work is saved, or the user chose to drop it)."""
        if self._key is not None:
            self._submit(self.store.discard, self._key)
        self._key, self._written_revision = None, -1

    def flush(self, timeout: float | None = 10.0) -> bool:
        """Wait for queued writes and discards to finish; False if any of them failed."""
        ok = True
        for future in list(self._pending):
            try:
                future.result(timeout)
            except Exception:
                ok = False
        return ok

    def shutdown(self) -> None:
        self.timer.stop()
        self.flush()
        self._executor.shutdown(wait=True)

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def _submit(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            future = self._executor.submit(fn, *args)
        except RuntimeError:  # shut down: the window is closing
            return
        self._pending = [f for f in self._pending if not f.done()] + [future]
        future.add_done_callback(self._report)

    def _report(self, future: Future[Any]) -> None:  # on the autosave thread
        if not shiboken6.isValid(self):  # the window has gone; nobody is listening
            return
        exc = future.exception()
        if exc is not None:
            self.failed.emit(f"Autosave failed: {exc}")
        elif isinstance(future.result(), Path):
            self.written.emit(str(future.result()))
